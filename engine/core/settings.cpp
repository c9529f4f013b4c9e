#include "settings.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "json_source.hpp"
#include "progress.hpp"

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
  return j.dump(2) + "\n";
}

Settings settingsFromJson(const std::string& text, std::string* problem) {
  Settings defaults;
  if (problem) problem->clear();
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
  return s;
}

std::string SettingsStore::defaultDir() {
  // XDG: relative values are invalid and must be ignored.
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  if (xdg && xdg[0] == '/') return (fs::path(xdg) / "trustdaily").string();
  const char* home = std::getenv("HOME");
  if (home && home[0] != '\0') return (fs::path(home) / ".config" / "trustdaily").string();
  return ".trustdaily";
}

Settings SettingsStore::load(std::string* problem) const {
  if (problem) problem->clear();
  const fs::path path = fs::path(dir.empty() ? defaultDir() : dir) / kSettingsFile;
  std::error_code ec;
  if (!fs::exists(path, ec)) return Settings{};
  if (!fs::is_regular_file(path, ec) || fs::file_size(path, ec) > kMaxFileBytes) {
    addProblem(problem, path.string() + " is not a usable settings file (using default settings)");
    return Settings{};
  }
  std::ifstream in(path, std::ios::binary);
  std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (!in.good() && !in.eof()) {
    addProblem(problem, "cannot read " + path.string() + " (using default settings)");
    return Settings{};
  }
  return settingsFromJson(text, problem);
}

std::string SettingsStore::save(const Settings& s) const {
  const fs::path path = fs::path(dir.empty() ? defaultDir() : dir) / kSettingsFile;
  std::string why = atomicWriteFile(path.string(), settingsToJson(s));
  return why.empty() ? why : "Settings not saved: " + why + ".";
}

}  // namespace trustdaily::core
