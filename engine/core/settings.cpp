#include "settings.hpp"

#include <cstdio>
#include <ctime>
#include <filesystem>

#include "file_access.hpp"
#include "json_source.hpp"

namespace trustdaily::core {

namespace {

namespace fs = std::filesystem;

constexpr int kSettingsVersion = 1;
constexpr int kMaxTextSize = 3;
constexpr const char* kSettingsFile = "settings.json";

void addProblem(std::string* problem, const std::string& text) {
  if (problem == nullptr) return;
  if (!problem->empty()) *problem += "; ";
  *problem += text;
}

}  // namespace

std::string settingsToJson(const Settings& s) {
  Json j = Json::object();
  j["version"] = kSettingsVersion;
  j["text_size"] = s.textSize;
  j["theme"] = s.theme == Theme::Dark ? "dark" : "light";
  j["rollover_hour"] = s.rolloverHour;
  return j.dump(2) + "\n";
}

namespace {

// `rejected` is set when the whole file was refused (not one bad value).
Settings parseSettings(const std::string& text, std::string* problem, bool* rejected) {
  Settings defaults;
  if (problem) problem->clear();
  if (rejected) *rejected = true;
  // The project's hardened parser: size and depth limits, duplicate keys,
  // UTF-8, top-level object; it never throws.
  PositionedJson parsed = parsePositioned(text, kSettingsFile);
  if (!parsed.ok()) {
    addProblem(problem, formatText(parsed.diagnostics.front()) + " (using default settings)");
    return defaults;
  }
  const Json& root = parsed.root;
  if (auto v = root.find("version"); v != root.end()) {
    if (!v->is_number_unsigned() || v->get<std::uint64_t>() != kSettingsVersion) {
      addProblem(problem, "settings.json has an unknown version (using default settings)");
      return defaults;
    }
  }
  if (rejected) *rejected = false;

  Settings s;
  if (auto v = root.find("text_size"); v != root.end()) {
    if (v->is_number_unsigned() && v->get<std::uint64_t>() <= kMaxTextSize)
      s.textSize = static_cast<int>(v->get<std::uint64_t>());
    else
      addProblem(problem, "text_size must be an integer from 0 to 3 (using the default)");
  }
  if (auto v = root.find("theme"); v != root.end()) {
    if (v->is_string() && v->get<std::string>() == "light")
      s.theme = Theme::Light;
    else if (v->is_string() && v->get<std::string>() == "dark")
      s.theme = Theme::Dark;
    else
      addProblem(problem, "theme must be \"light\" or \"dark\" (using the default)");
  }
  if (auto v = root.find("rollover_hour"); v != root.end()) {
    if (v->is_number_unsigned() && v->get<std::uint64_t>() <= 23)
      s.rolloverHour = static_cast<int>(v->get<std::uint64_t>());
    else
      addProblem(problem, "rollover_hour must be an integer from 0 to 23 (using the default)");
  }
  return s;
}

}  // namespace

Settings settingsFromJson(const std::string& text, std::string* problem) {
  return parseSettings(text, problem, nullptr);
}

SettingsStore::SettingsStore(std::string dir) : dir_(std::move(dir)) {
  if (dir_.empty()) {
    UserFolder f = userConfigFolder();
    dir_ = f.path;
    folderProblem_ = f.problem;
  }
}

std::string SettingsStore::defaultDir() { return userConfigFolder().path; }

Settings SettingsStore::load(std::string* problem) {
  if (problem) problem->clear();
  unusable_ = false;
  if (dir_.empty()) {
    addProblem(problem, folderProblem_ + " (using default settings)");
    return Settings{};
  }
  const std::string path = (fs::path(dir_) / kSettingsFile).string();
  FileRead read = readBounded(path, kMaxFileBytes);
  if (read.status == ReadStatus::Missing) return Settings{};
  if (!read.ok()) {
    unusable_ = true;
    addProblem(problem, "cannot use " + path + ": it " + read.why + " (using default settings)");
    return Settings{};
  }
  std::string why;
  Settings s = parseSettings(read.bytes, &why, &unusable_);
  addProblem(problem, why);
  return s;
}

std::string SettingsStore::save(const Settings& s, std::string* note) {
  if (note) note->clear();
  if (dir_.empty()) return "Settings not saved: " + folderProblem_ + ".";
  const fs::path path = fs::path(dir_) / kSettingsFile;
  if (unusable_) {
    // Never overwrite what the player may still want: keep it aside first.
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &local);
    fs::path aside = path;
    aside += std::string(".bad-") + stamp;
    std::error_code ec;
    if (fs::exists(fs::symlink_status(aside, ec)) || std::rename(path.c_str(), aside.c_str()) != 0)
      return "Settings not saved: the unreadable " + path.string() +
             " could not be kept aside first.";
    unusable_ = false;
    if (note) *note = "The unreadable settings file was kept as " + aside.filename().string() + ".";
  }
  std::string why = atomicWriteFile(path.string(), settingsToJson(s));
  return why.empty() ? why : "Settings not saved: " + why + ".";
}

}  // namespace trustdaily::core
