#pragma once
// A page drawn off-screen (sf::RenderTexture) at its own size and saved as
// a PNG: the debrief card. Needs an OpenGL context, which the open window
// provides.
#include <string>

#include "game/ui/page.hpp"
#include "game/ui/theme.hpp"

namespace trustdaily::game {

// Draws `page` on the palette's background and writes `path` (through a
// temporary file beside it, renamed over it, so a half-written card is never
// left under the final name). Empty on success, else a one-line reason.
std::string savePageImage(const Page& page, const Typography& type, const Palette& palette,
                          const std::string& path);

}  // namespace trustdaily::game
