#include "game/app/today_play.hpp"

namespace trustdaily::game {

void openTodayPlay(Context& ctx, bool startOver) {
  ctx.model.startToday(startOver);
  const ActivePlay* p = ctx.model.play();
  if (p == nullptr) return;
  const bool retryOpen = p->lastOutcome.has_value();
  if (p->session.finished() && !retryOpen) {
    ctx.stack.push(ScreenId::Debrief);
    return;
  }
  ctx.stack.push(ScreenId::Play);
  if (retryOpen) ctx.stack.push(ScreenId::Feedback);
}

}  // namespace trustdaily::game
