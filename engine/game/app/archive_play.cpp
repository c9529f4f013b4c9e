// Archive plays of the window: a past day's own scenario from the History
// screen's calendar, with the same core rules as `play --text --archive`.
#include "game/app/game_model.hpp"

namespace trustdaily::game {

core::DayPlan GameModel::archivePreview(const core::CivilDate& day) const {
  return core::previewDay(*store_, day, library_, schedule_);
}

bool GameModel::startArchive(const core::CivilDate& day) {
  archiveProblem_ = core::archiveProblem(day, today_);
  if (!archiveProblem_.empty()) return false;
  core::DayPlan plan = core::planArchiveDay(*store_, day, library_, schedule_);
  const core::ScenarioLoad* load =
      plan.scenarioId.empty() ? nullptr : library_.findLoad(plan.scenarioId);
  if (load == nullptr) {
    archiveProblem_ = plan.note.empty()
                          ? "No scenario in the library can be played for " + plan.day + "."
                          : plan.note;
    return false;
  }
  // A day recorded already (another instance, or a late play) gets practice.
  startScenario(*load, plan.kind());
  play_->day = plan.day;
  play_->archive = true;
  if (plan.unfinished && plan.kind() != core::PlayKind::Practice)
    resumeUnfinished(*plan.unfinished, plan.day);
  return true;
}

}  // namespace trustdaily::game
