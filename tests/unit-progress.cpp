// Progress in SQLite: what the store promises, one case each; the day rules
// it applies inside its transactions; the import of progress.json.
#include <doctest/doctest.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <regex>
#include <thread>

#include "core/day_rules.hpp"
#include "core/file_access.hpp"
#include "core/progress_store.hpp"
#include "support/scratch_dir.hpp"

using namespace trustdaily::core;
namespace fs = std::filesystem;

namespace {

using trustdaily::testing::ScratchDir;

const std::string kFixtures = std::string(TRUSTDAILY_FIXTURES) + "/progress";

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

// A second connection, as another instance (or the sqlite3 tool) would have.
struct Other {
  explicit Other(const std::string& path) { REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK); }
  ~Other() { sqlite3_close(db); }
  int exec(const std::string& sql) {
    return sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
  }
  std::string one(const std::string& sql) {
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK);
    std::string out;
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) != nullptr)
      out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return out;
  }
  sqlite3* db = nullptr;
};

PlayRecord play(const std::string& scenario, const std::string& day, PlayKind kind,
                int percent = 80) {
  PlayRecord p;
  p.scenarioId = scenario;
  p.day = day;
  p.kind = kind;
  p.firstTry = {percent, percent / 10, percent >= 50 ? "success" : "failure"};
  p.reached = p.firstTry;
  p.bestTotal = 10;
  DecisionRecord a{"start", 0, 0, 0, 2, 2, 2, false, 0};
  DecisionRecord b{"middle", 2, 1, 1, -1, 3, 3, true, 1};
  p.decisions = {a, b};
  p.missteps = 1;
  p.retries = 1;
  p.principleTotals = {{"context", 2}, {"influence", -1}};
  p.finishedAt = "2024-03-01T10:00:00+01:00";
  return p;
}

std::vector<std::string> kindsOf(ProgressStore& store) {
  std::vector<std::string> out;
  Other o(store.file());
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(o.db, "SELECT day || ' ' || kind FROM plays ORDER BY id", -1, &st, nullptr);
  while (sqlite3_step(st) == SQLITE_ROW)
    out.push_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
  sqlite3_finalize(st);
  return out;
}

const std::regex kAsideName(R"(progress\.db\.corrupt-\d{8}-\d{6}(-\d+)?)");

// Sets an environment variable for one test and restores it afterwards.
struct EnvForTest {
  EnvForTest(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) saved_ = old;
    if (value)
      ::setenv(name, value, 1);
    else
      ::unsetenv(name);
  }
  ~EnvForTest() {
    if (saved_)
      ::setenv(name_, saved_->c_str(), 1);
    else
      ::unsetenv(name_);
  }
  const char* name_;
  std::optional<std::string> saved_;
};

}  // namespace

TEST_CASE("a recorded play reads back equal, with its decisions and principle totals") {
  ScratchDir dir;
  ProgressStore store(dir.str());
  REQUIRE(store.open() == StoreMode::Writable);
  CHECK(store.notice() == "");
  PlayRecord p = play("a", "2024-03-01", PlayKind::Daily, 73);
  RecordOutcome r = store.record(p);
  REQUIRE(r.problem == "");
  CHECK(r.kind == PlayKind::Daily);
  p.id = r.id;
  CHECK(store.play(r.id) == p);
  CHECK(store.play(r.id + 1) == std::nullopt);
  CHECK(store.playCount() == 1);
  // Across a restart too.
  ProgressStore again(dir.str());
  REQUIRE(again.open() == StoreMode::Writable);
  CHECK(again.play(r.id) == p);
  CHECK(namesIn(dir.path()) ==
        std::vector<std::string>{"progress.db", "progress.db-shm", "progress.db-wal"});
}

TEST_CASE("progress.db is in WAL mode, fully synced, and carries its schema version") {
  ScratchDir dir;
  ProgressStore store(dir.str());
  REQUIRE(store.open() == StoreMode::Writable);
  Other o(store.file());
  CHECK(o.one("PRAGMA journal_mode") == "wal");
  CHECK(o.one("PRAGMA user_version") == std::to_string(progressSchemaVersion()));
  CHECK(progressSchemaVersion() >= 1);
}

