// Progress: atomic saves, corrupt files kept aside, streaks, day results.
#include <doctest/doctest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <regex>

#include "core/progress.hpp"
#include "support/scratch_dir.hpp"

using namespace trustdaily::core;
namespace fs = std::filesystem;

namespace {

using trustdaily::testing::ScratchDir;

void writeFile(const fs::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary);
  out << bytes;
}

std::string readFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<std::string> namesIn(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

CivilDate date(const std::string& text) { return *parseDate(text); }

PlayRecord play(const std::string& scenario, const std::string& day, PlayKind kind,
                int percent = 80) {
  PlayRecord p;
  p.scenarioId = scenario;
  p.day = day;
  p.kind = kind;
  p.percent = percent;
  p.total = percent / 10;
  p.ending = percent >= 50 ? "success" : "failure";
  p.path = {{"start", 0}, {"middle", 2}, {"late", 1}};
  p.finishedAt = "2024-03-01T10:00:00+01:00";
  return p;
}

Progress dailyResults(const std::vector<std::string>& days) {
  Progress p;
  for (const std::string& d : days) p.recordPlay(play("s-" + d, d, PlayKind::Daily));
  return p;
}

Progress sample() {
  Progress p;
  p.assignDay(date("2024-02-28"), "estimate-pushback-01");
  PlayRecord first = play("estimate-pushback-01", "2024-02-28", PlayKind::Daily, 40);
  first.missteps = {1};
  first.path.at(0).documents = {0, 2};  // read before the first choice
  p.recordPlay(first);
  p.recordPlay(play("estimate-pushback-01", "2024-02-28", PlayKind::Replay, 90));
  p.recordPlay(play("bad-news-01", "2024-02-29", PlayKind::Library, 100));
  p.assignDay(date("2024-02-29"), "legal-review-01");  // shown, not played
  return p;
}

const std::regex kAsideName(R"(progress\.json\.corrupt-\d{8}-\d{6}(-\d+)?)");

}  // namespace

TEST_CASE("a saved progress reads back equal, in a file that carries its version") {
  ScratchDir dir;
  ProgressStore store(dir.str());
  const Progress p = sample();
  CHECK(store.save(p) == "");

  ProgressLoad loaded = store.load();
  CHECK(loaded.problem == "");
  CHECK(loaded.movedAsideTo == "");
  CHECK(loaded.progress == p);
  CHECK(loaded.progress.days.at("2024-02-28").result->missteps == std::vector<std::size_t>{1});
  CHECK(loaded.progress.plays.at(0).path.at(0).documents == std::vector<std::size_t>{0, 2});
  CHECK(loaded.progress.plays.at(0).path.at(1).documents.empty());
  CHECK(readFile(store.file()).find("\"version\": 1") != std::string::npos);
  CHECK(namesIn(dir.path()) == std::vector<std::string>{"progress.json"});
}

TEST_CASE("a save replaces the previous one and leaves no temporary file") {
  ScratchDir dir;
  ProgressStore store(dir.str());
  Progress p = sample();
  REQUIRE(store.save(p) == "");
  p.recordPlay(play("bad-news-01", "2024-03-01", PlayKind::Daily, 70));
  REQUIRE(store.save(p) == "");
  CHECK(store.load().progress == p);
  CHECK(namesIn(dir.path()) == std::vector<std::string>{"progress.json"});
}

TEST_CASE("the data folder is created when missing and a missing file is a fresh start") {
  ScratchDir dir;
  ProgressStore store((dir.path() / "a" / "b").string());
  ProgressLoad loaded = store.load();
  CHECK(loaded.problem == "");
  CHECK(loaded.progress == Progress{});
  CHECK(store.save(sample()) == "");
  CHECK(fs::is_regular_file(dir.path() / "a" / "b" / "progress.json"));
}

