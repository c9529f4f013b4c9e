// trustdaily simulate FILE [--runs N] [--seed S]
#include <algorithm>
#include <cstdio>
#include <iostream>

#include "commands.hpp"
#include "core/simulate.hpp"
#include "load_file.hpp"

namespace trustdaily::cli {

namespace {

constexpr std::size_t kBarWidth = 40;

std::string share(std::size_t count, std::size_t runs) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%5.1f%%", runs ? 100.0 * static_cast<double>(count) / runs : 0.0);
  return buf;
}

std::string padLeft(const std::string& s, std::size_t width) {
  return s.size() >= width ? s : std::string(width - s.size(), ' ') + s;
}

// Per choice: how many runs were offered it and took it; a choice no run
// took (or was offered) is named at the end, as ChoiceScript's randomtest
// names lines it never reached.
void printChoices(const core::Scenario& s, const core::SimulationResult& r) {
  std::cout << "\n  choices (runs offered it, runs that took it)\n";
  std::size_t width = 0;
  for (const auto& c : r.choices) width = std::max(width, c.nodeId.size());
  std::vector<std::string> neverOffered, neverTaken;
  for (const auto& c : r.choices) {
    const core::Choice& choice = s.findNode(c.nodeId)->choices[c.choiceIndex];
    std::string text = choice.text.substr(0, 40) + (choice.text.size() > 40 ? "..." : "");
    std::string label = c.nodeId + " " + std::to_string(c.choiceIndex + 1);
    std::cout << "    " << c.nodeId << std::string(width - c.nodeId.size() + 1, ' ')
              << padLeft(std::to_string(c.choiceIndex + 1), 2) << "  offered "
              << padLeft(std::to_string(c.offered), 7) << " " << share(c.offered, r.runs)
              << "  taken " << padLeft(std::to_string(c.taken), 7) << " " << share(c.taken, r.runs)
              << "  " << text << "\n";
    if (c.offered == 0)
      neverOffered.push_back(label);
    else if (c.taken == 0)
      neverTaken.push_back(label);
  }
  auto list = [](const std::vector<std::string>& v) {
    std::string out;
    for (const auto& x : v) out += (out.empty() ? "" : ", ") + x;
    return out;
  };
  if (!neverOffered.empty())
    std::cout << "\n  never offered in " << r.runs << " runs: " << list(neverOffered) << "\n";
  if (!neverTaken.empty()) std::cout << "  offered but never taken: " << list(neverTaken) << "\n";
}

void print(const core::Scenario& s, const core::SimulationResult& r) {
  std::cout << s.title << "  [" << s.id << "]\n";
  bool documents = std::any_of(s.nodes.begin(), s.nodes.end(),
                               [](const core::Node& n) { return !n.documents.empty(); });
  std::cout << "  " << r.runs << " random players, seed " << r.seed
            << " (each picks uniformly among the offered choices";
  if (documents) std::cout << ",\n  after opening each of a scene's documents with probability 1/2";
  std::cout << ")\n\n";
  char mean[32];
  std::snprintf(mean, sizeof mean, "%.1f", r.mean);
  std::cout << "  percent  min " << r.min << "  q1 " << r.q1 << "  median " << r.median << "  q3 "
            << r.q3 << "  max " << r.max << "  mean " << mean << "\n\n";
  std::size_t peak = 0;
  for (std::size_t c : r.histogram) peak = std::max(peak, c);
  for (std::size_t b = 0; b < r.histogram.size(); ++b) {
    std::string range = std::to_string(b * 10) + "-";
    range += std::to_string(b + 1 == r.histogram.size() ? 100 : b * 10 + 9);
    std::size_t bar = peak ? (r.histogram[b] * kBarWidth + peak - 1) / peak : 0;
    std::cout << "  " << padLeft(range, 6) << "%  " << std::string(bar, '#')
              << std::string(kBarWidth - bar, ' ') << "  "
              << padLeft(std::to_string(r.histogram[b]), 6) << "\n";
  }
  std::cout << "\n  endings\n";
  for (const char* kind : {"success", "mixed", "failure"}) {
    auto it = r.endingKinds.find(kind);
    std::size_t n = it == r.endingKinds.end() ? 0 : it->second;
    std::cout << "    " << kind << std::string(9 - std::string(kind).size(), ' ')
              << padLeft(std::to_string(n), 7) << "  " << share(n, r.runs) << "\n";
  }
  std::cout << "\n  ending nodes\n";
  std::size_t width = 0;
  for (const auto& [id, n] : r.endingNodes) width = std::max(width, id.size());
  for (const auto& [id, n] : r.endingNodes) {
    const core::Node* node = s.findNode(id);
    std::string kind(core::endingName(node->ending));
    std::cout << "    " << id << std::string(width - id.size() + 2, ' ') << kind
              << std::string(9 - kind.size(), ' ') << padLeft(std::to_string(n), 7) << "  "
              << share(n, r.runs) << "\n";
  }
  std::cout << "\n  runs with a misstep  " << r.runsWithMissteps << "  "
            << share(r.runsWithMissteps, r.runs) << "\n";
  printChoices(s, r);
}

}  // namespace

int runSimulate(const SimulateOptions& o) {
  core::ScenarioLoad load = loadForTool(o.file);
  if (!load.scenario || !load.analysis) return 1;
  print(*load.scenario, core::simulate(load.scenario, load.analysis, o.runs, o.seed));
  return 0;
}

}  // namespace trustdaily::cli
