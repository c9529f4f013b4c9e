// Review items: grading an answer from the choice made, the state a review
// starts from, and when an item retires because its scene changed.
#include <doctest/doctest.h>

#include "core/analysis.hpp"
#include "core/review_item.hpp"
#include "core/session.hpp"
#include "support/load_helpers.hpp"

using namespace trustdaily;
using core::fsrs::Grade;

namespace {

// A decision with a best, a weaker non-negative, a negative and a
// straight-to-failure choice, and one offered only when a flag is set.
const char* kReview = R"({
  "format": 1, "id": "review-fixture", "title": "Review", "summary": "s",
  "partners": ["engineering"], "situation": "x", "difficulty": 1,
  "cast": {"kim": {"name": "Kim", "role": "Lead", "partner": "engineering"}},
  "start": "a",
  "nodes": {
    "a": {"speaker": "kim", "text": "A", "choices": [
      {"text": "warm", "next": "b", "trust": {"engineering": 20}, "sets": ["warm"], "score": {"context": 1}, "feedback": "f"},
      {"text": "cold", "next": "b", "trust": {"engineering": -20}, "score": {"context": -1}, "feedback": "f"}]},
    "b": {"speaker": "kim", "text": "B", "choices": [
      {"text": "fine", "next": "meh", "score": {"context": 1}, "feedback": "f"},
      {"text": "best when warm", "next": "win", "requires": {"flags": ["warm"]}, "score": {"context": 3}, "feedback": "f"},
      {"text": "good", "next": "win", "score": {"context": 2}, "feedback": "f"},
      {"text": "bad", "next": "meh", "score": {"context": -2}, "feedback": "f"},
      {"text": "fatal", "next": "lose", "score": {"context": 1}, "feedback": "f"}]},
    "win": {"ending": "success", "text": "w", "lesson": "l"},
    "meh": {"ending": "mixed", "text": "m", "lesson": "l"},
    "lose": {"ending": "failure", "text": "x", "lesson": "l"}
  }})";

core::ScenarioPtr fixture() {
  auto s = testing::modelFromText(kReview, "review-fixture");
  REQUIRE(s != nullptr);
  return s;
}

core::PlayState stateAt(const core::Scenario& s, const std::string& node, bool warm) {
  core::PlayState st = core::initialState(s);
  st.node = s.nodeIndex.at(node);
  if (warm) st.flags.insert("warm");
  st.trust["engineering"] = warm ? 70 : 30;
  return st;
}

}  // namespace

TEST_CASE("a review answer is graded from the choice made among those offered") {
  auto s = fixture();
  const core::Node& b = *s->findNode("b");
  SUBCASE("with the gated best choice offered, only it is good") {
    auto st = stateAt(*s, "b", true);
    CHECK(core::gradeChoice(*s, b, st, 1) == Grade::Good);
    CHECK(core::gradeChoice(*s, b, st, 2) == Grade::Hard);
    CHECK(core::gradeChoice(*s, b, st, 0) == Grade::Hard);
    CHECK(core::gradeChoice(*s, b, st, 3) == Grade::Again);
    CHECK(core::gradeChoice(*s, b, st, 4) == Grade::Again);  // straight to failure
  }
  SUBCASE("without it, the best offered is good") {
    auto st = stateAt(*s, "b", false);
    CHECK(core::gradeChoice(*s, b, st, 2) == Grade::Good);
    CHECK(core::gradeChoice(*s, b, st, 0) == Grade::Hard);
    CHECK(core::gradeChoice(*s, b, st, 3) == Grade::Again);
  }
}

TEST_CASE("the review state round-trips its flags and trust, and refuses damage") {
  auto s = fixture();
  auto st = stateAt(*s, "b", true);
  const std::string json = core::reviewStateJson(st);
  CHECK(json == R"({"flags":["warm"],"trust":{"engineering":70}})");
  auto back = core::reviewStateFromJson(json, st.node);
  REQUIRE(back.has_value());
  CHECK(back->flags == st.flags);
  CHECK(back->trust == st.trust);
  CHECK(back->node == st.node);
  CHECK_FALSE(core::reviewStateFromJson("", 0).has_value());
  CHECK_FALSE(core::reviewStateFromJson("[]", 0).has_value());
  CHECK_FALSE(core::reviewStateFromJson(R"({"flags":[1],"trust":{}})", 0).has_value());
  CHECK_FALSE(core::reviewStateFromJson(R"({"flags":[],"trust":{"x":101}})", 0).has_value());
  CHECK_FALSE(core::reviewStateFromJson(R"({"flags":[],"trust":{"x":"5"}})", 0).has_value());
}

TEST_CASE("a review session starts at the scene with the stored flags and trust") {
  auto s = fixture();
  core::Session session(s,
                        std::make_shared<const core::Analysis>(core::analyzeScenario(*s).analysis));
  auto st = stateAt(*s, "b", true);
  st.trust["gone-partner"] = 10;  // a partner the scenario no longer has is dropped
  session.startFrom(st);
  CHECK(session.currentNode().id == "b");
  CHECK(session.state().flags == std::set<std::string>{"warm"});
  CHECK(session.state().trust == std::map<std::string, int>{{"engineering", 70}});
  CHECK(session.choices().size() == 5);  // the gated choice is offered
  session.startFrom(stateAt(*s, "b", false));
  CHECK(session.choices().size() == 4);
  auto outOfRange = st;
  outOfRange.node = 99;
  CHECK_THROWS_AS(session.startFrom(outOfRange), std::out_of_range);
}

TEST_CASE("an item retires when its scenario leaves or its scene changes") {
  auto s = fixture();
  const std::string fp = core::nodeFingerprint(*s->findNode("b"));
  CHECK(fp.size() == 16);
  CHECK(core::retireReason(s.get(), "b", fp, 3).empty());
  CHECK(core::retireReason(nullptr, "b", fp, 3) == "the scenario left the library");
  CHECK(core::retireReason(s.get(), "gone", fp, 3) == "the scene is no longer in the scenario");
  CHECK(core::retireReason(s.get(), "b", fp, 0) == "the choice is no longer a misstep");
  CHECK(core::retireReason(s.get(), "b", fp, 9) == "the choice is no longer a misstep");

  // Any edit to the scene's text or a choice changes the fingerprint; an edit
  // elsewhere in the scenario does not.
  auto edited = [&](const std::string& from, const std::string& to) {
    std::string text = kReview;
    text.replace(text.find(from), from.size(), to);
    auto e = testing::modelFromText(text, "review-fixture");
    REQUIRE(e != nullptr);
    return core::nodeFingerprint(*e->findNode("b"));
  };
  CHECK(edited(R"("text": "B")", R"("text": "B!")") != fp);
  CHECK(edited(R"("context": -2)", R"("context": -3)") != fp);
  CHECK(edited(R"("flags": ["warm"]})", R"("flags": ["warm"], "not_flags": ["x"]})") != fp);
  CHECK(edited(R"("text": "A")", R"("text": "A, reworded")") == fp);
}
