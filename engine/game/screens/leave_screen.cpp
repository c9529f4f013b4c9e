#include "game/screens/leave_screen.hpp"

namespace trustdaily::game {

Page LeaveScreen::build(sf::Vector2f size) {
  LeaveView v;
  const bool quit = ctx_.quitAfterLeave;
  v.heading = quit ? "Quit in the middle of this play?" : "Leave this play?";
  const ActivePlay* p = ctx_.model.play();
  if (ctx_.model.playIsSaved() && p != nullptr && p->archive) {
    v.text = "This play of " + p->day +
             " from the archive is saved after every choice. Leave now, and that day on the "
             "History calendar takes you back to this scene.";
  } else if (ctx_.model.playIsSaved()) {
    v.text =
        "Today\u2019s play is saved after every choice. Leave now, and \u201CResume\u201D on the "
        "home screen, today, takes you back to this scene.";
  } else {
    v.text =
        "Practice plays and replays are not saved: leaving ends this one, and what you "
        "chose so far is not recorded.";
  }
  v.leaveLabel = quit ? "Quit (Enter)" : "Leave (Enter)";
  return layoutLeave(ctx_.type, size, v);
}

void LeaveScreen::onAction(int a) {
  if (a == action::kLeave) {
    ctx_.model.endPlay();
    if (ctx_.quitAfterLeave) {
      ctx_.stack.clear();  // an empty stack closes the window
    } else {
      ctx_.stack.pop();  // this overlay
      ctx_.stack.pop();  // the play
    }
  } else if (a == action::kBack) {
    ctx_.quitAfterLeave = false;
    ctx_.stack.pop();
  }
}

}  // namespace trustdaily::game
