#pragma once
// The player's history in SQLite (<data folder>/progress.db): days and the
// scenario each was given, plays, and every decision of every play as rows.
//
// What it promises (each has a test):
// - WAL journal, a busy timeout, and every write one transaction begun
//   IMMEDIATE, so instances running at once (windows and terminals) never
//   lose a finished play: the loser of a race waits, re-reads, and never
//   overwrites;
// - a process killed at any moment loses at most the play in progress;
// - only a database SQLite itself reports as corrupt or not a database is
//   kept aside (renamed progress.db.corrupt-<stamp>, with the reason shown);
//   an I/O error, a refused permission, a full disk, a pipe or device in its
//   place or a lock held too long is reported, nothing is saved, and the file
//   is left as it was;
// - a database of a newer schema opens read-only with a message;
// - the schema carries its version (PRAGMA user_version) and is migrated
//   forward in one transaction; an existing progress.json is imported when
//   progress.db is created, and kept beside it.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "play_record.hpp"
#include "review_store.hpp"

struct sqlite3;

namespace trustdaily::core {

// The schema this build writes; see progress_schema.cpp for each version.
int progressSchemaVersion();
// How long a write waits for another instance's transaction to end.
inline constexpr int kProgressBusyMs = 5000;
// A finished play waits this many times longer: on a loaded machine with many
// instances writing at once (ten terminals, each saving after every choice),
// SQLite's busy handler is not first come, first served, and a finished day
// is worth the wait more than a play in progress is.
inline constexpr int kRecordWaitFactor = 3;

enum class StoreMode {
  Closed,       // open() not called yet
  Writable,     // reads and writes
  ReadOnly,     // reads only: a newer schema, or a file that cannot be written
  Unavailable,  // nothing: no folder, or the database cannot be opened; nothing is saved
};

// A misstep to review: the first choice at a decision of the most recent
// play of a scenario.
struct RecentMisstep {
  std::int64_t playId = 0;
  std::string day;
  std::string scenarioId;
  PlayKind kind = PlayKind::Daily;
  std::size_t step = 0;  // index in the play's decisions
  std::string nodeId;
  std::size_t choice = 0;  // the misstep: the first choice made there
  bool operator==(const RecentMisstep&) const = default;
};

struct RecordOutcome {
  std::string problem;  // empty when recorded, else one line ("Progress not saved: ...")
  PlayKind kind = PlayKind::Practice;  // as recorded (the day rules may change it)
  std::int64_t id = 0;
};

class ProgressStore {
 public:
  // dir: --data-dir, else the XDG data folder (see file_access.hpp).
  // busyMs: how long a write waits for another instance (tests shorten it).
  explicit ProgressStore(std::string dir = {}, int busyMs = kProgressBusyMs);
  ~ProgressStore();
  ProgressStore(const ProgressStore&) = delete;
  ProgressStore& operator=(const ProgressStore&) = delete;

  // Opens progress.db, creating, migrating and importing progress.json as
  // needed. Never throws; notice() says what went wrong or was done.
  StoreMode open();
  StoreMode mode() const { return mode_; }
  bool canSave() const { return mode_ == StoreMode::Writable; }
  // One line for the player (home screen, terminal), empty when all is well.
  const std::string& notice() const { return notice_; }
  const std::string& dir() const { return dir_; }
  std::string file() const;  // <dir>/progress.db, or empty without a folder
  const std::string& movedAsideTo() const { return movedAsideTo_; }
  int importedPlays() const { return importedPlays_; }

