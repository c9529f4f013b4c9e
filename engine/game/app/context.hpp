#pragma once
// What every screen may use (non-owning): the window, the model, the stack,
// the current type scale and colours, and the dirty flag.
#include <SFML/Graphics/RenderWindow.hpp>

#include "game/app/game_model.hpp"
#include "game/screens/screen_stack.hpp"
#include "game/ui/theme.hpp"
#include "game/ui/typography.hpp"

namespace trustdaily::game {

struct Context {
  sf::RenderWindow& window;
  GameModel& model;
  ScreenStack& stack;
  const sf::Font& regular;
  const sf::Font& bold;
  Typography type;
  Palette palette;
  bool dirty = true;             // something on screen changed: redraw
  bool settingsChanged = false;  // the app rebuilds type and palette
  bool quitAfterLeave = false;   // the leave overlay was opened by closing the window

  sf::Vector2f size() const {
    return {static_cast<float>(window.getSize().x), static_cast<float>(window.getSize().y)};
  }
};

}  // namespace trustdaily::game
