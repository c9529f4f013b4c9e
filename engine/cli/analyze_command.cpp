// trustdaily analyze [--format text|json] FILE
#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "core/loader.hpp"
#include "diagnostic_printer.hpp"

namespace trustdaily::cli {

namespace {

std::string pathsText(const core::Analysis& a) {
  return std::to_string(a.paths) + (a.pathsSaturated ? "+ (saturated at 2^64-1)" : "");
}

void printText(const core::Scenario& s, const core::Analysis& a) {
  std::cout << s.title << "  [" << s.id << "]\n";
  std::cout << "  best total    " << a.bestTotal << "  (100%)\n";
  std::cout << "  worst total   " << a.worstTotal << "  (" << a.percentOf(a.worstTotal) << "%)\n";
  std::cout << "  paths         " << pathsText(a) << "\n";
  std::cout << "  endings       ";
  for (std::size_t i = 0; i < a.endings.size(); ++i) std::cout << (i ? ", " : "") << a.endings[i];
  std::cout << "\n  states        " << a.states << "\n";
  std::cout << "\n  endings by kind (lowest to highest percentage of the best total)\n";
  for (const auto& r : a.endingRanges) {
    std::string kind(core::endingName(r.kind));
    std::string range =
        std::to_string(r.lowestPercent) + "% to " + std::to_string(r.highestPercent) + "%";
    std::cout << "    " << kind << std::string(9 - kind.size(), ' ') << range
              << std::string(range.size() < 14 ? 14 - range.size() : 1, ' ') << "(total "
              << r.lowestTotal << " to " << r.highestTotal << ")\n";
  }
  std::cout << "\n  decisions (score sum per choice, best marked *)\n";
  std::size_t width = 0;
  for (const auto& d : a.decisions) width = std::max(width, d.nodeId.size());
  for (const auto& d : a.decisions) {
    int top = *std::max_element(d.choiceScoreSums.begin(), d.choiceScoreSums.end());
    std::cout << "    " << d.nodeId << std::string(width - d.nodeId.size() + 2, ' ');
    for (std::size_t i = 0; i < d.choiceScoreSums.size(); ++i) {
      int v = d.choiceScoreSums[i];
      std::string cell = std::to_string(v);
      if (v > 0) cell.insert(cell.begin(), '+');
      if (v == top) cell += '*';
      std::cout << std::string(cell.size() < 5 ? 5 - cell.size() : 0, ' ') << cell;
    }
    std::cout << "\n";
  }
  std::cout << "\n  a strong path\n";
  for (const auto& step : a.bestPath) {
    const core::Node* n = s.findNode(step.nodeId);
    const auto& c = n->choices[step.choiceIndex];
    std::cout << "    " << step.nodeId << " -> ";
    if (!step.documents.empty()) {  // documents to open first, named as play --text does
      std::cout << "read";
      for (std::size_t d : step.documents) std::cout << " d" << d + 1;
      std::cout << ", ";
    }
    std::cout << (step.choiceIndex + 1) << ". " << c.text.substr(0, 60)
              << (c.text.size() > 60 ? "..." : "") << "\n";
  }
}

void printJson(const core::Scenario& s, const core::Analysis& a) {
  nlohmann::ordered_json j;
  j["id"] = s.id;
  j["best_total"] = a.bestTotal;
  j["worst_total"] = a.worstTotal;
  j["best_percent"] = 100;
  j["worst_percent"] = a.percentOf(a.worstTotal);
  j["paths"] = a.paths;
  j["paths_saturated"] = a.pathsSaturated;
  j["endings"] = a.endings;
  j["states"] = a.states;
  // Per ending kind reached: the lowest and highest total and percentage of
  // the complete paths that end in it, with one path for each extreme.
  auto& er = j["ending_ranges"] = nlohmann::ordered_json::object();
  auto pathJson = [](const std::vector<core::PathStep>& path) {
    auto arr = nlohmann::ordered_json::array();
    for (const auto& st : path) {
      nlohmann::ordered_json step{{"node", st.nodeId}, {"choice", st.choiceIndex}};
      // Indices of the node's documents to open before the choice (0-based,
      // as "choice"); absent when none, so files without documents read as before.
      if (!st.documents.empty()) step["documents"] = st.documents;
      arr.push_back(std::move(step));
    }
    return arr;
  };
  for (const auto& r : a.endingRanges)
    er[std::string(core::endingName(r.kind))] = {
        {"lowest_percent", r.lowestPercent},     {"highest_percent", r.highestPercent},
        {"lowest_total", r.lowestTotal},         {"highest_total", r.highestTotal},
        {"lowest_path", pathJson(r.lowestPath)}, {"highest_path", pathJson(r.highestPath)}};
  auto& ds = j["decisions"] = nlohmann::ordered_json::array();
  for (const auto& d : a.decisions)
    ds.push_back({{"node", d.nodeId}, {"choice_score_sums", d.choiceScoreSums}});
  j["best_path"] = pathJson(a.bestPath);
  j["unreachable_nodes"] = a.unreachableNodes;
  std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

}  // namespace

int runAnalyze(const AnalyzeOptions& o) {
  core::FrameworkLoad fw = core::loadFramework(core::findFrameworkFor(o.file));
  std::vector<core::Diagnostic> diags = fw.diagnostics;
  core::ScenarioLoad load;
  if (fw.ok()) {
    load = core::loadScenarioFile(o.file, fw.framework);
    diags.insert(diags.end(), load.diagnostics.begin(), load.diagnostics.end());
  }
  printDiagnostics(std::cerr, diags, wantExcerpts("auto", STDERR_FILENO), false);
  if (!load.scenario || !load.analysis) {
    if (load.notAScenario) std::cerr << o.file << ": not a scenario\n";
    return 1;
  }
  if (o.format == "json")
    printJson(*load.scenario, *load.analysis);
  else
    printText(*load.scenario, *load.analysis);
  return 0;
}

}  // namespace trustdaily::cli
