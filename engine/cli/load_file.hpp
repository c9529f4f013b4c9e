#pragma once
// One scenario file for the authoring commands (graph, simulate): loads it
// against the framework beside it and prints any warnings or errors to
// standard error. The result has a scenario and analysis only when valid.
#include <string>

#include "core/loader.hpp"

namespace trustdaily::cli {

core::ScenarioLoad loadForTool(const std::string& file);

}  // namespace trustdaily::cli
