#include "playtest.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "suggest.hpp"

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

std::optional<StartPoint> parseStartPoint(const std::string& node, const std::string& flags,
                                          const std::string& trust, std::string& why) {
  StartPoint p;
  p.node = node;
  auto split = [](const std::string& text) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : text + ",") {
      if (c == ',') {
        if (!cur.empty()) out.push_back(cur);
        cur.clear();
      } else if (c != ' ') {
        cur += c;
      }
    }
    return out;
  };
  p.flags = split(flags);
  for (const std::string& item : split(trust)) {
    auto eq = item.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == item.size()) {
      why = "--trust takes PARTNER=VALUE pairs such as sales=60, not '" + item + "'";
      return std::nullopt;
    }
    std::string value = item.substr(eq + 1);
    if (value.find_first_not_of("0123456789") != std::string::npos || value.size() > 3 ||
        std::stoi(value) > kTrustMax) {
      why = "--trust " + item + ": the value must be a whole number from 0 to 100";
      return std::nullopt;
    }
    p.trust[item.substr(0, eq)] = std::stoi(value);
  }
  return p;
}

std::string checkStartPoint(const Scenario& s, const StartPoint& p) {
  if (!p.node.empty() && s.nodeIndex.count(p.node) == 0) {
    std::vector<std::string> ids;
    for (const Node& n : s.nodes) ids.push_back(n.id);
    std::string why = "--from: no node '" + p.node + "' in " + s.id + didYouMean(p.node, ids);
    if (!nearestName(p.node, ids)) {
      why += "; its nodes are";
      for (std::size_t i = 0; i < ids.size() && i < 12; ++i) why += (i ? ", " : " ") + ids[i];
      if (ids.size() > 12) why += " ...";
    }
    return why;
  }
  std::set<std::string> known;
  for (const Node& n : s.nodes) {
    for (const Document& d : n.documents) known.insert(d.sets.begin(), d.sets.end());
    for (const Choice& c : n.choices) {
      known.insert(c.sets.begin(), c.sets.end());
      if (!c.condition) continue;
      known.insert(c.condition->flags.begin(), c.condition->flags.end());
      known.insert(c.condition->notFlags.begin(), c.condition->notFlags.end());
    }
  }
  const std::vector<std::string> flags(known.begin(), known.end());
  for (const std::string& f : p.flags)
    if (!known.count(f))
      return "--flags: no choice, document or condition of " + s.id + " uses flag '" + f + "'" +
             didYouMean(f, flags);
  for (const auto& [partner, v] : p.trust)
    if (std::find(s.partners.begin(), s.partners.end(), partner) == s.partners.end())
      return "--trust: '" + partner + "' is not a partner of " + s.id +
             didYouMean(partner, s.partners);
  return {};
}

void applyStartPoint(Session& session, const StartPoint& p, std::optional<std::size_t> nodeIndex) {
  const Scenario& s = session.scenario();
  PlayState st;
  st.node = nodeIndex ? *nodeIndex : p.node.empty() ? s.startIndex : s.nodeIndex.at(p.node);
  st.flags.insert(p.flags.begin(), p.flags.end());
  st.trust = p.trust;  // 0..100 (parseStartPoint); the other partners start at 50
  session.startFrom(st);
}

std::string whyConditionFails(const Condition& c, const PlayState& st) {
  std::string why;
  auto add = [&](const std::string& part) { why += (why.empty() ? "" : "; ") + part; };
  for (const auto& f : c.flags)
    if (!st.flags.count(f)) add("needs flag '" + f + "'");
  for (const auto& f : c.notFlags)
    if (st.flags.count(f)) add("flag '" + f + "' is set (not_flags)");
  auto trustOf = [&](const std::string& p) {
    auto it = st.trust.find(p);
    return it == st.trust.end() ? kTrustStart : it->second;
  };
  for (const auto& [p, v] : c.trustMin)
    if (trustOf(p) < v)
      add(p + " trust " + std::to_string(trustOf(p)) + ", needs at least " + std::to_string(v));
  for (const auto& [p, v] : c.trustMax)
    if (trustOf(p) > v)
      add(p + " trust " + std::to_string(trustOf(p)) + ", needs at most " + std::to_string(v));
  return why;
}

std::vector<HiddenChoice> hiddenChoices(const Session& session) {
  std::vector<HiddenChoice> out;
  if (session.finished()) return out;
  const Node& n = session.currentNode();
  for (std::size_t i = 0; i < n.choices.size(); ++i) {
    const Choice& c = n.choices[i];
    if (!c.condition) continue;
    std::string why = whyConditionFails(*c.condition, session.state());
    if (!why.empty()) out.push_back(HiddenChoice{i, c.text, why});
  }
  return out;
}

PlaytestReload reloadPlaytest(const Session* old, const ScenarioLoad& load,
                              const StartPoint& from) {
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
  // A start point the edited file no longer fits: the scenario's start.
  if (!from.empty() && checkStartPoint(sc, from).empty()) applyStartPoint(*r.session, from);
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
