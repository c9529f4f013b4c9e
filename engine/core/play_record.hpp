#pragma once
// What is kept of a finished play: its kind, its result from first tries,
// what the retries reached, and every decision with the first choice made
// there, the choice the play went on with, and the best one available.
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace trustdaily::core {

// daily: the day's own play, its result and streak; late: a play of a date
// earlier than the latest day already recorded (a clock moved back), listed
// for its date but never its daily result and never in the streak;
// practice: any other play of a library scenario; replay: a misstep played
// again from the debrief or home.
enum class PlayKind { Daily, Late, Practice, Replay };
std::string_view playKindName(PlayKind k);  // "daily", "late", "practice", "replay"
std::optional<PlayKind> playKindFromName(std::string_view name);

// One decision of the path the play ended on, in order.
struct DecisionRecord {
  std::string nodeId;
  std::size_t firstChoice = 0;   // index in the node's choices (file order)
  std::size_t chosenChoice = 0;  // the one the play went on with (after retries)
  // Unknown (nullopt) only for plays imported from progress.json, which kept
  // the path but not the scores.
  std::optional<std::size_t> bestChoice;  // the best-scored choice offered there
  std::optional<int> firstScore;
  std::optional<int> chosenScore;
  std::optional<int> bestScore;
  bool misstep = false;  // the first choice made here was a misstep
  int retries = 0;       // times this decision was tried again
  // Documents of the scene read before the chosen choice (indices,
  // ascending): a replay opens them again, since one may unlock the choice.
  std::vector<std::size_t> documents{};
  bool operator==(const DecisionRecord&) const = default;
  // Points the first choice left against the best choice available here.
  std::optional<int> pointsLost() const;
};

struct PlayScore {
  int percent = 0;     // as the format defines it: 0..100, negative totals give 0
  int total = 0;       // signed
  std::string ending;  // "success" | "mixed" | "failure"
  bool operator==(const PlayScore&) const = default;
};

struct PlayRecord {
  std::int64_t id = 0;  // row id once stored
  std::string scenarioId;
  std::string day;  // YYYY-MM-DD the play belongs to
  PlayKind kind = PlayKind::Daily;
  PlayScore firstTry;  // the result: first choices only
  PlayScore reached;   // where the retries took the play
  int bestTotal = 0;
  int retries = 0;
  int missteps = 0;  // decisions whose first choice was a misstep
  std::vector<DecisionRecord> decisions;
  std::map<std::string, int> principleTotals;  // principle -> sum over first tries
  std::string finishedAt;                      // ISO 8601 local time, informative only
  bool imported = false;                       // from progress.json
  bool operator==(const PlayRecord&) const = default;
};

// One step of a play in progress, as saved after every choice for resuming.
struct StepTry {
  std::string nodeId;
  std::size_t firstChoice = 0;   // the first choice made at this step
  std::size_t chosenChoice = 0;  // the one the play went on with
  int retries = 0;
  std::vector<std::size_t> documents{};  // read before the chosen choice
  // Tried again and not chosen yet (only ever the last step): the play is
  // at this step's scene again, and its first choice must not be forgotten.
  bool pending = false;
  bool operator==(const StepTry&) const = default;
};

// The day's play in progress (one per date), saved after every choice.
struct UnfinishedPlay {
  std::string day;
  std::string scenarioId;
  PlayKind kind = PlayKind::Daily;  // daily or late
  std::vector<StepTry> steps;
  // The last step was a misstep whose "try that again" offer is still open
  // (the window's feedback, the terminal's retry question).
  bool retryOpen = false;
  std::string updatedAt;  // ISO 8601 local time
  bool operator==(const UnfinishedPlay&) const = default;
};

// "73 %", or "0 % (-2 of 15)": the percentage clamps negative totals to 0,
// so the signed total is shown beside it when it is negative (a path scoring
// -2 of 15 must not look like one scoring -12).
std::string scoreText(const PlayScore& score, int bestTotal);
// The result from first tries with the retries and what they reached:
// "73 % · 1 retry (retries reached 100 %)", "100 %".
std::string resultLine(const PlayRecord& play);

// Local time now as ISO 8601 ("2024-05-01T10:20:30+02:00").
std::string localTimestamp();

}  // namespace trustdaily::core
