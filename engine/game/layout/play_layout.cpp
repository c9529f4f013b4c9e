// Play: speaker, scene text, numbered choices, and the partners' trust meters.
#include <algorithm>
#include <cmath>

#include "game/layout/screen_layouts.hpp"
#include "game/ui/layout_parts.hpp"
#include "game/ui/page_frame.hpp"
#include "game/ui/text_wrap.hpp"

namespace trustdaily::game {

Page layoutPlay(const Typography& type, sf::Vector2f window, const PlayView& view) {
  Page page;
  page.window = window;
  page.frame = sf::FloatRect(0, 0, window.x, window.y);
  Column col = columnIn(type, page.frame, std::round(type.unit * 50));

  // Where the player is sits at the right of the title line, always whole;
  // the title gives way (one line, an ellipsis) when the line is short.
  const float headTop = std::round(col.margin * 0.5f);
  float titleWidth = col.width;
  if (!view.sceneLabel.empty()) {
    const float w =
        page.elements[placeLineRight(page, type, Region::Header, col.left + col.width, headTop,
                                     view.sceneLabel, type.small, true, Tone::Text)]
            .rect.width;
    titleWidth = std::max(0.f, col.width - w - std::round(type.unit * 1.2f));
  }
  Flow head(page, type, Region::Header, col.left, titleWidth, headTop);
  std::size_t t =
      head.text(view.modeLabel + "  \u00B7  " + view.scenarioTitle, type.small, true, Tone::Muted);
  clampLines(page.elements[t], type, 1);
  head.moveTo(page.elements[t].rect.top + page.elements[t].rect.height + type.unit * 0.5f);
  head.gap(layoutMeters(page, type, Region::Header, col.left, col.width, head.top(),
                        trustMeters(view.meters), type.unit * 10));
  float headerBottom = head.top() + std::round(type.unit * 1.0f);

  std::string hint = "1\u20136 choose  \u00B7  ";
  if (!view.documents.empty()) {
    hint += view.documents.size() == 1 ? "A" : "A\u2013" + view.documents.back().key;
    hint += " documents  \u00B7  ";
  }
  hint += "\u2191\u2193 Enter  \u00B7  PgUp PgDn scroll  \u00B7  Esc back  \u00B7  F1 help";
  float footerTop = placeFooterHint(page, type, col, hint);

  Flow body(page, type, Region::Body, col.left, col.width, std::round(type.unit * 0.8f));
  body.text(view.speakerName, type.heading, true, Tone::Text);
  if (!view.speakerRole.empty()) body.text(view.speakerRole, type.small, false, Tone::Muted);
  body.gap(type.unit * 0.8f);
  body.text(view.text, type.body, false, Tone::Text);
  body.gap(type.unit * 1.6f);
  if (!view.documents.empty()) {
    body.gap(layoutDocumentCards(page, type, col.left, col.width, body.top(), view.documents));
    body.gap(type.unit * 1.4f);
  }
  for (std::size_t i = 0; i < view.choices.size(); ++i) {
    std::string label = std::to_string(i + 1);
    label += ". ";
    label += view.choices[i];
    body.button(label, action::kListBase + static_cast<int>(i), ButtonStyle::Choice);
    body.gap(type.unit * 0.6f);
  }
  finishPage(page, headerBottom, footerTop, body.top() + type.unit);
  return page;
}

}  // namespace trustdaily::game
