// Live playtest: the reload decision when the scenario file changes on disk.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
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
