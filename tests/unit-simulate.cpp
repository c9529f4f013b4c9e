// Random playthroughs (engine/core/simulate.cpp) against an independent
// random walk written here over the model, with the same generator: the
// figures must agree run by run, and a fixed seed must give fixed figures.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <set>

#include "core/loader.hpp"
#include "core/simulate.hpp"
#include "support/load_helpers.hpp"

using namespace trustdaily;

namespace {

struct Walk {
  std::vector<int> percents;
  std::map<std::string, std::size_t> endings;
  std::map<std::pair<std::string, std::size_t>, std::pair<std::size_t, std::size_t>> choices;
};

// Independent of core::Session: its own state, conditions, clamping and
// rounding, per format v1.
Walk independentWalk(const core::Scenario& s, int best, std::size_t runs, std::uint64_t seed) {
  core::SplitMix64 rng(seed);
  Walk w;
  for (std::size_t r = 0; r < runs; ++r) {
    std::size_t node = s.startIndex;
    std::set<std::string> flags;
    std::map<std::string, int> trust;
    auto trustOf = [&](const std::string& p) { return trust.count(p) ? trust[p] : 50; };
    int total = 0;
    while (!s.nodes[node].isEnding) {
      for (const auto& d : s.nodes[node].documents)  // each opened with probability 1/2
        if (rng.below(2) == 1) flags.insert(d.sets.begin(), d.sets.end());
      std::vector<const core::Choice*> offered;
      std::vector<std::size_t> offeredIndex;
      for (std::size_t i = 0; i < s.nodes[node].choices.size(); ++i) {
        const core::Choice& c = s.nodes[node].choices[i];
        bool ok = true;
        if (c.condition) {
          for (const auto& f : c.condition->flags) ok = ok && flags.count(f);
          for (const auto& f : c.condition->notFlags) ok = ok && !flags.count(f);
          for (const auto& [p, v] : c.condition->trustMin) ok = ok && trustOf(p) >= v;
          for (const auto& [p, v] : c.condition->trustMax) ok = ok && trustOf(p) <= v;
        }
        if (ok) {
          offered.push_back(&c);
          offeredIndex.push_back(i);
          ++w.choices[{s.nodes[node].id, i}].first;
        }
      }
      std::size_t pick = rng.below(offered.size());
      ++w.choices[{s.nodes[node].id, offeredIndex.at(pick)}].second;
      const core::Choice& c = *offered.at(pick);
      for (const auto& [p, v] : c.score) total += v;
      for (const auto& [p, v] : c.trust) trust[p] = std::clamp(trustOf(p) + v, 0, 100);
      flags.insert(c.sets.begin(), c.sets.end());
      node = c.nextIndex;
    }
    // round(100 * max(total, 0) / best), halves up, in integers.
    w.percents.push_back((200 * std::max(total, 0) + best) / (2 * best));
    ++w.endings[std::string(core::endingName(s.nodes[node].ending))];
  }
  return w;
}

// Copies of three scenarios as they shipped in November 2026, kept as
// fixtures so that the pinned figures do not move when the library is edited.
core::ScenarioLoad pinned(const std::string& id) {
  core::ScenarioLoad load =
      core::loadScenarioFile(std::string(TRUSTDAILY_FIXTURES) + "/simulate/pinned-" + id + ".json",
                             testing::repoFramework());
  REQUIRE(load.ok());
  return load;
}

}  // namespace

TEST_CASE("splitmix64 gives the reference sequence for seed 0") {
  core::SplitMix64 rng(0);
  CHECK(rng.next() == 0xE220A8397B1DCDAFULL);
  CHECK(rng.next() == 0x6E789E6AA1B965F4ULL);
  CHECK(rng.next() == 0x06C45D188009454FULL);
}

TEST_CASE("below(n) stays in [0, n) and reaches every value") {
  core::SplitMix64 rng(42);
  std::set<std::uint64_t> seen;
  for (int i = 0; i < 1000; ++i) {
    std::uint64_t v = rng.below(6);
    CHECK(v < 6);
    seen.insert(v);
  }
  CHECK(seen.size() == 6);
  CHECK(rng.below(1) == 0);
}

