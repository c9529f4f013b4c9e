#include "progress.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

namespace trustdaily::core {

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

constexpr const char* kProgressFile = "progress.json";
// Years of daily plays fit in well under 1 MiB; anything far larger is not
// ours and must not be read into memory whole.
constexpr std::size_t kMaxProgressBytes = 4 * 1024 * 1024;
constexpr std::size_t kMaxProgressDepth = 64;

// ---------------------------------------------------------------------------
// Reading JSON from the player's disk

// nlohmann/json 3.11.2 has no nesting limit and recurses when it copies or
// destroys a deep value, so the depth is checked on the bytes before parsing.
bool nestingWithin(const std::string& text, std::size_t limit) {
  std::size_t depth = 0;
  bool inString = false;
  bool escaped = false;
  for (char c : text) {
    if (inString) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        inString = false;
    } else if (c == '"') {
      inString = true;
    } else if (c == '[' || c == '{') {
      if (++depth > limit) return false;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return true;
}

// "[json.exception.parse_error.101] parse error at ..." -> "parse error at ...".
std::string jsonReason(const nlohmann::json::exception& ex) {
  std::string what = ex.what();
  auto close = what.find("] ");
  if (what.rfind("[json.exception.", 0) == 0 && close != std::string::npos)
    what = what.substr(close + 2);
  for (char& c : what)
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';  // keep the reason on one line
  return what;
}

// Shape errors while converting the DOM; caught in progressFromJson.
struct ShapeError {
  std::string reason;
};

[[noreturn]] void shapeError(const std::string& where, const std::string& what) {
  throw ShapeError{(where.empty() ? "/" : where) + ": " + what};
}

const Json& member(const Json& obj, const char* key, const std::string& where) {
  if (!obj.is_object()) shapeError(where, "expected an object");
  auto it = obj.find(key);
  if (it == obj.end()) shapeError(where, std::string("missing \"") + key + "\"");
  return *it;
}

std::string stringAt(const Json& obj, const char* key, const std::string& where) {
  const Json& v = member(obj, key, where);
  if (!v.is_string()) shapeError(where + "/" + key, "expected a string");
  return v.get<std::string>();
}

// get<int>() wraps silently, so check the kind and the range first. The
// parser stores non-negative integers as unsigned.
int intAt(const Json& obj, const char* key, const std::string& where) {
  const Json& v = member(obj, key, where);
  if (!v.is_number_integer()) shapeError(where + "/" + key, "expected an integer");
  if (v.is_number_unsigned()) {
    if (v.get<std::uint64_t>() > INT_MAX) shapeError(where + "/" + key, "integer out of range");
    return static_cast<int>(v.get<std::uint64_t>());
  }
  auto n = v.get<std::int64_t>();
  if (n < INT_MIN || n > INT_MAX) shapeError(where + "/" + key, "integer out of range");
  return static_cast<int>(n);
}

std::size_t indexOf(const Json& v, const std::string& where) {
  if (!v.is_number_unsigned()) shapeError(where, "expected a non-negative integer");
  auto n = v.get<std::uint64_t>();
  if (n > 1'000'000) shapeError(where, "index out of range");
  return static_cast<std::size_t>(n);
}

const Json& arrayAt(const Json& obj, const char* key, const std::string& where) {
  const Json& v = member(obj, key, where);
  if (!v.is_array()) shapeError(where + "/" + key, "expected an array");
  return v;
}

std::optional<PlayKind> kindFromName(const std::string& name) {
  for (PlayKind k : {PlayKind::Daily, PlayKind::Library, PlayKind::Replay})
    if (playKindName(k) == name) return k;
  return std::nullopt;
}

Json playToJson(const PlayRecord& p) {
  Json path = Json::array();
  for (const PathStep& s : p.path) {
    Json step{{"node", s.nodeId}, {"choice", s.choiceIndex}};
    // Documents read at the node before the choice, so a replay can open them
    // again (a document's flag may gate the choice); absent when none.
    if (!s.documents.empty()) step["documents"] = s.documents;
    path.push_back(std::move(step));
  }
  Json j = Json::object();
  j["scenario"] = p.scenarioId;
  j["day"] = p.day;
  j["kind"] = std::string(playKindName(p.kind));
  j["percent"] = p.percent;
  j["total"] = p.total;
  j["ending"] = p.ending;
  j["path"] = std::move(path);
  j["missteps"] = p.missteps;
  j["finished_at"] = p.finishedAt;
  return j;
}

PlayRecord playFromJson(const Json& j, const std::string& where) {
  PlayRecord p;
  p.scenarioId = stringAt(j, "scenario", where);
  p.day = stringAt(j, "day", where);
  std::string kind = stringAt(j, "kind", where);
  auto k = kindFromName(kind);
  if (!k) shapeError(where + "/kind", "unknown kind \"" + kind + "\"");
  p.kind = *k;
  p.percent = intAt(j, "percent", where);
  p.total = intAt(j, "total", where);
  p.ending = stringAt(j, "ending", where);
  if (p.ending != "success" && p.ending != "mixed" && p.ending != "failure")
    shapeError(where + "/ending", "unknown ending \"" + p.ending + "\"");
  const Json& path = arrayAt(j, "path", where);
  for (std::size_t i = 0; i < path.size(); ++i) {
    std::string at = where + "/path/" + std::to_string(i);
    PathStep step;
    step.nodeId = stringAt(path[i], "node", at);
    step.choiceIndex = indexOf(member(path[i], "choice", at), at + "/choice");
    if (path[i].contains("documents")) {
      const Json& docs = arrayAt(path[i], "documents", at);
      for (std::size_t d = 0; d < docs.size(); ++d)
        step.documents.push_back(indexOf(docs[d], at + "/documents/" + std::to_string(d)));
    }
    p.path.push_back(std::move(step));
  }
  const Json& missteps = arrayAt(j, "missteps", where);
  for (std::size_t i = 0; i < missteps.size(); ++i) {
    std::string at = where + "/missteps/" + std::to_string(i);
    std::size_t m = indexOf(missteps[i], at);
    // Replay from here needs a real step; a dangling index is a broken file.
    if (m >= p.path.size()) shapeError(at, "misstep beyond the path");
    p.missteps.push_back(m);
  }
  if (j.contains("finished_at")) p.finishedAt = stringAt(j, "finished_at", where);
  return p;
}

// ---------------------------------------------------------------------------
// Files

std::string errnoText(int e) { return std::strerror(e); }

enum class ReadStatus { Ok, Missing, Failed };

ReadStatus readLimited(const std::string& path, std::size_t limit, std::string& bytes,
                       std::string& why) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    // No file, or no folder yet (a file in its place is reported on save).
    if (errno == ENOENT || errno == ENOTDIR) return ReadStatus::Missing;
    why = "cannot open it: " + errnoText(errno);
    return ReadStatus::Failed;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    why = "it is not a regular file";
    return ReadStatus::Failed;
  }
  bytes.clear();
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      why = "cannot read it: " + errnoText(errno);
      ::close(fd);
      return ReadStatus::Failed;
    }
    if (n == 0) break;
    bytes.append(buf, static_cast<std::size_t>(n));
    if (bytes.size() > limit) {
      ::close(fd);
      why = "it is larger than " + std::to_string(limit / (1024 * 1024)) + " MiB";
      return ReadStatus::Failed;
    }
  }
  ::close(fd);
  return ReadStatus::Ok;
}

