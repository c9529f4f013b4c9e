// Review items in the store (schema 3): made from a recorded play's
// missteps inside record()'s transaction, never duplicated, moved by
// answers, learned or retired with a note, and scheduled over a simulated
// month of injected dates.
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <map>

#include "core/analysis.hpp"
#include "core/daily.hpp"
#include "core/first_tries.hpp"
#include "core/progress_store.hpp"
#include "core/review_queue.hpp"
#include "support/load_helpers.hpp"
#include "support/scratch_dir.hpp"

using namespace trustdaily;
using core::fsrs::Grade;

namespace {

// Two decisions: at "a" a warm (best) and a cold (misstep) choice; at "b" a
// best choice offered only when warm, a good one, and a bad one (misstep).
const char* kTwoSteps = R"({
  "format": 1, "id": "two-steps", "title": "Two steps", "summary": "s",
  "partners": ["engineering"], "situation": "x", "difficulty": 1,
  "cast": {"kim": {"name": "Kim", "role": "Lead", "partner": "engineering"}},
  "start": "a",
  "nodes": {
    "a": {"speaker": "kim", "text": "A", "choices": [
      {"text": "warm", "next": "b", "trust": {"engineering": 20}, "sets": ["warm"], "score": {"context": 1}, "feedback": "f"},
      {"text": "cold", "next": "b", "trust": {"engineering": -20}, "score": {"context": -1}, "feedback": "f"}]},
    "b": {"speaker": "kim", "text": "B", "choices": [
      {"text": "best when warm", "next": "win", "requires": {"flags": ["warm"]}, "score": {"context": 3}, "feedback": "f"},
      {"text": "good", "next": "win", "score": {"context": 2}, "feedback": "f"},
      {"text": "bad", "next": "meh", "score": {"context": -2}, "feedback": "f"}]},
    "win": {"ending": "success", "text": "w", "lesson": "l"},
    "meh": {"ending": "mixed", "text": "m", "lesson": "l"}
  }})";

core::ScenarioPtr twoSteps(const std::string& textAtB = "B") {
  std::string text = kTwoSteps;
  text.replace(text.find("\"text\": \"B\""), 11, "\"text\": \"" + textAtB + "\"");
  auto s = testing::modelFromText(text, "two-steps");
  REQUIRE(s != nullptr);
  return s;
}

struct Played {
  core::PlayRecord record;
  std::vector<core::MisstepStart> starts;
};

// Plays `choices` (indices in file order) from the start, first tries only.
Played play(const core::ScenarioPtr& s, const std::vector<std::size_t>& choices,
            const std::string& day, core::PlayKind kind) {
  auto analysis = std::make_shared<const core::Analysis>(core::analyzeScenario(*s).analysis);
  core::Session session(s, analysis);
  core::FirstTries tries;
  for (std::size_t c : choices) tries.chose(session.chooseByIndex(c));
  Played p;
  p.record = core::recordOf(session, tries, day, kind);
  p.starts = core::misstepStarts(session, p.record.decisions);
  return p;
}

core::ScenarioLookup lookupOf(core::ScenarioPtr s) {
  return [s](const std::string& id) { return s && id == s->id ? s : nullptr; };
}

std::int64_t dayNo(const std::string& d) { return core::daysFromCivil(*core::parseDate(d)); }
std::string dayOf(std::int64_t n) { return core::formatDate(core::civilFromDays(n)); }

struct Opened {
  testing::ScratchDir dir;
  core::ProgressStore store{dir.str()};
  Opened() { REQUIRE(store.open() == core::StoreMode::Writable); }
  void exec(const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(store.file().c_str(), &db) == SQLITE_OK);
    CHECK(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
  }
};

}  // namespace

