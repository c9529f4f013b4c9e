#pragma once
// Review items as the store keeps them (tables review_items and review_log,
// schema 3): one per misstep of a daily or late play, scheduled with FSRS,
// open until learned or retired. The SQL is in review_store.cpp; the rules
// that need the scenario (grading, retiring, the state to start from) are in
// review_item.hpp and review_queue.hpp.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "fsrs.hpp"
#include "play_record.hpp"

struct sqlite3;

namespace trustdaily::core {

// An item answered well enough to leave the queue: a Good answer whose next
// interval reaches this many days.
inline constexpr int kLearnedIntervalDays = 21;

enum class ReviewStatus { Open, Learned, Retired };

struct ReviewItem {
  std::int64_t id = 0;
  std::string scenarioId;
  std::string nodeId;
  std::size_t misstepChoice = 0;  // index in the node's choices (file order)
  // The state just before the misstep (reviewStateJson) and the scene's
  // fingerprint; nullopt until known (items backfilled from older plays).
  std::optional<std::string> state;
  std::optional<std::string> fingerprint;
  std::optional<std::int64_t> playId;  // the play it came from
  std::size_t step = 0;                // the decision's index in that play
  std::string createdDay;
  fsrs::ItemSchedule schedule;  // day numbers (daysFromCivil)
  ReviewStatus status = ReviewStatus::Open;
  std::string note;                   // why it retired, or how it was learned
  std::string closedDay;              // when it was learned or retired
  std::string dueDay() const;         // YYYY-MM-DD
  std::string lastReviewDay() const;  // YYYY-MM-DD
};

// What a play knew about a misstep when it was recorded: the state just
// before it and the scene's fingerprint (see misstepStarts()), or that it
// makes no item: a beat (one way on) into a failure is a misstep of the
// path, but there is no choice to review.
struct MisstepStart {
  std::size_t step = 0;  // index in PlayRecord::decisions
  std::string state;
  std::string fingerprint;
  bool reviewable = true;
};

// One row of review_log.
struct ReviewLogEntry {
  std::int64_t itemId = 0;
  std::string day;
  fsrs::Grade grade = fsrs::Grade::Again;
  std::size_t choice = 0;
  std::int64_t elapsedDays = 0;
  std::optional<fsrs::MemoryState> before;
  fsrs::MemoryState after;
  std::string dueAfter;
  std::string source;  // "play" or "review"
};

struct ReviewAnswerOutcome {
  std::string problem;             // empty when saved, else "Progress not saved: ..."
  std::optional<ReviewItem> item;  // as it is now
  bool learned = false;            // it left the queue with this answer
};

// Whether an answer takes an item out of the queue: a Good answer whose
// next interval reaches kLearnedIntervalDays.
bool reviewLearned(fsrs::Grade g, const fsrs::ItemSchedule& after);

namespace review_sql {
// Inside record()'s transaction: each first-try misstep of a daily or late
// play becomes an item (graded Again on the play's day), or another Again
// review of the open item at the same scene.
void noteMissteps(sqlite3* db, const PlayRecord& play, std::int64_t playId, PlayKind kind,
                  const std::vector<MisstepStart>& starts);
// Inside the 2 -> 3 migration: the same for every daily and late play
// already recorded, oldest first (states to be found later by replay).
void backfill(sqlite3* db);
}  // namespace review_sql

}  // namespace trustdaily::core