TEST_CASE("an unreadable progress file is kept aside, reported, and a fresh one used") {
  std::string bytes;
  std::string reason;
  SUBCASE("bad JSON") {
    bytes = "{\"version\": 1, \"days\": {";
    reason = "parse error";
  }
  SUBCASE("empty file") {
    bytes = "";
    reason = "parse error";
  }
  SUBCASE("wrong shape") {
    bytes = R"({"version": 1, "days": [], "plays": []})";
    reason = "unexpected content at /days: expected an object";
  }
  SUBCASE("a day key that is no date") {
    bytes = R"({"version": 1, "days": {"2023-02-29": {"scenario": "x"}}, "plays": []})";
    reason = "unexpected content at /days/2023-02-29: not a date";
  }
  SUBCASE("a percent that does not fit an int") {
    bytes = R"({"version": 1, "days": {}, "plays": [{"scenario": "x", "day": "2024-01-01",
      "kind": "daily", "percent": 3000000000, "total": 1, "ending": "success",
      "path": [], "missteps": []}]})";
    reason = "unexpected content at /plays/0/percent: integer out of range";
  }
  SUBCASE("a misstep beyond the path") {
    bytes = R"({"version": 1, "days": {}, "plays": [{"scenario": "x", "day": "2024-01-01",
      "kind": "daily", "percent": 50, "total": 1, "ending": "success",
      "path": [{"node": "a", "choice": 0}], "missteps": [1]}]})";
    reason = "unexpected content at /plays/0/missteps/0: misstep beyond the path";
  }
  SUBCASE("invalid UTF-8") {
    bytes = "{\"version\": 1, \"days\": {}, \"plays\": [], \"x\": \"\xC3\x28\"}";
    reason = "invalid string";
  }
  SUBCASE("nesting far beyond the limit") {
    bytes = "{\"version\": 1, \"days\": {}, \"plays\": [], \"x\": " + std::string(100000, '[') +
            std::string(100000, ']') + "}";
    reason = "it is nested too deeply";
  }
  SUBCASE("more than 4 MiB") {
    bytes = R"({"version": 1, "days": {}, "plays": [], "pad": ")" +
            std::string(4 * 1024 * 1024, 'x') + "\"}";
    reason = "it is larger than 4 MiB";
  }
  SUBCASE("no version") {
    bytes = R"({"days": {}, "plays": []})";
    reason = "it has no \"version\"";
  }
  SUBCASE("a future version") {
    bytes = R"({"version": 2, "days": {}, "plays": [], "new": true})";
    reason = "it was written by a newer Trust Daily (format 2)";
  }

  ScratchDir dir;
  ProgressStore store(dir.str());
  writeFile(store.file(), bytes);
  ProgressLoad loaded = store.load();

  CHECK(loaded.progress == Progress{});
  REQUIRE(loaded.movedAsideTo != "");
  const std::string aside = fs::path(loaded.movedAsideTo).filename().string();
  CHECK(std::regex_match(aside, kAsideName));
  CHECK(fs::path(loaded.movedAsideTo).parent_path() == dir.path());
  CHECK(readFile(loaded.movedAsideTo) == bytes);  // kept byte for byte
  CHECK_FALSE(fs::exists(store.file()));
  CHECK(loaded.problem.find(reason) != std::string::npos);
  CHECK(loaded.problem.find(aside) != std::string::npos);
  CHECK(loaded.problem.find('\n') == std::string::npos);

  // Play goes on from a fresh file; the corrupt copy stays.
  CHECK(store.save(sample()) == "");
  CHECK(store.load().progress == sample());
  CHECK(readFile(loaded.movedAsideTo) == bytes);
}

TEST_CASE("a second corrupt file never overwrites the first one kept aside") {
  ScratchDir dir;
  ProgressStore store(dir.str());
  writeFile(store.file(), "first");
  std::string first = store.load().movedAsideTo;
  writeFile(store.file(), "second");
  std::string second = store.load().movedAsideTo;
  REQUIRE(first != "");
  REQUIRE(second != "");
  CHECK(first != second);
  CHECK(readFile(first) == "first");
  CHECK(readFile(second) == "second");
  if (second.size() > first.size()) CHECK(second == first + "-1");  // same second
}

TEST_CASE("a progress file of a known version and shape is never moved aside") {
  ScratchDir dir;
  ProgressStore store(dir.str());
  writeFile(store.file(), R"({"version": 1, "days": {}, "plays": [], "future_field": [1, 2]})");
  ProgressLoad loaded = store.load();
  CHECK(loaded.problem == "");
  CHECK(loaded.movedAsideTo == "");
  CHECK(fs::exists(store.file()));
}

TEST_CASE("a folder that cannot be created is reported in one line") {
  ScratchDir dir;
  writeFile(dir.path() / "data", "a file where the data folder should be");
  std::string why;
  SUBCASE("the data folder is a file") {
    why = ProgressStore((dir.path() / "data").string()).save(sample());
  }
  SUBCASE("a file in the folder's path") {
    why = ProgressStore((dir.path() / "data" / "sub").string()).save(sample());
  }
  SUBCASE("a folder under /proc") {
    why = ProgressStore("/proc/trustdaily-test/data").save(sample());
  }
  CHECK(why.rfind("Progress not saved: ", 0) == 0);
  CHECK(why.find('\n') == std::string::npos);
  CHECK(readFile(dir.path() / "data") == "a file where the data folder should be");
}

