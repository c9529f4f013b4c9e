#include "game/screens/feedback_screen.hpp"

#include "game/screens/play_screen.hpp"
#include "game/ui/page_frame.hpp"

namespace trustdaily::game {

std::vector<ChipView> principleChips(const GameModel& model,
                                     const std::map<std::string, int>& score) {
  std::vector<ChipView> chips;
  // In the framework's display order.
  for (const core::FrameworkEntry& p : model.framework().principles) {
    auto it = score.find(p.id);
    if (it == score.end() || it->second == 0) continue;
    chips.push_back(
        {signedNumber(it->second) + "  " + p.name, model.principleColour(p.id), it->second});
  }
  return chips;
}

Page FeedbackScreen::build(sf::Vector2f size) {
  FeedbackView v;
  const ActivePlay* p = ctx_.model.play();
  if (p == nullptr || !p->lastOutcome) return layoutFeedback(ctx_.type, size, v);
  const core::ChoiceOutcome& o = *p->lastOutcome;
  v.choiceText = o.choiceText;
  v.feedback = o.feedback;
  v.chips = principleChips(ctx_.model, o.score);
  for (const std::string& partner : p->session.scenario().partners) {
    auto d = o.trustDelta.find(partner);
    if (d == o.trustDelta.end() || d->second == 0) continue;
    auto now = p->session.state().trust.find(partner);
    int value = now != p->session.state().trust.end() ? now->second : core::kTrustStart;
    v.trust.push_back({ctx_.model.partnerName(partner), value, d->second});
  }
  v.misstep = o.misstep;
  v.endsScenario = p->session.finished();
  if (p->review && ctx_.model.drill()) {
    const ReviewDrill& d = *ctx_.model.drill();
    v.reviewResult = d.result;
    v.reviewGood = d.lastGood;
    v.continueLabel = d.at + 1 < d.items.size() ? "Next review (Enter)" : "Back home (Enter)";
  }
  return layoutFeedback(ctx_.type, size, v);
}

bool FeedbackScreen::onKey(const sf::Event::KeyEvent& key) {
  const ActivePlay* p = ctx_.model.play();
  if (key.code == sf::Keyboard::R && p != nullptr && !p->review && p->lastOutcome &&
      p->lastOutcome->misstep) {
    onAction(action::kTryAgain);
    return true;
  }
  return false;
}

void FeedbackScreen::onAction(int a) {
  ActivePlay* p = ctx_.model.play();
  if (p == nullptr) {
    ctx_.stack.pop();
    return;
  }
  if (p->review) {
    if (a != action::kContinue) return;
    ctx_.stack.pop();                                // Feedback
    if (!ctx_.model.nextReview()) ctx_.stack.pop();  // Play: the drill is over, home
    return;
  }
  if (a == action::kTryAgain && p->lastOutcome && p->lastOutcome->misstep) {
    // Same play, same kind: trying again is part of learning the day.
    ctx_.model.rewindTo(p->lastOutcome->step, false);
    ctx_.stack.pop();
  } else if (a == action::kContinue) {
    ctx_.model.closeRetryOffer();
    ctx_.stack.pop();
    if (p->session.finished()) {
      ctx_.stack.pop();  // Play
      ctx_.stack.push(ScreenId::Debrief);
    }
  }
}

}  // namespace trustdaily::game
