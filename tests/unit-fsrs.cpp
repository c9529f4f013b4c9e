// FSRS-6 scheduling: the published reference values for the default
// parameters, and months of reviews on injected dates.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "core/daily.hpp"
#include "core/fsrs.hpp"

using namespace trustdaily::core;
using fsrs::Grade;

namespace {

const fsrs::Parameters& P() { return fsrs::defaultParameters(); }

std::int64_t day(int y, unsigned m, unsigned d) { return daysFromCivil({y, m, d}); }

}  // namespace

TEST_CASE("the default parameters are FSRS-6's") {
  // ts-fsrs __tests__/default.test.ts (expected_w), py-fsrs 6 DEFAULT_PARAMETERS.
  const std::array<double, 21> expected{0.2172, 1.1771, 3.2602, 16.1507, 7.0114, 0.57,   2.0966,
                                        0.0069, 1.5261, 0.112,  1.0178,  1.849,  0.1133, 0.3127,
                                        2.2934, 0.2191, 3.0004, 0.7536,  0.3332, 0.1437, 0.2};
  CHECK(P().w == expected);
  CHECK(P().desiredRetention == 0.9);
  CHECK(P().maximumIntervalDays == 36500);
}

TEST_CASE("first ratings give the published stability and difficulty") {
  // ts-fsrs __tests__/FSRS-6.test.ts, "first repeat": stability
  // [0.2172, 1.1771, 3.2602, 16.1507], difficulty
  // [7.0114, 6.24313295, 4.88463163, 2.48243852].
  const Grade grades[] = {Grade::Again, Grade::Hard, Grade::Good, Grade::Easy};
  const double stability[] = {0.2172, 1.1771, 3.2602, 16.1507};
  const double difficulty[] = {7.0114, 6.24313295, 4.88463163, 2.48243852};
  for (int i = 0; i < 4; ++i) {
    CAPTURE(i);
    const auto s = fsrs::firstReview(grades[i], P());
    CHECK(s.stability == doctest::Approx(stability[i]).epsilon(1e-9));
    CHECK(s.difficulty == doctest::Approx(difficulty[i]).epsilon(1e-8));
  }
  // The same test: only Easy leaves learning at once, scheduled 16 days out.
  CHECK(fsrs::nextIntervalDays(16.1507, P()) == 16);
}

TEST_CASE("retrievability is 0.9 after one stability and falls with time") {
  CHECK(fsrs::retrievability(0, 3.2602, P()) == 1.0);
  CHECK(fsrs::retrievability(10, 10, P()) == doctest::Approx(0.9).epsilon(1e-12));
  // ts-fsrs __tests__/FSRS-6.test.ts, "get retrievability": an Easy first
  // answer (S = 16.1507) seen at its due date 16 days on: 0.90068938.
  CHECK(fsrs::retrievability(16, 16.1507, P()) == doctest::Approx(0.90068938).epsilon(1e-7));
  CHECK(fsrs::retrievability(30, 10, P()) < fsrs::retrievability(20, 10, P()));
}

TEST_CASE("a lapse, then five good answers, match the published memory state") {
  // ts-fsrs __tests__/FSRS-6.test.ts, "memory state[short-term]" (from fsrs-rs
  // inference.rs): Again, Good, Good, Good, Good, Good after 0, 0, 1, 3, 8, 21
  // days end at stability 49.4472, difficulty 6.8573 (4 places).
  const Grade grades[] = {Grade::Good, Grade::Good, Grade::Good, Grade::Good, Grade::Good};
  const int gaps[] = {0, 1, 3, 8, 21};
  auto s = fsrs::firstReview(Grade::Again, P());
  for (int i = 0; i < 5; ++i) s = fsrs::nextState(s, gaps[i], grades[i], P());
  CHECK(s.stability == doctest::Approx(49.4472).epsilon(1e-5));
  CHECK(s.difficulty == doctest::Approx(6.8573).epsilon(1e-5));

  // The same file's "memory state[long-term]": without same-day handling the
  // second review is a recall at R = 1 (stability unchanged), ending at 48.6015.
  auto l = fsrs::firstReview(Grade::Again, P());
  l = {fsrs::recallStability(l.difficulty, l.stability, 1.0, Grade::Good, P()),
       fsrs::nextDifficulty(l.difficulty, Grade::Good, P())};
  for (int i = 1; i < 5; ++i) l = fsrs::nextState(l, gaps[i], grades[i], P());
  CHECK(l.stability == doctest::Approx(48.6015).epsilon(1e-5));
  CHECK(l.difficulty == doctest::Approx(6.8573).epsilon(1e-5));
}

TEST_CASE("a long review sequence gives the published intervals") {
  // ts-fsrs __tests__/FSRS-6.test.ts, "ivl_history": Good x6, Again x2, Good x5,
  // each at the card's due time, give [0, 4, 14, 45, 135, 372, 0, 0, 2, 5, 10,
  // 20, 40] (0 = a minutes-long learning step the same day). The game has no
  // learning steps, so a 0 here is a same-day review and its interval is
  // not compared; every whole-day interval is.
  struct Step {
    Grade grade;
    int gapDays;   // since the previous review
    int interval;  // published next interval, 0 = a same-day step
  };
  const Step steps[] = {{Grade::Good, 0, 4},    {Grade::Good, 4, 14},    {Grade::Good, 14, 45},
                        {Grade::Good, 45, 135}, {Grade::Good, 135, 372}, {Grade::Again, 372, 0},
                        {Grade::Again, 0, 0},   {Grade::Good, 0, 2},     {Grade::Good, 2, 5},
                        {Grade::Good, 5, 10},   {Grade::Good, 10, 20},   {Grade::Good, 20, 40}};
  auto s = fsrs::firstReview(Grade::Good, P());
  for (const auto& step : steps) {
    s = fsrs::nextState(s, step.gapDays, step.grade, P());
    if (step.interval > 0) CHECK(fsrs::nextIntervalDays(s.stability, P()) == step.interval);
  }
}

