#pragma once
// FSRS-6, the Free Spaced Repetition Scheduler (the scheduler Anki adopted),
// as pure functions: a memory state (stability in days, difficulty 1..10)
// moved by graded reviews, and the whole-day interval until recall falls to
// the desired retention.
//
// Formulas and default parameters: FSRS-6 as published by
// open-spaced-repetition, "The Algorithm" (fsrs4anki wiki), and implemented
// by py-fsrs (fsrs/scheduler.py: _initial_stability, _initial_difficulty,
// _next_difficulty, _next_recall_stability, _next_forget_stability,
// _short_term_stability, _next_interval) and ts-fsrs 5 (its FSRS-6 test
// holds the reference values in tests/unit-fsrs.cpp). No fuzz: a daily game
// has a handful of items, and a reproducible schedule is easier to trust.
#include <array>
#include <cstdint>

namespace trustdaily::core::fsrs {

// Anki's four answer buttons; the game uses Again, Hard and Good.
enum class Grade { Again = 1, Hard = 2, Good = 3, Easy = 4 };

struct Parameters {
  // w0..w20. w0..w3 initial stability per grade, w4..w7 difficulty, w8..w10
  // recall stability, w11..w14 stability after a lapse, w15 hard penalty, w16
  // easy bonus, w17..w19 same-day reviews, w20 the forgetting curve's decay.
  std::array<double, 21> w;
  double desiredRetention = 0.9;
  int maximumIntervalDays = 36500;
};

// The FSRS-6 default weights (py-fsrs DEFAULT_PARAMETERS, ts-fsrs default_w),
// desired retention 0.9, maximum interval 36500 days.
const Parameters& defaultParameters();

struct MemoryState {
  double stability = 0;   // days until recall falls from 100 % to 90 %
  double difficulty = 0;  // 1 (easy) .. 10 (hard)
  bool operator==(const MemoryState&) const = default;
};

// R(t, S) = (1 + F * t / S)^-w20, F = 0.9^(-1 / w20) - 1: recall probability
// t days after the last review (0.9 when t = S).
double retrievability(double elapsedDays, double stability, const Parameters& p);

// S0(G) = w[G-1] (at least 0.001).
double initialStability(Grade g, const Parameters& p);
// D0(G) = w4 - e^(w5 * (G - 1)) + 1, clamped to 1..10.
double initialDifficulty(Grade g, const Parameters& p);
// D' = w7 * D0(Easy) + (1 - w7) * (D + dD * (10 - D) / 9), dD = -w6 * (G - 3),
// clamped to 1..10 (linear damping, then mean reversion towards D0(Easy)).
double nextDifficulty(double difficulty, Grade g, const Parameters& p);
// S'r = S * (1 + e^w8 * (11 - D) * S^-w9 * (e^(w10 * (1 - R)) - 1) * hard * easy),
// hard = w15 for Hard, easy = w16 for Easy, else 1.
double recallStability(double difficulty, double stability, double r, Grade g, const Parameters& p);
// S'f = min(w11 * D^-w12 * ((S + 1)^w13 - 1) * e^(w14 * (1 - R)), S / e^(w17 * w18)).
double forgetStability(double difficulty, double stability, double r, const Parameters& p);
// A second review the same day: S' = S * e^(w17 * (G - 3 + w18)) * S^-w19,
// the factor at least 1 for Good and Easy.
double shortTermStability(double stability, Grade g, const Parameters& p);

// The first review of a new item.
MemoryState firstReview(Grade g, const Parameters& p);
// A later review, elapsedDays whole days after the previous one: 0 is a
// same-day review (short-term stability), else recall or lapse stability at
// the retrievability reached. Difficulty moves either way.
MemoryState nextState(const MemoryState& s, std::int64_t elapsedDays, Grade g, const Parameters& p);

// I = S / F * (r^(-1 / w20) - 1) for the desired retention r, rounded to whole
// days, at least 1 and at most the maximum interval.
int nextIntervalDays(double stability, const Parameters& p);

// An item's schedule in day numbers (days since 1970-01-01, as
// core/daily.hpp counts them).
struct ItemSchedule {
  MemoryState memory;
  std::int64_t lastReviewDay = 0;
  std::int64_t dueDay = 0;
  int reviews = 0;
  int lapses = 0;  // reviews graded Again after the first
};
// The schedule after the first review on `day`.
ItemSchedule firstSchedule(Grade g, std::int64_t day, const Parameters& p = defaultParameters());
// The schedule after a review on `day` (a day before the last review counts
// as the same day: a clock moved back never makes time run backwards).
ItemSchedule review(const ItemSchedule& s, Grade g, std::int64_t day,
                    const Parameters& p = defaultParameters());

}  // namespace trustdaily::core::fsrs
