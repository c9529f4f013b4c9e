// The debrief card: a heading band (date, title, result), the principle
// chart at the left, the missteps and their lessons at the right, the
// ending's lesson along the bottom.
#include "game/layout/card_layout.hpp"

#include <algorithm>
#include <cmath>

#include "game/ui/page_frame.hpp"
#include "game/ui/text_wrap.hpp"

namespace trustdaily::game {

namespace {

constexpr float kW = static_cast<float>(kCardWidth);
constexpr float kH = static_cast<float>(kCardHeight);

float bottomOf(const Element& e) { return e.rect.top + e.rect.height; }

// One principle per two rows: its name, then the best path's bar (light)
// with the first tries' bar over it, around a shared zero, and the values.
// Principles that do not fit above `limit` are counted in a last line.
void layoutCardChart(Page& page, const Typography& type, float left, float width, float top,
                     float limit, const std::vector<CardBarView>& bars) {
  int lo = 0;
  int hi = 1;
  for (const CardBarView& b : bars) {
    lo = std::min({lo, b.yours, b.best});
    hi = std::max({hi, b.yours, b.best});
  }
  const float lh = type.lineHeight(type.small);
  const float valueW = std::ceil(lineWidth(*type.bold, type.small, utf8("\u221299 of 99"))) +
                       std::round(type.unit * 0.6f);
  const float barW = std::max(40.f, width - valueW);
  const float scale = barW / static_cast<float>(hi - lo);
  const float zeroX = left + static_cast<float>(-lo) * scale;
  const float bestH = std::round(lh * 0.62f);
  const float yoursH = std::round(bestH * 0.5f);
  const float rowGap = std::round(type.unit * 0.45f);
  float y = top;
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const CardBarView& b = bars[i];
    const bool last = i + 1 == bars.size();
    if (y + 2 * lh + (last ? 0 : lh) > limit) {
      const std::size_t more = bars.size() - i;
      Flow note(page, type, Region::Header, left, width, y);
      note.text(std::to_string(more) + (more == 1 ? " more principle" : " more principles") +
                    " in the game\u2019s debrief.",
                type.small, false, Tone::Muted);
      return;
    }
    Flow name(page, type, Region::Header, left, width, y);
    clampLines(page.elements[name.text(b.name, type.small, false, Tone::Text)], type, 1);
    y += lh;
    Flow row(page, type, Region::Header, left, width, y);
    const float mid = y + std::round(lh / 2);
    row.bar(left, mid - 1, barW, 2, Tone::Track);
    auto signedBar = [&](int v, float h, sf::Color c) {
      if (v == 0) return;
      const float w = std::max(2.f, static_cast<float>(std::abs(v)) * scale);
      const float x0 = v > 0 ? zeroX : zeroX - w;
      row.bar(std::max(left, x0), mid - std::round(h / 2), w, h, Tone::Custom, c);
    };
    sf::Color light = b.colour;
    light.a = 90;
    signedBar(b.best, bestH, light);
    signedBar(b.yours, yoursH, b.colour);
    row.bar(zeroX - 1, y + 2, 2, lh - 4, Tone::Border);
    placeLineRight(page, type, Region::Header, left + width, y,
                   signedNumber(b.yours) + " of " + std::to_string(b.best), type.small, true,
                   b.yours < 0 ? Tone::Negative : Tone::Text);
    y += lh + rowGap;
  }
}

// The missteps, each as its points lost in a narrow column at the left
// ("again" below when it was retried), the choice (two lines at most) and its
// lesson (`lessonLines` at most), while they fit above `limit`; the rest are
// counted in a last line. Returns how many are shown.
std::size_t layoutCardMissteps(Page& page, const Typography& type, float left, float width,
                               float top, float limit, const std::vector<CardMisstepView>& missteps,
                               std::size_t lessonLines) {
  Flow flow(page, type, Region::Header, left, width, top);
  if (missteps.empty()) {
    flow.text("No missteps: every first choice held up.", type.small, false, Tone::Text);
    return 0;
  }
  const float lh = type.lineHeight(type.small);
  const float gutter = std::ceil(std::max(lineWidth(*type.bold, type.small, utf8("\u221299")),
                                          lineWidth(*type.regular, type.small, utf8("again")))) +
                       std::round(type.unit * 0.6f);
  const float textX = left + gutter;
  const float textW = width - gutter;
  const float gap = std::round(type.unit * 0.6f);
  for (std::size_t i = 0; i < missteps.size(); ++i) {
    const CardMisstepView& m = missteps[i];
    const std::size_t mark = page.elements.size();
    const float startY = flow.top();
    Flow points(page, type, Region::Header, left, gutter - std::round(type.unit * 0.3f), startY);
    points.text(m.pointsLost > 0 ? "\u2212" + std::to_string(m.pointsLost) : "0", type.small, true,
                Tone::Negative);
    if (m.retried) points.text("again", type.small, false, Tone::Muted);
    Flow text(page, type, Region::Header, textX, textW, startY);
    std::size_t c = text.text("\u201C" + m.choice + "\u201D", type.small, true, Tone::Text);
    clampLines(page.elements[c], type, 2);
    text.moveTo(bottomOf(page.elements[c]));
    std::size_t l = text.text(m.lesson, type.small, false, Tone::Muted);
    clampLines(page.elements[l], type, lessonLines);
    const float bottom = std::max(bottomOf(page.elements[l]), points.top());
    flow.moveTo(bottom + gap);
    const std::size_t after = missteps.size() - i - 1;
    // Room for this misstep, and for the "more" line when others follow.
    const float need = after > 0 ? flow.top() + lh : bottom;
    if (need > limit) {
      page.elements.resize(mark);
      flow.moveTo(startY);
      const std::size_t more = missteps.size() - i;
      if (i == 0) {
        // Not even the first fits: say how many there are.
        flow.text(std::to_string(more) + (more == 1 ? " misstep" : " missteps") +
                      ": see the debrief in the game.",
                  type.small, false, Tone::Muted);
      } else {
        flow.text(std::to_string(more) + (more == 1 ? " more misstep" : " more missteps") +
                      " in the game\u2019s debrief.",
                  type.small, false, Tone::Muted);
      }
      return i;
    }
  }
  return missteps.size();
}

// Up to three missteps with two lines of lesson each; when fewer fit, one
// line of lesson each if that shows more of them.
void layoutCardMisstepColumn(Page& page, const Typography& type, float left, float width, float top,
                             float limit, const std::vector<CardMisstepView>& missteps) {
  const std::size_t mark = page.elements.size();
  const std::size_t full = layoutCardMissteps(page, type, left, width, top, limit, missteps, 2);
  if (full >= std::min<std::size_t>(missteps.size(), kCardMissteps)) return;
  page.elements.resize(mark);
  if (layoutCardMissteps(page, type, left, width, top, limit, missteps, 1) > full) return;
  page.elements.resize(mark);
  layoutCardMissteps(page, type, left, width, top, limit, missteps, 2);
}

}  // namespace

