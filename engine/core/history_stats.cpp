#include "history_stats.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "session.hpp"

namespace trustdaily::core {

std::string_view dayStatusName(DayStatus s) {
  switch (s) {
    case DayStatus::None:
      return "none";
    case DayStatus::Daily:
      return "daily";
    case DayStatus::Late:
      return "late";
    case DayStatus::Missed:
      return "missed";
    case DayStatus::Frozen:
      return "frozen";
    case DayStatus::Today:
      return "today";
    case DayStatus::Future:
      return "future";
  }
  return "none";
}

char dayStatusLetter(DayStatus s) {
  switch (s) {
    case DayStatus::Daily:
      return 'D';
    case DayStatus::Late:
      return 'L';
    case DayStatus::Missed:
      return 'M';
    case DayStatus::Frozen:
      return 'F';
    case DayStatus::Today:
      return 'T';
    case DayStatus::None:
    case DayStatus::Future:
      break;
  }
  return ' ';
}

AvailableByScenario availableByScenario(const Library& library) {
  AvailableByScenario out;
  for (const ScenarioLoad& f : library.files) {
    if (!f.ok() || !f.scenario || !f.analysis) continue;
    out[f.scenario->id] = bestPathTotals(*f.scenario, *f.analysis);
  }
  return out;
}

namespace {

std::optional<double> shareOf(int earned, int available) {
  if (available <= 0) return std::nullopt;
  return std::clamp(static_cast<double>(earned) / available, -1.0, 1.0);
}

std::vector<std::string> dailyDaysOf(const std::vector<PlayRecord>& days) {
  std::vector<std::string> out;
  for (const PlayRecord& p : days)
    if (p.kind == PlayKind::Daily) out.push_back(p.day);
  return out;
}

// The scenario whose best path offers `principle` most, preferring one not
// played in the last kRecentPlayDays; ties go to the first id.
std::string suggestFor(const std::string& principle, const HistoryInput& in) {
  const std::int64_t today = daysFromCivil(in.today);
  std::set<std::string> recent;
  for (const PlayRecord& p : in.plays) {
    auto d = parseDate(p.day);
    if (d && today - daysFromCivil(*d) < kRecentPlayDays) recent.insert(p.scenarioId);
  }
  std::string best;
  int bestPoints = 0;
  bool bestRecent = true;
  for (const auto& [id, totals] : in.available) {  // sorted by id
    auto it = totals.find(principle);
    if (it == totals.end() || it->second <= 0) continue;
    const bool isRecent = recent.count(id) > 0;
    if (best.empty() || (bestRecent && !isRecent) ||
        (bestRecent == isRecent && it->second > bestPoints)) {
      best = id;
      bestPoints = it->second;
      bestRecent = isRecent;
    }
  }
  return best;
}

}  // namespace

HistoryStats historyStats(const HistoryInput& in) {
  HistoryStats out;
  out.streak = streakReport(dailyDaysOf(in.dayResults), in.today);
  const std::int64_t today = daysFromCivil(in.today);
  std::map<std::string, PrincipleShare> sums;
  long percentSum = 0;
  for (const PlayRecord& p : in.dayResults) {
    if (p.kind != PlayKind::Daily) continue;  // late and archive plays are not the day's result
    auto date = parseDate(p.day);
    if (!date || daysFromCivil(*date) > today) continue;
    ++out.dailyPlays;
    percentSum += p.firstTry.percent;
    const std::int64_t age = today - daysFromCivil(*date);
    if (age >= kLongWindowDays) continue;
    auto offered = in.available.find(p.scenarioId);
    auto earnedIt = in.principleTotals.find(p.id);
    for (const FrameworkEntry& principle : in.principles) {
      int available = 0;
      if (offered != in.available.end()) {
        auto a = offered->second.find(principle.id);
        if (a != offered->second.end()) available = std::max(0, a->second);
      }
      int earned = 0;
      if (earnedIt != in.principleTotals.end()) {
        auto e = earnedIt->second.find(principle.id);
        if (e != earnedIt->second.end()) earned = e->second;
      }
      PrincipleShare& s = sums[principle.id];
      s.earned30 += earned;
      s.available30 += available;
      if (age < kShortWindowDays) {
        s.earned7 += earned;
        s.available7 += available;
      }
    }
  }
  if (out.dailyPlays > 0)
    out.averagePercent =
        static_cast<int>((percentSum + out.dailyPlays / 2) / out.dailyPlays);  // rounded
  std::optional<double> lowest;
  for (const FrameworkEntry& principle : in.principles) {
    PrincipleShare s = sums[principle.id];
    s.id = principle.id;
    s.name = principle.name;
    s.share7 = shareOf(s.earned7, s.available7);
    s.share30 = shareOf(s.earned30, s.available30);
    if (s.share30 && (!lowest || *s.share30 < *lowest)) {
      lowest = s.share30;
      out.weakest = s.id;
    }
    out.principles.push_back(std::move(s));
  }
  if (!out.weakest.empty()) out.suggestion = suggestFor(out.weakest, in);
  return out;
}

std::string shareLabel(const std::optional<double>& share) {
  if (!share) return "none";
  const long pct = std::lround(*share * 100);
  return std::string(pct > 0 ? "+" : "").append(std::to_string(pct)).append(" %");
}

std::vector<CalendarDay> calendarDays(const CivilDate& first, const CivilDate& last,
                                      const HistoryInput& in, const StreakReport& streak) {
  std::vector<CalendarDay> out;
  const std::int64_t today = daysFromCivil(in.today);
  std::map<std::string, const PlayRecord*> byDay;
  std::string firstDaily;
  for (const PlayRecord& p : in.dayResults) {
    byDay[p.day] = &p;
    if (p.kind == PlayKind::Daily && (firstDaily.empty() || p.day < firstDaily)) firstDaily = p.day;
  }
  const std::set<std::string> frozen(streak.frozenDays.begin(), streak.frozenDays.end());
  for (std::int64_t n = daysFromCivil(first); n <= daysFromCivil(last); ++n) {
    CalendarDay c;
    c.date = civilFromDays(n);
    const std::string key = formatDate(c.date);
    auto it = byDay.find(key);
    if (it != byDay.end() && n <= today) {
      c.playId = it->second->id;
      c.percent = it->second->firstTry.percent;
      c.scenarioId = it->second->scenarioId;
    }
    if (n > today)
      c.status = DayStatus::Future;
    else if (it != byDay.end() && it->second->kind == PlayKind::Daily)
      c.status = DayStatus::Daily;
    else if (n == today)
      c.status = DayStatus::Today;
    else if (frozen.count(key))
      c.status = DayStatus::Frozen;
    else if (it != byDay.end())
      c.status = DayStatus::Late;
    else if (!firstDaily.empty() && key > firstDaily)
      c.status = DayStatus::Missed;
    out.push_back(c);
  }
  return out;
}

std::vector<CalendarDay> monthCalendar(int year, unsigned month, const HistoryInput& in,
                                       const StreakReport& streak) {
  const CivilDate first{year, month, 1};
  const int nextYear = month == 12 ? year + 1 : year;
  const unsigned nextMonth = month == 12 ? 1 : month + 1;
  const CivilDate last = civilFromDays(daysFromCivil({nextYear, nextMonth, 1}) - 1);
  return calendarDays(first, last, in, streak);
}

std::vector<CalendarDay> recentDays(int days, const HistoryInput& in, const StreakReport& streak) {
  if (days <= 0) return {};
  const CivilDate first = civilFromDays(daysFromCivil(in.today) - (days - 1));
  return calendarDays(first, in.today, in, streak);
}

}  // namespace trustdaily::core