TEST_CASE("a failed write is reported and the last good save stays intact") {
  ScratchDir dir;
  ProgressStore store(dir.str());
  const Progress good = sample();
  REQUIRE(store.save(good) == "");
  const std::string goodBytes = readFile(store.file());

  // The temp file's name is taken by a folder: creating the temp file fails.
  const fs::path blocker = dir.path() / (".progress.json.tmp-" + std::to_string(::getpid()));
  fs::create_directories(blocker / "inside");
  Progress changed = good;
  changed.recordPlay(play("bad-news-01", "2024-03-01", PlayKind::Daily));
  std::string why = store.save(changed);
  CHECK(why.rfind("Progress not saved: cannot create ", 0) == 0);
  CHECK(why.find(blocker.string()) != std::string::npos);
  CHECK(readFile(store.file()) == goodBytes);
  fs::remove_all(blocker);

  CHECK(store.load().progress == good);
}

TEST_CASE("a failed rename removes the temporary file and leaves the target alone") {
  ScratchDir dir;
  const fs::path target = dir.path() / "progress.json";
  fs::create_directories(target / "not-empty");
  std::string why = atomicWriteFile(target.string(), "{}");
  CHECK(why.rfind("cannot replace " + target.string() + ": ", 0) == 0);
  CHECK(namesIn(dir.path()) == std::vector<std::string>{"progress.json"});
  CHECK(fs::is_directory(target / "not-empty"));
}

TEST_CASE("a folder where the progress file should be is kept aside like a corrupt file") {
  ScratchDir dir;
  ProgressStore store(dir.str());
  fs::create_directories(dir.path() / "progress.json" / "x");
  ProgressLoad loaded = store.load();
  CHECK(loaded.problem.find("it is not a regular file") != std::string::npos);
  CHECK(fs::is_directory(fs::path(loaded.movedAsideTo) / "x"));
  CHECK(store.save(sample()) == "");
  CHECK(store.load().progress == sample());
}

TEST_CASE("a corrupt file that cannot be moved aside is never saved over") {
  // Needs a folder the process cannot write to; root can write anywhere.
  if (::geteuid() == 0) {
    MESSAGE("skipped: running as root");
    return;
  }
  ScratchDir dir;
  ProgressStore store(dir.str());
  writeFile(store.file(), "not json");
  fs::permissions(dir.path(), fs::perms::owner_read | fs::perms::owner_exec);
  ProgressLoad loaded = store.load();
  std::string why = store.save(sample());
  fs::permissions(dir.path(), fs::perms::owner_all);
  CHECK(loaded.movedAsideTo == "");
  CHECK(loaded.problem.find("nor moved aside") != std::string::npos);
  CHECK(why.rfind("Progress not saved: the unreadable ", 0) == 0);
  CHECK(readFile(store.file()) == "not json");
}

TEST_CASE("stale temporary files from a crash are removed on load") {
  ScratchDir dir;
  ProgressStore store(dir.str());
  REQUIRE(store.save(sample()) == "");
  writeFile(dir.path() / ".progress.json.tmp-999999999", "half a fi");
  writeFile(dir.path() / ".progress.json.tmp-garbage", "");
  writeFile(dir.path() / (".progress.json.tmp-" + std::to_string(::getpid())), "{");
  // Another instance that is still running may be mid-save: spared.
  const std::string live = ".progress.json.tmp-" + std::to_string(::getppid());
  writeFile(dir.path() / live, "{");
  writeFile(dir.path() / "notes.txt", "mine");

  ProgressLoad loaded = store.load();
  CHECK(loaded.problem == "");
  CHECK(loaded.progress == sample());
  CHECK(namesIn(dir.path()) == std::vector<std::string>{live, "notes.txt", "progress.json"});
}

