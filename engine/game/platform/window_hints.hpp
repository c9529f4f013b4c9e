#pragma once
// Window-manager hints SFML 2.5 does not offer.
#include <SFML/Window/WindowHandle.hpp>

namespace trustdaily::game {

// Asks the window manager not to let the window shrink below width x height
// (the smallest size the layout tests cover). A hint: without a window
// manager, or with one that ignores it, nothing changes. Returns whether the
// hint was set.
bool setMinimumWindowSize(sf::WindowHandle window, unsigned width, unsigned height);

// The minimum size hint as the X server holds it, read back for tests;
// false when there is none.
bool minimumWindowSize(sf::WindowHandle window, unsigned& width, unsigned& height);

}  // namespace trustdaily::game
