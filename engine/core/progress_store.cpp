#include "progress_store.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <functional>

#include "day_rules.hpp"
#include "file_access.hpp"
#include "progress_json.hpp"
#include "progress_schema.hpp"
#include "review_store.hpp"
#include "sqlite_util.hpp"

namespace trustdaily::core {

namespace {

namespace fs = std::filesystem;
using namespace sqlite_util;

constexpr const char* kDbFile = "progress.db";
constexpr const char* kJsonFile = "progress.json";

bool isCorrupt(const Failure& f) {
  int primary = f.code & 0xff;
  return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
}

// One line: what SQLite said, and the system's reason when there is one.
std::string reasonOf(const Failure& f, int busyMs) {
  int primary = f.code & 0xff;
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
    std::string waited = busyMs >= 1000 && busyMs % 1000 == 0 ? std::to_string(busyMs / 1000) + " s"
                                                              : std::to_string(busyMs) + " ms";
    return "progress.db stayed locked by another program for " + waited;
  }
  std::string out = f.message;
  for (char& c : out)  // quick_check reports one problem per line
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  if (isCorrupt(f)) return "progress.db is damaged (SQLite: " + out + ")";
  if (primary == SQLITE_READONLY) return "progress.db cannot be written (SQLite: " + out + ")";
  if (f.sysErrno != 0) {
    std::string sys = std::strerror(f.sysErrno);
    if (out.find(sys) == std::string::npos) out += ": " + sys;
  }
  return out;
}

std::string localStamp(const char* format) {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char buf[64];
  std::size_t n = std::strftime(buf, sizeof buf, format, &local);
  return std::string(buf, n);
}

// Renames the database (and its WAL and shared-memory files, which belong to
// it) to <path>.corrupt-<stamp>[-N], never over an earlier copy.
bool moveAside(const std::string& path, std::string& movedTo, std::string& why) {
  const std::string base = path + ".corrupt-" + localStamp("%Y%m%d-%H%M%S");
  for (int n = 0; n < 1000; ++n) {
    std::string candidate = n == 0 ? base : base + "-" + std::to_string(n);
    std::error_code ec;
    if (fs::exists(fs::symlink_status(candidate, ec))) continue;
    if (::rename(path.c_str(), candidate.c_str()) != 0) {
      why = std::strerror(errno);
      return false;
    }
    for (const char* suffix : {"-wal", "-shm"}) {
      std::string from = path + suffix;
      if (fs::exists(fs::symlink_status(from, ec)))
        ::rename(from.c_str(), (candidate + suffix).c_str());
    }
    movedTo = candidate;
    return true;
  }
  why = "too many damaged copies already";
  return false;
}

int userVersion(sqlite3* db) {
  Stmt s(db, "PRAGMA user_version");
  return s.step() ? s.small(0) : 0;
}

// SQLite's own check of the pages and indexes (not of row contents).
void quickCheck(sqlite3* db) {
  Stmt s(db, "PRAGMA quick_check(1)");
  if (s.step() && s.text(0) != "ok") {
    Failure f;
    f.code = SQLITE_CORRUPT;
    f.message = s.text(0);
    throw f;
  }
}

// ---------------------------------------------------------------------------
// Rows

// A list of document indices as stored: "0,2", NULL when empty.
std::optional<std::string> documentsText(const std::vector<std::size_t>& docs) {
  if (docs.empty()) return std::nullopt;
  std::string out;
  for (std::size_t d : docs) {
    if (!out.empty()) out += ',';
    out += std::to_string(d);
  }
  return out;
}

std::vector<std::size_t> documentsFrom(const std::string& text) {
  std::vector<std::size_t> out;
  std::size_t value = 0;
  bool any = false;
  for (char c : text + ",") {
    if (c >= '0' && c <= '9' && value < 1'000'000) {
      value = value * 10 + static_cast<std::size_t>(c - '0');
      any = true;
    } else if (c == ',') {
      if (any) out.push_back(value);
      value = 0;
      any = false;
    }
  }
  return out;
}

constexpr const char* kPlayColumns =
    "id, day, scenario, kind, percent, total, ending, best_total, reached_percent, "
    "reached_total, reached_ending, retries, missteps, finished_at, imported";

PlayRecord playFromRow(const Stmt& s) {
  PlayRecord p;
  p.id = s.integer(0);
  p.day = s.text(1);
  p.scenarioId = s.text(2);
  p.kind = playKindFromName(s.text(3)).value_or(PlayKind::Practice);
  p.firstTry = {s.small(4), s.small(5), s.text(6)};
  p.bestTotal = s.small(7);
  p.reached = {s.small(8), s.small(9), s.text(10)};
  p.retries = s.small(11);
  p.missteps = s.small(12);
  p.finishedAt = s.text(13);
  p.imported = s.integer(14) != 0;
  return p;
}

std::optional<std::string> queryPinned(sqlite3* db, const std::string& day) {
  Stmt s(db, "SELECT scenario FROM days WHERE day = ?");
  s.bind(1, day);
  if (s.step()) return s.text(0);
  return std::nullopt;
}

std::optional<std::string> queryLatest(sqlite3* db) {
  Stmt s(db, "SELECT max(day) FROM plays WHERE kind IN ('daily', 'late')");
  if (s.step() && !s.isNull(0)) return s.text(0);
  return std::nullopt;
}

bool queryDayRecorded(sqlite3* db, const std::string& day) {
  Stmt s(db, "SELECT 1 FROM plays WHERE day = ? AND kind IN ('daily', 'late') LIMIT 1");
  s.bind(1, day);
  return s.step();
}

void deleteUnfinished(sqlite3* db, const std::string& day) {
  Stmt s(db, "DELETE FROM unfinished WHERE day = ?");  // its steps cascade
  s.bind(1, day).run();
}

void insertPin(sqlite3* db, const std::string& day, const std::string& scenario) {
  Stmt s(db, "INSERT OR IGNORE INTO days (day, scenario, pinned_at) VALUES (?, ?, ?)");
  s.bind(1, day).bind(2, scenario).bind(3, localTimestamp()).run();
}

std::int64_t insertPlay(sqlite3* db, const PlayRecord& p, PlayKind kind) {
  Stmt s(db,
         "INSERT INTO plays (day, scenario, kind, percent, total, ending, best_total, "
         "reached_percent, reached_total, reached_ending, retries, missteps, finished_at, "
         "imported) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  s.bind(1, p.day)
      .bind(2, p.scenarioId)
      .bind(3, std::string(playKindName(kind)))
      .bind(4, std::int64_t{p.firstTry.percent})
      .bind(5, std::int64_t{p.firstTry.total})
      .bind(6, p.firstTry.ending)
      .bind(7, std::int64_t{p.bestTotal})
      .bind(8, std::int64_t{p.reached.percent})
      .bind(9, std::int64_t{p.reached.total})
      .bind(10, p.reached.ending)
      .bind(11, std::int64_t{p.retries})
      .bind(12, std::int64_t{p.missteps})
      .bind(13, p.finishedAt)
      .bind(14, std::int64_t{p.imported ? 1 : 0})
      .run();
  const std::int64_t id = sqlite3_last_insert_rowid(db);
  Stmt d(db,
         "INSERT INTO decisions (play, step, node, first_choice, chosen_choice, best_choice, "
         "first_score, chosen_score, best_score, misstep, retries, documents) "
         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (std::size_t i = 0; i < p.decisions.size(); ++i) {
    const DecisionRecord& r = p.decisions[i];
    d.bind(1, id)
        .bind(2, static_cast<std::int64_t>(i))
        .bind(3, r.nodeId)
        .bind(4, static_cast<std::int64_t>(r.firstChoice))
        .bind(5, static_cast<std::int64_t>(r.chosenChoice))
        .bind(6, r.bestChoice)
        .bind(7, r.firstScore)
        .bind(8, r.chosenScore)
        .bind(9, r.bestScore)
        .bind(10, std::int64_t{r.misstep ? 1 : 0})
        .bind(11, std::int64_t{r.retries})
        .bind(12, documentsText(r.documents))
        .run();
    d.reset();
  }
  Stmt t(db, "INSERT INTO play_principles (play, principle, total) VALUES (?, ?, ?)");
  for (const auto& [principle, total] : p.principleTotals) {
    t.bind(1, id).bind(2, principle).bind(3, std::int64_t{total}).run();
    t.reset();
  }
  return id;
}

// progress.json beside a new database: imported once, in the transaction
// that creates the schema, and left as it was. Returns the plays imported
// and a note for the player.
int importJson(sqlite3* db, const std::string& dir, std::string& note) {
  const std::string path = (fs::path(dir) / kJsonFile).string();
  FileRead read = readBounded(path, kMaxProgressJsonBytes);
  if (read.status == ReadStatus::Missing) return 0;
  std::string why = read.why;
  std::optional<Progress> old;
  if (read.ok()) old = progressFromJson(read.bytes, &why);
  Stmt meta(db, "INSERT OR REPLACE INTO meta (key, value) VALUES ('progress_json', ?)");
  if (!old) {
    note = "progress.json could not be imported (" + why + "); it was left as it is.";
    meta.bind(1, "not imported: " + why).run();
    return 0;
  }
  ImportedProgress in = importProgress(*old);
  for (const auto& [day, scenario] : in.pins) insertPin(db, day, scenario);
  for (const PlayRecord& p : in.plays) insertPlay(db, p, p.kind);
  int n = static_cast<int>(in.plays.size());
  meta.bind(1, "imported " + std::to_string(n) + " plays at " + localTimestamp()).run();
  note = "Imported " + std::to_string(n) + (n == 1 ? " play" : " plays") +
         " from progress.json (kept beside progress.db).";
  return n;
}

}  // namespace

int progressSchemaVersion() { return static_cast<int>(progressMigrations().size()); }

ProgressStore::ProgressStore(std::string dir, int busyMs) : dir_(std::move(dir)), busyMs_(busyMs) {
  if (dir_.empty()) {
    UserFolder f = userDataFolder();
    dir_ = f.path;
    folderProblem_ = f.problem;
  }
}

ProgressStore::~ProgressStore() { close(); }

std::string ProgressStore::file() const {
  return dir_.empty() ? std::string() : (fs::path(dir_) / kDbFile).string();
}

void ProgressStore::close() {
  if (db_ != nullptr) sqlite3_close_v2(db_);
  db_ = nullptr;
}

StoreMode ProgressStore::open() {
  close();
  notice_.clear();
  movedAsideTo_.clear();
  importedPlays_ = 0;
  if (dir_.empty()) {
    mode_ = StoreMode::Unavailable;
    notice_ = "Progress will not be saved: " + folderProblem_ + ".";
    return mode_;
  }
  return openOnce(false);
}

StoreMode ProgressStore::openOnce(bool afterMoveAside) {
  mode_ = StoreMode::Unavailable;
  std::error_code ec;
  fs::create_directories(dir_, ec);
  if (ec || !fs::is_directory(dir_, ec)) {
    notice_ = "Progress will not be saved: cannot create folder " + dir_ + ": " +
              (ec ? ec.message() : std::string("not a folder")) + ".";
    return mode_;
  }
  const std::string path = file();
  // What is in its place, before SQLite sees it: a named pipe would hang its
  // open, a device would be read as garbage. Neither is ours to move.
  bool existed = false;
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd >= 0) {
    struct stat st {};
    bool regular = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
    ::close(fd);
    if (!regular) {
      notice_ = "Progress will not be saved: " + path + " " + notAFileReason(st.st_mode) +
                "; it was left as it is.";
      return mode_;
    }
    existed = st.st_size > 0;
  } else if (errno != ENOENT) {
    notice_ = "Progress will not be saved: cannot open " + path + ": " + std::strerror(errno) +
              "; it was left as it is.";
    return mode_;
  }

  std::string importNote;
  try {
    int rc =
        sqlite3_open_v2(path.c_str(), &db_,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) fail(db_, rc);
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, busyMs_);
    const int version = userVersion(db_);  // reads the header: "not a database" shows here
    const int current = progressSchemaVersion();
    if (version > current) {
      // Never write what this build does not understand.
      exec(db_, "PRAGMA query_only = ON");
      quickCheck(db_);
      mode_ = StoreMode::ReadOnly;
      notice_ = "progress.db was written by a newer Trust Daily (schema " +
                std::to_string(version) + ", this one knows " + std::to_string(current) +
                "): it is opened read-only and nothing is saved.";
      return mode_;
    }
    if (sqlite3_db_readonly(db_, "main") == 1) {
      Failure f;
      f.code = SQLITE_READONLY;
      f.sysErrno = EACCES;
      f.message = "the file is read-only for this user";
      throw f;
    }
    // Checked before anything writes, so a damaged file is kept aside as it was.
    if (existed) quickCheck(db_);
    exec(db_, "PRAGMA journal_mode = WAL");
    exec(db_, "PRAGMA synchronous = FULL");  // a finished play survives a power cut too
    exec(db_, "PRAGMA foreign_keys = ON");
    if (version < current) {
      Transaction t(db_, true);
      // Another instance may have migrated while this one waited.
      int now = userVersion(db_);
      const auto& migrations = progressMigrations();
      for (int v = now; v < current; ++v) exec(db_, migrations[static_cast<std::size_t>(v)]);
      if (now == 0) importedPlays_ = importJson(db_, dir_, importNote);
      // Items for the missteps of plays recorded before review items existed
      // (and of plays just imported).
      if (now < 3 && current >= 3) review_sql::backfill(db_);
      exec(db_, ("PRAGMA user_version = " + std::to_string(current)).c_str());
      t.commit();
    }
    mode_ = StoreMode::Writable;
  } catch (const Failure& f) {
    close();
    importedPlays_ = 0;
    if (isCorrupt(f) && !afterMoveAside) {
      std::string movedTo;
      std::string why;
      if (!moveAside(path, movedTo, why)) {
        notice_ = "Progress will not be saved: " + reasonOf(f, busyMs_) +
                  " and could not be moved aside (" + why + ").";
        return mode_;
      }
      movedAsideTo_ = movedTo;
      std::string aside = fs::path(movedTo).filename().string();
      StoreMode m = openOnce(true);
      std::string later = notice_;
      notice_ =
          reasonOf(f, busyMs_) + "; it was kept as " + aside + " and a fresh one was started.";
      if (!later.empty()) notice_ += " " + later;
      return m;
    }
    notice_ = "Progress will not be saved: " + reasonOf(f, busyMs_) + "; " + kDbFile +
              " was left as it is.";
    return mode_;
  }
  notice_ = importNote;
  return mode_;
}