TEST_CASE("a daily play's missteps become items, first due the next day, with their state") {
  auto s = twoSteps();
  Opened o;
  Played p = play(s, {1, 2}, "2026-12-01", core::PlayKind::Daily);  // cold, then bad
  core::RecordOutcome r = o.store.record(p.record, p.starts);
  REQUIRE(r.problem == "");
  std::vector<core::ReviewItem> items = o.store.openReviews();
  REQUIRE(items.size() == 2);
  CHECK(items[0].nodeId == "a");
  CHECK(items[0].misstepChoice == 1);
  CHECK(items[0].state == R"({"flags":[],"trust":{"engineering":50}})");
  CHECK(items[1].nodeId == "b");
  CHECK(items[1].misstepChoice == 2);
  CHECK(items[1].state == R"({"flags":[],"trust":{"engineering":30}})");
  CHECK(items[1].fingerprint == core::nodeFingerprint(*s->findNode("b")));
  for (const core::ReviewItem& i : items) {
    CHECK(i.playId == r.id);
    CHECK(i.createdDay == "2026-12-01");
    CHECK(i.dueDay() == "2026-12-02");  // S0(again) = 0.2172 days: one day
    CHECK(i.schedule.reviews == 1);
    CHECK(i.schedule.lapses == 0);
    CHECK(i.schedule.memory.stability == doctest::Approx(0.2172));
    CHECK(i.schedule.memory.difficulty == doctest::Approx(7.0114));
    std::vector<core::ReviewLogEntry> log = o.store.reviewLog(i.id);
    REQUIRE(log.size() == 1);
    CHECK(log[0].grade == Grade::Again);
    CHECK(log[0].source == "play");
    CHECK(log[0].before == std::nullopt);
  }
  CHECK(o.store.dueReviews("2026-12-01").empty());
  CHECK(o.store.dueReviews("2026-12-02").size() == 2);
}

TEST_CASE("a late play makes items too; practice and replays make none") {
  auto s = twoSteps();
  Opened o;
  REQUIRE(o.store.record(play(s, {0, 1}, "2026-12-05", core::PlayKind::Daily).record).problem ==
          "");
  Played practice = play(s, {1, 2}, "2026-12-05", core::PlayKind::Practice);
  CHECK(o.store.record(practice.record, practice.starts).kind == core::PlayKind::Practice);
  Played replay = play(s, {1, 2}, "2026-12-05", core::PlayKind::Replay);
  CHECK(o.store.record(replay.record, replay.starts).kind == core::PlayKind::Replay);
  CHECK(o.store.openReviews().empty());
  Played late = play(s, {1, 1}, "2026-12-03", core::PlayKind::Daily);
  CHECK(o.store.record(late.record, late.starts).kind == core::PlayKind::Late);
  std::vector<core::ReviewItem> items = o.store.openReviews();
  REQUIRE(items.size() == 1);
  CHECK(items[0].createdDay == "2026-12-03");
}

TEST_CASE("the same misstep again in a later play is another review graded again, not a new item") {
  auto s = twoSteps();
  Opened o;
  Played first = play(s, {1, 1}, "2026-12-01", core::PlayKind::Daily);
  REQUIRE(o.store.record(first.record, first.starts).problem == "");
  Played second = play(s, {1, 1}, "2026-12-04", core::PlayKind::Daily);
  REQUIRE(o.store.record(second.record, second.starts).problem == "");
  std::vector<core::ReviewItem> items = o.store.openReviews();
  REQUIRE(items.size() == 1);
  CHECK(items[0].createdDay == "2026-12-01");
  CHECK(items[0].schedule.reviews == 2);
  CHECK(items[0].schedule.lapses == 1);
  CHECK(items[0].lastReviewDay() == "2026-12-04");
  std::vector<core::ReviewLogEntry> log = o.store.reviewLog(items[0].id);
  REQUIRE(log.size() == 2);
  CHECK(log[1].elapsedDays == 3);
  CHECK(log[1].before.has_value());
  CHECK(log[1].grade == Grade::Again);
}

