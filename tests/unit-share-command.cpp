// `trustdaily share`: the day's recorded result as the share text, the same
// golden as the core's; a clear message and exit 1 on a day without one.
#include <doctest/doctest.h>
#include <sys/wait.h>

#include <fstream>
#include <sstream>

#include "core/first_tries.hpp"
#include "core/framework.hpp"
#include "core/loader.hpp"
#include "core/progress_store.hpp"
#include "support/scratch_dir.hpp"

using namespace trustdaily::core;
using trustdaily::testing::ScratchDir;

namespace {

const std::string kPlay = std::string(TRUSTDAILY_FIXTURES) + "/play";
// share.json alone, read with play/framework.json.
const std::string kShare = std::string(TRUSTDAILY_FIXTURES) + "/share";

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Run {
  int code = -1;
  std::string out;
  std::string err;
};

Run share(const ScratchDir& dir, const std::string& args) {
  const std::string out = dir.str() + "/share.out";
  const std::string err = dir.str() + "/share.err";
  const std::string cmd = std::string("'") + TRUSTDAILY_BINARY + "' share " + args +
                          " </dev/null >'" + out + "' 2>'" + err + "'";
  const int status = std::system(cmd.c_str());
  return Run{WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
}

// The data folder and the share fixture's library.
std::string fixtureOptions(const ScratchDir& data) {
  return "--data-dir '" + data.str() + "' --scenarios '" + kShare + "' --framework '" + kPlay +
         "/framework.json'";
}

// Records a play of the share fixture: `choices` in order, a retry of the
// step after each index in `retryAfter` (then the best choice there).
void record(const std::string& dataDir, const std::string& day, PlayKind kind,
            const std::vector<std::size_t>& choices) {
  const ScenarioLoad load =
      loadScenarioFile(kShare + "/share.json", loadFramework(kPlay + "/framework.json").framework);
  REQUIRE(load.ok());
  Session session(load.scenario, load.analysis);
  FirstTries tries;
  for (std::size_t c : choices) tries.chose(session.chooseByIndex(c));
  REQUIRE(session.finished());
  ProgressStore store(dataDir);
  REQUIRE(store.open() == StoreMode::Writable);
  std::string pinned;
  REQUIRE(store.pinDay(day, "share", &pinned).empty());
  const RecordOutcome o = store.record(recordOf(session, tries, day, kind));
  REQUIRE(o.problem.empty());
}

}  // namespace

TEST_CASE("share prints the day's daily result, the same text the core gives") {
  ScratchDir dir("share-cli");
  record(dir.str(), "2026-12-04", PlayKind::Daily, {0, 0, 0});
  Run r = share(dir, "--date 2026-12-04 " + fixtureOptions(dir));
  CHECK_MESSAGE(r.code == 0, r.err);
  CHECK(r.out ==
        slurp(std::string(TRUSTDAILY_SOURCE_DIR) + "/tests/golden/share/share-best-path.txt"));
  CHECK(r.err.empty());
}

TEST_CASE("share of a day without a result says so and exits 1") {
  ScratchDir dir("share-cli");
  SUBCASE("no progress at all") {
    Run r = share(dir, "--date 2026-12-04 " + fixtureOptions(dir));
    CHECK(r.code == 1);
    CHECK(r.out.empty());
    CHECK(r.err ==
          "trustdaily share: no result for 2026-12-04 yet: play the day's scenario first "
          "(trustdaily, or play --text)\n");
    CHECK(!std::filesystem::exists(dir.path() / "progress.db"));  // reading creates nothing
  }
  SUBCASE("another day recorded") {
    record(dir.str(), "2026-12-03", PlayKind::Daily, {0, 0, 0});
    Run r = share(dir, "--date 2026-12-04 " + fixtureOptions(dir));
    CHECK(r.code == 1);
    CHECK(r.out.empty());
    CHECK(r.err.find("no result for 2026-12-04") != std::string::npos);
  }
  SUBCASE("a bad date is a usage error") {
    Run r = share(dir, "--date 2026-02-30 --data-dir '" + dir.str() + "'");
    CHECK(r.code == 2);
  }
}

TEST_CASE("share of a day whose scenario left the library keeps the marks") {
  ScratchDir dir("share-cli");
  record(dir.str(), "2026-12-04", PlayKind::Daily, {0, 1, 0});
  ScratchDir empty("share-lib");
  std::filesystem::copy_file(kPlay + "/framework.json", empty.path() / "framework.json");
  Run r = share(
      dir, "--date 2026-12-04 --data-dir '" + dir.str() + "' --scenarios '" + empty.str() + "'");
  CHECK(r.code == 0);
  CHECK(r.out == "Trust Daily 2026-12-04 \u00B7 38 %\n\U0001F7E9\U0001F7E5\U0001F7E9\n");
  CHECK(r.err.find("no longer in the library") != std::string::npos);
}

TEST_CASE("share of a day played late (after a later day) prints that late result") {
  ScratchDir dir("share-cli");
  record(dir.str(), "2026-12-05", PlayKind::Daily, {0, 0, 0});
  record(dir.str(), "2026-12-04", PlayKind::Daily, {2, 2});  // settled as late: a clock moved back
  {
    ProgressStore store(dir.str());
    REQUIRE(store.open() != StoreMode::Unavailable);
    REQUIRE(store.dayResult("2026-12-04"));
    REQUIRE(store.dayResult("2026-12-04")->kind == PlayKind::Late);
  }
  Run r = share(dir, "--date 2026-12-04 " + fixtureOptions(dir));
  CHECK_MESSAGE(r.code == 0, r.err);
  CHECK(r.out.rfind("Trust Daily 2026-12-04 \u00B7 0 %\n\U0001F7E5\U0001F7E5\n", 0) == 0);
}
