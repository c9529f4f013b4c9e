#pragma once
// The streak with freezes, as a pure function of the days with a daily play
// and today, for the window and the terminal alike.
//
// - Every seventh completed day (a day with a daily play) earns a freeze; at
//   most two are held, an eighth or later one earned while two are held is
//   lost.
// - A missed day before today (no daily play: a late or archive play does
//   not count) uses a held freeze automatically: the streak survives, but a
//   frozen day does not add to it. With no freeze held, the streak resets;
//   the best streak is kept.
// - Today is open until the day ends: not playing it yet is not a miss.
// - Days before the first daily play are not missed.
#include <string>
#include <vector>

#include "daily.hpp"

namespace trustdaily::core {

inline constexpr int kDaysPerFreeze = 7;
inline constexpr int kMaxFreezesHeld = 2;

struct StreakReport {
  int current = 0;      // days completed in the running streak (frozen days not counted)
  int best = 0;         // the longest streak there ever was
  int freezesHeld = 0;  // 0..kMaxFreezesHeld
  std::vector<std::string> frozenDays;  // YYYY-MM-DD, ascending: missed days a freeze covered
  // One line for home about the days missed just before today, shown from
  // the first day after the gap until today is played; empty otherwise.
  // "A freeze kept your 7-day streak: you missed Tue 8 Dec." or
  // "Your streak of 5 days ended: you missed Wed 9 Dec. Best: 12 days."
  std::string notice;
  bool operator==(const StreakReport&) const = default;
};

// dailyDays: YYYY-MM-DD of the days with a daily play, in any order
// (malformed entries and days after today are ignored).
StreakReport streakReport(const std::vector<std::string>& dailyDays, const CivilDate& today);

// "Tue 8 Dec": weekday, day and month, for player-facing lines.
std::string shortDayName(const CivilDate& d);

}  // namespace trustdaily::core