TEST_CASE("the day rules settle each play's kind when it is recorded") {
  ScratchDir dir;
  ProgressStore store(dir.str());
  REQUIRE(store.open() == StoreMode::Writable);
  // The day's first daily play is its daily; another is practice.
  CHECK(store.record(play("a", "2024-03-05", PlayKind::Daily)).kind == PlayKind::Daily);
  CHECK(store.record(play("a", "2024-03-05", PlayKind::Daily)).kind == PlayKind::Practice);
  // An earlier date after a later one was recorded (a clock moved back) is
  // late, once; more plays of it are practice.
  CHECK(store.record(play("b", "2024-03-02", PlayKind::Daily)).kind == PlayKind::Late);
  CHECK(store.record(play("b", "2024-03-02", PlayKind::Daily)).kind == PlayKind::Practice);
  CHECK(store.record(play("c", "2024-03-03", PlayKind::Late)).kind == PlayKind::Late);
  // A later date is daily again.
  CHECK(store.record(play("a", "2024-03-06", PlayKind::Daily)).kind == PlayKind::Daily);
  // Practice and replays stay what they are.
  CHECK(store.record(play("x", "2024-03-07", PlayKind::Practice)).kind == PlayKind::Practice);
  CHECK(store.record(play("x", "2024-03-07", PlayKind::Replay)).kind == PlayKind::Replay);
  // A play of another scenario than the one the day was given is practice.
  std::string pinned;
  REQUIRE(store.pinDay("2024-03-08", "given", &pinned) == "");
  CHECK(store.record(play("other", "2024-03-08", PlayKind::Daily)).kind == PlayKind::Practice);
  CHECK(store.record(play("given", "2024-03-08", PlayKind::Daily)).kind == PlayKind::Daily);

  CHECK(store.dailyDays() == std::vector<std::string>{"2024-03-05", "2024-03-06", "2024-03-08"});
  CHECK(store.latestDay() == "2024-03-08");
  // Late plays are listed for their dates; practice and replays are not.
  std::vector<std::string> listed;
  for (const PlayRecord& p : store.dayResults())
    listed.push_back(p.day + " " + std::string(playKindName(p.kind)));
  CHECK(listed == std::vector<std::string>{"2024-03-02 late", "2024-03-03 late", "2024-03-05 daily",
                                           "2024-03-06 daily", "2024-03-08 daily"});
  CHECK(store.dayResult("2024-03-07") == std::nullopt);
  CHECK(store.pinnedScenario("2024-03-02") == "b");  // a recorded day gets a pin
}

TEST_CASE("the streak counts days with a daily play in a row, ending today or yesterday") {
  auto streak = [](std::vector<std::string> days, const char* today) {
    return currentStreak(days, *parseDate(today));
  };
  CHECK(streak({"2024-01-30", "2024-01-31", "2024-02-01"}, "2024-02-01") == 3);  // month end
  CHECK(streak({"2023-12-30", "2023-12-31", "2024-01-01"}, "2024-01-01") == 3);  // year end
  CHECK(streak({"2024-02-28", "2024-02-29", "2024-03-01"}, "2024-03-01") == 3);  // leap day
  CHECK(streak({"2023-02-27", "2023-02-28", "2023-03-01"}, "2023-03-01") == 3);
  CHECK(streak({"2024-02-28", "2024-03-01"}, "2024-03-01") == 1);  // a missed 29 February
  const std::vector<std::string> gap{"2024-05-01", "2024-05-02", "2024-05-04", "2024-05-05",
                                     "2024-05-06"};
  CHECK(streak(gap, "2024-05-06") == 3);
  CHECK(streak(gap, "2024-05-07") == 3);  // today still open
  CHECK(streak(gap, "2024-05-08") == 0);  // yesterday missed
  CHECK(streak(gap, "2024-05-03") == 2);
  CHECK(streak({}, "2024-05-06") == 0);
  CHECK(bestStreak(gap) == 3);
  CHECK(bestStreak({"2024-01-01", "2024-01-02"}) == 2);
  CHECK(bestStreak({}) == 0);
}

