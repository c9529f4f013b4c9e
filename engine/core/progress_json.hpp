#pragma once
// progress.json, the player's history before progress.db (format version 1):
// read once, when progress.db is first created, and imported into it; the
// file itself is kept as it was. Reading is hardened (size, depth, shapes,
// integer ranges) because the file came from disk.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analysis.hpp"
#include "play_record.hpp"

namespace trustdaily::core {

inline constexpr int kProgressJsonVersion = 1;
// Years of daily plays fit in well under 1 MiB; anything far larger is not
// ours and must not be read into memory whole.
inline constexpr std::size_t kMaxProgressJsonBytes = 4 * 1024 * 1024;

// A play as progress.json kept it: the path, not the first tries.
struct JsonPlay {
  std::string scenarioId;
  std::string day;                  // YYYY-MM-DD the play belongs to
  PlayKind kind = PlayKind::Daily;  // "daily", "library" (practice) or "replay"
  int percent = 0;
  int total = 0;
  std::string ending;                 // "success" | "mixed" | "failure"
  std::vector<PathStep> path;         // every choice made, in order
  std::vector<std::size_t> missteps;  // indices into path
  std::string finishedAt;             // ISO 8601 local time, informative only
  bool operator==(const JsonPlay&) const = default;
};

struct JsonDay {
  std::string scenarioId;          // fixed the first time the day was shown
  std::optional<JsonPlay> result;  // the first complete daily play
  bool operator==(const JsonDay&) const = default;
};

struct Progress {
  int version = kProgressJsonVersion;
  std::map<std::string, JsonDay> days;  // key: YYYY-MM-DD
  std::vector<JsonPlay> plays;          // every complete play, oldest first
  bool operator==(const Progress&) const = default;
};

std::string progressToJson(const Progress& p);
// Throws nothing; returns nullopt and a reason when the text is not a valid
// progress file of a known version.
std::optional<Progress> progressFromJson(const std::string& text, std::string* why = nullptr);

// What progress.json holds, as rows for progress.db: the days' scenarios and
// every play. A day's result becomes its daily play; any other play marked
// daily becomes practice (only the first daily play ever counted). Scores
// per decision were not kept, so they stay unknown.
struct ImportedProgress {
  std::map<std::string, std::string> pins;  // day -> scenario
  std::vector<PlayRecord> plays;            // oldest first
};
ImportedProgress importProgress(const Progress& p);

}  // namespace trustdaily::core
