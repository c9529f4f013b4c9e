// The play session: choosing, clamping, conditions, rewind, debrief.
#include <doctest/doctest.h>

#include "core/analysis.hpp"
#include "core/session.hpp"
#include "support/load_helpers.hpp"
#include "support/scenario_gen.hpp"

using namespace trustdaily;

namespace {

std::shared_ptr<const core::Analysis> analyse(const core::Scenario& s) {
  return std::make_shared<const core::Analysis>(core::analyzeScenario(s).analysis);
}

// Small hand-written scenario: trust swings and a gated choice.
const char* kGated = R"({
  "format": 1, "id": "gated", "title": "Gated", "summary": "s",
  "partners": ["engineering", "legal"], "situation": "x", "difficulty": 1,
  "cast": {"kim": {"name": "Kim", "role": "Lead", "partner": "engineering"}},
  "start": "a",
  "nodes": {
    "a": {"speaker": "kim", "text": "A", "choices": [
      {"text": "up", "next": "b", "trust": {"engineering": 30}, "score": {"context": 2}, "feedback": "f", "sets": ["warm"]},
      {"text": "down", "next": "b", "trust": {"engineering": -30}, "score": {"context": -2}, "feedback": "f"}]},
    "b": {"speaker": "kim", "text": "B", "choices": [
      {"text": "up again", "next": "c", "trust": {"engineering": 30}},
      {"text": "down again", "next": "c", "trust": {"engineering": -30}}]},
    "c": {"speaker": "narrator", "text": "C", "choices": [
      {"text": "only when warm", "next": "win", "requires": {"flags": ["warm"], "trust_min": {"engineering": 100}}, "score": {"influence": 3}, "feedback": "f"},
      {"text": "only when cold", "next": "lose", "requires": {"trust_max": {"engineering": 0}}, "score": {"influence": -1}, "feedback": "f"},
      {"text": "always", "next": "meh"}]},
    "win": {"ending": "success", "text": "w", "lesson": "l"},
    "meh": {"ending": "mixed", "text": "m", "lesson": "l"},
    "lose": {"ending": "failure", "text": "x", "lesson": "l"}
  }})";

std::vector<std::string> offeredTexts(const core::Session& s) {
  std::vector<std::string> out;
  for (const auto& o : s.choices()) out.push_back(o.choice->text);
  return out;
}

}  // namespace

TEST_CASE("trust is clamped at 100 and at 0 and the outcome reports the real change") {
  auto sc = testing::modelFromText(kGated, "gated");
  REQUIRE(sc);
  core::Session up(sc, analyse(*sc));
  auto o1 = up.choose(0);
  CHECK(o1.trustDelta.at("engineering") == 30);
  auto o2 = up.choose(0);
  CHECK(up.state().trust.at("engineering") == 100);
  CHECK(o2.trustDelta.at("engineering") == 20);  // 80 -> 100, not 110

  core::Session down(sc, analyse(*sc));
  down.choose(1);
  down.choose(1);
  CHECK(down.state().trust.at("engineering") == 0);
  CHECK(down.state().trust.at("legal") == 50);
}

TEST_CASE("conditions hide and show choices") {
  auto sc = testing::modelFromText(kGated, "gated");
  REQUIRE(sc);
  core::Session warm(sc, analyse(*sc));
  warm.choose(0);
  warm.choose(0);
  CHECK(offeredTexts(warm) == std::vector<std::string>{"only when warm", "always"});
  core::Session cold(sc, analyse(*sc));
  cold.choose(1);
  cold.choose(1);
  CHECK(offeredTexts(cold) == std::vector<std::string>{"only when cold", "always"});
  core::Session middle(sc, analyse(*sc));
  middle.choose(0);  // warm flag but trust 80 -> 50
  middle.choose(1);
  CHECK(offeredTexts(middle) == std::vector<std::string>{"always"});
  CHECK_THROWS_AS(middle.chooseByIndex(0), std::out_of_range);
}

