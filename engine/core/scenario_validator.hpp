#pragma once
// Field rules of scenario format v1: checks a positioned JSON document and
// builds the Scenario model when no field rule is broken.
#include <string>
#include <vector>

#include "framework.hpp"
#include "json_source.hpp"
#include "scenario.hpp"

namespace trustdaily::core {

// `fileStem` is the file name without ".json" (the id must equal it).
// Returns null when any error was reported; warnings do not stop it. With
// `partial`, when there are errors it returns the model as far as it could
// be read instead (unresolved links keep their names; for `graph` on a
// broken file, never for play).
ScenarioPtr validateScenarioFields(const PositionedJson& doc, const std::string& file,
                                   const std::string& fileStem, const Framework& fw,
                                   std::vector<Diagnostic>& out, ScenarioPtr* partial = nullptr);

}  // namespace trustdaily::core
