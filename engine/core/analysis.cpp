#include "analysis.hpp"

#include <algorithm>
#include <climits>
#include <functional>
#include <unordered_map>

namespace trustdaily::core {

namespace {

constexpr int kNoPath = INT_MIN;  // best/worst of a state from which no ending is reachable

std::string nodePointer(const std::string& id) {
  std::string p = "/nodes/";
  for (char c : id)
    p += c == '~' ? std::string("~0") : c == '/' ? std::string("~1") : std::string(1, c);
  return p;
}

// The part of the play state that can change what is offered later: the
// node, the flags some condition reads, and the trust of partners some
// condition reads (one byte each, 0..100).
struct StateKey {
  std::uint64_t flags = 0;
  std::uint64_t trust = 0;  // up to 8 partners x 8 bits
  std::uint32_t node = 0;
  bool operator==(const StateKey&) const = default;
};

struct StateKeyHash {
  std::size_t operator()(const StateKey& k) const {
    std::uint64_t h = k.flags * 0x9E3779B97F4A7C15ULL;
    h ^= (k.trust + 0x632BE59BD9B4E019ULL + (h << 6) + (h >> 2));
    h ^= (static_cast<std::uint64_t>(k.node) * 0xBF58476D1CE4E5B9ULL) + (h << 6) + (h >> 2);
    return static_cast<std::size_t>(h ^ (h >> 31));
  }
};

struct Memo {
  int best = kNoPath;
  int worst = kNoPath;
  std::uint64_t paths = 0;
  std::uint8_t endings = 0;  // bit per EndingKind
  bool saturated = false;
  std::int8_t bestChoice = -1;
};

struct BudgetExceeded {};

class Analyser {
 public:
  Analyser(const Scenario& s, std::size_t budget, std::vector<Diagnostic>& out)
      : s_(s), budget_(budget), out_(out) {}

  bool indexConditions() {
    for (const auto& n : s_.nodes) {
      for (const auto& c : n.choices) {
        if (!c.condition) continue;
        for (const auto& f : c.condition->flags) flagBit(f);
        for (const auto& f : c.condition->notFlags) flagBit(f);
        for (const auto& [p, v] : c.condition->trustMin) partnerSlot(p);
        for (const auto& [p, v] : c.condition->trustMax) partnerSlot(p);
      }
    }
    if (partnerIndex_.size() > 8) {  // one byte each in a 64-bit word
      out_.push_back(makeDiagnostic(
          DiagCode::BudgetExceeded, s_.path, s_.nodesPos, "/nodes",
          "conditions read the trust of more than 8 partners; the analysis limit is 8"));
      return false;
    }
    if (flagIndex_.size() > kMaxConditionFlags) {
      out_.push_back(makeDiagnostic(DiagCode::BudgetExceeded, s_.path, s_.nodesPos, "/nodes",
                                    "conditions read " + std::to_string(flagIndex_.size()) +
                                        " different flags; the analysis limit is " +
                                        std::to_string(kMaxConditionFlags)));
      return false;
    }
    return true;
  }

  bool run(Analysis& a) {
    StateKey start{0, 0, static_cast<std::uint32_t>(s_.startIndex)};
    for (std::size_t i = 0; i < partnerIndex_.size(); ++i)
      start.trust |= std::uint64_t{50} << (8 * i);
    reached_.assign(s_.nodes.size(), false);
    stuckReported_.assign(s_.nodes.size(), false);
    try {
      const Memo& m = solve(start);
      a.bestTotal = m.best == kNoPath ? 0 : m.best;
      a.worstTotal = m.worst == kNoPath ? 0 : m.worst;
      a.paths = m.paths;
      a.pathsSaturated = m.saturated;
      for (EndingKind k : {EndingKind::Failure, EndingKind::Mixed, EndingKind::Success})
        if (m.endings & bit(k)) a.endings.emplace_back(endingName(k));
      a.states = memo_.size();
      buildBestPath(start, a);
    } catch (const BudgetExceeded&) {
      a.states = memo_.size();
      out_.push_back(makeDiagnostic(
          DiagCode::BudgetExceeded, s_.path, s_.nodesPos, "/nodes",
          "exact analysis needs more than " + std::to_string(budget_) +
              " distinct states (node, flags, trust), the documented budget; use fewer "
              "trust or flag conditions, or split the scenario"));
      return false;
    }
    for (std::size_t i = 0; i < s_.nodes.size(); ++i)
      (reached_[i] ? a.reachableNodes : a.unreachableNodes).push_back(s_.nodes[i].id);
    return true;
  }

  static std::uint8_t bit(EndingKind k) {
    return static_cast<std::uint8_t>(1u << static_cast<int>(k));
  }

 private:
  std::size_t flagBit(const std::string& f) {
    auto [it, inserted] = flagIndex_.emplace(f, flagIndex_.size());
    return it->second;
  }
  std::size_t partnerSlot(const std::string& p) {
    auto [it, inserted] = partnerIndex_.emplace(p, partnerIndex_.size());
    return it->second;
  }
  int trustOf(const StateKey& k, std::size_t slot) const {
    return static_cast<int>((k.trust >> (8 * slot)) & 0xFF);
  }

