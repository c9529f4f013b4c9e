// Content lint (engine/core/lint.cpp): every rule has a fixture in
// tests/fixtures/lint that triggers it (lNNN-<rule>.json) and one that comes
// near without triggering it (lNNN-clean*.json). Whole diagnostic lines are
// asserted, positions included.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/lint.hpp"
#include "core/loader.hpp"
#include "support/load_helpers.hpp"
#include "support/print_vectors.hpp"

using namespace trustdaily;

namespace {

namespace fs = std::filesystem;

const std::string kLintDir = std::string(TRUSTDAILY_FIXTURES) + "/lint";

// Lint lines of one fixture with the folder cut off the file name.
std::vector<std::string> lintLines(const std::string& stem) {
  std::string path = kLintDir + "/" + stem + ".json";
  core::Library lib = core::loadLibrary({path}, testing::repoFramework());
  std::vector<std::string> out;
  for (const auto& d : core::lintLibrary(lib, testing::repoFramework())) {
    std::string line = core::formatText(d);
    if (line.rfind(kLintDir + "/", 0) == 0) line = line.substr(kLintDir.size() + 1);
    out.push_back(line);
  }
  return out;
}

std::set<std::string> lintCodes(const std::string& stem) {
  std::string path = kLintDir + "/" + stem + ".json";
  core::Library lib = core::loadLibrary({path}, testing::repoFramework());
  std::set<std::string> codes;
  for (const auto& d : core::lintLibrary(lib, testing::repoFramework()))
    codes.insert(std::string(core::codeName(d.code)));
  return codes;
}

std::vector<std::string> stems() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(kLintDir))
    if (e.path().extension() == ".json") out.push_back(e.path().stem().string());
  return out;
}

}  // namespace

TEST_CASE("lint codes are warnings in the one catalogue, L001 to L011") {
  std::vector<std::string> names;
  for (core::DiagCode code : core::allCodes()) {
    std::string name(core::codeName(code));
    if (name.front() != 'L') continue;
    names.push_back(name);
    CHECK(core::defaultSeverity(code) == core::Severity::Warning);
    CHECK_FALSE(core::codeTitle(code).empty());
  }
  CHECK(names == std::vector<std::string>{"L001", "L002", "L003", "L004", "L005", "L006", "L007",
                                          "L008", "L009", "L010", "L011"});
}

TEST_CASE("every lint rule has a fixture that triggers only it and one that does not") {
  std::vector<std::string> all = stems();
  for (core::DiagCode code : core::allCodes()) {
    std::string name(core::codeName(code));
    if (name.front() != 'L') continue;
    CAPTURE(name);
    std::string prefix = name;
    prefix[0] = 'l';
    prefix += "-";
    int triggers = 0, cleans = 0;
    for (const auto& stem : all) {
      if (stem.rfind(prefix, 0) != 0) continue;
      CAPTURE(stem);
      bool clean = stem.find("-clean") != std::string::npos;
      (clean ? cleans : triggers)++;
      if (clean)
        CHECK(lintCodes(stem).empty());
      else
        CHECK(lintCodes(stem) == std::set<std::string>{name});
    }
    CHECK(triggers > 0);
    CHECK(cleans > 0);
  }
}

TEST_CASE("the fixtures are valid scenarios with no warnings, so only lint speaks") {
  for (const auto& stem : stems()) {
    CAPTURE(stem);
    core::ScenarioLoad load =
        core::loadScenarioFile(kLintDir + "/" + stem + ".json", testing::repoFramework());
    CHECK(load.ok());
    CHECK(load.diagnostics.empty());
  }
}

TEST_CASE("L001: the best choice is the longest in more than half the decisions, at least 3") {
  CHECK(lintLines("l001-longest-is-best") ==
        std::vector<std::string>{
            "l001-longest-is-best.json:21:5: warning: the best-scoring choice is also the longest "
            "in 3 of 4 decisions (d1, d2, d3): players can win by picking the longest answer "
            "(/nodes/d1) [L001]"});
  CHECK(lintLines("l001-clean-half").empty());  // 2 of 4 is not most
}

TEST_CASE("L002: the single best choice sits in one position in most decisions") {
  CHECK(lintLines("l002-best-same-position") ==
        std::vector<std::string>{
            "l002-best-same-position.json:21:5: warning: the best-scoring choice is choice 1 in 3 "
            "of 4 decisions (d1, d2, d4): players can win by position; vary where it sits "
            "(/nodes/d1) [L002]"});
  CHECK(lintLines("l002-clean-half").empty());
}

