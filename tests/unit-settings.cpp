// Settings: round trip, defaults for anything malformed, atomic save.
#include <doctest/doctest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <random>

#include "core/settings.hpp"
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

}  // namespace

TEST_CASE("settings saved to a folder read back equal") {
  ScratchDir dir;
  SettingsStore store{(dir.path() / "config").string()};
  const Settings s{3, Theme::Dark};
  CHECK(store.save(s) == "");
  std::string problem = "stale";
  CHECK(store.load(&problem) == s);
  CHECK(problem == "");
  const std::string text = readFile(dir.path() / "config" / "settings.json");
  CHECK(text.find("\"theme\": \"dark\"") != std::string::npos);
  CHECK(text.find("\"text_size\": 3") != std::string::npos);
  CHECK(fs::directory_iterator(dir.path() / "config") != fs::directory_iterator());
  CHECK(std::distance(fs::directory_iterator(dir.path() / "config"), fs::directory_iterator()) ==
        1);
}

TEST_CASE("missing settings are the defaults, with no problem") {
  ScratchDir dir;
  std::string problem = "stale";
  CHECK(SettingsStore{dir.path().string()}.load(&problem) == Settings{});
  CHECK(problem == "");
  CHECK(Settings{}.textSize == 1);
  CHECK(Settings{}.theme == Theme::Light);
}

TEST_CASE("malformed settings fall back to defaults and say why") {
  std::string text;
  std::string expected;
  SUBCASE("bad JSON") {
    text = "{\"theme\": ";
    expected = "settings.json:1:10: error: JSON syntax error: a value is missing after";
  }
  SUBCASE("not an object") {
    text = "[1, 2]";
    expected = "top level must be a JSON object";
  }
  SUBCASE("duplicate key") {
    text = R"({"theme": "dark", "theme": "light"})";
    expected = "duplicate key 'theme'";
  }
  SUBCASE("too deep") {
    text = "{\"x\": " + std::string(1000, '[') + std::string(1000, ']') + "}";
    expected = "JSON nested deeper than 64 levels";
  }
  SUBCASE("unknown version") {
    text = R"({"version": 2, "theme": "dark"})";
    expected = "settings.json has an unknown version";
  }
  std::string problem;
  CHECK(settingsFromJson(text, &problem) == Settings{});
  CHECK(problem.find(expected) != std::string::npos);
  CHECK(problem.find("using default settings") != std::string::npos);
  CHECK(problem.find('\n') == std::string::npos);
}

TEST_CASE("a bad value falls back for that setting only") {
  std::string problem;
  SUBCASE("text size out of range keeps the theme") {
    for (const char* size : {"4", "-1", "1.5", "\"large\"", "null", "3000000000"}) {
      Settings s = settingsFromJson(
          std::string(R"({"text_size": )") + size + R"(, "theme": "dark"})", &problem);
      CHECK(s.textSize == Settings{}.textSize);
      CHECK(s.theme == Theme::Dark);
      CHECK(problem == "text_size must be an integer from 0 to 3 (using the default)");
    }
  }
  SUBCASE("unknown theme keeps the text size") {
    Settings s = settingsFromJson(R"({"text_size": 0, "theme": "sepia"})", &problem);
    CHECK(s.textSize == 0);
    CHECK(s.theme == Theme::Light);
    CHECK(problem == "theme must be \"light\" or \"dark\" (using the default)");
  }
  SUBCASE("both wrong reports both") {
    Settings s = settingsFromJson(R"({"text_size": 9, "theme": 1})", &problem);
    CHECK(s == Settings{});
    CHECK(problem ==
          "text_size must be an integer from 0 to 3 (using the default); "
          "theme must be \"light\" or \"dark\" (using the default)");
  }
}

TEST_CASE("every text size and theme survives a round trip through JSON") {
  for (int size = 0; size <= 3; ++size) {
    for (Theme theme : {Theme::Light, Theme::Dark}) {
      std::string problem = "stale";
      const Settings s{size, theme};
      CHECK(settingsFromJson(settingsToJson(s), &problem) == s);
      CHECK(problem == "");
    }
  }
  CHECK(settingsFromJson(R"({"unknown": true})") == Settings{});  // null problem pointer is fine
}

TEST_CASE("a settings file the store cannot read is reported, not thrown") {
  ScratchDir dir;
  fs::create_directories(dir.path() / "settings.json" / "x");  // a folder, not a file
  std::string problem;
  CHECK(SettingsStore{dir.path().string()}.load(&problem) == Settings{});
  CHECK(problem == "cannot use " + (dir.path() / "settings.json").string() +
                       ": it is a directory, not a file (using default settings)");

  ScratchDir other;
  writeFile(other.path() / "settings.json", "{\"theme\": \"dark\"");
  CHECK(SettingsStore{other.path().string()}.load(&problem) == Settings{});
  CHECK(problem.rfind("settings.json:", 0) == 0);
}

