#pragma once
// Live playtest: jump to any node of the file (F3). The play starts again at
// the chosen node with the start point's flags and trust, not recorded.
#include "game/screens/page_screen.hpp"

namespace trustdaily::game {

class JumpScreen : public PageScreen {
 public:
  explicit JumpScreen(Context& ctx) : PageScreen(ctx, ScreenId::Jump) {}

 protected:
  Page build(sf::Vector2f size) override;
  void onAction(int action) override;
};

}  // namespace trustdaily::game
