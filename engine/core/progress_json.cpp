#include "progress_json.hpp"

#include <climits>
#include <nlohmann/json.hpp>
#include <set>

#include "daily.hpp"

namespace trustdaily::core {

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

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

// progress.json named practice plays "library".
std::optional<PlayKind> kindFromName(const std::string& name) {
  if (name == "daily") return PlayKind::Daily;
  if (name == "library") return PlayKind::Practice;
  if (name == "replay") return PlayKind::Replay;
  return std::nullopt;
}

std::string kindToName(PlayKind k) {
  return k == PlayKind::Daily ? "daily" : k == PlayKind::Replay ? "replay" : "library";
}

Json playToJson(const JsonPlay& p) {
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
  j["kind"] = kindToName(p.kind);
  j["percent"] = p.percent;
  j["total"] = p.total;
  j["ending"] = p.ending;
  j["path"] = std::move(path);
  j["missteps"] = p.missteps;
  j["finished_at"] = p.finishedAt;
  return j;
}

JsonPlay playFromJson(const Json& j, const std::string& where) {
  JsonPlay p;
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

}  // namespace

std::string progressToJson(const Progress& p) {
  Json days = Json::object();
  for (const auto& [key, rec] : p.days) {
    Json d = Json::object();
    d["scenario"] = rec.scenarioId;
    if (rec.result) d["result"] = playToJson(*rec.result);
    days[key] = std::move(d);
  }
  Json plays = Json::array();
  for (const JsonPlay& play : p.plays) plays.push_back(playToJson(play));
  Json root = Json::object();
  root["version"] = kProgressJsonVersion;
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
  if (text.size() > kMaxProgressJsonBytes) return fail("it is larger than 4 MiB");
  if (!nestingWithin(text, kMaxProgressDepth)) return fail("it is nested too deeply");
  try {
    Json root = Json::parse(text);
    if (!root.is_object()) return fail("it is not a JSON object");
    auto version = root.find("version");
    if (version == root.end()) return fail("it has no \"version\"");
    if (!version->is_number_integer()) return fail("its \"version\" is not an integer");
    bool newer = version->is_number_unsigned() &&
                 version->get<std::uint64_t>() > static_cast<std::uint64_t>(kProgressJsonVersion);
    if (newer)
      return fail("it was written by a newer Trust Daily (format " + version->dump() + ")");
    if (!version->is_number_unsigned() ||
        version->get<std::uint64_t>() != static_cast<std::uint64_t>(kProgressJsonVersion))
      return fail("unknown format version " + version->dump());

    Progress p;
    const Json& days = member(root, "days", "");
    if (!days.is_object()) shapeError("/days", "expected an object");
    for (const auto& [key, value] : days.items()) {
      std::string at = "/days/" + key;
      if (!parseDate(key)) shapeError(at, "not a date");
      JsonDay rec;
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
// Import

namespace {

PlayRecord importedPlay(const JsonPlay& j, PlayKind kind) {
  PlayRecord r;
  r.scenarioId = j.scenarioId;
  r.day = j.day;
  r.kind = kind;
  r.firstTry = {j.percent, j.total, j.ending};
  r.reached = r.firstTry;
  std::set<std::size_t> missteps(j.missteps.begin(), j.missteps.end());
  for (std::size_t i = 0; i < j.path.size(); ++i) {
    DecisionRecord d;
    d.nodeId = j.path[i].nodeId;
    d.firstChoice = d.chosenChoice = j.path[i].choiceIndex;
    d.misstep = missteps.count(i) != 0;
    d.documents = j.path[i].documents;
    r.decisions.push_back(std::move(d));
  }
  r.missteps = static_cast<int>(missteps.size());
  r.finishedAt = j.finishedAt;
  r.imported = true;
  return r;
}

}  // namespace

ImportedProgress importProgress(const Progress& p) {
  ImportedProgress out;
  for (const auto& [day, rec] : p.days)
    if (!rec.scenarioId.empty()) out.pins[day] = rec.scenarioId;
  std::set<std::string> dailyDone;
  for (const JsonPlay& play : p.plays) {
    PlayKind kind = play.kind;
    if (kind == PlayKind::Daily) {
      auto day = p.days.find(play.day);
      bool isResult = day != p.days.end() && day->second.result == play;
      kind = isResult && dailyDone.insert(play.day).second ? PlayKind::Daily : PlayKind::Practice;
    }
    out.plays.push_back(importedPlay(play, kind));
  }
  // A result with no copy among the plays (an edited file) is still the day's.
  for (const auto& [day, rec] : p.days) {
    if (rec.result && !dailyDone.count(day) && rec.result->day == day) {
      out.plays.push_back(importedPlay(*rec.result, PlayKind::Daily));
      dailyDone.insert(day);
    }
  }
  return out;
}

}  // namespace trustdaily::core
