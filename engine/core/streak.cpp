#include "streak.hpp"

#include <algorithm>
#include <set>

namespace trustdaily::core {

namespace {

std::string daysText(int n) { return n == 1 ? "1 day" : std::to_string(n).append(" days"); }

std::string listOf(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += (i + 1 == names.size()) ? " and " : ", ";
    out += names[i];
  }
  return out;
}

std::string nameOf(std::int64_t day) { return shortDayName(civilFromDays(day)); }

// What happened over the missed days just before today.
struct Gap {
  std::vector<std::int64_t> frozen;
  std::int64_t resetOn = 0;  // the missed day no freeze covered, when `reset`
  bool reset = false;
  int runBefore = 0;  // the streak the gap found
};

std::string noticeFor(const Gap& gap, int best) {
  std::vector<std::string> frozen;
  for (std::int64_t d : gap.frozen) frozen.push_back(nameOf(d));
  if (gap.reset) {
    if (gap.runBefore == 0) return {};
    std::string line = "Your streak of " + daysText(gap.runBefore) + " ended: ";
    if (frozen.empty())
      line += "you missed " + nameOf(gap.resetOn) + ".";
    else
      line += "your freezes covered " + listOf(frozen) + ", not " + nameOf(gap.resetOn) + ".";
    return line + " Best: " + daysText(best) + ".";
  }
  if (frozen.empty()) return {};
  std::string streak = std::to_string(gap.runBefore) + "-day streak";
  return std::string(frozen.size() == 1 ? "A freeze" : "Two freezes") + " kept your " + streak +
         ": you missed " + listOf(frozen) + ".";
}

}  // namespace

std::string shortDayName(const CivilDate& d) {
  return std::string(weekdayName(d).substr(0, 3)) + " " + std::to_string(d.day) + " " +
         std::string(monthName(d.month).substr(0, 3));
}

StreakReport streakReport(const std::vector<std::string>& dailyDays, const CivilDate& today) {
  const std::int64_t todayN = daysFromCivil(today);
  std::set<std::int64_t> done;
  for (const std::string& text : dailyDays)
    if (auto d = parseDate(text); d && daysFromCivil(*d) <= todayN) done.insert(daysFromCivil(*d));

  StreakReport r;
  if (done.empty()) return r;
  int completed = 0;
  int run = 0;
  Gap gap;
  for (std::int64_t day = *done.begin(); day <= todayN; ++day) {
    if (done.count(day)) {
      gap = Gap{};
      ++run;
      ++completed;
      if (completed % kDaysPerFreeze == 0)
        r.freezesHeld = std::min(kMaxFreezesHeld, r.freezesHeld + 1);
      r.best = std::max(r.best, run);
      continue;
    }
    if (day == todayN) break;  // today is still open
    if (gap.frozen.empty() && !gap.reset) gap.runBefore = run;
    if (r.freezesHeld > 0) {
      --r.freezesHeld;
      r.frozenDays.push_back(formatDate(civilFromDays(day)));
      gap.frozen.push_back(day);
    } else if (!gap.reset) {
      gap.reset = true;
      gap.resetOn = day;
      run = 0;
    }
  }
  r.current = run;
  r.notice = noticeFor(gap, r.best);
  return r;
}

}  // namespace trustdaily::core
