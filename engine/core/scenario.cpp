#include "scenario.hpp"

namespace trustdaily::core {

std::string_view endingName(EndingKind k) {
  switch (k) {
    case EndingKind::Success:
      return "success";
    case EndingKind::Mixed:
      return "mixed";
    case EndingKind::Failure:
      return "failure";
  }
  return "mixed";
}

const Node* Scenario::findNode(const std::string& nodeId) const {
  auto it = nodeIndex.find(nodeId);
  return it == nodeIndex.end() ? nullptr : &nodes[it->second];
}

const CastMember* Scenario::findCast(const std::string& castId) const {
  for (const auto& m : cast)
    if (m.id == castId) return &m;
  return nullptr;
}

}  // namespace trustdaily::core
