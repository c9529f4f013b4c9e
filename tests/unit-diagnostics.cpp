// Every error and warning rule of scenario format v1, with exact positions.
//
// One fixture per rule under tests/fixtures/invalid/<code>-<what>.json (the id
// equals the file name, so only the rule under test fires) and its expected
// diagnostics, derived by hand from the fixture's bytes, under
// tests/golden/invalid/<same name>.txt. Fixtures are loaded from bytes with
// the path "invalid/<name>.json", so the golden lines do not depend on where
// the repository lives.
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "core/analysis.hpp"
#include "core/diagnostic.hpp"
#include "core/framework.hpp"
#include "core/json_source.hpp"
#include "core/loader.hpp"
#include "support/print_vectors.hpp"

namespace {

namespace fs = std::filesystem;
namespace core = trustdaily::core;

const std::string kFixtures = TRUSTDAILY_FIXTURES;
const std::string kGolden = std::string(TRUSTDAILY_SOURCE_DIR) + "/tests/golden";
const std::string kRepoFramework = std::string(TRUSTDAILY_SOURCE_DIR) + "/scenarios/framework.json";

const core::Framework& framework() {
  static const core::FrameworkLoad fw = core::loadFramework(kRepoFramework);
  REQUIRE_MESSAGE(fw.ok(), "the repo's scenarios/framework.json must load");
  return fw.framework;
}

std::string readBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot open " << path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void writeBytes(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  REQUIRE(out.good());
}

std::vector<std::string> splitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::vector<std::string> formatted(const std::vector<core::Diagnostic>& ds) {
  std::vector<std::string> out;
  for (const auto& d : ds) out.push_back(core::formatText(d));
  return out;
}

// Loads tests/fixtures/<folder>/<stem>.json from bytes under the path
// "<folder>/<stem>.json" (the path the golden files use).
core::ScenarioLoad loadFixture(const std::string& folder, const std::string& stem) {
  std::string bytes = readBytes(kFixtures + "/" + folder + "/" + stem + ".json");
  return core::loadScenarioBytes(bytes, folder + "/" + stem + ".json", framework());
}

// (line, col) of a formatted "file:line:col: ..." line; file names here hold no ':'.
std::pair<int, int> linePos(const std::string& line) {
  int l = 0;
  int c = 0;
  auto first = line.find(':');
  if (first != std::string::npos) std::sscanf(line.c_str() + first + 1, "%d:%d", &l, &c);
  return {l, c};
}

// The format fixes the order by file, then line; diagnostics at the very
// same position may come in any order, so both sides are put in (line,
// column, text) order before comparing.
std::vector<std::string> positionOrder(std::vector<std::string> lines) {
  std::sort(lines.begin(), lines.end(), [](const std::string& a, const std::string& b) {
    return std::tuple(linePos(a), a) < std::tuple(linePos(b), b);
  });
  return lines;
}

std::string lineDiff(const std::vector<std::string>& expected,
                     const std::vector<std::string>& actual) {
  std::string out = "\n--- expected (golden)\n+++ actual\n";
  for (const auto& e : expected)
    if (std::find(actual.begin(), actual.end(), e) == actual.end()) out += "-" + e + "\n";
  for (const auto& a : actual)
    if (std::find(expected.begin(), expected.end(), a) == expected.end()) out += "+" + a + "\n";
  out += "(whole actual output:)\n";
  for (const auto& a : actual) out += "  " + a + "\n";
  return out;
}

std::vector<std::string> fixtureStems(const std::string& folder) {
  std::vector<std::string> stems;
  for (const auto& e : fs::directory_iterator(kFixtures + "/" + folder))
    if (e.path().extension() == ".json") stems.push_back(e.path().stem().string());
  std::sort(stems.begin(), stems.end());
  return stems;
}

