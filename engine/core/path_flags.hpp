#pragma once
// Which flags every path into a node has set, over the choices some
// reachable state offers. The lint uses it to tell when a text names a
// choice that some path into it did not make; the flags are the only trace
// of a past choice the model keeps, so this is what "can be told" means.
#include <set>
#include <string>
#include <vector>

#include "analysis.hpp"
#include "scenario.hpp"

namespace trustdaily::core {

struct PathFlags {
  // Per node (file order): flags set on every path from the start into it
  // (empty for nodes no path reaches).
  std::vector<std::set<std::string>> mustBeSet;
  // Flags set on every path that takes choice `c` of node `n` (the node's
  // flags, those the choice's condition requires, and those it sets).
  std::set<std::string> afterChoice(const Scenario& s, std::size_t n, std::size_t c) const;
  // Flags set on every path on which choice `c` of node `n` is offered.
  std::set<std::string> whenOffered(const Scenario& s, std::size_t n, std::size_t c) const;
};

// Needs a complete analysis (for Analysis::offered) of an acyclic scenario.
PathFlags flagsOnEveryPath(const Scenario& s, const Analysis& a);

}  // namespace trustdaily::core