bool processAlive(long pid) {
  if (pid <= 0 || pid > INT_MAX) return false;
  return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

// A crash between creating the temp file and renaming it leaves the temp
// behind. Another running instance may be mid-save, so its temp is spared.
void removeStaleTemps(const fs::path& dir, const std::string& fileName) {
  const std::string prefix = "." + fileName + ".tmp-";
  std::error_code ec;
  std::vector<fs::path> stale;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    std::string pidText = name.substr(prefix.size());
    bool numeric = !pidText.empty() && pidText.size() < 12 &&
                   pidText.find_first_not_of("0123456789") == std::string::npos;
    long pid = numeric ? std::stol(pidText) : 0;
    if (pid != ::getpid() && processAlive(pid)) continue;
    stale.push_back(it->path());
  }
  for (const fs::path& p : stale) fs::remove(p, ec);
}

std::string localStamp(const char* format) {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char buf[64];
  std::size_t n = std::strftime(buf, sizeof buf, format, &local);
  return std::string(buf, n);
}

// Renames `path` to `<path>.corrupt-<YYYYmmdd-HHMMSS>[-N]`, never over an
// existing file (an earlier corrupt copy is evidence too).
bool moveAside(const std::string& path, std::string& movedTo, std::string& why) {
  const std::string base = path + ".corrupt-" + localStamp("%Y%m%d-%H%M%S");
  for (int n = 0; n < 1000; ++n) {
    std::string candidate = n == 0 ? base : base + "-" + std::to_string(n);
    std::error_code ec;
    if (fs::exists(fs::symlink_status(candidate, ec))) continue;
    if (::rename(path.c_str(), candidate.c_str()) != 0) {
      why = errnoText(errno);
      return false;
    }
    movedTo = candidate;
    return true;
  }
  why = "too many corrupt copies already";
  return false;
}

}  // namespace

