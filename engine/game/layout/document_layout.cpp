// A scene's document as a page over the play screen: what kind it is, its
// title, its text (scrolls when long), and the way back to the scene.
#include <cmath>

#include "game/layout/screen_layouts.hpp"
#include "game/ui/page_frame.hpp"

namespace trustdaily::game {

Page layoutDocument(const Typography& type, sf::Vector2f window, const DocumentView& view) {
  Page page;
  page.window = window;
  page.overlay = true;
  page.frame = overlayFrame(type, window, std::round(type.unit * 44));
  float pad = std::round(type.unit * 1.4f);
  float left = page.frame.left + pad;
  float width = page.frame.width - 2 * pad;

  Flow head(page, type, Region::Header, left, width, pad);
  std::size_t k = head.text(view.key + "  \u00B7  " + view.kind, type.small, true, Tone::Muted);
  clampLines(page.elements[k], type, 1);
  std::size_t t = head.text(view.title, type.heading, true, Tone::Text);
  clampLines(page.elements[t], type, 2);
  head.moveTo(page.elements[t].rect.top + page.elements[t].rect.height);
  float headerH = head.top() + std::round(type.unit * 0.6f);

  Flow body(page, type, Region::Body, left, width, std::round(type.unit * 0.4f));
  body.text(view.text, type.body, false, Tone::Text);
  float bodyH = body.top() + std::round(type.unit * 0.8f);

  Flow foot(page, type, Region::Footer, left, width, std::round(type.unit * 0.8f));
  foot.button("Back to the scene (Esc)", action::kBack, ButtonStyle::Primary);
  float footerH = foot.top() + pad;
  finishOverlay(page, type, headerH, bodyH, footerH);
  return page;
}

}  // namespace trustdaily::game