  bool holds(const Condition& c, const StateKey& k) const {
    for (const auto& f : c.flags)
      if (!(k.flags >> flagIndex_.at(f) & 1)) return false;
    for (const auto& f : c.notFlags)
      if (k.flags >> flagIndex_.at(f) & 1) return false;
    for (const auto& [p, v] : c.trustMin)
      if (trustOf(k, partnerIndex_.at(p)) < v) return false;
    for (const auto& [p, v] : c.trustMax)
      if (trustOf(k, partnerIndex_.at(p)) > v) return false;
    return true;
  }

  StateKey apply(const StateKey& k, const Choice& c) const {
    StateKey n = k;
    n.node = static_cast<std::uint32_t>(c.nextIndex);
    for (const auto& f : c.sets) {
      auto it = flagIndex_.find(f);
      if (it != flagIndex_.end()) n.flags |= std::uint64_t{1} << it->second;
    }
    for (const auto& [p, d] : c.trust) {
      auto it = partnerIndex_.find(p);
      if (it == partnerIndex_.end()) continue;
      int v = std::clamp(trustOf(n, it->second) + d, 0, 100);
      n.trust &= ~(std::uint64_t{0xFF} << (8 * it->second));
      n.trust |= static_cast<std::uint64_t>(v) << (8 * it->second);
    }
    return n;
  }

  // Depth-first over the acyclic scene graph; depth is bounded by the node
  // count (500), so recursion is safe.
  const Memo& solve(const StateKey& k) {
    if (auto it = memo_.find(k); it != memo_.end()) return it->second;
    if (memo_.size() >= budget_) throw BudgetExceeded{};
    reached_[k.node] = true;
    const Node& n = s_.nodes[k.node];
    Memo m;
    if (n.isEnding) {
      m.best = m.worst = 0;
      m.paths = 1;
      m.endings = bit(n.ending);
    } else {
      bool offered = false;
      for (std::size_t i = 0; i < n.choices.size(); ++i) {
        const Choice& c = n.choices[i];
        if (c.condition && !holds(*c.condition, k)) continue;
        offered = true;
        const Memo child = solve(apply(k, c));  // copy: the map may grow below
        if (child.paths == 0 && !child.saturated) continue;
        int best = child.best + c.scoreSum;
        int worst = child.worst + c.scoreSum;
        if (m.best == kNoPath || best > m.best) {
          m.best = best;
          m.bestChoice = static_cast<std::int8_t>(i);
        }
        if (m.worst == kNoPath || worst < m.worst) m.worst = worst;
        std::uint64_t sum = m.paths + child.paths;
        m.saturated = m.saturated || child.saturated || sum < m.paths;
        m.paths = sum < m.paths ? UINT64_MAX : sum;
        m.endings |= child.endings;
      }
      if (!offered) reportStuck(k, n);
    }
    return memo_.emplace(k, m).first->second;
  }

  void reportStuck(const StateKey& k, const Node& n) {
    if (stuckReported_[k.node]) return;
    stuckReported_[k.node] = true;
    std::string state;
    for (const auto& [f, b] : flagIndex_)
      if (k.flags >> b & 1) state += (state.empty() ? "" : ", ") + f;
    state = "flags {" + state + "}";
    for (const auto& [p, slot] : partnerIndex_)
      state += ", " + p + " trust " + std::to_string(trustOf(k, slot));
    out_.push_back(makeDiagnostic(
        DiagCode::Stuck, s_.path, n.pos, nodePointer(n.id) + "/choices",
        "the player is stuck at '" + n.id + "': no choice is offered when " + state));
  }

  void buildBestPath(StateKey k, Analysis& a) {
    while (true) {
      auto it = memo_.find(k);
      if (it == memo_.end() || it->second.bestChoice < 0) return;
      std::size_t ci = static_cast<std::size_t>(it->second.bestChoice);
      a.bestPath.push_back(PathStep{s_.nodes[k.node].id, ci});
      k = apply(k, s_.nodes[k.node].choices[ci]);
    }
  }

