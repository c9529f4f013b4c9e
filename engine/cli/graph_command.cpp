// trustdaily graph FILE [--format dot|svg] [-o OUT]
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "commands.hpp"
#include "core/graph_export.hpp"
#include "load_file.hpp"

namespace trustdaily::cli {

namespace {

namespace fs = std::filesystem;

// The first `dot` on PATH, or empty.
std::string findDot() {
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "";
  std::size_t start = 0;
  while (start <= dirs.size()) {
    std::size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    fs::path candidate = fs::path(dirs.substr(start, end - start)) / "dot";
    std::error_code ec;
    if (end > start && fs::is_regular_file(candidate, ec) &&
        (fs::status(candidate, ec).permissions() & fs::perms::others_exec) != fs::perms::none)
      return candidate.string();
    start = end + 1;
  }
  return "";
}

std::string shellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  return out + "'";
}

bool writeFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  return static_cast<bool>(out);
}

int renderSvg(const std::string& dotText, const std::string& outPath) {
  std::string dot = findDot();
  if (dot.empty()) {
    std::cerr << "graph: Graphviz 'dot' is not installed (Debian: apt-get install graphviz); "
                 "use --format dot and render it elsewhere\n";
    return 1;
  }
  std::string cmd = shellQuote(dot) + " -Tsvg";
  if (!outPath.empty()) cmd += " -o " + shellQuote(outPath);
  FILE* pipe = ::popen(cmd.c_str(), "w");
  if (!pipe) {
    std::cerr << "graph: cannot run " << dot << "\n";
    return 1;
  }
  std::fwrite(dotText.data(), 1, dotText.size(), pipe);
  int status = ::pclose(pipe);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::cerr << "graph: " << dot << " failed\n";
    return 1;
  }
  return 0;
}

}  // namespace

int runGraph(const GraphOptions& o) {
  core::ScenarioLoad load = loadForTool(o.file);
  if (!load.scenario) return 1;
  std::string dotText = core::graphDot(*load.scenario, load.analysis.get());
  std::cout.flush();
  if (o.format == "svg") return renderSvg(dotText, o.out);
  if (o.out.empty()) {
    std::cout << dotText;
    return 0;
  }
  if (!writeFile(o.out, dotText)) {
    std::cerr << "graph: cannot write " << o.out << "\n";
    return 1;
  }
  return 0;
}

}  // namespace trustdaily::cli