TEST_CASE("a settings save that cannot write is reported and keeps the old file") {
  ScratchDir dir;
  writeFile(dir.path() / "cfg", "a file where the folder should be");
  std::string why = SettingsStore{(dir.path() / "cfg").string()}.save(Settings{2, Theme::Dark});
  CHECK(why.rfind("Settings not saved: cannot create folder ", 0) == 0);
  CHECK(readFile(dir.path() / "cfg") == "a file where the folder should be");

  SettingsStore store{(dir.path() / "ok").string()};
  REQUIRE(store.save(Settings{0, Theme::Light}) == "");
  const std::string before = readFile(dir.path() / "ok" / "settings.json");
  fs::create_directories(dir.path() / "ok" / (".settings.json.tmp-" + std::to_string(::getpid())) /
                         "x");
  CHECK(store.save(Settings{3, Theme::Dark}).rfind("Settings not saved: cannot create ", 0) == 0);
  CHECK(readFile(dir.path() / "ok" / "settings.json") == before);
}

TEST_CASE("the default settings folder follows XDG, then HOME, never the current folder") {
  auto keep = [](const char* name) -> std::optional<std::string> {
    const char* v = std::getenv(name);
    return v ? std::optional<std::string>(v) : std::nullopt;
  };
  const auto xdg = keep("XDG_CONFIG_HOME");
  const auto home = keep("HOME");

  ::setenv("XDG_CONFIG_HOME", "/xdg/config", 1);
  ::setenv("HOME", "/home/pm", 1);
  CHECK(SettingsStore::defaultDir() == "/xdg/config/trustdaily");
  CHECK(SettingsStore().dir() == "/xdg/config/trustdaily");
  ::setenv("XDG_CONFIG_HOME", "", 1);
  CHECK(SettingsStore::defaultDir() == "/home/pm/.config/trustdaily");
  ::unsetenv("XDG_CONFIG_HOME");
  CHECK(SettingsStore::defaultDir() == "/home/pm/.config/trustdaily");
  ::unsetenv("HOME");
  // The account's home folder, or none (then nothing is saved).
  const std::string fallback = SettingsStore::defaultDir();
  CHECK(
      (fallback.empty() || (fallback.front() == '/' && fallback.ends_with("/.config/trustdaily"))));
  if (fallback.empty()) {
    SettingsStore none;
    CHECK(none.save(Settings{}).rfind("Settings not saved: no folder for your files", 0) == 0);
  }

  if (xdg) ::setenv("XDG_CONFIG_HOME", xdg->c_str(), 1);
  if (home) ::setenv("HOME", home->c_str(), 1);
}

TEST_CASE("a settings file that could not be read is kept aside before a save, never overwritten") {
  ScratchDir dir;
  writeFile(dir.path() / "settings.json", "{\"theme\": ");
  SettingsStore store{dir.str()};
  std::string problem;
  CHECK(store.load(&problem) == Settings{});
  CHECK(problem.rfind("settings.json:1:10: error: ", 0) == 0);
  std::string note;
  CHECK(store.save(Settings{2, Theme::Dark}, &note) == "");
  REQUIRE(note.rfind("The unreadable settings file was kept as settings.json.bad-", 0) == 0);
  const std::string aside = note.substr(note.find("settings.json.bad-"), 33);
  CHECK(readFile(dir.path() / aside) == "{\"theme\": ");
  CHECK(store.load(&problem) == Settings{2, Theme::Dark});
  // One bad value is not a bad file: saving replaces it as usual.
  writeFile(dir.path() / "settings.json", "{\"theme\": \"neon\"}");
  CHECK(store.load(&problem) == Settings{});
  CHECK(store.save(Settings{}, &note) == "");
  CHECK(note == "");
}

TEST_CASE("a settings file behind a symbolic link stays a link when saved") {
  ScratchDir dir;
  fs::create_directories(dir.path() / "dotfiles");
  writeFile(dir.path() / "dotfiles" / "trustdaily-settings.json", settingsToJson(Settings{}));
  fs::create_directories(dir.path() / "config");
  fs::create_symlink(dir.path() / "dotfiles" / "trustdaily-settings.json",
                     dir.path() / "config" / "settings.json");
  SettingsStore store{(dir.path() / "config").string()};
  REQUIRE(store.save(Settings{3, Theme::Dark}) == "");
  CHECK(fs::is_symlink(dir.path() / "config" / "settings.json"));
  CHECK(readFile(dir.path() / "dotfiles" / "trustdaily-settings.json") ==
        settingsToJson(Settings{3, Theme::Dark}));
  CHECK(store.load() == Settings{3, Theme::Dark});
}
