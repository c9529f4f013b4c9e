#pragma once
// Feedback, over Play after each scored choice: what the choice did to trust,
// the coaching and each principle's delta; after a misstep, "Try that again".
#include "game/layout/screen_layouts.hpp"
#include "game/screens/page_screen.hpp"

namespace trustdaily::game {

class FeedbackScreen : public PageScreen {
 public:
  explicit FeedbackScreen(Context& ctx) : PageScreen(ctx, ScreenId::Feedback) {}
  bool overlay() const override { return true; }

 protected:
  Page build(sf::Vector2f size) override;
  void onAction(int action) override;
  bool onKey(const sf::Event::KeyEvent& key) override;
  int defaultAction() const override { return action::kContinue; }
  void onBack() override { onAction(action::kContinue); }
};

// Principle deltas as chips, in the framework's order.
std::vector<ChipView> principleChips(const GameModel& model,
                                     const std::map<std::string, int>& score);

}  // namespace trustdaily::game