const core::Diagnostic* findCode(const std::vector<core::Diagnostic>& ds, core::DiagCode code) {
  for (const auto& d : ds)
    if (d.code == code) return &d;
  return nullptr;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// A scratch folder removed at the end of the test case.
struct TempDir {
  fs::path path;
  explicit TempDir(const std::string& name) {
    path = fs::temp_directory_path() /
           ("trustdaily-diag-" + name + std::string("-") + std::to_string(::getpid()));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
};

struct Expect {
  const char* stem;
  core::DiagCode code;
  int line;
  int col;
  const char* pointer;
};

}  // namespace

TEST_CASE("every invalid fixture reports exactly the diagnostics of its golden file") {
  std::vector<std::string> stems = fixtureStems("invalid");
  REQUIRE(stems.size() >= 50);
  for (const auto& stem : stems) {
    CAPTURE(stem);
    std::string goldenPath = kGolden + "/invalid/" + stem + ".txt";
    REQUIRE_MESSAGE(fs::exists(goldenPath), "no golden file " << goldenPath);
    std::vector<std::string> expected = positionOrder(splitLines(readBytes(goldenPath)));
    std::vector<std::string> actual =
        positionOrder(formatted(loadFixture("invalid", stem).diagnostics));
    CHECK_MESSAGE(actual == expected, lineDiff(expected, actual));
  }
  // And no golden file is left without its fixture.
  for (const auto& e : fs::directory_iterator(kGolden + "/invalid")) {
    CAPTURE(e.path().string());
    CHECK(fs::exists(kFixtures + "/invalid/" + e.path().stem().string() + ".json"));
  }
}

TEST_CASE("invalid fixtures are never played: a file with errors yields no scenario") {
  for (const auto& stem : fixtureStems("invalid")) {
    CAPTURE(stem);
    core::ScenarioLoad load = loadFixture("invalid", stem);
    CHECK(load.ok() == !core::hasErrors(load.diagnostics));
  }
}

TEST_CASE("valid fixtures load with no diagnostic at all") {
  for (const std::string stem : {"minimal", "bom", "every-optional-field"}) {
    CAPTURE(stem);
    core::ScenarioLoad load = loadFixture("valid", stem);
    CHECK(load.ok());
    CHECK(load.analysis != nullptr);
    CHECK_MESSAGE(load.diagnostics.empty(), lineDiff({}, formatted(load.diagnostics)));
  }
}

TEST_CASE("the file with every optional field keeps them all in the model") {
  core::ScenarioLoad load = loadFixture("valid", "every-optional-field");
  REQUIRE(load.ok());
  const core::Scenario& s = *load.scenario;
  CHECK(s.minutes == 30);
  CHECK(s.difficulty == 3);
  CHECK(s.author == "Trust Daily tests");
  CHECK(s.version == "1.2");
  CHECK(s.tags == std::vector<std::string>{"test", "fields"});
  CHECK(s.cast.size() == 2);
  const core::Node* b = s.findNode("b");
  REQUIRE(b != nullptr);
  REQUIRE(b->choices.size() == 4);
  REQUIRE(b->choices[0].condition.has_value());
  CHECK(b->choices[0].condition->flags == std::vector<std::string>{"asked_why"});
  CHECK(b->choices[0].condition->trustMin.at("engineering") == 60);
  CHECK(b->choices[1].condition->notFlags == std::vector<std::string>{"asked_why"});
  CHECK(b->choices[2].condition->trustMax.at("engineering") == 40);
  // trust_min 60 and trust_max 40 are inclusive: both boundary paths exist.
  // ask (+3) then plan (+2) = 5; push (-2) then blame (-3) = -5; 5 paths.
  CHECK(load.analysis->bestTotal == 5);
  CHECK(load.analysis->worstTotal == -5);
  CHECK(load.analysis->paths == 5);
  CHECK(load.analysis->endings == std::vector<std::string>{"failure", "mixed", "success"});
}

TEST_CASE("a BOM at the very start is skipped and moves no position") {
  // e103 puts its one error on line 2; with a BOM before line 1 it must not move.
  std::string bytes = readBytes(kFixtures + "/invalid/e103-format-version.json");
  core::ScenarioLoad load = core::loadScenarioBytes(
      "\xEF\xBB\xBF" + bytes, "invalid/e103-format-version.json", framework());
  CHECK(formatted(load.diagnostics) ==
        std::vector<std::string>{"invalid/e103-format-version.json:2:13: error: unsupported "
                                 "format 2 (this build reads format 1) (/format) [E103]"});
}

TEST_CASE("the key diagnostic of each rule has its code, line, column and pointer") {
  using C = core::DiagCode;
  const Expect cases[] = {
      {"e003-empty", C::FileEmpty, 1, 1, ""},
      {"e004-syntax", C::JsonSyntax, 8, 16, "/difficulty"},
      {"e004-invalid-utf8", C::JsonSyntax, 4, 14, "/title"},
      {"e004-bom-middle", C::JsonSyntax, 4, 12, "/title"},
      {"e004-trailing-comma-array", C::JsonSyntax, 6, 29, "/partners/1"},
      {"e004-trailing-comma-object", C::JsonSyntax, 19, 62, "/nodes"},
      {"e004-number-overflow", C::JsonSyntax, 8, 17, "/difficulty"},
      {"e006-duplicate-key", C::DuplicateKey, 5, 3, "/title"},
      {"e006-duplicate-node", C::DuplicateKey, 18, 5, "/nodes/win"},
      {"e006-duplicate-in-choice", C::DuplicateKey, 14, 38, "/nodes/a/choices/1/next"},
      {"e007-top-level-array", C::TopLevelNotObject, 1, 1, ""},
      {"e101-missing-next", C::MissingField, 14, 7, "/nodes/a/choices/1"},
      {"e102-wrong-type", C::WrongType, 8, 17, "/difficulty"},
      {"e103-format-version", C::BadFormatVersion, 2, 13, "/format"},
      {"e104-bad-id", C::BadId, 3, 9, "/id"},
      {"e105-id-mismatch", C::IdFileMismatch, 3, 9, "/id"},
      {"e107-string-length", C::StringLength, 4, 12, "/title"},
      {"e108-out-of-range", C::OutOfRange, 8, 17, "/difficulty"},
      {"e109-unknown-principle", C::UnknownPrinciple, 13, 49, "/nodes/a/choices/0/score/honesty"},
      {"e110-unknown-partner", C::UnknownPartner, 6, 16, "/partners/0"},
      {"e111-unknown-behaviour", C::UnknownBehaviour, 13, 96, "/nodes/a/choices/0/behaviours/0"},
      {"e112-unknown-speaker", C::UnknownSpeaker, 12, 22, "/nodes/a/speaker"},
      {"e113-bad-node-id", C::BadNodeId, 17, 5, "/nodes/Win"},
      {"e114-bad-flag", C::BadFlagName, 13, 90, "/nodes/a/choices/0/sets/0"},
      {"e115-duplicate-entry", C::DuplicateEntry, 6, 31, "/partners/1"},
      {"e116-scene-and-ending", C::SceneAndEnding, 17, 5, "/nodes/win"},
      {"e117-neither-scene-nor-ending", C::NeitherSceneNorEnding, 18, 5, "/nodes/meh"},
      {"e118-bad-ending-kind", C::BadEndingKind, 19, 24, "/nodes/lose/ending"},
      {"e119-zero-value", C::ZeroValue, 13, 60, "/nodes/a/choices/0/score/context"},
      {"e120-feedback-required", C::FeedbackRequired, 13, 7, "/nodes/a/choices/0"},
      {"e121-bad-situation", C::BadSituation, 7, 16, "/situation"},
      {"e122-too-many-choices", C::TooManyEntries, 12, 58, "/nodes/a/choices"},
      {"e201-unknown-start", C::UnknownStart, 10, 12, "/start"},
      {"e202-unknown-next", C::UnknownNext, 13, 32, "/nodes/a/choices/0/next"},
      {"e203-cycle", C::Cycle, 12, 5, "/nodes/a"},
      {"e204-stuck", C::Stuck, 18, 5, "/nodes/b"},
      {"e205-no-success", C::NoSuccess, 10, 12, "/start"},
      {"e206-no-decision", C::NoDecision, 11, 3, "/nodes"},
      {"e207-best-total", C::BestTotalNotPositive, 10, 12, "/start"},
      {"e208-too-many-flags", C::BudgetExceeded, 11, 3, "/nodes"},
      {"e101-choises-typo", C::MissingField, 12, 47, "/nodes/a/choises"},
      {"w001-unknown-fields", C::UnknownField, 6, 3, "/autor"},
      {"e125-unknown-condition-key", C::UnknownConditionKey, 14, 51,
       "/nodes/a/choices/1/requires/trust_minimum"},
      {"e126-partner-not-in-scenario", C::PartnerNotInScenario, 13, 91,
       "/nodes/a/choices/0/trust/sales"},
      {"e209-condition-never-holds", C::ConditionNeverHolds, 17, 104,
       "/nodes/b/choices/0/requires/flags/0"},
      {"w006-choice-never-offered", C::ChoiceNeverOffered, 18, 69,
       "/nodes/b/choices/1/requires/trust_min/engineering"},
      {"w007-flag-never-read", C::FlagNeverRead, 13, 90, "/nodes/a/choices/0/sets/0"},
      {"w008-not-flag-never-set", C::NotFlagNeverSet, 14, 65,
       "/nodes/a/choices/1/requires/not_flags/0"},
      {"w002-unreachable", C::UnreachableNode, 21, 5, "/nodes/secret"},
      {"w003-ending-kind-never-reached", C::EndingKindNeverReached, 11, 3, "/nodes"},
      {"w004-silent-cast", C::SilentCast, 9, 12, "/cast/bob"},
      {"w005-flat-decision", C::FlatDecision, 12, 5, "/nodes/a"},
  };
  for (const auto& e : cases) {
    std::string rule(core::codeName(e.code));
    std::string stem(e.stem);
    CAPTURE(stem);
    CAPTURE(rule);
    core::ScenarioLoad load = loadFixture("invalid", e.stem);
    const core::Diagnostic* d = findCode(load.diagnostics, e.code);
    REQUIRE_MESSAGE(d != nullptr, lineDiff({}, formatted(load.diagnostics)));
    CHECK(d->severity == core::defaultSeverity(e.code));
    CHECK(d->file == "invalid/" + std::string(e.stem) + ".json");
    CHECK(d->pos.line == e.line);
    CHECK(d->pos.col == e.col);
    CHECK(d->pointer == e.pointer);
  }
}

TEST_CASE("every catalogue code has a fixture that triggers it") {
  // Codes that a single file given as bytes cannot produce have their own
  // test cases below: E001 (unreadable path), E002 (generated, 1 MiB),
  // E106 (the same id in two files), N001 (framework.json beside scenarios).
  const std::set<std::string> elsewhere = {"E001", "E002", "E106", "N001"};
  std::vector<std::string> stems = fixtureStems("invalid");
  for (core::DiagCode code : core::allCodes()) {
    std::string name(core::codeName(code));
    CAPTURE(name);
    if (elsewhere.count(name) != 0) continue;
    if (name.front() == 'L') continue;  // lint codes: tests/fixtures/lint, unit-lint.cpp
    std::string prefix = lower(name) + "-";
    int fixtures = 0;
    for (const auto& stem : stems) {
      if (stem.rfind(prefix, 0) != 0) continue;
      ++fixtures;
      CAPTURE(stem);
      CHECK(findCode(loadFixture("invalid", stem).diagnostics, code) != nullptr);
    }
    CHECK_MESSAGE(fixtures > 0, "no fixture tests/fixtures/invalid/" << prefix << "*.json");
  }
}

TEST_CASE("an unreadable path is E001: a folder named x.json and a missing file") {
  TempDir tmp("e001");
  fs::create_directory(tmp.path / "x.json");
  std::string dir = (tmp.path / "x.json").string();
  std::string missing = (tmp.path / "missing.json").string();

  core::ScenarioLoad d = core::loadScenarioFile(dir, framework());
  CHECK(formatted(d.diagnostics) ==
        std::vector<std::string>{dir + ":1:1: error: file is a directory, not a file [E001]"});
  CHECK(d.diagnostics.at(0).code == core::DiagCode::FileUnreadable);
  CHECK_FALSE(d.ok());

  core::ScenarioLoad m = core::loadScenarioFile(missing, framework());
  CHECK(formatted(m.diagnostics) ==
        std::vector<std::string>{
            missing + ":1:1: error: file cannot be read: No such file or directory [E001]"});
  CHECK(m.diagnostics.at(0).code == core::DiagCode::FileUnreadable);

  // A folder scan meets the x.json folder too and reports it the same way.
  core::Library lib = core::loadLibrary({tmp.path.string()}, framework());
  CHECK(formatted(lib.allDiagnostics()) ==
        std::vector<std::string>{dir + ":1:1: error: file is a directory, not a file [E001]"});
}

TEST_CASE("a file of exactly 1 MiB is read and one byte more is E002") {
  std::string minimal = readBytes(kFixtures + "/valid/minimal.json");
  REQUIRE(minimal.size() < core::kMaxFileBytes);
  std::string exact = minimal + std::string(core::kMaxFileBytes - minimal.size(), ' ');
  REQUIRE(exact.size() == 1048576);
  core::ScenarioLoad ok = core::loadScenarioBytes(exact, "valid/minimal.json", framework());
  CHECK(ok.ok());
  CHECK(ok.diagnostics.empty());

  core::ScenarioLoad big = core::loadScenarioBytes(exact + " ", "valid/minimal.json", framework());
  CHECK(formatted(big.diagnostics) ==
        std::vector<std::string>{"valid/minimal.json:1:1: error: file is 1048577 bytes, over the "
                                 "1 MiB limit (1048576 bytes) [E002]"});
  CHECK(big.diagnostics.at(0).code == core::DiagCode::FileTooLarge);
  CHECK_FALSE(big.ok());
}

TEST_CASE("a 2 MiB file on disk is E002 and its size is not misreported") {
  TempDir tmp("e002");
  std::string path = (tmp.path / "huge.json").string();
  writeBytes(path, readBytes(kFixtures + "/valid/minimal.json") + std::string(2 << 20, ' '));
  core::ScenarioLoad load = core::loadScenarioFile(path, framework());
  REQUIRE(load.diagnostics.size() == 1);
  const core::Diagnostic& d = load.diagnostics[0];
  CHECK(d.code == core::DiagCode::FileTooLarge);
  CHECK(d.pos.line == 1);
  CHECK(d.pos.col == 1);
  CHECK(d.message.find("1 MiB") != std::string::npos);
  // The file is 2 MiB plus the scenario; the loader reads only the first
  // 1 MiB + 1 byte, which must not be printed as the file's size.
  CHECK_MESSAGE(d.message.find("1048577") == std::string::npos, d.message);
}

TEST_CASE("JSON nested 64 levels deep loads and 65 levels is E005") {
  // The fixture nests 64 arrays inside the top-level object (65 levels).
  std::string deep = readBytes(kFixtures + "/invalid/e005-too-deep.json");
  std::string ok = deep;
  ok.erase(ok.find('['), 1);
  ok.erase(ok.find(']'), 1);
  core::ScenarioLoad load = core::loadScenarioBytes(ok, "invalid/e005-too-deep.json", framework());
  CHECK(load.ok());
  CHECK(formatted(load.diagnostics) ==
        std::vector<std::string>{"invalid/e005-too-deep.json:2:3: warning: unknown top-level field "
                                 "'deep' (/deep) [W001]"});

  core::ScenarioLoad bad = loadFixture("invalid", "e005-too-deep");
  REQUIRE(bad.diagnostics.size() == 1);
  CHECK(bad.diagnostics[0].code == core::DiagCode::JsonTooDeep);
  CHECK(bad.diagnostics[0].pos.line == 2);
  CHECK(bad.diagnostics[0].pos.col == 74);  // the 64th '[' (col 11 + 63)
}

TEST_CASE("100000 nested brackets are E005, not a crash") {
  std::string bytes = "{\"x\": " + std::string(100000, '[') + std::string(100000, ']') + "}";
  core::ScenarioLoad load = core::loadScenarioBytes(bytes, "deep.json", framework());
  REQUIRE(load.diagnostics.size() == 1);
  CHECK(load.diagnostics[0].code == core::DiagCode::JsonTooDeep);
  // `{"x": ` is 6 bytes, so the 64th '[' (the 65th level) is byte 70.
  CHECK(load.diagnostics[0].pos.col == 70);
}

TEST_CASE("a string limit counts characters, not bytes") {
  // 80 two-byte characters (160 bytes) fit the title's 80-character limit.
  std::string bytes = readBytes(kFixtures + "/invalid/e107-multibyte.json");
  std::string e9 = "\xC3\xA9";
  auto at = bytes.find(e9);
  REQUIRE(at != std::string::npos);
  bytes.erase(at, e9.size());
  core::ScenarioLoad load =
      core::loadScenarioBytes(bytes, "invalid/e107-multibyte.json", framework());
  CHECK(load.ok());
  CHECK_MESSAGE(load.diagnostics.empty(), lineDiff({}, formatted(load.diagnostics)));
}

TEST_CASE("the same scenario id in two folders is E106 on the later file") {
  TempDir tmp("e106");
  fs::create_directories(tmp.path / "a");
  fs::create_directories(tmp.path / "b");
  std::string minimal = readBytes(kFixtures + "/valid/minimal.json");
  writeBytes(tmp.path / "a" / "minimal.json", minimal);
  writeBytes(tmp.path / "b" / "minimal.json", minimal);
  std::string first = (tmp.path / "a" / "minimal.json").string();
  std::string second = (tmp.path / "b" / "minimal.json").string();

  // Given in reverse order: "later" means later by path, not by argument.
  core::Library lib =
      core::loadLibrary({(tmp.path / "b").string(), (tmp.path / "a").string()}, framework());
  CHECK(formatted(lib.allDiagnostics()) ==
        std::vector<std::string>{second + ":3:9: error: scenario id 'minimal' is already used by " +
                                 first + " (/id) [E106]"});
  REQUIRE(lib.allDiagnostics().size() == 1);
  CHECK(lib.allDiagnostics()[0].code == core::DiagCode::DuplicateScenarioId);
  REQUIRE(lib.scenarios().size() == 1);
  CHECK(lib.scenarios()[0]->path == first);
}

TEST_CASE("a folder with good and bad files loads the good ones") {
  TempDir tmp("library");
  fs::copy_file(kFixtures + "/valid/minimal.json", tmp.path / "minimal.json");
  fs::copy_file(kFixtures + "/valid/every-optional-field.json",
                tmp.path / "every-optional-field.json");
  fs::copy_file(kFixtures + "/invalid/e202-unknown-next.json", tmp.path / "e202-unknown-next.json");
  fs::copy_file(kFixtures + "/invalid/e004-syntax.json", tmp.path / "e004-syntax.json");
  fs::copy_file(kRepoFramework, tmp.path / "framework.json");
  writeBytes(tmp.path / "notes.txt", "not json, not looked at");

  core::Library lib = core::loadLibrary({tmp.path.string()}, framework());
  CHECK(lib.files.size() == 5);  // every .json, the framework included
  std::vector<std::string> ids;
  for (const auto& s : lib.scenarios()) ids.push_back(s->id);
  CHECK(ids == std::vector<std::string>{"every-optional-field", "minimal"});
  CHECK(lib.find("e202-unknown-next") == nullptr);
  CHECK(lib.find("e004-syntax") == nullptr);

  std::string dir = tmp.path.string() + "/";
  CHECK(formatted(lib.allDiagnostics()) ==
        std::vector<std::string>{
            dir + "e004-syntax.json:8:16: error: JSON syntax error: a value is missing after "
                  "\"difficulty\": (/difficulty) [E004]",
            dir + "e202-unknown-next.json:13:32: error: choice leads to unknown node 'apporve' "
                  "(/nodes/a/choices/0/next) [E202]",
            dir + "framework.json:1:1: note: not a scenario (the framework file); skipped [N001]",
        });
  const core::Diagnostic note = lib.allDiagnostics().back();  // a copy: the list is a temporary
  CHECK(note.code == core::DiagCode::NotAScenario);
  CHECK(note.severity == core::Severity::Note);
  CHECK_FALSE(core::hasErrors({note}));
}

TEST_CASE("every error in a file is reported, not only the first") {
  core::ScenarioLoad load = loadFixture("invalid", "multiple-errors");
  std::vector<std::string> codes;
  for (const auto& d : load.diagnostics) codes.emplace_back(core::codeName(d.code));
  CHECK(codes == std::vector<std::string>{"E102", "E110", "E108", "E202", "W001"});
  CHECK_FALSE(load.ok());
}

TEST_CASE("diagnostics are sorted by line, then column") {
  // multiple-errors.json's unknown field is found first but sits on the last
  // line; w001-unknown-fields.json has warnings from five depths.
  for (const std::string stem :
       {"multiple-errors", "w001-unknown-fields", "e209-condition-never-holds"}) {
    CAPTURE(stem);
    core::ScenarioLoad load = loadFixture("invalid", stem);
    REQUIRE(load.diagnostics.size() >= 2);
    for (std::size_t i = 1; i < load.diagnostics.size(); ++i) {
      const auto& a = load.diagnostics[i - 1].pos;
      const auto& b = load.diagnostics[i].pos;
      CHECK(std::pair(a.line, a.col) <= std::pair(b.line, b.col));
    }
    // Sorted as given, not only after the test's own sort.
    CHECK(formatted(load.diagnostics) ==
          positionOrder(splitLines(readBytes(kGolden + "/invalid/" + stem + ".txt"))));
  }
}

TEST_CASE("JSON pointers escape '~' as ~0 and '/' as ~1") {
  CHECK(core::pointerJoin("", "a/b~c") == "/a~1b~0c");
  CHECK(core::pointerJoin("/cast", "~1") == "/cast/~01");
  CHECK(core::pointerJoin("/x", std::size_t{3}) == "/x/3");

  core::ScenarioLoad load = loadFixture("invalid", "pointer-escaping");
  const core::Diagnostic* unknown = findCode(load.diagnostics, core::DiagCode::UnknownField);
  REQUIRE(unknown != nullptr);
  CHECK(unknown->pointer == "/a~1b~0c");
  const core::Diagnostic* silent = findCode(load.diagnostics, core::DiagCode::SilentCast);
  REQUIRE(silent != nullptr);
  CHECK(silent->pointer == "/cast/p~1q~0r");
  CHECK(load.ok());  // warnings only
}

TEST_CASE("a scenario whose state space exceeds the budget fails with E208 quickly") {
  // 40 decisions in a row; at each, choice j raises the trust of partner j by
  // one. A condition reads the trust of all six partners, so every distinct
  // trust vector is a distinct state: C(k+5, 5) of them after k steps, about
  // 8.1 million in all, over the 2,000,000 budget.
  const char* partners[] = {"engineering", "design", "data", "sales", "marketing", "support"};
  const int steps = 40;
  std::string s =
      "{\n"
      "  \"format\": 1,\n"
      "  \"id\": \"e208-state-budget\",\n"
      "  \"title\": \"T\",\n"
      "  \"summary\": \"S\",\n"
      "  \"partners\": [\"engineering\", \"design\", \"data\", \"sales\", \"marketing\", "
      "\"support\"],\n"
      "  \"situation\": \"bad-news\",\n"
      "  \"difficulty\": 1,\n"
      "  \"cast\": {},\n"
      "  \"start\": \"n0\",\n"
      "  \"nodes\": {\n";
  const char* scores[] = {R"("score": {"context": 1}, "feedback": "F", )",
                          R"("score": {"context": -1}, "feedback": "F", )",
                          R"("score": {"influence": 1}, "feedback": "F", )",
                          "",
                          "",
                          ""};
  for (int i = 0; i < steps; ++i) {
    std::string next = i + 1 < steps ? std::string("n") + std::to_string(i + 1) : "win";
    s += std::string("    \"n") + std::to_string(i) +
         "\": {\"speaker\": \"narrator\", \"text\": \"N\", " + "\"choices\": [\n";
    for (int j = 0; j < 6; ++j) {
      s += "      {\"text\": \"c\", \"next\": \"" + next + "\", " + scores[j] + "\"trust\": {\"" +
           partners[j] + "\": 1}";
      if (i == 0 && j == 0) {
        s += ", \"requires\": {\"trust_min\": {";
        for (int p = 0; p < 6; ++p) s += std::string(p ? ", " : "") + "\"" + partners[p] + "\": 0";
        s += "}}";
      }
      s += j < 5 ? "},\n" : "}\n";
    }
    s += "    ]},\n";
  }
  s += "    \"win\": {\"ending\": \"success\", \"text\": \"W\", \"lesson\": \"L\"}\n  }\n}\n";

  REQUIRE_MESSAGE(core::kStateBudget < 8'000'000, "the generated scenario must exceed the budget");
  auto t0 = std::chrono::steady_clock::now();
  core::ScenarioLoad load =
      core::loadScenarioBytes(s, "generated/e208-state-budget.json", framework());
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  MESSAGE("E208 budget case took " << seconds << " s");
  const std::string expected =
      std::string(
          "generated/e208-state-budget.json:11:3: error: exact analysis "
          "needs more than ") +
      std::to_string(core::kStateBudget) +
      " distinct states (node, flags, trust), the documented budget; use "
      "fewer trust or flag conditions, or split the scenario (/nodes) [E208]";
  CHECK_MESSAGE(formatted(load.diagnostics) == std::vector<std::string>{expected},
                lineDiff({}, formatted(load.diagnostics)));
  CHECK_FALSE(load.ok());
  CHECK(core::kStateBudget >= 1000000);  // the format's floor
  CHECK(seconds < 30.0);
}