TEST_CASE(
    "answers move the due date; a good answer at 21 days or more leaves the queue as learned") {
  auto s = twoSteps();
  Opened o;
  Played p = play(s, {1, 1}, "2026-12-01", core::PlayKind::Daily);
  REQUIRE(o.store.record(p.record, p.starts).problem == "");
  core::ReviewItem item = o.store.openReviews().at(0);
  std::optional<core::ReviewStart> start = core::reviewStart(item, lookupOf(s));
  REQUIRE(start.has_value());
  CHECK(start->state.node == s->nodeIndex.at("a"));

  // Again on its due day: back the next day.
  core::ReviewAnswer a = core::answerReview(o.store, *start, 1, "2026-12-02");
  CHECK(a.grade == Grade::Again);
  REQUIRE(a.saved.problem == "");
  CHECK(a.saved.item->dueDay() == "2026-12-03");
  CHECK_FALSE(a.saved.learned);
  // Good answers on each due day: the intervals grow until one reaches 21.
  std::vector<int> intervals;
  std::string day = "2026-12-03";
  for (int n = 0; n < 10 && o.store.openReviews().size() == 1; ++n) {
    core::ReviewAnswer g = core::answerReview(o.store, *start, 0, day);
    CHECK(g.grade == Grade::Good);
    REQUIRE(g.saved.item.has_value());
    const auto& sch = g.saved.item->schedule;
    intervals.push_back(static_cast<int>(sch.dueDay - sch.lastReviewDay));
    CHECK(g.saved.learned == (intervals.back() >= core::kLearnedIntervalDays));
    day = g.saved.item->dueDay();
  }
  // FSRS-6 defaults, no fuzz: after the play's again and this again.
  CHECK(intervals == std::vector<int>{1, 2, 5, 10, 21});
  CHECK(o.store.openReviews().empty());
  std::vector<core::ReviewItem> closed = o.store.closedReviews();
  REQUIRE(closed.size() == 1);
  CHECK(closed[0].status == core::ReviewStatus::Learned);
  CHECK(closed[0].note.rfind("learned", 0) == 0);
  // The log kept every answer, for fitting parameters later.
  CHECK(o.store.reviewLog(item.id).size() == 2 + intervals.size());
  // A learned item is answered no more.
  core::ReviewAnswerOutcome late = o.store.answerReview(item.id, 1, Grade::Again, day);
  CHECK(late.problem == "");
  CHECK_FALSE(late.learned);
  CHECK(o.store.reviewLog(item.id).size() == 2 + intervals.size());
  // And a new misstep there makes a new item.
  Played again = play(s, {1, 1}, "2027-03-01", core::PlayKind::Daily);
  REQUIRE(o.store.record(again.record, again.starts).problem == "");
  CHECK(o.store.openReviews().size() == 1);
}

TEST_CASE(
    "items whose scenario left the library or whose scene changed retire with the note kept") {
  auto s = twoSteps();
  Opened o;
  Played p = play(s, {1, 2}, "2026-12-01", core::PlayKind::Daily);
  REQUIRE(o.store.record(p.record, p.starts).problem == "");
  SUBCASE("the scene changed") {
    core::ReviewCheck c =
        core::checkReviews(o.store, lookupOf(twoSteps("B, rewritten")), "2026-12-02");
    CHECK(c.problem == "");
    CHECK(c.retired ==
          std::vector<std::string>{"A review of two-steps (at b) was retired: the scene changed."});
    REQUIRE(o.store.openReviews().size() == 1);
    CHECK(o.store.openReviews()[0].nodeId == "a");
  }
  SUBCASE("the scenario left the library") {
    core::ReviewCheck c = core::checkReviews(o.store, lookupOf(nullptr), "2026-12-02");
    CHECK(c.retired.size() == 2);
    CHECK(o.store.openReviews().empty());
    std::vector<core::ReviewItem> closed = o.store.closedReviews();
    REQUIRE(closed.size() == 2);
    CHECK(closed[0].status == core::ReviewStatus::Retired);
    CHECK(closed[0].note == "the scenario left the library");
    CHECK(closed[0].closedDay == "2026-12-02");
  }
  SUBCASE("nothing changed: nothing retires") {
    core::ReviewCheck c = core::checkReviews(o.store, lookupOf(s), "2026-12-02");
    CHECK(c.retired.empty());
    CHECK(o.store.openReviews().size() == 2);
  }
}

