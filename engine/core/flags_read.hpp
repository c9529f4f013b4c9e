#pragma once
// Which flags can still matter at a node: those some condition at the node or
// at a node after it reads. A flag outside that set, whoever set it, can no
// longer change what is offered. The analysis keys its states by it; the lint
// uses it to tell a document that rewards nothing.
#include <set>
#include <string>
#include <vector>

#include "scenario.hpp"

namespace trustdaily::core {

// Per node (file order). The scene graph must be acyclic (a node on a cycle
// gets what was known when the cycle was closed, never a hang).
std::vector<std::set<std::string>> flagsReadAtOrAfter(const Scenario& s);

}  // namespace trustdaily::core
