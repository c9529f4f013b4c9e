// trustdaily_bench: writes the generated inputs the benchmark script times.
//   gen-file NODES OUT.json      a valid scenario of NODES nodes
//   gen-folder DIR COUNT         COUNT valid scenarios of 20 nodes
//   gen-budget LAYERS OUT.json   the state-budget worst case (about 2^(LAYERS+1) states)
//   gen-history DIR YEARS        DIR/progress.db with YEARS of daily plays up to
//                                2026-11-23, a practice play every second day and a
//                                replay every fifth, eight decisions each
//   time-history DIR RUNS        times what the game does with DIR/progress.db in
//                                one process (open, the home screen's queries, one
//                                recorded play), median of RUNS, in milliseconds
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <vector>
#include <fstream>
#include <iostream>
#include <string>

#include "core/daily.hpp"
#include "core/day_rules.hpp"
#include "core/progress_store.hpp"
#include "support/scenario_gen.hpp"

namespace {

bool write(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  return static_cast<bool>(out);
}

std::string stem(const std::string& path) {
  std::string name = path.substr(path.find_last_of('/') + 1);
  return name.substr(0, name.rfind(".json"));
}

std::string validScenario(int nodes, std::uint64_t seed, const std::string& id) {
  trustdaily::testing::GenOptions o;
  o.seed = seed;
  o.nodes = nodes;
  o.chain = true;
  o.flags = 4;
  o.maxChoices = 4;
  o.conditionRate = 0.3;
  o.trustConditions = false;  // keeps the state space linear in the node count
  o.id = id;
  return trustdaily::testing::generateScenario(o);
}

trustdaily::core::PlayRecord historyPlay(const std::string& day, int n,
                                         trustdaily::core::PlayKind kind) {
  using namespace trustdaily::core;
  PlayRecord p;
  p.scenarioId = "scenario-";
  p.scenarioId += std::to_string(n % 30);
  p.day = day;
  p.kind = kind;
  int total = n % 17 - 2;
  p.bestTotal = 15;
  p.firstTry = {total < 0 ? 0 : total * 100 / 15, total, n % 3 == 0 ? "mixed" : "success"};
  p.reached = {100, 15, "success"};
  p.retries = n % 4 == 0 ? 1 : 0;
  for (int i = 0; i < 8; ++i) {
    DecisionRecord d;
    d.nodeId = "node-";
    d.nodeId += std::to_string(i);
    d.firstChoice = static_cast<std::size_t>((n + i) % 3);
    d.chosenChoice = d.firstChoice;
    d.bestChoice = 0;
    d.firstScore = (n + i) % 5 - 2;
    d.chosenScore = d.firstScore;
    d.bestScore = 3;
    d.misstep = *d.firstScore < 0;
    p.missteps += d.misstep ? 1 : 0;
    p.decisions.push_back(d);
  }
  p.principleTotals = {{"context", n % 5}, {"influence", n % 3 - 1}, {"celebrate", 1}};
  p.finishedAt = day + "T20:00:00+01:00";
  return p;
}

int genHistory(const std::string& dir, int years) {
  using namespace trustdaily::core;
  ProgressStore store(dir);
  if (store.open() != StoreMode::Writable) {
    std::cerr << store.notice() << "\n";
    return 1;
  }
  // A generator, not a player: no fsync per play.
  sqlite3_exec(store.handle(), "PRAGMA synchronous = OFF", nullptr, nullptr, nullptr);
  const std::int64_t last = daysFromCivil({2026, 11, 23});
  const std::int64_t first = last - 365 * years - years / 4;
  int n = 0;
  for (std::int64_t d = first; d <= last; ++d, ++n) {
    const std::string day = formatDate(civilFromDays(d));
    std::string pinned;
    if (!store.pinDay(day, historyPlay(day, n, PlayKind::Daily).scenarioId, &pinned).empty())
      return 1;
    for (PlayKind kind : {PlayKind::Daily, PlayKind::Practice, PlayKind::Replay}) {
      if (kind == PlayKind::Practice && n % 2 != 0) continue;
      if (kind == PlayKind::Replay && n % 5 != 0) continue;
      RecordOutcome r = store.record(historyPlay(day, n + static_cast<int>(kind), kind));
      if (!r.problem.empty()) {
        std::cerr << r.problem << "\n";
        return 1;
      }
    }
  }
  sqlite3_exec(store.handle(), "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
  std::cout << store.playCount() << " plays over " << n << " days\n";
  return 0;
}

double msSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

int timeHistory(const std::string& dir, int runs) {
  using namespace trustdaily::core;
  std::map<std::string, std::vector<double>> times;
  for (int r = 0; r < runs; ++r) {
    auto t = std::chrono::steady_clock::now();
    ProgressStore store(dir);
    if (store.open() != StoreMode::Writable) {
      std::cerr << store.notice() << "\n";
      return 1;
    }
    times["open (with quick_check)"].push_back(msSince(t));
    auto part = [&](const char* name, auto&& f) {
      auto t0 = std::chrono::steady_clock::now();
      auto v = f();
      times[std::string("  ") + name].push_back(msSince(t0));
      return v;
    };
    t = std::chrono::steady_clock::now();
    auto days = part("day results (latest 8)", [&] { return store.dayResults(8); });
    auto daily = part("daily days", [&] { return store.dailyDays(); });
    int streak = currentStreak(daily, {2026, 11, 23});
    auto review = part("recent missteps", [&] { return store.recentMissteps(); });
    auto reviews = part("open review items", [&] { return store.openReviews(); });
    auto best = part("best percents", [&] { return store.bestPercents(); });
    auto totals = part("principle totals", [&] { return store.principleTotals(); });
    auto pending = part("unfinished", [&] { return store.unfinished("2026-11-24"); });
    times["home queries"].push_back(msSince(t));
    t = std::chrono::steady_clock::now();
    RecordOutcome rec = store.record(historyPlay("2026-11-24", r, PlayKind::Practice));
    times["record one play (fsync)"].push_back(msSince(t));
    if (!rec.problem.empty() || streak < 0 || days.empty() || best.empty() || totals.empty() ||
        pending)
      std::cerr << rec.problem << "\n";
    (void)review;
    (void)reviews;
  }
  for (auto& [what, v] : times) {
    std::sort(v.begin(), v.end());
    std::printf("%-26s median %7.2f ms  (min %.2f, max %.2f)\n", what.c_str(), v[v.size() / 2],
                v.front(), v.back());
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string cmd = argc > 1 ? argv[1] : "";
  if (cmd == "gen-file" && argc == 4)
    return write(argv[3], validScenario(std::stoi(argv[2]), 7, stem(argv[3]))) ? 0 : 1;
  if (cmd == "gen-budget" && argc == 4)
    return write(argv[3],
                 trustdaily::testing::generateBudgetScenario(std::stoi(argv[2]), stem(argv[3])))
               ? 0
               : 1;
  if (cmd == "gen-folder" && argc == 4) {
    int count = std::stoi(argv[3]);
    for (int i = 0; i < count; ++i) {
      std::string id = "gen-" + std::to_string(i);
      if (!write(std::string(argv[2]) + "/" + id + ".json",
                 validScenario(20, static_cast<std::uint64_t>(i), id)))
        return 1;
    }
    return 0;
  }
  if (cmd == "gen-history" && argc == 4) return genHistory(argv[2], std::stoi(argv[3]));
  if (cmd == "time-history" && argc == 4) return timeHistory(argv[2], std::stoi(argv[3]));
  std::cerr << "usage: trustdaily_bench gen-file NODES OUT.json | gen-folder DIR COUNT | "
               "gen-budget LAYERS OUT.json | gen-history DIR YEARS | time-history DIR RUNS\n";
  return 2;
}
