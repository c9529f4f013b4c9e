// Home: today's card, streak, missteps to review, principle profile, earlier days.
#include <algorithm>
#include <cmath>

#include "game/layout/screen_layouts.hpp"
#include "game/ui/page_frame.hpp"

namespace trustdaily::game {
namespace {

float todayCard(Page& page, const Typography& type, float left, float width, float top,
                const HomeView& view) {
  float pad = std::round(type.unit * 1.2f);
  const std::size_t box = openBox(page, Region::Body);

  Flow f(page, type, Region::Body, left + pad, width - 2 * pad, top + pad);
  f.text("TODAY'S SCENARIO", type.small, true, Tone::Muted);
  f.gap(type.unit * 0.4f);
  if (!view.hasToday) {
    f.text(view.noTodayReason, type.body, false, Tone::Text);
  } else {
    const ScenarioCardView& c = view.today;
    f.text(c.title, type.heading, true, Tone::Text);
    f.gap(type.unit * 0.3f);
    f.text(c.partners + "  \u00B7  " + c.situation + "  \u00B7  difficulty " +
               difficultyDots(c.difficulty) + "  \u00B7  about " + std::to_string(c.minutes) +
               " min",
           type.small, false, Tone::Muted);
    f.gap(type.unit * 0.8f);
    f.text(c.summary, type.body, false, Tone::Text);
    f.gap(type.unit * 0.8f);
    f.text(c.status, type.small, false, Tone::Muted);
    if (!view.nextScenario.empty()) {
      f.gap(type.unit * 0.3f);
      f.text(view.nextScenario + ".", type.small, true, Tone::Text);
    }
    f.gap(type.unit * 1.0f);
    if (view.canStartOver || view.hasTodayDebrief) {
      std::vector<std::pair<std::string, int>> row{{view.playLabel, action::kPlayToday}};
      if (view.canStartOver) row.push_back({"Start over", action::kStartOver});
      if (view.hasTodayDebrief) row.push_back({"Today\u2019s debrief (D)", action::kTodayDebrief});
      std::size_t first = page.elements.size();
      f.buttonRow(row, ButtonStyle::Secondary);
      for (std::size_t i = first; i < page.elements.size(); ++i)
        if (page.elements[i].action == action::kPlayToday)
          page.elements[i].style = ButtonStyle::Primary;
    } else {
      f.button(view.playLabel, action::kPlayToday, ButtonStyle::Primary);
    }
  }
  float bottom = f.top() + pad;
  page.elements[box].rect = sf::FloatRect(left, top, width, bottom - top);
  return bottom;
}

float reviewBlock(Page& page, const Typography& type, float left, float width, float top,
                  const HomeView& view) {
  Flow f(page, type, Region::Body, left, width, top);
  f.text("Missteps to review", type.heading, true, Tone::Text);
  f.gap(type.unit * 0.5f);
  f.text(view.reviewLine, type.body, false, view.canReview ? Tone::Text : Tone::Muted);
  if (view.canReview) {
    f.gap(type.unit * 0.5f);
    f.button("Review now (R)", action::kReview, ButtonStyle::Secondary);
  }
  f.gap(type.unit * 1.2f);
  return f.top();
}

// `reviewShown`: the review offer is above today's card already.
float sideColumn(Page& page, const Typography& type, float left, float width, float top,
                 const HomeView& view, bool reviewShown) {
  Flow f(page, type, Region::Body, left, width, top);
  if (!view.reviewLine.empty() && !reviewShown)
    f.moveTo(reviewBlock(page, type, left, width, top, view));
  f.text("Your principles", type.heading, true, Tone::Text);
  f.gap(type.unit * 0.2f);
  f.text("Points earned of those available, daily plays, last 30 days", type.small, false,
         Tone::Muted);
  f.gap(type.unit * 0.5f);
  if (view.profile.empty()) {
    f.text("Finish a scenario to see how your choices line up with the five principles.",
           type.small, false, Tone::Muted);
  } else {
    std::vector<MeterSpec> meters;
    for (const ProfileBarView& p : view.profile) {
      meters.push_back({p.name, p.fraction, p.value, Tone::Custom, p.colour, true});
    }
    f.gap(layoutMeters(page, type, Region::Body, left, width, f.top(), meters, width));
  }
  f.gap(type.unit * 1.6f);
  f.text("Earlier days", type.heading, true, Tone::Text);
  f.gap(type.unit * 0.5f);
  if (view.earlierDays.empty()) {
    f.text("Nothing yet: today is day one.", type.small, false, Tone::Muted);
  }
  for (std::size_t i = 0; i < view.earlierDays.size(); ++i) {
    std::size_t b = f.button(view.earlierDays[i], action::kDayBase + static_cast<int>(i),
                             ButtonStyle::Choice, 0, type.small);
    clampLines(page.elements[b], type, 1);
    f.moveTo(page.elements[b].rect.top + page.elements[b].rect.height);
    f.gap(type.unit * 0.3f);
  }
  return f.top();
}

}  // namespace

Page layoutHome(const Typography& type, sf::Vector2f window, const HomeView& view) {
  Page page;
  page.window = window;
  page.frame = sf::FloatRect(0, 0, window.x, window.y);
  Column col = columnIn(type, page.frame, 1180);

  Flow head(page, type, Region::Header, col.left, col.width, std::round(col.margin * 0.6f));
  head.text("Trust Daily", type.title, true, Tone::Text);
  std::string streak = view.streak == 1 ? "1 day" : std::to_string(view.streak) + " days";
  std::string streakLine = view.dateLine + "   \u00B7   Streak: " + streak;
  if (view.bestStreak > view.streak)
    streakLine += " (best " + std::to_string(view.bestStreak) + ")";
  if (view.freezesHeld > 0)
    streakLine +=
        std::string("   \u00B7   ") +
        (view.freezesHeld == 1 ? "1 freeze" : std::to_string(view.freezesHeld) + " freezes");
  head.text(streakLine, type.body, false, Tone::Muted);
  float headerBottom = head.top() + std::round(type.unit * 0.8f);

  float footerTop = placeFooterHint(
      page, type, col,
      std::string("Enter play today  \u00B7  ") + (view.canReview ? "R review  \u00B7  " : "") +
          "H history  \u00B7  L library  \u00B7  S settings  \u00B7  F1 help  \u00B7  Esc quit");

  Flow body(page, type, Region::Body, col.left, col.width, std::round(type.unit * 0.6f));
  if (!view.notice.empty()) {
    body.text(view.notice, type.body, true, Tone::Negative);
    body.gap(type.unit * 0.8f);
  }
  if (!view.streakNotice.empty()) {
    body.text(view.streakNotice, type.body, true, Tone::Accent);
    body.gap(type.unit * 0.8f);
  }
  float top = body.top();
  bool twoColumns = col.width >= 60 * type.unit;
  float gapX = std::round(type.unit * 2.5f);
  float leftW = twoColumns ? std::round((col.width - gapX) * 0.58f) : col.width;
  // In one column, a review that can start now comes first: the day is done
  // and it is what is left to do (below the card it would be out of sight).
  const bool reviewFirst = !twoColumns && view.canReview;
  if (reviewFirst) top = reviewBlock(page, type, col.left, col.width, top, view);
  float bottom = todayCard(page, type, col.left, leftW, top, view);
  Flow links(page, type, Region::Body, col.left, leftW, bottom + type.unit);
  links.buttonRow({{"History (H)", action::kHistory},
                   {"Library (L)", action::kLibrary},
                   {"Settings (S)", action::kSettings},
                   {"Help (F1)", action::kHelp}},
                  ButtonStyle::Secondary);
  bottom = links.top();
  float sideBottom = 0;
  if (twoColumns) {
    sideBottom =
        sideColumn(page, type, col.left + leftW + gapX, col.width - leftW - gapX, top, view, false);
  } else {
    sideBottom =
        sideColumn(page, type, col.left, col.width, bottom + type.unit * 2, view, reviewFirst);
  }
  finishPage(page, headerBottom, footerTop,
             std::max(bottom, sideBottom) + std::round(type.unit * 1.2f));
  return page;
}

}  // namespace trustdaily::game