TEST_CASE("a misstep is a negative score sum or a step straight into failure") {
  auto sc = testing::modelFromText(kGated, "gated");
  REQUIRE(sc);
  core::Session s(sc, analyse(*sc));
  CHECK(s.choose(1).misstep);        // context -2
  CHECK_FALSE(s.choose(1).misstep);  // unscored beat
  auto last = s.choose(0);           // "only when cold" -> failure
  CHECK(last.misstep);
  CHECK(s.finished());
  auto d = s.debrief();
  CHECK(d.ending == core::EndingKind::Failure);
  CHECK(d.missteps.size() == 2);
  CHECK(d.trustChange.at("engineering") == -50);
  CHECK(d.totals.at("context") == -2);
  CHECK(d.bestTotals.at("context") == 2);
  CHECK(d.bestTotals.at("influence") == 3);
  CHECK(d.percent == 0);
}

TEST_CASE("rewind restores node, flags, trust and totals exactly, on random paths") {
  int rewinds = 0;
  for (std::uint64_t seed = 1; seed <= 120; ++seed) {
    testing::GenOptions o;
    o.seed = seed;
    o.nodes = 16;
    o.chain = true;
    o.flags = 3;
    o.conditionRate = 0.5;
    auto sc = testing::modelFromText(testing::generateScenario(o), "gen");
    REQUIRE(sc);
    auto an = analyse(*sc);
    // Play a random path, remembering each state and the choice taken.
    core::Session s(sc, an);
    std::vector<core::PlayState> states;
    std::vector<std::size_t> picks;
    std::uint64_t r = seed;
    while (!s.finished()) {
      auto offer = s.choices();
      REQUIRE_FALSE(offer.empty());
      r = r * 6364136223846793005ULL + 1442695040888963407ULL;
      std::size_t pick = static_cast<std::size_t>((r >> 33) % offer.size());
      states.push_back(s.state());
      picks.push_back(offer[pick].index);
      s.chooseByIndex(offer[pick].index);
    }
    const core::PlayState end = s.state();
    for (std::size_t step = 0; step < picks.size(); ++step) {
      core::Session t(sc, an);
      for (std::size_t i = 0; i < picks.size(); ++i) t.chooseByIndex(picks[i]);
      t.rewindTo(step);
      CHECK(t.state() == states[step]);
      CHECK(t.history().size() == step);
      // Re-choosing the same choices gives the identical end state.
      for (std::size_t i = step; i < picks.size(); ++i) t.chooseByIndex(picks[i]);
      CHECK(t.state() == end);
      ++rewinds;
    }
  }
  CHECK(rewinds > 300);
}

TEST_CASE("replaying a misstep with another choice equals playing that path fresh") {
  auto sc = testing::modelFromText(kGated, "gated");
  REQUIRE(sc);
  auto an = analyse(*sc);
  core::Session replay(sc, an);
  replay.choose(1);  // misstep
  replay.choose(0);
  replay.rewindTo(0);
  replay.choose(0);
  replay.choose(0);
  core::Session fresh(sc, an);
  fresh.choose(0);
  fresh.choose(0);
  CHECK(replay.state() == fresh.state());
  CHECK(replay.history().size() == fresh.history().size());
}

TEST_CASE("choosing when finished or out of range is refused") {
  auto sc = testing::modelFromText(kGated, "gated");
  REQUIRE(sc);
  core::Session s(sc, analyse(*sc));
  CHECK_THROWS_AS(s.choose(5), std::out_of_range);
  s.choose(0);
  s.choose(0);
  s.choose(1);  // "always" (index 1 among offered: warm, always)
  CHECK(s.finished());
  CHECK(s.choices().empty());
  CHECK_THROWS_AS(s.choose(0), std::out_of_range);
  CHECK_THROWS_AS(s.rewindTo(9), std::out_of_range);
}

