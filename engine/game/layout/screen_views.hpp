#pragma once
// What each screen shows, as plain data (strings and numbers). Screens fill
// these from the core model; layout functions turn them into a Page. Tests
// fill them with the longest texts the format allows.
#include <SFML/Graphics/Color.hpp>
#include <string>
#include <vector>

#include "core/history_stats.hpp"

namespace trustdaily::game {

// Between the parts of a details line: the dot stays on the line of the part
// it follows (a no-break space before it).
inline const std::string kSeparator = "\u00A0\u00B7  ";

struct MeterView {
  std::string name;
  int value = 0;  // 0..100
  int delta = 0;  // change in this play (shown when non-zero)
};

struct ChipView {
  std::string label;  // "+2 Context beats instruction"
  sf::Color colour;   // principle colour
  int value = 0;
};

struct ScenarioCardView {
  std::string title;
  std::string summary;
  std::string partners;   // "Engineering, Design"
  std::string situation;  // "estimate pushback"
  int difficulty = 1;
  int minutes = 5;
  std::string status;  // "Not played yet" / "Done: 80 % · success"
};

// A principle's share of the available points: signed, from a zero line.
struct ProfileBarView {
  std::string name;
  sf::Color colour;
  std::string value;   // "+75 %", "-20 %", "none"
  float fraction = 0;  // -1..1: the share
};

struct HomeView {
  std::string dateLine;  // "Saturday 14 June 2025"
  int streak = 0;
  int bestStreak = 0;
  int freezesHeld = 0;
  std::string notice;        // progress problem, empty if none
  std::string streakNotice;  // a freeze used or a streak ended over the missed days
  std::string nextScenario;  // after the day is done: "Next scenario in 7 h 12 min"
  bool hasToday = false;
  ScenarioCardView today;
  std::string noTodayReason;
  std::string playLabel;                 // "Play today's scenario"
  bool canStartOver = false;             // a play in progress: "Start over"
  bool hasTodayDebrief = false;          // the day is recorded: "Today's debrief"
  std::vector<std::string> earlierDays;  // "12 Jun · Title · 80 %", each opens its debrief
  std::vector<ProfileBarView> profile;
  // Spaced review: "3 missteps to review · about 2 minutes", or when the next
  // one is due; empty when nothing is open. canReview: the drill starts (R).
  std::string reviewLine;
  bool canReview = false;
  std::size_t libraryCount = 0;
};

// A document card on the play screen.
struct DocumentCardView {
  std::string key;    // "A" .. "D"
  std::string kind;   // "Email", "Dashboard", ...
  std::string title;  // as written, up to 80 characters
  bool read = false;
};

struct PlayView {
  std::string scenarioTitle;
  std::string modeLabel;   // "Today's scenario" / "Library" / "Replay"
  std::string sceneLabel;  // "Scene 3 of about 8" (core::sceneText), right of the title line
  std::string speakerName;
  std::string speakerRole;
  std::string text;
  std::vector<std::string> choices;
  std::vector<MeterView> meters;
  std::vector<DocumentCardView> documents;  // above the choices
};

// A document opened over the play screen.
struct DocumentView {
  std::string key;   // "A" .. "D"
  std::string kind;  // "Email", ...
  std::string title;
  std::string text;  // blank lines separate paragraphs
};

struct FeedbackView {
  std::string choiceText;
  std::string feedback;
  std::vector<ChipView> chips;
  std::vector<MeterView> trust;  // delta = this choice's change
  bool misstep = false;
  bool endsScenario = false;
  // In the review drill: the grade and when the item is back; no retry, and
  // Continue goes to the next review (or home after the last).
  std::string reviewResult;
  bool reviewGood = false;
  std::string continueLabel;  // empty: "Continue" or "See the debrief"
};

struct DebriefBarView {
  std::string name;
  sf::Color colour;
  int yours = 0;
  int best = 0;
};

// One decision of the path: the first choice made there against the best
// one available there.
struct DecisionView {
  std::string first;  // the first choice's text
  std::string best;   // the best choice's text (empty when the first was it)
  int firstScore = 0;
  int bestScore = 0;
  int pointsLost = 0;
  bool misstep = false;
  int retries = 0;
};

// Leaving a play mid-way: what happens to it.
struct LeaveView {
  std::string heading;  // "Leave this play?"
  std::string text;     // what happens to it
  std::string leaveLabel;
};

struct DebriefView {
  std::string endingLabel;  // "Success" / "Mixed" / "Failure"
  std::string endingText;
  std::string lesson;
  int percent = 0;  // from first tries
  int total = 0;    // from first tries, signed
  int bestTotal = 0;
  std::string result;    // "73 % · 1 retry (retries reached 100 %)"
  int reachedTotal = 0;  // where the retries took the play
  bool retried = false;
  std::vector<DecisionView> decisions;
  std::vector<DebriefBarView> bars;
  std::vector<MeterView> trust;       // value = end, delta = change
  std::vector<std::string> missteps;  // choice texts
  std::string notice;                 // save problem
  // A recorded daily or late result: "Copy result" and "Save card" are
  // offered, and what the last of them did is said under the header.
  bool canShare = false;
  std::string shareNote;  // "Copied: ..." / "Card saved: PATH" / why not
  bool shareFailed = false;
  std::string kindNote;         // "Counts as today's result" / "Replay: not counted"
  std::string backTo = "home";  // where Enter and Esc go: "home", "history", "library"
};

struct LibraryEntryView {
  std::string title;
  std::string details;  // "Engineering · estimate pushback · difficulty 2 · 6 min"
  std::string best;     // "Best 80 %" / "Not played"
};

struct LibraryView {
  std::string partnerFilter;    // "All partners" / "Engineering"
  std::string situationFilter;  // "All situations" / "bad news"
  std::vector<LibraryEntryView> entries;
  std::vector<std::string> problems;  // "file.json: 3:5: error: ..."
  std::size_t total = 0;
};

struct SettingsView {
  int textSize = 1;
  bool dark = false;
  int rolloverHour = 4;
  std::string notice;
};

struct StrongPathStepView {
  std::string speaker;
  std::string scene;
  std::vector<std::string> read;  // documents to open first: "A · Email: title"
  std::string choice;
  std::string feedback;
  std::vector<ChipView> chips;
};

struct StrongPathView {
  std::string title;
  int bestTotal = 0;
  std::vector<StrongPathStepView> steps;
  std::string endingText;
};

// Live playtest: the file no longer validates.
struct ProblemsView {
  std::string file;
  std::vector<std::string> lines;  // core::formatText of each diagnostic
  std::size_t errors = 0;
  bool playWaiting = false;  // a play was running before the break
};

// Live playtest: the author's view of the session state (F2).
struct StateOverlayView {
  std::string node;
  std::vector<std::string> flags;
  std::vector<std::string> documentsRead;  // keys of the current scene's documents read
  std::vector<MeterView> trust;
  std::vector<std::pair<std::string, int>> totals;  // principle name, running sum
  std::string lastReload;                           // "" before the first reload
  // Choices of this scene that a condition hides: "3. text: needs flag 'x'".
  std::vector<std::string> hidden;
  // The file's warnings ("line 28: ..."), at most a few, then "and N more".
  std::vector<std::string> warnings;
};

// Live playtest: every node of the file, to jump to one (F3).
struct JumpEntryView {
  std::string id;
  std::string details;  // "scene · Kenji · The spike says nine weeks..." / "success ending"
  bool current = false;
};
struct JumpView {
  std::string file;
  std::vector<JumpEntryView> nodes;
};

// History: a month calendar, the figures and the principle chart.
struct CalendarDayView {
  unsigned day = 1;  // of the month
  core::DayStatus status = core::DayStatus::None;
  std::string result;     // "80 %" for a played day, else empty
  bool opens = false;     // a button: a debrief, an archive offer or today's play
  bool selected = false;  // the day the panel below the calendar describes
};

// One principle of the chart: the signed share of the available points over
// the last 7 and 30 days (-1..1), and how each reads.
struct PrincipleTrendView {
  std::string name;
  sf::Color colour;
  bool has7 = false, has30 = false;
  float share7 = 0, share30 = 0;
  std::string label7, label30;  // "+40 %", "-20 %", "none"
};

// One day of the results chart: its status and, when played, its first-try
// result.
struct DayResultView {
  core::DayStatus status = core::DayStatus::None;
  bool played = false;
  int percent = 0;
};

struct HistoryView {
  std::string streakLine;      // "Streak 5 days · best 12 · 1 freeze held"
  std::string averageLine;     // "average first-try result 72 % over 20 daily plays" (after it)
  std::string monthTitle;      // "December 2026"
  std::string prevMonth;       // "November" (empty: no earlier month offered)
  std::string nextMonth;       // "January" (empty: no later month yet)
  unsigned leadingBlanks = 0;  // weekdays before day 1 (weeks start on Monday)
  std::vector<CalendarDayView> days;
  // The selected day: "Tuesday 8 December 2026", what it was, and what it offers.
  std::string dayTitle;
  std::string dayText;
  std::string dayAction;  // "Play it from the archive (A)", "Open its debrief (Enter)", ""
  int dayActionId = -1;
  std::vector<DayResultView> recent;           // the last 30 days, oldest first, today last
  std::string recentFrom;                      // "4 Nov": the first day of the chart
  std::vector<PrincipleTrendView> principles;  // empty before the first daily play
  std::string weakestLine;                     // the weakest principle and why the suggestion
  std::string suggestionLabel;                 // "Practise “Title” (P)"; empty when none
  std::string notice;                          // why a day could not be opened
};

struct HelpView {
  std::vector<std::pair<std::string, std::string>> keys;  // key, what it does
};

}  // namespace trustdaily::game