TEST_CASE("settleKind honours an explicit late (archive) play, even of the newest day") {
  const std::optional<std::string> latest = std::string("2024-03-08");
  // Yesterday (the 9th) is newer than anything recorded: daily, unless asked as late.
  CHECK(settleKind(PlayKind::Daily, "2024-03-09", "a", std::nullopt, false, latest) ==
        PlayKind::Daily);
  CHECK(settleKind(PlayKind::Late, "2024-03-09", "a", std::nullopt, false, latest) ==
        PlayKind::Late);
  CHECK(settleKind(PlayKind::Late, "2024-03-09", "a", std::nullopt, true, latest) ==
        PlayKind::Practice);
  CHECK(settleKind(PlayKind::Late, "2024-03-09", "a", std::string("b"), false, latest) ==
        PlayKind::Practice);
  CHECK(settleKind(PlayKind::Daily, "2024-03-07", "a", std::nullopt, false, latest) ==
        PlayKind::Late);
}

TEST_CASE("the archive plays past days only") {
  CHECK(archiveProblem({2024, 3, 9}, {2024, 3, 10}).empty());
  CHECK(archiveProblem({2023, 12, 31}, {2024, 1, 1}).empty());
  CHECK(archiveProblem({2024, 3, 10}, {2024, 3, 10}) ==
        "2024-03-10 is today: play today\u2019s scenario as usual.");
  CHECK(archiveProblem({2024, 3, 11}, {2024, 3, 10}) ==
        "2024-03-11 has not come yet: only past days can be played from the archive.");
}

TEST_CASE("previewDay gives what planDay would, without pinning the day") {
  ScratchDir dir;
  ProgressStore store(dir.str());
  REQUIRE(store.open() == StoreMode::Writable);
  const DailyLibrary lib = loadDailyLibrary(std::string(TRUSTDAILY_FIXTURES) + "/play");
  REQUIRE(lib.library.findLoad("tiny") != nullptr);
  const CivilDate day{2024, 3, 5};
  const DayPlan preview = previewDay(store, day, lib.library, lib.schedule);
  CHECK(preview.scenarioId == "tiny");
  CHECK_FALSE(preview.unfinished.has_value());
  CHECK_FALSE(store.pinnedScenario("2024-03-05").has_value());  // nothing written
  const DayPlan plan = planDay(store, day, lib.library, lib.schedule);
  CHECK(plan.scenarioId == preview.scenarioId);
  CHECK(store.pinnedScenario("2024-03-05") == std::optional<std::string>("tiny"));
  // A play of the day in progress is offered with it; one of another scenario is not.
  REQUIRE(store.saveUnfinished({"2024-03-05", "tiny", PlayKind::Late, {}, false, ""}) == "");
  CHECK(previewDay(store, day, lib.library, lib.schedule).unfinished.has_value());
  REQUIRE(store.saveUnfinished({"2024-03-05", "other", PlayKind::Late, {}, false, ""}) == "");
  CHECK_FALSE(previewDay(store, day, lib.library, lib.schedule).unfinished.has_value());
}

TEST_CASE("a day keeps its first pin; a new pin replaces it only while the day is unrecorded") {
  ScratchDir dir;
  ProgressStore store(dir.str());
  REQUIRE(store.open() == StoreMode::Writable);
  std::string pinned;
  CHECK(store.pinDay("2024-03-01", "first", &pinned) == "");
  CHECK(pinned == "first");
  CHECK(store.pinDay("2024-03-01", "second", &pinned) == "");
  CHECK(pinned == "first");
  CHECK(store.repinDay("2024-03-01", "fallback") == "");
  CHECK(store.pinnedScenario("2024-03-01") == "fallback");
  REQUIRE(store.record(play("fallback", "2024-03-01", PlayKind::Daily)).kind == PlayKind::Daily);
  CHECK(store.repinDay("2024-03-01", "another") == "");
  CHECK(store.pinnedScenario("2024-03-01") == "fallback");
  CHECK(store.pinnedScenario("2024-03-02") == std::nullopt);
}

