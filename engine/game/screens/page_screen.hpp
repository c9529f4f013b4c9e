#pragma once
// A screen drawn as a Page: scrolling, focus, hover and clicks are handled
// here the same way for every screen; subclasses build the page and act.
#include "game/app/context.hpp"
#include "game/layout/screen_views.hpp"
#include "game/screens/screen.hpp"
#include "game/ui/page_view.hpp"

namespace trustdaily::game {

class PageScreen : public Screen {
 public:
  using Screen::Screen;
  void handleEvent(const sf::Event& event) override;
  void draw(sf::RenderTarget& target) override { view_.draw(target); }
  void refresh() override;
  std::vector<PageView::ButtonRect> buttons() const override { return view_.visibleButtons(); }

 protected:
  virtual Page build(sf::Vector2f size) = 0;
  virtual void onAction(int action) = 0;
  // Screen keys, before the shared ones; true when handled.
  virtual bool onKey(const sf::Event::KeyEvent& key) {
    (void)key;
    return false;
  }
  // Enter with nothing focused.
  virtual int defaultAction() const { return -1; }
  virtual void onBack() { ctx_.stack.pop(); }

  PageView view_;
};

// 0..5 for the keys 1..6 (top row or keypad), else -1.
int numberKey(sf::Keyboard::Key key);

}  // namespace trustdaily::game
