#include "load_file.hpp"

#include <unistd.h>

#include <iostream>

#include "diagnostic_printer.hpp"

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
  printDiagnostics(std::cerr, diags, wantExcerpts("auto", STDERR_FILENO), false);
  if (load.notAScenario) std::cerr << file << ": not a scenario\n";
  return load;
}

}  // namespace trustdaily::cli
