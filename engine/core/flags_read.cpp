#include "flags_read.hpp"

namespace trustdaily::core {

std::vector<std::set<std::string>> flagsReadAtOrAfter(const Scenario& s) {
  std::vector<std::set<std::string>> out(s.nodes.size());
  enum class Mark : char { None, Open, Done };
  std::vector<Mark> mark(s.nodes.size(), Mark::None);
  // Iterative post-order: a node's set is complete once all its successors are.
  for (std::size_t root = 0; root < s.nodes.size(); ++root) {
    if (mark[root] != Mark::None) continue;
    std::vector<std::pair<std::size_t, std::size_t>> stack{{root, 0}};
    mark[root] = Mark::Open;
    while (!stack.empty()) {
      auto& [u, next] = stack.back();
      const Node& n = s.nodes[u];
      if (next < n.choices.size()) {
        std::size_t v = n.choices[next++].nextIndex;
        if (v < s.nodes.size() && mark[v] == Mark::None) {
          mark[v] = Mark::Open;
          stack.emplace_back(v, 0);
        }
        continue;
      }
      std::set<std::string>& read = out[u];
      for (const Choice& c : n.choices) {
        if (c.condition) {
          read.insert(c.condition->flags.begin(), c.condition->flags.end());
          read.insert(c.condition->notFlags.begin(), c.condition->notFlags.end());
        }
        if (c.nextIndex < s.nodes.size() && c.nextIndex != u)
          read.insert(out[c.nextIndex].begin(), out[c.nextIndex].end());
      }
      mark[u] = Mark::Done;
      stack.pop_back();
    }
  }
  return out;
}

}  // namespace trustdaily::core
