// The SQL of review items (schema 3): creating them from recorded missteps,
// reading the queue, answering and retiring. See review_store.hpp.
#include "review_store.hpp"

#include <algorithm>

#include "daily.hpp"
#include "progress_store.hpp"
#include "sqlite_util.hpp"

namespace trustdaily::core {

namespace {

using namespace sqlite_util;

// A stored day as a day number. A damaged day reads as day 0 (1970): the
// item is then simply due, never lost.
std::int64_t dayNumber(const std::string& text) {
  std::optional<CivilDate> d = parseDate(text);
  return d ? daysFromCivil(*d) : 0;
}

std::string dayText(std::int64_t n) { return formatDate(civilFromDays(n)); }

constexpr const char* kItemColumns =
    "id, scenario, node, choice, state, fingerprint, play, step, created_day, stability, "
    "difficulty, due_day, last_review_day, reps, lapses, status, note, closed_day";

ReviewStatus statusFrom(const std::string& s) {
  if (s == "learned") return ReviewStatus::Learned;
  if (s == "retired") return ReviewStatus::Retired;
  return ReviewStatus::Open;
}

ReviewItem itemFromRow(const Stmt& s) {
  ReviewItem r;
  r.id = s.integer(0);
  r.scenarioId = s.text(1);
  r.nodeId = s.text(2);
  r.misstepChoice = static_cast<std::size_t>(std::max<std::int64_t>(0, s.integer(3)));
  if (!s.isNull(4)) r.state = s.text(4);
  if (!s.isNull(5)) r.fingerprint = s.text(5);
  if (!s.isNull(6)) r.playId = s.integer(6);
  r.step = static_cast<std::size_t>(std::max<std::int64_t>(0, s.integer(7)));
  r.createdDay = s.text(8);
  r.schedule.memory = {s.real(9), s.real(10)};
  r.schedule.dueDay = dayNumber(s.text(11));
  r.schedule.lastReviewDay = dayNumber(s.text(12));
  r.schedule.reviews = s.small(13);
  r.schedule.lapses = s.small(14);
  r.status = statusFrom(s.text(15));
  r.note = s.text(16);
  r.closedDay = s.text(17);
  return r;
}

std::vector<ReviewItem> queryItems(sqlite3* db, const std::string& where,
                                   const std::optional<std::string>& arg) {
  std::vector<ReviewItem> out;
  Stmt s(db, (std::string("SELECT ") + kItemColumns + " FROM review_items WHERE " + where +
              " ORDER BY due_day, id")
                 .c_str());
  if (arg) s.bind(1, *arg);
  while (s.step()) out.push_back(itemFromRow(s));
  return out;
}

std::optional<ReviewItem> queryItem(sqlite3* db, std::int64_t id) {
  Stmt s(db, (std::string("SELECT ") + kItemColumns + " FROM review_items WHERE id = ?").c_str());
  s.bind(1, id);
  if (s.step()) return itemFromRow(s);
  return std::nullopt;
}

void insertLog(sqlite3* db, std::int64_t item, std::int64_t day, fsrs::Grade g, std::size_t choice,
               std::int64_t elapsed, const std::optional<fsrs::MemoryState>& before,
               const fsrs::ItemSchedule& after, const char* source) {
  Stmt s(db,
         "INSERT INTO review_log (item, day, grade, choice, elapsed_days, stability_before, "
         "difficulty_before, stability_after, difficulty_after, due_after, source, logged_at) "
         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  s.bind(1, item)
      .bind(2, dayText(day))
      .bind(3, static_cast<std::int64_t>(g))
      .bind(4, static_cast<std::int64_t>(choice))
      .bind(5, elapsed);
  if (before) {
    s.bind(6, before->stability).bind(7, before->difficulty);
  } else {
    s.bind(6, std::optional<std::string>()).bind(7, std::optional<std::string>());
  }
  s.bind(8, after.memory.stability)
      .bind(9, after.memory.difficulty)
      .bind(10, dayText(after.dueDay))
      .bind(11, std::string(source))
      .bind(12, localTimestamp())
      .run();
}

void updateSchedule(sqlite3* db, std::int64_t id, const fsrs::ItemSchedule& s) {
  Stmt u(db,
         "UPDATE review_items SET stability = ?, difficulty = ?, due_day = ?, "
         "last_review_day = ?, reps = ?, lapses = ? WHERE id = ?");
  u.bind(1, s.memory.stability)
      .bind(2, s.memory.difficulty)
      .bind(3, dayText(s.dueDay))
      .bind(4, dayText(s.lastReviewDay))
      .bind(5, std::int64_t{s.reviews})
      .bind(6, std::int64_t{s.lapses})
      .bind(7, id)
      .run();
}

// A graded review of an existing item; returns its schedule after.
fsrs::ItemSchedule reviewItemRow(sqlite3* db, const ReviewItem& item, fsrs::Grade g,
                                 std::size_t choice, std::int64_t day, const char* source) {
  const fsrs::ItemSchedule after = fsrs::review(item.schedule, g, day);
  const std::int64_t elapsed = std::max<std::int64_t>(0, day - item.schedule.lastReviewDay);
  updateSchedule(db, item.id, after);
  insertLog(db, item.id, day, g, choice, elapsed, item.schedule.memory, after, source);
  return after;
}

// One misstep of a recorded play: a new item graded Again on the play's day,
// or, when an item is open at that scene already, another Again review of it.
void noteMisstep(sqlite3* db, const std::string& scenario, const DecisionRecord& d,
                 std::size_t step, std::int64_t playId, const std::string& dayText_,
                 const MisstepStart* start) {
  std::optional<CivilDate> date = parseDate(dayText_);
  if (!date) return;  // a damaged day: nothing to schedule from
  const std::int64_t day = daysFromCivil(*date);
  std::vector<ReviewItem> open = [&] {
    std::vector<ReviewItem> out;
    Stmt s(db, (std::string("SELECT ") + kItemColumns +
                " FROM review_items WHERE status = 'open' AND scenario = ? AND node = ?")
                   .c_str());
    s.bind(1, scenario).bind(2, d.nodeId);
    while (s.step()) out.push_back(itemFromRow(s));
    return out;
  }();
  if (!open.empty()) {
    const ReviewItem& item = open.front();
    reviewItemRow(db, item, fsrs::Grade::Again, d.firstChoice, day, "play");
    if (start != nullptr && !item.state) {
      Stmt u(db, "UPDATE review_items SET state = ?, fingerprint = ? WHERE id = ?");
      u.bind(1, start->state).bind(2, start->fingerprint).bind(3, item.id).run();
    }
    return;
  }
  const fsrs::ItemSchedule first = fsrs::firstSchedule(fsrs::Grade::Again, day);
  Stmt s(db,
         "INSERT INTO review_items (scenario, node, choice, state, fingerprint, play, step, "
         "created_day, stability, difficulty, due_day, last_review_day, reps, lapses) "
         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  s.bind(1, scenario)
      .bind(2, d.nodeId)
      .bind(3, static_cast<std::int64_t>(d.firstChoice))
      .bind(4, start ? std::optional<std::string>(start->state) : std::nullopt)
      .bind(5, start ? std::optional<std::string>(start->fingerprint) : std::nullopt)
      .bind(6, playId)
      .bind(7, static_cast<std::int64_t>(step))
      .bind(8, dayText_)
      .bind(9, first.memory.stability)
      .bind(10, first.memory.difficulty)
      .bind(11, dayText(first.dueDay))
      .bind(12, dayText(first.lastReviewDay))
      .bind(13, std::int64_t{first.reviews})
      .bind(14, std::int64_t{first.lapses})
      .run();
  const std::int64_t id = sqlite3_last_insert_rowid(db);
  insertLog(db, id, day, fsrs::Grade::Again, d.firstChoice, 0, std::nullopt, first, "play");
}

}  // namespace

std::string ReviewItem::dueDay() const { return dayText(schedule.dueDay); }
std::string ReviewItem::lastReviewDay() const { return dayText(schedule.lastReviewDay); }

bool reviewLearned(fsrs::Grade g, const fsrs::ItemSchedule& after) {
  return g == fsrs::Grade::Good && after.dueDay - after.lastReviewDay >= kLearnedIntervalDays;
}

namespace review_sql {

void noteMissteps(sqlite3* db, const PlayRecord& play, std::int64_t playId, PlayKind kind,
                  const std::vector<MisstepStart>& starts) {
  // Practice and replays are the player choosing to explore or to try again:
  // only the day's own play (daily, or late for an earlier date) counts.
  if (kind != PlayKind::Daily && kind != PlayKind::Late) return;
  for (std::size_t i = 0; i < play.decisions.size(); ++i) {
    if (!play.decisions[i].misstep) continue;
    const MisstepStart* start = nullptr;
    for (const MisstepStart& s : starts)
      if (s.step == i) start = &s;
    if (start != nullptr && !start->reviewable) continue;
    noteMisstep(db, play.scenarioId, play.decisions[i], i, playId, play.day, start);
  }
}

void backfill(sqlite3* db) {
  struct Row {
    std::int64_t play;
    std::string day;
    std::string scenario;
    std::size_t step;
    DecisionRecord d;
  };
  std::vector<Row> rows;
  {
    Stmt s(db,
           "SELECT p.id, p.day, p.scenario, d.step, d.node, d.first_choice FROM plays p "
           "JOIN decisions d ON d.play = p.id AND d.misstep = 1 "
           "WHERE p.kind IN ('daily', 'late') ORDER BY p.day, p.id, d.step");
    while (s.step()) {
      Row r{s.integer(0), s.text(1), s.text(2), static_cast<std::size_t>(s.integer(3)), {}};
      r.d.nodeId = s.text(4);
      r.d.firstChoice = static_cast<std::size_t>(std::max<std::int64_t>(0, s.integer(5)));
      r.d.misstep = true;
      rows.push_back(std::move(r));
    }
  }
  for (const Row& r : rows) noteMisstep(db, r.scenario, r.d, r.step, r.play, r.day, nullptr);
}

}  // namespace review_sql

std::vector<ReviewItem> ProgressStore::openReviews() {
  std::vector<ReviewItem> out;
  readGuarded([&] { out = queryItems(db_, "status = 'open'", std::nullopt); });
  return out;
}

std::vector<ReviewItem> ProgressStore::dueReviews(const std::string& day) {
  std::vector<ReviewItem> out;
  // Compared as day numbers, not text: a damaged due day reads as day 0,
  // so the item is due rather than lost.
  const std::int64_t today = dayNumber(day);
  readGuarded([&] {
    out.clear();
    for (ReviewItem& item : queryItems(db_, "status = 'open'", std::nullopt))
      if (item.schedule.dueDay <= today) out.push_back(std::move(item));
  });
  return out;
}

std::vector<ReviewItem> ProgressStore::closedReviews() {
  std::vector<ReviewItem> out;
  readGuarded([&] { out = queryItems(db_, "status != 'open'", std::nullopt); });
  return out;
}

std::optional<ReviewItem> ProgressStore::reviewItem(std::int64_t id) {
  std::optional<ReviewItem> out;
  readGuarded([&] { out = queryItem(db_, id); });
  return out;
}

std::vector<ReviewLogEntry> ProgressStore::reviewLog(std::int64_t itemId) {
  std::vector<ReviewLogEntry> out;
  readGuarded([&] {
    out.clear();
    Stmt s(db_,
           "SELECT day, grade, choice, elapsed_days, stability_before, difficulty_before, "
           "stability_after, difficulty_after, due_after, source FROM review_log "
           "WHERE item = ? ORDER BY id");
    s.bind(1, itemId);
    while (s.step()) {
      ReviewLogEntry e;
      e.itemId = itemId;
      e.day = s.text(0);
      e.grade = static_cast<fsrs::Grade>(std::clamp(s.small(1), 1, 4));
      e.choice = static_cast<std::size_t>(std::max<std::int64_t>(0, s.integer(2)));
      e.elapsedDays = s.integer(3);
      if (!s.isNull(4)) e.before = fsrs::MemoryState{s.real(4), s.real(5)};
      e.after = {s.real(6), s.real(7)};
      e.dueAfter = s.text(8);
      e.source = s.text(9);
      out.push_back(std::move(e));
    }
  });
  return out;
}

ReviewAnswerOutcome ProgressStore::answerReview(std::int64_t id, std::size_t choice,
                                                fsrs::Grade grade, const std::string& day) {
  ReviewAnswerOutcome out;
  std::optional<CivilDate> date = parseDate(day);
  if (!date) {
    out.problem = "Progress not saved: " + day + " is not a date.";
    return out;
  }
  out.problem = writeGuarded([&] {
    out.item.reset();
    out.learned = false;
    std::optional<ReviewItem> item = queryItem(db_, id);
    // Answered meanwhile by another instance into learned or retired: that stands.
    if (!item || item->status != ReviewStatus::Open) {
      out.item = item;
      return;
    }
    const std::int64_t dayNo = daysFromCivil(*date);
    const fsrs::ItemSchedule after = reviewItemRow(db_, *item, grade, choice, dayNo, "review");
    if (reviewLearned(grade, after)) {
      Stmt u(db_,
             "UPDATE review_items SET status = 'learned', note = ?, closed_day = ? WHERE id = ?");
      u.bind(1, std::string("learned: next review would be in ")
                    .append(std::to_string(after.dueDay - after.lastReviewDay))
                    .append(" days"))
          .bind(2, day)
          .bind(3, id)
          .run();
      out.learned = true;
    }
    out.item = queryItem(db_, id);
  });
  return out;
}

std::string ProgressStore::retireReview(std::int64_t id, const std::string& note,
                                        const std::string& day) {
  return writeGuarded([&] {
    Stmt u(db_,
           "UPDATE review_items SET status = 'retired', note = ?, closed_day = ? "
           "WHERE id = ? AND status = 'open'");
    u.bind(1, note).bind(2, day).bind(3, id).run();
  });
}

std::string ProgressStore::setReviewStart(std::int64_t id, const std::string& state,
                                          const std::string& fingerprint) {
  return writeGuarded([&] {
    Stmt u(db_, "UPDATE review_items SET state = ?, fingerprint = ? WHERE id = ?");
    u.bind(1, state).bind(2, fingerprint).bind(3, id).run();
  });
}

}  // namespace trustdaily::core
