#include "analysis.hpp"

#include <algorithm>
#include <array>
#include <climits>
#include <functional>
#include <set>
#include <unordered_map>

#include "flags_read.hpp"
#include "json_source.hpp"

namespace trustdaily::core {

namespace {

constexpr int kNoPath = INT_MIN;  // best/worst of a state from which no ending is reachable

std::string nodePointer(const std::string& id) { return pointerJoin("/nodes", id); }

// The part of the play state that can change what is offered later: the
// node, the flags some condition reads, and the trust of partners some
// condition reads (one byte each, 0..100).
struct StateKey {
  std::uint64_t flags = 0;
  std::uint64_t trust = 0;  // up to 8 partners x 8 bits
  std::uint16_t node = 0;   // at most 500 nodes
  bool operator==(const StateKey&) const = default;
};

struct StateKeyHash {
  // murmur3's 64-bit finaliser over the mixed fields: linear probing needs
  // every input bit to reach the low bits the table index uses.
  std::size_t operator()(const StateKey& k) const {
    std::uint64_t x = k.flags * 0x9E3779B97F4A7C15ULL;
    x ^= (k.trust * 0xC2B2AE3D27D4EB4FULL) >> 7 | (k.trust * 0xC2B2AE3D27D4EB4FULL) << 57;
    x ^= static_cast<std::uint64_t>(k.node) << 40 | k.node;
    x ^= x >> 33;
    x *= 0xFF51AFD7ED558CCDULL;
    x ^= x >> 33;
    x *= 0xC4CEB9FE1A85EC53ULL;
    x ^= x >> 33;
    return static_cast<std::size_t>(x);
  }
};

constexpr std::size_t kKinds = 3;  // EndingKind values, used as indices

// What is known of one state: over the complete paths from it, their count,
// and per ending kind the best and worst total (kNoPath when no path from
// here ends in that kind).
struct Memo {
  std::uint64_t paths = 0;
  std::array<int, kKinds> best{kNoPath, kNoPath, kNoPath};
  std::array<int, kKinds> worst{kNoPath, kNoPath, kNoPath};
  std::uint8_t endings = 0;  // bit per EndingKind
  bool saturated = false;
  std::int8_t bestChoice = -1;
  std::uint8_t bestDocuments = 0;  // bit per document to open before bestChoice

  int bestOverall() const { return *std::max_element(best.begin(), best.end()); }
  int worstOverall() const {
    int w = kNoPath;
    for (int v : worst)
      if (v != kNoPath && (w == kNoPath || v < w)) w = v;
    return w;
  }
};

struct BudgetExceeded {};

// Open-addressing table of states with 56-byte slots. Memory is the cost
// that matters at a million states: first touches of fresh pages dominate
// the run time on virtual machines, so the slot is packed by hand (the
// per-kind totals of the endings report cost 16 bytes over one best/worst).
class StateTable {
 public:
  bool find(const StateKey& k, Memo& out) const {
    if (slots_.empty()) return false;
    for (std::size_t i = index(k);; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (!s.used) return false;
      if (s.flags == k.flags && s.trust == k.trust && s.node == k.node) {
        out = s.memo();
        return true;
      }
    }
  }
  void insert(const StateKey& k, const Memo& m) {
    if ((size_ + 1) * 5 > slots_.size() * 4) grow();  // load factor 0.8
    std::size_t i = index(k);
    while (slots_[i].used &&
           !(slots_[i].flags == k.flags && slots_[i].trust == k.trust && slots_[i].node == k.node))
      i = (i + 1) & mask_;
    if (!slots_[i].used) ++size_;
    slots_[i] = Slot::of(k, m);
  }
  std::size_t size() const { return size_; }

 private:
  struct Slot {
    std::uint64_t flags, trust, paths;
    std::array<std::int32_t, kKinds> best, worst;
    std::uint16_t node;
    std::uint8_t endings, saturated;
    std::int8_t bestChoice;
    std::uint8_t bestDocs;
    std::uint8_t used;

