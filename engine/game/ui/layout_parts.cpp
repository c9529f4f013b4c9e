// Pieces shared by several screen layouts.
#include "game/ui/layout_parts.hpp"

#include <cmath>

#include "game/ui/page_frame.hpp"
#include "game/ui/text_wrap.hpp"

namespace trustdaily::game {

std::vector<MeterSpec> trustMeters(const std::vector<MeterView>& meters) {
  std::vector<MeterSpec> specs;
  for (const MeterView& m : meters) {
    std::string value = std::to_string(m.value);
    if (m.delta != 0) value += " (" + signedNumber(m.delta) + ")";
    specs.push_back({m.name, static_cast<float>(m.value) / 100.f, value, Tone::Accent, {}});
  }
  return specs;
}

// Principle chips: a colour swatch and "+2 Name", laid out in rows.
float layoutChips(Page& page, const Typography& type, Region region, float left, float width,
                  float top, const std::vector<ChipView>& chips) {
  float sw = std::round(type.unit * 0.8f);
  float lh = type.lineHeight(type.small);
  float gapX = std::round(type.unit * 1.2f);
  float x = left;
  float y = top;
  float rowH = lh;
  for (const ChipView& c : chips) {
    float labelW = std::ceil(lineWidth(*type.bold, type.small, utf8(c.label)));
    labelW = std::min(labelW, width - sw - 8);
    float chipW = sw + 8 + std::ceil(labelW);
    if (x > left && x + chipW > left + width) {
      x = left;
      y += rowH + std::round(type.unit * 0.4f);
      rowH = lh;
    }
    Flow f(page, type, region, x, sw, y);
    f.bar(x, y + std::round((lh - sw) / 2), sw, sw, Tone::Custom, c.colour);
    Flow label(page, type, region, x + sw + 8, labelW, y);
    std::size_t i =
        label.text(c.label, type.small, true, c.value < 0 ? Tone::Negative : Tone::Text);
    rowH = std::max(rowH, page.elements[i].rect.height);
    x += chipW + gapX;
  }
  return chips.empty() ? 0 : y + rowH - top;
}

}  // namespace trustdaily::game