TEST_CASE("review items are the first-try missteps of each scenario's latest play, newest first") {
  ScratchDir dir;
  ProgressStore store(dir.str());
  REQUIRE(store.open() == StoreMode::Writable);
  PlayRecord oldA = play("a", "2024-03-01", PlayKind::Daily);  // misstep at step 1
  PlayRecord b = play("b", "2024-03-02", PlayKind::Practice);
  b.decisions[0].misstep = true;
  PlayRecord newA = play("a", "2024-03-03", PlayKind::Replay);
  newA.decisions[1].misstep = false;
  newA.decisions[0].misstep = true;
  PlayRecord clean = play("c", "2024-03-03", PlayKind::Practice);
  clean.decisions[1].misstep = false;
  std::vector<std::int64_t> ids;
  for (const PlayRecord& p : {oldA, b, newA, clean}) ids.push_back(store.record(p).id);
  std::vector<RecentMisstep> items = store.recentMissteps();
  REQUIRE(items.size() == 3);
  CHECK(items[0] == RecentMisstep{ids[2], "2024-03-03", "a", PlayKind::Replay, 0, "start", 0});
  CHECK(items[1] == RecentMisstep{ids[1], "2024-03-02", "b", PlayKind::Practice, 0, "start", 0});
  CHECK(items[2] == RecentMisstep{ids[1], "2024-03-02", "b", PlayKind::Practice, 1, "middle", 2});
}

TEST_CASE("best percentages and principle totals sum over every play") {
  ScratchDir dir;
  ProgressStore store(dir.str());
  REQUIRE(store.open() == StoreMode::Writable);
  store.record(play("a", "2024-03-01", PlayKind::Daily, 30));
  store.record(play("a", "2024-03-01", PlayKind::Practice, 90));
  store.record(play("b", "2024-03-02", PlayKind::Practice, 60));
  CHECK(store.bestPercents() == std::map<std::string, int>{{"a", 90}, {"b", 60}});
  CHECK(store.principleTotals() == std::map<std::string, int>{{"context", 6}, {"influence", -3}});
}

TEST_CASE("a writer that waits for another instance re-reads and never overwrites") {
  ScratchDir dir;
  ProgressStore store(dir.str());
  REQUIRE(store.open() == StoreMode::Writable);
  Other other(store.file());
  other.exec("PRAGMA busy_timeout = 5000");
  // Another instance records the day's daily play while holding the write lock.
  REQUIRE(other.exec("BEGIN IMMEDIATE") == SQLITE_OK);
  REQUIRE(other.exec("INSERT INTO plays (day, scenario, kind, percent, total, ending, best_total, "
                     "reached_percent, reached_total, reached_ending, retries, missteps, "
                     "finished_at) VALUES ('2024-03-01', 'a', 'daily', 100, 10, 'success', 10, "
                     "100, 10, 'success', 0, 0, 'now')") == SQLITE_OK);
  std::thread committer([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    other.exec("COMMIT");
  });
  auto start = std::chrono::steady_clock::now();
  RecordOutcome r = store.record(play("a", "2024-03-01", PlayKind::Daily));
  auto waited = std::chrono::steady_clock::now() - start;
  committer.join();
  CHECK(r.problem == "");
  CHECK(waited >= std::chrono::milliseconds(250));
  // Its play is the day's; this one, settled after the wait, is practice.
  CHECK(r.kind == PlayKind::Practice);
  CHECK(kindsOf(store) == std::vector<std::string>{"2024-03-01 daily", "2024-03-01 practice"});
}

TEST_CASE("a lock held longer than the busy timeout is reported and nothing is saved") {
  ScratchDir dir;
  ProgressStore store(dir.str(), 200);
  REQUIRE(store.open() == StoreMode::Writable);
  Other other(store.file());
  REQUIRE(other.exec("BEGIN IMMEDIATE") == SQLITE_OK);
  RecordOutcome r = store.record(play("a", "2024-03-01", PlayKind::Daily));
  // A finished play waits kRecordWaitFactor times the store's timeout.
  CHECK(r.problem ==
        "Progress not saved: progress.db stayed locked by another program for 600 ms.");
  // A play in progress waits the store's own timeout.
  UnfinishedPlay u;
  u.day = "2024-03-01";
  u.scenarioId = "a";
  CHECK(store.saveUnfinished(u) ==
        "Progress not saved: progress.db stayed locked by another program for 200 ms.");
  other.exec("ROLLBACK");
  CHECK(store.playCount() == 0);
  // Play goes on: the next record, with the lock gone, works.
  CHECK(store.record(play("a", "2024-03-01", PlayKind::Daily)).problem == "");
  CHECK(store.canSave());
}

