#pragma once
// "Show a strong path": the analysis' best path, step by step with feedback.
#include "game/screens/page_screen.hpp"

namespace trustdaily::game {

class StrongPathScreen : public PageScreen {
 public:
  explicit StrongPathScreen(Context& ctx) : PageScreen(ctx, ScreenId::StrongPath) {}

 protected:
  Page build(sf::Vector2f size) override;
  void onAction(int action) override;
};

}  // namespace trustdaily::game
