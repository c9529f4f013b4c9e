// "Did you mean": the nearest known name for every "unknown X" diagnostic.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/loader.hpp"
#include "core/suggest.hpp"
#include "support/load_helpers.hpp"
#include "support/print_vectors.hpp"

using namespace trustdaily;

TEST_CASE("edit distance counts a swap of neighbours as one edit") {
  CHECK(core::editDistance("feedbak", "feedback") == 1);
  CHECK(core::editDistance("asked_marko", "asked_marco") == 1);
  CHECK(core::editDistance("helen-updte", "helen-update") == 1);
  CHECK(core::editDistance("wyh", "why") == 1);
  CHECK(core::editDistance("", "abc") == 3);
}

TEST_CASE("the nearest name is suggested only when it looks like a typo") {
  const std::vector<std::string> nodes{"intro", "helen-update", "helen-reply", "end-good"};
  CHECK(core::nearestName("helen-updte", nodes) == "helen-update");
  CHECK(core::nearestName("end-god", nodes) == "end-good");
  CHECK_FALSE(core::nearestName("budget-call", nodes).has_value());
  // A one-letter id is not a typo of another one-letter id.
  CHECK_FALSE(core::nearestName("a", {"b", "c"}).has_value());
  CHECK(core::nearestName("wn", {"win", "meh"}) == "win");
  // A truncated or extended field name.
  const std::vector<std::string> keys{"flags", "not_flags", "trust_min", "trust_max"};
  CHECK(core::nearestName("trust_minimum", keys) == "trust_min");
  CHECK(core::nearestName("flag", keys) == "flags");
  CHECK(core::didYouMean("trust_mn", keys) == "; did you mean 'trust_min'?");
  CHECK(core::didYouMean("xyz", keys).empty());
}

TEST_CASE("a typo of a missing required field is one error at the typo") {
  // 'feedbak' on a scored choice: before, W001 at the key and E120 at the
  // choice; now one E120 at 'feedbak' that names 'feedback'.
  std::string text = R"({"format": 1, "id": "t", "title": "t", "summary": "s",
    "partners": ["engineering"], "situation": "x", "difficulty": 1, "cast": {}, "start": "a",
    "nodes": {
      "a": {"speaker": "narrator", "text": "A", "choices": [
        {"text": "good", "next": "win", "score": {"context": 1}, "feedbak": "F"},
        {"text": "bad", "next": "win", "score": {"context": -1}, "feedback": "F"}]},
      "win": {"ending": "success", "text": "W", "lesson": "L"}}})";
  core::ScenarioLoad load = core::loadScenarioBytes(text, "t.json", testing::repoFramework());
  std::vector<std::string> lines;
  for (const auto& d : load.diagnostics)
    if (d.severity != core::Severity::Warning || d.code == core::DiagCode::UnknownField)
      lines.push_back(std::string(core::codeName(d.code)) + " " + core::formatText(d));
  CHECK(lines == std::vector<std::string>{
                     "E120 t.json:5:66: error: unknown choice field 'feedbak'; did you mean "
                     "'feedback'? (a scored choice needs 'feedback' explaining its score) "
                     "(/nodes/a/choices/0/feedbak) [E120]"});
}
