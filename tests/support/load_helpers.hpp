#pragma once
// Small helpers the unit tests share: the repo framework, parsing generated
// text into a model without the graph checks.
#include <fstream>
#include <sstream>
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

// The bytes of tests/fixtures/<folder>/<stem>.json.
inline std::string fixtureText(const std::string& folder, const std::string& stem) {
  std::ifstream in(std::string(TRUSTDAILY_FIXTURES) + "/" + folder + "/" + stem + ".json",
                   std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A fixture's model (field validation only; its id must equal its stem).
inline core::ScenarioPtr fixtureModel(const std::string& folder, const std::string& stem) {
  return modelFromText(fixtureText(folder, stem), stem);
}

}  // namespace trustdaily::testing
