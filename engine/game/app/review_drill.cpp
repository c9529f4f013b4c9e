// The review drill of the window: the items due today, each played as one
// decision with the play and feedback screens, graded and saved after each
// answer (the same core calls as `trustdaily review`).
#include "game/app/game_model.hpp"

namespace trustdaily::game {

core::ScenarioLookup GameModel::libraryLookup() const {
  return [this](const std::string& id) { return library_.find(id); };
}

std::size_t GameModel::reviewsDue() const {
  const std::int64_t today = core::daysFromCivil(today_);
  std::size_t n = 0;
  for (const core::ReviewItem& item : openReviews_) n += item.schedule.dueDay <= today ? 1 : 0;
  return n;
}

bool GameModel::startReviewDrill() {
  drill_.emplace();
  drill_->items = core::drillItems(store_->dueReviews(core::formatDate(today_)));
  drill_->at = 0;
  while (drill_->at < drill_->items.size()) {
    if (startReviewItem()) return true;
    ++drill_->at;  // cannot be played now: the next check retires it
  }
  endReviewDrill();
  return false;
}

bool GameModel::startReviewItem() {
  const core::ReviewItem& item = drill_->items[drill_->at];
  drill_->start = core::reviewStart(item, libraryLookup());
  const core::ScenarioLoad* load = findLoad(item.scenarioId);
  if (!drill_->start || load == nullptr) return false;
  reopenedDay_.clear();
  play_.emplace(ActivePlay{core::Session(load->scenario, load->analysis),
                           core::PlayKind::Replay,
                           false,
                           false,
                           {},
                           {},
                           {},
                           true});
  play_->session.startFrom(drill_->start->state);
  drill_->result.clear();
  drill_->answered = false;
  saveProblem_.clear();
  return true;
}

void GameModel::answerReview(const core::ChoiceOutcome& outcome) {
  if (!drill_ || !drill_->start || drill_->answered) return;
  drill_->answered = true;
  core::ReviewAnswer a =
      core::answerReview(*store_, *drill_->start, outcome.choiceIndex, core::formatDate(today_));
  drill_->lastGood = a.grade == core::fsrs::Grade::Good;
  drill_->result = core::gradeText(a.grade);
  if (!a.saved.problem.empty()) {
    saveProblem_ = a.saved.problem;
    progressNotice_ = a.saved.problem;
    drill_->result += "  " + a.saved.problem;
  } else if (a.saved.learned) {
    drill_->result += "  Learned: it leaves the review queue.";
  } else if (a.saved.item) {
    const std::optional<core::CivilDate> due = core::parseDate(a.saved.item->dueDay());
    drill_->result += "  It comes back on " + (due ? core::formatDate(*due) : std::string()) + ".";
  }
}

bool GameModel::nextReview() {
  if (!drill_) return false;
  while (++drill_->at < drill_->items.size())
    if (startReviewItem()) return true;
  endReviewDrill();
  return false;
}

void GameModel::endReviewDrill() {
  drill_.reset();
  if (play_ && play_->review) play_.reset();
  refreshProgress();
}

}  // namespace trustdaily::game
