// Settings: text size, theme and the hour the day starts, with a sample paragraph.
#include <cmath>
#include <cstdio>

#include "game/layout/screen_layouts.hpp"
#include "game/ui/page_frame.hpp"

namespace trustdaily::game {

Page layoutSettings(const Typography& type, sf::Vector2f window, const SettingsView& view) {
  Page page;
  page.window = window;
  page.frame = sf::FloatRect(0, 0, window.x, window.y);
  Column col = columnIn(type, page.frame, std::round(type.unit * 46));

  Flow head(page, type, Region::Header, col.left, col.width, std::round(col.margin * 0.5f));
  head.text("Settings", type.title, true, Tone::Text);
  float headerBottom = head.top() + std::round(type.unit * 0.8f);

  float footerTop = placeFooterHint(page, type, col,
                                    "+ \u2212 text size  \u00B7  T theme  \u00B7  [ ] new day  "
                                    "\u00B7  \u2191\u2193 Enter  \u00B7  Esc back");

  static const char* kSizes[] = {"Small", "Medium", "Large", "Extra large"};
  Flow body(page, type, Region::Body, col.left, col.width, std::round(type.unit * 0.6f));
  if (!view.notice.empty()) {
    body.text(view.notice, type.body, true, Tone::Negative);
    body.gap(type.unit * 0.8f);
  }
  body.text("Text size", type.heading, true, Tone::Text);
  body.gap(type.unit * 0.5f);
  std::vector<std::pair<std::string, int>> sizes;
  for (int i = 0; i < kTextSizeSteps; ++i) {
    sizes.push_back(
        {std::string(i == view.textSize ? "\u2713 " : "") + kSizes[i], action::kListBase + i});
  }
  body.buttonRow(sizes, ButtonStyle::Secondary);
  body.gap(type.unit * 1.6f);
  body.text("Theme", type.heading, true, Tone::Text);
  body.gap(type.unit * 0.5f);
  body.buttonRow({{std::string(view.dark ? "" : "\u2713 ") + "Light", action::kLight},
                  {std::string(view.dark ? "\u2713 " : "") + "Dark", action::kDark}},
                 ButtonStyle::Secondary);
  body.gap(type.unit * 1.6f);
  body.text("New day starts at", type.heading, true, Tone::Text);
  body.gap(type.unit * 0.3f);
  char hour[8];
  std::snprintf(hour, sizeof hour, "%02d:00", view.rolloverHour);
  body.text(std::string(hour) +
                " on your clock: a session before then still counts for the evening before. A "
                "change applies the next time the game starts.",
            type.small, false, Tone::Muted);
  body.gap(type.unit * 0.5f);
  body.buttonRow({{"Earlier ([)", action::kRolloverEarlier}, {"Later (])", action::kRolloverLater}},
                 ButtonStyle::Secondary);
  body.gap(type.unit * 1.6f);
  body.text("Sample", type.heading, true, Tone::Text);
  body.gap(type.unit * 0.5f);
  body.text(
      "\u201CWe can\u2019t ship Friday \u2014 not without cutting the audit log,\u201D says "
      "Ren\u00E9e. Explain why the date matters, then let the team choose the trade-off.",
      type.body, false, Tone::Text);
  body.gap(type.unit * 1.6f);
  body.button("Back (Esc)", action::kBack, ButtonStyle::Secondary);
  finishPage(page, headerBottom, footerTop, body.top() + type.unit);
  return page;
}

}  // namespace trustdaily::game