  const Scenario& s_;
  std::size_t budget_;
  std::vector<Diagnostic>& out_;
  std::map<std::string, std::size_t> flagIndex_;
  std::map<std::string, std::size_t> partnerIndex_;
  std::unordered_map<StateKey, Memo, StateKeyHash> memo_;
  std::vector<bool> reached_;
  std::vector<bool> stuckReported_;
};

// Names the nodes of one cycle in the graph of scenes, or returns empty.
std::vector<std::size_t> findCycle(const Scenario& s) {
  enum Colour : char { White, Grey, Black };
  std::vector<Colour> colour(s.nodes.size(), White);
  std::vector<std::size_t> parent(s.nodes.size(), SIZE_MAX);
  for (std::size_t root = 0; root < s.nodes.size(); ++root) {
    if (colour[root] != White) continue;
    // Iterative DFS: (node, next choice to look at).
    std::vector<std::pair<std::size_t, std::size_t>> stack{{root, 0}};
    colour[root] = Grey;
    while (!stack.empty()) {
      auto& [u, ci] = stack.back();
      const Node& n = s.nodes[u];
      if (ci >= n.choices.size()) {
        colour[u] = Black;
        stack.pop_back();
        continue;
      }
      std::size_t v = n.choices[ci++].nextIndex;
      if (colour[v] == Grey) {
        std::vector<std::size_t> cycle{v};
        for (auto it = stack.rbegin(); it != stack.rend() && it->first != v; ++it)
          cycle.push_back(it->first);
        std::reverse(cycle.begin() + 1, cycle.end());
        return cycle;
      }
      if (colour[v] == White) {
        colour[v] = Grey;
        parent[v] = u;
        stack.emplace_back(v, 0);
      }
    }
  }
  return {};
}

void structuralWarnings(const Scenario& s, std::vector<Diagnostic>& out) {
  for (const auto& n : s.nodes) {
    if (!n.isDecision()) continue;
    bool allSame = std::all_of(n.choices.begin(), n.choices.end(), [&](const Choice& c) {
      return c.scoreSum == n.choices.front().scoreSum;
    });
    if (allSame)
      out.push_back(makeDiagnostic(DiagCode::FlatDecision, s.path, n.pos, nodePointer(n.id),
                                   "every choice at decision '" + n.id + "' scores " +
                                       std::to_string(n.choices.front().scoreSum) +
                                       ": there is nothing to learn from it"));
  }
  for (const auto& m : s.cast) {
    bool speaks = std::any_of(s.nodes.begin(), s.nodes.end(),
                              [&](const Node& n) { return !n.isEnding && n.speaker == m.id; });
    if (!speaks) {
      std::string p = "/cast/" + m.id;
      out.push_back(makeDiagnostic(DiagCode::SilentCast, s.path, m.pos, p,
                                   "cast member '" + m.id + "' never speaks"));
    }
  }
}

}  // namespace

int Analysis::percentOf(int total) const {
  if (bestTotal <= 0) return 0;
  long long t = std::max(total, 0);
  return static_cast<int>((200 * t + bestTotal) / (2LL * bestTotal));  // round half up
}

AnalysisResult analyzeScenario(const Scenario& s, std::size_t stateBudget) {
  AnalysisResult r;
  auto& out = r.diagnostics;
  if (s.nodes.empty()) return r;
  if (auto cycle = findCycle(s); !cycle.empty()) {
    std::string names;
    for (std::size_t i : cycle) names += "'" + s.nodes[i].id + "' -> ";
    names += "'" + s.nodes[cycle.front()].id + "'";
    const Node& first = s.nodes[cycle.front()];
    out.push_back(makeDiagnostic(DiagCode::Cycle, s.path, first.pos, nodePointer(first.id),
                                 "scenes form a cycle: " + names));
    return r;
  }
  if (std::none_of(s.nodes.begin(), s.nodes.end(), [](const Node& n) { return n.isDecision(); }))
    out.push_back(makeDiagnostic(DiagCode::NoDecision, s.path, s.nodesPos, "/nodes",
                                 "no scene offers a decision (a scene with two or more choices)"));
  structuralWarnings(s, out);

  Analyser an(s, stateBudget, out);
  if (!an.indexConditions() || !an.run(r.analysis)) return r;
  Analysis& a = r.analysis;
  for (const auto& n : s.nodes) {
    if (!n.isDecision()) continue;
    DecisionSummary d{n.id, {}};
    for (const auto& c : n.choices) d.choiceScoreSums.push_back(c.scoreSum);
    a.decisions.push_back(std::move(d));
  }
  bool success = std::find(a.endings.begin(), a.endings.end(), "success") != a.endings.end();
  if (!success)
    out.push_back(makeDiagnostic(DiagCode::NoSuccess, s.path, s.startPos, "/start",
                                 "no success ending is reachable from start '" + s.start + "'"));
  if (a.paths > 0 && a.bestTotal <= 0)
    out.push_back(makeDiagnostic(DiagCode::BestTotalNotPositive, s.path, s.startPos, "/start",
                                 "the best path scores " + std::to_string(a.bestTotal) +
                                     "; at least one path must score above 0"));
  for (const auto& id : a.unreachableNodes) {
    const Node& n = s.nodes[s.nodeIndex.at(id)];
    out.push_back(makeDiagnostic(DiagCode::UnreachableNode, s.path, n.pos, nodePointer(id),
                                 "no path reaches node '" + id + "'"));
  }
  for (EndingKind k : {EndingKind::Success, EndingKind::Mixed, EndingKind::Failure}) {
    std::string name(endingName(k));
    if (std::find(a.endings.begin(), a.endings.end(), name) == a.endings.end() &&
        (k != EndingKind::Success))
      out.push_back(makeDiagnostic(DiagCode::EndingKindNeverReached, s.path, s.nodesPos, "/nodes",
                                   "no path reaches a '" + name + "' ending"));
  }
  a.complete = true;
  return r;
}

}  // namespace trustdaily::core
