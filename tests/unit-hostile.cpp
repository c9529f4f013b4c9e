// Hostile scenario folders at the loader level: things that are not files,
// names that are not UTF-8, links that go nowhere. Each is reported with a
// located E001 and the good files beside it still load.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/loader.hpp"
#include "core/utf8_text.hpp"
#include "support/load_helpers.hpp"
#include "support/scratch_dir.hpp"

using namespace trustdaily;
namespace fs = std::filesystem;

namespace {

// A valid scenario whose id is `id` (the minimal fixture, renamed).
void writeScenario(const fs::path& dir, const std::string& id) {
  std::ifstream in(std::string(TRUSTDAILY_FIXTURES) + "/valid/minimal.json", std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string from = "\"id\": \"minimal\"";
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  std::string replacement = "\"id\": \"";  // += : GCC 12 -Wrestrict false positive on +
  replacement += id;
  replacement += '"';
  text.replace(at, from.size(), replacement);
  std::ofstream(dir / (id + ".json"), std::ios::binary) << text;
}

const core::ScenarioLoad* loadOf(const core::Library& lib, const fs::path& p) {
  for (const auto& f : lib.files)
    if (f.path == p.string()) return &f;
  return nullptr;
}

std::string firstMessage(const core::Library& lib, const fs::path& p) {
  const core::ScenarioLoad* l = loadOf(lib, p);
  if (l == nullptr || l->diagnostics.empty()) return "";
  return l->diagnostics.front().message;
}

}  // namespace

TEST_CASE("a folder of hostile entries: each reported, the good files load") {
  testing::ScratchDir tmp("hostile");
  const fs::path d = tmp.path();
  writeScenario(d, "good-one");
  writeScenario(d, "good-two");
  std::ofstream(d / "empty.json").close();
  fs::create_directory(d / "folder.json");
  fs::create_symlink("loop.json", d / "loop.json");         // links to itself
  fs::create_symlink("nowhere.json", d / "dangling.json");  // target missing
  fs::create_directory_symlink(".", d / "subloop");         // folder loop, not .json
  REQUIRE(::mkfifo((d / "pipe.json").c_str(), 0644) == 0);  // would block a plain open
  fs::create_symlink("/dev/zero", d / "device.json");       // endless bytes

  core::Library lib = core::loadLibrary({d.string()}, testing::repoFramework());
  REQUIRE(lib.scenarios().size() == 2);
  CHECK(lib.find("good-one") != nullptr);
  CHECK(lib.find("good-two") != nullptr);

  CHECK(firstMessage(lib, d / "folder.json") == "file is a directory, not a file");
  CHECK(firstMessage(lib, d / "pipe.json") == "file is a named pipe, not a file");
  CHECK(firstMessage(lib, d / "device.json") == "file is a device, not a file");
  CHECK(firstMessage(lib, d / "loop.json") ==
        "file cannot be read: Too many levels of symbolic links");
  CHECK(firstMessage(lib, d / "dangling.json") == "file cannot be read: No such file or directory");
  const core::ScenarioLoad* empty = loadOf(lib, d / "empty.json");
  REQUIRE(empty != nullptr);
  CHECK_FALSE(empty->ok());
  CHECK(core::hasErrors(empty->diagnostics));
  // Every refused entry carries a position a terminal can jump to.
  for (const auto& f : lib.files)
    for (const auto& diag : f.diagnostics) CHECK(diag.pos.line >= 1);
  // Six refused, two loaded, nothing else listed (subloop is not .json).
  CHECK(lib.files.size() == 8);
}

TEST_CASE("a file name that is not UTF-8 is reported and can be shown") {
  testing::ScratchDir tmp("hostile-name");
  const fs::path d = tmp.path();
  writeScenario(d, "good-one");
  const std::string badName = std::string("caf\xE9") + ".json";  // Latin-1 e-acute
  fs::copy_file(d / "good-one.json", d / badName);

  core::Library lib = core::loadLibrary({d.string()}, testing::repoFramework());
  CHECK(lib.scenarios().size() == 1);
  const core::ScenarioLoad* bad = loadOf(lib, d / badName);
  REQUIRE(bad != nullptr);
  CHECK_FALSE(bad->ok());  // the id cannot match such a name: E105
  REQUIRE_FALSE(bad->diagnostics.empty());
  CHECK(bad->diagnostics.front().code == core::DiagCode::IdFileMismatch);
  // The JSON report replaces the bad byte instead of throwing.
  std::string json = core::formatJson(bad->diagnostics);
  CHECK(json.find("caf\xEF\xBF\xBD") != std::string::npos);
  CHECK(core::isValidUtf8(json));
}

TEST_CASE("a file truncated or replaced between listing and reading") {
  testing::ScratchDir tmp("hostile-race");
  const fs::path d = tmp.path();
  writeScenario(d, "good-one");
  writeScenario(d, "cut-short");
  // Simulate the race's outcomes directly: cut in half in place, and removed.
  fs::resize_file(d / "cut-short.json", fs::file_size(d / "cut-short.json") / 2);
  core::ScenarioLoad cut =
      core::loadScenarioFile((d / "cut-short.json").string(), testing::repoFramework());
  CHECK_FALSE(cut.ok());
  CHECK(core::hasErrors(cut.diagnostics));
  core::ScenarioLoad gone =
      core::loadScenarioFile((d / "removed.json").string(), testing::repoFramework());
  CHECK(gone.diagnostics.at(0).code == core::DiagCode::FileUnreadable);
}

TEST_CASE("UTF-8 checking and sanitising") {
  CHECK(core::isValidUtf8(""));
  CHECK(core::isValidUtf8("plain ascii"));
  CHECK(
      core::isValidUtf8("Ren\xC3\xA9"
                        "e \xE2\x80\x94 \xF0\x9F\x98\x80"));
  CHECK_FALSE(core::isValidUtf8("\xC3"));              // cut short
  CHECK_FALSE(core::isValidUtf8("\xC0\xAF"));          // overlong '/'
  CHECK_FALSE(core::isValidUtf8("\xE0\x80\xAF"));      // overlong, three bytes
  CHECK_FALSE(core::isValidUtf8("\xED\xA0\x80"));      // a surrogate
  CHECK_FALSE(core::isValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  CHECK_FALSE(core::isValidUtf8("\xFF"));
  CHECK(core::sanitizeUtf8("caf\xE9!") == "caf\xEF\xBF\xBD!");
  CHECK(core::sanitizeUtf8("\xC3\xA9\xC3") == "\xC3\xA9\xEF\xBF\xBD");
  CHECK(core::sanitizeUtf8("ok") == "ok");
}
