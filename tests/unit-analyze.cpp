// Exact analysis against a brute-force enumeration written independently
// here: every path, conditions applied, no memoisation, no shared code with
// engine/core/analysis.cpp beyond the model.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "core/analysis.hpp"
#include "support/load_helpers.hpp"
#include "support/scenario_gen.hpp"

using namespace trustdaily;

namespace {

struct BruteState {
  std::size_t node;
  std::set<std::string> flags;
  std::map<std::string, int> trust;
};

struct BruteResult {
  bool any = false;
  int best = 0;
  int worst = 0;
  std::uint64_t paths = 0;
  std::set<std::string> endings;
  std::set<std::string> nodesSeen;
  std::map<std::string, std::pair<int, int>> kindTotals;  // kind -> lowest, highest
};

int trustOf(const BruteState& s, const std::string& p) {
  auto it = s.trust.find(p);
  return it == s.trust.end() ? 50 : it->second;
}

bool offered(const core::Choice& c, const BruteState& s) {
  if (!c.condition) return true;
  const auto& k = *c.condition;
  for (const auto& f : k.flags)
    if (!s.flags.count(f)) return false;
  for (const auto& f : k.notFlags)
    if (s.flags.count(f)) return false;
  for (const auto& [p, v] : k.trustMin)
    if (trustOf(s, p) < v) return false;
  for (const auto& [p, v] : k.trustMax)
    if (trustOf(s, p) > v) return false;
  return true;
}

void walk(const core::Scenario& sc, const BruteState& s, int total, BruteResult& r) {
  const core::Node& n = sc.nodes[s.node];
  r.nodesSeen.insert(n.id);
  if (n.isEnding) {
    r.best = r.any ? std::max(r.best, total) : total;
    r.worst = r.any ? std::min(r.worst, total) : total;
    r.any = true;
    r.paths += 1;
    std::string kind(core::endingName(n.ending));
    r.endings.insert(kind);
    auto [it, fresh] = r.kindTotals.try_emplace(kind, total, total);
    it->second.first = std::min(it->second.first, total);
    it->second.second = std::max(it->second.second, total);
    return;
  }
  for (const auto& c : n.choices) {
    if (!offered(c, s)) continue;
    BruteState t = s;
    t.node = c.nextIndex;
    for (const auto& f : c.sets) t.flags.insert(f);
    for (const auto& [p, d] : c.trust) t.trust[p] = std::clamp(trustOf(s, p) + d, 0, 100);
    walk(sc, t, total + c.scoreSum, r);
  }
}

BruteResult bruteForce(const core::Scenario& sc) {
  BruteResult r;
  walk(sc, BruteState{sc.startIndex, {}, {}}, 0, r);
  return r;
}

// Replays the analysis' best path with plain model rules (its documents
// opened first at each step): every choice offered, an ending reached, the
// best total scored.
void checkBestPathReplays(const core::Scenario& sc, const core::Analysis& a) {
  BruteState s{sc.startIndex, {}, {}};
  int total = 0;
  for (const auto& step : a.bestPath) {
    const core::Node& n = sc.nodes[s.node];
    REQUIRE(n.id == step.nodeId);
    for (std::size_t d : step.documents)
      s.flags.insert(n.documents.at(d).sets.begin(), n.documents.at(d).sets.end());
    const core::Choice& c = n.choices.at(step.choiceIndex);
    REQUIRE(offered(c, s));
    total += c.scoreSum;
    for (const auto& f : c.sets) s.flags.insert(f);
    for (const auto& [p, d] : c.trust) s.trust[p] = std::clamp(trustOf(s, p) + d, 0, 100);
    s.node = c.nextIndex;
  }
  CHECK(sc.nodes[s.node].isEnding);
  CHECK(total == a.bestTotal);
}

}  // namespace

