#include "load_file.hpp"

#include <iostream>

namespace trustdaily::cli {

core::ScenarioLoad loadForTool(const std::string& file) {
  core::FrameworkLoad fw = core::loadFramework(core::findFrameworkFor(file));
  std::vector<core::Diagnostic> diags = fw.diagnostics;
  core::ScenarioLoad load;
  load.path = file;
  if (fw.ok()) {
    load = core::loadScenarioFile(file, fw.framework);
    diags.insert(diags.end(), load.diagnostics.begin(), load.diagnostics.end());
  }
  for (const auto& d : diags)
    if (d.severity != core::Severity::Note) std::cerr << core::formatText(d) << "\n";
  if (load.notAScenario) std::cerr << file << ": not a scenario\n";
  return load;
}

}  // namespace trustdaily::cli
