// The play screen's document cards: small labelled buttons in a grid above
// the choices (A, B, C, D), read ones marked.
#include <algorithm>
#include <cmath>

#include "game/layout/screen_layouts.hpp"
#include "game/ui/layout_parts.hpp"
#include "game/ui/page_frame.hpp"

namespace trustdaily::game {

float layoutDocumentCards(Page& page, const Typography& type, float left, float width, float top,
                          const std::vector<DocumentCardView>& cards) {
  if (cards.empty()) return 0;
  Flow label(page, type, Region::Body, left, width, top);
  std::string keys = cards.front().key;
  if (cards.size() > 1) keys += "\u2013" + cards.back().key;
  label.text("Documents on the table (optional) \u00B7 " + keys + " to open", type.small, true,
             Tone::Muted);
  label.gap(type.unit * 0.4f);

  // As many columns as fit cards at least 15 units wide; four cards in two
  // rows of two rather than three and one.
  float gapX = std::round(type.unit * 0.6f);
  float minCell = type.unit * 15;
  std::size_t columns =
      std::max<std::size_t>(1, static_cast<std::size_t>((width + gapX) / (minCell + gapX)));
  columns = std::min(columns, cards.size());
  if (cards.size() == 4 && columns == 3) columns = 2;
  float cell =
      std::floor((width - gapX * static_cast<float>(columns - 1)) / static_cast<float>(columns));

  float rowTop = label.top();
  for (std::size_t first = 0; first < cards.size(); first += columns) {
    std::size_t last = std::min(cards.size(), first + columns);
    float rowBottom = rowTop;
    std::vector<std::size_t> row;
    for (std::size_t i = first; i < last; ++i) {
      const DocumentCardView& c = cards[i];
      float x = left + static_cast<float>(i - first) * (cell + gapX);
      Flow f(page, type, Region::Body, x, cell, rowTop);
      std::string head = c.key + "  \u00B7  " + c.kind;
      if (c.read) head += "  \u00B7  \u2713 read";
      std::size_t e = f.cardButton(head, c.title, action::kDocumentBase + static_cast<int>(i), cell,
                                   type.small);
      clampLines(page.elements[e], type, page.elements[e].boldLines + 3);
      row.push_back(e);
      rowBottom = std::max(rowBottom, page.elements[e].rect.top + page.elements[e].rect.height);
    }
    for (std::size_t e : row)  // one height per row: a tidy grid
      page.elements[e].rect.height = rowBottom - page.elements[e].rect.top;
    rowTop = rowBottom + gapX;
  }
  return rowTop - gapX - top;
}

}  // namespace trustdaily::game
