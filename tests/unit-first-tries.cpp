// First tries: the result a day records, whatever the retries reached.
#include <doctest/doctest.h>

#include "core/first_tries.hpp"
#include "core/framework.hpp"
#include "core/loader.hpp"

using namespace trustdaily::core;

namespace {

const std::string kPlay = std::string(TRUSTDAILY_FIXTURES) + "/play";

// tiny: ask (1 best +3, 2 misstep -3, 3 failure -1), plan (1 +2, 2 -2).
ScenarioLoad tiny() {
  static const ScenarioLoad load =
      loadScenarioFile(kPlay + "/tiny.json", loadFramework(kPlay + "/framework.json").framework);
  REQUIRE(load.ok());
  return load;
}

struct Play {
  Session session{tiny().scenario, tiny().analysis};
  FirstTries tries;
  ChoiceOutcome choose(std::size_t choiceIndex) {
    ChoiceOutcome o = session.chooseByIndex(choiceIndex);
    tries.chose(o);
    return o;
  }
  void retry(std::size_t step) {
    session.rewindTo(step);
    tries.retried(step);
  }
};

}  // namespace

TEST_CASE("without retries the first try is the path played") {
  Play p;
  p.choose(0);
  p.choose(0);
  PlayRecord r = recordOf(p.session, p.tries, "2024-03-01", PlayKind::Daily);
  CHECK(r.firstTry == PlayScore{100, 5, "success"});
  CHECK(r.reached == r.firstTry);
  CHECK(r.retries == 0);
  CHECK(r.missteps == 0);
  CHECK(resultLine(r) == "100 %");
}

TEST_CASE("a misstep tried again keeps its score in the result and is counted") {
  Play p;
  p.choose(1);  // -3
  p.retry(0);
  p.choose(0);  // +3
  p.choose(0);  // +2
  PlayRecord r = recordOf(p.session, p.tries, "2024-03-01", PlayKind::Daily);
  CHECK(r.firstTry == PlayScore{0, -1, "success"});
  CHECK(r.reached == PlayScore{100, 5, "success"});
  CHECK(r.retries == 1);
  CHECK(r.missteps == 1);
  CHECK(r.principleTotals ==
        std::map<std::string, int>{{"celebrate", 2}, {"context", -1}, {"influence", -2}});
  REQUIRE(r.decisions.size() == 2);
  CHECK(r.decisions[0].firstChoice == 1);
  CHECK(r.decisions[0].chosenChoice == 0);
  CHECK(r.decisions[0].bestChoice == 0u);
  CHECK(r.decisions[0].pointsLost() == 6);
  CHECK(resultLine(r) == "0 % (-1 of 5) \u00B7 1 retry (retries reached 100 %)");
}

TEST_CASE("a first try that ended in failure ends the result there") {
  Play p;
  p.choose(2);  // straight to the failure ending
  p.retry(0);
  p.choose(0);
  p.choose(1);  // -2: mixed
  PlayRecord r = recordOf(p.session, p.tries, "2024-03-01", PlayKind::Daily);
  CHECK(r.firstTry == PlayScore{0, -1, "failure"});
  CHECK(r.reached == PlayScore{20, 1, "mixed"});
}

TEST_CASE("negative totals keep their sign beside the percentage") {
  CHECK(scoreText({0, -2, "mixed"}, 15) == "0 % (-2 of 15)");
  CHECK(scoreText({0, -12, "failure"}, 15) == "0 % (-12 of 15)");
  CHECK(scoreText({0, 0, "mixed"}, 15) == "0 %");
}

TEST_CASE("saved steps resume the same state and first tries, a pending retry included") {
  Play p;
  p.choose(1);
  p.retry(0);  // at "ask" again, not chosen anew yet
  std::vector<StepTry> saved = p.tries.steps(p.session);
  REQUIRE(saved.size() == 1);
  CHECK(saved[0].pending);
  CHECK(saved[0].firstChoice == 1);

  Play back;
  REQUIRE(resumeSteps(back.session, back.tries, saved));
  CHECK(back.session.state() == p.session.state());
  back.choose(0);
  back.choose(0);
  PlayRecord r = recordOf(back.session, back.tries, "2024-03-01", PlayKind::Daily);
  CHECK(r.firstTry.total == -1);
  CHECK(r.retries == 1);

  // Steps that no longer fit leave the session at its start.
  Play other;
  std::vector<StepTry> wrong{{"plan", 0, 0, 0, {}, false}};
  CHECK_FALSE(resumeSteps(other.session, other.tries, wrong));
  CHECK(other.session.history().empty());
  CHECK(other.session.currentNode().id == "ask");
}
