#include "scene_estimate.hpp"

#include <algorithm>
#include <map>

namespace trustdaily::core {

namespace {

// Paths from a node by their number of scenes. Counts are doubles: the number
// of paths grows exponentially with branching and only their shares matter.
using Lengths = std::map<int, double>;

class LengthCounter {
 public:
  LengthCounter(const Scenario& s, const Analysis& a)
      : s_(s), a_(a), memo_(s.nodes.size()), state_(s.nodes.size(), State::New) {}

  const Lengths& of(std::size_t node) {
    if (state_[node] == State::Done) return memo_[node];
    // Scenes are acyclic (the validator's rule); a cycle met anyway adds
    // nothing rather than recursing forever.
    if (state_[node] == State::Open) return empty_;
    state_[node] = State::Open;
    Lengths out;
    const Node& n = s_.nodes[node];
    if (n.isEnding) {
      out[0] = 1;
    } else {
      for (std::size_t c = 0; c < n.choices.size(); ++c) {
        if (!offered(node, c) || n.choices[c].nextIndex >= s_.nodes.size()) continue;
        for (const auto& [len, count] : of(n.choices[c].nextIndex)) out[len + 1] += count;
      }
    }
    memo_[node] = std::move(out);
    state_[node] = State::Done;
    return memo_[node];
  }

 private:
  enum class State { New, Open, Done };
  // Without a complete analysis, and at a scene no play reaches (a playtest
  // started there), every choice counts.
  bool offered(std::size_t node, std::size_t choice) const {
    if (!a_.complete || node >= a_.offered.size() || choice >= a_.offered[node].size()) return true;
    const std::vector<bool>& row = a_.offered[node];
    if (std::find(row.begin(), row.end(), true) == row.end()) return true;
    return row[choice];
  }
  const Scenario& s_;
  const Analysis& a_;
  std::vector<Lengths> memo_;
  std::vector<State> state_;
  Lengths empty_;
};

}  // namespace

SceneEstimate::SceneEstimate(const Scenario& s, const Analysis& a) : left_(s.nodes.size()) {
  LengthCounter counter(s, a);
  for (std::size_t i = 0; i < s.nodes.size(); ++i) {
    const Lengths& lengths = counter.of(i);
    if (lengths.empty()) continue;  // no path from here reaches an ending
    double paths = 0;
    for (const auto& [len, count] : lengths) paths += count;
    // The lower median: the shortest length that half the paths reach.
    double seen = 0;
    for (const auto& [len, count] : lengths) {
      seen += count;
      if (seen * 2 >= paths) {
        left_[i].median = len;
        break;
      }
    }
    left_[i].fewest = lengths.begin()->first;
    left_[i].most = lengths.rbegin()->first;
  }
}

ScenePosition SceneEstimate::at(std::size_t nodeIndex, std::size_t scenesTaken) const {
  const Left& l = left_.at(nodeIndex);
  const int taken = static_cast<int>(scenesTaken);
  ScenePosition p;
  if (l.most == 0) {  // an ending (or a dead end): the last scene was the last
    p.scene = std::max(1, taken);
    p.total = p.scene;
    p.exact = true;
    return p;
  }
  p.scene = taken + 1;
  p.total = taken + std::max(1, l.median);
  p.exact = l.fewest == l.most;
  return p;
}

std::string sceneText(const ScenePosition& p) {
  std::string out = std::string("Scene ").append(std::to_string(p.scene));
  out += p.exact ? " of " : " of about ";
  return out.append(std::to_string(p.total));
}

}  // namespace trustdaily::core