bool ProgressStore::readGuarded(const std::function<void()>& body) {
  if (db_ == nullptr || mode_ == StoreMode::Unavailable || mode_ == StoreMode::Closed) return false;
  try {
    body();
    return true;
  } catch (const Failure& f) {
    if (notice_.empty()) notice_ = "Progress could not be read: " + reasonOf(f, busyMs_) + ".";
    return false;
  }
}

std::string ProgressStore::writeGuarded(const std::function<void()>& body, int busyMs) {
  const int waitMs = busyMs > 0 ? busyMs : busyMs_;
  if (db_ == nullptr || mode_ != StoreMode::Writable) {
    std::string why = notice_;
    const std::string prefix = "Progress will not be saved: ";
    if (why.rfind(prefix, 0) == 0) why = why.substr(prefix.size());
    if (!why.empty() && why.back() == '.') why.pop_back();
    return "Progress not saved: " + (why.empty() ? std::string("progress.db is not open") : why) +
           ".";
  }
  // The connection's own timeout comes back however the write ends.
  struct BusyWait {
    sqlite3* db;
    int restore;
    ~BusyWait() { sqlite3_busy_timeout(db, restore); }
  } busyWait{db_, busyMs_};
  sqlite3_busy_timeout(db_, waitMs);
  try {
    Transaction t(db_, true);
    body();
    t.commit();
    return "";
  } catch (const Failure& f) {
    if (isCorrupt(f)) {
      mode_ = StoreMode::Unavailable;
      notice_ = reasonOf(f, waitMs) + "; it will be kept aside at the next start.";
    }
    return "Progress not saved: " + reasonOf(f, waitMs) + ".";
  }
}