TEST_CASE("only a database SQLite reports as damaged is kept aside, with its reason") {
  ScratchDir dir;
  std::string bytes;
  std::string reason;
  SUBCASE("not a database at all") {
    bytes = "{\"version\": 1, \"days\": {}, \"plays\": []}\n" + std::string(4096, 'x');
    reason = "progress.db is damaged (SQLite: file is not a database)";
  }
  SUBCASE("damaged pages") {
    {
      ProgressStore store(dir.str());
      REQUIRE(store.open() == StoreMode::Writable);
      for (int i = 0; i < 200; ++i)
        store.record(play(std::to_string(i), "2024-03-01", PlayKind::Practice));
    }
    {  // checkpoint the WAL into the file and drop it
      Other o((dir.path() / "progress.db").string());
      o.exec("PRAGMA wal_checkpoint(TRUNCATE)");
      o.exec("PRAGMA journal_mode = DELETE");
    }
    bytes = readFile(dir.path() / "progress.db");
    REQUIRE(bytes.size() > 5 * 4096);
    for (std::size_t i = 2 * 4096; i < 4 * 4096; ++i) bytes[i] = static_cast<char>(0xA5);
    reason = "progress.db is damaged (SQLite: ";
  }
  writeFile(dir.path() / "progress.db", bytes);
  ProgressStore store(dir.str());
  CHECK(store.open() == StoreMode::Writable);
  REQUIRE(store.movedAsideTo() != "");
  const std::string aside = fs::path(store.movedAsideTo()).filename().string();
  CHECK(std::regex_match(aside, kAsideName));
  CHECK(readFile(store.movedAsideTo()) == bytes);  // kept byte for byte
  CHECK(store.notice().rfind(reason, 0) == 0);
  CHECK(store.notice().find("it was kept as " + aside + " and a fresh one was started.") !=
        std::string::npos);
  CHECK(store.notice().find('\n') == std::string::npos);
  CHECK(store.record(play("a", "2024-03-01", PlayKind::Daily)).problem == "");
  CHECK(store.playCount() == 1);
}

TEST_CASE("a pipe, a device or a folder in its place is reported and left as it is") {
  ScratchDir dir;
  const fs::path db = dir.path() / "progress.db";
  std::string what;
  SUBCASE("a named pipe (opening it would hang)") {
    REQUIRE(::mkfifo(db.c_str(), 0644) == 0);
    what = "is a named pipe, not a file";
  }
  SUBCASE("a device") {
    fs::create_symlink("/dev/zero", db);
    what = "is a device, not a file";
  }
  SUBCASE("a folder") {
    fs::create_directories(db / "inside");
    what = "is a directory, not a file";
  }
  auto typeBefore = fs::symlink_status(db).type();
  ProgressStore store(dir.str());
  CHECK(store.open() == StoreMode::Unavailable);
  CHECK(store.notice() ==
        "Progress will not be saved: " + db.string() + " " + what + "; it was left as it is.");
  CHECK(store.movedAsideTo() == "");
  CHECK(fs::symlink_status(db).type() == typeBefore);
  CHECK(store.record(play("a", "2024-03-01", PlayKind::Daily)).problem ==
        "Progress not saved: " + db.string() + " " + what + "; it was left as it is.");
  CHECK(store.dayResults().empty());
  CHECK(namesIn(dir.path()) == std::vector<std::string>{"progress.db"});
}

TEST_CASE("a file that cannot be read is reported, nothing saved, the file untouched") {
  if (::geteuid() == 0) {
    MESSAGE(
        "skipped: root reads through permissions (tests/reliability/store_faults.py covers "
        "EACCES as nobody)");
    return;
  }
  ScratchDir dir;
  {
    ProgressStore store(dir.str());
    REQUIRE(store.open() == StoreMode::Writable);
    store.record(play("a", "2024-03-01", PlayKind::Daily));
  }
  const fs::path db = dir.path() / "progress.db";
  fs::permissions(db, fs::perms::none);
  ProgressStore store(dir.str());
  CHECK(store.open() == StoreMode::Unavailable);
  CHECK(store.notice() == "Progress will not be saved: cannot open " + db.string() +
                              ": Permission denied; it was left as it is.");
  fs::permissions(db, fs::perms::owner_read | fs::perms::owner_write);
  CHECK(store.movedAsideTo() == "");
}

