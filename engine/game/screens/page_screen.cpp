#include "game/screens/page_screen.hpp"

namespace trustdaily::game {

int numberKey(sf::Keyboard::Key key) {
  if (key >= sf::Keyboard::Num1 && key <= sf::Keyboard::Num6) return key - sf::Keyboard::Num1;
  if (key >= sf::Keyboard::Numpad1 && key <= sf::Keyboard::Numpad6) {
    return key - sf::Keyboard::Numpad1;
  }
  return -1;
}

void PageScreen::refresh() { view_.setPage(build(ctx_.size()), ctx_.type, ctx_.palette); }

void PageScreen::handleEvent(const sf::Event& event) {
  const Page& page = view_.page();
  float line = ctx_.type.lineHeight(ctx_.type.body);
  switch (event.type) {
    case sf::Event::KeyPressed: {
      if (onKey(event.key)) {
        ctx_.dirty = true;
        return;
      }
      switch (event.key.code) {
        case sf::Keyboard::Escape:
          onBack();
          ctx_.dirty = true;
          break;
        case sf::Keyboard::Up:
          ctx_.dirty |= view_.moveFocus(-1);
          break;
        case sf::Keyboard::Down:
          ctx_.dirty |= view_.moveFocus(+1);
          break;
        case sf::Keyboard::Tab:
          ctx_.dirty |= view_.moveFocus(event.key.shift ? -1 : +1);
          break;
        case sf::Keyboard::Enter:
        case sf::Keyboard::Space: {
          int a = view_.focusedAction();
          if (a < 0) a = defaultAction();
          if (a >= 0) {
            onAction(a);
            ctx_.dirty = true;
          }
          break;
        }
        case sf::Keyboard::PageDown:
          ctx_.dirty |= view_.scrollBy(page.body.height * 0.85f);
          break;
        case sf::Keyboard::PageUp:
          ctx_.dirty |= view_.scrollBy(-page.body.height * 0.85f);
          break;
        case sf::Keyboard::Home:
          ctx_.dirty |= view_.scrollTo(0);
          break;
        case sf::Keyboard::End:
          ctx_.dirty |= view_.scrollTo(page.maxScroll());
          break;
        default:
          break;
      }
      break;
    }
    case sf::Event::MouseWheelScrolled:
      if (view_.scrollBy(-event.mouseWheelScroll.delta * line * 3)) {
        view_.hover({static_cast<float>(event.mouseWheelScroll.x),
                     static_cast<float>(event.mouseWheelScroll.y)});
        ctx_.dirty = true;
      }
      break;
    case sf::Event::MouseMoved:
      ctx_.dirty |= view_.hover(
          {static_cast<float>(event.mouseMove.x), static_cast<float>(event.mouseMove.y)});
      break;
    case sf::Event::MouseButtonPressed:
      if (event.mouseButton.button == sf::Mouse::Left) {
        int a = view_.actionAt(
            {static_cast<float>(event.mouseButton.x), static_cast<float>(event.mouseButton.y)});
        if (a >= 0) {
          onAction(a);
          ctx_.dirty = true;
        }
      }
      break;
    default:
      break;
  }
}

}  // namespace trustdaily::game
