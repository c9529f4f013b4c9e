#include "game/platform/window_hints.hpp"

#include <X11/Xlib.h>
#include <X11/Xutil.h>

namespace trustdaily::game {
namespace {

// Xlib's default handler exits the process on any protocol error; a hint
// that fails (a window already gone) must not end the game.
int ignoreXError(Display*, XErrorEvent*) { return 0; }

// One short connection with errors made harmless.
class HintConnection {
 public:
  HintConnection() : display_(XOpenDisplay(nullptr)) {
    if (display_ != nullptr) previous_ = XSetErrorHandler(ignoreXError);
  }
  ~HintConnection() {
    if (display_ == nullptr) return;
    XSync(display_, False);  // errors arrive while the quiet handler is set
    XSetErrorHandler(previous_);
    XCloseDisplay(display_);
  }
  HintConnection(const HintConnection&) = delete;
  HintConnection& operator=(const HintConnection&) = delete;
  Display* get() const { return display_; }

 private:
  Display* display_;
  int (*previous_)(Display*, XErrorEvent*) = nullptr;
};

}  // namespace

bool setMinimumWindowSize(sf::WindowHandle window, unsigned width, unsigned height) {
  // SFML keeps its Display to itself; a second short connection can set the
  // property, which belongs to the window, not to the connection.
  if (window == 0) return false;
  HintConnection connection;
  Display* display = connection.get();
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
  }
  return ok;
}

bool minimumWindowSize(sf::WindowHandle window, unsigned& width, unsigned& height) {
  if (window == 0) return false;
  HintConnection connection;
  Display* display = connection.get();
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
  return ok;
}

}  // namespace trustdaily::game
