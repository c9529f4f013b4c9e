#pragma once
// Exact analysis of a scenario over every state (node, flags, trust) that the
// conditions allow, memoised. Only flags and partners that some condition
// reads are part of a state's identity; the rest cannot change what is
// offered, so ignoring them is exact and keeps the state space small.
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "diagnostic.hpp"
#include "scenario.hpp"

namespace trustdaily::core {

// Documented limit (docs/authoring.md): distinct scene states (node, flags
// read by conditions, trust read by conditions) the exact analysis may visit.
inline constexpr std::size_t kStateBudget = 1'000'000;
// Distinct flags read by conditions in one scenario.
inline constexpr std::size_t kMaxConditionFlags = 64;

struct DecisionSummary {
  std::string nodeId;
  std::vector<int> choiceScoreSums;  // per choice, in file order
};

struct PathStep {
  std::string nodeId;
  std::size_t choiceIndex = 0;  // index in the node's choices (file order)
  // Documents of the node to open before choosing (indices, ascending). Only
  // the analysis' best path fills it, and only with documents the path needs.
  std::vector<std::size_t> documents{};
  bool operator==(const PathStep&) const = default;
};

// The totals of the complete paths that end in one kind of ending: the
// endings report of `analyze`, the lint's "success too cheap" rule and the
// library coverage all read this one computation (Analysis::endingRanges).
struct EndingRange {
  EndingKind kind = EndingKind::Success;
  int lowestTotal = 0;                // lowest total of a complete path ending in this kind
  int highestTotal = 0;               // highest such total
  int lowestPercent = 0;              // percentOf(lowestTotal)
  int highestPercent = 0;             // percentOf(highestTotal)
  std::vector<PathStep> lowestPath;   // one complete path scoring lowestTotal
  std::vector<PathStep> highestPath;  // one complete path scoring highestTotal
};

// What the reachable states at one scene hold, over the flags that some
// condition at this scene or after it reads and the partners some condition
// reads (the others are not part of a state: a flag only earlier scenes read
// is left out here even when it is set).
struct SceneStates {
  bool reached = false;
  std::map<std::string, std::pair<int, int>> trust;  // partner -> lowest, highest
  std::set<std::string> sometimesSet;                // flags set in some state here
  std::set<std::string> alwaysSet;                   // flags set in every state here
};

struct Analysis {
  bool complete = false;  // false when the budget stopped it or the graph is broken
  int bestTotal = 0;
  int worstTotal = 0;
  // Complete paths: two differ when they differ in a choice or in the state
  // (node, flags and trust some condition reads) a choice leads to. Without
  // documents that is the sequence of choices; opening a document whose flags
  // change what is offered later makes a path of its own.
  std::uint64_t paths = 0;
  bool pathsSaturated = false;              // true when the count exceeded 2^64-1
  std::vector<std::string> endings;         // sorted kinds reachable: "failure","mixed","success"
  std::vector<DecisionSummary> decisions;   // every decision node, in file order
  std::vector<PathStep> bestPath;           // one complete path with total == bestTotal
  std::size_t states = 0;                   // distinct states explored
  std::vector<std::string> reachableNodes;  // in file order
  std::vector<std::string> unreachableNodes;
  // One entry per ending kind some complete path reaches, in the order
  // success, mixed, failure.
  std::vector<EndingRange> endingRanges;
  // Per node (file order), per choice: whether some reachable state offers it.
  std::vector<std::vector<bool>> offered;
  std::vector<SceneStates> sceneStates;  // per node, file order (endings: not reached)
  int percentOf(int total) const;        // round(100*max(total,0)/bestTotal)
  // The range of one kind, or null when no complete path reaches it.
  const EndingRange* endingRange(EndingKind kind) const;
};

struct AnalysisResult {
  Analysis analysis;
  std::vector<Diagnostic> diagnostics;  // graph errors and warnings
};

// Graph rules and exact analysis. The scenario must have passed field
// validation (all `next` resolved).
AnalysisResult analyzeScenario(const Scenario& s, std::size_t stateBudget = kStateBudget);

}  // namespace trustdaily::core
