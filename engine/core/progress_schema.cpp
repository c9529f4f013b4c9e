#include "progress_schema.hpp"

namespace trustdaily::core {

const std::vector<const char*>& progressMigrations() {
  static const std::vector<const char*> migrations = {
      // 0 -> 1: days, plays and their decisions.
      R"sql(
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
-- The scenario each day was given, fixed the first time the day is shown.
CREATE TABLE days (
  day TEXT PRIMARY KEY,
  scenario TEXT NOT NULL,
  pinned_at TEXT NOT NULL
);
-- Every finished play. The result (percent, total, ending) is from first
-- tries; reached_* is where the retries took it.
CREATE TABLE plays (
  id INTEGER PRIMARY KEY,
  day TEXT NOT NULL,
  scenario TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('daily', 'late', 'practice', 'replay')),
  percent INTEGER NOT NULL,
  total INTEGER NOT NULL,
  ending TEXT NOT NULL CHECK (ending IN ('success', 'mixed', 'failure')),
  best_total INTEGER NOT NULL,
  reached_percent INTEGER NOT NULL,
  reached_total INTEGER NOT NULL,
  reached_ending TEXT NOT NULL CHECK (reached_ending IN ('success', 'mixed', 'failure')),
  retries INTEGER NOT NULL,
  missteps INTEGER NOT NULL,
  finished_at TEXT NOT NULL,
  imported INTEGER NOT NULL DEFAULT 0
);
-- One daily play per day, whatever races the instances run.
CREATE UNIQUE INDEX plays_one_daily ON plays (day) WHERE kind = 'daily';
CREATE INDEX plays_by_day ON plays (day, kind);
CREATE INDEX plays_by_scenario ON plays (scenario, id);
-- Each step of the path a play ended on. Scores are NULL only for plays
-- imported from progress.json, which did not keep them. documents: the
-- scene's documents read before the chosen choice ("0,2"), NULL when none.
CREATE TABLE decisions (
  play INTEGER NOT NULL REFERENCES plays (id) ON DELETE CASCADE,
  step INTEGER NOT NULL,
  node TEXT NOT NULL,
  first_choice INTEGER NOT NULL,
  chosen_choice INTEGER NOT NULL,
  best_choice INTEGER,
  first_score INTEGER,
  chosen_score INTEGER,
  best_score INTEGER,
  misstep INTEGER NOT NULL,
  retries INTEGER NOT NULL,
  documents TEXT,
  PRIMARY KEY (play, step)
) WITHOUT ROWID;
CREATE INDEX decisions_missteps ON decisions (play) WHERE misstep = 1;
-- The first-try principle totals of each play (the home screen's profile).
CREATE TABLE play_principles (
  play INTEGER NOT NULL REFERENCES plays (id) ON DELETE CASCADE,
  principle TEXT NOT NULL,
  total INTEGER NOT NULL,
  PRIMARY KEY (play, principle)
) WITHOUT ROWID;
)sql",
      // 1 -> 2: the day's play in progress, saved after every choice (resume).
      R"sql(
CREATE TABLE unfinished (
  day TEXT PRIMARY KEY,
  scenario TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('daily', 'late')),
  retry_open INTEGER NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE unfinished_steps (
  day TEXT NOT NULL REFERENCES unfinished (day) ON DELETE CASCADE,
  step INTEGER NOT NULL,
  node TEXT NOT NULL,
  first_choice INTEGER NOT NULL,
  chosen_choice INTEGER NOT NULL,
  retries INTEGER NOT NULL,
  documents TEXT,
  PRIMARY KEY (day, step)
) WITHOUT ROWID;
)sql",
      // 2 -> 3: missteps as review items with their FSRS schedule, and every
      // review graded, kept so the parameters could be fitted later. Items of
      // plays recorded before this version are added by
      // review_sql::backfill() (review_store.cpp) in the same transaction.
      R"sql(
-- One misstep to review. state (the flags and trust just before it, as
-- {"flags": [...], "trust": {...}}) and fingerprint (of the scene) are NULL
-- until known: items backfilled from older plays get them by replaying the
-- play once the scenario is at hand. Days are YYYY-MM-DD.
CREATE TABLE review_items (
  id INTEGER PRIMARY KEY,
  scenario TEXT NOT NULL,
  node TEXT NOT NULL,
  choice INTEGER NOT NULL,
  state TEXT,
  fingerprint TEXT,
  play INTEGER REFERENCES plays (id) ON DELETE SET NULL,
  step INTEGER NOT NULL,
  created_day TEXT NOT NULL,
  stability REAL NOT NULL,
  difficulty REAL NOT NULL,
  due_day TEXT NOT NULL,
  last_review_day TEXT NOT NULL,
  reps INTEGER NOT NULL,
  lapses INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'learned', 'retired')),
  note TEXT,
  closed_day TEXT
);
-- One open item per scene of a scenario: a misstep made there again is
-- another review of the same item, graded again.
CREATE UNIQUE INDEX review_items_one_open ON review_items (scenario, node) WHERE status = 'open';
CREATE INDEX review_items_due ON review_items (due_day) WHERE status = 'open';
-- Every graded review: the misstep in a play (source 'play') or an answer
-- in a review (source 'review'). Stability and difficulty before are NULL
-- for an item's first review.
CREATE TABLE review_log (
  id INTEGER PRIMARY KEY,
  item INTEGER NOT NULL REFERENCES review_items (id) ON DELETE CASCADE,
  day TEXT NOT NULL,
  grade INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 4),
  choice INTEGER NOT NULL,
  elapsed_days INTEGER NOT NULL,
  stability_before REAL,
  difficulty_before REAL,
  stability_after REAL NOT NULL,
  difficulty_after REAL NOT NULL,
  due_after TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('play', 'review')),
  logged_at TEXT NOT NULL
);
CREATE INDEX review_log_by_item ON review_log (item, id);
)sql",
  };
  return migrations;
}

}  // namespace trustdaily::core
