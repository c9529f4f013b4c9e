// The coverage report (engine/core/coverage.cpp): surface-rule players,
// best-choice statistics, shared prose and the library targets.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/analysis.hpp"
#include "core/coverage.hpp"
#include "core/loader.hpp"
#include "support/load_helpers.hpp"

using namespace trustdaily;

namespace {

// One decision: `texts` in file order, the choice at `best` wins (+2, to a
// success ending), every other one loses (-1, to a failure ending).
std::string oneDecision(const std::string& id, const std::vector<std::string>& texts,
                        std::size_t best, const std::string& partner = "engineering",
                        const std::string& situation = "bad-news", int difficulty = 1,
                        const std::string& feedback = "It lands.") {
  std::string choices;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    if (i) choices += ",";
    bool win = i == best;
    choices += R"({"text": ")" + texts[i] + R"(", "next": ")" + (win ? "win" : "lose") +
               R"(", "score": {"context": )" + (win ? "2" : "-1") + R"(}, "feedback": ")" +
               feedback + " " + std::to_string(i) + R"("})";
  }
  return R"({"format": 1, "id": ")" + id + R"(", "title": "T", "summary": "S", "partners": [")" +
         partner + R"("], "situation": ")" + situation + R"(", "difficulty": )" +
         std::to_string(difficulty) + R"(, "cast": {}, "start": "a", "nodes": {
    "a": {"speaker": "narrator", "text": "A", "choices": [)" +
         choices + R"(]},
    "win": {"ending": "success", "text": "W", "lesson": "Lesson )" +
         id + R"(."},
    "lose": {"ending": "failure", "text": "X", "lesson": "Other )" +
         id + R"(."}}})";
}

struct Loaded {
  std::vector<core::ScenarioPtr> scenarios;
  std::vector<std::shared_ptr<const core::Analysis>> analyses;
  void add(const std::string& text, const std::string& id) {
    core::ScenarioLoad l = core::loadScenarioBytes(text, id + ".json", testing::repoFramework());
    REQUIRE_MESSAGE(l.ok(), id);
    scenarios.push_back(l.scenario);
    analyses.push_back(l.analysis);
  }
};

const core::SurfaceRule& rule(const std::string& name) {
  const auto& rules = core::surfaceRules();
  auto it = std::find_if(rules.begin(), rules.end(), [&](const auto& r) { return r.name == name; });
  REQUIRE(it != rules.end());
  return *it;
}

core::RuleRun play(const Loaded& l, std::size_t i, const std::string& name) {
  return core::playSurfaceRule(l.scenarios[i], l.analyses[i], rule(name));
}

}  // namespace

TEST_CASE("the longest-text player wins exactly when the best choice is the longest") {
  Loaded l;
  l.add(oneDecision("a", {"Short one", "The much longer and more thoughtful one", "Mid length"}, 1),
        "a");
  l.add(oneDecision("b", {"Short one", "The much longer and more thoughtful one", "Mid length"}, 0),
        "b");
  CHECK(play(l, 0, "longest").ending == core::EndingKind::Success);
  CHECK(play(l, 0, "longest").percent == 100);
  CHECK(play(l, 1, "longest").ending == core::EndingKind::Failure);
  CHECK(play(l, 1, "shortest").ending == core::EndingKind::Success);
}

TEST_CASE("fixed-slot players take the last choice when a decision has fewer") {
  Loaded l;
  l.add(oneDecision("a", {"One", "Two", "Three"}, 2), "a");
  CHECK(play(l, 0, "slot-third").ending == core::EndingKind::Success);
  CHECK(play(l, 0, "slot-sixth").ending == core::EndingKind::Success);
  CHECK(play(l, 0, "slot-first").ending == core::EndingKind::Failure);
  CHECK(play(l, 0, "last").ending == core::EndingKind::Success);
}

TEST_CASE("wording players match whole words, typographic apostrophes included") {
  Loaded l;
  l.add(oneDecision("a", {"Focus on meeting notes", "Say that\u2019s on me.", "Wait"}, 1), "a");
  l.add(oneDecision("b", {"Focus on meeting notes", "Ask Ravi what he needs?", "Thank Ravi"}, 0),
        "b");
  CHECK(play(l, 0, "owns-it").ending == core::EndingKind::Success);  // not "on meeting"
  CHECK(play(l, 1, "owns-it").ending == core::EndingKind::Success);  // no match: the first
  CHECK(play(l, 1, "asks").ending == core::EndingKind::Failure);
  CHECK(play(l, 1, "no-hedges").ending == core::EndingKind::Success);
}

