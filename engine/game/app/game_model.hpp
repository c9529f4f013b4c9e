#pragma once
// Everything the screens show and change, over the core: the framework, the
// library, today's pick, progress, settings and the play in progress. Game
// rules stay in core; this class only calls them and keeps the results.
#include <SFML/Graphics/Color.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/daily.hpp"
#include "core/day_rules.hpp"
#include "core/first_tries.hpp"
#include "core/framework.hpp"
#include "core/history_stats.hpp"
#include "core/loader.hpp"
#include "core/playtest.hpp"
#include "core/progress_store.hpp"
#include "core/review_queue.hpp"
#include "core/session.hpp"
#include "core/settings.hpp"
#include "core/streak.hpp"
#include "game/app/game_options.hpp"

namespace trustdaily::game {

struct ActivePlay {
  core::Session session;
  core::PlayKind kind = core::PlayKind::Daily;
  bool recordable = true;  // false for authoring starts (--from NODE)
  bool recorded = false;
  std::optional<core::ChoiceOutcome> lastOutcome;
  std::optional<std::size_t> shownDocument{};  // the document the overlay shows
  core::FirstTries tries;                      // the first choice at every step, and the retries
  bool review = false;  // one decision of the review drill: graded, never recorded as a play
  // The day the play is recorded and saved under: today, or the past day of
  // an archive play (from the History screen's calendar).
  std::string day{};
  bool archive = false;
};

// The review drill: the items due when it started, played one after another
// (review_drill.cpp).
struct ReviewDrill {
  std::vector<core::ReviewItem> items;
  std::size_t at = 0;  // the item being played
  std::optional<core::ReviewStart> start;
  std::string result;  // the last answer: its grade and when the item is back
  bool lastGood = false;
  bool answered = false;  // the item's one decision is made: nothing more is graded
};

class GameModel {
 public:
  // Loads the framework, the library, progress and settings, and fixes
  // today's scenario. Returns an error line when the game cannot start.
  std::string load(const GameOptions& options);

  const core::Framework& framework() const { return framework_; }
  const core::Library& library() const { return library_; }
  const std::string& progressNotice() const { return progressNotice_; }

  const core::CivilDate& today() const { return today_; }
  const std::string& todayId() const { return plan_.scenarioId; }
  const core::DayPlan& plan() const { return plan_; }
  const core::ScenarioLoad* todayLoad() const;
  bool todayDone() const { return todayResult_.has_value(); }
  // The day's recorded play (daily, or late), when there is one.
  const std::optional<core::PlayRecord>& todayResult() const { return todayResult_; }

  // What the store holds, read at load and after every recorded play.
  int streak() const { return historyStats_.streak.current; }
  // Best streak, freezes held, frozen days, and the notice about missed days.
  const core::StreakReport& streakReport() const { return historyStats_.streak; }
  // Every recorded day (its daily play, else its first late one), oldest first.
  const std::vector<core::PlayRecord>& dayResults() const { return historyInput_.dayResults; }
  std::optional<int> bestPercent(const std::string& scenarioId) const;

  // Spaced review (core/review_queue.hpp; review_drill.cpp). The open items
  // are checked against the library at load (what retired is in the notice).
  const std::vector<core::ReviewItem>& openReviews() const { return openReviews_; }
  std::size_t reviewsDue() const;
  // Starts the drill with the items due today; false when none can be played.
  bool startReviewDrill();
  const std::optional<ReviewDrill>& drill() const { return drill_; }
  // The next due item of the drill; false, and the drill over, when none is left.
  bool nextReview();
  void endReviewDrill();

  // Starting plays. Each replaces the play in progress.
  // Today's play: resumes the day's play in progress when there is one
  // (false when it no longer fits the scenario: then it starts over), else
  // starts it. `startOver` drops the play in progress first.
  bool startToday(bool startOver = false);
  // The day's play in progress of today's scenario, if any (offered as Resume).
  const std::optional<core::UnfinishedPlay>& unfinished() const { return plan_.unfinished; }
  // Opens a recorded play again, at its ending, for its debrief. False when
  // its scenario is gone or changed since.
  bool reopenPlay(std::int64_t playId);
  // The day of the recorded play opened again, empty for a live play.
  const std::string& reopenedDay() const { return reopenedDay_; }
  void startScenario(const core::ScenarioLoad& load, core::PlayKind kind);
  // Archive (archive_play.cpp): a past day's own scenario, played after the
  // day, recorded as late, never in the streak; resumed when the day has a
  // play of it in progress. False, with archiveProblem() saying why, when
  // the day cannot be played.
  bool startArchive(const core::CivilDate& day);
  const std::string& archiveProblem() const { return archiveProblem_; }
  // What a past day offers before its archive play starts (core::previewDay:
  // its scenario and its play in progress), without writing to the store.
  core::DayPlan archivePreview(const core::CivilDate& day) const;
  // Whether the command line asks for today's scenario by id (then it is the
  // day's play, as from home or the library).
  bool requestsToday() const;
  // Opens the scenario given on the command line (--scenario / play ID|FILE).
  bool startRequested();
  void endPlay() { play_.reset(); }
  // Playtest (F3): starts the play again at node `index` with the start
  // point's flags and trust; not recorded. False when there is no play.
  bool jumpTo(std::size_t index);

