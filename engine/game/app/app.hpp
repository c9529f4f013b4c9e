#pragma once
// The window and its event loop: block in waitEvent, redraw only when
// something changed, feed scripted input through the same dispatch.
#include <SFML/Graphics.hpp>
#include <vector>

#include "game/app/context.hpp"
#include "game/app/game_options.hpp"
#include "game/app/key_script.hpp"
#include "game/platform/file_watch.hpp"

namespace trustdaily::game {

class App {
 public:
  App(GameModel& model, const sf::Font& regular, const sf::Font& bold, GameOptions options,
      std::vector<ScriptStep> script);
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
  bool dumpState(const std::string& path);
  // One pass of the event loop: drain events, redraw if needed, poll the
  // watched file when due, else block on the X socket until input or the
  // next poll (never wakes on a timer when no file is watched).
  void loopOnce(int xfd, int maxWaitMs);
  // Runs the loop for `ms` milliseconds (the --keys word wait:MS).
  void pumpFor(int xfd, int ms);
  // Runs the loop until `path` exists; false after 60 s (a test's helper died).
  bool pumpUntilExists(int xfd, const std::string& path);
  void checkWatchedFile();
  // Home's "Next scenario in 7 h 12 min" reads in minutes: when it shows,
  // the loop wakes once as the minute turns and redraws it, never more often.
  // Milliseconds to that wake, or -1 when nothing on screen shows the clock.
  int msUntilClockTurns() const;
  void checkClock();
  void reloadPlaytest();
  std::string topName() const;

  GameOptions options_;
  std::vector<ScriptStep> script_;
  FileWatch watch_;
  PageView stateView_;  // the author's state panel (F2), over every screen
  sf::RenderWindow window_;
  ScreenStack stack_;
  Context ctx_;
  bool escapeHeld_ = false;       // Esc is down: its key repeats are ignored
  std::int64_t shownMinute_ = 0;  // the minute the countdown was last drawn in
};

}  // namespace trustdaily::game
