#pragma once
// Pieces shared by several screen layouts: trust meters and principle chips.
#include <vector>

#include "game/layout/screen_views.hpp"
#include "game/ui/page.hpp"

namespace trustdaily::game {

std::vector<MeterSpec> trustMeters(const std::vector<MeterView>& meters);

// Principle chips: a colour swatch and "+2 Name", packed in rows. Returns the
// height used.
float layoutChips(Page& page, const Typography& type, Region region, float left, float width,
                  float top, const std::vector<ChipView>& chips);

// The play screen's document cards (body region), in a grid with a label
// above. Returns the height used (0 without documents).
float layoutDocumentCards(Page& page, const Typography& type, float left, float width, float top,
                          const std::vector<DocumentCardView>& cards);

}  // namespace trustdaily::game