TEST_CASE("a database of a newer schema opens read-only and is never written") {
  ScratchDir dir;
  {
    ProgressStore store(dir.str());
    REQUIRE(store.open() == StoreMode::Writable);
    store.record(play("a", "2024-03-01", PlayKind::Daily));
    Other o(store.file());
    o.exec("PRAGMA user_version = " + std::to_string(progressSchemaVersion() + 1));
    o.exec("CREATE TABLE from_the_future (x)");
    o.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  }
  const std::string before = readFile(dir.path() / "progress.db");
  ProgressStore store(dir.str());
  CHECK(store.open() == StoreMode::ReadOnly);
  CHECK(store.notice() == "progress.db was written by a newer Trust Daily (schema " +
                              std::to_string(progressSchemaVersion() + 1) + ", this one knows " +
                              std::to_string(progressSchemaVersion()) +
                              "): it is opened read-only and nothing is saved.");
  CHECK(store.dayResults().size() == 1);  // what it can read, it shows
  RecordOutcome r = store.record(play("a", "2024-03-02", PlayKind::Daily));
  CHECK(r.problem.rfind("Progress not saved: progress.db was written by a newer Trust Daily", 0) ==
        0);
  std::string pinned;
  CHECK(store.pinDay("2024-03-02", "a", &pinned) != "");
  CHECK(store.movedAsideTo() == "");
  CHECK(readFile(dir.path() / "progress.db") == before);
}

TEST_CASE("a database of every earlier schema version is migrated with its rows intact") {
  // One fixture per version that ever shipped, as that version left it.
  for (int v = 1; v <= progressSchemaVersion(); ++v) {
    CAPTURE(v);
    const fs::path fixture = kFixtures + "/schema-v" + std::to_string(v) + ".sql";
    REQUIRE_MESSAGE(fs::exists(fixture), "add a fixture for every schema version");
    ScratchDir dir;
    {
      Other o((dir.path() / "progress.db").string());
      REQUIRE(o.exec(readFile(fixture)) == SQLITE_OK);
      REQUIRE(o.one("PRAGMA user_version") == std::to_string(v));
    }
    ProgressStore store(dir.str());
    REQUIRE(store.open() == StoreMode::Writable);
    CHECK(store.notice() == "");
    Other o(store.file());
    CHECK(o.one("PRAGMA user_version") == std::to_string(progressSchemaVersion()));
    // The fixture's day: a misstep tried again, then the best path.
    std::vector<PlayRecord> days = store.dayResults();
    REQUIRE(days.size() == 1);
    std::optional<PlayRecord> p = store.play(days[0].id);
    REQUIRE(p.has_value());
    CHECK(p->day == "2026-11-20");
    CHECK(p->kind == PlayKind::Daily);
    CHECK(p->firstTry == PlayScore{0, -1, "success"});
    CHECK(p->reached == PlayScore{100, 5, "success"});
    CHECK(p->retries == 1);
    REQUIRE(p->decisions.size() == 2);
    CHECK(p->decisions[0] == DecisionRecord{"ask", 1, 0, 0, -3, 3, 3, true, 1});
    CHECK(p->principleTotals.at("celebrate") == 2);
    CHECK(store.pinnedScenario("2026-11-20") == "tiny");
    // From version 2 on: the next day's play in progress.
    if (v >= 2) {
      std::optional<UnfinishedPlay> u = store.unfinished("2026-11-21");
      REQUIRE(u.has_value());
      CHECK(u->steps == std::vector<StepTry>{{"ask", 1, 1, 0, {1}}});
      CHECK(p->decisions[1].documents == std::vector<std::size_t>{0});
      CHECK(u->retryOpen);
    }
    // From version 3 on (and migrated into it): the misstep as a review
    // item, graded again on the play's day; its state is found by replay.
    std::vector<ReviewItem> items = store.openReviews();
    REQUIRE(items.size() == 1);
    CHECK(items[0].scenarioId == "tiny");
    CHECK(items[0].nodeId == "ask");
    CHECK(items[0].misstepChoice == 1);
    CHECK(items[0].playId == p->id);
    CHECK(items[0].dueDay() == "2026-11-21");
    CHECK(items[0].state == std::nullopt);
    CHECK(store.reviewLog(items[0].id).size() == 1);
    // And it takes new plays.
    CHECK(store.record(play("tiny", "2026-11-21", PlayKind::Daily)).kind == PlayKind::Daily);
    CHECK(store.unfinished("2026-11-21") == std::nullopt);
  }
}