    static Slot of(const StateKey& k, const Memo& m) {
      return Slot{k.flags,      k.trust,         m.paths,   m.best,
                  m.worst,      k.node,          m.endings, static_cast<std::uint8_t>(m.saturated),
                  m.bestChoice, m.bestDocuments, 1};
    }
    Memo memo() const {
      return Memo{paths, best, worst, endings, saturated != 0, bestChoice, bestDocs};
    }
  };
  static_assert(sizeof(Slot) == 56);
  std::size_t index(const StateKey& k) const { return StateKeyHash{}(k)&mask_; }
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
    mask_ = slots_.size() - 1;
    size_ = 0;
    for (const auto& s : old)
      if (s.used) insert(StateKey{s.flags, s.trust, s.node}, s.memo());
  }
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
};

// A choice reduced to bit masks and slots, so the inner loop does no string
// lookups.
struct CompiledChoice {
  std::uint64_t needFlags = 0, forbidFlags = 0, setsFlags = 0;
  std::vector<std::pair<std::size_t, int>> trustMin, trustMax, trustDelta;  // slot, value
  bool conditional = false;
};

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

  void compileChoices() {
    compiled_.resize(s_.nodes.size());
    documentMasks_.resize(s_.nodes.size());
    computeLiveFlags();
    for (std::size_t ni = 0; ni < s_.nodes.size(); ++ni) {
      for (const auto& d : s_.nodes[ni].documents) {
        std::uint64_t mask = 0;
        for (const auto& f : d.sets)
          if (auto it = flagIndex_.find(f); it != flagIndex_.end())
            mask |= std::uint64_t{1} << it->second;
        documentMasks_[ni].push_back(mask & liveFlags_[ni]);
      }
      for (const auto& c : s_.nodes[ni].choices) {
        CompiledChoice cc;
        for (const auto& f : c.sets)
          if (auto it = flagIndex_.find(f); it != flagIndex_.end())
            cc.setsFlags |= std::uint64_t{1} << it->second;
        for (const auto& [p, d] : c.trust)
          if (auto it = partnerIndex_.find(p); it != partnerIndex_.end())
            cc.trustDelta.emplace_back(it->second, d);
        if (c.condition) {
          cc.conditional = true;
          for (const auto& f : c.condition->flags)
            cc.needFlags |= std::uint64_t{1} << flagIndex_.at(f);
          for (const auto& f : c.condition->notFlags)
            cc.forbidFlags |= std::uint64_t{1} << flagIndex_.at(f);
          for (const auto& [p, v] : c.condition->trustMin)
            cc.trustMin.emplace_back(partnerIndex_.at(p), v);
          for (const auto& [p, v] : c.condition->trustMax)
            cc.trustMax.emplace_back(partnerIndex_.at(p), v);
        }
        compiled_[ni].push_back(std::move(cc));
      }
    }
  }

  // liveFlags_[n]: the flags some condition at n or at a node after it reads
  // (flags_read.hpp). Any other flag set in a state at n can no longer change
  // what is offered, so states are keyed without it (exact; it merges states
  // that differ only in a flag nobody will read, e.g. a document read for a
  // choice already made). The scene graph is acyclic here.
  void computeLiveFlags() {
    std::vector<std::set<std::string>> read = flagsReadAtOrAfter(s_);
    liveFlags_.assign(s_.nodes.size(), 0);
    for (std::size_t ni = 0; ni < s_.nodes.size(); ++ni)
      for (const auto& f : read[ni]) liveFlags_[ni] |= std::uint64_t{1} << flagIndex_.at(f);
  }