TEST_CASE("analysis equals brute-force enumeration on random scenarios with conditions") {
  int compared = 0, withConditions = 0;
  for (std::uint64_t seed = 1; seed <= 300; ++seed) {
    testing::GenOptions o;
    o.seed = seed;
    o.nodes = 6 + static_cast<int>(seed % 12);
    o.maxChoices = 2 + static_cast<int>(seed % 4);
    o.flags = static_cast<int>(seed % 4);
    o.conditionRate = 0.5;
    o.id = "gen";
    std::string text = testing::generateScenario(o);
    core::ScenarioPtr sc = testing::modelFromText(text, "gen");
    REQUIRE_MESSAGE(sc != nullptr, "generator produced an invalid file for seed " << seed);
    core::AnalysisResult ar = core::analyzeScenario(*sc);
    BruteResult br = bruteForce(*sc);
    CAPTURE(seed);
    if (!br.any) {
      CHECK(ar.analysis.paths == 0);
      continue;
    }
    CHECK(ar.analysis.bestTotal == br.best);
    CHECK(ar.analysis.worstTotal == br.worst);
    CHECK(ar.analysis.paths == br.paths);
    CHECK(std::vector<std::string>(br.endings.begin(), br.endings.end()) == ar.analysis.endings);
    std::set<std::string> reach(ar.analysis.reachableNodes.begin(),
                                ar.analysis.reachableNodes.end());
    CHECK(reach == br.nodesSeen);
    REQUIRE(ar.analysis.endingRanges.size() == br.kindTotals.size());
    for (const auto& r : ar.analysis.endingRanges) {
      const auto& [lowest, highest] = br.kindTotals.at(std::string(core::endingName(r.kind)));
      CHECK(r.lowestTotal == lowest);
      CHECK(r.highestTotal == highest);
      CHECK(r.lowestPercent == ar.analysis.percentOf(lowest));
      CHECK(r.highestPercent == ar.analysis.percentOf(highest));
    }
    ++compared;
    for (const auto& n : sc->nodes)
      for (const auto& c : n.choices) withConditions += c.condition.has_value();
  }
  CHECK(compared > 250);
  CHECK(withConditions > 300);  // the conditions really were exercised
}

TEST_CASE("the best path is a real path that scores the best total") {
  for (std::uint64_t seed = 1; seed <= 100; ++seed) {
    testing::GenOptions o;
    o.seed = seed;
    o.nodes = 14;
    o.chain = true;
    std::string text = testing::generateScenario(o);
    core::ScenarioPtr sc = testing::modelFromText(text, "gen");
    REQUIRE(sc != nullptr);
    core::Analysis a = core::analyzeScenario(*sc).analysis;
    REQUIRE(a.complete);
    // Replay it with plain model rules.
    CAPTURE(seed);
    checkBestPathReplays(*sc, a);
  }
}

namespace {

// Replays a path with plain model rules; returns its total, or nullopt when
// a step is not offered or the path does not end on an ending of `kind`.
std::optional<int> replay(const core::Scenario& sc, const std::vector<core::PathStep>& path,
                          core::EndingKind kind) {
  BruteState s{sc.startIndex, {}, {}};
  int total = 0;
  for (const auto& step : path) {
    const core::Node& n = sc.nodes[s.node];
    if (n.id != step.nodeId || step.choiceIndex >= n.choices.size()) return std::nullopt;
    const core::Choice& c = n.choices[step.choiceIndex];
    if (!offered(c, s)) return std::nullopt;
    total += c.scoreSum;
    for (const auto& f : c.sets) s.flags.insert(f);
    for (const auto& [p, d] : c.trust) s.trust[p] = std::clamp(trustOf(s, p) + d, 0, 100);
    s.node = c.nextIndex;
  }
  const core::Node& end = sc.nodes[s.node];
  if (!end.isEnding || end.ending != kind) return std::nullopt;
  return total;
}

}  // namespace

TEST_CASE("each ending kind's lowest and highest path is a real path scoring that total") {
  int checked = 0;
  for (std::uint64_t seed = 1; seed <= 150; ++seed) {
    testing::GenOptions o;
    o.seed = seed;
    o.nodes = 8 + static_cast<int>(seed % 10);
    o.maxChoices = 2 + static_cast<int>(seed % 3);
    o.flags = static_cast<int>(seed % 3);
    o.conditionRate = 0.4;
    o.id = "gen";
    core::ScenarioPtr sc = testing::modelFromText(testing::generateScenario(o), "gen");
    REQUIRE(sc != nullptr);
    core::Analysis a = core::analyzeScenario(*sc).analysis;
    if (!a.complete) continue;
    CAPTURE(seed);
    for (const auto& r : a.endingRanges) {
      CHECK(replay(*sc, r.lowestPath, r.kind) == r.lowestTotal);
      CHECK(replay(*sc, r.highestPath, r.kind) == r.highestTotal);
      CHECK(a.endingRange(r.kind) == &r);
      ++checked;
    }
  }
  CHECK(checked > 200);
}