  // Reads. On an unavailable store, or when a read fails (the notice then
  // says why), they return nothing.
  std::optional<std::string> pinnedScenario(const std::string& day);
  std::vector<std::string> dailyDays();    // days with a daily play, ascending
  std::optional<std::string> latestDay();  // the latest day with a daily or late play
  // One per date with a recorded play: its daily play, else its first late
  // play (practice and replays are not listed). Ascending; no decisions.
  // `newest` > 0 keeps only that many of the latest dates (the home screen).
  std::vector<PlayRecord> dayResults(std::size_t newest = 0);
  std::optional<PlayRecord> dayResult(const std::string& day);
  std::optional<PlayRecord> play(std::int64_t id);  // with its decisions
  std::vector<PlayRecord> plays();                  // every play, oldest first; no decisions
  // The best first-try percentage of any play, per scenario.
  std::map<std::string, int> bestPercents();
  // The missteps of the most recent play of each scenario, newest play first.
  std::vector<RecentMisstep> recentMissteps();
  // The first-try principle totals of every play, summed.
  std::map<std::string, int> principleTotals();
  // The first-try principle totals of each play: play id -> principle -> total.
  std::map<std::int64_t, std::map<std::string, int>> principleTotalsByPlay();
  std::int64_t playCount();

  // Writes: each one transaction begun IMMEDIATE. Empty on success, else a
  // one-line reason starting "Progress not saved: ".
  //
  // Fixes the day's scenario the first time the day is shown; `pinned` gets
  // the day's scenario (an earlier pin wins).
  std::string pinDay(const std::string& day, const std::string& scenarioId, std::string* pinned);
  // Gives a day another scenario, when its own has left the library; a day
  // already recorded keeps its pin.
  std::string repinDay(const std::string& day, const std::string& scenarioId);
  // Records a finished play. A daily or late play is settled by the day
  // rules inside the transaction, against what other instances recorded,
  // and its day's play in progress is dropped in the same transaction.
  // A daily or late play's missteps become review items in it too, with the
  // states `starts` gives (misstepStarts(); found later by replay if not).
  RecordOutcome record(const PlayRecord& play, const std::vector<MisstepStart>& starts = {});

  // Review items (review_store.cpp). Reads return nothing when they fail.
  std::vector<ReviewItem> openReviews();                       // every open item, soonest due first
  std::vector<ReviewItem> dueReviews(const std::string& day);  // due on `day` or before
  std::vector<ReviewItem> closedReviews();                     // learned or retired
  std::optional<ReviewItem> reviewItem(std::int64_t id);
  std::vector<ReviewLogEntry> reviewLog(std::int64_t itemId);  // oldest first
  // An answer on `day` graded `grade`: the FSRS update, a log row, and the
  // item learned when reviewLearned() says so. One transaction.
  ReviewAnswerOutcome answerReview(std::int64_t id, std::size_t choice, fsrs::Grade grade,
                                   const std::string& day);
  // Takes an open item out of the queue for good, keeping why.
  std::string retireReview(std::int64_t id, const std::string& note, const std::string& day);
  // Fills in the state and fingerprint of a backfilled item.
  std::string setReviewStart(std::int64_t id, const std::string& state,
                             const std::string& fingerprint);

  // The day's play in progress (one per date), saved after every choice.
  std::optional<UnfinishedPlay> unfinished(const std::string& day);
  // Replaces the day's play in progress.
  std::string saveUnfinished(const UnfinishedPlay& play);
  std::string dropUnfinished(const std::string& day);

  // For tests and tools: the open connection (null unless open).
  sqlite3* handle() const { return db_; }

  struct Failure;  // an SQLite error (progress_store.cpp)

 private:
  StoreMode openOnce(bool afterMoveAside);
  void close();
  // Runs a read; false (and the notice says why) when it failed.
  bool readGuarded(const std::function<void()>& body);
  // Runs a write in one transaction begun IMMEDIATE; empty or the reason.
  // busyMs: how long to wait for the write lock (default: the store's).
  std::string writeGuarded(const std::function<void()>& body, int busyMs = 0);

  std::string dir_;
  int busyMs_;
  std::string folderProblem_;
  sqlite3* db_ = nullptr;
  StoreMode mode_ = StoreMode::Closed;
  std::string notice_;
  std::string movedAsideTo_;
  int importedPlays_ = 0;
};

}  // namespace trustdaily::core
