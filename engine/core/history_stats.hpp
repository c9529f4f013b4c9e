#pragma once
// The history figures, once for the window's History screen, home and
// `trustdaily history`: a calendar of days, the streak, the average result,
// per principle the share of the available points earned over the last 7
// and 30 days, and the weakest principle with a scenario that exercises it.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "daily.hpp"
#include "framework.hpp"
#include "loader.hpp"
#include "play_record.hpp"
#include "streak.hpp"

namespace trustdaily::core {

// What a calendar day is.
enum class DayStatus {
  None,    // before the first daily play: nothing to miss yet
  Daily,   // the day's daily play
  Late,    // only a late (or archive) play
  Missed,  // no daily play, no freeze
  Frozen,  // no daily play, a freeze kept the streak
  Today,   // today, not played yet
  Future,  // after today
};
std::string_view dayStatusName(DayStatus s);  // "none", "daily", "late", ...
// The letter a calendar marks a day with (colour is never the only sign):
// D daily, L late, F frozen, M missed, T today; a space for none and future.
char dayStatusLetter(DayStatus s);

struct CalendarDay {
  CivilDate date;
  DayStatus status = DayStatus::None;
  std::int64_t playId = 0;  // the day's recorded play (daily or late), 0 when none
  int percent = 0;          // its first-try result
  std::string scenarioId;   // its scenario
};

// Per principle, the first-try points earned against what the best path of
// each scenario offered, over daily plays only (not practice, replays, late
// or archive plays): share = earned / available, signed (a loss is
// negative), clamped to -1..1; nullopt when nothing was available.
struct PrincipleShare {
  std::string id;
  std::string name;
  int earned7 = 0, available7 = 0;
  int earned30 = 0, available30 = 0;
  std::optional<double> share7;
  std::optional<double> share30;
};

// Points on the best path per principle, per scenario (bestPathTotals).
using AvailableByScenario = std::map<std::string, std::map<std::string, int>>;
AvailableByScenario availableByScenario(const Library& library);

struct HistoryInput {
  CivilDate today;
  std::vector<PlayRecord> dayResults;  // the store's dayResults(): one per recorded date
  std::map<std::int64_t, std::map<std::string, int>> principleTotals;  // by play id
  std::vector<PlayRecord> plays;  // every play (recency for the suggestion)
  AvailableByScenario available;
  std::vector<FrameworkEntry> principles;  // framework order
};

struct HistoryStats {
  StreakReport streak;
  int dailyPlays = 0;                      // days with a daily play
  std::optional<int> averagePercent;       // mean first-try result of the daily plays
  std::vector<PrincipleShare> principles;  // framework order
  std::string weakest;                     // principle id with the lowest 30-day share
  std::string suggestion;                  // a library scenario whose best path offers it most
};

// Days a principle share looks back over, today included.
inline constexpr int kShortWindowDays = 7;
inline constexpr int kLongWindowDays = 30;
// The suggestion avoids scenarios played (any kind) this many days back.
inline constexpr int kRecentPlayDays = 14;

HistoryStats historyStats(const HistoryInput& in);

// A share as the player reads it: "+75 %", "-20 %", "0 %"; "none" when
// nothing was available.
std::string shareLabel(const std::optional<double>& share);

// The days from `first` to `last` (inclusive) with their status.
std::vector<CalendarDay> calendarDays(const CivilDate& first, const CivilDate& last,
                                      const HistoryInput& in, const StreakReport& streak);
// The days of one month, 1..last, with their status.
std::vector<CalendarDay> monthCalendar(int year, unsigned month, const HistoryInput& in,
                                       const StreakReport& streak);
// The last `days` days, today included, oldest first.
std::vector<CalendarDay> recentDays(int days, const HistoryInput& in, const StreakReport& streak);

}  // namespace trustdaily::core