TEST_CASE("endingRange is null for a kind no complete path reaches") {
  core::Analysis a;
  a.endingRanges.push_back(core::EndingRange{});  // success only
  CHECK(a.endingRange(core::EndingKind::Success) != nullptr);
  CHECK(a.endingRange(core::EndingKind::Failure) == nullptr);
}

TEST_CASE("path counts are exact in 64 bits and say when they saturate") {
  // 64 binary decisions in a row: 2^64 paths, one more than fits.
  auto chain = [](int layers) {
    std::string nodes;
    for (int i = 0; i < layers; ++i) {
      std::string next = i + 1 < layers ? std::string("d") + std::to_string(i + 1) : "end";
      nodes += "\"d";
      nodes += std::to_string(i);
      nodes += std::string("\": {\"speaker\": \"narrator\", \"text\": \"x\", \"choices\": [") +
               "{\"text\": \"a\", \"next\": \"" + next +
               "\", \"score\": {\"context\": 1}, \"feedback\": \"f\"}," +
               "{\"text\": \"b\", \"next\": \"" + next + "\"}]},";
    }
    return std::string("{\"format\": 1, \"id\": \"wide\", \"title\": \"t\", \"summary\": \"s\", ") +
           "\"partners\": [\"engineering\"], \"situation\": \"x\", \"difficulty\": 1, \"cast\": "
           "{}, " +
           "\"start\": \"d0\", \"nodes\": {" + nodes +
           "\"end\": {\"ending\": \"success\", \"text\": \"e\", \"lesson\": \"l\"}}}";
  };
  auto sc63 = testing::modelFromText(chain(63), "wide");
  REQUIRE(sc63);
  core::Analysis a63 = core::analyzeScenario(*sc63).analysis;
  CHECK(a63.paths == (std::uint64_t{1} << 63));
  CHECK_FALSE(a63.pathsSaturated);
  auto sc64 = testing::modelFromText(chain(64), "wide");
  REQUIRE(sc64);
  core::Analysis a64 = core::analyzeScenario(*sc64).analysis;
  CHECK(a64.pathsSaturated);
  CHECK(a64.paths == UINT64_MAX);
  CHECK(a64.bestTotal == 64);
  CHECK(a64.worstTotal == 0);
}

TEST_CASE("a scenario over the state budget is an error naming the budget") {
  auto sc = testing::modelFromText(testing::generateBudgetScenario(12, "budget"), "budget");
  REQUIRE(sc);
  core::AnalysisResult within = core::analyzeScenario(*sc, 100000);
  CHECK(within.analysis.complete);
  CHECK(within.analysis.states > 8000);  // 2^12 flag combinations at the gate alone
  core::AnalysisResult over = core::analyzeScenario(*sc, 1000);
  CHECK_FALSE(over.analysis.complete);
  REQUIRE(core::hasErrors(over.diagnostics));
  const auto& d = over.diagnostics.back();
  CHECK(d.code == core::DiagCode::BudgetExceeded);
  CHECK(d.message.find("1000 distinct states") != std::string::npos);
}

TEST_CASE("percentages round half up against the best total and floor at zero") {
  core::Analysis a;
  a.bestTotal = 8;
  CHECK(a.percentOf(8) == 100);
  CHECK(a.percentOf(1) == 13);  // 12.5 -> 13
  CHECK(a.percentOf(3) == 38);  // 37.5 -> 38
  CHECK(a.percentOf(-5) == 0);
  a.bestTotal = 3;
  CHECK(a.percentOf(2) == 67);
}

// ---- the documents extension -------------------------------------------

