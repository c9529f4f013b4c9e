#pragma once
// The review queue over the store: what the terminal (`trustdaily review`)
// and the window's drill both call, so the rules live in one place. It
// brings stored items in line with the library (retiring what can no longer
// be asked), starts a review session at an item's scene and state, and
// grades and saves an answer.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "progress_store.hpp"
#include "review_item.hpp"
#include "review_store.hpp"
#include "session.hpp"

namespace trustdaily::core {

// A library scenario by id; nullptr when it is not (or no longer) there.
using ScenarioLookup = std::function<ScenarioPtr(const std::string& id)>;

// For record(): the state just before each first-try misstep of the session
// (Session::stateBefore) and its scene's fingerprint; a misstep at a beat
// (one way on, into a failure) is marked not reviewable.
std::vector<MisstepStart> misstepStarts(const Session& session,
                                        const std::vector<DecisionRecord>& decisions);

// The state just before decision `step` of a recorded path, found by playing
// the path again (chosen choices and documents read): what
// Session::stateBefore(step) was. nullopt when the path no longer fits the
// scenario.
std::optional<PlayState> stateBeforeStep(const ScenarioPtr& scenario,
                                         const std::vector<DecisionRecord>& path, std::size_t step);

// Brings the open items in line with the library on `day`: finds the state
// of items backfilled from older plays, and retires, with the reason as
// note, items whose scenario left the library, whose scene changed, or whose
// saved state is damaged. Returns one line per item retired, for the player
// (a damaged row is reported, never fatal), and any save problem.
struct ReviewCheck {
  std::vector<std::string> retired;
  std::string problem;
};
ReviewCheck checkReviews(ProgressStore& store, const ScenarioLookup& lookup,
                         const std::string& day);

// An item ready to play: its scenario, and the state at its scene.
struct ReviewStart {
  ReviewItem item;
  ScenarioPtr scenario;
  PlayState state;
};
// nullopt when the item cannot be played now (checkReviews retires those).
std::optional<ReviewStart> reviewStart(const ReviewItem& item, const ScenarioLookup& lookup);

// Grades the choice made (gradeChoice) and saves the answer on `day`.
struct ReviewAnswer {
  fsrs::Grade grade = fsrs::Grade::Again;
  ReviewAnswerOutcome saved;
};
ReviewAnswer answerReview(ProgressStore& store, const ReviewStart& start, std::size_t choiceIndex,
                          const std::string& day);

// A drill is short: at most this many items (about five minutes), the most
// overdue first; what is left stays due for another drill.
inline constexpr std::size_t kReviewsPerDrill = 8;
// The items one drill plays, from the due ones (soonest due first).
std::vector<ReviewItem> drillItems(std::vector<ReviewItem> due);

// Player-facing lines, the same in the window and the terminal.
// "3 missteps to review · about 2 minutes"; above a drill's size,
// "12 missteps to review · 8 now, about 6 minutes".
std::string reviewOfferText(std::size_t due);
// About 40 seconds a review: a scene read again, one choice, its feedback.
int reviewMinutes(std::size_t due);
// "Next review: 2026-12-06 (in 2 days)." or "Nothing left to review." from
// the open items after `day`.
std::string nextReviewText(const std::vector<ReviewItem>& open, const std::string& day);
// "Good", "Hard", "Again" and what it means for the item.
std::string gradeText(fsrs::Grade g);

}  // namespace trustdaily::core
