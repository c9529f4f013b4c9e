#pragma once
// Shared page scaffolding: margins, a centred column, the footer hint line,
// and the split of a window (or overlay panel) into header, body and footer.
#include <string>

#include "game/ui/page.hpp"

namespace trustdaily::game {

struct Column {
  float margin = 0;  // outer margin
  float left = 0;    // content column
  float width = 0;
};

// A centred column no wider than maxWidth inside `frame`.
Column columnIn(const Typography& type, sf::FloatRect frame, float maxWidth);

// Cuts a text element to maxLines lines, ending with an ellipsis.
void clampLines(Element& e, const Typography& type, std::size_t maxLines);

// Lays out `hint` (one line, muted) at the bottom of the frame; sets
// page.footer and returns its top.
float placeFooterHint(Page& page, const Typography& type, const Column& col,
                      const std::string& hint);

// Moves every footer element built from y = 0 so that the footer ends at the
// frame's bottom margin; sets page.footer and returns its top.
float anchorFooter(Page& page, const Typography& type, const Column& col, float height);

// Sets page.header/body from the header's bottom and the footer's top; the
// body content ends at contentBottom (document coordinates).
void finishPage(Page& page, float headerBottom, float footerTop, float contentBottom);

// Overlays: the panel's width is chosen first (overlayFrame), its header and
// footer are built from y = 0 and its body in document coordinates; then
// finishOverlay sizes the panel to its content (at most the window less the
// margins), centres it and moves the header and footer into place.
sf::FloatRect overlayFrame(const Typography& type, sf::Vector2f window, float maxWidth);
void finishOverlay(Page& page, const Typography& type, float headerHeight, float bodyHeight,
                   float footerHeight);

// "●●○" for difficulty 2 of 3.
std::string difficultyDots(int difficulty);
// "+3" / "-2" / "0".
std::string signedNumber(int value);

}  // namespace trustdaily::game
