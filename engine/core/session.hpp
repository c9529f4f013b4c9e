#pragma once
// A play-through of one scenario. The state is a plain copyable struct; the
// session keeps the state before every choice, so rewinding is restoring a
// copy (ink's StoryState, Yarn Spinner's explicit phase).
#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "analysis.hpp"
#include "framework.hpp"
#include "scenario.hpp"

namespace trustdaily::core {

inline constexpr int kTrustStart = 50;
inline constexpr int kTrustMin = 0;
inline constexpr int kTrustMax = 100;

struct PlayState {
  std::size_t node = 0;  // index into Scenario::nodes
  std::set<std::string> flags;
  std::map<std::string, int> trust;   // every scenario partner
  std::map<std::string, int> totals;  // principle id -> running sum
  // Documents read so far: (node index, document index). A scene is visited
  // at most once on a path (scenes are acyclic), so this also says which
  // documents were read at each scene of the path.
  std::set<std::pair<std::size_t, std::size_t>> documentsOpened;
  bool operator==(const PlayState&) const = default;
};

// What one choice did, for the feedback screen and the history.
struct ChoiceOutcome {
  std::size_t step = 0;         // index in history
  std::string nodeId;           // node the choice was made at
  std::size_t choiceIndex = 0;  // index in that node's choices (file order)
  std::string choiceText;
  std::string feedback;
  std::map<std::string, int> score;       // principle deltas as written
  std::map<std::string, int> trustDelta;  // partner -> actual change after clamp
  std::vector<std::string> behaviours;
  int scoreSum = 0;
  bool misstep = false;  // score sum < 0 or leads straight to failure
  bool scored = false;   // the choice had a score (feedback to show)
  std::string nextNodeId;
  // Documents of the node read before the choice (indices, ascending): with
  // nodeId and choiceIndex, what a replay of the path must do again.
  std::vector<std::size_t> documentsRead;
};

// Offered choice: its index in the node's choices, in file order.
struct OfferedChoice {
  std::size_t index = 0;
  const Choice* choice = nullptr;
};

enum class Phase { Choosing, Finished };

struct Debrief {
  EndingKind ending = EndingKind::Mixed;
  std::string endingText;
  std::string lesson;
  int total = 0;
  int bestTotal = 0;
  int percent = 0;
  std::map<std::string, int> totals;           // principle -> this path
  std::map<std::string, int> bestTotals;       // principle -> best path
  std::map<std::string, int> behaviourCounts;  // behaviour -> times shown
  std::map<std::string, int> trustChange;      // partner -> end - start
  std::map<std::string, int> trustEnd;         // partner -> end value
  std::vector<ChoiceOutcome> missteps;
};

class Session {
 public:
  Session(ScenarioPtr scenario, std::shared_ptr<const Analysis> analysis);

  const Scenario& scenario() const { return *scenario_; }
  ScenarioPtr scenarioPtr() const { return scenario_; }
  const Analysis& analysis() const { return *analysis_; }
  Phase phase() const;
  bool finished() const { return phase() == Phase::Finished; }

  const PlayState& state() const { return state_; }
  const Node& currentNode() const;
  std::vector<OfferedChoice> choices() const;  // conditions applied

  // Opens document `i` of the current scene: sets its flags and marks it
  // read. Free (no score, trust or step) and repeatable. Throws
  // std::out_of_range when the scene has no such document or the session is
  // finished (a programmer error).
  const Document& openDocument(std::size_t i);
  // Whether document `i` of the current scene has been opened.
  bool documentOpened(std::size_t i) const;

  // `offered` is a position in choices(). Throws std::out_of_range when it is
  // not offered or the session is finished (a programmer error).
  ChoiceOutcome choose(std::size_t offered);
  // Same, by the index in the node's choice list (file order).
  ChoiceOutcome chooseByIndex(std::size_t choiceIndex);

  const std::vector<ChoiceOutcome>& history() const { return history_; }
  // Restores the state exactly as it was before history()[step] was chosen
  // and drops that step and everything after it.
  void rewindTo(std::size_t step);
  // State before history()[step] (for tests and the author overlay).
  const PlayState& stateBefore(std::size_t step) const { return before_.at(step); }

  // Jumps to a node with a fresh state (authoring: play --from NODE).
  void startAt(std::size_t nodeIndex);
  // Jumps to state.node in that state (a review starts at the scene before a
  // misstep, with its flags and trust); partners missing from state.trust
  // start at kTrustStart. Throws std::out_of_range for a node out of range.
  void startFrom(const PlayState& state);

  int total() const;
  int percent() const;  // against the best total, as the format defines
  std::vector<ChoiceOutcome> missteps() const;
  Debrief debrief() const;  // valid when finished()

 private:
  ScenarioPtr scenario_;
  std::shared_ptr<const Analysis> analysis_;
  PlayState state_;
  std::vector<PlayState> before_;  // before_[i] = state before history_[i]
  std::vector<ChoiceOutcome> history_;
};

PlayState initialState(const Scenario& s);
// A misstep: a choice whose scores sum below zero or that leads straight to a
// failure ending.
bool isMisstep(const Scenario& s, const Choice& c);
bool conditionHolds(const Condition& c, const PlayState& st);
// Principle totals along the analysis' best path, replayed from the start.
std::map<std::string, int> bestPathTotals(const Scenario& s, const Analysis& a);

}  // namespace trustdaily::core
