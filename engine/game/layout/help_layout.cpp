// Keyboard help overlay (F1 or ?).
#include <algorithm>
#include <cmath>

#include "game/layout/screen_layouts.hpp"
#include "game/ui/page_frame.hpp"
#include "game/ui/text_wrap.hpp"

namespace trustdaily::game {

Page layoutHelp(const Typography& type, sf::Vector2f window, const HelpView& view) {
  Page page;
  page.window = window;
  page.overlay = true;
  page.frame = overlayFrame(type, window, std::round(type.unit * 40));
  float pad = std::round(type.unit * 1.4f);
  float left = page.frame.left + pad;
  float width = page.frame.width - 2 * pad;

  Flow head(page, type, Region::Header, left, width, pad);
  head.text("Keyboard", type.heading, true, Tone::Text);
  float headerH = head.top() + std::round(type.unit * 0.6f);

  float keyW = 0;
  for (const auto& [key, what] : view.keys) {
    keyW = std::max(keyW, std::ceil(lineWidth(*type.bold, type.body, utf8(key))));
  }
  keyW = std::min(keyW + type.unit, width * 0.4f);
  float y = std::round(type.unit * 0.4f);
  for (const auto& [key, what] : view.keys) {
    Flow k(page, type, Region::Body, left, keyW - 4, y);
    k.text(key, type.body, true, Tone::Text);
    Flow w(page, type, Region::Body, left + keyW, width - keyW, y);
    w.text(what, type.body, false, Tone::Text);
    y = std::max(k.top(), w.top()) + std::round(type.unit * 0.35f);
  }
  float bodyH = y + std::round(type.unit * 0.6f);

  Flow foot(page, type, Region::Footer, left, width, std::round(type.unit * 0.6f));
  foot.button("Close (Esc)", action::kBack, ButtonStyle::Primary);
  float footerH = foot.top() + pad;
  finishOverlay(page, type, headerH, bodyH, footerH);
  return page;
}

}  // namespace trustdaily::game
