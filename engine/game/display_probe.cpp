#include "game/display_probe.hpp"

#include <X11/Xlib.h>

#include <cstdlib>

namespace trustdaily::game {

bool displayAvailable() {
  const char* name = std::getenv("DISPLAY");
  if (name == nullptr || *name == '\0') return false;
  Display* display = XOpenDisplay(nullptr);
  if (display == nullptr) return false;
  XCloseDisplay(display);
  return true;
}

}  // namespace trustdaily::game