std::string_view playKindName(PlayKind k) {
  switch (k) {
    case PlayKind::Daily:
      return "daily";
    case PlayKind::Library:
      return "library";
    case PlayKind::Replay:
      return "replay";
  }
  return "daily";
}

// ---------------------------------------------------------------------------
// Progress

std::string Progress::assignDay(const CivilDate& day, const std::string& pick) {
  DayRecord& rec = days[formatDate(day)];
  if (rec.scenarioId.empty()) rec.scenarioId = pick;
  return rec.scenarioId;
}

void Progress::recordPlay(const PlayRecord& play) {
  plays.push_back(play);
  if (play.kind != PlayKind::Daily) return;
  // Day keys must stay parseable or the whole file would read as corrupt.
  if (!parseDate(play.day)) return;
  DayRecord& day = days[play.day];
  if (day.scenarioId.empty()) day.scenarioId = play.scenarioId;
  // Only a play of the scenario the day was given can be the day's result.
  if (!day.result && day.scenarioId == play.scenarioId) day.result = play;
}

int Progress::streak(const CivilDate& today) const {
  std::set<std::int64_t> completed;
  for (const auto& [key, rec] : days) {
    if (!rec.result) continue;
    if (auto d = parseDate(key)) completed.insert(daysFromCivil(*d));
  }
  std::int64_t day = daysFromCivil(today);
  if (!completed.count(day)) --day;  // today may still be played
  int n = 0;
  while (completed.count(day)) {
    ++n;
    --day;
  }
  return n;
}

std::optional<int> Progress::bestPercent(const std::string& scenarioId) const {
  std::optional<int> best;
  for (const PlayRecord& p : plays)
    if (p.scenarioId == scenarioId && (!best || p.percent > *best)) best = p.percent;
  return best;
}

std::vector<std::pair<PlayRecord, std::size_t>> Progress::pendingMissteps() const {
  std::vector<std::pair<PlayRecord, std::size_t>> out;
  std::set<std::string> seen;
  for (auto it = plays.rbegin(); it != plays.rend(); ++it) {
    // A later play of the scenario supersedes earlier ones: its missteps (or
    // none) are what is left to practise.
    if (!seen.insert(it->scenarioId).second) continue;
    for (std::size_t step : it->missteps) out.emplace_back(*it, step);
  }
  return out;
}

std::string localTimestamp() {
  std::string s = localStamp("%Y-%m-%dT%H:%M:%S%z");  // ...+0200
  if (s.size() >= 5) s.insert(s.size() - 2, ":");     // ...+02:00, extended form
  return s;
}