TEST_CASE("nearest-rank quartiles") {
  std::vector<int> v{10, 20, 30, 40};
  CHECK(core::nearestRank(v, 0.0) == 10);
  CHECK(core::nearestRank(v, 0.25) == 10);
  CHECK(core::nearestRank(v, 0.5) == 20);
  CHECK(core::nearestRank(v, 0.75) == 30);
  CHECK(core::nearestRank(v, 1.0) == 40);
  CHECK(core::nearestRank({7}, 0.5) == 7);
}

TEST_CASE("simulate agrees run by run with an independent random walk") {
  for (const char* id : {"bad-news-01", "estimate-pushback-01", "legal-review-01"}) {
    CAPTURE(id);
    core::ScenarioLoad load = pinned(id);
    core::SimulationResult r = core::simulate(load.scenario, load.analysis, 500, 2024);
    Walk w = independentWalk(*load.scenario, load.analysis->bestTotal, 500, 2024);
    CHECK(r.percents == w.percents);
    CHECK(r.endingKinds == w.endings);
    // Per choice: runs offered it and runs that took it, as the walk counted.
    std::size_t offeredChoices = 0, takenTotal = 0;
    for (const core::ChoiceCoverage& c : r.choices) {
      auto it = w.choices.find({c.nodeId, c.choiceIndex});
      auto expected =
          it == w.choices.end() ? std::pair<std::size_t, std::size_t>{0, 0} : it->second;
      CHECK(c.offered == expected.first);
      CHECK(c.taken == expected.second);
      CHECK(c.taken <= c.offered);
      offeredChoices += c.offered > 0;
      takenTotal += c.taken;
    }
    CHECK(offeredChoices == w.choices.size());
    std::size_t steps = 0;
    for (const auto& [k, v] : w.choices) steps += v.second;
    CHECK(takenTotal == steps);
    std::size_t nodes = 0;
    for (const auto& [n, c] : r.endingNodes) nodes += c;
    CHECK(nodes == 500);
    CHECK(std::accumulate(r.histogram.begin(), r.histogram.end(), std::size_t{0}) == 500);
    for (int p : r.percents) CHECK((p >= 0 && p <= 100));
    CHECK(r.min <= r.q1);
    CHECK(r.q1 <= r.median);
    CHECK(r.median <= r.q3);
    CHECK(r.q3 <= r.max);
  }
}

TEST_CASE("a fixed seed gives fixed figures") {
  core::ScenarioLoad load = pinned("bad-news-01");
  core::SimulationResult a = core::simulate(load.scenario, load.analysis, 2000, 7);
  core::SimulationResult b = core::simulate(load.scenario, load.analysis, 2000, 7);
  CHECK(a.percents == b.percents);
  // Pinned after the independent walk above agreed with them.
  CHECK(a.endingKinds ==
        std::map<std::string, std::size_t>{{"failure", 539}, {"mixed", 1426}, {"success", 35}});
  CHECK(a.min == 0);
  CHECK(a.q1 == 0);
  CHECK(a.median == 0);
  CHECK(a.q3 == 7);
  CHECK(a.max == 100);
  CHECK(a.histogram == std::vector<std::size_t>{1540, 129, 130, 76, 78, 9, 12, 20, 0, 6});
  core::SimulationResult c = core::simulate(load.scenario, load.analysis, 2000, 8);
  CHECK(c.percents != a.percents);
}

TEST_CASE("random players open each document with probability 1/2, run by run as a walk does") {
  core::ScenarioLoad load = core::loadScenarioFile(
      std::string(TRUSTDAILY_FIXTURES) + "/valid/documents.json", testing::repoFramework());
  REQUIRE(load.ok());
  core::SimulationResult r = core::simulate(load.scenario, load.analysis, 2000, 11);
  Walk w = independentWalk(*load.scenario, load.analysis->bestTotal, 2000, 11);
  CHECK(r.percents == w.percents);
  CHECK(r.endingKinds == w.endings);
  // Success needs the email read (1/2) and its choice taken (1/3 of 3) after
  // reaching marco without failing at standup: some, not most, players win.
  CHECK(r.endingKinds["success"] > 100);
  CHECK(r.endingKinds["success"] < 600);
  CHECK(r.max == 100);  // both documents read and both gated choices taken
}
