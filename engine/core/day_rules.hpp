#pragma once
// The rules of the day, once, for the window and the terminal: which
// scenario a day gets, what kind a play of it is, how a finished play is
// recorded, and the streak.
#include <optional>
#include <string>
#include <vector>

#include "daily.hpp"
#include "framework.hpp"
#include "loader.hpp"
#include "play_record.hpp"

namespace trustdaily::core {

// The kind a finished play is recorded as, decided when it is recorded (in
// the store's transaction, so against what other instances recorded):
// - a daily or late play of a day that already has its daily or late play,
//   or of another scenario than the one the day was given, is practice;
// - a late play asked for explicitly (an archive play of a past day) stays
//   late, even of yesterday while today is still open;
// - a play of a date earlier than the latest day already recorded (a clock
//   moved back) is late, never that day's daily and never in the streak;
// - else it is the day's daily play.
// Practice and replays stay what they are.
PlayKind settleKind(PlayKind wanted, const std::string& day, const std::string& scenarioId,
                    const std::optional<std::string>& pinnedScenario, bool dayRecorded,
                    const std::optional<std::string>& latestDay);

// The streak with freezes (streak.hpp): streakReport(dailyDays, today).current
// and .best, for callers that need only the number.
int currentStreak(const std::vector<std::string>& dailyDays, const CivilDate& today);
int bestStreak(const std::vector<std::string>& dailyDays);

// The scenarios folder as the daily game sees it: framework, library and
// schedule, and why it cannot serve (a missing folder, a broken framework).
struct DailyLibrary {
  std::string dir;
  Framework framework;
  Library library;
  Schedule schedule;
  std::vector<Diagnostic> diagnostics;  // framework and schedule problems
  std::string problem;                  // one line when the folder cannot be used at all
};
DailyLibrary loadDailyLibrary(const std::string& scenariosDir);

// The library's scenario for a date: the schedule's when it names a scenario
// of the library, else the shuffled cycle. Empty when nothing is playable.
std::string pickForDay(const CivilDate& date, const Library& library, const Schedule& schedule);

class ProgressStore;

// What a day is, for starting a play of it.
struct DayPlan {
  CivilDate date;
  std::string day;          // YYYY-MM-DD
  std::string scenarioId;   // the day's scenario; empty when nothing is playable
  std::string note;         // one line when the day's own scenario left the library
  std::string saveProblem;  // fixing the day's scenario could not be saved
  bool recorded = false;    // the day has its daily (or late) play already
  bool late = false;        // a date before the latest recorded day: a clock moved back
  bool archive = false;     // a past day played after it (from the calendar, --archive): late
  // The day's play in progress of its scenario, offered as "Resume".
  std::optional<UnfinishedPlay> unfinished;
  // The kind a play of the day's scenario starts as (the store settles it
  // again when it is recorded).
  PlayKind kind() const;
};

// Fixes the day's scenario the first time the day is shown (an earlier pin
// wins); a pinned scenario that has left the library falls back to the
// library's pick for the day, unless the day is recorded already.
DayPlan planDay(ProgressStore& store, const CivilDate& date, const Library& library,
                const Schedule& schedule);

// What planDay gives the day, without writing to the store: its pin when
// that is in the library, else the library's pick, and its play in progress
// of that scenario (the History calendar's offer before a play starts).
DayPlan previewDay(ProgressStore& store, const CivilDate& date, const Library& library,
                   const Schedule& schedule);

// Archive: any day before today can be played after it, its own scenario
// (pinned as for the day itself), recorded as late, never in the streak.
// Empty when `day` can be played as an archive day, else why not.
std::string archiveProblem(const CivilDate& day, const CivilDate& today);
// The plan of an archive day: planDay's, marked archive (its kind is late).
DayPlan planArchiveDay(ProgressStore& store, const CivilDate& day, const Library& library,
                       const Schedule& schedule);

}  // namespace trustdaily::core