namespace {

// Brute force over documents: at a scene, every subset of its documents is
// opened (their flags added) and then every offered choice taken.
struct DocumentBrute {
  bool any = false;
  int best = 0;
  int worst = 0;
  std::set<std::string> endings;
  std::set<std::string> nodesSeen;
  bool stuck = false;
  std::set<std::vector<std::size_t>> choiceSequences;  // distinct choices made
  // sequences of (documents opened, choice)
  std::uint64_t openedAndChosen = 0;
};

void walkDocuments(const core::Scenario& sc, const BruteState& s, int total,
                   std::vector<std::size_t>& choices, DocumentBrute& r) {
  const core::Node& n = sc.nodes[s.node];
  r.nodesSeen.insert(n.id);
  if (n.isEnding) {
    r.best = r.any ? std::max(r.best, total) : total;
    r.worst = r.any ? std::min(r.worst, total) : total;
    r.any = true;
    r.endings.insert(std::string(core::endingName(n.ending)));
    r.choiceSequences.insert(choices);
    r.openedAndChosen += 1;
    return;
  }
  for (unsigned subset = 0; subset < (1u << n.documents.size()); ++subset) {
    BruteState opened = s;
    for (std::size_t d = 0; d < n.documents.size(); ++d)
      if (subset >> d & 1)
        opened.flags.insert(n.documents[d].sets.begin(), n.documents[d].sets.end());
    bool any = false;
    for (std::size_t i = 0; i < n.choices.size(); ++i) {
      const core::Choice& c = n.choices[i];
      if (!offered(c, opened)) continue;
      any = true;
      BruteState t = opened;
      t.node = c.nextIndex;
      for (const auto& f : c.sets) t.flags.insert(f);
      for (const auto& [p, d] : c.trust) t.trust[p] = std::clamp(trustOf(t, p) + d, 0, 100);
      choices.push_back(i);
      walkDocuments(sc, t, total + c.scoreSum, choices, r);
      choices.pop_back();
    }
    r.stuck = r.stuck || !any;
  }
}

bool hasCode(const std::vector<core::Diagnostic>& ds, core::DiagCode code) {
  return std::any_of(ds.begin(), ds.end(),
                     [&](const core::Diagnostic& d) { return d.code == code; });
}

}  // namespace

TEST_CASE(
    "with documents, analysis equals a brute force that opens every subset before each choice") {
  int compared = 0, withDocuments = 0, documentsMattered = 0;
  for (std::uint64_t seed = 1; seed <= 300; ++seed) {
    testing::GenOptions o;
    o.seed = seed;
    o.nodes = 6 + static_cast<int>(seed % 8);
    o.maxChoices = 2 + static_cast<int>(seed % 4);
    o.flags = 1 + static_cast<int>(seed % 4);
    o.conditionRate = 0.5;
    o.documentRate = 0.5;
    std::string text = testing::generateScenario(o);
    core::ScenarioPtr sc = testing::modelFromText(text, "gen");
    REQUIRE_MESSAGE(sc != nullptr, "generator produced an invalid file for seed " << seed);
    core::AnalysisResult ar = core::analyzeScenario(*sc);
    DocumentBrute br;
    std::vector<std::size_t> choices;
    walkDocuments(*sc, BruteState{sc->startIndex, {}, {}}, 0, choices, br);
    CAPTURE(seed);
    CHECK(hasCode(ar.diagnostics, core::DiagCode::Stuck) == br.stuck);
    if (!br.any) {
      CHECK(ar.analysis.paths == 0);
      continue;
    }
    CHECK(ar.analysis.bestTotal == br.best);
    CHECK(ar.analysis.worstTotal == br.worst);
    CHECK(std::vector<std::string>(br.endings.begin(), br.endings.end()) == ar.analysis.endings);
    std::set<std::string> reach(ar.analysis.reachableNodes.begin(),
                                ar.analysis.reachableNodes.end());
    CHECK(reach == br.nodesSeen);
    // A path is told apart by its choices and the states they lead to: at
    // least the distinct choice sequences, at most every way of opening.
    CHECK(ar.analysis.paths >= br.choiceSequences.size());
    CHECK(ar.analysis.paths <= br.openedAndChosen);
    ++compared;
    bool docs = std::any_of(sc->nodes.begin(), sc->nodes.end(),
                            [](const core::Node& n) { return !n.documents.empty(); });
    withDocuments += docs;
    documentsMattered += docs && br.best != bruteForce(*sc).best;
  }
  CHECK(compared > 200);
  CHECK(withDocuments > 150);
  CHECK(documentsMattered > 5);  // opening really changed the best total somewhere
}

