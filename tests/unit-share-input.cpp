// The share input of recorded plays: one mark per decision by the core's
// misstep rule, principles against the best path in framework order, and no
// word of the scenario in the text (golden files under tests/golden/share/).
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>
#include <sstream>

#include "core/day_rules.hpp"
#include "core/first_tries.hpp"
#include "core/framework.hpp"
#include "core/loader.hpp"
#include "core/share_input.hpp"
#include "core/simulate.hpp"

using namespace trustdaily::core;

namespace {

const std::string kPlay = std::string(TRUSTDAILY_FIXTURES) + "/play";
// Its own folder: a scenario in play/ would change the days the play tests expect.
const std::string kShare = std::string(TRUSTDAILY_FIXTURES) + "/share";

const Framework& playFramework() {
  static const Framework fw = loadFramework(kPlay + "/framework.json").framework;
  return fw;
}

// share.json: heard (best +3, fine +1, misstep -3), call (best +3, misstep
// -2, +1 straight to failure), review (best +2, fine 0).
const ScenarioLoad& shareScenario() {
  static const ScenarioLoad load = loadScenarioFile(kShare + "/share.json", playFramework());
  REQUIRE(load.ok());
  return load;
}

struct Play {
  explicit Play(const ScenarioLoad& load) : session(load.scenario, load.analysis) {}
  Session session;
  FirstTries tries;
  void choose(std::size_t choiceIndex) { tries.chose(session.chooseByIndex(choiceIndex)); }
  void retry(std::size_t step) {
    session.rewindTo(step);
    tries.retried(step);
  }
  PlayRecord record(const std::string& day) const {
    return recordOf(session, tries, day, PlayKind::Daily);
  }
};

std::string golden(const std::string& name) {
  std::ifstream in(std::string(TRUSTDAILY_SOURCE_DIR) + "/tests/golden/share/" + name,
                   std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Lower-case words of three letters or more (ASCII letters; anything else
// separates words).
std::set<std::string> wordsOf(const std::string& text) {
  std::set<std::string> out;
  std::string w;
  for (char ch : text + " ") {
    unsigned char c = static_cast<unsigned char>(ch);
    if (std::isalpha(c)) {
      w += static_cast<char>(std::tolower(c));
      continue;
    }
    if (w.size() >= 3) out.insert(w);
    w.clear();
  }
  return out;
}

// Every word the scenario holds: title, summary, cast, scenes, documents,
// choices, feedback, endings and lessons.
std::set<std::string> scenarioWords(const Scenario& s) {
  std::string all = s.title + " " + s.summary;
  for (const CastMember& member : s.cast) all += " " + member.name + " " + member.role;
  for (const Node& n : s.nodes) {
    all += " " + n.text + " " + n.lesson;
    for (const Document& d : n.documents) all += " " + d.title + " " + d.text;
    for (const Choice& c : n.choices) all += " " + c.text + " " + c.feedback;
  }
  return wordsOf(all);
}

// Scenario words found in the share text, leaving out the words the text
// is made of by design: its heading and the framework's principle names.
std::set<std::string> leakedWords(const std::string& text, const Scenario& s, const Framework& fw) {
  std::string design = "Trust Daily";
  for (const FrameworkEntry& p : fw.principles) design += " " + p.name;
  const std::set<std::string> allowed = wordsOf(design);
  const std::set<std::string> words = scenarioWords(s);
  std::set<std::string> leaked;
  for (const std::string& w : wordsOf(text))
    if (words.count(w) != 0 && allowed.count(w) == 0) leaked.insert(w);
  return leaked;
}

}  // namespace

TEST_CASE("the best path shares all green and full bars for the principles it earns") {
  Play p(shareScenario());
  p.choose(0);
  p.choose(0);
  p.choose(0);
  const PlayRecord r = p.record("2026-12-04");
  const ShareInput in =
      shareInputFor(r, *shareScenario().scenario, *shareScenario().analysis, playFramework());
  CHECK(in.date == "2026-12-04");
  CHECK(in.percent == 100);
  CHECK(in.decisions == std::vector<DecisionMark>(3, DecisionMark::Best));
  // Framework order: influence, context, transparency, celebrate, absorb-blame.
  REQUIRE(in.principles.size() == 5);
  CHECK(in.principles[0].name == "Influence beats authority");
  CHECK(in.principles[0].earned == 1);
  CHECK(in.principles[0].available == 1);
  CHECK(in.principles[1].available == 0);  // context: nothing on the best path
  CHECK(in.principles[2].earned == 4);
  CHECK(in.principles[3].earned == 3);
  const std::string text = shareText(in);
  CHECK(text == golden("share-best-path.txt"));
  CHECK(leakedWords(text, *shareScenario().scenario, playFramework()).empty());
}

TEST_CASE("weaker choices are fine, a misstep tried again is retried") {
  Play p(shareScenario());
  p.choose(1);  // +1: weaker than the best, not a misstep
  p.choose(1);  // -2: a misstep
  p.retry(1);
  p.choose(0);
  p.choose(1);  // 0: not a misstep
  const PlayRecord r = p.record("2026-12-05");
  const ShareInput in =
      shareInputFor(r, *shareScenario().scenario, *shareScenario().analysis, playFramework());
  CHECK(in.decisions ==
        std::vector<DecisionMark>{DecisionMark::Fine, DecisionMark::Retried, DecisionMark::Fine});
  CHECK(in.percent == 0);  // 1 - 2 + 0 = -1 of 8
  const std::string text = shareText(in);
  CHECK(text == golden("share-fine-and-retried.txt"));
  CHECK(leakedWords(text, *shareScenario().scenario, playFramework()).empty());
}

TEST_CASE("a positive choice straight to a failure ending is a misstep, as the core rules") {
  Play p(shareScenario());
  p.choose(2);  // -3: a misstep, left as it was
  p.choose(2);  // +1 but straight to failure: a misstep, tried again
  p.retry(1);
  p.choose(0);
  p.choose(0);
  const PlayRecord r = p.record("2026-12-06");
  const ShareInput in =
      shareInputFor(r, *shareScenario().scenario, *shareScenario().analysis, playFramework());
  CHECK(in.decisions == std::vector<DecisionMark>{DecisionMark::Misstep, DecisionMark::Retried,
                                                  DecisionMark::Best});
  // The first try ended at the failure: its principles stop there too.
  CHECK(in.principles[0].earned == -1);  // influence -2 + 1
  CHECK(in.principles[2].earned == -1);  // transparency
  CHECK(in.principles[3].earned == 0);   // celebrate: never reached on the first try
  const std::string text = shareText(in);
  CHECK(text == golden("share-missteps.txt"));
  CHECK(leakedWords(text, *shareScenario().scenario, playFramework()).empty());
}

TEST_CASE("a beat (a scene of one choice) is not a decision and gets no mark") {
  // The game's fixture: an intro beat, "ask" (1 misstep, 2 good), "plan".
  const Framework fw =
      loadFramework(std::string(TRUSTDAILY_SOURCE_DIR) + "/scenarios/framework.json").framework;
  const ScenarioLoad load = loadScenarioFile(
      std::string(TRUSTDAILY_SOURCE_DIR) + "/tests/game/fixtures/game-fixture-01.json", fw);
  REQUIRE(load.ok());
  Play p(load);
  p.choose(0);  // the beat
  p.choose(0);  // a misstep
  p.choose(0);
  const PlayRecord r = p.record("2026-12-08");
  REQUIRE(r.decisions.size() == 3);
  const ShareInput in = shareInputFor(r, *load.scenario, *load.analysis, fw);
  CHECK(in.decisions == std::vector<DecisionMark>{DecisionMark::Misstep, DecisionMark::Best});
}

TEST_CASE("the word check can fail: a title in the text is caught") {
  const Scenario& s = *shareScenario().scenario;
  CHECK(leakedWords("Trust Daily 2026-12-04 \u00B7 50 %\nThe roadmap slide", s, playFramework()) ==
        std::set<std::string>{"roadmap", "slide", "the"});
}

TEST_CASE("a play imported without scores, and a scene that changed, use the record") {
  const Scenario& s = *shareScenario().scenario;
  DecisionRecord imported;
  imported.nodeId = "heard";
  imported.firstChoice = 1;  // +1 against a best of +3 in the scene
  CHECK(decisionMarkOf(imported, s) == DecisionMark::Fine);
  imported.firstChoice = 0;
  CHECK(decisionMarkOf(imported, s) == DecisionMark::Best);
  DecisionRecord gone;
  gone.nodeId = "no-such-scene";
  gone.misstep = true;
  gone.retries = 2;
  CHECK(decisionMarkOf(gone, s) == DecisionMark::Retried);
  gone.misstep = false;
  CHECK(decisionMarkOf(gone, s) == DecisionMark::Fine);  // no scores kept: not known to be best
  gone.firstScore = 2;
  gone.bestScore = 2;
  CHECK(decisionMarkOf(gone, s) == DecisionMark::Best);
}

TEST_CASE("a scenario that left the library shares its marks and no principles") {
  Play p(shareScenario());
  p.choose(0);
  p.choose(1);  // -2: a misstep, not tried again
  p.choose(0);  // 3 - 2 + 2 = 3 of 8
  const ShareInput in = shareInputFor(p.record("2026-12-07"));
  CHECK(in.decisions ==
        std::vector<DecisionMark>{DecisionMark::Best, DecisionMark::Misstep, DecisionMark::Best});
  CHECK(in.principles.empty());
  CHECK(shareText(in) == "Trust Daily 2026-12-07 \u00B7 38 %\n\U0001F7E9\U0001F7E5\U0001F7E9\n");
}

TEST_CASE("no shipped scenario leaks a word into its share text, over random plays") {
  const DailyLibrary lib = loadDailyLibrary(std::string(TRUSTDAILY_SOURCE_DIR) + "/scenarios");
  REQUIRE(lib.problem.empty());
  const std::vector<const ScenarioLoad*> loads = [&] {
    std::vector<const ScenarioLoad*> out;
    for (const ScenarioLoad& l : lib.library.files)
      if (l.ok() && l.analysis) out.push_back(&l);
    return out;
  }();
  REQUIRE(loads.size() >= 10);
  SplitMix64 rng(14);
  int plays = 0;
  int playsWithBeats = 0;  // beats are left out of the row
  for (const ScenarioLoad* load : loads) {
    for (int run = 0; run < 5; ++run) {
      Play p(*load);
      while (!p.session.finished()) {
        const auto offered = p.session.choices();
        const std::size_t pick = offered[rng.below(offered.size())].index;
        const ChoiceOutcome o = p.session.chooseByIndex(pick);
        p.tries.chose(o);
        if (o.misstep && rng.below(2) == 0) p.retry(o.step);
      }
      const PlayRecord r = p.record("2026-12-04");
      const ShareInput in = shareInputFor(r, *load->scenario, *load->analysis, lib.framework);
      const auto isDecision = [&](const DecisionRecord& d) {
        const Node* n = load->scenario->findNode(d.nodeId);
        return n != nullptr && n->isDecision();
      };
      const auto decisions = std::count_if(r.decisions.begin(), r.decisions.end(), isDecision);
      CHECK(in.decisions.size() == static_cast<std::size_t>(decisions));
      if (decisions < static_cast<long>(r.decisions.size())) ++playsWithBeats;
      const std::string text = shareText(in);
      INFO(load->scenario->id, "\n", text);
      CHECK(leakedWords(text, *load->scenario, lib.framework).empty());
      ++plays;
    }
  }
  CHECK(plays == static_cast<int>(loads.size()) * 5);
  CHECK(playsWithBeats > 0);
}