  bool run(Analysis& a) {
    compileChoices();
    StateKey start{0, 0, static_cast<std::uint16_t>(s_.startIndex)};
    for (std::size_t i = 0; i < partnerIndex_.size(); ++i)
      start.trust |= std::uint64_t{50} << (8 * i);
    reached_.assign(s_.nodes.size(), false);
    stuckReported_.assign(s_.nodes.size(), false);
    offered_.clear();
    for (const auto& n : s_.nodes) offered_.emplace_back(n.choices.size(), false);
    scenes_.assign(s_.nodes.size(), SceneAccumulator{});
    try {
      const Memo m = solve(start);
      const int best = m.bestOverall(), worst = m.worstOverall();
      a.bestTotal = best == kNoPath ? 0 : best;
      a.worstTotal = worst == kNoPath ? 0 : worst;
      a.paths = m.paths;
      a.pathsSaturated = m.saturated;
      for (EndingKind k : {EndingKind::Failure, EndingKind::Mixed, EndingKind::Success})
        if (m.endings & bit(k)) a.endings.emplace_back(endingName(k));
      a.states = memo_.size();
      buildBestPath(start, a);
      buildEndingRanges(start, m, a);
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
    a.offered = offered_;
    a.sceneStates = sceneStates();
    return true;
  }

  static std::uint8_t bit(EndingKind k) {
    return static_cast<std::uint8_t>(1u << static_cast<int>(k));
  }
  static std::size_t kindIndex(EndingKind k) { return static_cast<std::size_t>(k); }

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

  bool holds(const CompiledChoice& c, const StateKey& k) const {
    if (!c.conditional) return true;
    if ((k.flags & c.needFlags) != c.needFlags || (k.flags & c.forbidFlags) != 0) return false;
    for (const auto& [slot, v] : c.trustMin)
      if (trustOf(k, slot) < v) return false;
    for (const auto& [slot, v] : c.trustMax)
      if (trustOf(k, slot) > v) return false;
    return true;
  }

  StateKey apply(const StateKey& k, std::size_t nodeIdx, std::size_t choiceIdx) const {
    const Choice& c = s_.nodes[nodeIdx].choices[choiceIdx];
    const CompiledChoice& cc = compiled_[nodeIdx][choiceIdx];
    StateKey n = k;
    n.node = static_cast<std::uint16_t>(c.nextIndex);
    n.flags = (n.flags | cc.setsFlags) & liveFlags_[c.nextIndex];
    for (const auto& [slot, d] : cc.trustDelta) {
      int v = std::clamp(trustOf(n, slot) + d, 0, 100);
      n.trust &= ~(std::uint64_t{0xFF} << (8 * slot));
      n.trust |= static_cast<std::uint64_t>(v) << (8 * slot);
    }
    return n;
  }

  // A state a scene's documents can lead to before a choice: the flags of the
  // documents opened added, with the first subset of documents that adds them.
  struct Variant {
    StateKey key;
    std::uint8_t documents = 0;  // bit per document of the node
  };

  // At most 2^4 subsets of documents; a fixed array keeps the solver free of
  // allocations for the common scene without documents.
  struct Variants {
    std::array<Variant, std::size_t{1} << kMaxDocuments> items;
    std::size_t count = 0;
    const Variant* begin() const { return items.data(); }
    const Variant* end() const { return items.data() + count; }
  };

  // Every distinct state that opening some subset of the node's documents
  // gives, the state with none opened first. Documents whose flags no
  // condition reads add nothing and give no new state.
  Variants documentVariants(const StateKey& k) const {
    Variants out;
    out.items[out.count++] = Variant{k, 0};
    const std::vector<std::uint64_t>& masks = documentMasks_[k.node];
    std::size_t docs = std::min(masks.size(), kMaxDocuments);
    for (unsigned subset = 1; subset < (1u << docs); ++subset) {
      StateKey v = k;
      for (std::size_t j = 0; j < docs; ++j)
        if (subset >> j & 1) v.flags |= masks[j];
      bool seen = std::any_of(out.begin(), out.end(),
                              [&](const Variant& o) { return o.key.flags == v.flags; });
      if (!seen) out.items[out.count++] = Variant{v, static_cast<std::uint8_t>(subset)};
    }
    return out;
  }

  // The documents in a subset bit set, as ascending indices.
  static std::vector<std::size_t> documentList(std::uint8_t subset) {
    std::vector<std::size_t> out;
    for (std::size_t j = 0; j < kMaxDocuments; ++j)
      if (subset >> j & 1) out.push_back(j);
    return out;
  }

  // Depth-first over the acyclic scene graph; depth is bounded by the node
  // count (500), so recursion is safe.
  Memo solve(const StateKey& k) {
    const Node& n = s_.nodes[k.node];
    Memo m;
    if (n.isEnding) {  // trivial: not worth a table slot
      reached_[k.node] = true;
      m.best[kindIndex(n.ending)] = m.worst[kindIndex(n.ending)] = 0;
      m.paths = 1;
      m.endings = bit(n.ending);
      return m;
    }
    if (memo_.find(k, m)) return m;
    if (memo_.size() >= budget_) throw BudgetExceeded{};
    reached_[k.node] = true;
    // Each state the documents can lead to before a choice (just `k` at a
    // scene without documents, the common case, kept free of the subsets).
    const bool withDocuments = !documentMasks_[k.node].empty();
    std::vector<std::pair<std::size_t, StateKey>> taken;  // (choice, next state) counted
    auto chooseFrom = [&](const StateKey& key, std::uint8_t documents) {
      noteState(key);  // what conditions here see, documents opened or not
      bool offered = false;
      for (std::size_t i = 0; i < n.choices.size(); ++i) {
        const Choice& c = n.choices[i];
        if (!holds(compiled_[k.node][i], key)) continue;
        offered = true;
        offered_[k.node][i] = true;
        const StateKey next = apply(key, k.node, i);
        if (withDocuments) {  // two subsets may lead by one choice to one state
          std::pair<std::size_t, StateKey> edge{i, next};
          if (std::find(taken.begin(), taken.end(), edge) != taken.end()) continue;
          taken.push_back(edge);
        }
        const Memo child = solve(next);
        if (child.paths == 0 && !child.saturated) continue;
        if (m.bestChoice < 0 ||
            child.bestOverall() + c.scoreSum > m.bestOverall()) {  // first best in file order
          m.bestChoice = static_cast<std::int8_t>(i);
          m.bestDocuments = documents;
        }
        for (std::size_t j = 0; j < kKinds; ++j) {
          if (child.best[j] == kNoPath) continue;
          const int best = child.best[j] + c.scoreSum, worst = child.worst[j] + c.scoreSum;
          if (m.best[j] == kNoPath || best > m.best[j]) m.best[j] = best;
          if (m.worst[j] == kNoPath || worst < m.worst[j]) m.worst[j] = worst;
        }
        std::uint64_t sum = m.paths + child.paths;
        m.saturated = m.saturated || child.saturated || sum < m.paths;
        m.paths = sum < m.paths ? UINT64_MAX : sum;
        m.endings |= child.endings;
      }
      if (!offered) reportStuck(key, n, documents);
    };
    if (!withDocuments) {
      chooseFrom(k, 0);
    } else {
      for (const Variant& v : documentVariants(k)) chooseFrom(v.key, v.documents);
    }
    memo_.insert(k, m);
    return m;
  }

  void reportStuck(const StateKey& k, const Node& n, std::uint8_t documents) {
    if (stuckReported_[k.node]) return;
    stuckReported_[k.node] = true;
    std::string opened;
    for (std::size_t j = 0; j < n.documents.size(); ++j)
      if (documents >> j & 1) opened += (opened.empty() ? "'" : ", '") + n.documents[j].title + "'";
    std::string state;
    for (const auto& [f, b] : flagIndex_)
      if (k.flags >> b & 1) state += (state.empty() ? "" : ", ") + f;
    state = "flags {" + state + "}";
    for (const auto& [p, slot] : partnerIndex_)
      state += ", " + p + " trust " + std::to_string(trustOf(k, slot));
    out_.push_back(makeDiagnostic(DiagCode::Stuck, s_.path, n.pos, nodePointer(n.id),
                                  "the player is stuck at '" + n.id +
                                      "': no choice is offered when " + state +
                                      (!opened.empty()        ? " (after opening " + opened + ")"
                                       : !n.documents.empty() ? " (with no document opened)"
                                                              : "")));
  }

  void buildBestPath(StateKey k, Analysis& a) {
    while (true) {
      Memo m;
      if (!memo_.find(k, m) || m.bestChoice < 0) return;
      std::size_t ci = static_cast<std::size_t>(m.bestChoice);
      const std::vector<std::uint64_t>& masks = documentMasks_[k.node];
      for (std::size_t j = 0; j < masks.size(); ++j)
        if (m.bestDocuments >> j & 1) k.flags |= masks[j];
      a.bestPath.push_back(PathStep{s_.nodes[k.node].id, ci, documentList(m.bestDocuments)});
      k = apply(k, k.node, ci);
    }
  }

  // Per scene, over its reachable states: flags ever and always set, and
  // the range of each condition partner's trust.
  struct SceneAccumulator {
    bool any = false;
    std::uint64_t flagsOr = 0, flagsAnd = ~std::uint64_t{0};
    std::array<std::uint8_t, 8> low{}, high{};
  };
  void noteState(const StateKey& k) {
    SceneAccumulator& acc = scenes_[k.node];
    acc.flagsOr |= k.flags;
    acc.flagsAnd &= k.flags;
    for (std::size_t slot = 0; slot < partnerIndex_.size(); ++slot) {
      auto t = static_cast<std::uint8_t>(trustOf(k, slot));
      acc.low[slot] = acc.any ? std::min(acc.low[slot], t) : t;
      acc.high[slot] = acc.any ? std::max(acc.high[slot], t) : t;
    }
    acc.any = true;
  }
  std::vector<SceneStates> sceneStates() const {
    std::vector<SceneStates> out(s_.nodes.size());
    for (std::size_t i = 0; i < s_.nodes.size(); ++i) {
      const SceneAccumulator& acc = scenes_[i];
      if (!acc.any) continue;
      out[i].reached = true;
      for (const auto& [p, slot] : partnerIndex_) out[i].trust[p] = {acc.low[slot], acc.high[slot]};
      for (const auto& [f, b] : flagIndex_) {
        if (acc.flagsOr >> b & 1) out[i].sometimesSet.insert(f);
        if (acc.flagsAnd >> b & 1) out[i].alwaysSet.insert(f);
      }
    }
    return out;
  }

  // The memo of a state already solved (endings are not stored: rebuilt).
  Memo solved(const StateKey& k) const {
    Memo m;
    const Node& n = s_.nodes[k.node];
    if (n.isEnding) {
      m.best[kindIndex(n.ending)] = m.worst[kindIndex(n.ending)] = 0;
      m.paths = 1;
      m.endings = bit(n.ending);
    } else {
      memo_.find(k, m);
    }
    return m;
  }

  // Follows, from `k`, choices whose child keeps the path at `target` for
  // ending kind `j` (lowest or highest), to one complete path scoring it.
  std::vector<PathStep> pathTo(StateKey k, std::size_t j, bool lowest) const {
    std::vector<PathStep> path;
    int target = lowest ? solved(k).worst[j] : solved(k).best[j];
    while (!s_.nodes[k.node].isEnding) {
      const Node& n = s_.nodes[k.node];
      bool moved = false;
      for (const Variant& opened : documentVariants(k)) {
        for (std::size_t i = 0; i < n.choices.size() && !moved; ++i) {
          if (!holds(compiled_[k.node][i], opened.key)) continue;
          StateKey next = apply(opened.key, k.node, i);
          Memo child = solved(next);
          int v = lowest ? child.worst[j] : child.best[j];
          if (v == kNoPath || v + n.choices[i].scoreSum != target) continue;
          path.push_back(PathStep{n.id, i, documentList(opened.documents)});
          target = v;
          k = next;
          moved = true;
        }
        if (moved) break;
      }
      if (!moved) return {};  // cannot happen for a solved state; stay honest
    }
    return path;
  }

  void buildEndingRanges(const StateKey& start, const Memo& m, Analysis& a) const {
    for (EndingKind k : {EndingKind::Success, EndingKind::Mixed, EndingKind::Failure}) {
      const std::size_t j = kindIndex(k);
      if (m.best[j] == kNoPath) continue;
      EndingRange r;
      r.kind = k;
      r.lowestTotal = m.worst[j];
      r.highestTotal = m.best[j];
      r.lowestPercent = a.percentOf(r.lowestTotal);
      r.highestPercent = a.percentOf(r.highestTotal);
      r.lowestPath = pathTo(start, j, true);
      r.highestPath = pathTo(start, j, false);
      a.endingRanges.push_back(std::move(r));
    }
  }

  const Scenario& s_;
  std::size_t budget_;
  std::vector<Diagnostic>& out_;
  std::map<std::string, std::size_t> flagIndex_;
  std::map<std::string, std::size_t> partnerIndex_;
  std::vector<std::vector<CompiledChoice>> compiled_;
  std::vector<std::vector<std::uint64_t>> documentMasks_;  // per node, per document
  std::vector<std::uint64_t> liveFlags_;                   // per node
  StateTable memo_;
  std::vector<bool> reached_;
  std::vector<bool> stuckReported_;
  std::vector<std::vector<bool>> offered_;
  std::vector<SceneAccumulator> scenes_;
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
      std::string p = pointerJoin("/cast", m.id);
      out.push_back(makeDiagnostic(DiagCode::SilentCast, s.path, m.pos, p,
                                   "cast member '" + m.id + "' never speaks"));
    }
  }
}

