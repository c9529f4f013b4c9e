// trustdaily validate [--strict] [--format text|json] PATH...
#include <unistd.h>

#include <iostream>

#include "commands.hpp"
#include "core/loader.hpp"
#include "diagnostic_printer.hpp"

namespace trustdaily::cli {

int runValidate(const ValidateOptions& o) {
  // One framework governs a run: the one beside the first path.
  std::string fwPath = core::findFrameworkFor(o.paths.front());
  core::FrameworkLoad fw = core::loadFramework(fwPath);
  std::vector<core::Diagnostic> diags = fw.diagnostics;
  core::Library lib;
  if (fw.ok()) lib = core::loadLibrary(o.paths, fw.framework);
  for (auto& d : lib.allDiagnostics()) diags.push_back(std::move(d));
  core::sortDiagnostics(diags);

  std::size_t errors = 0, warnings = 0;
  for (const auto& d : diags) {
    errors += d.severity == core::Severity::Error;
    warnings += d.severity == core::Severity::Warning;
  }
  if (o.format == "json") {
    std::cout << core::formatJson(diags) << "\n";
  } else {
    printDiagnostics(std::cout, diags, wantExcerpts(o.caret, STDOUT_FILENO));
    std::size_t good = lib.scenarios().size();
    std::cerr << good << " scenario" << (good == 1 ? "" : "s") << " valid, " << errors << " error"
              << (errors == 1 ? "" : "s") << ", " << warnings << " warning"
              << (warnings == 1 ? "" : "s") << "\n";
  }
  if (errors > 0) return 1;
  if (o.strict && warnings > 0) return 1;
  return 0;
}

}  // namespace trustdaily::cli
