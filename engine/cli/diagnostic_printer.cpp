#include "diagnostic_printer.hpp"

#include <unistd.h>

#include <fstream>
#include <map>

namespace trustdaily::cli {

namespace {

// Lines of the files diagnostics point into, read once each.
class SourceLines {
 public:
  const std::string* line(const std::string& file, int number) {
    auto [it, fresh] = files_.try_emplace(file);
    if (fresh) {
      std::ifstream in(file, std::ios::binary);
      for (std::string l; std::getline(in, l);) it->second.push_back(l);
    }
    if (number < 1 || static_cast<std::size_t>(number) > it->second.size()) return nullptr;
    return &it->second[static_cast<std::size_t>(number) - 1];
  }

 private:
  std::map<std::string, std::vector<std::string>> files_;
};

}  // namespace

bool wantExcerpts(const std::string& mode, int fd) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  return ::isatty(fd) == 1;
}

void printDiagnostics(std::ostream& out, const std::vector<core::Diagnostic>& ds, bool excerpts,
                      bool withNoteSeverity) {
  SourceLines sources;
  auto excerpt = [&](const std::string& file, core::SourcePos pos) {
    if (!excerpts) return;
    // A file-level problem (empty, unreadable, too large) has no line to show.
    if (const std::string* l = sources.line(file, pos.line); l != nullptr && !l->empty())
      out << core::sourceExcerpt(*l, pos) << "\n";
  };
  for (const auto& d : ds) {
    if (!withNoteSeverity && d.severity == core::Severity::Note) continue;
    out << core::formatText(d) << "\n";
    excerpt(d.file, d.pos);
    for (const auto& n : d.notes) {
      out << core::formatText(n) << "\n";
      excerpt(n.file, n.pos);
    }
  }
}

}  // namespace trustdaily::cli