std::optional<std::string> ProgressStore::pinnedScenario(const std::string& day) {
  std::optional<std::string> out;
  readGuarded([&] { out = queryPinned(db_, day); });
  return out;
}

std::vector<std::string> ProgressStore::dailyDays() {
  std::vector<std::string> out;
  readGuarded([&] {
    Stmt s(db_, "SELECT day FROM plays WHERE kind = 'daily' ORDER BY day");
    while (s.step()) out.push_back(s.text(0));
  });
  return out;
}

std::optional<std::string> ProgressStore::latestDay() {
  std::optional<std::string> out;
  readGuarded([&] { out = queryLatest(db_); });
  return out;
}

std::vector<PlayRecord> ProgressStore::dayResults(std::size_t newest) {
  std::vector<PlayRecord> out;
  readGuarded([&] {
    out.clear();
    // Newest first, so a limit reads only what it keeps; a day's daily play
    // comes before its late ones.
    Stmt s(db_, (std::string("SELECT ") + kPlayColumns +
                 " FROM plays WHERE kind IN ('daily', 'late') ORDER BY day DESC, kind = 'late', id")
                    .c_str());
    while (s.step()) {
      std::string day = s.text(1);
      if (!out.empty() && out.back().day == day) continue;
      if (newest > 0 && out.size() == newest) break;
      out.push_back(playFromRow(s));
    }
    std::reverse(out.begin(), out.end());
  });
  return out;
}

