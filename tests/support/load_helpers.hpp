#pragma once
// Small helpers the unit tests share: the repo framework, parsing generated
// text into a model without the graph checks.
#include <string>

#include "core/framework.hpp"
#include "core/json_source.hpp"
#include "core/scenario_validator.hpp"

namespace trustdaily::testing {

inline const core::Framework& repoFramework() {
  static const core::Framework fw =
      core::loadFramework(std::string(TRUSTDAILY_SOURCE_DIR) + "/scenarios/framework.json")
          .framework;
  return fw;
}

// Field validation only; null when a field rule is broken.
inline core::ScenarioPtr modelFromText(const std::string& text, const std::string& id) {
  core::PositionedJson doc = core::parsePositioned(text, id + ".json");
  std::vector<core::Diagnostic> diags;
  if (!doc.ok()) return nullptr;
  return core::validateScenarioFields(doc, id + ".json", id, repoFramework(), diags);
}

}  // namespace trustdaily::testing
