// Library: every scenario with its best result, filters, and files with errors.
#include <cmath>

#include "game/layout/screen_layouts.hpp"
#include "game/ui/page_frame.hpp"

namespace trustdaily::game {

Page layoutLibrary(const Typography& type, sf::Vector2f window, const LibraryView& view) {
  Page page;
  page.window = window;
  page.frame = sf::FloatRect(0, 0, window.x, window.y);
  Column col = columnIn(type, page.frame, std::round(type.unit * 56));

  Flow head(page, type, Region::Header, col.left, col.width, std::round(col.margin * 0.5f));
  head.text("Library", type.title, true, Tone::Text);
  head.text(
      "Any scenario, any time. Only today\u2019s scenario, before the day is recorded, counts "
      "toward the streak.",
      type.small, false, Tone::Muted);
  head.gap(type.unit * 0.6f);
  head.buttonRow({{"Partner: " + view.partnerFilter + " (P)", action::kPartnerFilter},
                  {"Situation: " + view.situationFilter + " (F)", action::kSituationFilter}},
                 ButtonStyle::Secondary);
  float headerBottom = head.top() + std::round(type.unit * 0.8f);

  float footerTop = placeFooterHint(
      page, type, col,
      "\u2191\u2193 Enter play  \u00B7  P partner  \u00B7  F situation  \u00B7  Esc back");

  Flow body(page, type, Region::Body, col.left, col.width, std::round(type.unit * 0.6f));
  body.text(
      std::to_string(view.entries.size()) + " of " + std::to_string(view.total) + " scenarios",
      type.small, false, Tone::Muted);
  body.gap(type.unit * 0.6f);
  for (std::size_t i = 0; i < view.entries.size(); ++i) {
    const LibraryEntryView& e = view.entries[i];
    body.cardButton(e.title, e.details + kSeparator + e.best,
                    action::kListBase + static_cast<int>(i));
    body.gap(type.unit * 0.5f);
  }
  if (view.entries.empty())
    body.text("No scenario matches these filters.", type.body, false, Tone::Text);
  if (!view.problems.empty()) {
    body.gap(type.unit * 1.4f);
    body.text("Files with errors (not playable)", type.heading, true, Tone::Text);
    body.gap(type.unit * 0.4f);
    for (const std::string& p : view.problems) {
      body.text(p, type.small, false, Tone::Negative);
      body.gap(type.unit * 0.4f);
    }
  }
  finishPage(page, headerBottom, footerTop, body.top() + type.unit);
  return page;
}

}  // namespace trustdaily::game
