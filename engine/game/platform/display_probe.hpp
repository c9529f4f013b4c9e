#pragma once
// SFML aborts when it cannot reach an X display: ask Xlib first.

namespace trustdaily::game {

// A probe connection to the X display, held open until the window has its
// own: when the last client disconnects, an X server such as Xvfb resets,
// and the window's connection would then stall for 100 ms or more.
class DisplayProbe {
 public:
  DisplayProbe();  // connects when $DISPLAY is set
  ~DisplayProbe();
  DisplayProbe(const DisplayProbe&) = delete;
  DisplayProbe& operator=(const DisplayProbe&) = delete;

  bool available() const { return display_ != nullptr; }
  void release();  // closes the probe connection

 private:
  void* display_ = nullptr;  // Display*, kept opaque so X11 headers stay out
};

inline constexpr const char* kNoDisplayMessage =
    "trustdaily: cannot open a window (no X display). Run it under xvfb-run, or play in the "
    "terminal: trustdaily play --text";

}  // namespace trustdaily::game