TEST_CASE("the default data folder follows XDG, then HOME, then the current folder") {
  auto keep = [](const char* name) -> std::optional<std::string> {
    const char* v = std::getenv(name);
    return v ? std::optional<std::string>(v) : std::nullopt;
  };
  const auto xdg = keep("XDG_DATA_HOME");
  const auto home = keep("HOME");

  ::setenv("XDG_DATA_HOME", "/xdg/data", 1);
  ::setenv("HOME", "/home/pm", 1);
  CHECK(ProgressStore::defaultDir() == "/xdg/data/trustdaily");
  CHECK(ProgressStore("").file() == "/xdg/data/trustdaily/progress.json");
  ::setenv("XDG_DATA_HOME", "relative/ignored", 1);
  CHECK(ProgressStore::defaultDir() == "/home/pm/.local/share/trustdaily");
  ::unsetenv("XDG_DATA_HOME");
  CHECK(ProgressStore::defaultDir() == "/home/pm/.local/share/trustdaily");
  ::unsetenv("HOME");
  CHECK(ProgressStore::defaultDir() == ".trustdaily");

  if (xdg) ::setenv("XDG_DATA_HOME", xdg->c_str(), 1);
  if (home) ::setenv("HOME", home->c_str(), 1);
}

TEST_CASE("the streak counts days completed in a row across month, year and leap day") {
  SUBCASE("month end") {
    Progress p = dailyResults({"2024-01-30", "2024-01-31", "2024-02-01"});
    CHECK(p.streak(date("2024-02-01")) == 3);
  }
  SUBCASE("year end") {
    Progress p = dailyResults({"2023-12-30", "2023-12-31", "2024-01-01"});
    CHECK(p.streak(date("2024-01-01")) == 3);
  }
  SUBCASE("leap day") {
    Progress p = dailyResults({"2024-02-28", "2024-02-29", "2024-03-01"});
    CHECK(p.streak(date("2024-03-01")) == 3);
  }
  SUBCASE("no leap day in a common year") {
    Progress p = dailyResults({"2023-02-27", "2023-02-28", "2023-03-01"});
    CHECK(p.streak(date("2023-03-01")) == 3);
  }
  SUBCASE("a missed 29 February breaks it") {
    Progress p = dailyResults({"2024-02-28", "2024-03-01"});
    CHECK(p.streak(date("2024-03-01")) == 1);
  }
}

TEST_CASE("a gap breaks the streak, and today not yet played keeps yesterday's") {
  Progress p = dailyResults({"2024-05-01", "2024-05-02", "2024-05-04", "2024-05-05", "2024-05-06"});
  CHECK(p.streak(date("2024-05-06")) == 3);
  CHECK(p.streak(date("2024-05-07")) == 3);  // today still open
  CHECK(p.streak(date("2024-05-08")) == 0);  // yesterday missed
  CHECK(p.streak(date("2024-05-02")) == 2);
  CHECK(p.streak(date("2024-05-03")) == 2);
  CHECK(Progress{}.streak(date("2024-05-06")) == 0);

  // A day shown but not completed is a gap too.
  p.assignDay(date("2024-05-07"), "shown-only");
  CHECK(p.streak(date("2024-05-08")) == 0);
}

TEST_CASE("only the first daily play of a day becomes its result") {
  Progress p;
  CHECK(p.assignDay(date("2024-03-01"), "a") == "a");
  p.recordPlay(play("a", "2024-03-01", PlayKind::Daily, 30));
  p.recordPlay(play("a", "2024-03-01", PlayKind::Daily, 100));
  REQUIRE(p.days.at("2024-03-01").result.has_value());
  CHECK(p.days.at("2024-03-01").result->percent == 30);
  CHECK(p.plays.size() == 2);
  CHECK(p.bestPercent("a") == 100);
  CHECK(p.bestPercent("never-played") == std::nullopt);
}

TEST_CASE("a daily play with no day record yet creates one for its scenario") {
  Progress p;
  p.recordPlay(play("a", "2024-03-01", PlayKind::Daily, 60));
  CHECK(p.days.at("2024-03-01").scenarioId == "a");
  CHECK(p.days.at("2024-03-01").result->percent == 60);
}

TEST_CASE("a daily play of another scenario than the day's is not the day's result") {
  Progress p;
  p.assignDay(date("2024-03-01"), "a");
  p.recordPlay(play("b", "2024-03-01", PlayKind::Daily));
  CHECK_FALSE(p.days.at("2024-03-01").result.has_value());
  CHECK(p.days.at("2024-03-01").scenarioId == "a");
  CHECK(p.plays.size() == 1);
}

