#pragma once
// The player's progress: which scenario each day got, the day's result, the
// streak, and every play. Saved atomically (temp file in the same folder,
// fsync, rename, fsync the folder); a file that cannot be read is moved aside,
// reported, and replaced by a fresh one, never silently.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analysis.hpp"
#include "daily.hpp"

namespace trustdaily::core {

inline constexpr int kProgressVersion = 1;

enum class PlayKind { Daily, Library, Replay };
std::string_view playKindName(PlayKind k);  // "daily", "library", "replay"

struct PlayRecord {
  std::string scenarioId;
  std::string day;  // YYYY-MM-DD the play belongs to
  PlayKind kind = PlayKind::Daily;
  int percent = 0;
  int total = 0;
  std::string ending;                 // "success" | "mixed" | "failure"
  std::vector<PathStep> path;         // every choice made, in order
  std::vector<std::size_t> missteps;  // indices into path
  std::string finishedAt;             // ISO 8601 local time, informative only
  bool operator==(const PlayRecord&) const = default;
};

struct DayRecord {
  std::string scenarioId;            // fixed the first time the day is shown
  std::optional<PlayRecord> result;  // the first complete daily play
  bool operator==(const DayRecord&) const = default;
};

struct Progress {
  int version = kProgressVersion;
  std::map<std::string, DayRecord> days;  // key: YYYY-MM-DD
  std::vector<PlayRecord> plays;          // every complete play, oldest first
  bool operator==(const Progress&) const = default;

  // Returns the day's scenario, recording `pick` the first time a day is seen.
  std::string assignDay(const CivilDate& day, const std::string& pick);
  // Records a complete play. Only the first Daily play of a day sets that
  // day's result; Library and Replay plays never change results or streak.
  void recordPlay(const PlayRecord& play);
  // Days completed in a row, ending today (or yesterday when today is not
  // yet completed). Gaps break it; month and year ends do not.
  int streak(const CivilDate& today) const;
  std::optional<int> bestPercent(const std::string& scenarioId) const;
  // Missteps of the most recent play of each scenario, newest first. The
  // second member is the misstep's step index in the play's path.
  std::vector<std::pair<PlayRecord, std::size_t>> pendingMissteps() const;
};

// Local time now as ISO 8601 ("2024-05-01T10:20:30+02:00"), for finishedAt.
std::string localTimestamp();

std::string progressToJson(const Progress& p);
// Throws nothing; returns nullopt and a reason when the text is not a valid
// progress file of a known version.
std::optional<Progress> progressFromJson(const std::string& text, std::string* why = nullptr);

// Atomic write of `bytes` to `path`. Returns an empty string on success, else
// a one-line reason; the previous file is left intact on failure.
std::string atomicWriteFile(const std::string& path, const std::string& bytes);

struct ProgressLoad {
  Progress progress;
  std::string movedAsideTo;  // non-empty when a corrupt file was kept aside
  std::string problem;       // one line for the home screen, empty if none
};

class ProgressStore {
 public:
  // dir: --data-dir, else $XDG_DATA_HOME/trustdaily, else ~/.local/share/trustdaily
  explicit ProgressStore(std::string dir);
  static std::string defaultDir();
  const std::string& dir() const { return dir_; }
  std::string file() const;  // <dir>/progress.json

  // Removes stale temp files, reads progress.json; a corrupt file is renamed
  // to progress.json.corrupt-<timestamp> and a fresh Progress returned.
  ProgressLoad load();
  // Empty on success, else a one-line reason (shown to the player).
  std::string save(const Progress& p);

 private:
  std::string dir_;
  // Set when an unreadable file could not be moved aside: saving over it
  // would replace it silently, so save() refuses until the next load().
  std::string saveBlockedBy_;
};

}  // namespace trustdaily::core