TEST_CASE("intervals are whole days, at least one, at most the maximum") {
  CHECK(fsrs::nextIntervalDays(0.001, P()) == 1);
  CHECK(fsrs::nextIntervalDays(0.2172, P()) == 1);
  CHECK(fsrs::nextIntervalDays(1.6, P()) == 2);
  CHECK(fsrs::nextIntervalDays(1e9, P()) == 36500);
  CHECK(fsrs::nextIntervalDays(std::nan(""), P()) == 1);
  // A higher desired retention asks for earlier reviews.
  auto strict = P();
  strict.desiredRetention = 0.95;
  CHECK(fsrs::nextIntervalDays(100, strict) < fsrs::nextIntervalDays(100, P()));
  CHECK(fsrs::nextIntervalDays(100, P()) == 100);  // at 0.9 the interval is the stability
}

TEST_CASE("same-day reviews move stability by the short-term rule") {
  const double s = 3.2602;
  CHECK(fsrs::shortTermStability(s, Grade::Good, P()) > s);
  CHECK(fsrs::shortTermStability(s, Grade::Again, P()) < s);
  // For Good the factor is at least one even for large stability (S^-w19 < 1).
  CHECK(fsrs::shortTermStability(5000, Grade::Good, P()) >= 5000);
  // A date before the last review counts as the same day.
  const auto first = fsrs::firstSchedule(Grade::Good, 100);
  const auto back = fsrs::review(first, Grade::Good, 90);
  CHECK(back.memory.stability ==
        doctest::Approx(fsrs::shortTermStability(3.2602, Grade::Good, P())));
  CHECK(back.lastReviewDay == 100);
}

TEST_CASE("a misstep is first due the next day, then spaced out as it is answered well") {
  // The game's use: the misstep is a first review graded Again on the play's
  // day; each review happens on the day it falls due.
  const std::int64_t start = day(2026, 12, 4);
  auto item = fsrs::firstSchedule(Grade::Again, start);
  CHECK(item.dueDay == start + 1);
  std::vector<std::int64_t> gaps;
  while (item.dueDay < start + 365) {
    const auto before = item;
    item = fsrs::review(item, Grade::Good, item.dueDay);
    gaps.push_back(item.dueDay - item.lastReviewDay);
    CHECK(item.dueDay > before.dueDay);
  }
  // Every gap longer than the one before, and few reviews over a year.
  for (std::size_t i = 1; i < gaps.size(); ++i) CHECK(gaps[i] > gaps[i - 1]);
  CHECK(gaps.size() >= 4);
  CHECK(gaps.size() <= 8);
  CHECK(item.reviews == static_cast<int>(gaps.size()) + 1);
  CHECK(item.lapses == 0);
}

TEST_CASE("months of simulated play across month and year ends") {
  // One item reviewed on its due dates from 2026-11-20 over five months: Good,
  // Hard, Again (a lapse shortens the interval), then Good, with dates going
  // through the end of December and February.
  const std::int64_t start = day(2026, 11, 20);
  auto item = fsrs::firstSchedule(Grade::Again, start);
  CHECK(formatDate(civilFromDays(item.dueDay)) == "2026-11-21");
  const Grade answers[] = {Grade::Good,  Grade::Good, Grade::Hard, Grade::Good,
                           Grade::Again, Grade::Good, Grade::Good, Grade::Good};
  std::vector<int> intervals;
  for (Grade g : answers) {
    item = fsrs::review(item, g, item.dueDay);
    intervals.push_back(static_cast<int>(item.dueDay - item.lastReviewDay));
  }
  CHECK(item.lapses == 1);
  CHECK(item.reviews == 9);
  // The lapse at review five gives a shorter interval than the one before it.
  CHECK(intervals[4] < intervals[3]);
  // Hard grows the interval less than Good would have from the same state.
  auto replay = fsrs::firstSchedule(Grade::Again, start);
  replay = fsrs::review(replay, Grade::Good, replay.dueDay);
  replay = fsrs::review(replay, Grade::Good, replay.dueDay);
  const auto hard = fsrs::review(replay, Grade::Hard, replay.dueDay);
  const auto good = fsrs::review(replay, Grade::Good, replay.dueDay);
  CHECK(hard.dueDay < good.dueDay);
  // Reviewing late (a skipped week) lets stability grow more than on time.
  const auto onTime = fsrs::review(replay, Grade::Good, replay.dueDay);
  const auto late = fsrs::review(replay, Grade::Good, replay.dueDay + 7);
  CHECK(late.memory.stability > onTime.memory.stability);
  // Difficulty stays in 1..10 however the answers go.
  auto worst = fsrs::firstSchedule(Grade::Again, start);
  for (int i = 0; i < 50; ++i) worst = fsrs::review(worst, Grade::Again, worst.dueDay);
  CHECK(worst.memory.difficulty <= 10.0);
  CHECK(worst.dueDay - worst.lastReviewDay == 1);
  auto best = fsrs::firstSchedule(Grade::Again, start);
  for (int i = 0; i < 30; ++i) best = fsrs::review(best, Grade::Easy, best.dueDay);
  CHECK(best.memory.difficulty >= 1.0);
  CHECK(best.dueDay - best.lastReviewDay <= 36500);
}
