#pragma once
// A scene's document, over Play: the page the player opened with A-D or a
// click. Reading is free; Esc or Enter goes back to the scene.
#include "game/layout/screen_layouts.hpp"
#include "game/screens/page_screen.hpp"

namespace trustdaily::game {

class DocumentScreen : public PageScreen {
 public:
  explicit DocumentScreen(Context& ctx) : PageScreen(ctx, ScreenId::Document) {}
  bool overlay() const override { return true; }

 protected:
  Page build(sf::Vector2f size) override;
  void onAction(int action) override;
  int defaultAction() const override { return action::kBack; }
};

}  // namespace trustdaily::game
