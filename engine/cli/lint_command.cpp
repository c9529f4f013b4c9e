// trustdaily lint [--strict] [--format text|json] PATH...
#include <unistd.h>

#include <iostream>

#include "commands.hpp"
#include "core/lint.hpp"
#include "core/loader.hpp"
#include "diagnostic_printer.hpp"

namespace trustdaily::cli {

int runLint(const LintOptions& o) {
  core::FrameworkLoad fw = core::loadFramework(core::findFrameworkFor(o.paths.front()));
  std::vector<core::Diagnostic> diags = fw.diagnostics;
  if (fw.ok()) {
    core::Library lib = core::loadLibrary(o.paths, fw.framework);
    for (auto& d : core::lintLibrary(lib, fw.framework)) diags.push_back(std::move(d));
  }
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
    std::cerr << errors << " error" << (errors == 1 ? "" : "s") << ", " << warnings << " warning"
              << (warnings == 1 ? "" : "s") << "\n";
  }
  if (errors > 0) return 1;
  if (o.strict && warnings > 0) return 1;
  return 0;
}

}  // namespace trustdaily::cli
