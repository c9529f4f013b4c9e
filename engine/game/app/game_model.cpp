#include "game/app/game_model.hpp"

#include <filesystem>

#include "core/game_day.hpp"
#include "core/review_queue.hpp"
#include "core/share_input.hpp"
#include "game/ui/theme.hpp"

namespace trustdaily::game {
namespace fs = std::filesystem;

std::string GameModel::load(const GameOptions& options) {
  options_ = options;
  std::string dir = options.scenariosDir;
  core::FrameworkLoad fw = core::loadFramework(core::findFrameworkFor(dir));
  if (!fw.ok()) {
    std::string why = "cannot read the framework for " + dir;
    for (const auto& d : fw.diagnostics) {
      if (d.severity == core::Severity::Error) {
        why = core::formatText(d);
        break;
      }
    }
    return why;
  }
  framework_ = fw.framework;
  library_ = core::loadLibrary({dir}, framework_);
  available_ = core::availableByScenario(library_);

  if (!options.scenarioFile.empty()) {
    std::error_code ec;
    if (!fs::exists(options.scenarioFile, ec)) {
      return "cannot play " + options.scenarioFile + ": no such file";
    }
    if (!fs::is_regular_file(options.scenarioFile, ec)) {
      return "cannot play " + options.scenarioFile + ": not a regular file";
    }
    requestedFile_ = loadPlaytestFile();
    playtestDiags_ = requestedFile_->diagnostics;  // warnings of a valid file too
    if (!requestedFile_->ok()) {
      // An author may start on a file that does not validate yet: the window
      // opens on its diagnostics (as a broken reload shows them) and the play
      // begins once the file is fixed.
      playtestBroken_ = true;
      playtestDiags_ = core::reloadPlaytest(nullptr, *requestedFile_, startPoint()).diagnostics;
      requestedFile_.reset();
    }
  }
  if (!options.scenarioId.empty() && library_.findLoad(options.scenarioId) == nullptr) {
    for (const core::ScenarioLoad& f : library_.files) {
      if (fs::path(f.path).stem() == options.scenarioId && !f.ok()) {
        for (const auto& d : f.diagnostics) {
          if (d.severity == core::Severity::Error) return core::formatText(d);
        }
      }
    }
    return "no scenario '" + options.scenarioId + "' in " + dir;
  }
  if (std::string why = checkFromNode(); !why.empty()) return why;

  std::string settingsProblem;
  settingsStore_ = std::make_unique<core::SettingsStore>(options.dataDir);
  settings_ = settingsStore_->load(&settingsProblem);
  if (options.theme == "dark") settings_.theme = core::Theme::Dark;
  if (options.theme == "light") settings_.theme = core::Theme::Light;
  if (options.textSize >= 0) settings_.textSize = options.textSize;

  // The game's today, as every terminal command computes it (core/game_day.hpp).
  std::string why;
  std::optional<core::CivilDate> day = core::gameToday(options.date, settings_.rolloverHour, &why);
  if (!day) return why;
  today_ = *day;

  store_ = std::make_unique<core::ProgressStore>(options.dataDir);
  store_->open();
  progressNotice_ = store_->notice();
  if (!settingsProblem.empty()) {
    if (!progressNotice_.empty()) progressNotice_ += "  ";
    progressNotice_ += "Settings: " + settingsProblem;
  }

  // Today's scenario: fixed in the store the first time the day is shown.
  if (fs::exists(dir + "/schedule.json"))
    schedule_ = core::loadSchedule(dir + "/schedule.json").schedule;
  plan_ = core::planDay(*store_, today_, library_, schedule_);
  for (const std::string& line : {plan_.note, plan_.saveProblem}) {
    if (line.empty()) continue;
    if (!progressNotice_.empty()) progressNotice_ += "  ";
    progressNotice_ += line;
  }
  // Review items whose scenario changed or left retire now, said once.
  core::ReviewCheck check = core::checkReviews(*store_, libraryLookup(), plan_.day);
  for (const std::string& line : check.retired) {
    if (!progressNotice_.empty()) progressNotice_ += "  ";
    progressNotice_ += line;
  }
  refreshProgress();
  return {};
}

void GameModel::refreshProgress() {
  const std::string day = core::formatDate(today_);
  todayResult_ = store_->dayResult(day);
  openReviews_ = store_->openReviews();
  bestPercents_ = store_->bestPercents();
  historyInput_.today = today_;
  historyInput_.dayResults = store_->dayResults();
  historyInput_.principleTotals = store_->principleTotalsByPlay();
  historyInput_.plays = store_->plays();
  historyInput_.available = available_;
  historyInput_.principles = framework_.principles;
  historyStats_ = core::historyStats(historyInput_);
  plan_.recorded = todayResult_.has_value();
  std::optional<std::string> latest = store_->latestDay();
  plan_.late = !plan_.recorded && latest && day < *latest;
  plan_.unfinished.reset();
  if (!plan_.recorded && !plan_.scenarioId.empty()) {
    plan_.unfinished = store_->unfinished(day);
    if (plan_.unfinished && plan_.unfinished->scenarioId != plan_.scenarioId)
      plan_.unfinished.reset();
  }
  if (progressNotice_.empty()) progressNotice_ = store_->notice();
}

std::optional<int> GameModel::bestPercent(const std::string& scenarioId) const {
  auto it = bestPercents_.find(scenarioId);
  return it == bestPercents_.end() ? std::nullopt : std::optional<int>(it->second);
}

std::string GameModel::checkFromNode() const {
  if (startPoint().empty()) return {};
  const core::ScenarioLoad* load =
      requestedFile_
          ? &*requestedFile_
          : (options_.scenarioId.empty() ? nullptr : library_.findLoad(options_.scenarioId));
  if (load == nullptr || !load->scenario) return {};  // a broken file: checked once it loads
  return core::checkStartPoint(*load->scenario, startPoint());
}

const core::ScenarioLoad* GameModel::todayLoad() const {
  if (plan_.scenarioId.empty()) return nullptr;
  return library_.findLoad(plan_.scenarioId);
}

const core::ScenarioLoad* GameModel::findLoad(const std::string& id) const {
  if (requestedFile_ && requestedFile_->scenario && requestedFile_->scenario->id == id) {
    return &*requestedFile_;
  }
  return library_.findLoad(id);
}

void GameModel::startScenario(const core::ScenarioLoad& load, core::PlayKind kind) {
  reopenedDay_.clear();
  play_.emplace(
      ActivePlay{core::Session(load.scenario, load.analysis), kind, true, false, {}, {}, {}});
  saveProblem_.clear();
}

bool GameModel::startToday(bool startOver) {
  const core::ScenarioLoad* load = todayLoad();
  if (load == nullptr) return false;
  if (startOver && plan_.unfinished) {
    store_->dropUnfinished(plan_.day);
    plan_.unfinished.reset();
  }
  // Once the day has its result, more plays of it are practice; a clock
  // moved back makes it late.
  startScenario(*load, plan_.kind());
  if (!plan_.unfinished || plan_.kind() == core::PlayKind::Practice) return true;
  const core::UnfinishedPlay unfinished = *plan_.unfinished;
  return resumeUnfinished(unfinished, plan_.day);
}

bool GameModel::resumeUnfinished(const core::UnfinishedPlay& unfinished, const std::string& day) {
  if (!core::resumeSteps(play_->session, play_->tries, unfinished.steps)) {
    saveProblem_ = "Your play in progress no longer fits " +
                   std::string(day == plan_.day ? "today\u2019s" : "the day\u2019s") +
                   " scenario (it changed); starting over.";
    progressNotice_ = saveProblem_;
    store_->dropUnfinished(day);
    if (day == plan_.day) plan_.unfinished.reset();
    return false;
  }
  const auto& history = play_->session.history();
  if (unfinished.retryOpen && !history.empty() && history.back().misstep)
    play_->lastOutcome = history.back();
  return true;
}

bool GameModel::reopenPlay(std::int64_t playId) {
  std::optional<core::PlayRecord> record = store_->play(playId);
  if (!record) return false;
  const core::ScenarioLoad* load = findLoad(record->scenarioId);
  if (load == nullptr) return false;
  std::vector<core::StepTry> steps;
  for (const core::DecisionRecord& d : record->decisions)
    steps.push_back({d.nodeId, d.firstChoice, d.chosenChoice, d.retries, d.documents});
  startScenario(*load, record->kind);
  if (!core::resumeSteps(play_->session, play_->tries, steps) || !play_->session.finished()) {
    play_.reset();
    return false;
  }
  play_->recorded = true;  // its debrief, not a new play
  play_->day = record->day;
  reopenedDay_ = record->day;
  return true;
}

bool GameModel::requestsToday() const {
  return !requestedFile_ && !options_.scenarioId.empty() && options_.scenarioId == todayId() &&
         startPoint().empty() && todayLoad() != nullptr;
}

bool GameModel::startRequested() {
  std::string id = options_.scenarioId;
  if (requestedFile_) id = requestedFile_->scenario->id;
  if (id.empty()) return false;
  const core::ScenarioLoad* load = requestedFile_ ? &*requestedFile_ : library_.findLoad(id);
  if (load == nullptr) return false;
  startScenario(*load, core::PlayKind::Practice);
  if (!startPoint().empty()) {
    if (!core::checkStartPoint(*load->scenario, startPoint()).empty()) return false;
    core::applyStartPoint(play_->session, startPoint());
    play_->recordable = false;
  }
  return true;
}

core::ScenarioLoad GameModel::loadPlaytestFile() const {
  // A framework beside the file wins over the library's.
  core::FrameworkLoad own = core::loadFramework(core::findFrameworkFor(options_.scenarioFile));
  return core::loadScenarioFile(options_.scenarioFile, own.ok() ? own.framework : framework_);
}

core::ReloadOutcome GameModel::reloadPlaytestFile() {
  core::ScenarioLoad load = loadPlaytestFile();
  const core::Session* old = play_ ? &play_->session : nullptr;
  core::PlaytestReload r = core::reloadPlaytest(old, load, startPoint());
  ++playtestReloads_;
  lastReload_ = r.outcome;
  playtestDiags_ = std::move(r.diagnostics);
  playtestBroken_ = r.outcome == core::ReloadOutcome::Broken;
  if (playtestBroken_) return r.outcome;  // the old play waits for the fix
  requestedFile_ = std::move(load);
  // A reloaded play is authoring, never a recorded result.
  play_.emplace(
      ActivePlay{std::move(*r.session), core::PlayKind::Practice, false, false, {}, {}, {}});
  saveProblem_.clear();
  return r.outcome;
}

const core::ChoiceOutcome& GameModel::choose(std::size_t offered) {
  play_->lastOutcome = play_->session.choose(offered);
  if (play_->review) {
    answerReview(*play_->lastOutcome);
    return *play_->lastOutcome;
  }
  play_->tries.chose(*play_->lastOutcome);
  saveProgressOfPlay(play_->lastOutcome->misstep);
  return *play_->lastOutcome;
}

bool GameModel::playIsSaved() const {
  return play_ && play_->recordable && !play_->recorded &&
         (play_->kind == core::PlayKind::Daily || play_->kind == core::PlayKind::Late);
}

bool GameModel::leavingLosesPlay() const {
  return play_ && !playIsSaved() && play_->recordable && !play_->recorded &&
         !play_->session.history().empty();
}

void GameModel::saveProgressOfPlay(bool retryOpen) {
  if (!playIsSaved()) return;
  const std::string day = playDay();
  std::string why = store_->saveUnfinished({day, play_->session.scenario().id, play_->kind,
                                            play_->tries.steps(play_->session), retryOpen, ""});
  if (!why.empty()) {
    saveProblem_ = why;
    progressNotice_ = why;
  }
  if (day == plan_.day) plan_.unfinished = store_->unfinished(plan_.day);
}

void GameModel::closeRetryOffer() {
  if (play_ && play_->lastOutcome && play_->lastOutcome->misstep) saveProgressOfPlay(false);
}

bool GameModel::jumpTo(std::size_t index) {
  if (!play_ || index >= play_->session.scenario().nodes.size()) return false;
  core::applyStartPoint(play_->session, startPoint(), index);
  play_->recordable = false;
  play_->recorded = false;
  play_->lastOutcome.reset();
  return true;
}

bool GameModel::openDocument(std::size_t index) {
  if (!play_ || play_->session.finished() || index >= play_->session.currentNode().documents.size())
    return false;
  play_->session.openDocument(index);
  play_->shownDocument = index;
  return true;
}

void GameModel::rewindTo(std::size_t step, bool asReplay) {
  play_->session.rewindTo(step);
  play_->recorded = false;
  play_->lastOutcome.reset();
  if (asReplay) {
    // A new play from here: the path so far is its own first tries.
    play_->kind = core::PlayKind::Replay;
    play_->tries.clear();
    for (const core::ChoiceOutcome& h : play_->session.history()) play_->tries.chose(h);
  } else {
    play_->tries.retried(step);
    saveProgressOfPlay(false);
  }
}

std::string GameModel::playDay() const {
  return play_ && !play_->day.empty() ? play_->day : core::formatDate(today_);
}

core::PlayRecord GameModel::playRecord() const {
  return core::recordOf(play_->session, play_->tries, playDay(), play_->kind);
}

std::optional<core::PlayRecord> GameModel::sharedResult() const {
  if (!play_ || !play_->recorded || !play_->recordable || !play_->session.finished())
    return std::nullopt;
  if (play_->kind != core::PlayKind::Daily && play_->kind != core::PlayKind::Late)
    return std::nullopt;
  const std::string day = reopenedDay_.empty() ? playDay() : reopenedDay_;
  // What the store holds is what `trustdaily share` reads: the same text.
  std::optional<core::PlayRecord> result = store_->dayResult(day);
  if (!result || result->scenarioId != play_->session.scenario().id) return std::nullopt;
  return store_->play(result->id);
}

std::string GameModel::shareText() const {
  std::optional<core::PlayRecord> result = sharedResult();
  if (!result) return {};
  const core::Session& s = play_->session;
  return core::shareText(core::shareInputFor(*result, s.scenario(), s.analysis(), framework_));
}

std::string GameModel::cardsDir() const {
  return store_->dir().empty() ? std::string() : store_->dir() + "/cards";
}

void GameModel::recordFinishedPlay() {
  if (!play_) return;
  ActivePlay& p = *play_;
  if (!p.session.finished() || p.recorded || !p.recordable) return;
  p.recorded = true;
  // The store settles the kind against what other instances recorded.
  const core::PlayRecord record = playRecord();
  core::RecordOutcome r = store_->record(record, core::misstepStarts(p.session, record.decisions));
  saveProblem_ = r.problem;
  if (saveProblem_.empty()) p.kind = r.kind;
  refreshProgress();
  if (!saveProblem_.empty()) progressNotice_ = saveProblem_;
}

std::string GameModel::updateSettings(const core::Settings& s) {
  settings_ = s;
  std::string note;
  std::string why = settingsStore_->save(s, &note);
  return why.empty() ? note : why;
}

sf::Color GameModel::principleColour(const std::string& id) const {
  if (const core::FrameworkEntry* e = framework_.principle(id)) {
    if (auto c = parseHexColour(e->colour)) return *c;
  }
  return sf::Color(0x80, 0x80, 0x80);
}

std::string GameModel::principleName(const std::string& id) const {
  const core::FrameworkEntry* e = framework_.principle(id);
  return e ? e->name : id;
}

std::string GameModel::partnerName(const std::string& id) const {
  const core::FrameworkEntry* e = framework_.partner(id);
  return e ? e->name : id;
}

std::string GameModel::scenarioTitle(const std::string& id) const {
  const core::ScenarioLoad* l = findLoad(id);
  return l && l->scenario ? l->scenario->title : id;
}

}  // namespace trustdaily::game
