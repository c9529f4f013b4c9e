// "Show a strong path": the best path's choices, each with its feedback.
#include <cmath>

#include "game/layout/screen_layouts.hpp"
#include "game/ui/layout_parts.hpp"
#include "game/ui/page_frame.hpp"

namespace trustdaily::game {

Page layoutStrongPath(const Typography& type, sf::Vector2f window, const StrongPathView& view) {
  Page page;
  page.window = window;
  page.frame = sf::FloatRect(0, 0, window.x, window.y);
  Column col = columnIn(type, page.frame, std::round(type.unit * 50));

  Flow head(page, type, Region::Header, col.left, col.width, std::round(col.margin * 0.5f));
  head.text("A STRONG PATH", type.small, true, Tone::Muted);
  std::size_t t = head.text(view.title, type.title, true, Tone::Text);
  clampLines(page.elements[t], type, 1);
  head.moveTo(page.elements[t].rect.top + page.elements[t].rect.height);
  head.text("These choices reach the best total, " + std::to_string(view.bestTotal) + ".",
            type.small, false, Tone::Muted);
  float headerBottom = head.top() + std::round(type.unit * 0.8f);

  float footerTop =
      placeFooterHint(page, type, col, "\u2191\u2193 PgUp PgDn scroll  \u00B7  Esc back");

  float indent = std::round(type.unit * 1.4f);
  Flow body(page, type, Region::Body, col.left, col.width, std::round(type.unit * 0.6f));
  for (std::size_t i = 0; i < view.steps.size(); ++i) {
    const StrongPathStepView& s = view.steps[i];
    body.text(std::to_string(i + 1) + ".  " + s.speaker, type.body, true, Tone::Text);
    std::size_t sc = body.text(s.scene, type.small, false, Tone::Muted, indent);
    clampLines(page.elements[sc], type, 3);
    body.moveTo(page.elements[sc].rect.top + page.elements[sc].rect.height);
    body.gap(type.unit * 0.4f);
    for (const std::string& r : s.read)  // the documents this choice needs read first
      body.text("Read " + r, type.small, true, Tone::Muted, indent);
    if (!s.read.empty()) body.gap(type.unit * 0.3f);
    body.text("\u2192 " + s.choice, type.body, true, Tone::Accent, indent);
    if (!s.feedback.empty()) {
      body.gap(type.unit * 0.3f);
      body.text(s.feedback, type.body, false, Tone::Text, indent);
    }
    if (!s.chips.empty()) {
      body.gap(type.unit * 0.4f);
      body.gap(layoutChips(page, type, Region::Body, col.left + indent, col.width - indent,
                           body.top(), s.chips));
    }
    body.gap(type.unit * 1.4f);
  }
  if (!view.endingText.empty()) {
    body.text("Ending", type.small, true, Tone::Muted);
    body.text(view.endingText, type.body, false, Tone::Text);
  }
  body.gap(type.unit * 1.2f);
  body.button("Back (Esc)", action::kBack, ButtonStyle::Secondary);
  finishPage(page, headerBottom, footerTop, body.top() + type.unit);
  return page;
}

}  // namespace trustdaily::game
