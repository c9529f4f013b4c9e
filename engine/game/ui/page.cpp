#include "game/ui/page.hpp"

#include <algorithm>
#include <cmath>

#include "game/ui/text_wrap.hpp"

namespace trustdaily::game {

Flow::Flow(Page& page, const Typography& type, Region region, float left, float width, float top)
    : page_(page), type_(type), region_(region), x_(left), w_(width), y_(top) {}

std::size_t Flow::text(const std::string& utf8Text, unsigned size, bool bold, Tone tone,
                       float indent) {
  Element e;
  e.kind = ElementKind::Text;
  e.region = region_;
  e.charSize = size;
  e.bold = bold;
  e.tone = tone;
  e.lineHeight = type_.lineHeight(size);
  const sf::Font& font = bold ? *type_.bold : *type_.regular;
  e.lines = wrapText(font, size, utf8(utf8Text), w_ - indent);
  e.rect = sf::FloatRect(x_ + indent, y_, w_ - indent,
                         e.lineHeight * static_cast<float>(e.lines.size()));
  y_ += e.rect.height;
  page_.elements.push_back(std::move(e));
  return page_.elements.size() - 1;
}

std::size_t Flow::button(const std::string& label, int action, ButtonStyle style, float width,
                         unsigned size) {
  Element e;
  e.kind = ElementKind::Button;
  e.region = region_;
  e.charSize = size != 0 ? size : type_.body;
  e.bold = style == ButtonStyle::Primary;
  e.lineHeight = type_.lineHeight(e.charSize);
  e.padX = std::round(type_.unit * 0.9f);
  e.padY = std::round(type_.unit * 0.5f);
  e.action = action;
  e.style = style;
  float w = width > 0 ? std::min(width, w_) : w_;
  const sf::Font& font = e.bold ? *type_.bold : *type_.regular;
  e.lines = wrapText(font, e.charSize, utf8(label), w - 2 * e.padX);
  if (width <= 0 && style != ButtonStyle::Choice) {
    // Secondary and primary buttons hug their label.
    float widest = 0;
    for (const auto& l : e.lines) widest = std::max(widest, lineWidth(font, e.charSize, l));
    w = std::min(w_, std::ceil(widest) + 2 * e.padX);
  }
  e.rect = sf::FloatRect(x_, y_, w, e.lineHeight * static_cast<float>(e.lines.size()) + 2 * e.padY);
  y_ += e.rect.height;
  page_.elements.push_back(std::move(e));
  return page_.elements.size() - 1;
}

std::size_t Flow::cardButton(const std::string& title, const std::string& details, int action,
                             float width, unsigned size) {
  std::size_t i = button(details, action, ButtonStyle::Choice, width, size);
  Element& e = page_.elements[i];
  std::vector<sf::String> head =
      wrapText(*type_.bold, e.charSize, utf8(title), e.rect.width - 2 * e.padX);
  e.boldLines = head.size();
  e.lines.insert(e.lines.begin(), head.begin(), head.end());
  float grow = e.lineHeight * static_cast<float>(head.size());
  e.rect.height += grow;
  y_ += grow;
  return i;
}

void Flow::buttonRow(const std::vector<std::pair<std::string, int>>& buttons, ButtonStyle style) {
  float gapX = std::round(type_.unit * 0.6f);
  float rowTop = y_;
  float x = x_;
  float rowBottom = y_;
  for (const auto& [label, action] : buttons) {
    // Laid out with the whole width, so the label keeps its own width even
    // when what is left of the row is narrower (or nothing at all).
    Flow probe(page_, type_, region_, x, w_, rowTop);
    std::size_t i = probe.button(label, action, style);
    Element& e = page_.elements[i];
    if (x > x_ && x + e.rect.width > x_ + w_) {
      // Does not fit: start a new row.
      page_.elements.pop_back();
      rowTop = rowBottom + gapX;
      x = x_;
      Flow again(page_, type_, region_, x, w_, rowTop);
      i = again.button(label, action, style);
    }
    const Element& placed = page_.elements[i];
    x = placed.rect.left + placed.rect.width + gapX;
    rowBottom = std::max(rowBottom, placed.rect.top + placed.rect.height);
  }
  y_ = rowBottom;
}

float textWidth(const Typography& type, unsigned size, bool bold, const std::string& utf8Text) {
  return std::ceil(lineWidth(bold ? *type.bold : *type.regular, size, utf8(utf8Text)));
}

std::size_t placeLine(Page& page, const Typography& type, Region region, float x, float y,
                      float width, const std::string& utf8Text, unsigned size, bool bold,
                      Tone tone) {
  Element e;
  e.kind = ElementKind::Text;
  e.region = region;
  e.charSize = size;
  e.bold = bold;
  e.tone = tone;
  e.lineHeight = type.lineHeight(size);
  e.lines = {utf8(utf8Text)};
  e.rect = sf::FloatRect(x, y, width, e.lineHeight);
  page.elements.push_back(std::move(e));
  return page.elements.size() - 1;
}

std::size_t placeLineRight(Page& page, const Typography& type, Region region, float right, float y,
                           const std::string& utf8Text, unsigned size, bool bold, Tone tone) {
  const float w = textWidth(type, size, bold, utf8Text);
  return placeLine(page, type, region, right - w, y, w, utf8Text, size, bold, tone);
}

std::size_t openBox(Page& page, Region region, Tone tone) {
  Element e;
  e.kind = ElementKind::Box;
  e.region = region;
  e.tone = tone;
  page.elements.push_back(std::move(e));
  return page.elements.size() - 1;
}

std::size_t Flow::bar(float x, float y, float w, float h, Tone tone, sf::Color custom) {
  Element e;
  e.kind = ElementKind::Bar;
  e.region = region_;
  e.rect = sf::FloatRect(x, y, w, h);
  e.tone = tone;
  e.custom = custom;
  page_.elements.push_back(std::move(e));
  return page_.elements.size() - 1;
}

float layoutMeters(Page& page, const Typography& type, Region region, float left, float width,
                   float top, const std::vector<MeterSpec>& meters, float minCell) {
  if (meters.empty()) return 0;
  float gapX = std::round(type.unit * 1.2f);
  int columns = std::max(1, static_cast<int>((width + gapX) / (minCell + gapX)));
  columns = std::min<int>(columns, static_cast<int>(meters.size()));
  float cell = (width - gapX * static_cast<float>(columns - 1)) / static_cast<float>(columns);
  float labelH = type.lineHeight(type.small);
  float barH = std::round(type.unit * 0.45f);
  float rowH = labelH + barH + std::round(type.unit * 0.6f);
  float valueW = std::ceil(lineWidth(*type.bold, type.small, utf8("100 (+30)")));
  for (std::size_t i = 0; i < meters.size(); ++i) {
    const MeterSpec& m = meters[i];
    int col = static_cast<int>(i) % columns;
    int row = static_cast<int>(i) / columns;
    float x = left + static_cast<float>(col) * (cell + gapX);
    float y = top + static_cast<float>(row) * rowH;
    Flow label(page, type, region, x, std::max(10.f, cell - valueW - 4), y);
    std::size_t li = label.text(m.label, type.small, false, Tone::Muted);
    // One line only: the cell is narrow; drop the rest rather than overlap.
    Element& le = page.elements[li];
    if (le.lines.size() > 1) {
      le.lines.resize(1);
      le.lines[0] += sf::String(L"\u2026");
      while (le.lines[0].getSize() > 2 &&
             lineWidth(*type.regular, type.small, le.lines[0]) > le.rect.width) {
        le.lines[0].erase(le.lines[0].getSize() - 2);
      }
      le.rect.height = le.lineHeight;
    }
    placeLineRight(page, type, region, x + cell, y, m.value, type.small, true, Tone::Text);
    Flow bars(page, type, region, x, cell, y);
    bars.bar(x, y + labelH, cell, barH, Tone::Track);
    if (m.signedBar) {
      const float half = std::round(cell / 2);
      const float f = std::clamp(m.fraction, -1.f, 1.f);
      const float len = std::max(2.f, half * std::abs(f));
      if (f > 0) bars.bar(x + half, y + labelH, len, barH, m.fillTone, m.custom);
      if (f < 0) bars.bar(x + half - len, y + labelH, len, barH, m.fillTone, m.custom);
      // The zero line, in ink, across the track.
      bars.bar(x + half - 1, y + labelH, 2, barH, Tone::Text);
      continue;
    }
    float f = std::clamp(m.fraction, 0.f, 1.f);
    if (f > 0) bars.bar(x, y + labelH, std::max(2.f, cell * f), barH, m.fillTone, m.custom);
  }
  int rows = (static_cast<int>(meters.size()) + columns - 1) / columns;
  return static_cast<float>(rows) * rowH - std::round(type.unit * 0.6f);
}

}  // namespace trustdaily::game