TEST_CASE("the best path names the documents to open, and replays to the best total") {
  int opened = 0;
  for (std::uint64_t seed = 1; seed <= 300; ++seed) {
    testing::GenOptions o;
    o.seed = seed;
    o.nodes = 12;
    o.chain = seed % 2 == 0;
    o.flags = 3;
    o.conditionRate = 0.6;
    o.documentRate = 0.6;
    core::ScenarioPtr sc = testing::modelFromText(testing::generateScenario(o), "gen");
    REQUIRE(sc != nullptr);
    core::Analysis a = core::analyzeScenario(*sc).analysis;
    if (!a.complete) continue;  // a generated file may leave a player stuck
    CAPTURE(seed);
    checkBestPathReplays(*sc, a);
    opened += std::any_of(a.bestPath.begin(), a.bestPath.end(),
                          [](const core::PathStep& st) { return !st.documents.empty(); });
  }
  CHECK(opened > 5);  // some best paths really open documents
}

TEST_CASE("a document whose flag gates a choice counts toward the best total") {
  core::ScenarioPtr sc = testing::fixtureModel("valid", "documents");
  REQUIRE(sc);
  core::AnalysisResult ar = core::analyzeScenario(*sc);
  CHECK(ar.diagnostics.empty());
  const core::Analysis& a = ar.analysis;
  CHECK(a.bestTotal == 4);  // both gated choices, +2 each
  CHECK(a.worstTotal == -2);
  CHECK(a.endings == std::vector<std::string>{"failure", "mixed", "success"});
  // standup: opened nothing (ask +1 -> marco without the email: 2 endings,
  // or the order -> failure), the dashboard (also show it -> the same
  // states), the email (ask -> marco with the email: 3), both (show -> 3).
  CHECK(a.paths == 11);
  REQUIRE(a.bestPath.size() == 2);
  // The strong path opens both documents at standup: the dashboard for the
  // first choice, the email for the one at marco.
  CHECK(a.bestPath[0] == core::PathStep{"standup", 0, {0, 1}});
  CHECK(a.bestPath[1] == core::PathStep{"marco", 0, {}});
}

TEST_CASE("documents whose flags no condition reads change neither paths nor states") {
  core::ScenarioPtr sc = testing::fixtureModel("valid", "documents");
  REQUIRE(sc);
  core::Scenario plain = *sc;
  for (auto& n : plain.nodes) n.documents.clear();
  core::Scenario idle = plain;
  for (auto& n : idle.nodes)
    if (!n.isEnding)
      n.documents.push_back(core::Document{"Idle", "notes", "Nothing.", {"unread"}, {}});
  core::Analysis a = core::analyzeScenario(plain).analysis;
  core::Analysis b = core::analyzeScenario(idle).analysis;
  CHECK(a.paths == b.paths);
  CHECK(a.states == b.states);
  CHECK(a.bestTotal == b.bestTotal);
  CHECK(b.bestPath == a.bestPath);  // nothing to open on the way
}

TEST_CASE("a flag no later condition reads does not split states (exact, fewer states)") {
  // Two routes to b set different flags; only a, before them, reads one.
  auto sc = testing::modelFromText(R"({
    "format": 1, "id": "dead", "title": "t", "summary": "s", "partners": ["engineering"],
    "situation": "x", "difficulty": 1, "cast": {}, "start": "a",
    "nodes": {
      "a": {"speaker": "narrator", "text": "A", "choices": [
        {"text": "x", "next": "b", "sets": ["used"], "score": {"context": 1}, "feedback": "f"},
        {"text": "y", "next": "b", "requires": {"not_flags": ["used"]}}]},
      "b": {"speaker": "narrator", "text": "B", "choices": [
        {"text": "win", "next": "win", "score": {"context": 1}, "feedback": "f"},
        {"text": "lose", "next": "lose", "score": {"context": -1}, "feedback": "f"}]},
      "win": {"ending": "success", "text": "w", "lesson": "l"},
      "lose": {"ending": "failure", "text": "x", "lesson": "l"}}})",
                                   "dead");
  REQUIRE(sc);
  core::Analysis a = core::analyzeScenario(*sc).analysis;
  CHECK(a.states == 2);  // a, and b once: 'used' is dead after a
  CHECK(a.paths == 4);
  CHECK(a.bestTotal == 2);
}
