#pragma once
// Live playtest (`trustdaily play FILE`): what to do when the file changed on
// disk. A pure decision over the old session and the new load, so the rules
// are tested without a window; the game only calls it.
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

struct PlaytestReload {
  ReloadOutcome outcome = ReloadOutcome::Broken;
  std::optional<Session> session;       // empty when Broken
  std::vector<Diagnostic> diagnostics;  // the load's diagnostics, sorted (errors when Broken)
};

// `old` is the play in progress (null when none); `fromNode` the --from node,
// empty for the scenario's start. Never throws for content problems.
PlaytestReload reloadPlaytest(const Session* old, const ScenarioLoad& load,
                              const std::string& fromNode);

std::string_view reloadOutcomeName(ReloadOutcome o);  // "replayed", "same-node", ...

}  // namespace trustdaily::core
