#pragma once
// Keyboard help, over any screen (F1 or ?).
#include "game/screens/page_screen.hpp"

namespace trustdaily::game {

class HelpScreen : public PageScreen {
 public:
  explicit HelpScreen(Context& ctx) : PageScreen(ctx, ScreenId::Help) {}
  bool overlay() const override { return true; }

 protected:
  Page build(sf::Vector2f size) override;
  void onAction(int action) override;
  int defaultAction() const override;
};

}  // namespace trustdaily::game
