// Graph export (engine/core/graph_export.cpp): the DOT text parsed back has
// one node per scenario node and one edge per choice, with the best path and
// the conditions marked; rendered by Graphviz where `dot` is installed.
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/graph_export.hpp"
#include "core/loader.hpp"
#include "support/load_helpers.hpp"
#include "support/scenario_gen.hpp"

using namespace trustdaily;

namespace {

namespace fs = std::filesystem;

struct ParsedDot {
  std::vector<std::string> nodes;
  std::vector<std::pair<std::string, std::string>> edges;
  std::size_t thickEdges = 0;   // best path
  std::size_t dashedEdges = 0;  // conditional
  bool closed = false;
};

ParsedDot parseDot(const std::string& dot) {
  static const std::regex node(R"re(^  "([^"]+)" \[.*\];$)re");
  static const std::regex edge(R"re(^  "([^"]+)" -> "([^"]+)" \[.*\];$)re");
  ParsedDot p;
  std::istringstream in(dot);
  for (std::string line; std::getline(in, line);) {
    std::smatch m;
    if (std::regex_match(line, m, edge)) {
      p.edges.emplace_back(m[1], m[2]);
      p.thickEdges += line.find("penwidth=3") != std::string::npos;
      p.dashedEdges += line.find("style=dashed") != std::string::npos;
    } else if (std::regex_match(line, m, node)) {
      p.nodes.push_back(m[1]);
    }
    p.closed = line == "}";
  }
  return p;
}

std::vector<std::string> scenarioFiles() {
  std::vector<std::string> out;
  for (const auto& dir :
       {std::string(TRUSTDAILY_SOURCE_DIR) + "/scenarios",
        std::string(TRUSTDAILY_FIXTURES) + "/valid", std::string(TRUSTDAILY_FIXTURES) + "/lint"})
    for (const auto& e : fs::directory_iterator(dir)) {
      std::string name = e.path().filename().string();
      if (e.path().extension() == ".json" && name != "framework.json" && name != "schema.json")
        out.push_back(e.path().string());
    }
  return out;
}

bool haveDot() { return std::system("command -v dot >/dev/null 2>&1") == 0; }

int run(const std::string& cmd) {
  int status = std::system(cmd.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST_CASE("graph output parsed back has the scenario's nodes and one edge per choice") {
  for (const auto& file : scenarioFiles()) {
    CAPTURE(file);
    core::ScenarioLoad load = core::loadScenarioFile(file, testing::repoFramework());
    if (load.notAScenario) continue;  // schedule.json and the like
    REQUIRE(load.ok());
    ParsedDot p = parseDot(core::graphDot(*load.scenario, load.analysis.get()));
    CHECK(p.closed);
    std::vector<std::string> ids;
    std::vector<std::pair<std::string, std::string>> links;
    std::size_t conditional = 0;
    for (const auto& n : load.scenario->nodes) {
      ids.push_back(n.id);
      for (const auto& c : n.choices) {
        links.emplace_back(n.id, c.next);
        conditional += c.condition.has_value();
      }
    }
    CHECK(p.nodes == ids);
    CHECK(p.edges == links);
    CHECK(p.thickEdges == load.analysis->bestPath.size());
    CHECK(p.dashedEdges == conditional);
  }
}

TEST_CASE("graph marks kinds, scores, conditions and the start") {
  core::ScenarioLoad load =
      core::loadScenarioFile(std::string(TRUSTDAILY_FIXTURES) + "/valid/every-optional-field.json",
                             testing::repoFramework());
  REQUIRE(load.ok());
  std::string dot = core::graphDot(*load.scenario, nullptr);
  CHECK(dot.find(R"x("a" [label="a\nkenji", shape=box, style="rounded,filled", )x"
                 R"x(fillcolor="#d6e4f5", peripheries=2];)x") != std::string::npos);
  CHECK(dot.find(R"x("win" [label="win\nsuccess", shape=octagon, style=filled, )x"
                 R"x(fillcolor="#c8e6c9"];)x") != std::string::npos);
  CHECK(dot.find(R"x("lose" [label="lose\nfailure", shape=octagon, style=filled, )x"
                 R"x(fillcolor="#f8c9c9"];)x") != std::string::npos);
  CHECK(dot.find(R"x("a" -> "b" [label="Ask why (+3)"];)x") != std::string::npos);
  CHECK(dot.find(R"x("b" -> "win" [label="Plan (+2)\n[if asked_why, engineering>=60]", )x"
                 R"x(style=dashed];)x") != std::string::npos);
  CHECK(dot.find(R"x("b" -> "meh" [label="Shrug (0)"];)x") != std::string::npos);
  CHECK(dot.find("penwidth=3") == std::string::npos);  // no analysis, no best path
}

TEST_CASE("graph escapes quotes and backslashes and cuts long choice text on a code point") {
  core::ScenarioLoad load = core::loadScenarioFile(
      std::string(TRUSTDAILY_FIXTURES) + "/valid/minimal.json", testing::repoFramework());
  REQUIRE(load.ok());
  core::Scenario s = *load.scenario;
  s.title = "A \"quoted\" \\ title";
  CHECK(core::graphDot(s, nullptr).find(R"x(label="A \"quoted\" \\ title")x") != std::string::npos);
  CHECK(core::shortText("short", 32) == "short");
  CHECK(core::shortText("ééééé", 3) == "ééé...");
  CHECK(core::shortText("abc", 3) == "abc");
}

TEST_CASE("graph --format svg renders with Graphviz when dot is installed, else says so") {
  std::string bin = TRUSTDAILY_BINARY;
  std::string file = std::string(TRUSTDAILY_SOURCE_DIR) + "/scenarios/legal-review-01.json";
  std::string name = "trustdaily-graph-";
  name += std::to_string(::getpid());
  fs::path out = fs::temp_directory_path() / (name + ".svg");
  fs::path err = out.string() + ".err";
  if (haveDot()) {
    CHECK(run("'" + bin + "' graph --format svg -o '" + out.string() + "' '" + file + "'") == 0);
    std::ifstream in(out);
    std::stringstream svg;
    svg << in.rdbuf();
    CHECK(svg.str().find("<svg") != std::string::npos);
    CHECK(svg.str().find("</svg>") != std::string::npos);
    // The DOT was written first, beside the SVG.
    fs::path dotFile = fs::path(out).replace_extension(".dot");
    CHECK(fs::exists(dotFile));
    fs::remove(dotFile);
  } else {
    MESSAGE("Graphviz dot not installed: rendering not checked");
  }
  // With no dot on PATH the command fails clearly.
  CHECK(run("PATH=/nonexistent '" + bin + "' graph --format svg '" + file + "' 2>'" + err.string() +
            "'") == 1);
  std::ifstream e(err);
  std::stringstream msg;
  msg << e.rdbuf();
  CHECK(msg.str().find("Graphviz 'dot' is not installed") != std::string::npos);
  fs::remove(out);
  fs::remove(err);
}

TEST_CASE("graph draws a file with errors: broken links in red to a placeholder") {
  std::string bin = TRUSTDAILY_BINARY;
  std::string dir = std::string(TRUSTDAILY_FIXTURES) + "/invalid/";
  fs::path out = fs::temp_directory_path() /
                 ("trustdaily-graph-broken-" + std::to_string(::getpid()) + ".dot");
  CHECK(run("'" + bin + "' graph -o '" + out.string() + "' '" + dir +
            "e202-unknown-next.json' 2>/dev/null") == 0);
  std::ifstream in(out);
  std::stringstream dot;
  dot << in.rdbuf();
  CHECK(dot.str().find(R"x("?apporve" [label="missing node\n'apporve'", shape=box, style=dashed, )x"
                       R"x(color="#c62828")x") != std::string::npos);
  CHECK(dot.str().find(R"x("a" -> "?apporve" [label="good (+1)", color="#c62828")x") !=
        std::string::npos);
  CHECK(dot.str().find("broken links in red") != std::string::npos);
  fs::remove(out);
  // A start naming no node points from a red "start" to its placeholder.
  core::ScenarioLoad load =
      core::loadScenarioFile(dir + "e201-unknown-start.json", testing::repoFramework());
  REQUIRE_FALSE(load.ok());
  REQUIRE(load.partial);
  CHECK(core::graphDot(*load.partial, nullptr).find(R"x("?start" -> "?nowhere")x") !=
        std::string::npos);
  // Only a file that is not JSON cannot be drawn.
  CHECK(run("'" + bin + "' graph '" + dir + "e004-syntax.json' >/dev/null 2>&1") == 1);
}

TEST_CASE("a graph over 150 nodes asks Graphviz for the quick layout") {
  core::ScenarioPtr small =
      testing::modelFromText(testing::generateScenario(testing::GenOptions{.nodes = 150}), "gen");
  core::ScenarioPtr large =
      testing::modelFromText(testing::generateScenario(testing::GenOptions{.nodes = 151}), "gen");
  REQUIRE(small);
  REQUIRE(large);
  const std::string quick = "nslimit=0.01";
  CHECK(core::graphDot(*small, nullptr).find(quick) == std::string::npos);
  CHECK(core::graphDot(*large, nullptr).find(quick) != std::string::npos);
}

TEST_CASE("graph shows documents on their scene and the ones the best path reads") {
  core::ScenarioLoad load = core::loadScenarioFile(
      std::string(TRUSTDAILY_FIXTURES) + "/valid/documents.json", testing::repoFramework());
  REQUIRE(load.ok());
  std::string dot = core::graphDot(*load.scenario, load.analysis.get());
  CHECK(dot.find(R"x("standup" [label="standup\npriya\n)x"
                 R"x(d1 [email] Email: Marco to the sales team, ... (sets read_marco_email)\n)x"
                 R"x(d2 [dashboard] Dashboard: checkout errors, last... )x"
                 R"x((sets saw_error_dashboard)", )x") != std::string::npos);
  CHECK(dot.find(R"x("marco" [label="marco\nmarco", )x") != std::string::npos);
  CHECK(dot.find(R"x([if saw_error_dashboard]\n(after reading d1, d2)", style=dashed, )x"
                 R"x(color="#1565c0", penwidth=3];)x") != std::string::npos);
  CHECK(dot.find(R"x([if read_marco_email]", style=dashed, color="#1565c0", penwidth=3];)x") !=
        std::string::npos);  // nothing more to read at marco
}
