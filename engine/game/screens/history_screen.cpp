#include "game/screens/history_screen.hpp"

#include <algorithm>

#include "core/play_record.hpp"
#include "game/app/today_play.hpp"
#include "game/layout/screen_layouts.hpp"
#include "game/ui/view_text.hpp"

namespace trustdaily::game {
namespace {

core::CivilDate firstOfMonth(core::CivilDate d) { return {d.year, d.month, 1}; }

core::CivilDate addMonths(core::CivilDate d, int months) {
  int index = d.year * 12 + static_cast<int>(d.month) - 1 + months;
  return {index / 12, static_cast<unsigned>(index % 12) + 1, 1};
}

core::CivilDate lastOfMonth(core::CivilDate d) {
  return core::civilFromDays(core::daysFromCivil(addMonths(d, 1)) - 1);
}

core::CivilDate plusDays(core::CivilDate d, std::int64_t n) {
  return core::civilFromDays(core::daysFromCivil(d) + n);
}

std::string quoted(const std::string& s) { return "\u201C" + s + "\u201D"; }

std::string percentText(int p) { return std::to_string(p) + " %"; }

}  // namespace

HistoryScreen::HistoryScreen(Context& ctx) : PageScreen(ctx, ScreenId::History) {
  selected_ = ctx.model.today();
}

core::CivilDate HistoryScreen::earliest() const {
  // Last month at least (a new player can try the archive), and back to the
  // first recorded day.
  core::CivilDate first = addMonths(ctx_.model.today(), -1);
  // The days are in ascending order: the first real date is the earliest.
  for (const core::PlayRecord& r : ctx_.model.dayResults()) {
    if (auto d = core::parseDate(r.day)) return std::min(first, firstOfMonth(*d));
  }
  return first;
}

core::CivilDate HistoryScreen::latest() const { return lastOfMonth(ctx_.model.today()); }

const core::CalendarDay* HistoryScreen::selectedDay() const {
  for (const core::CalendarDay& d : month_)
    if (d.date == selected_) return &d;
  return nullptr;
}

namespace {

// "Streak 5 days · best 12 · 1 freeze held" and the average.
void fillFigures(HistoryView& v, const core::HistoryStats& stats) {
  const core::StreakReport& st = stats.streak;
  v.streakLine = "Streak " +
                 std::string(st.current == 1 ? "1 day" : std::to_string(st.current) + " days") +
                 "  \u00B7  best " + std::to_string(st.best) + "  \u00B7  " +
                 (st.freezesHeld == 0   ? std::string("no freeze held")
                  : st.freezesHeld == 1 ? std::string("1 freeze held")
                                        : std::to_string(st.freezesHeld) + " freezes held");
  v.averageLine =
      !stats.averagePercent
          ? std::string("no daily result yet")
          : "average first-try result " + percentText(*stats.averagePercent) + " over " +
                (stats.dailyPlays == 1 ? std::string("1 daily play")
                                       : std::to_string(stats.dailyPlays) + " daily plays");
}

// The results of the last 30 days, the principle chart and the weakest
// principle with its suggested scenario.
void fillTrends(HistoryView& v, const GameModel& m) {
  const core::HistoryStats& stats = m.historyStats();
  if (stats.dailyPlays > 0) {
    const std::vector<core::CalendarDay> recent =
        core::recentDays(core::kLongWindowDays, m.historyInput(), stats.streak);
    for (const core::CalendarDay& d : recent)
      v.recent.push_back({d.status, d.playId != 0, d.percent});
    if (!recent.empty()) v.recentFrom = shortDate(recent.front().date);
    for (const core::PrincipleShare& p : stats.principles) {
      v.principles.push_back({p.name, m.principleColour(p.id), p.share7.has_value(),
                              p.share30.has_value(), static_cast<float>(p.share7.value_or(0)),
                              static_cast<float>(p.share30.value_or(0)), core::shareLabel(p.share7),
                              core::shareLabel(p.share30)});
    }
  }
  if (stats.weakest.empty()) return;
  auto it = std::find_if(stats.principles.begin(), stats.principles.end(),
                         [&](const core::PrincipleShare& p) { return p.id == stats.weakest; });
  v.weakestLine = "Your weakest principle lately is " + m.principleName(stats.weakest);
  if (it != stats.principles.end())
    v.weakestLine.append(" (").append(core::shareLabel(it->share30)).append(" over 30 days)");
  v.weakestLine += ".";
  if (!stats.suggestion.empty()) {
    const std::string title = quoted(m.scenarioTitle(stats.suggestion));
    v.weakestLine.append(" ").append(title).append(
        " leans on it, and you have not played it in the last two weeks.");
    v.suggestionLabel = std::string("Practise ").append(title).append(" (P)");
  }
}

}  // namespace

void HistoryScreen::fillCalendar(HistoryView& v) const {
  v.monthTitle =
      std::string(core::monthName(selected_.month)) + " " + std::to_string(selected_.year);
  const core::CivilDate first = firstOfMonth(selected_);
  if (addMonths(first, -1) >= earliest()) v.prevMonth = core::monthName(addMonths(first, -1).month);
  if (addMonths(first, 1) <= latest()) v.nextMonth = core::monthName(addMonths(first, 1).month);
  v.leadingBlanks = core::weekdayFromMonday(first);
  for (const core::CalendarDay& d : month_) {
    CalendarDayView c;
    c.day = d.date.day;
    c.status = d.status;
    if (d.playId != 0) c.result = std::to_string(d.percent) + "%";
    c.opens = d.status != core::DayStatus::Future;
    c.selected = d.date == selected_;
    v.days.push_back(c);
  }
}

void HistoryScreen::fillDayPanel(HistoryView& v) {
  const GameModel& m = ctx_.model;
  offer_ = -1;
  v.dayTitle = longDate(selected_);
  v.dayActionId = action::kDayOffer;
  v.notice = notice_;
  const core::CalendarDay* d = selectedDay();
  if (d == nullptr) return;
  if (d->playId != 0) {
    std::string what = d->status == core::DayStatus::Daily ? "Your daily result: "
                       : d->status == core::DayStatus::Frozen
                           ? "A freeze kept your streak; you played it later: "
                           : "Played late, outside the streak: ";
    v.dayText = what + percentText(d->percent) + " on first tries in " +
                quoted(m.scenarioTitle(d->scenarioId)) + ".";
    v.dayAction = "Open its debrief (Enter)";
  } else if (d->status == core::DayStatus::Today) {
    v.dayText =
        m.todayLoad() != nullptr
            ? "Today\u2019s scenario, " + quoted(m.todayLoad()->scenario->title) + ", is waiting."
            : "Nothing can be played today: the library has no valid scenario.";
    if (m.todayLoad() != nullptr)
      v.dayAction = m.unfinished() ? "Resume today\u2019s play (Enter)"
                                   : "Play today\u2019s scenario (Enter)";
  } else if (d->status == core::DayStatus::Future) {
    v.dayText = "This day has not come yet.";
  } else {
    const core::DayPlan offer = m.archivePreview(selected_);
    const std::string& id = offer.scenarioId;
    std::string what =
        d->status == core::DayStatus::Missed ? "Missed. "
        : d->status == core::DayStatus::Frozen
            ? std::string("Missed, and a freeze kept your streak (one is earned every ")
                  .append(std::to_string(core::kDaysPerFreeze))
                  .append(" days played; ")
                  .append(std::to_string(core::kMaxFreezesHeld))
                  .append(" at most). ")
            : "Before your first day. ";
    if (id.empty()) {
      v.dayText = what + "No scenario in the library can be played for it.";
    } else {
      v.dayText = what + "Its scenario, " + quoted(m.scenarioTitle(id)) +
                  ", can still be played: it counts as a late play and leaves the streak as it "
                  "is.";
      v.dayAction = offer.unfinished ? "Resume it from the archive (Enter)"
                                     : "Play it from the archive (Enter)";
    }
  }
  if (!v.dayAction.empty()) offer_ = action::kDayOffer;
}

Page HistoryScreen::build(sf::Vector2f size) {
  const GameModel& m = ctx_.model;
  month_ = core::monthCalendar(selected_.year, selected_.month, m.historyInput(),
                               m.historyStats().streak);
  HistoryView v;
  fillFigures(v, m.historyStats());
  fillCalendar(v);
  fillDayPanel(v);
  fillTrends(v, m);
  return layoutHistory(ctx_.type, size, v);
}

void HistoryScreen::select(core::CivilDate date) {
  date = std::clamp(date, earliest(), latest());
  const bool newMonth = date.month != selected_.month || date.year != selected_.year;
  selected_ = date;
  notice_.clear();
  if (newMonth) view_.resetScroll();
  refresh();
  const core::CalendarDay* d = selectedDay();
  if (d != nullptr && d->status != core::DayStatus::Future)
    view_.focusAction(action::kCalendarBase + static_cast<int>(d->date.day) - 1);
  else
    view_.clearFocus();
  revealPanel();
}

void HistoryScreen::revealPanel() {
  // In a short window the panel sits below the fold: scroll it into view as
  // far as the selected day stays visible.
  const Page& page = view_.page();
  float panelBottom = -1;
  float cellTop = page.bodyHeight;
  const int cell = action::kCalendarBase + static_cast<int>(selected_.day) - 1;
  for (const Element& e : page.elements) {
    if (e.region != Region::Body) continue;
    if (e.action == action::kDayOffer) panelBottom = e.rect.top + e.rect.height;
    if (e.action == cell) cellTop = e.rect.top;
  }
  if (panelBottom < 0) return;
  const float margin = ctx_.type.unit;
  const float want = panelBottom + margin - page.body.height;
  if (want > view_.scroll()) view_.scrollTo(std::min(want, cellTop - 2 * margin));
}

void HistoryScreen::shiftMonths(int months) {
  core::CivilDate first = addMonths(selected_, months);
  core::CivilDate last = lastOfMonth(first);
  select({first.year, first.month, std::min(selected_.day, last.day)});
}

bool HistoryScreen::onKey(const sf::Event::KeyEvent& key) {
  switch (key.code) {
    case sf::Keyboard::Left:
      select(plusDays(selected_, -1));
      return true;
    case sf::Keyboard::Right:
      select(plusDays(selected_, 1));
      return true;
    case sf::Keyboard::Up:
      select(plusDays(selected_, -7));
      return true;
    case sf::Keyboard::Down:
      select(plusDays(selected_, 7));
      return true;
    case sf::Keyboard::PageUp:
      shiftMonths(-1);
      return true;
    case sf::Keyboard::PageDown:
      shiftMonths(1);
      return true;
    case sf::Keyboard::P:
      playSuggestion();
      return true;
    default:
      return false;
  }
}

void HistoryScreen::onAction(int a) {
  if (a == action::kPrevMonth) {
    shiftMonths(-1);
  } else if (a == action::kNextMonth) {
    shiftMonths(1);
  } else if (a == action::kPlaySuggestion) {
    playSuggestion();
  } else if (a == action::kDayOffer) {
    openSelected();
  } else if (a >= action::kCalendarBase && a < action::kCalendarBase + 31) {
    const unsigned day = static_cast<unsigned>(a - action::kCalendarBase) + 1;
    const bool again = selected_.day == day;
    select({selected_.year, selected_.month, day});
    const core::CalendarDay* d = selectedDay();
    // A played day (or today) opens at once; any other past day shows its
    // archive offer first, and opens on a second press.
    if (d != nullptr && (d->playId != 0 || d->status == core::DayStatus::Today || again))
      openSelected();
  }
}

void HistoryScreen::openSelected() {
  const core::CalendarDay* d = selectedDay();
  if (d == nullptr || d->status == core::DayStatus::Future) return;
  GameModel& m = ctx_.model;
  notice_.clear();
  if (d->playId != 0) {
    if (m.reopenPlay(d->playId)) {
      ctx_.stack.push(ScreenId::Debrief);
      return;
    }
    notice_ =
        "That day\u2019s scenario has changed or left the library since; its debrief "
        "cannot be shown.";
  } else if (d->status == core::DayStatus::Today) {
    if (m.todayLoad() == nullptr) return;
    openTodayPlay(ctx_, false);
    return;
  } else if (m.startArchive(d->date)) {
    const ActivePlay* p = m.play();
    ctx_.stack.push(ScreenId::Play);
    if (p != nullptr && p->lastOutcome) ctx_.stack.push(ScreenId::Feedback);
    return;
  } else {
    notice_ = m.archiveProblem();
  }
  refresh();
}

void HistoryScreen::playSuggestion() {
  GameModel& m = ctx_.model;
  const std::string& id = m.historyStats().suggestion;
  if (id.empty()) return;
  if (id == m.todayId() && !m.todayDone()) {
    openTodayPlay(ctx_, false);  // the day's own play counts
    return;
  }
  const core::ScenarioLoad* load = m.findLoad(id);
  if (load == nullptr) return;
  m.startScenario(*load, core::PlayKind::Practice);
  ctx_.stack.push(ScreenId::Play);
}

}  // namespace trustdaily::game