TEST_CASE("L003: a decision where no choice scores above 0") {
  CHECK(lintLines("l003-one-sided") ==
        std::vector<std::string>{
            "l003-one-sided.json:60:7: warning: decision 'd2' has no choice that scores above 0: "
            "nothing here can go right (/nodes/d2/choices) [L003]"});
}

TEST_CASE("L004: feedback that shares no content word with its choice and names no principle") {
  CHECK(lintLines("l004-feedback-misses-choice") ==
        std::vector<std::string>{
            "l004-feedback-misses-choice.json:53:23: warning: feedback shares no word with its "
            "choice and names no principle: say what the choice did, then why it scores so "
            "(/nodes/d1/choices/2/feedback) [L004]"});
  // "a small act of influence" names a principle; "You waited" matches "Wait" by stem.
  CHECK(lintLines("l004-clean").empty());
}

TEST_CASE("L004's words: four letters or more, no stop words, crude stems") {
  CHECK(core::contentWords("Ask Kenji why; he asked, asking twice.") ==
        std::vector<std::string>{"kenji", "ask", "ask", "twice"});
  // Typographic quotes and dashes separate words; other non-ASCII stays in them.
  CHECK(core::contentWords("Priya\u2019s résumé\u2014today") ==
        std::vector<std::string>{"priya", "résumé", "today"});
  CHECK(core::contentWords("that with this from").empty());
}

TEST_CASE("L005: a principle scored only positively in the whole scenario") {
  CHECK(lintLines("l005-principle-only-rewarded") ==
        std::vector<std::string>{
            "l005-principle-only-rewarded.json:51:13: warning: principle 'influence' is only ever "
            "rewarded (1 choice, none negative): add a choice that breaks it, so players see what "
            "that costs (/nodes/d1/choices/2/score/influence) [L005]"});
}

TEST_CASE("L006: lengths count code points, and the limit itself is allowed") {
  CHECK(lintLines("l006-text-too-long") ==
        std::vector<std::string>{
            "l006-text-too-long.json:23:15: warning: scene text is 901 characters, over the "
            "comfortable 900: cut it or split it (/nodes/d1/text) [L006]",
            "l006-text-too-long.json:34:23: warning: feedback is 501 characters, over the "
            "comfortable 500: cut it or split it (/nodes/d1/choices/0/feedback) [L006]"});
  // 900 two-byte characters are 1800 bytes and still within the limit.
  CHECK(lintLines("l006-clean-at-limit").empty());
}

TEST_CASE("L007: a cast member whose partner's trust no choice changes") {
  CHECK(lintLines("l007-cast-trust-unchanged") ==
        std::vector<std::string>{
            "l007-cast-trust-unchanged.json:19:5: warning: cast member 'dana' speaks for "
            "'design', whose trust no choice changes: let the player win or lose them "
            "(/cast/dana) [L007]"});
}

TEST_CASE("L008: a success ending that a path below 60% of the best total reaches") {
  CHECK(lintLines("l008-cheap-success") ==
        std::vector<std::string>{
            "l008-cheap-success.json:155:5: warning: success ending 'win' is reached by a path "
            "scoring 0% of the best total (below 60%; choices: d1 2, d2 1, d3 1, d4 1): gate it "
            "on what the path did, or send that path to a mixed ending (/nodes/win) [L008]"});
  // Gated on engineering trust 65, success needs Ask why and Name Kenji: 5 of 8 is 63%.
  CHECK(lintLines("l008-clean").empty());
}

TEST_CASE("L009: an ending text names a flag-setting choice that some path into it lacks") {
  CHECK(lintLines("l009-text-names-unmade-choice") ==
        std::vector<std::string>{
            "l009-text-names-unmade-choice.json:162:15: warning: ending text names the choice "
            "'Ask why the payments queue needs nine weeks' at 'd1' (\"payments queue needs "
            "nine\"), but some path into it did not make that choice (flag 'asked_why' is not "
            "always set here): gate it on 'asked_why' or say only what every path shares "
            "(/nodes/meh/text) [L009]"});
  // The same words in the success ending, which requires asked_why.
  CHECK(lintLines("l009-clean").empty());
}

