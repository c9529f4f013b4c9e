// The streak with freezes (core/streak.hpp): freezes earned and used across
// gaps, month and year ends, resets that keep the best streak, and the one
// line home shows about the days just missed.
#include <doctest/doctest.h>

#include "core/streak.hpp"

using namespace trustdaily::core;

namespace {

// Consecutive days from `first`, `n` of them, as YYYY-MM-DD.
std::vector<std::string> run(const char* first, int n) {
  std::vector<std::string> out;
  std::int64_t d = daysFromCivil(*parseDate(first));
  for (int i = 0; i < n; ++i) out.push_back(formatDate(civilFromDays(d + i)));
  return out;
}

std::vector<std::string> operator+(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

StreakReport at(const std::vector<std::string>& days, const char* today) {
  return streakReport(days, *parseDate(today));
}

}  // namespace

TEST_CASE("short day names carry the weekday across month and year ends") {
  CHECK(shortDayName({2026, 12, 8}) == "Tue 8 Dec");
  CHECK(shortDayName({2026, 12, 31}) == "Thu 31 Dec");
  CHECK(shortDayName({2027, 1, 1}) == "Fri 1 Jan");
  CHECK(shortDayName({2024, 2, 29}) == "Thu 29 Feb");
  CHECK(shortDayName({1969, 12, 31}) == "Wed 31 Dec");
}

TEST_CASE("without freezes the streak counts days in a row ending today or yesterday") {
  CHECK(at({}, "2024-05-06") == StreakReport{});
  CHECK(at(run("2024-01-30", 3), "2024-02-01").current == 3);  // month end
  CHECK(at(run("2023-12-30", 3), "2024-01-01").current == 3);  // year end
  CHECK(at(run("2024-02-28", 3), "2024-03-01").current == 3);  // leap day
  StreakReport open = at(run("2024-05-04", 3), "2024-05-07");
  CHECK(open.current == 3);  // today still open
  CHECK(open.notice.empty());
  StreakReport broken = at(run("2024-05-01", 2) + run("2024-05-04", 3), "2024-05-08");
  CHECK(broken.current == 0);
  CHECK(broken.best == 3);
  CHECK(broken.frozenDays.empty());
  CHECK(broken.notice == "Your streak of 3 days ended: you missed Tue 7 May. Best: 3 days.");
  CHECK(at(run("2024-05-01", 1), "2024-05-03").notice ==
        "Your streak of 1 day ended: you missed Thu 2 May. Best: 1 day.");
}

TEST_CASE("every seventh completed day earns a freeze, at most two are held") {
  CHECK(at(run("2026-11-01", 6), "2026-11-06").freezesHeld == 0);
  CHECK(at(run("2026-11-01", 7), "2026-11-07").freezesHeld == 1);
  CHECK(at(run("2026-11-01", 13), "2026-11-13").freezesHeld == 1);
  CHECK(at(run("2026-11-01", 14), "2026-11-14").freezesHeld == 2);
  StreakReport many = at(run("2026-11-01", 30), "2026-11-30");
  CHECK(many.freezesHeld == 2);
  CHECK(many.current == 30);
  CHECK(many.best == 30);
  // Completed days count toward a freeze across a reset too.
  StreakReport across = at(run("2026-11-01", 4) + run("2026-11-10", 3), "2026-11-12");
  CHECK(across.current == 3);
  CHECK(across.freezesHeld == 1);
}

TEST_CASE("a missed day uses a freeze: the streak survives and home says so until today's play") {
  // Seven days (1..7 Dec) earn a freeze; Tue 8 Dec is missed.
  const std::vector<std::string> days = run("2026-12-01", 7);
  StreakReport next = at(days, "2026-12-09");
  CHECK(next.current == 7);
  CHECK(next.freezesHeld == 0);
  CHECK(next.frozenDays == std::vector<std::string>{"2026-12-08"});
  CHECK(next.notice == "A freeze kept your 7-day streak: you missed Tue 8 Dec.");
  // Played on the 9th: the streak goes on (the frozen day adds nothing), the notice goes.
  StreakReport played = at(days + run("2026-12-09", 1), "2026-12-09");
  CHECK(played.current == 8);
  CHECK(played.frozenDays == std::vector<std::string>{"2026-12-08"});
  CHECK(played.notice.empty());
  // The 8th is still missed on the 8th itself: today is open.
  CHECK(at(days, "2026-12-08").frozenDays.empty());
  CHECK(at(days, "2026-12-08").freezesHeld == 1);
}

TEST_CASE("two freezes held cover two missed days across a year end") {
  // 14 days to 30 Dec 2026 earn two; 31 Dec and 1 Jan are missed.
  const std::vector<std::string> days = run("2026-12-17", 14);
  StreakReport r = at(days, "2027-01-02");
  CHECK(r.current == 14);
  CHECK(r.freezesHeld == 0);
  CHECK(r.frozenDays == std::vector<std::string>{"2026-12-31", "2027-01-01"});
  CHECK(r.notice == "Two freezes kept your 14-day streak: you missed Thu 31 Dec and Fri 1 Jan.");
  StreakReport goesOn = at(days + run("2027-01-02", 3), "2027-01-04");
  CHECK(goesOn.current == 17);
  CHECK(goesOn.notice.empty());
}

TEST_CASE("a gap longer than the freezes held resets the streak and keeps the best") {
  // 7 days to 31 Jan earn one freeze; 1, 2 and 3 Feb are missed.
  const std::vector<std::string> days = run("2024-01-25", 7);
  StreakReport r = at(days, "2024-02-04");
  CHECK(r.current == 0);
  CHECK(r.best == 7);
  CHECK(r.freezesHeld == 0);
  CHECK(r.frozenDays == std::vector<std::string>{"2024-02-01"});
  CHECK(r.notice ==
        "Your streak of 7 days ended: your freezes covered Thu 1 Feb, not Fri 2 Feb. Best: 7 "
        "days.");
  // Still said a week later, until a day is played.
  CHECK(at(days, "2024-02-11").notice == r.notice);
  StreakReport again = at(days + run("2024-02-11", 2), "2024-02-12");
  CHECK(again.current == 2);
  CHECK(again.best == 7);
  CHECK(again.notice.empty());
  CHECK(again.frozenDays == std::vector<std::string>{"2024-02-01"});
}

TEST_CASE("freezes across a month end in a leap year, then used one at a time") {
  // 14 days to 28 Feb 2024 earn two; 29 Feb missed, 1 Mar played, 2 Mar missed.
  const std::vector<std::string> days =
      run("2024-02-15", 14) + run("2024-03-01", 1) + run("2024-03-03", 1);
  StreakReport r = at(days, "2024-03-03");
  CHECK(r.current == 16);
  CHECK(r.frozenDays == std::vector<std::string>{"2024-02-29", "2024-03-02"});
  CHECK(r.freezesHeld == 0);
  CHECK(r.best == 16);
}

TEST_CASE("late plays never count: only the days given as daily make the streak") {
  // The streak sees daily days only; a late (or archive) play of 8 Dec is
  // not among them, so the 8th is missed and a freeze covers it all the same.
  StreakReport r = at(run("2026-12-01", 7) + run("2026-12-09", 1), "2026-12-09");
  CHECK(r.frozenDays == std::vector<std::string>{"2026-12-08"});
  // Days after today and malformed entries are ignored.
  CHECK(at({"2026-12-01", "2026-12-05", "nonsense", "2026-13-01"}, "2026-12-02").current == 1);
  CHECK(at({"2026-12-01", "2026-12-05"}, "2026-12-02").best == 1);
}
