// Helper for the crash-safety test (kill_test.py).
//   progress_saver save DIR   saves states 1, 2, 3, ... until killed
//   progress_saver check DIR  exit 0 when DIR/progress.json loads cleanly and
//                             equals the state its own counter names
// Each state is a pure function of its counter, so "equals one of the states
// that was saved" is checkable after any kill: never a mix, never empty.
#include <cstdio>
#include <string>

#include "core/progress.hpp"

using namespace trustdaily::core;

namespace {

// prefix + n, built with += (GCC 12 warns falsely on "literal" + std::string).
std::string numbered(const char* prefix, int n) {
  std::string s = prefix;
  s += std::to_string(n);
  return s;
}

Progress stateFor(int counter) {
  Progress p;
  CivilDate day = civilFromDays(20000 + counter % 400);
  p.assignDay(day, numbered("scenario-", counter));
  // A play list whose length varies, so files differ in size as well.
  for (int i = 0; i < 1 + counter % 40; ++i) {
    PlayRecord r;
    r.scenarioId = numbered("scenario-", counter);
    r.day = formatDate(day);
    r.kind = PlayKind::Library;
    r.percent = (counter + i) % 101;
    r.total = counter;
    r.ending = "mixed";
    r.path.push_back(PathStep{numbered("n", i), static_cast<std::size_t>(i % 6)});
    p.plays.push_back(r);
  }
  return p;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) return 2;
  std::string mode = argv[1];
  ProgressStore store(argv[2]);
  if (mode == "save") {
    for (int counter = 1;; ++counter) {
      if (std::string why = store.save(stateFor(counter)); !why.empty()) {
        std::fprintf(stderr, "save failed: %s\n", why.c_str());
        return 1;
      }
    }
  }
  if (mode == "check") {
    ProgressLoad loaded = store.load();
    if (!loaded.problem.empty() || !loaded.movedAsideTo.empty()) {
      std::printf("unreadable: %s\n", loaded.problem.c_str());
      return 1;
    }
    if (loaded.progress.plays.empty()) {
      std::printf("empty\n");
      return 3;  // nothing saved yet (killed before the first rename)
    }
    int counter = loaded.progress.plays.front().total;
    if (!(loaded.progress == stateFor(counter))) {
      std::printf("state %d is a mix\n", counter);
      return 1;
    }
    std::printf("%d\n", counter);
    return 0;
  }
  return 2;
}
