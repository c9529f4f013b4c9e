#pragma once
// The library's coverage report (issue 15): what the scenarios exercise, and
// whether a player who never reads could win. Everything here is computed
// from loaded scenarios and a schedule; the CLI only formats it.
#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "daily.hpp"
#include "framework.hpp"
#include "scenario.hpp"
#include "session.hpp"

namespace trustdaily::core {

// A player who picks by the look of a choice, never by the situation. `pick`
// returns a position in `offered` (never empty). Documents are never opened.
struct SurfaceRule {
  std::string name;
  std::string description;
  std::function<std::size_t(const Scenario&, const std::vector<OfferedChoice>&)> pick;
};

// The rules the library is held against: length, fixed slots, the wording of
// owning a mistake, asking, thanking or naming people, avoiding hedges, and
// mixes of a wording rule with "else the longest".
const std::vector<SurfaceRule>& surfaceRules();

struct RuleRun {
  int percent = 0;
  EndingKind ending = EndingKind::Mixed;
};

// Plays `rule` through the scenario, first try only.
RuleRun playSurfaceRule(const ScenarioPtr& s, const std::shared_ptr<const Analysis>& a,
                        const SurfaceRule& rule);

struct ScenarioCoverage {
  std::string id;
  std::vector<std::string> partners;
  std::string situation;
  int difficulty = 1;
  std::size_t decisions = 0;
  std::size_t documentScenes = 0;    // scenes that offer documents
  std::vector<RuleRun> rules;        // one per surfaceRules() entry
  std::vector<std::string> credits;  // nodes with a choice tagged credit-publicly
};

// One decision's best choice (only decisions with a single best take part).
struct BestChoice {
  std::string scenario;
  std::string node;
  std::size_t slot = 0;     // 0-based position in file order
  std::size_t choices = 0;  // how many the decision has
  bool longest = false;     // the single longest text
  bool shortest = false;    // the single shortest text
};

// A sentence of feedback, lesson or ending text found in more than one scenario.
struct SharedSentence {
  std::string sentence;
  std::vector<std::string> scenarios;
};

struct LibraryCoverage {
  std::vector<ScenarioCoverage> scenarios;                             // sorted by id
  std::map<std::string, std::map<std::string, int>> partnerSituation;  // partner -> situation -> n
  std::map<std::string, int> partnerCount;
  std::map<std::string, int> situationCount;
  std::map<int, int> difficultyCount;
  std::map<std::string, int> rewardedInBest, penalisedInBest;    // principle -> decisions
  std::map<std::string, int> rewardedInWorst, penalisedInWorst;  // principle -> decisions
  std::map<std::string, int> behaviourCount;                     // behaviour -> choices tagged
  std::vector<BestChoice> bestChoices;
  std::vector<SharedSentence> sharedSentences;
  std::size_t sharedEightWordRuns = 0;  // distinct 8-word runs in feedback/lessons of 2+ scenarios
  std::vector<std::string> targetsMissed;  // empty when every target is met
  std::vector<std::string> targetsMet;
};

// The targets of issue 15, as numbers (docs/library.md explains them).
struct CoverageTargets {
  int minScenariosPerPartner = 5;
  std::vector<std::string> coreSituations = {"estimate-pushback", "bad-news", "legal-review"};
  int minScenariosPerCoreSituation = 5;
  double minDifficultyShare = 0.25;   // each of 1, 2, 3
  double maxRuleSuccessShare = 0.20;  // of scenarios a surface rule wins
  double maxRuleMeanPercent = 50.0;   // a surface rule's average
  double maxBestLongestShare = 0.40;  // decisions whose best is the longest
  double maxCreditScenarioShare = 1.0 / 3.0;
  std::size_t minDocumentScenarios = 10;
};

// `schedule` may be empty (no schedule targets then).
LibraryCoverage computeCoverage(const std::vector<ScenarioPtr>& scenarios,
                                const std::vector<std::shared_ptr<const Analysis>>& analyses,
                                const Framework& fw, const Schedule& schedule,
                                const CoverageTargets& targets = {});

// The schedule's own targets: consecutive dates, every id in the library,
// no situation or lead partner on two days running, difficulty moving by at
// most one a day. Messages are appended to `missed` / `met`.
void checkSchedule(const Schedule& schedule, const std::vector<ScenarioPtr>& scenarios,
                   std::size_t minDays, std::vector<std::string>& missed,
                   std::vector<std::string>& met);

}  // namespace trustdaily::core
