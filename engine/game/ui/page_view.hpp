#pragma once
// Draws a Page and keeps its interaction state: scroll offset, hovered and
// focused button. Drawables are built when the page changes, never in draw().
#include <SFML/Graphics.hpp>
#include <string>
#include <vector>

#include "game/ui/page.hpp"
#include "game/ui/theme.hpp"

namespace trustdaily::game {

class PageView {
 public:
  // Keeps the scroll offset (clamped) and the focused button (by action).
  void setPage(Page page, const Typography& type, const Palette& palette);
  const Page& page() const { return page_; }
  void draw(sf::RenderTarget& target) const;

  // Each returns true when what is drawn changed.
  bool scrollBy(float dy);
  bool scrollTo(float y);
  void resetScroll() { scroll_ = 0; }
  float scroll() const { return scroll_; }
  bool hover(sf::Vector2f point);
  bool moveFocus(int step);
  bool focusAction(int action);
  void clearFocus();

  int focusedAction() const;
  // The action of the button under a window point, or -1.
  int actionAt(sf::Vector2f point) const;

  struct ButtonRect {
    int action = -1;
    std::string label;   // UTF-8, lines joined by spaces
    sf::FloatRect rect;  // on screen, clipped to the visible part of the body
  };
  // Buttons that can be clicked now (for tests: --dump-state lists them).
  std::vector<ButtonRect> visibleButtons() const;

 private:
  struct Drawn {
    std::size_t element = 0;
    sf::RectangleShape shape;
    std::vector<sf::Text> texts;
  };
  void build();
  void styleButton(std::size_t buttonIndex);
  sf::FloatRect onScreen(const Element& e) const;
  bool ensureVisible(const Element& e);

  Page page_;
  const Typography* type_ = nullptr;
  Palette palette_;
  float scroll_ = 0;
  int hover_ = -1;  // index into buttons_
  int focus_ = -1;
  std::vector<std::size_t> buttons_;  // element indices, in focus order
  std::vector<Drawn> drawn_;
  std::vector<int> drawnOfButton_;  // buttons_ index -> drawn_ index
};

}  // namespace trustdaily::game