TEST_CASE("the day's play in progress is saved whole, replaced, and dropped when it is recorded") {
  ScratchDir dir;
  ProgressStore store(dir.str());
  REQUIRE(store.open() == StoreMode::Writable);
  UnfinishedPlay u{"2024-03-01", "a", PlayKind::Daily, {{"start", 0, 0, 0}}, false, ""};
  CHECK(store.saveUnfinished(u) == "");
  u.steps.push_back({"middle", 2, 1, 1});
  u.retryOpen = true;
  u.updatedAt = "2024-03-01T10:00:00+01:00";
  CHECK(store.saveUnfinished(u) == "");
  CHECK(store.unfinished("2024-03-01") == u);
  CHECK(store.unfinished("2024-03-02") == std::nullopt);  // one per date, never another's
  // Practice on the day leaves it; the day's own play, finished, drops it.
  store.record(play("x", "2024-03-01", PlayKind::Practice));
  CHECK(store.unfinished("2024-03-01").has_value());
  store.record(play("a", "2024-03-01", PlayKind::Daily));
  CHECK(store.unfinished("2024-03-01") == std::nullopt);
  CHECK(store.saveUnfinished(u) == "");
  CHECK(store.dropUnfinished("2024-03-01") == "");
  CHECK(store.unfinished("2024-03-01") == std::nullopt);
}

TEST_CASE("a migration that cannot apply is rolled back and the file left as it was") {
  ScratchDir dir;
  {
    Other o((dir.path() / "progress.db").string());
    o.exec("CREATE TABLE plays (something_else TEXT)");  // not ours
  }
  const std::string before = readFile(dir.path() / "progress.db");
  ProgressStore store(dir.str());
  CHECK(store.open() == StoreMode::Unavailable);
  CHECK(store.notice() ==
        "Progress will not be saved: table plays already exists; progress.db "
        "was left as it is.");
  Other o(store.file());
  CHECK(o.one("PRAGMA user_version") == "0");
  CHECK(o.one("SELECT count(*) FROM sqlite_master WHERE name = 'days'") == "0");
}

TEST_CASE("progress.json is imported once, when progress.db is created, and kept beside it") {
  ScratchDir dir;
  const std::string json = readFile(kFixtures + "/progress.json");
  writeFile(dir.path() / "progress.json", json);
  {
    ProgressStore store(dir.str());
    REQUIRE(store.open() == StoreMode::Writable);
    CHECK(store.importedPlays() == 4);
    CHECK(store.notice() == "Imported 4 plays from progress.json (kept beside progress.db).");
    std::vector<PlayRecord> days = store.dayResults();
    REQUIRE(days.size() == 2);
    CHECK(days[0].day == "2026-11-18");
    CHECK(days[0].firstTry == PlayScore{100, 5, "success"});
    CHECK(days[1].day == "2026-11-19");
    CHECK(days[1].firstTry == PlayScore{0, -1, "mixed"});
    CHECK(days[1].missteps == 1);
    CHECK(store.pinnedScenario("2026-11-21") == "other-01");  // shown, not played
    CHECK(kindsOf(store) == std::vector<std::string>{"2026-11-18 daily", "2026-11-18 practice",
                                                     "2026-11-19 daily", "2026-11-19 replay"});
    std::optional<PlayRecord> p = store.play(days[1].id);
    REQUIRE(p.has_value());
    CHECK(p->imported);
    REQUIRE(p->decisions.size() == 2);
    CHECK(p->decisions[0].misstep);
    CHECK(p->decisions[0].firstChoice == 1);
    CHECK(p->decisions[0].firstScore == std::nullopt);  // progress.json did not keep scores
    CHECK(currentStreak(store.dailyDays(), *parseDate("2026-11-19")) == 2);
  }
  CHECK(readFile(dir.path() / "progress.json") == json);
  ProgressStore again(dir.str());
  REQUIRE(again.open() == StoreMode::Writable);
  CHECK(again.importedPlays() == 0);
  CHECK(again.notice() == "");
  CHECK(again.playCount() == 4);
}

TEST_CASE("an unreadable progress.json is reported, kept, and a fresh progress.db started") {
  ScratchDir dir;
  writeFile(dir.path() / "progress.json", "{ not json");
  ProgressStore store(dir.str());
  REQUIRE(store.open() == StoreMode::Writable);
  CHECK(store.notice().rfind("progress.json could not be imported (parse error", 0) == 0);
  CHECK(store.notice().find("it was left as it is.") != std::string::npos);
  CHECK(store.playCount() == 0);
  CHECK(readFile(dir.path() / "progress.json") == "{ not json");
  ProgressStore again(dir.str());
  REQUIRE(again.open() == StoreMode::Writable);
  CHECK(again.notice() == "");  // said once
}