TEST_CASE("best-choice statistics count slots, longest and shortest") {
  Loaded l;
  l.add(oneDecision("a", {"Short", "The longest choice by far here", "Middling text"}, 1), "a");
  l.add(oneDecision("b", {"Tiny", "Longer than tiny", "Longest of the three here"}, 0), "b");
  core::LibraryCoverage c =
      core::computeCoverage(l.scenarios, l.analyses, testing::repoFramework(), {});
  REQUIRE(c.bestChoices.size() == 2);
  CHECK(c.bestChoices[0].slot == 1);
  CHECK(c.bestChoices[0].longest);
  CHECK(c.bestChoices[1].slot == 0);
  CHECK(c.bestChoices[1].shortest);
  CHECK(c.rewardedInBest.at("context") == 2);
  CHECK(c.penalisedInWorst.at("context") == 2);
  // Slot 3 never holds the best: a missed target that names it.
  auto missed = std::find_if(c.targetsMissed.begin(), c.targetsMissed.end(),
                             [](const auto& t) { return t.rfind("slot 3 ", 0) == 0; });
  CHECK(missed != c.targetsMissed.end());
}

TEST_CASE("a feedback sentence reused in two scenarios is a missed target") {
  Loaded l;
  const std::string shared = "The team hears the real reason and plans around it.";
  l.add(oneDecision("a", {"One", "Two"}, 0, "engineering", "bad-news", 1, shared), "a");
  l.add(oneDecision("b", {"One", "Two"}, 1, "engineering", "bad-news", 1, shared), "b");
  l.add(oneDecision("c", {"One", "Two"}, 1, "engineering", "bad-news", 1, "Short."), "c");
  core::LibraryCoverage c =
      core::computeCoverage(l.scenarios, l.analyses, testing::repoFramework(), {});
  REQUIRE(c.sharedSentences.size() == 1);
  CHECK(c.sharedSentences[0].sentence == "the team hears the real reason and plans around it.");
  CHECK(c.sharedSentences[0].scenarios == std::vector<std::string>{"a", "b"});
}

TEST_CASE("library targets: partners, core situations, difficulty and surface rules") {
  Loaded l;
  for (int i = 0; i < 5; ++i) {
    std::string id = std::string("s").append(std::to_string(i));
    std::string feedback = std::string("Feedback number ").append(id).append(" explains itself");
    l.add(
        oneDecision(id, {"Alpha choice", "Beta", "Gamma option here"},
                    static_cast<std::size_t>(i % 3), "legal", "legal-review", 1 + i % 3, feedback),
        id);
  }
  core::LibraryCoverage c =
      core::computeCoverage(l.scenarios, l.analyses, testing::repoFramework(), {});
  auto has = [](const std::vector<std::string>& v, const std::string& start) {
    return std::any_of(v.begin(), v.end(), [&](const auto& t) { return t.rfind(start, 0) == 0; });
  };
  CHECK(has(c.targetsMet, "partner 'legal' in 5 scenarios"));
  CHECK(has(c.targetsMissed, "partner 'sales' in 0 scenarios"));
  CHECK(has(c.targetsMet, "situation 'legal-review' in 5"));
  CHECK(has(c.targetsMissed, "situation 'bad-news' in 0"));
  // The first slot wins 2 of 5 (40 %): over the one-in-five target.
  CHECK(has(c.targetsMissed, "surface rule 'slot-first': success in 2 of 5"));
}

TEST_CASE("schedule targets: consecutive days, known ids, no repeated situation") {
  Loaded l;
  l.add(oneDecision("a", {"One", "Two"}, 0, "legal", "bad-news", 1), "a");
  l.add(oneDecision("b", {"One", "Two"}, 0, "sales", "bad-news", 2), "b");
  l.add(oneDecision("c", {"One", "Two"}, 0, "design", "legal-review", 3), "c");
  core::Schedule sched{{{2026, 12, 1}, "a"}, {{2026, 12, 2}, "b"}, {{2026, 12, 4}, "zzz"}};
  std::vector<std::string> missed, met;
  core::checkSchedule(sched, l.scenarios, 3, missed, met);
  REQUIRE(missed.size() == 3);
  CHECK(missed[0] ==
        "schedule covers 3 days, 2026-12-01 to 2026-12-04, 1 gaps (target 3 consecutive days)");
  CHECK(missed[1] == "schedule ids not in the library: 1, repeated: 0 (target 0)");
  CHECK(missed[2] ==
        "schedule days sharing a situation with the day before: 1, sharing the lead partner: 0 "
        "(target 0)");
  CHECK(met.size() == 1);
}