TEST_CASE("a damaged state row is reported and retired, never fatal") {
  auto s = twoSteps();
  Opened o;
  Played p = play(s, {1, 2}, "2026-12-01", core::PlayKind::Daily);
  REQUIRE(o.store.record(p.record, p.starts).problem == "");
  o.exec("UPDATE review_items SET state = '{\"flags\": [1' WHERE node = 'a'");
  o.exec("UPDATE review_items SET due_day = 'someday' WHERE node = 'b'");
  core::ReviewCheck c = core::checkReviews(o.store, lookupOf(s), "2026-12-02");
  CHECK(c.retired == std::vector<std::string>{"A review of two-steps (at a) was retired: its "
                                              "saved state could not be read."});
  // A day that does not read is simply due: the item is not lost.
  std::vector<core::ReviewItem> due = o.store.dueReviews("2026-12-01");
  REQUIRE(due.size() == 1);
  CHECK(due[0].nodeId == "b");
}

TEST_CASE("an item made without its state finds it by replaying its play") {
  auto s = twoSteps();
  Opened o;
  Played p = play(s, {0, 2}, "2026-12-01", core::PlayKind::Daily);  // warm, then bad
  REQUIRE(o.store.record(p.record).problem == "");                  // no starts given
  REQUIRE(o.store.openReviews().size() == 1);
  CHECK(o.store.openReviews()[0].state == std::nullopt);
  core::ReviewCheck c = core::checkReviews(o.store, lookupOf(s), "2026-12-02");
  CHECK(c.retired.empty());
  core::ReviewItem item = o.store.openReviews().at(0);
  REQUIRE(p.starts.size() == 1);
  CHECK(item.state == p.starts[0].state);
  CHECK(item.state == R"({"flags":["warm"],"trust":{"engineering":70}})");
  CHECK(item.fingerprint == p.starts[0].fingerprint);
}

TEST_CASE("over a simulated month, items come back when due and leave when answered well") {
  auto s = twoSteps();
  Opened o;
  Played p = play(s, {1, 2}, "2026-12-01", core::PlayKind::Daily);
  REQUIRE(o.store.record(p.record, p.starts).problem == "");
  std::map<std::int64_t, std::int64_t> dueOf;  // item -> the due day it was last given
  for (const core::ReviewItem& i : o.store.openReviews()) dueOf[i.id] = i.schedule.dueDay;
  std::map<std::int64_t, int> answers;
  const std::int64_t first = dayNo("2026-12-02");
  for (std::int64_t d = first; d < first + 60; ++d) {
    const std::string day = dayOf(d);
    CAPTURE(day);
    for (const core::ReviewItem& i : o.store.openReviews()) {
      const bool due = i.schedule.dueDay <= d;
      std::vector<core::ReviewItem> dueNow = o.store.dueReviews(day);
      const bool listed = std::any_of(dueNow.begin(), dueNow.end(),
                                      [&](const core::ReviewItem& x) { return x.id == i.id; });
      CHECK(listed == due);
    }
    for (const core::ReviewItem& i : o.store.dueReviews(day)) {
      CHECK(i.schedule.dueDay == dueOf[i.id]);  // it came back on the day it was given
      std::optional<core::ReviewStart> start = core::reviewStart(i, lookupOf(s));
      REQUIRE(start.has_value());
      // Item "a" is got wrong once more on its first review, "b" never.
      const bool wrong = i.nodeId == "a" && answers[i.id] == 0;
      const std::size_t choice = wrong ? 1 : i.nodeId == "a" ? 0 : 1;
      core::ReviewAnswer a = core::answerReview(o.store, *start, choice, day);
      REQUIRE(a.saved.problem == "");
      ++answers[i.id];
      if (a.saved.item) dueOf[i.id] = a.saved.item->schedule.dueDay;
    }
  }
  CHECK(o.store.openReviews().empty());
  REQUIRE(o.store.closedReviews().size() == 2);
  for (const core::ReviewItem& i : o.store.closedReviews())
    CHECK(i.status == core::ReviewStatus::Learned);
  // The item got wrong again needed one answer more.
  std::vector<int> counts;
  for (const auto& [id, n] : answers) counts.push_back(n);
  REQUIRE(counts.size() == 2);
  MESSAGE("answers until learned: a " << counts[0] << ", b " << counts[1]);
  CHECK(counts[0] > counts[1]);
}

