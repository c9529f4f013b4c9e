// The positioned JSON layer and the loader's robustness on hostile bytes.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "core/json_source.hpp"
#include "core/loader.hpp"
#include "support/load_helpers.hpp"

using namespace trustdaily;

namespace {

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string shipped(const std::string& id) {
  return readFile(std::string(TRUSTDAILY_SOURCE_DIR) + "/scenarios/" + id + ".json");
}

}  // namespace

TEST_CASE("every key and value gets its line and byte column") {
  const std::string text =
      "{\n  \"a\": [1, \"x\\\"y\", true],\n  \"b~/c\": {\"d\": null, \"e\": -2.5e3}\n}";
  core::PositionedJson doc = core::parsePositioned(text, "t.json");
  REQUIRE(doc.ok());
  auto at = [](core::SourcePos p) {
    return std::to_string(p.line) + std::string(":") + std::to_string(p.col);
  };
  CHECK(at(doc.posOfValue("")) == "1:1");
  CHECK(at(doc.posOfKey("/a")) == "2:3");
  CHECK(at(doc.posOfValue("/a")) == "2:8");
  CHECK(at(doc.posOfValue("/a/0")) == "2:9");
  CHECK(at(doc.posOfValue("/a/1")) == "2:12");  // a string holding an escaped quote
  CHECK(at(doc.posOfValue("/a/2")) == "2:20");
  CHECK(at(doc.posOfKey("/b~0~1c")) == "3:3");
  CHECK(at(doc.posOfValue("/b~0~1c/d")) == "3:17");
  CHECK(at(doc.posOfValue("/b~0~1c/e")) == "3:28");
}

TEST_CASE("a BOM at the start is skipped and columns still count its bytes") {
  core::PositionedJson doc = core::parsePositioned("\xEF\xBB\xBF{\"a\": 1}", "t.json");
  REQUIRE(doc.ok());
  CHECK(doc.posOfValue("/a").col == 10);
  core::PositionedJson mid = core::parsePositioned("{\"a\": \xEF\xBB\xBF 1}", "t.json");
  CHECK_FALSE(mid.ok());
  CHECK(mid.diagnostics.front().code == core::DiagCode::JsonSyntax);
}

TEST_CASE("100000 nested arrays are a located depth error, not a crash") {
  std::string deep(100000, '[');
  core::PositionedJson doc = core::parsePositioned("{\"x\": " + deep, "t.json");
  REQUIRE(doc.diagnostics.size() == 1);
  CHECK(doc.diagnostics[0].code == core::DiagCode::JsonTooDeep);
  CHECK(doc.diagnostics[0].pos.col == 7 + 63);
  std::string ok = "{\"x\": " + std::string(63, '[') + std::string(63, ']') + "}";
  CHECK(core::parsePositioned(ok, "t.json").ok());  // 64 levels with the object
  std::string over = "{\"x\": " + std::string(64, '[') + std::string(64, ']') + "}";
  CHECK_FALSE(core::parsePositioned(over, "t.json").ok());
}

TEST_CASE("numbers that nlohmann cannot hold are errors, and big integers do not wrap") {
  core::PositionedJson huge = core::parsePositioned("{\"a\": 1e999}", "t.json");
  REQUIRE_FALSE(huge.ok());
  CHECK(huge.diagnostics[0].message == "number out of range");
  std::string text = shipped("bad-news-01");
  auto pos = text.find("\"difficulty\": 2");
  REQUIRE(pos != std::string::npos);
  text.replace(pos, 15, "\"difficulty\": 4294967298");  // wraps to 2 in 32 bits
  core::ScenarioLoad load =
      core::loadScenarioBytes(text, "bad-news-01.json", testing::repoFramework());
  REQUIRE_FALSE(load.ok());
  CHECK(load.diagnostics[0].code == core::DiagCode::OutOfRange);
  CHECK(load.diagnostics[0].pointer == "/difficulty");
}

TEST_CASE("shipped scenarios load clean") {
  for (const char* id : {"bad-news-01", "estimate-pushback-01", "legal-review-01"}) {
    core::ScenarioLoad load =
        core::loadScenarioBytes(shipped(id), std::string(id) + ".json", testing::repoFramework());
    CAPTURE(id);
    CHECK(load.ok());
    CHECK(load.diagnostics.empty());
  }
}

