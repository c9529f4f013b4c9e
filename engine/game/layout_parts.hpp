#pragma once
// Pieces shared by several screen layouts: trust meters and principle chips.
#include <vector>

#include "game/page.hpp"
#include "game/screen_views.hpp"

namespace trustdaily::game {

std::vector<MeterSpec> trustMeters(const std::vector<MeterView>& meters);

// Principle chips: a colour swatch and "+2 Name", packed in rows. Returns the
// height used.
float layoutChips(Page& page, const Typography& type, Region region, float left, float width,
                  float top, const std::vector<ChipView>& chips);

}  // namespace trustdaily::game