TEST_CASE("replays and library plays never change day results or the streak") {
  Progress p = dailyResults({"2024-03-01"});
  const DayRecord before = p.days.at("2024-03-01");
  p.recordPlay(play("s-2024-03-01", "2024-03-01", PlayKind::Replay, 100));
  p.recordPlay(play("other", "2024-03-02", PlayKind::Library, 100));
  p.recordPlay(play("other", "2024-03-02", PlayKind::Replay, 100));
  CHECK(p.days.at("2024-03-01") == before);
  CHECK(p.days.count("2024-03-02") == 0);
  CHECK(p.streak(date("2024-03-02")) == 1);
  CHECK(p.streak(date("2024-03-03")) == 0);
  CHECK(p.plays.size() == 4);
  CHECK(p.plays.back().kind == PlayKind::Replay);
}

TEST_CASE("assigning a day fixes its scenario, across a save and a load") {
  ScratchDir dir;
  ProgressStore store(dir.str());
  Progress p;
  CHECK(p.assignDay(date("2024-03-01"), "first-pick") == "first-pick");
  CHECK(p.assignDay(date("2024-03-01"), "library-changed") == "first-pick");
  REQUIRE(store.save(p) == "");
  Progress back = store.load().progress;
  CHECK(back.assignDay(date("2024-03-01"), "another") == "first-pick");
  CHECK(back.assignDay(date("2024-03-02"), "another") == "another");
}

TEST_CASE("pending missteps come from the latest play of each scenario, newest first") {
  Progress p;
  PlayRecord oldA = play("a", "2024-03-01", PlayKind::Daily);
  oldA.missteps = {0};
  PlayRecord b = play("b", "2024-03-02", PlayKind::Library);
  b.missteps = {0, 2};
  PlayRecord newA = play("a", "2024-03-03", PlayKind::Replay);
  newA.missteps = {1};
  PlayRecord cleanC = play("c", "2024-03-03", PlayKind::Library);
  PlayRecord oldC = play("c", "2024-03-01", PlayKind::Library);
  oldC.missteps = {2};
  for (const PlayRecord& r : {oldA, oldC, b, newA, cleanC}) p.recordPlay(r);

  auto pending = p.pendingMissteps();
  REQUIRE(pending.size() == 3);
  CHECK(pending[0].first == newA);
  CHECK(pending[0].second == 1);
  CHECK(pending[1].first == b);
  CHECK(pending[1].second == 0);
  CHECK(pending[2].first == b);
  CHECK(pending[2].second == 2);
}

TEST_CASE("progress JSON names play kinds and rejects what it cannot read") {
  CHECK(playKindName(PlayKind::Daily) == "daily");
  CHECK(playKindName(PlayKind::Library) == "library");
  CHECK(playKindName(PlayKind::Replay) == "replay");

  std::string why;
  CHECK(progressFromJson(progressToJson(sample()), &why) == sample());
  CHECK_FALSE(progressFromJson("[]", &why));
  CHECK(why == "it is not a JSON object");
  CHECK_FALSE(progressFromJson(R"({"version": "1"})", &why));
  CHECK(why == "its \"version\" is not an integer");
  CHECK_FALSE(progressFromJson(R"({"version": 0, "days": {}, "plays": []})", &why));
  CHECK(why == "unknown format version 0");
  CHECK_FALSE(progressFromJson(R"({"version": 1, "days": {}})", &why));
  CHECK(why == "unexpected content at /: missing \"plays\"");
  CHECK_FALSE(progressFromJson(R"({"version": 1, "days": {}, "plays": [{"scenario": "x",
    "day": "2024-01-01", "kind": "speedrun", "percent": 1, "total": 1, "ending": "success",
    "path": [], "missteps": []}]})",
                               &why));
  CHECK(why == "unexpected content at /plays/0/kind: unknown kind \"speedrun\"");
  CHECK_FALSE(progressFromJson(R"({"version": 1, "days": {}, "plays": [{"scenario": "x",
    "day": "2024-01-01", "kind": "daily", "percent": 1, "total": 1, "ending": "success",
    "path": [{"node": "a", "choice": -1}], "missteps": []}]})",
                               &why));
  CHECK(why == "unexpected content at /plays/0/path/0/choice: expected a non-negative integer");
}

TEST_CASE("text that is not valid UTF-8 in a record still saves as valid JSON") {
  Progress p;
  p.recordPlay(play("bad\xFFid", "2024-03-01", PlayKind::Library));
  const std::string text = progressToJson(p);
  auto back = progressFromJson(text);
  REQUIRE(back.has_value());
  CHECK(back->plays.at(0).scenarioId == "bad\xEF\xBF\xBDid");  // U+FFFD
}

TEST_CASE("the local timestamp is ISO 8601 with an offset") {
  CHECK(std::regex_match(localTimestamp(),
                         std::regex(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2})")));
}
