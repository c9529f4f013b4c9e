// "Scene 3 of about 8": the scenes taken plus the median of the scenes left
// over the paths from the current scene; exact when every path is as long.
#include <doctest/doctest.h>

#include "core/framework.hpp"
#include "core/loader.hpp"
#include "core/scene_estimate.hpp"
#include "core/session.hpp"

using namespace trustdaily::core;

namespace {

const std::string kFixtures = TRUSTDAILY_FIXTURES;

const Framework& playFramework() {
  static const Framework fw = loadFramework(kFixtures + "/play/framework.json").framework;
  return fw;
}

ScenarioLoad load(const std::string& path) {
  ScenarioLoad l = loadScenarioFile(path, playFramework());
  REQUIRE(l.ok());
  return l;
}

std::size_t indexOf(const Scenario& s, const std::string& id) {
  for (std::size_t i = 0; i < s.nodes.size(); ++i)
    if (s.nodes[i].id == id) return i;
  FAIL("no node " << id);
  return 0;
}

}  // namespace

TEST_CASE("tiny: four paths of two scenes and one of one give 'about 2' at the start") {
  const ScenarioLoad l = load(kFixtures + "/play/tiny.json");
  const Scenario& s = *l.scenario;
  SceneEstimate e(s, *l.analysis);
  const std::size_t ask = indexOf(s, "ask");
  CHECK(e.typicalLeft(ask) == 2);
  CHECK(e.fewestLeft(ask) == 1);  // straight to the failure
  CHECK(e.mostLeft(ask) == 2);
  CHECK(e.at(ask, 0) == ScenePosition{1, 2, false});
  CHECK(sceneText(e.at(ask, 0)) == "Scene 1 of about 2");
  // From "plan" every path has one scene left: exact.
  CHECK(e.at(indexOf(s, "plan"), 1) == ScenePosition{2, 2, true});
  CHECK(sceneText(e.at(indexOf(s, "plan"), 1)) == "Scene 2 of 2");
  // At an ending, the last scene taken is the last.
  CHECK(e.at(indexOf(s, "shipped"), 2) == ScenePosition{2, 2, true});
}

TEST_CASE("share: the median follows the many long paths, not the one short one") {
  const ScenarioLoad l = load(kFixtures + "/share/share.json");
  const Scenario& s = *l.scenario;
  SceneEstimate e(s, *l.analysis);
  // heard: 3 choices to call; call: 2 choices to review (2 endings each) and
  // one to failure: 12 paths of three scenes, 3 of two.
  CHECK(e.typicalLeft(indexOf(s, "heard")) == 3);
  CHECK(sceneText(e.at(indexOf(s, "heard"), 0)) == "Scene 1 of about 3");
  CHECK(sceneText(e.at(indexOf(s, "call"), 1)) == "Scene 2 of about 3");
  CHECK(sceneText(e.at(indexOf(s, "review"), 2)) == "Scene 3 of 3");
}

TEST_CASE("the estimate follows a session's steps and never falls below the scene") {
  const ScenarioLoad l = load(kFixtures + "/share/share.json");
  SceneEstimate e(*l.scenario, *l.analysis);
  Session session(l.scenario, l.analysis);
  std::vector<std::string> seen;
  while (!session.finished()) {
    const ScenePosition p = e.at(session.state().node, session.history().size());
    CHECK(p.total >= p.scene);
    seen.push_back(sceneText(p));
    session.chooseByIndex(session.choices().back().index);  // the last offered
  }
  // heard (3rd choice) -> call (3rd: straight to failure): two scenes, not three.
  CHECK(seen == std::vector<std::string>{"Scene 1 of about 3", "Scene 2 of about 3"});
  CHECK(e.at(session.state().node, session.history().size()) == ScenePosition{2, 2, true});
}

TEST_CASE("a choice no play can be offered adds no path; an unreached scene counts them all") {
  // "detour" needs trust no path can give (engineering starts at 50 and only
  // +5 is on offer): its four-scene branch is never taken.
  const std::string text = R"({
  "format": 1, "id": "gated", "title": "Gated", "summary": "A gate nobody passes.",
  "partners": ["engineering"], "situation": "estimate-pushback", "difficulty": 1, "minutes": 1,
  "cast": {"maya": {"name": "Maya", "role": "Lead", "partner": "engineering"}},
  "start": "a",
  "nodes": {
    "a": {"speaker": "maya", "text": "A?", "choices": [
      {"text": "On", "next": "b", "score": {"context": 1}, "trust": {"engineering": 5}, "feedback": "On."},
      {"text": "Detour", "next": "d1", "requires": {"trust_min": {"engineering": 90}},
       "score": {"context": 2}, "feedback": "Detour."},
      {"text": "Stop", "next": "end", "score": {"context": -1}, "feedback": "Stop."}]},
    "b": {"speaker": "maya", "text": "B?", "choices": [
      {"text": "Yes", "next": "end", "score": {"context": 1}, "feedback": "Yes."},
      {"text": "No", "next": "end", "score": {"context": -1}, "feedback": "No."}]},
    "d1": {"speaker": "maya", "text": "D1", "choices": [{"text": "Go", "next": "d2"}]},
    "d2": {"speaker": "maya", "text": "D2", "choices": [{"text": "Go", "next": "d3"}]},
    "d3": {"speaker": "maya", "text": "D3", "choices": [{"text": "Go", "next": "end"}]},
    "end": {"ending": "success", "text": "Done.", "lesson": "Gates."}
  }
})";
  const ScenarioLoad l = loadScenarioBytes(text, "gated.json", playFramework());
  REQUIRE(l.ok());
  REQUIRE(l.analysis->complete);
  const Scenario& s = *l.scenario;
  SceneEstimate e(s, *l.analysis);
  // From a: a-b-end twice, a-end once; the detour (four scenes) is not a path.
  CHECK(e.mostLeft(indexOf(s, "a")) == 2);
  CHECK(sceneText(e.at(indexOf(s, "a"), 0)) == "Scene 1 of about 2");
  // d1 is never reached: its own choices count (a playtest may start there).
  CHECK(sceneText(e.at(indexOf(s, "d1"), 0)) == "Scene 1 of 3");
}