  ActivePlay* play() { return play_ ? &*play_ : nullptr; }
  const ActivePlay* play() const { return play_ ? &*play_ : nullptr; }
  const core::ChoiceOutcome& choose(std::size_t offered);
  // Opens document `index` of the current scene (free: it sets its flags and
  // marks it read) and makes it the one the document overlay shows. False
  // when there is no such document.
  bool openDocument(std::size_t index);
  // Records a finished play once, when the player reaches the debrief (so a
  // "Try that again" from the last feedback is not recorded as a finish).
  void recordFinishedPlay();
  // The play's record as it is (or would be) stored: first tries, retries,
  // every decision against the best choice there. Valid when finished.
  core::PlayRecord playRecord() const;
  // Restores the state before history()[step]; `asReplay` marks the rest of
  // the play as a replay (from the debrief or home), which never changes the
  // day's result or the streak.
  void rewindTo(std::size_t step, bool asReplay);
  // The last choice's "try that again" offer was declined (feedback closed).
  void closeRetryOffer();
  // Whether leaving the play now loses it (a practice play or replay with
  // choices made); the day's play is saved after every choice.
  bool leavingLosesPlay() const;
  // Whether the play is the day's, saved after every choice.
  bool playIsSaved() const;
  // Problem of the last save of this play, empty when it went well.
  const std::string& saveProblem() const { return saveProblem_; }

  // Sharing the day's result ("Copy result", "Save card" on the debrief).
  // The stored record of the day's result this play is: a recorded daily or
  // late play, live or opened again; nullopt for practice, replays and plays
  // that could not be saved.
  std::optional<core::PlayRecord> sharedResult() const;
  // Its share text (core::shareText, as `trustdaily share` prints it); empty
  // when there is none.
  std::string shareText() const;
  // Where "Save card" writes: <data folder>/cards, empty without a folder.
  std::string cardsDir() const;
  // What was last put on the clipboard and the last card saved (the state
  // dump reports both).
  void noteCopied(const std::string& text) { lastCopied_ = text; }
  const std::string& lastCopied() const { return lastCopied_; }
  void noteCardSaved(const std::string& path) { lastCard_ = path; }
  const std::string& lastCard() const { return lastCard_; }

  const core::Settings& settings() const { return settings_; }
  // Applies and saves; returns the save problem, empty on success.
  std::string updateSettings(const core::Settings& s);

  // Live playtest (`play FILE`): the file is watched and reloaded.
  bool playtest() const { return !options_.scenarioFile.empty(); }
  const std::string& playtestFile() const { return options_.scenarioFile; }
  // Reads the file again and lets core::reloadPlaytest decide: the play moves
  // to the new scenario (same node when it still exists), or, when the file
  // no longer validates, its diagnostics are kept and the old play waits.
  core::ReloadOutcome reloadPlaytestFile();
  bool playtestBroken() const { return playtestBroken_; }
  const std::vector<core::Diagnostic>& playtestDiagnostics() const { return playtestDiags_; }
  int playtestReloads() const { return playtestReloads_; }
  std::optional<core::ReloadOutcome> lastReload() const { return lastReload_; }
  bool stateOverlay() const { return stateOverlay_; }
  void toggleStateOverlay() { stateOverlay_ = !stateOverlay_; }

  sf::Color principleColour(const std::string& id) const;
  std::string principleName(const std::string& id) const;
  std::string partnerName(const std::string& id) const;
  std::string scenarioTitle(const std::string& id) const;
  const core::ScenarioLoad* findLoad(const std::string& id) const;

  // The history figures (core/history_stats.hpp): streak, average, the
  // per-principle shares of the last 7 and 30 days, the weakest principle;
  // read at load and after every recorded play.
  const core::HistoryStats& historyStats() const { return historyStats_; }
  // What they were computed from, for the History screen's calendar.
  const core::HistoryInput& historyInput() const { return historyInput_; }

 private:
  // The `play FILE` file, checked against the framework beside it if any.
  core::ScenarioLoad loadPlaytestFile() const;
  // Empty, or why --from names no node of the scenario asked for.
  std::string checkFromNode() const;
  core::StartPoint startPoint() const {
    return core::StartPoint{options_.fromNode, options_.startFlags, options_.startTrust};
  }
  // Grades and saves the drill's answer (after choose()).
  void answerReview(const core::ChoiceOutcome& outcome);
  // Plays drill_->items[drill_->at]; false when it cannot be played.
  bool startReviewItem();
  core::ScenarioLookup libraryLookup() const;
  // Reads the day's state, the streak and the lists again from the store.
  void refreshProgress();
  // Saves the day's play in progress after a choice or retry.
  void saveProgressOfPlay(bool retryOpen);
  // Goes on with the saved play in progress of `plan` (today's or an archive
  // day's); false when it no longer fits the scenario (dropped, said).
  bool resumeUnfinished(const core::UnfinishedPlay& unfinished, const std::string& day);
  // The day the active play belongs to.
  std::string playDay() const;

  GameOptions options_;
  core::Framework framework_;
  core::Library library_;
  std::optional<core::ScenarioLoad> requestedFile_;
  std::unique_ptr<core::ProgressStore> store_;
  std::string progressNotice_;
  std::unique_ptr<core::SettingsStore> settingsStore_;
  core::Settings settings_;
  core::CivilDate today_;
  core::DayPlan plan_;
  core::Schedule schedule_;
  std::string archiveProblem_;
  std::optional<core::PlayRecord> todayResult_;
  std::vector<core::ReviewItem> openReviews_;
  std::optional<ReviewDrill> drill_;
  std::map<std::string, int> bestPercents_;
  core::AvailableByScenario available_;  // the best path's points per principle, per scenario
  core::HistoryInput historyInput_;
  core::HistoryStats historyStats_;
  std::string reopenedDay_;  // the day of a recorded play opened again
  std::optional<ActivePlay> play_;
  std::string saveProblem_;
  std::string lastCopied_;
  std::string lastCard_;
  bool playtestBroken_ = false;
  std::vector<core::Diagnostic> playtestDiags_;
  int playtestReloads_ = 0;
  std::optional<core::ReloadOutcome> lastReload_;
  bool stateOverlay_ = false;
};

}  // namespace trustdaily::game
