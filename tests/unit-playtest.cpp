// Live playtest: the reload decision when the scenario file changes on disk.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "core/playtest.hpp"
#include "support/load_helpers.hpp"

using namespace trustdaily;

namespace {

const std::string kPath = "game-fixture-01.json";

std::string fixtureText() {
  std::ifstream in(std::string(TRUSTDAILY_SOURCE_DIR) +
                   "/tests/game/fixtures/game-fixture-01.json");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

core::ScenarioLoad load(const std::string& text) {
  return core::loadScenarioBytes(text, kPath, testing::repoFramework());
}

// A session at node "plan" after the strong choice at "ask".
core::Session playedToPlan(const core::ScenarioLoad& l) {
  core::Session s(l.scenario, l.analysis);
  s.chooseByIndex(0);  // intro -> ask
  s.chooseByIndex(1);  // ask -> plan, sets "explained", engineering +10, context +2
  REQUIRE(s.currentNode().id == "plan");
  return s;
}

}  // namespace

TEST_CASE("an edited text reloads at the same node with the state kept") {
  core::ScenarioLoad before = load(fixtureText());
  REQUIRE(before.ok());
  core::Session old = playedToPlan(before);

  core::ScenarioLoad after =
      load(replaced(fixtureText(), "sketches two options", "draws three options"));
  core::PlaytestReload r = core::reloadPlaytest(&old, after, "");
  CHECK(r.outcome == core::ReloadOutcome::Replayed);
  REQUIRE(r.session);
  CHECK(r.session->currentNode().id == "plan");
  CHECK(r.session->currentNode().text == "Renée draws three options on the whiteboard.");
  CHECK(r.session->state() == old.state());
  CHECK(r.session->history().size() == 2);
}

TEST_CASE("a changed score is replayed into the totals at the same node") {
  core::ScenarioLoad before = load(fixtureText());
  core::Session old = playedToPlan(before);
  core::ScenarioLoad after =
      load(replaced(fixtureText(), R"("score": { "context": 2 })", R"("score": { "context": 3 })"));
  REQUIRE(after.ok());
  core::PlaytestReload r = core::reloadPlaytest(&old, after, "");
  CHECK(r.outcome == core::ReloadOutcome::Replayed);
  CHECK(r.session->currentNode().id == "plan");
  CHECK(r.session->state().totals.at("context") == 3);
  CHECK(r.session->state().flags.count("explained") == 1);
}

TEST_CASE("when the path there changed, the same node is kept with a fresh state") {
  core::ScenarioLoad before = load(fixtureText());
  core::Session old = playedToPlan(before);
  // The strong choice at "ask" now goes straight to the ending, so the old
  // path no longer reaches "plan"; "plan" is still reachable by choice 1.
  core::ScenarioLoad after = load(replaced(fixtureText(), R"("next": "plan",
          "score": { "context": 2 })",
                                           R"("next": "end-good",
          "score": { "context": 2 })"));
  REQUIRE(after.ok());
  core::PlaytestReload r = core::reloadPlaytest(&old, after, "");
  CHECK(r.outcome == core::ReloadOutcome::SameNode);
  CHECK(r.session->currentNode().id == "plan");
  CHECK(r.session->history().empty());
  CHECK(r.session->state().flags.empty());
}

TEST_CASE("a removed node restarts at the start, or at --from") {
  core::ScenarioLoad before = load(fixtureText());
  core::Session old = playedToPlan(before);
  // Rename "plan" to "plan2" everywhere: the old node is gone.
  std::string text = fixtureText();
  for (std::size_t at = text.find("\"plan\""); at != std::string::npos;
       at = text.find("\"plan\"", at + 1)) {
    text.replace(at, 6, "\"plan2\"");
  }
  core::ScenarioLoad after = load(text);
  REQUIRE(after.ok());

  SUBCASE("without --from: the scenario's start") {
    core::PlaytestReload r = core::reloadPlaytest(&old, after, "");
    CHECK(r.outcome == core::ReloadOutcome::Restarted);
    CHECK(r.session->currentNode().id == "intro");
  }
  SUBCASE("with --from ask: that node, fresh") {
    core::PlaytestReload r = core::reloadPlaytest(&old, after, "ask");
    CHECK(r.outcome == core::ReloadOutcome::Restarted);
    CHECK(r.session->currentNode().id == "ask");
    CHECK(r.session->history().empty());
  }
}

TEST_CASE("a broken file gives its diagnostics, and the fixed file recovers the node") {
  core::ScenarioLoad good = load(fixtureText());
  core::Session old = playedToPlan(good);

  core::ScenarioLoad broken =
      load(replaced(fixtureText(), R"("next": "end-bad")", R"("next": "end-worse")"));
  core::PlaytestReload r = core::reloadPlaytest(&old, broken, "");
  CHECK(r.outcome == core::ReloadOutcome::Broken);
  CHECK_FALSE(r.session);
  REQUIRE_FALSE(r.diagnostics.empty());
  CHECK(core::hasErrors(r.diagnostics));
  auto error = std::find_if(r.diagnostics.begin(), r.diagnostics.end(),
                            [](const auto& d) { return d.severity == core::Severity::Error; });
  REQUIRE(error != r.diagnostics.end());
  std::string line = core::formatText(*error);
  CHECK(line.rfind("game-fixture-01.json:", 0) == 0);
  CHECK(line.find("end-worse") != std::string::npos);

  // The game keeps the old session while the file is broken; the fixed file
  // brings the player back where they were.
  core::PlaytestReload fixed = core::reloadPlaytest(&old, load(fixtureText()), "");
  CHECK(fixed.outcome == core::ReloadOutcome::Replayed);
  CHECK(fixed.session->currentNode().id == "plan");
  CHECK(fixed.session->state() == old.state());
}

TEST_CASE("a JSON syntax error is a diagnostic with its line and column") {
  core::Session old(load(fixtureText()).scenario, load(fixtureText()).analysis);
  core::PlaytestReload r = core::reloadPlaytest(
      &old, load(replaced(fixtureText(), "\"start\": \"intro\",", "\"start\": \"intro\"")), "");
  CHECK(r.outcome == core::ReloadOutcome::Broken);
  REQUIRE(r.diagnostics.size() >= 1);
  // The comma is missing at the end of line 13: the diagnostic points there.
  std::string line = core::formatText(r.diagnostics.front());
  CHECK(line.find("game-fixture-01.json:13:") == 0);
  CHECK(line.find("missing ',' between fields?") != std::string::npos);
}

TEST_CASE("no play in progress starts fresh") {
  core::PlaytestReload r = core::reloadPlaytest(nullptr, load(fixtureText()), "");
  CHECK(r.outcome == core::ReloadOutcome::Restarted);
  CHECK(r.session->currentNode().id == "intro");
}

TEST_CASE("a reload opens again the documents read on the way and at the current scene") {
  const std::string text = testing::fixtureText("valid", "documents");
  auto loadDocs = [](const std::string& t) {
    return core::loadScenarioBytes(t, "documents.json", testing::repoFramework());
  };
  core::ScenarioLoad before = loadDocs(text);
  REQUIRE(before.ok());
  core::Session old(before.scenario, before.analysis);
  old.openDocument(0);
  old.openDocument(1);
  old.chooseByIndex(0);  // gated by the dashboard
  REQUIRE(old.currentNode().id == "marco");

  core::ScenarioLoad edited = loadDocs(replaced(text, "corridor", "kitchen"));
  core::PlaytestReload r = core::reloadPlaytest(&old, edited, "");
  CHECK(r.outcome == core::ReloadOutcome::Replayed);
  REQUIRE(r.session);
  CHECK(r.session->state() == old.state());

  // The email removed: the path there (through the dashboard) still holds,
  // but the document read is gone, so the state is fresh at the same node.
  std::string noEmail = text;
  std::size_t from = noEmail.find(R"({"kind": "email")");
  std::size_t to = noEmail.find(R"({"kind": "dashboard")");
  noEmail.erase(from, to - from);
  noEmail = replaced(noEmail, R"("requires": {"flags": ["read_marco_email"]},)", "");
  core::ScenarioLoad gone = loadDocs(noEmail);
  REQUIRE(gone.ok());
  core::PlaytestReload g = core::reloadPlaytest(&old, gone, "");
  CHECK(g.outcome == core::ReloadOutcome::SameNode);
}

TEST_CASE("a start point is read from --from, --flags and --trust text") {
  std::string why;
  auto p = core::parseStartPoint("plan", "explained, other", "engineering=40,sales=100", why);
  REQUIRE(p);
  CHECK(p->node == "plan");
  CHECK(p->flags == std::vector<std::string>{"explained", "other"});
  CHECK(p->trust == std::map<std::string, int>{{"engineering", 40}, {"sales", 100}});
  CHECK_FALSE(core::parseStartPoint("", "", "engineering", why));
  CHECK(why == "--trust takes PARTNER=VALUE pairs such as sales=60, not 'engineering'");
  CHECK_FALSE(core::parseStartPoint("", "", "engineering=101", why));
  CHECK(why == "--trust engineering=101: the value must be a whole number from 0 to 100");
  CHECK_FALSE(core::parseStartPoint("", "", "engineering=-4", why));
}

TEST_CASE("a start point names the nearest node, flag or partner when it does not fit") {
  core::ScenarioLoad l = load(fixtureText());
  REQUIRE(l.ok());
  const core::Scenario& s = *l.scenario;
  CHECK(core::checkStartPoint(s, {"plan", {"explained"}, {{"engineering", 70}}}).empty());
  CHECK(core::checkStartPoint(s, {"plna", {}, {}}) ==
        "--from: no node 'plna' in game-fixture-01; did you mean 'plan'?");
  CHECK(core::checkStartPoint(s, {"zzz", {}, {}}) ==
        "--from: no node 'zzz' in game-fixture-01; its nodes are intro, ask, plan, end-good, "
        "end-bad");
  CHECK(core::checkStartPoint(s, {"", {"explaned"}, {}}) ==
        "--flags: no choice, document or condition of game-fixture-01 uses flag 'explaned'; "
        "did you mean 'explained'?");
  CHECK(core::checkStartPoint(s, {"", {}, {{"enginering", 40}}}) ==
        "--trust: 'enginering' is not a partner of game-fixture-01; did you mean 'engineering'?");
}

TEST_CASE("applying a start point sets the node, the flags and the trust, and nothing else") {
  core::ScenarioLoad l = load(fixtureText());
  core::Session s(l.scenario, l.analysis);
  core::applyStartPoint(s, {"plan", {"explained"}, {{"engineering", 30}}});
  CHECK(s.currentNode().id == "plan");
  CHECK(s.state().flags == std::set<std::string>{"explained"});
  CHECK(s.state().trust.at("engineering") == 30);
  CHECK(s.history().empty());
  core::applyStartPoint(s, {});
  CHECK(s.currentNode().id == "intro");
  CHECK(s.state().flags.empty());
}

TEST_CASE("hidden choices say which part of their condition fails") {
  std::string text = replaced(fixtureText(), R"("next": "end-good")",
                              R"("next": "end-good", "requires": {"flags": ["explained"],
                                 "trust_min": {"engineering": 60}})");
  core::ScenarioLoad l = load(text);
  REQUIRE(l.ok());
  core::Session s(l.scenario, l.analysis);
  core::applyStartPoint(s, {"plan", {}, {{"engineering", 40}}});
  std::vector<core::HiddenChoice> hidden = core::hiddenChoices(s);
  REQUIRE(hidden.size() == 1);
  CHECK(hidden[0].index == 0);
  CHECK(hidden[0].reason == "needs flag 'explained'; engineering trust 40, needs at least 60");
  core::applyStartPoint(s, {"plan", {"explained"}, {{"engineering", 60}}});
  CHECK(core::hiddenChoices(s).empty());

  core::Condition c;
  c.notFlags = {"blamed"};
  c.trustMax = {{"sales", 30}};
  core::PlayState st;
  st.flags = {"blamed"};
  CHECK(core::whyConditionFails(c, st) ==
        "flag 'blamed' is set (not_flags); sales trust 50, needs at most 30");
}

TEST_CASE("a reload restarting at --from keeps the start point's flags and trust") {
  core::ScenarioLoad l = load(fixtureText());
  core::PlaytestReload r = core::reloadPlaytest(
      nullptr, l, core::StartPoint{"plan", {"explained"}, {{"engineering", 70}}});
  REQUIRE(r.session);
  CHECK(r.session->currentNode().id == "plan");
  CHECK(r.session->state().flags.count("explained") == 1);
  CHECK(r.session->state().trust.at("engineering") == 70);
}
