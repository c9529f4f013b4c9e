// trustdaily graph FILE [--format dot|svg] [-o OUT]
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include "commands.hpp"
#include "core/graph_export.hpp"
#include "load_file.hpp"

namespace trustdaily::cli {

namespace {

namespace fs = std::filesystem;

// After this long in Graphviz, say that it is Graphviz and where the DOT is.
constexpr int kSlowDotSeconds = 3;

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

bool writeFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  return static_cast<bool>(out);
}

// Where the DOT goes before Graphviz runs: beside OUT (OUT with .dot), or a
// temporary file when the SVG goes to standard output.
std::string dotPathFor(const std::string& outPath, const std::string& id) {
  if (!outPath.empty()) return fs::path(outPath).replace_extension(".dot").string();
  return (fs::temp_directory_path() / ("trustdaily-" + id + ".dot")).string();
}

// Runs `dot -Tsvg` on the DOT file. Graphviz, not Trust Daily, is the slow
// part on large graphs, so after a few seconds the author is told so and
// where the DOT already is; after `timeoutSeconds` dot is stopped.
int renderSvg(const std::string& dotFile, const std::string& outPath, std::size_t nodes,
              int timeoutSeconds) {
  std::string dot = findDot();
  if (dot.empty()) {
    std::cerr << "graph: Graphviz 'dot' is not installed (Debian: apt-get install graphviz); "
                 "the DOT is in "
              << dotFile << "; render it elsewhere, or use --format dot\n";
    return 1;
  }
  std::cout.flush();
  pid_t pid = ::fork();
  if (pid < 0) {
    std::cerr << "graph: cannot run " << dot << "\n";
    return 1;
  }
  if (pid == 0) {
    if (outPath.empty())
      ::execl(dot.c_str(), dot.c_str(), "-Tsvg", dotFile.c_str(), static_cast<char*>(nullptr));
    else
      ::execl(dot.c_str(), dot.c_str(), "-Tsvg", "-o", outPath.c_str(), dotFile.c_str(),
              static_cast<char*>(nullptr));
    ::_exit(127);
  }
  using Clock = std::chrono::steady_clock;
  const auto started = Clock::now();
  bool told = false;
  int status = 0;
  while (::waitpid(pid, &status, WNOHANG) == 0) {
    auto waited = std::chrono::duration_cast<std::chrono::seconds>(Clock::now() - started);
    if (!told && waited.count() >= kSlowDotSeconds) {
      told = true;
      std::cerr << "graph: Graphviz 'dot' is still laying out " << nodes
                << " nodes (Graphviz is the slow part; the DOT is already in " << dotFile
                << "; Ctrl-C stops it, --dot-timeout limits it)\n";
    }
    if (timeoutSeconds > 0 && waited.count() >= timeoutSeconds) {
      ::kill(pid, SIGTERM);
      ::waitpid(pid, &status, 0);
      std::cerr << "graph: stopped Graphviz 'dot' after " << timeoutSeconds << " s; the DOT is in "
                << dotFile << "\n";
      return 1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::cerr << "graph: " << dot << " failed; the DOT is in " << dotFile << "\n";
    return 1;
  }
  return 0;
}

}  // namespace

int runGraph(const GraphOptions& o) {
  core::ScenarioLoad load = loadForTool(o.file);
  // A file with errors is drawn as far as it could be read, its broken
  // links in red; only a file that is not JSON cannot be drawn.
  const core::ScenarioPtr model = load.scenario ? load.scenario : load.partial;
  if (!model) return 1;
  std::string dotText = core::graphDot(*model, load.analysis.get());
  std::cout.flush();
  if (o.format == "svg") {
    // The DOT first, so the work is kept whatever Graphviz does.
    std::string dotFile = dotPathFor(o.out, model->id.empty() ? "graph" : model->id);
    if (!writeFile(dotFile, dotText)) {
      std::cerr << "graph: cannot write " << dotFile << "\n";
      return 1;
    }
    return renderSvg(dotFile, o.out, model->nodes.size(), o.dotTimeout);
  }
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