std::optional<PlayRecord> ProgressStore::dayResult(const std::string& day) {
  std::optional<PlayRecord> out;
  readGuarded([&] {
    Stmt s(db_, (std::string("SELECT ") + kPlayColumns +
                 " FROM plays WHERE day = ? AND kind IN ('daily', 'late') "
                 "ORDER BY kind = 'late', id LIMIT 1")
                    .c_str());
    s.bind(1, day);
    if (s.step()) out = playFromRow(s);
  });
  return out;
}

std::optional<PlayRecord> ProgressStore::play(std::int64_t id) {
  std::optional<PlayRecord> out;
  readGuarded([&] {
    out.reset();
    Transaction t(db_, false);  // the play and its rows from one snapshot
    Stmt s(db_, (std::string("SELECT ") + kPlayColumns + " FROM plays WHERE id = ?").c_str());
    s.bind(1, id);
    if (!s.step()) return;
    PlayRecord p = playFromRow(s);
    Stmt d(db_,
           "SELECT node, first_choice, chosen_choice, best_choice, first_score, chosen_score, "
           "best_score, misstep, retries, documents FROM decisions WHERE play = ? ORDER BY step");
    d.bind(1, id);
    while (d.step()) {
      DecisionRecord r;
      r.nodeId = d.text(0);
      r.firstChoice = static_cast<std::size_t>(d.integer(1));
      r.chosenChoice = static_cast<std::size_t>(d.integer(2));
      if (!d.isNull(3)) r.bestChoice = static_cast<std::size_t>(d.integer(3));
      r.firstScore = d.optional(4);
      r.chosenScore = d.optional(5);
      r.bestScore = d.optional(6);
      r.misstep = d.integer(7) != 0;
      r.retries = d.small(8);
      r.documents = documentsFrom(d.text(9));
      p.decisions.push_back(std::move(r));
    }
    Stmt totals(db_, "SELECT principle, total FROM play_principles WHERE play = ?");
    totals.bind(1, id);
    while (totals.step()) p.principleTotals[totals.text(0)] = totals.small(1);
    t.commit();
    out = std::move(p);
  });
  return out;
}

