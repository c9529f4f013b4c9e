#include "game/game_model.hpp"

#include <filesystem>

#include "game/theme.hpp"

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

  if (!options.date.empty()) {
    auto d = core::parseDate(options.date);
    if (!d) return "--date must be a real date as YYYY-MM-DD, not '" + options.date + "'";
    today_ = *d;
  } else {
    today_ = core::localToday(core::kDayRolloverHour);
  }

  store_.emplace(options.dataDir.empty() ? core::ProgressStore::defaultDir() : options.dataDir);
  core::ProgressLoad loaded = store_->load();
  progress_ = loaded.progress;
  progressNotice_ = loaded.problem;

  std::string settingsProblem;
  settings_ = settingsStore_.load(&settingsProblem);
  if (options.theme == "dark") settings_.theme = core::Theme::Dark;
  if (options.theme == "light") settings_.theme = core::Theme::Light;
  if (options.textSize >= 0) settings_.textSize = options.textSize;

  // Today's scenario: fixed in the progress file the first time it is shown.
  std::string key = core::formatDate(today_);
  auto day = progress_.days.find(key);
  if (day != progress_.days.end() && !day->second.scenarioId.empty()) {
    todayId_ = day->second.scenarioId;
  } else {
    std::vector<core::DailyEntry> entries;
    for (const auto& s : library_.scenarios()) entries.push_back({s->id, s->situation});
    core::Schedule schedule;
    if (fs::exists(dir + "/schedule.json"))
      schedule = core::loadSchedule(dir + "/schedule.json").schedule;
    std::string pick =
        entries.empty() ? std::string() : core::dailyScenario(today_, entries, schedule);
    if (!pick.empty()) {
      todayId_ = progress_.assignDay(today_, pick);
      std::string why = store_->save(progress_);
      if (!why.empty() && progressNotice_.empty()) progressNotice_ = why;
    }
  }
  return {};
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
  if (todayId_.empty()) return nullptr;
  return library_.findLoad(todayId_);
}

bool GameModel::todayDone() const {
  auto it = progress_.days.find(core::formatDate(today_));
  return it != progress_.days.end() && it->second.result.has_value();
}

const core::ScenarioLoad* GameModel::findLoad(const std::string& id) const {
  if (requestedFile_ && requestedFile_->scenario && requestedFile_->scenario->id == id) {
    return &*requestedFile_;
  }
  return library_.findLoad(id);
}

void GameModel::startScenario(const core::ScenarioLoad& load, core::PlayKind kind) {
  play_.emplace(ActivePlay{core::Session(load.scenario, load.analysis), kind, true, false, {}});
  saveProblem_.clear();
}

void GameModel::startToday() {
  const core::ScenarioLoad* load = todayLoad();
  if (load == nullptr) return;
  // Once the day has its result, more plays of it are practice.
  startScenario(*load, todayDone() ? core::PlayKind::Library : core::PlayKind::Daily);
}

bool GameModel::startReplay(const core::PlayRecord& record, std::size_t step) {
  const core::ScenarioLoad* load = findLoad(record.scenarioId);
  if (load == nullptr || step > record.path.size()) return false;
  startScenario(*load, core::PlayKind::Replay);
  try {
    for (std::size_t i = 0; i < step; ++i) {
      const core::PathStep& s = record.path[i];
      if (play_->session.finished() || play_->session.currentNode().id != s.nodeId) {
        play_.reset();
        return false;
      }
      for (std::size_t d : s.documents) play_->session.openDocument(d);
      play_->session.chooseByIndex(s.choiceIndex);
    }
  } catch (const std::exception&) {
    play_.reset();
    return false;
  }
  if (play_->session.finished()) {
    play_.reset();
    return false;
  }
  return true;
}

bool GameModel::startRequested() {
  std::string id = options_.scenarioId;
  if (requestedFile_) id = requestedFile_->scenario->id;
  if (id.empty()) return false;
  const core::ScenarioLoad* load = requestedFile_ ? &*requestedFile_ : library_.findLoad(id);
  if (load == nullptr) return false;
  startScenario(*load, core::PlayKind::Library);
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
  play_.emplace(ActivePlay{std::move(*r.session), core::PlayKind::Library, false, false, {}});
  saveProblem_.clear();
  return r.outcome;
}

const core::ChoiceOutcome& GameModel::choose(std::size_t offered) {
  play_->lastOutcome = play_->session.choose(offered);
  return *play_->lastOutcome;
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
  if (asReplay) play_->kind = core::PlayKind::Replay;
}

void GameModel::recordFinishedPlay() {
  if (!play_) return;
  ActivePlay& p = *play_;
  if (!p.session.finished() || p.recorded || !p.recordable) return;
  p.recorded = true;
  const core::Session& s = p.session;
  core::PlayRecord rec;
  rec.scenarioId = s.scenario().id;
  rec.day = core::formatDate(today_);
  rec.kind = p.kind;
  rec.percent = s.percent();
  rec.total = s.total();
  rec.ending = std::string(core::endingName(s.currentNode().ending));
  for (const core::ChoiceOutcome& h : s.history()) {
    rec.path.push_back(core::PathStep{h.nodeId, h.choiceIndex, h.documentsRead});
    if (h.misstep) rec.missteps.push_back(h.step);
  }
  rec.finishedAt = core::localTimestamp();
  // Reload first: another instance (the terminal mode, say) may have saved.
  core::ProgressLoad fresh = store_->load();
  if (fresh.problem.empty()) progress_ = fresh.progress;
  if (p.kind == core::PlayKind::Daily) progress_.assignDay(today_, rec.scenarioId);
  progress_.recordPlay(rec);
  saveProblem_ = store_->save(progress_);
  if (!saveProblem_.empty()) progressNotice_ = saveProblem_;
}

std::string GameModel::updateSettings(const core::Settings& s) {
  settings_ = s;
  return settingsStore_.save(s);
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

std::vector<std::pair<std::string, int>> GameModel::principleProfile() const {
  std::map<std::string, int> sum;
  bool any = false;
  for (const core::PlayRecord& rec : progress_.plays) {
    const core::ScenarioLoad* load = findLoad(rec.scenarioId);
    if (load == nullptr) continue;
    // Replaying the recorded path through a Session gives its totals.
    core::Session s(load->scenario, load->analysis);
    try {
      for (const core::PathStep& step : rec.path) {
        if (s.finished() || s.currentNode().id != step.nodeId) break;
        s.chooseByIndex(step.choiceIndex);
      }
    } catch (const std::exception&) {
      continue;
    }
    for (const auto& [p, v] : s.state().totals) sum[p] += v;
    any = true;
  }
  std::vector<std::pair<std::string, int>> out;
  if (!any) return out;
  for (const core::FrameworkEntry& p : framework_.principles) out.push_back({p.id, sum[p.id]});
  return out;
}

}  // namespace trustdaily::game
