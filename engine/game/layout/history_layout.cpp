// History: the streak and average in the header, a month calendar whose days
// open their debriefs (or offer an archive play), the selected day's panel,
// the principle chart over 7 and 30 days, and the weakest principle.
#include <algorithm>
#include <array>
#include <cmath>

#include "game/layout/screen_layouts.hpp"
#include "game/ui/page_frame.hpp"
#include "game/ui/text_wrap.hpp"

namespace trustdaily::game {

namespace {

constexpr std::array<const char*, 7> kWeekdays{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

// A status's letter (core::dayStatusLetter), words for the legend, and a
// colour role.
struct StatusLook {
  std::string letter;
  const char* legend;
  Tone tone;
};

StatusLook lookOf(core::DayStatus s) {
  const char c = core::dayStatusLetter(s);
  const std::string letter = c == ' ' ? std::string() : std::string(1, c);
  switch (s) {
    case core::DayStatus::Daily:
      return {letter, "daily", Tone::Positive};
    case core::DayStatus::Late:
      return {letter, "late", Tone::Muted};
    case core::DayStatus::Missed:
      return {letter, "missed", Tone::Negative};
    case core::DayStatus::Frozen:
      return {letter, "frozen", Tone::Accent};
    case core::DayStatus::Today:
      return {letter, "today", Tone::Text};
    case core::DayStatus::None:
    case core::DayStatus::Future:
      break;
  }
  return {letter, "", Tone::Track};
}

// A one-line label in the body.
void label(Page& page, const Typography& type, float x, float y, float w, const std::string& s,
           unsigned size, bool bold, Tone tone) {
  placeLine(page, type, Region::Body, x, y, w, s, size, bold, tone);
}

// The month's name between the buttons to the months before and after.
float monthRow(Page& page, const Typography& type, float left, float width, float top,
               const HistoryView& view) {
  float bottom = top;
  float x = left;
  if (!view.prevMonth.empty()) {
    Flow f(page, type, Region::Body, x, width, top);
    std::size_t b = f.button("\u2039 " + view.prevMonth, action::kPrevMonth, ButtonStyle::Secondary,
                             0, type.small);
    x += page.elements[b].rect.width;
    bottom = std::max(bottom, f.top());
  }
  float right = left + width;
  if (!view.nextMonth.empty()) {
    std::string text = view.nextMonth + " \u203A";
    Flow probe(page, type, Region::Body, left, width, top);
    std::size_t b = probe.button(text, action::kNextMonth, ButtonStyle::Secondary, 0, type.small);
    Element& e = page.elements[b];
    e.rect.left = right - e.rect.width;
    right = e.rect.left;
    bottom = std::max(bottom, probe.top());
  }
  float titleW = textWidth(type, type.heading, true, view.monthTitle);
  float rowH = std::max(bottom - top, type.lineHeight(type.heading));
  float room = right - x;
  float tx = std::round(x + std::max(0.f, (room - titleW) / 2));
  label(page, type, tx, std::round(top + (rowH - type.lineHeight(type.heading)) / 2),
        std::min(titleW, room), view.monthTitle, type.heading, true, Tone::Text);
  return top + rowH;
}

// Seven columns of days; a coloured cap over each day with a status.
float calendarGrid(Page& page, const Typography& type, float left, float width, float top,
                   const HistoryView& view) {
  const float gap = std::round(type.unit * 0.35f);
  const float cell = std::floor((width - 6 * gap) / 7);
  const float capH = std::max(3.f, std::round(type.unit * 0.25f));
  float y = top;
  for (std::size_t c = 0; c < kWeekdays.size(); ++c) {
    float x = left + static_cast<float>(c) * (cell + gap);
    float w = textWidth(type, type.small, false, kWeekdays[c]);
    label(page, type, x + std::round(std::max(0.f, (cell - w) / 2)), y, std::min(w, cell),
          kWeekdays[c], type.small, false, Tone::Muted);
  }
  y += type.lineHeight(type.small) + gap;
  const float lh = type.lineHeight(type.small);
  const float padY = std::round(type.unit * 0.25f);
  const float padX = std::round(type.unit * 0.35f);
  const float cellH = capH + 2 * lh + 2 * padY;
  const float inner = cell - 2 * padX;
  std::size_t slot = view.leadingBlanks;
  float bottom = y;
  for (const CalendarDayView& d : view.days) {
    const float x = left + static_cast<float>(slot % 7) * (cell + gap);
    const float cy = y + static_cast<float>(slot / 7) * (cellH + gap);
    ++slot;
    bottom = cy + cellH;
    const StatusLook look = lookOf(d.status);
    if (d.status != core::DayStatus::Future) {
      Element cap;
      cap.kind = ElementKind::Bar;
      cap.region = Region::Body;
      cap.tone = look.tone;
      cap.rect = sf::FloatRect(x, cy, cell, capH);
      page.elements.push_back(cap);
    }
    // The letter, then the result when it fits beside it.
    std::string second = look.letter;
    if (!d.result.empty()) {
      std::string both = second + " " + d.result;
      if (textWidth(type, type.small, d.selected, both) <= inner) second = both;
    }
    const std::string number = std::to_string(d.day);
    if (d.opens) {
      Element e;
      e.kind = ElementKind::Button;
      e.region = Region::Body;
      e.style = d.selected ? ButtonStyle::Primary : ButtonStyle::Choice;
      e.charSize = type.small;
      e.lineHeight = lh;
      e.padX = padX;
      e.padY = padY;
      e.action = action::kCalendarBase + static_cast<int>(d.day) - 1;
      e.lines = {utf8(number), utf8(second)};
      e.boldLines = 1;
      e.bold = d.selected;
      e.rect = sf::FloatRect(x, cy + capH, cell, cellH - capH);
      page.elements.push_back(std::move(e));
    } else {
      // A day still to come: its number only.
      label(page, type, x + padX, cy + capH + padY, inner, number, type.small, false, Tone::Muted);
    }
  }
  return bottom;
}

// What the letters and colours mean, as swatches with words, wrapping.
float legend(Page& page, const Typography& type, float left, float width, float top) {
  const core::DayStatus shown[] = {core::DayStatus::Daily, core::DayStatus::Late,
                                   core::DayStatus::Frozen, core::DayStatus::Missed,
                                   core::DayStatus::Today};
  const float lh = type.lineHeight(type.small);
  const float sw = std::round(type.unit * 0.7f);
  const float gap = std::round(type.unit * 0.4f);
  const float between = std::round(type.unit * 1.0f);
  float x = left;
  float y = top;
  for (core::DayStatus s : shown) {
    const StatusLook look = lookOf(s);
    std::string words = look.letter + "\u00A0" + look.legend;
    float w = std::min(textWidth(type, type.small, false, words), width - sw - gap);
    if (x > left && x + sw + gap + w > left + width) {
      x = left;
      y += lh + std::round(type.unit * 0.2f);
    }
    Element swatch;
    swatch.kind = ElementKind::Bar;
    swatch.region = Region::Body;
    swatch.tone = look.tone;
    swatch.rect = sf::FloatRect(x, y + std::round((lh - sw) / 2), sw, sw);
    page.elements.push_back(swatch);
    Flow f(page, type, Region::Body, x + sw + gap, w, y);
    std::size_t t = f.text(words, type.small, false, Tone::Text);
    clampLines(page.elements[t], type, 1);
    page.elements[t].rect.height = lh;
    x += sw + gap + w + between;
  }
  return y + lh;
}

// The selected day in a panel: what it was and what it offers.
float dayPanel(Page& page, const Typography& type, float left, float width, float top,
               const HistoryView& view) {
  const float pad = std::round(type.unit * 0.7f);
  const std::size_t box = openBox(page, Region::Body);
  Flow f(page, type, Region::Body, left + pad, width - 2 * pad, top + pad);
  f.text(view.dayTitle, type.body, true, Tone::Text);
  f.gap(type.unit * 0.3f);
  f.text(view.dayText, type.small, false, Tone::Text);
  if (!view.dayAction.empty()) {
    f.gap(type.unit * 0.7f);
    f.button(view.dayAction, view.dayActionId, ButtonStyle::Primary);
  }
  if (!view.notice.empty()) {
    f.gap(type.unit * 0.5f);
    f.text(view.notice, type.small, true, Tone::Negative);
  }
  const float bottom = f.top() + pad;
  page.elements[box].rect = sf::FloatRect(left, top, width, bottom - top);
  return bottom;
}

// One principle: its name, then a 7-day and a 30-day bar from a zero line.
float trendChart(Page& page, const Typography& type, float left, float width, float top,
                 const std::vector<PrincipleTrendView>& rows) {
  const float lh = type.lineHeight(type.small);
  const float labelW = textWidth(type, type.small, false, "30 days") + std::round(type.unit * 0.6f);
  const float valueW =
      textWidth(type, type.small, true, "\u2212100 %") + std::round(type.unit * 0.5f);
  const float barLeft = left + labelW;
  const float barW = std::max(20.f, width - labelW - valueW);
  const float half = std::round(barW / 2);
  const float barH = std::round(lh * 0.55f);
  float y = top;
  for (const PrincipleTrendView& p : rows) {
    Element swatch;
    swatch.kind = ElementKind::Bar;
    swatch.region = Region::Body;
    swatch.tone = Tone::Custom;
    swatch.custom = p.colour;
    const float sw = std::round(type.unit * 0.6f);
    swatch.rect = sf::FloatRect(left, y + std::round((lh - sw) / 2), sw, sw);
    page.elements.push_back(swatch);
    Flow name(page, type, Region::Body, left + sw + std::round(type.unit * 0.4f),
              width - sw - std::round(type.unit * 0.4f), y);
    std::size_t n = name.text(p.name, type.small, true, Tone::Text);
    clampLines(page.elements[n], type, 1);
    page.elements[n].rect.height = lh;
    y += lh;
    const struct {
      const char* window;
      bool has;
      float share;
      const std::string& value;
    } bars[] = {{"7 days", p.has7, p.share7, p.label7}, {"30 days", p.has30, p.share30, p.label30}};
    for (const auto& b : bars) {
      label(page, type, left, y, labelW - std::round(type.unit * 0.3f), b.window, type.small, false,
            Tone::Muted);
      const float by = y + std::round((lh - barH) / 2);
      Flow bf(page, type, Region::Body, barLeft, barW, by);
      bf.bar(barLeft, by, barW, barH, Tone::Track);
      if (b.has) {
        const float f = std::clamp(b.share, -1.f, 1.f);
        const float len = std::max(2.f, half * std::abs(f));
        if (f > 0) bf.bar(barLeft + half, by, len, barH, Tone::Custom, p.colour);
        if (f < 0) bf.bar(barLeft + half - len, by, len, barH, Tone::Custom, p.colour);
      }
      bf.bar(barLeft + half - 1, by - 2, 2, barH + 4, Tone::Text);  // the zero line
      placeLineRight(page, type, Region::Body, left + width, y, b.value, type.small, true,
                     b.has ? Tone::Text : Tone::Muted);
      y += lh;
    }
    y += std::round(type.unit * 0.5f);
  }
  return y;
}

// The first-try result of each of the last days as a bar (grey when late),
// a red mark under a missed day and a blue one under a frozen day, between
// "100 %" and "0 %" on the left and the first day and "today" below.
float resultsChart(Page& page, const Typography& type, float left, float width, float top,
                   const HistoryView& view) {
  if (view.recent.empty()) return top;
  const float lh = type.lineHeight(type.small);
  const float labelW = textWidth(type, type.small, false, "100 %") + std::round(type.unit * 0.4f);
  const float x0 = left + labelW;
  const float w = width - labelW;
  const float n = static_cast<float>(view.recent.size());
  const float slot = w / n;
  const float gap = std::max(1.f, std::round(slot * 0.25f));
  const float barW = std::max(1.f, slot - gap);
  const float h = std::round(lh * 3.5f);
  const float base = top + h;  // the zero line
  const float mark = std::max(3.f, std::round(type.unit * 0.3f));
  label(page, type, left, top, labelW - 4, "100 %", type.small, false, Tone::Muted);
  label(page, type, left, base - lh, labelW - 4, "0 %", type.small, false, Tone::Muted);
  Flow bars(page, type, Region::Body, x0, w, top);
  bars.bar(x0, top, w, 1, Tone::Track);  // the 100 % line
  for (std::size_t i = 0; i < view.recent.size(); ++i) {
    const DayResultView& d = view.recent[i];
    const float x = std::round(x0 + static_cast<float>(i) * slot);
    if (d.played) {
      const float bh = std::max(2.f, std::round(h * static_cast<float>(d.percent) / 100.f));
      bars.bar(x, base - bh, barW, bh,
               d.status == core::DayStatus::Daily ? Tone::Positive : Tone::Muted);
    } else if (d.status == core::DayStatus::Missed || d.status == core::DayStatus::Frozen) {
      bars.bar(x, base + 2, barW, mark,
               d.status == core::DayStatus::Missed ? Tone::Negative : Tone::Accent);
    }
  }
  bars.bar(x0, base, w, 1, Tone::Border);  // the zero line
  const float below = base + 2 + mark + 2;
  label(page, type, x0, below, textWidth(type, type.small, false, view.recentFrom), view.recentFrom,
        type.small, false, Tone::Muted);
  placeLineRight(page, type, Region::Body, x0 + w, below, "today", type.small, false, Tone::Muted);
  return below + lh;
}

float figuresColumn(Page& page, const Typography& type, float left, float width, float top,
                    const HistoryView& view) {
  Flow f(page, type, Region::Body, left, width, top);
  if (!view.recent.empty()) {
    f.text("Your results", type.heading, true, Tone::Text);
    f.gap(type.unit * 0.2f);
    f.text(
        "First-try result of each day, last 30 days: green a daily play, grey a late one; "
        "red under a missed day, blue under a frozen one.",
        type.small, false, Tone::Muted);
    f.gap(type.unit * 0.6f);
    f.moveTo(resultsChart(page, type, left, width, f.top(), view));
    f.gap(type.unit * 1.2f);
  }
  f.text("Your principles", type.heading, true, Tone::Text);
  f.gap(type.unit * 0.2f);
  f.text(
      "Share of the points the best path offered that your first choices earned, daily plays "
      "only. Left of the line is a loss.",
      type.small, false, Tone::Muted);
  f.gap(type.unit * 0.6f);
  if (view.principles.empty()) {
    f.text("Finish a day\u2019s scenario to see your principles here.", type.small, false,
           Tone::Muted);
  } else {
    f.moveTo(trendChart(page, type, left, width, f.top(), view.principles));
  }
  if (!view.weakestLine.empty()) {
    f.gap(type.unit * 0.6f);
    f.text("Worth practising", type.heading, true, Tone::Text);
    f.gap(type.unit * 0.3f);
    f.text(view.weakestLine, type.body, false, Tone::Text);
    if (!view.suggestionLabel.empty()) {
      f.gap(type.unit * 0.5f);
      f.button(view.suggestionLabel, action::kPlaySuggestion, ButtonStyle::Secondary);
    }
  }
  return f.top();
}

}  // namespace

Page layoutHistory(const Typography& type, sf::Vector2f window, const HistoryView& view) {
  Page page;
  page.window = window;
  page.frame = sf::FloatRect(0, 0, window.x, window.y);
  Column col = columnIn(type, page.frame, 1180);

  Flow head(page, type, Region::Header, col.left, col.width, std::round(col.margin * 0.5f));
  head.text("History", type.title, true, Tone::Text);
  head.text(
      view.averageLine.empty() ? view.streakLine : view.streakLine + kSeparator + view.averageLine,
      type.body, false, Tone::Text);
  float headerBottom = head.top() + std::round(type.unit * 0.6f);

  float footerTop = placeFooterHint(
      page, type, col,
      std::string("Arrows pick a day  \u00B7  Enter open  \u00B7  PgUp PgDn month  \u00B7  ") +
          (view.suggestionLabel.empty() ? "" : "P practise  \u00B7  ") + "Esc back");

  const float top = std::round(type.unit * 0.6f);
  const bool twoColumns = col.width >= 60 * type.unit;
  const float gapX = std::round(type.unit * 2.5f);
  const float calW = twoColumns ? std::round((col.width - gapX) * 0.56f) : col.width;
  // The calendar never grows past what a month needs to read well.
  float y = monthRow(page, type, col.left, calW, top, view);
  y += std::round(type.unit * 0.6f);
  y = calendarGrid(page, type, col.left, calW, y, view);
  y += std::round(type.unit * 0.6f);
  y = legend(page, type, col.left, calW, y);
  y += std::round(type.unit * 0.9f);
  y = dayPanel(page, type, col.left, calW, y, view);
  float bottom = y;
  if (twoColumns) {
    bottom = std::max(bottom, figuresColumn(page, type, col.left + calW + gapX,
                                            col.width - calW - gapX, top, view));
  } else {
    bottom = figuresColumn(page, type, col.left, col.width, y + std::round(type.unit * 1.6f), view);
  }
  finishPage(page, headerBottom, footerTop, bottom + std::round(type.unit * 1.2f));
  return page;
}

}  // namespace trustdaily::game
