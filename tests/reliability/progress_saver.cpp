// Helper for the crash-safety and concurrency tests (kill_test.py,
// concurrency.py), against progress.db.
//   progress_saver save DIR          records plays 1, 2, 3, ... until killed,
//                                    printing each number once it is committed
//   progress_saver check DIR         exit 0 when DIR/progress.db passes SQLite's
//                                    integrity check and holds exactly plays
//                                    1..N with all their decisions, the last
//                                    ones equal to what was recorded; prints N
//   progress_saver race DIR TAG K    records K practice plays of scenario TAG,
//                                    as fast as it can (one of ten at once)
// Each play is a pure function of its number, so "equals the play that was
// recorded" is checkable after any kill: never half a play, never a gap.
#include <sqlite3.h>

#include <cstdio>
#include <string>

#include "core/progress_store.hpp"

using namespace trustdaily::core;

namespace {

PlayRecord playFor(int n, const std::string& scenario) {
  PlayRecord p;
  p.scenarioId = scenario;
  p.day = "2026-11-";  // appended: GCC 12 warns falsely (-Wrestrict) on "x" + s
  p.day += std::to_string(10 + n % 20);
  p.kind = PlayKind::Practice;
  p.firstTry = {n % 101, n, n % 2 == 0 ? "success" : "mixed"};
  p.reached = {100, n + 1, "success"};
  p.bestTotal = n + 1;
  p.retries = n % 3;
  // A number of decisions that varies, so transactions differ in size.
  for (int i = 0; i < 1 + n % 40; ++i) {
    DecisionRecord d;
    d.nodeId = "n";
    d.nodeId += std::to_string(i);
    d.firstChoice = static_cast<std::size_t>((n + i) % 4);
    d.chosenChoice = static_cast<std::size_t>(i % 4);
    d.bestChoice = 0;
    d.firstScore = (n + i) % 7 - 3;
    d.chosenScore = 1;
    d.bestScore = 3;
    d.misstep = (n + i) % 5 == 0;
    p.decisions.push_back(d);
  }
  p.principleTotals = {{"context", n % 9}, {"influence", -(n % 4)}};
  p.finishedAt = "2026-11-23T10:00:00+01:00";
  return p;
}

bool sameContent(PlayRecord a, PlayRecord b) {
  a.id = b.id = 0;
  return a == b;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) return 2;
  const std::string mode = argv[1];
  ProgressStore store(argv[2]);
  if (mode == "save") {
    if (store.open() != StoreMode::Writable) {
      std::fprintf(stderr, "open failed: %s\n", store.notice().c_str());
      return 1;
    }
    for (int n = static_cast<int>(store.playCount()) + 1;; ++n) {
      RecordOutcome r = store.record(playFor(n, "kill"));
      if (!r.problem.empty()) {
        std::fprintf(stderr, "%s\n", r.problem.c_str());
        return 1;
      }
      std::printf("%d\n", n);
      std::fflush(stdout);
    }
  }
  if (mode == "check") {
    if (store.open() != StoreMode::Writable || !store.notice().empty()) {
      std::printf("unusable: %s\n", store.notice().c_str());
      return 1;
    }
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(store.handle(), "PRAGMA integrity_check", -1, &st, nullptr);
    std::string verdict = sqlite3_step(st) == SQLITE_ROW
                              ? reinterpret_cast<const char*>(sqlite3_column_text(st, 0))
                              : "no answer";
    sqlite3_finalize(st);
    if (verdict != "ok") {
      std::printf("integrity check: %s\n", verdict.c_str());
      return 1;
    }
    // Every play there, none twice, no gap; each play's decisions all there;
    // the last few (those a kill may have caught) equal to what was recorded.
    std::vector<PlayRecord> plays = store.plays();
    std::int64_t decisions = 0;
    std::int64_t expected = 0;
    sqlite3_prepare_v2(store.handle(), "SELECT count(*) FROM decisions", -1, &st, nullptr);
    if (sqlite3_step(st) == SQLITE_ROW) decisions = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    for (std::size_t i = 0; i < plays.size(); ++i) {
      int n = static_cast<int>(i) + 1;
      expected += 1 + n % 40;
      if (plays[i].id != n) {
        std::printf("play %d is missing\n", n);
        return 1;
      }
      if (i + 5 < plays.size()) continue;
      std::optional<PlayRecord> p = store.play(plays[i].id);
      if (!p || !sameContent(*p, playFor(n, "kill"))) {
        std::printf("play %d is not whole\n", n);
        return 1;
      }
    }
    if (decisions != expected) {
      std::printf("%lld decisions, expected %lld\n", static_cast<long long>(decisions),
                  static_cast<long long>(expected));
      return 1;
    }
    std::printf("%zu\n", plays.size());
    return 0;
  }
  if (mode == "race" && argc == 5) {
    if (store.open() != StoreMode::Writable) {
      std::fprintf(stderr, "open failed: %s\n", store.notice().c_str());
      return 1;
    }
    int k = std::stoi(argv[4]);
    for (int n = 1; n <= k; ++n) {
      RecordOutcome r = store.record(playFor(n, argv[3]));
      if (!r.problem.empty()) {
        std::fprintf(stderr, "%s\n", r.problem.c_str());
        return 1;
      }
    }
    return 0;
  }
  return 2;
}
