#pragma once
// The window and its event loop: block in waitEvent, redraw only when
// something changed, feed scripted input through the same dispatch.
#include <SFML/Graphics.hpp>
#include <vector>

#include "game/context.hpp"
#include "game/game_options.hpp"

namespace trustdaily::game {

class App {
 public:
  App(GameModel& model, const sf::Font& regular, const sf::Font& bold, GameOptions options,
      std::vector<sf::Event> script);
  // Opens the window (may run while the model loads on another thread).
  void openWindow();
  // Shows the first frame, plays the script, then waits for input.
  int run();

 private:
  void registerScreens();
  void dispatch(const sf::Event& event);
  void afterEvent();
  void applySettings();
  void render();
  bool saveScreenshot(const std::string& path);
  std::string topName() const;

  GameOptions options_;
  std::vector<sf::Event> script_;
  sf::RenderWindow window_;
  ScreenStack stack_;
  Context ctx_;
};

}  // namespace trustdaily::game