// W006: a conditional choice at a reachable scene that no reachable state
// offers. Names the part of the condition that never holds there when one
// alone explains it, and points at it; otherwise at `requires`.
void neverOffered(const Scenario& s, const Analysis& a, std::vector<Diagnostic>& out) {
  for (std::size_t ni = 0; ni < s.nodes.size(); ++ni) {
    const Node& n = s.nodes[ni];
    const SceneStates& here = a.sceneStates[ni];
    if (!here.reached) continue;
    for (std::size_t ci = 0; ci < n.choices.size(); ++ci) {
      const Choice& c = n.choices[ci];
      if (a.offered[ni][ci] || !c.condition) continue;
      const std::string req =
          pointerJoin(pointerJoin(pointerJoin(nodePointer(n.id), "choices"), ci), "requires");
      std::string ptr = req, why;
      const Condition& k = *c.condition;
      for (std::size_t i = 0; i < k.flags.size() && why.empty(); ++i)
        if (!here.sometimesSet.count(k.flags[i])) {
          ptr = pointerJoin(pointerJoin(req, "flags"), i);
          why = "flag '" + k.flags[i] + "' is never set when a player reaches '" + n.id + "'";
        }
      for (std::size_t i = 0; i < k.notFlags.size() && why.empty(); ++i)
        if (here.alwaysSet.count(k.notFlags[i])) {
          ptr = pointerJoin(pointerJoin(req, "not_flags"), i);
          why = "flag '" + k.notFlags[i] + "' is always set when a player reaches '" + n.id + "'";
        }
      for (const auto& [p, v] : k.trustMin) {
        auto range = here.trust.find(p);
        if (!why.empty() || range == here.trust.end() || range->second.second >= v) continue;
        ptr = pointerJoin(pointerJoin(req, "trust_min"), p);
        why = p + " trust is at most " + std::to_string(range->second.second) + " at '" + n.id +
              "', below this trust_min of " + std::to_string(v);
      }
      for (const auto& [p, v] : k.trustMax) {
        auto range = here.trust.find(p);
        if (!why.empty() || range == here.trust.end() || range->second.first <= v) continue;
        ptr = pointerJoin(pointerJoin(req, "trust_max"), p);
        why = p + " trust is at least " + std::to_string(range->second.first) + " at '" + n.id +
              "', above this trust_max of " + std::to_string(v);
      }
      if (why.empty()) why = "its conditions never hold together on any path to '" + n.id + "'";
      out.push_back(makeDiagnostic(
          DiagCode::ChoiceNeverOffered, s.path, s.keyPos(ptr, c.pos), ptr,
          "no path offers choice " + std::to_string(ci + 1) + " of '" + n.id + "': " + why));
    }
  }
}

}  // namespace

const EndingRange* Analysis::endingRange(EndingKind kind) const {
  for (const auto& r : endingRanges)
    if (r.kind == kind) return &r;
  return nullptr;
}

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
  neverOffered(s, a, out);
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
