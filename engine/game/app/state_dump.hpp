#pragma once
// --dump-state FILE: the session state and the top screen as JSON, written
// at exit, so tests can compare a replayed path with the same path played fresh.
#include <string>
#include <vector>

#include "game/ui/page_view.hpp"

namespace trustdaily::game {

class GameModel;

// The window as the X server has it (sizes in pixels; 0 when unknown).
struct WindowFacts {
  unsigned width = 0;
  unsigned height = 0;
  unsigned minWidth = 0;  // the window manager hint
  unsigned minHeight = 0;
  int x = 0;  // top-left corner on the screen
  int y = 0;
  unsigned screenWidth = 0;
  unsigned screenHeight = 0;
};

// Empty on success, else a one-line reason.
std::string writeStateDump(const std::string& path, const GameModel& model,
                           const std::string& screen,
                           const std::vector<PageView::ButtonRect>& buttons,
                           const WindowFacts& window);

}  // namespace trustdaily::game