TEST_CASE("L009: the feedback of a gated choice is checked against the paths that offer it") {
  auto lintText = [](const std::string& text) {
    core::Library lib;
    lib.files.push_back(core::loadScenarioBytes(text, "g.json", testing::repoFramework()));
    REQUIRE(lib.files.back().ok());
    std::vector<std::string> codes;
    for (const auto& d : core::lintLibrary(lib, testing::repoFramework()))
      codes.push_back(std::string(core::codeName(d.code)) + " " + d.pointer);
    return codes;
  };
  // d2's gated choice mentions d1's "Escalate to the steering group" (sets
  // escalated); its condition is about trust only, so a path without the
  // escalation can be offered it. Requiring the flag makes it exact.
  std::string file = R"({"format": 1, "id": "g", "title": "t", "summary": "s",
    "partners": ["engineering"], "situation": "x", "difficulty": 1, "cast": {}, "start": "d1",
    "nodes": {
      "d1": {"speaker": "narrator", "text": "Kenji says nine weeks.", "choices": [
        {"text": "Escalate to the steering group tonight", "next": "d2", "sets": ["escalated"],
         "trust": {"engineering": -10}, "score": {"influence": -1}, "feedback": "Influence lost."},
        {"text": "Ask Kenji why", "next": "d2", "score": {"context": 2}, "feedback": "Context."}]},
      "d2": {"speaker": "narrator", "text": "Sales calls.", "choices": [
        {"text": "Share the range", "next": "win", "requires": {GATE},
         "score": {"transparency": 2}, "feedback": "Since you escalated to the steering group tonight, the range lands."},
        {"text": "Wait", "next": "meh", "requires": {"not_flags": ["escalated"]}}, 
        {"text": "Stall", "next": "meh", "score": {"transparency": -1}, "feedback": "Transparency lost."}]},
      "win": {"ending": "success", "text": "W", "lesson": "L"},
      "meh": {"ending": "mixed", "text": "M", "lesson": "L"}}})";
  auto with = [&](const std::string& gate) {
    std::string t = file;
    t.replace(t.find("GATE"), 4, gate);
    return t;
  };
  std::vector<std::string> loose = lintText(with(R"("trust_max": {"engineering": 60})"));
  CHECK(std::count(loose.begin(), loose.end(), "L009 /nodes/d2/choices/0/feedback") == 1);
  std::vector<std::string> exact = lintText(with(R"("flags": ["escalated"])"));
  CHECK(std::count(exact.begin(), exact.end(), "L009 /nodes/d2/choices/0/feedback") == 0);
}

TEST_CASE("L011: placeholder text left from trustdaily new") {
  CHECK(lintLines("l011-placeholder-text") ==
        std::vector<std::string>{
            "l011-placeholder-text.json:162:15: warning: the text of 'meh' is still the "
            "placeholder from 'trustdaily new': write it (/nodes/meh/text) [L011]"});
  // The same words inside a sentence are the author's own.
  CHECK(lintLines("l011-clean").empty());
}

TEST_CASE("without the parsed file, lint falls back to the node's position") {
  core::ScenarioLoad load =
      core::loadScenarioFile(kLintDir + "/l003-one-sided.json", testing::repoFramework());
  REQUIRE(load.ok());
  std::vector<core::Diagnostic> ds = core::lintScenario(*load.scenario, testing::repoFramework());
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].pos.line == load.scenario->findNode("d2")->pos.line);
  CHECK(ds[0].pointer == "/nodes/d2/choices");
}

TEST_CASE("files with errors are reported, not linted") {
  std::string bad = std::string(TRUSTDAILY_FIXTURES) + "/invalid/e202-unknown-next.json";
  core::Library lib = core::loadLibrary({bad}, testing::repoFramework());
  std::vector<core::Diagnostic> ds = core::lintLibrary(lib, testing::repoFramework());
  CHECK(core::hasErrors(ds));
  for (const auto& d : ds) CHECK(std::string(core::codeName(d.code)).front() != 'L');
}

TEST_CASE("docs/authoring.md explains every code of the catalogue") {
  std::ifstream in(std::string(TRUSTDAILY_SOURCE_DIR) + "/docs/authoring.md");
  std::stringstream guide;
  guide << in.rdbuf();
  for (core::DiagCode code : core::allCodes()) {
    std::string name(core::codeName(code));
    CAPTURE(name);
    bool row = guide.str().find("| " + name + " |") != std::string::npos;
    bool rule = guide.str().find("**" + name + ":") != std::string::npos;
    CHECK((row || rule));
  }
}

TEST_CASE("L010: a document's flags that no condition at its scene or after reads") {
  // d2's notes set read_spike, which only d1 reads; d2's email sets nothing
  // (plain backstory) and is not a finding.
  CHECK(lintLines("l010-document-rewards-nothing") ==
        std::vector<std::string>{
            "l010-document-rewards-nothing.json:85:19: warning: document 'Spike notes, again' at "
            "'d2' sets read_spike, which no condition at this scene or after reads: reading it "
            "changes nothing; gate a choice on it, or drop the flag (/nodes/d2/documents/1/sets) "
            "[L010]"});
  CHECK(lintLines("l010-clean").empty());  // d1's notes unlock a choice at d1
}
