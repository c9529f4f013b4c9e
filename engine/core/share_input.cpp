#include "share_input.hpp"

#include <algorithm>

#include "session.hpp"

namespace trustdaily::core {

namespace {

DecisionMark markFromRecord(const DecisionRecord& d) {
  if (d.misstep) return d.retries > 0 ? DecisionMark::Retried : DecisionMark::Misstep;
  if (d.firstScore && d.bestScore && *d.firstScore >= *d.bestScore) return DecisionMark::Best;
  return DecisionMark::Fine;
}

}  // namespace

DecisionMark decisionMarkOf(const DecisionRecord& d, const Scenario& s) {
  const Node* node = s.findNode(d.nodeId);
  if (node == nullptr || node->isEnding || d.firstChoice >= node->choices.size())
    return markFromRecord(d);
  const Choice& first = node->choices[d.firstChoice];
  if (isMisstep(s, first)) return d.retries > 0 ? DecisionMark::Retried : DecisionMark::Misstep;
  // The record knows the best choice that was offered (conditions applied);
  // a play imported from progress.json does not, and is measured against
  // every choice of the scene.
  int best = first.scoreSum;
  if (d.bestScore) {
    best = *d.bestScore;
  } else {
    for (const Choice& c : node->choices) best = std::max(best, c.scoreSum);
  }
  return first.scoreSum >= best ? DecisionMark::Best : DecisionMark::Fine;
}

ShareInput shareInputFor(const PlayRecord& play, const Scenario& s, const Analysis& a,
                         const Framework& fw) {
  ShareInput in;
  in.date = play.day;
  in.percent = play.firstTry.percent;
  for (const DecisionRecord& d : play.decisions) {
    // A beat (one choice, "Continue") is no decision: it would only pad the
    // row with green, and the debriefs do not count it either.
    const Node* node = s.findNode(d.nodeId);
    if (node != nullptr && !node->isDecision()) continue;
    in.decisions.push_back(decisionMarkOf(d, s));
  }
  const std::map<std::string, int> available = bestPathTotals(s, a);
  for (const FrameworkEntry& p : fw.principles) {
    SharePrinciple sp;
    sp.name = p.name;
    auto earned = play.principleTotals.find(p.id);
    if (earned != play.principleTotals.end()) sp.earned = earned->second;
    auto avail = available.find(p.id);
    if (avail != available.end()) sp.available = avail->second;
    in.principles.push_back(std::move(sp));
  }
  return in;
}

ShareInput shareInputFor(const PlayRecord& play) {
  ShareInput in;
  in.date = play.day;
  in.percent = play.firstTry.percent;
  for (const DecisionRecord& d : play.decisions) in.decisions.push_back(markFromRecord(d));
  return in;
}

}  // namespace trustdaily::core