TEST_CASE(
    "random byte mutations of a good file give diagnostics or a valid scenario, never a crash") {
  const std::string good = shipped("legal-review-01");
  REQUIRE_FALSE(good.empty());
  std::uint64_t r = 12345;
  auto next = [&r] {
    r = r * 6364136223846793005ULL + 1442695040888963407ULL;
    return r >> 33;
  };
  int rejected = 0, accepted = 0;
  for (int i = 0; i < 1500; ++i) {
    std::string bad = good;
    int edits = 1 + static_cast<int>(next() % 4);
    for (int e = 0; e < edits; ++e) {
      std::size_t at = next() % bad.size();
      switch (next() % 4) {
        case 0:
          bad[at] = static_cast<char>(next() & 0xFF);
          break;
        case 1:
          bad.erase(at, 1 + next() % 8);
          break;
        case 2:
          bad.insert(at, 1, "{}[]\",:0\\"[next() % 9]);
          break;
        default:
          bad.resize(at);
          break;
      }
      if (bad.empty()) bad.push_back('{');  // not = "{": GCC 12 warns falsely (-Wrestrict)
    }
    core::ScenarioLoad load =
        core::loadScenarioBytes(bad, "legal-review-01.json", testing::repoFramework());
    if (load.ok()) {
      ++accepted;
      CHECK_FALSE(core::hasErrors(load.diagnostics));
    } else {
      ++rejected;
      REQUIRE_FALSE(load.diagnostics.empty());
      for (const auto& d : load.diagnostics) CHECK(d.pos.line >= 1);
    }
  }
  CHECK(rejected > 1000);
  MESSAGE("mutations rejected " << rejected << ", still valid " << accepted);
}

TEST_CASE("a folder with bad files still loads every good one") {
  namespace fs = std::filesystem;
  fs::path dir =
      fs::temp_directory_path() / (std::string("td-folder-") + std::to_string(::getpid()));
  fs::create_directories(dir / "nested.json");  // a directory named like a file
  {
    std::ofstream(dir / "bad-news-01.json") << shipped("bad-news-01");
    std::ofstream(dir / "broken.json") << "{\"format\": 1,";
    std::ofstream(dir / "empty.json") << "";
  }
  core::Library lib = core::loadLibrary({dir.string()}, testing::repoFramework());
  CHECK(lib.scenarios().size() == 1);
  CHECK(lib.find("bad-news-01") != nullptr);
  auto diags = lib.allDiagnostics();
  int errors = 0;
  for (const auto& d : diags) errors += d.severity == core::Severity::Error;
  CHECK(errors == 3);  // broken, empty, the directory
  fs::remove_all(dir);
}

TEST_CASE("scene documents are read in file order, kind defaulting to doc") {
  std::string text = testing::fixtureText("valid", "documents");
  text.replace(text.find(R"({"kind": "email", )"), 18, "{");
  core::ScenarioLoad load =
      core::loadScenarioBytes(text, "documents.json", testing::repoFramework());
  REQUIRE(load.ok());
  CHECK(load.diagnostics.empty());
  const core::Node* n = load.scenario->findNode("standup");
  REQUIRE(n);
  REQUIRE(n->documents.size() == 2);
  CHECK(n->documents[0].kind == "doc");
  CHECK(n->documents[0].title == "Email: Marco to the sales team, 2 May");
  CHECK(n->documents[0].text.find("\n\nMarco") != std::string::npos);
  CHECK(n->documents[0].sets == std::vector<std::string>{"read_marco_email"});
  CHECK(n->documents[0].pos.line == 19);
  CHECK(n->documents[1].kind == "dashboard");
  CHECK(load.scenario->findNode("marco")->documents.empty());
}

TEST_CASE("every document kind is accepted; titles at 80 and texts at 1500 characters pass") {
  std::string kinds;
  for (std::string_view k : core::kDocumentKinds) {
    std::string text = testing::fixtureText("valid", "documents");
    text.replace(text.find(R"("kind": "email")"), 15, "\"kind\": \"" + std::string(k) + "\"");
    std::string title = "Email: Marco to the sales team, 2 May";
    text.replace(text.find(title), title.size(), std::string(80, 'T'));
    CAPTURE(k);
    core::ScenarioLoad load =
        core::loadScenarioBytes(text, "documents.json", testing::repoFramework());
    CHECK(load.ok());
  }
  std::string text = testing::fixtureText("valid", "documents");
  std::string body = "Payment errors: 2.1% (target 0.5%).";
  text.replace(text.find(body), body.size(), std::string(1500 - 56, 'x'));
  core::ScenarioLoad load =
      core::loadScenarioBytes(text, "documents.json", testing::repoFramework());
  CHECK(load.ok());
  CHECK(load.scenario->findNode("standup")->documents[1].text.size() == 1500);
}