TEST_CASE("the offer and next-review lines") {
  CHECK(core::reviewOfferText(1) == "1 misstep to review \u00b7 about 1 minute");
  CHECK(core::reviewOfferText(3) == "3 missteps to review \u00b7 about 2 minutes");
  CHECK(core::reviewOfferText(8) == "8 missteps to review \u00b7 about 6 minutes");
  CHECK(core::reviewOfferText(12) == "12 missteps to review \u00b7 8 now, about 6 minutes");
  CHECK(core::drillItems(std::vector<core::ReviewItem>(12)).size() == core::kReviewsPerDrill);
  CHECK(core::drillItems(std::vector<core::ReviewItem>(3)).size() == 3);
  CHECK(core::nextReviewText({}, "2026-12-01") == "Nothing left to review.");
  core::ReviewItem i;
  i.schedule.dueDay = dayNo("2026-12-03");
  CHECK(core::nextReviewText({i}, "2026-12-01") == "Next review: 2026-12-03 (in 2 days).");
  CHECK(core::nextReviewText({i}, "2026-12-02") == "Next review: 2026-12-03 (tomorrow).");
}

TEST_CASE("the state found by replaying a recorded path opens its documents again") {
  auto s = testing::modelFromText(testing::fixtureText("valid", "documents"), "documents");
  REQUIRE(s != nullptr);
  core::Session session(s, nullptr);
  core::FirstTries tries;
  // Every document of each scene read, then the first choice offered, until
  // a scene offers a misstep: take it.
  std::optional<std::size_t> misstepStep;
  while (!session.finished() && !misstepStep) {
    for (std::size_t d = 0; d < session.currentNode().documents.size(); ++d)
      session.openDocument(d);
    std::vector<core::OfferedChoice> offered = session.choices();
    std::size_t pick = 0;
    for (std::size_t i = 0; i < offered.size(); ++i)
      if (core::isMisstep(*s, *offered[i].choice) && session.history().size() > 0) pick = i;
    core::ChoiceOutcome o = session.choose(pick);
    tries.chose(o);
    if (o.misstep) misstepStep = o.step;
  }
  REQUIRE(misstepStep.has_value());
  REQUIRE(*misstepStep > 0);
  const std::vector<core::DecisionRecord> path = core::decisionsOf(session, tries);
  std::optional<core::PlayState> replayed = core::stateBeforeStep(s, path, *misstepStep);
  REQUIRE(replayed.has_value());
  const core::PlayState& live = session.stateBefore(*misstepStep);
  CHECK(replayed->node == live.node);
  CHECK(replayed->flags == live.flags);
  CHECK(replayed->trust == live.trust);
  CHECK_FALSE(live.flags.empty());  // a document's flag is part of it
  // A path that no longer fits the scenario gives nothing.
  std::vector<core::DecisionRecord> broken = path;
  broken[0].nodeId = "no-such-scene";
  CHECK(core::stateBeforeStep(s, broken, *misstepStep) == std::nullopt);
}

TEST_CASE("a beat into a failure is a misstep of the path but makes no item") {
  std::string text = kTwoSteps;
  // "meh" becomes a beat whose one way on is a failure.
  text.replace(
      text.find(R"("meh": {"ending": "mixed", "text": "m", "lesson": "l"})"),
      std::string(R"("meh": {"ending": "mixed", "text": "m", "lesson": "l"})").size(),
      R"("meh": {"speaker": "kim", "text": "M", "choices": [{"text": "on", "next": "lose"}]},)"
      R"("lose": {"ending": "failure", "text": "x", "lesson": "l"})");
  auto s = testing::modelFromText(text, "two-steps");
  REQUIRE(s != nullptr);
  Opened o;
  Played p = play(s, {0, 2, 0}, "2026-12-01", core::PlayKind::Daily);  // warm, bad, the beat
  REQUIRE(p.record.decisions.size() == 3);
  CHECK(p.record.decisions[2].misstep);
  REQUIRE(o.store.record(p.record, p.starts).problem == "");
  std::vector<core::ReviewItem> items = o.store.openReviews();
  REQUIRE(items.size() == 1);
  CHECK(items[0].nodeId == "b");
  // Known only by replay (an older play), it retires with a note that says why.
  CHECK(core::retireReason(s.get(), "meh", "", 0) == "the scene offers no choice to review");
}
