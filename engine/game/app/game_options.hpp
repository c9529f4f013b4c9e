#pragma once
// What the command line asks of the window (engine/window_request.hpp).
#include "window_request.hpp"

namespace trustdaily::game {

using GameOptions = WindowRequest;

// Opens the window. Returns the process exit code: 0 ok, 1 no display, no font
// or unreadable scenario.
int runGame(const GameOptions& options);

}  // namespace trustdaily::game
