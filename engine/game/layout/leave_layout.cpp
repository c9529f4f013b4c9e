// The leave overlay: what happens to the play, and the two ways out.
#include <cmath>

#include "game/layout/screen_layouts.hpp"
#include "game/ui/page_frame.hpp"

namespace trustdaily::game {

Page layoutLeave(const Typography& type, sf::Vector2f window, const LeaveView& view) {
  Page page;
  page.window = window;
  page.overlay = true;
  page.frame = overlayFrame(type, window, std::round(type.unit * 36));
  float pad = std::round(type.unit * 1.4f);
  float left = page.frame.left + pad;
  float width = page.frame.width - 2 * pad;

  Flow head(page, type, Region::Header, left, width, pad);
  head.text(view.heading, type.heading, true, Tone::Text);
  float headerH = head.top() + std::round(type.unit * 0.6f);

  Flow body(page, type, Region::Body, left, width, std::round(type.unit * 0.4f));
  body.text(view.text, type.body, false, Tone::Text);
  float bodyH = body.top() + std::round(type.unit * 0.8f);

  Flow foot(page, type, Region::Footer, left, width, std::round(type.unit * 0.8f));
  foot.buttonRow({{view.leaveLabel, action::kLeave}, {"Keep playing (Esc)", action::kBack}},
                 ButtonStyle::Secondary);
  for (Element& e : page.elements)
    if (e.region == Region::Footer && e.action == action::kLeave) e.style = ButtonStyle::Primary;
  float footerH = foot.top() + pad;
  finishOverlay(page, type, headerH, bodyH, footerH);
  return page;
}

}  // namespace trustdaily::game
