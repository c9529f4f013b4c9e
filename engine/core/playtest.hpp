#pragma once
// Live playtest (`trustdaily play FILE`): what to do when the file changed on
// disk. A pure decision over the old session and the new load, so the rules
// are tested without a window; the game only calls it.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "diagnostic.hpp"
#include "loader.hpp"
#include "session.hpp"

namespace trustdaily::core {

enum class ReloadOutcome {
  Replayed,   // same node, reached again by the same choices: state kept
  SameNode,   // same node, fresh state (the path there changed)
  Restarted,  // the node is gone (or no play was running): at --from or the start
  Broken,     // the file no longer validates: show the diagnostics
};

// Where an authoring play starts: `play FILE --from NODE --flags a,b
// --trust sales=60`. Such plays are never recorded.
struct StartPoint {
  std::string node;                  // empty: the scenario's start
  std::vector<std::string> flags;    // set on arrival
  std::map<std::string, int> trust;  // partner -> value on arrival, 0..100
  bool empty() const { return node.empty() && flags.empty() && trust.empty(); }
};

// Reads the text of --flags ("a,b") and --trust ("sales=60,legal=40").
// Returns nullopt and says why in `why` when the text is malformed.
std::optional<StartPoint> parseStartPoint(const std::string& node, const std::string& flags,
                                          const std::string& trust, std::string& why);
// "" when the start point fits the scenario; else one message naming the
// problem, with the nearest known name (a node, a flag some choice, document
// or condition uses, a partner of the scenario).
std::string checkStartPoint(const Scenario& s, const StartPoint& p);
// Starts `session` at the point (checked first with checkStartPoint); at
// node `nodeIndex` instead when given (the playtest's jump to a node, F3).
void applyStartPoint(Session& session, const StartPoint& p,
                     std::optional<std::size_t> nodeIndex = std::nullopt);

// A choice of the current scene that its condition hides, and why, for the
// playtest state panel (F2).
struct HiddenChoice {
  std::size_t index = 0;  // in the node's choices (file order)
  std::string text;
  std::string reason;  // "needs flag 'asked_why'; engineering trust 45, needs at least 60"
};
std::vector<HiddenChoice> hiddenChoices(const Session& session);
// What of `c` fails in `st` ("" when it holds), part by part.
std::string whyConditionFails(const Condition& c, const PlayState& st);

struct PlaytestReload {
  ReloadOutcome outcome = ReloadOutcome::Broken;
  std::optional<Session> session;       // empty when Broken
  std::vector<Diagnostic> diagnostics;  // the load's diagnostics, sorted (errors when Broken)
};

// `old` is the play in progress (null when none); `from` the --from point
// (an empty node: the scenario's start). Never throws for content problems.
PlaytestReload reloadPlaytest(const Session* old, const ScenarioLoad& load, const StartPoint& from);
inline PlaytestReload reloadPlaytest(const Session* old, const ScenarioLoad& load,
                                     const std::string& fromNode) {
  return reloadPlaytest(old, load, StartPoint{fromNode, {}, {}});
}

std::string_view reloadOutcomeName(ReloadOutcome o);  // "replayed", "same-node", ...

}  // namespace trustdaily::core
