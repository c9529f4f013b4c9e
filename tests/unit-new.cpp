// trustdaily new: the skeleton validates with no warnings, lints with only
// its placeholders (L011) and passes the schema; the command refuses to overwrite and checks its
// input.
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cli/scenario_template.hpp"
#include "core/lint.hpp"
#include "core/loader.hpp"
#include "support/load_helpers.hpp"

using namespace trustdaily;

namespace {

namespace fs = std::filesystem;

const std::string kSource = TRUSTDAILY_SOURCE_DIR;

struct TempFolder {
  fs::path path;
  TempFolder() {
    static int counter = 0;
    std::string name = "trustdaily-new-";
    name += std::to_string(::getpid());
    name += '-';
    name += std::to_string(counter++);
    path = fs::temp_directory_path() / name;
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempFolder() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Run {
  int code = -1;
  std::string err;
};

Run runCli(const std::string& args, const fs::path& tmp) {
  fs::path err = tmp / "stderr.txt";
  std::string cmd =
      "'" + std::string(TRUSTDAILY_BINARY) + "' " + args + " >/dev/null 2>'" + err.string() + "'";
  int status = std::system(cmd.c_str());
  Run r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.err = slurp(err);
  return r;
}

std::vector<std::string> lines(const std::vector<core::Diagnostic>& ds) {
  std::vector<std::string> out;
  for (const auto& d : ds) out.push_back(core::formatText(d));
  return out;
}

}  // namespace

TEST_CASE(
    "the skeleton for every partner validates without warnings; lint names its placeholders") {
  const core::Framework& fw = testing::repoFramework();
  for (const auto& p : fw.partners) {
    CAPTURE(p.id);
    std::string text = cli::scenarioTemplate({"my-first-01", p.id, "scope-cut", ""}, fw);
    core::ScenarioLoad load = core::loadScenarioBytes(text, "my-first-01.json", fw);
    REQUIRE(load.ok());
    CHECK(lines(load.diagnostics).empty());
    // Only L011, once per placeholder left (title, summary, author, five
    // scene and ending texts, three lessons): nothing else to fix.
    std::vector<core::Diagnostic> lint = core::lintScenario(*load.scenario, fw);
    CHECK(lint.size() == 12);
    for (const auto& d : lint) CHECK(d.code == core::DiagCode::PlaceholderText);
    // It teaches the shape: a beat, decisions, a flag, a condition, all endings.
    CHECK(load.analysis->endings == std::vector<std::string>{"failure", "mixed", "success"});
    CHECK(load.analysis->decisions.size() >= 2);
    CHECK(text.find("\"sets\"") != std::string::npos);
    CHECK(text.find("\"requires\"") != std::string::npos);
  }
}

TEST_CASE(
    "new writes ID.json that validate --strict accepts and lint --strict refuses until written") {
  TempFolder tmp;
  std::string dir = (tmp.path / "drafts").string();
  fs::create_directories(dir);
  Run r = runCli("new scope-cut-01 --partner design --situation scope-cut --dir '" + dir + "'",
                 tmp.path);
  CHECK(r.code == 0);
  fs::path file = fs::path(dir) / "scope-cut-01.json";
  REQUIRE(fs::exists(file));
  CHECK(runCli("validate --strict '" + file.string() + "'", tmp.path).code == 0);
  CHECK(runCli("lint '" + file.string() + "'", tmp.path).code == 0);
  CHECK(runCli("lint --strict '" + file.string() + "'", tmp.path).code == 1);
  // Far from the scenarios folder, $schema is an absolute file URI.
  CHECK(slurp(file).find("\"$schema\": \"file://") != std::string::npos);
  // The schema accepts it too, where python3-jsonschema is installed.
  if (std::system("python3 -c 'import jsonschema' >/dev/null 2>&1") == 0) {
    std::string check = "python3 '" + kSource + "/tests/schema/check_schema.py' '" + kSource +
                        "' '" + file.string() + "' >/dev/null";
    CHECK(std::system(check.c_str()) == 0);
  }
}

TEST_CASE("new beside a framework and schema names the schema relatively") {
  TempFolder tmp;
  fs::copy_file(kSource + "/scenarios/framework.json", tmp.path / "framework.json");
  fs::copy_file(kSource + "/scenarios/schema.json", tmp.path / "schema.json");
  fs::create_directories(tmp.path / "drafts");
  CHECK(runCli("new a-01 --partner data --situation bad-news --dir '" + tmp.path.string() + "'",
               tmp.path)
            .code == 0);
  CHECK(slurp(tmp.path / "a-01.json").find("\"$schema\": \"./schema.json\"") != std::string::npos);
  CHECK(runCli("new b-01 --partner data --situation bad-news --dir '" +
                   (tmp.path / "drafts").string() + "'",
               tmp.path)
            .code == 0);
  CHECK(slurp(tmp.path / "drafts" / "b-01.json").find("\"$schema\": \"../schema.json\"") !=
        std::string::npos);
}

TEST_CASE("new refuses to overwrite a file: exit 1 and the file is untouched") {
  TempFolder tmp;
  fs::path file = tmp.path / "taken-01.json";
  std::ofstream(file) << "my draft";
  Run r = runCli("new taken-01 --partner sales --situation x --dir '" + tmp.path.string() + "'",
                 tmp.path);
  CHECK(r.code == 1);
  CHECK(r.err == "new: " + file.string() + " already exists; not overwriting it\n");
  CHECK(slurp(file) == "my draft");
}

TEST_CASE("new checks the id, partner and situation: exit 2 with a message") {
  TempFolder tmp;
  std::string dir = " --dir '" + tmp.path.string() + "'";
  Run badId = runCli("new Bad_Id --partner sales --situation x" + dir, tmp.path);
  CHECK(badId.code == 2);
  CHECK(badId.err.find("id 'Bad_Id' must be lowercase words") != std::string::npos);
  Run badPartner = runCli("new ok-01 --partner enginering --situation x" + dir, tmp.path);
  CHECK(badPartner.code == 2);
  CHECK(badPartner.err.find("unknown partner 'enginering'") != std::string::npos);
  CHECK(badPartner.err.find("engineering design data") != std::string::npos);
  Run badSituation = runCli("new ok-01 --partner sales --situation 'Bad News'" + dir, tmp.path);
  CHECK(badSituation.code == 2);
  CHECK(runCli("new ok-01 --situation x" + dir, tmp.path).code == 2);  // --partner missing
  CHECK_FALSE(fs::exists(tmp.path / "ok-01.json"));
}
