#include "game/platform/display_probe.hpp"

#include <X11/Xlib.h>

#include <cstdlib>

namespace trustdaily::game {

DisplayProbe::DisplayProbe() {
  const char* name = std::getenv("DISPLAY");
  if (name == nullptr || *name == '\0') return;
  display_ = XOpenDisplay(nullptr);
}

DisplayProbe::~DisplayProbe() { release(); }

void DisplayProbe::release() {
  if (display_ != nullptr) XCloseDisplay(static_cast<Display*>(display_));
  display_ = nullptr;
}

}  // namespace trustdaily::game
