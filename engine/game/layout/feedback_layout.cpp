// Feedback overlay: what you did and what it did to trust, then the coaching.
#include <cmath>

#include "game/layout/screen_layouts.hpp"
#include "game/ui/layout_parts.hpp"
#include "game/ui/page_frame.hpp"
#include "game/ui/text_wrap.hpp"

namespace trustdaily::game {

Page layoutFeedback(const Typography& type, sf::Vector2f window, const FeedbackView& view) {
  Page page;
  page.window = window;
  page.overlay = true;
  page.frame = overlayFrame(type, window, std::round(type.unit * 46));
  float pad = std::round(type.unit * 1.4f);
  float left = page.frame.left + pad;
  float width = page.frame.width - 2 * pad;

  Flow head(page, type, Region::Header, left, width, pad);
  head.text(view.misstep ? "A misstep" : "How that landed", type.heading, true,
            view.misstep ? Tone::Negative : Tone::Text);
  if (!view.reviewResult.empty()) {
    head.gap(type.unit * 0.3f);
    head.text(view.reviewResult, type.body, true,
              view.reviewGood ? Tone::Positive : (view.misstep ? Tone::Negative : Tone::Text));
  }
  float headerH = head.top() + std::round(type.unit * 0.6f);

  Flow body(page, type, Region::Body, left, width, std::round(type.unit * 0.4f));
  body.text("You chose", type.small, true, Tone::Muted);
  body.text(view.choiceText, type.body, false, Tone::Text);
  if (!view.trust.empty()) {
    body.gap(type.unit * 0.8f);
    body.gap(layoutMeters(page, type, Region::Body, left, width, body.top(),
                          trustMeters(view.trust), type.unit * 10));
  }
  body.gap(type.unit * 1.2f);
  body.text("Coaching", type.small, true, Tone::Muted);
  body.text(view.feedback, type.body, false, Tone::Text);
  body.gap(type.unit * 0.9f);
  body.gap(layoutChips(page, type, Region::Body, left, width, body.top(), view.chips));
  float bodyH = body.top() + std::round(type.unit * 0.8f);

  Flow foot(page, type, Region::Footer, left, width, std::round(type.unit * 0.8f));
  std::vector<std::pair<std::string, int>> buttons;
  std::string cont = !view.continueLabel.empty() ? view.continueLabel
                     : view.endsScenario         ? "See the debrief (Enter)"
                                                 : "Continue (Enter)";
  if (view.misstep && view.reviewResult.empty())
    buttons.push_back({"Try that again (R)", action::kTryAgain});
  buttons.push_back({cont, action::kContinue});
  foot.buttonRow(buttons, ButtonStyle::Secondary);
  for (Element& e : page.elements) {
    if (e.region == Region::Footer && e.action == action::kContinue) e.style = ButtonStyle::Primary;
  }
  float footerH = foot.top() + pad;
  finishOverlay(page, type, headerH, bodyH, footerH);
  return page;
}

}  // namespace trustdaily::game
