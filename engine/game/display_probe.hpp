#pragma once
// SFML aborts when it cannot reach an X display: ask Xlib first.

namespace trustdaily::game {

// True when $DISPLAY is set and XOpenDisplay succeeds.
bool displayAvailable();

inline constexpr const char* kNoDisplayMessage =
    "trustdaily: cannot open a window (no X display). Run it under xvfb-run, or play in the "
    "terminal: trustdaily play --text";

}  // namespace trustdaily::game