std::string progressToJson(const Progress& p) {
  Json days = Json::object();
  for (const auto& [key, rec] : p.days) {
    Json d = Json::object();
    d["scenario"] = rec.scenarioId;
    if (rec.result) d["result"] = playToJson(*rec.result);
    days[key] = std::move(d);
  }
  Json plays = Json::array();
  for (const PlayRecord& play : p.plays) plays.push_back(playToJson(play));
  Json root = Json::object();
  root["version"] = kProgressVersion;
  root["days"] = std::move(days);
  root["plays"] = std::move(plays);
  // Ids come from scenario files; never let a stray byte make dump() throw.
  return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::optional<Progress> progressFromJson(const std::string& text, std::string* why) {
  auto fail = [&](std::string reason) -> std::optional<Progress> {
    if (why) *why = std::move(reason);
    return std::nullopt;
  };
  if (text.size() > kMaxProgressBytes) return fail("it is larger than 4 MiB");
  if (!nestingWithin(text, kMaxProgressDepth)) return fail("it is nested too deeply");
  try {
    Json root = Json::parse(text);
    if (!root.is_object()) return fail("it is not a JSON object");
    auto version = root.find("version");
    if (version == root.end()) return fail("it has no \"version\"");
    if (!version->is_number_integer()) return fail("its \"version\" is not an integer");
    bool newer = version->is_number_unsigned() &&
                 version->get<std::uint64_t>() > static_cast<std::uint64_t>(kProgressVersion);
    if (newer)
      return fail("it was written by a newer Trust Daily (format " + version->dump() + ")");
    if (!version->is_number_unsigned() ||
        version->get<std::uint64_t>() != static_cast<std::uint64_t>(kProgressVersion))
      return fail("unknown format version " + version->dump());

    Progress p;
    const Json& days = member(root, "days", "");
    if (!days.is_object()) shapeError("/days", "expected an object");
    for (const auto& [key, value] : days.items()) {
      std::string at = "/days/" + key;
      if (!parseDate(key)) shapeError(at, "not a date");
      DayRecord rec;
      rec.scenarioId = stringAt(value, "scenario", at);
      if (value.contains("result")) rec.result = playFromJson(value.at("result"), at + "/result");
      p.days.emplace(key, std::move(rec));
    }
    const Json& plays = arrayAt(root, "plays", "");
    for (std::size_t i = 0; i < plays.size(); ++i)
      p.plays.push_back(playFromJson(plays[i], "/plays/" + std::to_string(i)));
    return p;
  } catch (const ShapeError& e) {
    return fail("unexpected content at " + e.reason);
  } catch (const nlohmann::json::exception& e) {
    return fail(jsonReason(e));
  } catch (const std::exception& e) {
    return fail(e.what());
  }
}

// ---------------------------------------------------------------------------
// Atomic write

std::string atomicWriteFile(const std::string& path, const std::string& bytes) {
  const fs::path target(path);
  fs::path dir = target.parent_path();
  if (dir.empty()) dir = ".";
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return "cannot create folder " + dir.string() + ": " + ec.message();
  if (!fs::is_directory(dir, ec)) return "cannot create folder " + dir.string() + ": not a folder";

  const fs::path temp =
      dir / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()));
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return "cannot create " + temp.string() + ": " + errnoText(errno);

  // On any failure the temp goes and the previous file stays the good one:
  // no retry that could pretend a save happened.
  auto fail = [&](const std::string& what, int e) {
    if (fd >= 0) ::close(fd);
    ::unlink(temp.c_str());
    return what + ": " + errnoText(e);
  };
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return fail("cannot write " + temp.string(), errno);
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) return fail("cannot flush " + temp.string() + " to disk", errno);
  int closed = ::close(fd);
  fd = -1;
  if (closed != 0) return fail("cannot write " + temp.string(), errno);
  if (::rename(temp.c_str(), target.c_str()) != 0)
    return fail("cannot replace " + target.string(), errno);

  // The rename itself is durable only once the folder is synced.
  int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd < 0) return "saved, but cannot open folder " + dir.string() + ": " + errnoText(errno);
  int synced = ::fsync(dfd);
  int e = errno;
  ::close(dfd);
  if (synced != 0 && e != EINVAL && e != ENOTSUP)  // some filesystems cannot sync folders
    return "saved, but cannot flush folder " + dir.string() + ": " + errnoText(e);
  return "";
}

// ---------------------------------------------------------------------------
// Store

ProgressStore::ProgressStore(std::string dir) : dir_(dir.empty() ? defaultDir() : std::move(dir)) {}

std::string ProgressStore::defaultDir() {
  // XDG: relative values are invalid and must be ignored.
  const char* xdg = std::getenv("XDG_DATA_HOME");
  if (xdg && xdg[0] == '/') return (fs::path(xdg) / "trustdaily").string();
  const char* home = std::getenv("HOME");
  if (home && home[0] != '\0') return (fs::path(home) / ".local" / "share" / "trustdaily").string();
  return ".trustdaily";
}

std::string ProgressStore::file() const { return (fs::path(dir_) / kProgressFile).string(); }

ProgressLoad ProgressStore::load() {
  ProgressLoad out;
  saveBlockedBy_.clear();
  removeStaleTemps(dir_, kProgressFile);
  const std::string path = file();
  std::string bytes;
  std::string why;
  ReadStatus status = readLimited(path, kMaxProgressBytes, bytes, why);
  if (status == ReadStatus::Missing) return out;
  if (status == ReadStatus::Ok) {
    if (auto p = progressFromJson(bytes, &why)) {
      out.progress = std::move(*p);
      return out;
    }
  }
  std::string movedTo;
  std::string moveWhy;
  if (moveAside(path, movedTo, moveWhy)) {
    out.movedAsideTo = movedTo;
    out.problem = "Your progress file could not be read (" + why + "); it was kept as " +
                  fs::path(movedTo).filename().string() + " and a fresh one was started.";
  } else {
    saveBlockedBy_ = "the unreadable " + path + " could not be moved aside (" + moveWhy + ")";
    out.problem = "Your progress file could not be read (" + why + ") nor moved aside (" + moveWhy +
                  "); progress will not be saved.";
  }
  return out;
}

std::string ProgressStore::save(const Progress& p) {
  if (!saveBlockedBy_.empty()) return "Progress not saved: " + saveBlockedBy_ + ".";
  std::string why = atomicWriteFile(file(), progressToJson(p));
  return why.empty() ? why : "Progress not saved: " + why + ".";
}

}  // namespace trustdaily::core