std::vector<PlayRecord> ProgressStore::plays() {
  std::vector<PlayRecord> out;
  readGuarded([&] {
    out.clear();
    Stmt s(db_, (std::string("SELECT ") + kPlayColumns + " FROM plays ORDER BY id").c_str());
    while (s.step()) out.push_back(playFromRow(s));
  });
  return out;
}

std::map<std::string, int> ProgressStore::bestPercents() {
  std::map<std::string, int> out;
  readGuarded([&] {
    Stmt s(db_, "SELECT scenario, max(percent) FROM plays GROUP BY scenario");
    while (s.step()) out[s.text(0)] = s.small(1);
  });
  return out;
}

std::vector<RecentMisstep> ProgressStore::recentMissteps() {
  std::vector<RecentMisstep> out;
  readGuarded([&] {
    out.clear();
    Stmt s(db_,
           "WITH latest AS (SELECT max(id) AS id FROM plays GROUP BY scenario) "
           "SELECT p.id, p.day, p.scenario, p.kind, d.step, d.node, d.first_choice "
           "FROM latest JOIN plays p ON p.id = latest.id "
           "JOIN decisions d ON d.play = p.id AND d.misstep = 1 "
           "ORDER BY p.id DESC, d.step");
    while (s.step()) {
      RecentMisstep r;
      r.playId = s.integer(0);
      r.day = s.text(1);
      r.scenarioId = s.text(2);
      r.kind = playKindFromName(s.text(3)).value_or(PlayKind::Practice);
      r.step = static_cast<std::size_t>(s.integer(4));
      r.nodeId = s.text(5);
      r.choice = static_cast<std::size_t>(s.integer(6));
      out.push_back(std::move(r));
    }
  });
  return out;
}

