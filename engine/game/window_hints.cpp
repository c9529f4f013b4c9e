#include "game/window_hints.hpp"

#include <X11/Xlib.h>
#include <X11/Xutil.h>

namespace trustdaily::game {

bool setMinimumWindowSize(sf::WindowHandle window, unsigned width, unsigned height) {
  // SFML keeps its Display to itself; a second short connection can set the
  // property, which belongs to the window, not to the connection.
  Display* display = XOpenDisplay(nullptr);
  if (display == nullptr) return false;
  XSizeHints* hints = XAllocSizeHints();
  bool ok = hints != nullptr;
  if (ok) {
    long supplied = 0;
    // Keep whatever SFML set (position, size), add the minimum.
    XGetWMNormalHints(display, window, hints, &supplied);
    hints->flags |= PMinSize;
    hints->min_width = static_cast<int>(width);
    hints->min_height = static_cast<int>(height);
    XSetWMNormalHints(display, window, hints);
    XFree(hints);
    XSync(display, False);
  }
  XCloseDisplay(display);
  return ok;
}

bool minimumWindowSize(sf::WindowHandle window, unsigned& width, unsigned& height) {
  Display* display = XOpenDisplay(nullptr);
  if (display == nullptr) return false;
  XSizeHints* hints = XAllocSizeHints();
  long supplied = 0;
  bool ok = hints != nullptr && XGetWMNormalHints(display, window, hints, &supplied) != 0 &&
            (hints->flags & PMinSize) != 0;
  if (ok) {
    width = static_cast<unsigned>(hints->min_width);
    height = static_cast<unsigned>(hints->min_height);
  }
  if (hints != nullptr) XFree(hints);
  XCloseDisplay(display);
  return ok;
}

}  // namespace trustdaily::game
