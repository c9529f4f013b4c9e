#pragma once
// Prints diagnostics as compilers do: the first line of each is always
// `file:line:col: severity: message (/pointer)`; on a terminal (or with
// --caret always) the source line and a caret under the column follow,
// indented, and a note ("first defined here") comes right after its
// diagnostic, with its own excerpt.
#include <ostream>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"

namespace trustdaily::cli {

// "always", "never" or "auto" (a terminal on `fd`).
bool wantExcerpts(const std::string& mode, int fd);

void printDiagnostics(std::ostream& out, const std::vector<core::Diagnostic>& ds, bool excerpts,
                      bool withNoteSeverity = true);

}  // namespace trustdaily::cli
