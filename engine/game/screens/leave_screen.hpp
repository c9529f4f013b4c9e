#pragma once
// Leaving a play mid-way (Esc, or closing the window), over Play: says what
// happens to the play before it goes. The day's play is saved after every
// choice and resumes from home; a practice play or a replay is not saved.
#include "game/layout/screen_layouts.hpp"
#include "game/screens/page_screen.hpp"

namespace trustdaily::game {

class LeaveScreen : public PageScreen {
 public:
  explicit LeaveScreen(Context& ctx) : PageScreen(ctx, ScreenId::Leave) {}
  bool overlay() const override { return true; }

 protected:
  Page build(sf::Vector2f size) override;
  void onAction(int action) override;
  int defaultAction() const override { return action::kLeave; }
  void onBack() override { onAction(action::kBack); }
};

}  // namespace trustdaily::game
