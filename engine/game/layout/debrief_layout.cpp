// Debrief: ending and lesson, principle totals against the best path, trust,
// the percentage, and every misstep with "Replay from here".
#include <algorithm>
#include <cctype>
#include <cmath>

#include "game/layout/screen_layouts.hpp"
#include "game/ui/layout_parts.hpp"
#include "game/ui/page_frame.hpp"
#include "game/ui/text_wrap.hpp"

namespace trustdaily::game {

namespace {

// One principle: its name, then a "You" and a "Best" bar around a zero axis.
float layoutChart(Page& page, const Typography& type, float left, float width, float top,
                  const std::vector<DebriefBarView>& bars) {
  int lo = 0;
  int hi = 1;
  for (const DebriefBarView& b : bars) {
    lo = std::min({lo, b.yours, b.best});
    hi = std::max({hi, b.yours, b.best});
  }
  float lh = type.lineHeight(type.small);
  float labelW = std::ceil(std::max(lineWidth(*type.regular, type.small, utf8("Best")),
                                    lineWidth(*type.regular, type.small, utf8("You")))) +
                 std::round(type.unit * 0.6f);
  float valueW =
      std::ceil(lineWidth(*type.bold, type.small, utf8("\u221299"))) + std::round(type.unit * 0.6f);
  float barLeft = left + labelW;
  float barW = std::max(20.f, width - labelW - valueW);
  float scale = barW / static_cast<float>(hi - lo);
  float zeroX = barLeft + static_cast<float>(-lo) * scale;
  float barH = std::round(lh * 0.55f);
  float y = top;
  for (const DebriefBarView& b : bars) {
    Flow name(page, type, Region::Body, left, width, y);
    name.text(b.name, type.small, true, Tone::Text);
    y = name.top();
    for (int row = 0; row < 2; ++row) {
      int v = row == 0 ? b.yours : b.best;
      sf::Color c = b.colour;
      if (row == 1) c.a = 110;
      Flow f(page, type, Region::Body, left, labelW - 4, y);
      f.text(row == 0 ? "You" : "Best", type.small, false, Tone::Muted);
      f.bar(zeroX - 1, y + 2, 2, lh - 4, Tone::Border);
      if (v != 0) {
        float x0 = v > 0 ? zeroX + 1 : zeroX - 1 - static_cast<float>(-v) * scale;
        float w = std::max(2.f, static_cast<float>(std::abs(v)) * scale - 1);
        f.bar(std::max(barLeft, x0), y + std::round((lh - barH) / 2), w, barH, Tone::Custom, c);
      }
      placeLineRight(page, type, Region::Body, left + width, y, signedNumber(v), type.small, true,
                     Tone::Text);
      y += lh;
    }
    y += std::round(type.unit * 0.5f);
  }
  return y - top;
}

}  // namespace

Page layoutDebrief(const Typography& type, sf::Vector2f window, const DebriefView& view) {
  Page page;
  page.window = window;
  page.frame = sf::FloatRect(0, 0, window.x, window.y);
  Column col = columnIn(type, page.frame, std::round(type.unit * 56));

  Flow head(page, type, Region::Header, col.left, col.width, std::round(col.margin * 0.5f));
  head.text("DEBRIEF", type.small, true, Tone::Muted);
  head.text(view.endingLabel + "  \u00B7  " + view.result, type.title, true, Tone::Text);
  std::string scored = "Your first tries scored " + std::to_string(view.total) + " of a best " +
                       std::to_string(view.bestTotal);
  if (view.retried) scored += "; the path you ended on scored " + std::to_string(view.reachedTotal);
  head.text(scored + ".  " + view.kindNote, type.small, false, Tone::Muted);
  // In the header, so it shows wherever the body is scrolled.
  if (!view.shareNote.empty()) {
    std::size_t note = head.text(view.shareNote, type.small, true,
                                 view.shareFailed ? Tone::Negative : Tone::Positive);
    clampLines(page.elements[note], type, 2);
    head.moveTo(page.elements[note].rect.top + page.elements[note].rect.height);
  }
  float headerBottom = head.top() + std::round(type.unit * 0.8f);

  std::string hint = "Enter or Esc " + view.backTo + "  \u00B7  T show a strong path  \u00B7  ";
  if (view.canShare) hint += "C copy result  \u00B7  S save card  \u00B7  ";
  hint += "\u2191\u2193 Enter replay a misstep";
  float footerTop = placeFooterHint(page, type, col, hint);

  Flow body(page, type, Region::Body, col.left, col.width, std::round(type.unit * 0.6f));
  if (!view.notice.empty()) {
    body.text(view.notice, type.body, true, Tone::Negative);
    body.gap(type.unit * 0.8f);
  }
  body.text(view.endingText, type.body, false, Tone::Text);
  body.gap(type.unit * 1.2f);
  float pad = std::round(type.unit * 1.0f);
  const std::size_t box = openBox(page, Region::Body);
  float cardTop = body.top();
  Flow lesson(page, type, Region::Body, col.left + pad, col.width - 2 * pad, cardTop + pad);
  lesson.text("LESSON", type.small, true, Tone::Muted);
  lesson.text(view.lesson, type.body, false, Tone::Text);
  page.elements[box].rect =
      sf::FloatRect(col.left, cardTop, col.width, lesson.top() + pad - cardTop);
  body.moveTo(lesson.top() + pad + type.unit * 1.6f);

  body.text("Principles: your path against the best path", type.heading, true, Tone::Text);
  body.gap(type.unit * 0.6f);
  body.gap(layoutChart(page, type, col.left, col.width, body.top(), view.bars));
  body.gap(type.unit * 1.0f);
  if (!view.trust.empty()) {
    body.text("Trust at the end", type.heading, true, Tone::Text);
    body.gap(type.unit * 0.6f);
    body.gap(layoutMeters(page, type, Region::Body, col.left, col.width, body.top(),
                          trustMeters(view.trust), type.unit * 10));
    body.gap(type.unit * 1.6f);
  }
  if (!view.decisions.empty()) {
    body.text("Your first choices against the best one there", type.heading, true, Tone::Text);
    body.gap(type.unit * 0.6f);
    for (std::size_t i = 0; i < view.decisions.size(); ++i) {
      const DecisionView& d = view.decisions[i];
      std::string head = std::to_string(i + 1) + ".  ";
      head += d.pointsLost == 0 ? "The best choice there (" + signedNumber(d.firstScore) + ")"
                                : std::to_string(d.pointsLost) +
                                      (d.pointsLost == 1 ? " point lost" : " points lost");
      if (d.misstep) head += "  \u00B7  a misstep";
      if (d.retries > 0)
        head += d.retries == 1 ? "  \u00B7  tried again"
                               : "  \u00B7  tried again " + std::to_string(d.retries) + " times";
      body.text(head, type.small, true, d.pointsLost == 0 ? Tone::Text : Tone::Negative);
      body.text("You: \u201C" + d.first + "\u201D (" + signedNumber(d.firstScore) + ")", type.small,
                false, Tone::Text);
      if (d.pointsLost != 0)
        body.text("Best there: \u201C" + d.best + "\u201D (" + signedNumber(d.bestScore) + ")",
                  type.small, false, Tone::Muted);
      body.gap(type.unit * 0.5f);
    }
    body.gap(type.unit * 1.0f);
  }
  body.text(view.missteps.empty() ? "No missteps on this path" : "Missteps", type.heading, true,
            Tone::Text);
  body.gap(type.unit * 0.6f);
  for (std::size_t i = 0; i < view.missteps.size(); ++i) {
    std::size_t b =
        body.button("Replay from here:  \u201C" + view.missteps[i] + "\u201D",
                    action::kListBase + static_cast<int>(i), ButtonStyle::Choice, 0, type.small);
    clampLines(page.elements[b], type, 3);
    body.moveTo(page.elements[b].rect.top + page.elements[b].rect.height + type.unit * 0.5f);
  }
  body.gap(type.unit * 1.2f);
  std::vector<std::pair<std::string, int>> row;
  if (view.canShare) {
    row.push_back({"Copy result (C)", action::kCopyResult});
    row.push_back({"Save card (S)", action::kSaveCard});
  }
  row.push_back({"Show a strong path (T)", action::kStrongPath});
  std::string back = view.backTo;
  if (!back.empty()) back[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(back[0])));
  row.push_back({back + " (Enter)", action::kHome});
  body.buttonRow(row, ButtonStyle::Secondary);
  finishPage(page, headerBottom, footerTop, body.top() + type.unit * 1.2f);
  return page;
}

}  // namespace trustdaily::game
