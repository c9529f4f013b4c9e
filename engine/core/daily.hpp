#pragma once
// Daily selection: a pure function of the calendar date and the library, so
// everyone gets the same scenario on the same day.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostic.hpp"

namespace trustdaily::core {

struct CivilDate {
  int year = 1970;
  unsigned month = 1;  // 1..12
  unsigned day = 1;    // 1..31
  bool operator==(const CivilDate&) const = default;
  auto operator<=>(const CivilDate&) const = default;
};

// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant).
std::int64_t daysFromCivil(const CivilDate& d);
CivilDate civilFromDays(std::int64_t days);
// "YYYY-MM-DD", strict (real dates only).
std::optional<CivilDate> parseDate(const std::string& text);
std::string formatDate(const CivilDate& d);
// "January".."December"; "?" outside 1..12.
std::string_view monthName(unsigned month);
// Monday 0 .. Sunday 6.
unsigned weekdayFromMonday(const CivilDate& d);
// "Monday".."Sunday".
std::string_view weekdayName(const CivilDate& d);
// The player's day starts at 04:00: a late-night session still counts for
// the evening it began in. The game and terminal play use this; `today`
// prints the plain local date, as its contract says.
inline constexpr int kDayRolloverHour = 4;

// Local date now, where the day starts at `rolloverHour` on the local clock
// (e.g. 4 -> 03:59 still counts as the previous day, on any day of the year,
// the days the clocks change included).
CivilDate localToday(int rolloverHour = 0);
// The day a `--date` option names, or local today (with the rollover) when
// it is empty; nullopt, and `why` says so, when it is not a real date.
std::optional<CivilDate> dayFromOption(const std::string& text, int rolloverHour,
                                       std::string* why = nullptr);
// The same for a given moment (seconds since the epoch), in local time (TZ).
CivilDate localDayAt(std::int64_t unixSeconds, int rolloverHour);

struct DailyEntry {
  std::string id;
  std::string situation;
};

// Curated overrides: date -> scenario id (scenarios/schedule.json).
using Schedule = std::map<CivilDate, std::string>;

struct ScheduleLoad {
  Schedule schedule;
  std::vector<Diagnostic> diagnostics;
};
ScheduleLoad loadSchedule(const std::string& path);

// The library is taken sorted by id (order of `library` does not matter).
// Each cycle of N days shows every scenario once, in an order shuffled per
// cycle, arranged so no two consecutive days share a situation where the
// library allows it (including across cycle boundaries).
std::string dailyScenario(const CivilDate& date, std::vector<DailyEntry> library,
                          const Schedule& schedule = {});

}  // namespace trustdaily::core