TEST_CASE("a data folder or progress.db behind a symbolic link stays a link") {
  ScratchDir dir;
  const fs::path real = dir.path() / "real";
  fs::create_directories(real / "elsewhere");
  SUBCASE("the folder is a link") {
    fs::create_directory_symlink(real, dir.path() / "data");
    {
      ProgressStore store((dir.path() / "data").string());
      REQUIRE(store.open() == StoreMode::Writable);
      CHECK(store.record(play("a", "2024-03-01", PlayKind::Daily)).problem == "");
    }
    CHECK(fs::is_symlink(dir.path() / "data"));
    CHECK(fs::is_regular_file(real / "progress.db"));
  }
  SUBCASE("progress.db is a link") {
    fs::create_directories(dir.path() / "data");
    fs::create_symlink(real / "elsewhere" / "progress.db", dir.path() / "data" / "progress.db");
    for (int i = 0; i < 2; ++i) {  // created through the link, then reopened
      ProgressStore store((dir.path() / "data").string());
      REQUIRE(store.open() == StoreMode::Writable);
      std::string day = "2024-03-0";
      day += std::to_string(i + 1);
      CHECK(store.record(play("a", day, PlayKind::Daily)).problem == "");
    }
    CHECK(fs::is_symlink(dir.path() / "data" / "progress.db"));
    CHECK(fs::is_regular_file(real / "elsewhere" / "progress.db"));
    ProgressStore store((real / "elsewhere").string());
    REQUIRE(store.open() == StoreMode::Writable);
    CHECK(store.playCount() == 2);
  }
}

TEST_CASE("a data folder that cannot be created is reported and nothing is saved") {
  ScratchDir dir;
  writeFile(dir.path() / "data", "a file where the data folder should be");
  std::string folder;
  SUBCASE("the data folder is a file") { folder = (dir.path() / "data").string(); }
  SUBCASE("a file in the folder's path") { folder = (dir.path() / "data" / "sub").string(); }
  SUBCASE("a folder under /proc") { folder = "/proc/trustdaily-test/data"; }
  ProgressStore store(folder);
  CHECK(store.open() == StoreMode::Unavailable);
  CHECK(store.notice().rfind("Progress will not be saved: cannot create folder " + folder + ": ",
                             0) == 0);
  CHECK(store.record(play("a", "2024-03-01", PlayKind::Daily))
            .problem.rfind("Progress not saved: cannot create folder ", 0) == 0);
  CHECK(readFile(dir.path() / "data") == "a file where the data folder should be");
}

TEST_CASE(
    "the user data folder follows XDG, then HOME, then the account, never the current folder") {
  {
    EnvForTest xdg("XDG_DATA_HOME", "/xdg/data");
    EnvForTest home("HOME", "/home/pm");
    CHECK(userDataFolder().path == "/xdg/data/trustdaily");
    CHECK(ProgressStore().file() == "/xdg/data/trustdaily/progress.db");
  }
  for (const char* odd : {"relative/ignored", "", "./data", "~/data"}) {
    CAPTURE(odd);
    EnvForTest xdg("XDG_DATA_HOME", odd);
    EnvForTest home("HOME", "/home/pm");
    CHECK(userDataFolder().path == "/home/pm/.local/share/trustdaily");
  }
  for (const char* odd : {static_cast<const char*>(nullptr), "", "relative"}) {
    EnvForTest xdg("XDG_DATA_HOME", nullptr);
    EnvForTest home("HOME", odd);
    UserFolder f = userDataFolder();
    // The account's home folder from the password database, or none at all.
    if (f.path.empty()) {
      CHECK(f.problem.find("give --data-dir DIR") != std::string::npos);
      ProgressStore store;
      CHECK(store.open() == StoreMode::Unavailable);
      CHECK(store.notice().rfind("Progress will not be saved: no folder for your files", 0) == 0);
    } else {
      CHECK(f.path.front() == '/');
      CHECK(f.path.ends_with("/.local/share/trustdaily"));
    }
  }
}