Typography cardTypography(const sf::Font& regular, const sf::Font& bold) {
  return typographyFor(2, regular, bold);  // "large": 20 px body text on 1200 px
}

Page layoutCard(const Typography& type, const CardView& view) {
  Page page;
  page.window = sf::Vector2f(kW, kH);
  page.frame = sf::FloatRect(0, 0, kW, kH);
  const float margin = std::round(type.unit * 2.2f);
  const float width = kW - 2 * margin;
  // A band of the accent colour along the top: the card reads as one object
  // when it sits among messages.
  Flow band(page, type, Region::Header, 0, kW, 0);
  band.bar(0, 0, kW, std::round(type.unit * 0.4f), Tone::Accent);

  Flow head(page, type, Region::Header, margin, width, std::round(margin * 0.8f));
  std::string kicker = "TRUST DAILY  \u00B7  " + view.date;
  if (!view.kindNote.empty()) kicker += "  \u00B7  " + view.kindNote;
  head.text(kicker, type.small, true, Tone::Muted);
  std::size_t t = head.text(view.title, type.title, true, Tone::Text);
  clampLines(page.elements[t], type, 1);
  head.moveTo(bottomOf(page.elements[t]) + std::round(type.unit * 0.2f));
  std::size_t r = head.text(view.result, type.heading, true, Tone::Accent);
  clampLines(page.elements[r], type, 1);
  const float columnsTop = bottomOf(page.elements[r]) + std::round(type.unit * 1.3f);

  // The ending's lesson along the bottom, at most two lines.
  const float lh = type.lineHeight(type.small);
  const float lessonTop = kH - std::round(margin * 0.8f) - 2 * lh;
  Flow bottom(page, type, Region::Header, margin, width, lessonTop);
  bottom.bar(margin, lessonTop - std::round(type.unit * 0.7f), width, 1, Tone::Border);
  std::size_t lesson = bottom.text("Lesson:  " + view.lesson, type.small, false, Tone::Text);
  clampLines(page.elements[lesson], type, 2);
  const float columnsBottom = lessonTop - std::round(type.unit * 1.4f);

  const float gutter = std::round(type.unit * 2.0f);
  const float leftW = std::round((width - gutter) * 0.46f);
  const float rightX = margin + leftW + gutter;
  const float rightW = width - leftW - gutter;

  Flow chartHead(page, type, Region::Header, margin, leftW, columnsTop);
  chartHead.text("PRINCIPLES  \u00B7  yours, and the best path (light)", type.small, true,
                 Tone::Muted);
  float chartTop = chartHead.top() + std::round(type.unit * 0.4f);
  layoutCardChart(page, type, margin, leftW, chartTop, columnsBottom, view.bars);

  Flow misstepHead(page, type, Region::Header, rightX, rightW, columnsTop);
  misstepHead.text("MISSTEPS AND THEIR LESSONS", type.small, true, Tone::Muted);
  layoutCardMisstepColumn(page, type, rightX, rightW,
                          misstepHead.top() + std::round(type.unit * 0.4f), columnsBottom,
                          view.missteps);

  page.header = sf::FloatRect(0, 0, kW, kH);
  page.body = sf::FloatRect(0, kH, kW, 0);
  page.footer = sf::FloatRect(0, kH, kW, 0);
  page.bodyHeight = 0;
  return page;
}

}  // namespace trustdaily::game