std::map<std::string, int> ProgressStore::principleTotals() {
  std::map<std::string, int> out;
  readGuarded([&] {
    Stmt s(db_, "SELECT principle, sum(total) FROM play_principles GROUP BY principle");
    while (s.step()) out[s.text(0)] = s.small(1);
  });
  return out;
}

std::map<std::int64_t, std::map<std::string, int>> ProgressStore::principleTotalsByPlay() {
  std::map<std::int64_t, std::map<std::string, int>> out;
  readGuarded([&] {
    out.clear();
    Stmt s(db_, "SELECT play, principle, total FROM play_principles");
    while (s.step()) out[s.integer(0)][s.text(1)] = s.small(2);
  });
  return out;
}

std::int64_t ProgressStore::playCount() {
  std::int64_t out = 0;
  readGuarded([&] {
    Stmt s(db_, "SELECT count(*) FROM plays");
    if (s.step()) out = s.integer(0);
  });
  return out;
}

std::string ProgressStore::pinDay(const std::string& day, const std::string& scenarioId,
                                  std::string* pinned) {
  if (pinned) *pinned = scenarioId;
  return writeGuarded([&] {
    insertPin(db_, day, scenarioId);
    if (pinned) *pinned = queryPinned(db_, day).value_or(scenarioId);
  });
}

std::string ProgressStore::repinDay(const std::string& day, const std::string& scenarioId) {
  return writeGuarded([&] {
    if (queryDayRecorded(db_, day)) return;
    Stmt s(db_,
           "INSERT INTO days (day, scenario, pinned_at) VALUES (?, ?, ?) "
           "ON CONFLICT (day) DO UPDATE SET scenario = excluded.scenario, "
           "pinned_at = excluded.pinned_at");
    s.bind(1, day).bind(2, scenarioId).bind(3, localTimestamp()).run();
  });
}

