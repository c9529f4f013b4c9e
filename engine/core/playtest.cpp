#include "playtest.hpp"

#include <stdexcept>

namespace trustdaily::core {
namespace {

// Opens again, at the current node of `s`, the documents the old play read at
// the node of that id; false when one of them is gone.
bool reopenDocuments(Session& s, const Session& old, const std::string& nodeId) {
  auto oldNode = old.scenario().nodeIndex.find(nodeId);
  if (oldNode == old.scenario().nodeIndex.end()) return false;
  for (const auto& [node, doc] : old.state().documentsOpened) {
    if (node != oldNode->second) continue;
    if (doc >= s.currentNode().documents.size()) return false;
    s.openDocument(doc);
  }
  return true;
}

// Replays the old path (node ids, documents read and choice indices) on the
// new scenario; true when every step still exists and ends on `nodeId`.
bool replay(Session& s, const Session& old, const std::string& nodeId) {
  const Scenario& sc = s.scenario();
  const std::vector<ChoiceOutcome>& path = old.history();
  if (!path.empty()) {
    auto first = sc.nodeIndex.find(path.front().nodeId);
    if (first == sc.nodeIndex.end()) return false;
    // The old play may have started at --from NODE.
    if (first->second != s.state().node) s.startAt(first->second);
  }
  try {
    for (const ChoiceOutcome& step : path) {
      if (s.finished() || s.currentNode().id != step.nodeId) return false;
      if (!reopenDocuments(s, old, step.nodeId)) return false;
      s.chooseByIndex(step.choiceIndex);
    }
  } catch (const std::out_of_range&) {
    return false;  // the choice is gone or its condition no longer holds
  }
  if (s.currentNode().id != nodeId) return false;
  return s.finished() || reopenDocuments(s, old, nodeId);
}

}  // namespace

PlaytestReload reloadPlaytest(const Session* old, const ScenarioLoad& load,
                              const std::string& fromNode) {
  PlaytestReload r;
  r.diagnostics = load.diagnostics;
  sortDiagnostics(r.diagnostics);
  if (!load.ok()) {
    r.outcome = ReloadOutcome::Broken;
    return r;
  }
  const Scenario& sc = *load.scenario;
  if (old != nullptr) {
    const std::string& nodeId = old->currentNode().id;
    auto at = sc.nodeIndex.find(nodeId);
    if (at != sc.nodeIndex.end()) {
      Session s(load.scenario, load.analysis);
      if (replay(s, *old, nodeId)) {
        r.outcome = ReloadOutcome::Replayed;
      } else {
        s.startAt(at->second);
        r.outcome = ReloadOutcome::SameNode;
      }
      r.session.emplace(std::move(s));
      return r;
    }
  }
  r.session.emplace(load.scenario, load.analysis);
  r.outcome = ReloadOutcome::Restarted;
  if (!fromNode.empty()) {
    auto from = sc.nodeIndex.find(fromNode);
    if (from != sc.nodeIndex.end()) r.session->startAt(from->second);
  }
  return r;
}

std::string_view reloadOutcomeName(ReloadOutcome o) {
  switch (o) {
    case ReloadOutcome::Replayed:
      return "replayed";
    case ReloadOutcome::SameNode:
      return "same-node";
    case ReloadOutcome::Restarted:
      return "restarted";
    case ReloadOutcome::Broken:
      return "broken";
  }
  return "broken";
}

}  // namespace trustdaily::core
