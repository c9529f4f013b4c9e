// trustdaily coverage [--strict] [--format text|json] PATH...
// The library's coverage report: partners x situations, principles in best
// and worst choices, behaviours, difficulty, where best choices sit, the
// surface-rule players, shared prose, and the issue-15 targets.
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "core/coverage.hpp"
#include "core/loader.hpp"

namespace trustdaily::cli {

namespace {

using nlohmann::json;

std::string pad(std::string s, std::size_t width) {
  if (s.size() < width) s += std::string(width - s.size(), ' ');
  return s;
}

std::string padLeft(const std::string& s, std::size_t width) {
  return s.size() >= width ? s : std::string(width - s.size(), ' ') + s;
}

char endingLetter(core::EndingKind k) {
  return k == core::EndingKind::Success ? 'S' : k == core::EndingKind::Mixed ? 'm' : 'f';
}

// The schedule lives in the first folder named, as for the daily selection.
core::Schedule scheduleFor(const std::vector<std::string>& paths,
                           std::vector<core::Diagnostic>& diags) {
  for (const auto& p : paths) {
    std::error_code ec;
    if (!std::filesystem::is_directory(p, ec)) continue;
    core::ScheduleLoad load =
        core::loadSchedule((std::filesystem::path(p) / "schedule.json").string());
    for (auto& d : load.diagnostics) diags.push_back(std::move(d));
    return load.schedule;
  }
  return {};
}

void printCounts(const char* title, const std::map<std::string, int>& m) {
  std::cout << title;
  for (const auto& [k, v] : m) std::cout << "  " << k << " " << v;
  std::cout << "\n";
}

void printText(const core::LibraryCoverage& c, const core::Framework& fw) {
  std::cout << "Library coverage: " << c.scenarios.size() << " scenarios\n\n";
  std::cout << "Partners x situations\n";
  for (const auto& p : fw.partners) {
    auto it = c.partnerSituation.find(p.id);
    std::cout << "  " << pad(p.id, 12)
              << padLeft(std::to_string(c.partnerCount.count(p.id) ? c.partnerCount.at(p.id) : 0),
                         3)
              << "  ";
    if (it != c.partnerSituation.end())
      for (const auto& [sit, n] : it->second)
        std::cout << sit << (n > 1 ? " x" + std::to_string(n) : "") << "  ";
    std::cout << "\n";
  }
  std::cout << "\n";
  printCounts("Situations:", c.situationCount);
  std::cout << "Difficulty:";
  for (const auto& [d, n] : c.difficultyCount) std::cout << "  " << d << ": " << n;
  std::cout << "\n\nPrinciples (decisions)      best +  best -  worst +  worst -\n";
  auto at = [](const std::map<std::string, int>& m, const std::string& k) {
    auto it = m.find(k);
    return std::to_string(it == m.end() ? 0 : it->second);
  };
  for (const auto& p : fw.principles)
    std::cout << "  " << pad(p.id, 24) << padLeft(at(c.rewardedInBest, p.id), 7)
              << padLeft(at(c.penalisedInBest, p.id), 8) << padLeft(at(c.rewardedInWorst, p.id), 9)
              << padLeft(at(c.penalisedInWorst, p.id), 9) << "\n";
  std::cout << "\nBehaviours (choices tagged)\n";
  for (const auto& b : fw.behaviours)
    std::cout << "  " << pad(b.id, 24) << padLeft(at(c.behaviourCount, b.id), 5) << "\n";

  std::map<std::size_t, int> bestAt, offeredAt;
  int longest = 0, shortest = 0;
  for (const auto& b : c.bestChoices) {
    ++bestAt[b.slot];
    for (std::size_t k = 0; k < b.choices; ++k) ++offeredAt[k];
    longest += b.longest;
    shortest += b.shortest;
  }
  std::cout << "\nBest choices (" << c.bestChoices.size() << " decisions with one best)\n  slot";
  for (const auto& [k, n] : offeredAt) std::cout << "  " << k + 1 << ": " << bestAt[k] << "/" << n;
  std::cout << "\n  the longest " << longest << ", the shortest " << shortest << "\n";

  const auto& rules = core::surfaceRules();
  std::cout << "\nSurface-rule players (first try, no documents): percent and ending "
               "(S success, m mixed, f failure)\n";
  for (std::size_t r = 0; r < rules.size(); ++r)
    std::cout << "  R" << pad(std::to_string(r + 1), 3) << pad(rules[r].name, 20)
              << rules[r].description << "\n";
  std::size_t idWidth = 8;
  for (const auto& s : c.scenarios) idWidth = std::max(idWidth, s.id.size());
  std::cout << "\n  " << pad("scenario", idWidth);
  for (std::size_t r = 0; r < rules.size(); ++r)
    std::cout << padLeft(std::string("R").append(std::to_string(r + 1)), 5);
  std::cout << "\n";
  for (const auto& s : c.scenarios) {
    std::cout << "  " << pad(s.id, idWidth);
    for (const auto& run : s.rules)
      std::cout << padLeft(std::to_string(run.percent), 4) << endingLetter(run.ending);
    std::cout << "\n";
  }
  if (!c.sharedSentences.empty()) {
    std::cout << "\nSentences shared between scenarios\n";
    for (const auto& s : c.sharedSentences) {
      std::cout << "  \"" << s.sentence << "\" in";
      for (const auto& id : s.scenarios) std::cout << " " << id;
      std::cout << "\n";
    }
  }
  std::cout << "\nEight-word runs shared between scenarios' feedback and lessons: "
            << c.sharedEightWordRuns << "\n";
  std::cout << "\nTargets\n";
  for (const auto& t : c.targetsMissed) std::cout << "  MISSED  " << t << "\n";
  for (const auto& t : c.targetsMet) std::cout << "  met     " << t << "\n";
}

json toJson(const core::LibraryCoverage& c) {
  json j;
  const auto& rules = core::surfaceRules();
  j["rules"] = json::array();
  for (const auto& r : rules)
    j["rules"].push_back({{"name", r.name}, {"description", r.description}});
  j["scenarios"] = json::array();
  for (const auto& s : c.scenarios) {
    json runs = json::object();
    for (std::size_t r = 0; r < rules.size(); ++r)
      runs[rules[r].name] = {{"percent", s.rules[r].percent},
                             {"ending", std::string(core::endingName(s.rules[r].ending))}};
    j["scenarios"].push_back({{"id", s.id},
                              {"partners", s.partners},
                              {"situation", s.situation},
                              {"difficulty", s.difficulty},
                              {"decisions", s.decisions},
                              {"document_scenes", s.documentScenes},
                              {"credit_beats", s.credits},
                              {"surface_rules", runs}});
  }
  j["partners_x_situations"] = c.partnerSituation;
  j["situations"] = c.situationCount;
  json diff = json::object();
  for (const auto& [d, n] : c.difficultyCount) diff[std::to_string(d)] = n;
  j["difficulty"] = diff;
  j["principles"] = {{"rewarded_in_best", c.rewardedInBest},
                     {"penalised_in_best", c.penalisedInBest},
                     {"rewarded_in_worst", c.rewardedInWorst},
                     {"penalised_in_worst", c.penalisedInWorst}};
  j["behaviours"] = c.behaviourCount;
  j["best_choices"] = json::array();
  for (const auto& b : c.bestChoices)
    j["best_choices"].push_back({{"scenario", b.scenario},
                                 {"node", b.node},
                                 {"slot", b.slot + 1},
                                 {"choices", b.choices},
                                 {"longest", b.longest},
                                 {"shortest", b.shortest}});
  j["shared_sentences"] = json::array();
  for (const auto& s : c.sharedSentences)
    j["shared_sentences"].push_back({{"sentence", s.sentence}, {"scenarios", s.scenarios}});
  j["shared_eight_word_runs"] = c.sharedEightWordRuns;
  j["targets_missed"] = c.targetsMissed;
  j["targets_met"] = c.targetsMet;
  return j;
}

}  // namespace

int runCoverage(const CoverageOptions& o) {
  core::FrameworkLoad fw = core::loadFramework(core::findFrameworkFor(o.paths.front()));
  std::vector<core::Diagnostic> diags = fw.diagnostics;
  if (!fw.ok()) {
    for (const auto& d : diags) std::cerr << core::formatText(d) << "\n";
    return 1;
  }
  core::Library lib = core::loadLibrary(o.paths, fw.framework);
  std::vector<core::ScenarioPtr> scenarios;
  std::vector<std::shared_ptr<const core::Analysis>> analyses;
  std::size_t refused = 0;
  for (const auto& f : lib.files) {
    if (f.notAScenario) continue;
    if (!f.scenario || !f.analysis) {
      ++refused;
      continue;
    }
    scenarios.push_back(f.scenario);
    analyses.push_back(f.analysis);
  }
  for (const auto& d : lib.allDiagnostics())
    if (d.severity == core::Severity::Error) std::cerr << core::formatText(d) << "\n";
  core::Schedule schedule = scheduleFor(o.paths, diags);
  for (const auto& d : diags) std::cerr << core::formatText(d) << "\n";
  core::LibraryCoverage cov = core::computeCoverage(scenarios, analyses, fw.framework, schedule);
  if (refused > 0)
    cov.targetsMissed.push_back(std::to_string(refused) +
                                " files refused by validation (target 0)");
  if (o.format == "json")
    std::cout << toJson(cov).dump(2, ' ', false, json::error_handler_t::replace) << "\n";
  else
    printText(cov, fw.framework);
  return o.strict && !cov.targetsMissed.empty() ? 1 : 0;
}

}  // namespace trustdaily::cli