RecordOutcome ProgressStore::record(const PlayRecord& play,
                                    const std::vector<MisstepStart>& starts) {
  RecordOutcome out;
  out.kind = play.kind;
  out.problem = writeGuarded(
      [&] {
        // Settled against what is recorded now, inside the write lock.
        std::optional<std::string> pinned = queryPinned(db_, play.day);
        PlayKind kind = settleKind(play.kind, play.day, play.scenarioId, pinned,
                                   queryDayRecorded(db_, play.day), queryLatest(db_));
        if ((kind == PlayKind::Daily || kind == PlayKind::Late) && !pinned)
          insertPin(db_, play.day, play.scenarioId);
        out.id = insertPlay(db_, play, kind);
        out.kind = kind;
        review_sql::noteMissteps(db_, play, out.id, kind, starts);
        if (play.kind == PlayKind::Daily || play.kind == PlayKind::Late)
          deleteUnfinished(db_, play.day);
      },
      kRecordWaitFactor * busyMs_);
  return out;
}

std::optional<UnfinishedPlay> ProgressStore::unfinished(const std::string& day) {
  std::optional<UnfinishedPlay> out;
  readGuarded([&] {
    out.reset();
    Transaction t(db_, false);
    Stmt s(db_, "SELECT scenario, kind, retry_open, updated_at FROM unfinished WHERE day = ?");
    s.bind(1, day);
    if (!s.step()) return;
    UnfinishedPlay u;
    u.day = day;
    u.scenarioId = s.text(0);
    u.kind = playKindFromName(s.text(1)).value_or(PlayKind::Daily);
    u.retryOpen = s.integer(2) != 0;
    u.updatedAt = s.text(3);
    Stmt st(db_,
            "SELECT node, first_choice, chosen_choice, retries, documents FROM unfinished_steps "
            "WHERE day = ? ORDER BY step");
    st.bind(1, day);
    while (st.step())
      // A chosen choice of -1: tried again, not chosen yet.
      u.steps.push_back(StepTry{st.text(0), static_cast<std::size_t>(st.integer(1)),
                                st.integer(2) < 0 ? static_cast<std::size_t>(st.integer(1))
                                                  : static_cast<std::size_t>(st.integer(2)),
                                st.small(3), documentsFrom(st.text(4)), st.integer(2) < 0});
    t.commit();
    out = std::move(u);
  });
  return out;
}

std::string ProgressStore::saveUnfinished(const UnfinishedPlay& play) {
  return writeGuarded([&] {
    deleteUnfinished(db_, play.day);
    Stmt s(db_,
           "INSERT INTO unfinished (day, scenario, kind, retry_open, updated_at) "
           "VALUES (?, ?, ?, ?, ?)");
    s.bind(1, play.day)
        .bind(2, play.scenarioId)
        .bind(3, std::string(playKindName(play.kind)))
        .bind(4, std::int64_t{play.retryOpen ? 1 : 0})
        .bind(5, play.updatedAt.empty() ? localTimestamp() : play.updatedAt)
        .run();
    Stmt st(db_,
            "INSERT INTO unfinished_steps (day, step, node, first_choice, chosen_choice, retries, "
            "documents) VALUES (?, ?, ?, ?, ?, ?, ?)");
    for (std::size_t i = 0; i < play.steps.size(); ++i) {
      const StepTry& t = play.steps[i];
      st.bind(1, play.day)
          .bind(2, static_cast<std::int64_t>(i))
          .bind(3, t.nodeId)
          .bind(4, static_cast<std::int64_t>(t.firstChoice))
          .bind(5, t.pending ? std::int64_t{-1} : static_cast<std::int64_t>(t.chosenChoice))
          .bind(6, std::int64_t{t.retries})
          .bind(7, documentsText(t.documents))
          .run();
      st.reset();
    }
  });
}

std::string ProgressStore::dropUnfinished(const std::string& day) {
  return writeGuarded([&] { deleteUnfinished(db_, day); });
}

}  // namespace trustdaily::core