// ---- documents -----------------------------------------------------------

TEST_CASE("opening a document sets its flags and offers the choice it gates, at no cost") {
  auto sc = testing::fixtureModel("valid", "documents");
  REQUIRE(sc);
  core::Session s(sc, analyse(*sc));
  CHECK(offeredTexts(s).size() == 2);  // the dashboard choice is hidden
  core::PlayState before = s.state();
  const core::Document& d = s.openDocument(1);
  CHECK(d.kind == "dashboard");
  CHECK(s.state().flags == std::set<std::string>{"saw_error_dashboard"});
  CHECK(s.documentOpened(1));
  CHECK_FALSE(s.documentOpened(0));
  CHECK(offeredTexts(s).size() == 3);
  CHECK(s.state().trust == before.trust);
  CHECK(s.state().totals == before.totals);
  CHECK(s.history().empty());
  s.openDocument(1);  // again: nothing more changes
  CHECK(s.state().documentsOpened.size() == 1);
  CHECK(s.total() == 0);
}

TEST_CASE("documents read stay marked at their scene and their flags carry on") {
  auto sc = testing::fixtureModel("valid", "documents");
  REQUIRE(sc);
  core::Session s(sc, analyse(*sc));
  s.openDocument(0);  // Marco's email
  s.choose(0);        // ask how far the card form is (the only ungated choice first)
  REQUIRE(s.currentNode().id == "marco");
  CHECK_FALSE(s.documentOpened(0));  // marco has no documents
  CHECK(s.state().documentsOpened.count({sc->nodeIndex.at("standup"), 0}) == 1);
  CHECK(offeredTexts(s).front().rfind("Remind Marco", 0) == 0);  // gated by the email
}

TEST_CASE("rewind restores the documents read and their flags exactly") {
  auto sc = testing::fixtureModel("valid", "documents");
  REQUIRE(sc);
  core::Session s(sc, analyse(*sc));
  s.openDocument(1);
  core::PlayState beforeChoice = s.state();
  s.chooseByIndex(0);  // shows the dashboard
  s.chooseByIndex(2);  // "Say June is fine": a misstep into failure
  REQUIRE(s.finished());
  s.rewindTo(0);
  CHECK(s.state() == beforeChoice);
  CHECK(s.documentOpened(1));
  CHECK_FALSE(s.documentOpened(0));
  // A fresh state is not the one before: the dashboard read survives rewind.
  CHECK_FALSE(s.state() == core::initialState(*sc));
}

TEST_CASE("opening a document that does not exist, or at an ending, throws") {
  auto sc = testing::fixtureModel("valid", "documents");
  REQUIRE(sc);
  core::Session s(sc, analyse(*sc));
  CHECK_THROWS_AS(s.openDocument(2), std::out_of_range);
  s.chooseByIndex(2);  // the order: straight to failure
  REQUIRE(s.finished());
  CHECK_THROWS_AS(s.openDocument(0), std::out_of_range);
}

TEST_CASE("a choice records the documents read before it, so a replay can open them again") {
  auto sc = testing::fixtureModel("valid", "documents");
  REQUIRE(sc);
  core::Session s(sc, analyse(*sc));
  s.openDocument(1);
  s.openDocument(0);
  core::ChoiceOutcome first = s.chooseByIndex(0);
  CHECK(first.documentsRead == std::vector<std::size_t>{0, 1});  // ascending, once each
  core::ChoiceOutcome second = s.chooseByIndex(0);
  CHECK(second.documentsRead.empty());  // marco has no documents
  // Replayed from the record alone: the same state, step by step.
  core::Session replay(sc, analyse(*sc));
  for (const core::ChoiceOutcome& o : s.history()) {
    for (std::size_t d : o.documentsRead) replay.openDocument(d);
    replay.chooseByIndex(o.choiceIndex);
  }
  CHECK(replay.state() == s.state());
}
