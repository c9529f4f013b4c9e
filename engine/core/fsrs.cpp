#include "fsrs.hpp"

#include <algorithm>
#include <cmath>

namespace trustdaily::core::fsrs {

namespace {

// Bounds FSRS-6 keeps its state in (py-fsrs STABILITY_MIN, MIN_DIFFICULTY,
// MAX_DIFFICULTY).
constexpr double kMinStability = 0.001;
constexpr double kMinDifficulty = 1.0;
constexpr double kMaxDifficulty = 10.0;

double clampStability(double s) { return std::max(s, kMinStability); }
double clampDifficulty(double d) { return std::clamp(d, kMinDifficulty, kMaxDifficulty); }

int gradeValue(Grade g) { return static_cast<int>(g); }

double decay(const Parameters& p) { return -p.w[20]; }
// F chosen so that R(S, S) = 0.9 whatever the decay.
double factor(const Parameters& p) { return std::pow(0.9, 1.0 / decay(p)) - 1.0; }

double rawInitialDifficulty(Grade g, const Parameters& p) {
  return p.w[4] - std::exp(p.w[5] * (gradeValue(g) - 1)) + 1.0;
}

}  // namespace

const Parameters& defaultParameters() {
  // FSRS-6 defaults: py-fsrs 6 DEFAULT_PARAMETERS, ts-fsrs 5 default_w (its
  // test __tests__/default.test.ts lists the same 21 numbers).
  static const Parameters p{
      {0.2172, 1.1771, 3.2602, 16.1507, 7.0114, 0.57,   2.0966, 0.0069, 1.5261, 0.112, 1.0178,
       1.849,  0.1133, 0.3127, 2.2934,  0.2191, 3.0004, 0.7536, 0.3332, 0.1437, 0.2},
      0.9,
      36500};
  return p;
}

double retrievability(double elapsedDays, double stability, const Parameters& p) {
  return std::pow(1.0 + factor(p) * std::max(0.0, elapsedDays) / stability, decay(p));
}

double initialStability(Grade g, const Parameters& p) {
  return clampStability(p.w[gradeValue(g) - 1]);
}

double initialDifficulty(Grade g, const Parameters& p) {
  return clampDifficulty(rawInitialDifficulty(g, p));
}

double nextDifficulty(double difficulty, Grade g, const Parameters& p) {
  const double delta = -p.w[6] * (gradeValue(g) - 3);
  const double damped = difficulty + (10.0 - difficulty) * delta / 9.0;
  // Mean reversion towards the unclamped D0(Easy), as py-fsrs does.
  const double reverted = p.w[7] * rawInitialDifficulty(Grade::Easy, p) + (1.0 - p.w[7]) * damped;
  return clampDifficulty(reverted);
}

double recallStability(double difficulty, double stability, double r, Grade g,
                       const Parameters& p) {
  const double hard = g == Grade::Hard ? p.w[15] : 1.0;
  const double easy = g == Grade::Easy ? p.w[16] : 1.0;
  return clampStability(
      stability * (1.0 + std::exp(p.w[8]) * (11.0 - difficulty) * std::pow(stability, -p.w[9]) *
                             (std::exp((1.0 - r) * p.w[10]) - 1.0) * hard * easy));
}

double forgetStability(double difficulty, double stability, double r, const Parameters& p) {
  const double longTerm = p.w[11] * std::pow(difficulty, -p.w[12]) *
                          (std::pow(stability + 1.0, p.w[13]) - 1.0) *
                          std::exp((1.0 - r) * p.w[14]);
  // A lapse never leaves more stability than the same-day Again would.
  const double shortTerm = stability / std::exp(p.w[17] * p.w[18]);
  return clampStability(std::min(longTerm, shortTerm));
}

double shortTermStability(double stability, Grade g, const Parameters& p) {
  double increase =
      std::exp(p.w[17] * (gradeValue(g) - 3 + p.w[18])) * std::pow(stability, -p.w[19]);
  if (g == Grade::Good || g == Grade::Easy) increase = std::max(increase, 1.0);
  return clampStability(stability * increase);
}

MemoryState firstReview(Grade g, const Parameters& p) {
  return {initialStability(g, p), initialDifficulty(g, p)};
}

MemoryState nextState(const MemoryState& s, std::int64_t elapsedDays, Grade g,
                      const Parameters& p) {
  MemoryState next;
  if (elapsedDays <= 0) {
    next.stability = shortTermStability(s.stability, g, p);
  } else {
    const double r = retrievability(static_cast<double>(elapsedDays), s.stability, p);
    next.stability = g == Grade::Again ? forgetStability(s.difficulty, s.stability, r, p)
                                       : recallStability(s.difficulty, s.stability, r, g, p);
  }
  next.difficulty = nextDifficulty(s.difficulty, g, p);
  return next;
}

int nextIntervalDays(double stability, const Parameters& p) {
  const double days = stability / factor(p) * (std::pow(p.desiredRetention, 1.0 / decay(p)) - 1.0);
  // Python's round() and JavaScript's Math.round agree away from .5, which a
  // real-valued stability never lands on exactly.
  const double rounded = std::round(days);
  if (!(rounded >= 1.0)) return 1;  // also NaN
  if (rounded >= p.maximumIntervalDays) return p.maximumIntervalDays;
  return static_cast<int>(rounded);
}

ItemSchedule firstSchedule(Grade g, std::int64_t day, const Parameters& p) {
  ItemSchedule s;
  s.memory = firstReview(g, p);
  s.lastReviewDay = day;
  s.dueDay = day + nextIntervalDays(s.memory.stability, p);
  s.reviews = 1;
  return s;
}

ItemSchedule review(const ItemSchedule& s, Grade g, std::int64_t day, const Parameters& p) {
  ItemSchedule next = s;
  const std::int64_t elapsed = std::max<std::int64_t>(0, day - s.lastReviewDay);
  next.memory = nextState(s.memory, elapsed, g, p);
  next.lastReviewDay = std::max(day, s.lastReviewDay);
  next.dueDay = next.lastReviewDay + nextIntervalDays(next.memory.stability, p);
  next.reviews = s.reviews + 1;
  if (g == Grade::Again) ++next.lapses;
  return next;
}

}  // namespace trustdaily::core::fsrs
