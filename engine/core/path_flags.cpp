#include "path_flags.hpp"

#include <algorithm>
#include <iterator>

namespace trustdaily::core {

std::set<std::string> PathFlags::whenOffered(const Scenario& s, std::size_t n,
                                             std::size_t c) const {
  std::set<std::string> out = mustBeSet.at(n);
  const Choice& ch = s.nodes.at(n).choices.at(c);
  if (ch.condition) out.insert(ch.condition->flags.begin(), ch.condition->flags.end());
  return out;
}

std::set<std::string> PathFlags::afterChoice(const Scenario& s, std::size_t n,
                                             std::size_t c) const {
  std::set<std::string> out = whenOffered(s, n, c);
  const Choice& ch = s.nodes.at(n).choices.at(c);
  out.insert(ch.sets.begin(), ch.sets.end());
  return out;
}

PathFlags flagsOnEveryPath(const Scenario& s, const Analysis& a) {
  const std::size_t count = s.nodes.size();
  PathFlags out;
  out.mustBeSet.assign(count, {});
  if (count == 0 || a.offered.size() != count) return out;
  // Topological order of the nodes reachable over offered choices
  // (iterative depth-first post-order, reversed).
  std::vector<std::size_t> order;
  std::vector<char> seen(count, 0);
  std::vector<std::pair<std::size_t, std::size_t>> stack{{s.startIndex, 0}};
  seen[s.startIndex] = 1;
  while (!stack.empty()) {
    auto& [u, ci] = stack.back();
    const Node& n = s.nodes[u];
    if (ci >= n.choices.size()) {
      order.push_back(u);
      stack.pop_back();
      continue;
    }
    std::size_t i = ci++;
    if (!a.offered[u][i]) continue;
    std::size_t v = n.choices[i].nextIndex;
    if (seen[v]) continue;
    seen[v] = 1;
    stack.emplace_back(v, 0);
  }
  std::reverse(order.begin(), order.end());
  // Intersect over incoming offered choices, in topological order.
  std::vector<char> known(count, 0);
  known[s.startIndex] = 1;
  for (std::size_t u : order) {
    const Node& n = s.nodes[u];
    for (std::size_t i = 0; i < n.choices.size(); ++i) {
      if (!a.offered[u][i]) continue;
      std::size_t v = n.choices[i].nextIndex;
      std::set<std::string> along = out.afterChoice(s, u, i);
      if (!known[v]) {
        out.mustBeSet[v] = std::move(along);
        known[v] = 1;
        continue;
      }
      std::set<std::string> both;
      std::set_intersection(out.mustBeSet[v].begin(), out.mustBeSet[v].end(), along.begin(),
                            along.end(), std::inserter(both, both.end()));
      out.mustBeSet[v] = std::move(both);
    }
  }
  return out;
}

}  // namespace trustdaily::core
