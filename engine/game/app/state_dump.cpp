#include "game/app/state_dump.hpp"

#include <fstream>
#include <nlohmann/json.hpp>

#include "core/scene_estimate.hpp"
#include "game/app/game_model.hpp"
#include "game/ui/view_text.hpp"

namespace trustdaily::game {

std::string writeStateDump(const std::string& path, const GameModel& model,
                           const std::string& screen,
                           const std::vector<PageView::ButtonRect>& buttons,
                           const WindowFacts& window) {
  nlohmann::json j;
  j["screen"] = screen;
  j["window"] = {{"size", {window.width, window.height}},
                 {"min_size", {window.minWidth, window.minHeight}},
                 {"position", {window.x, window.y}},
                 {"screen", {window.screenWidth, window.screenHeight}}};
  j["day"] = core::formatDate(model.today());
  j["today"] = model.todayId();
  j["streak"] = model.streak();
  j["best_streak"] = model.streakReport().best;
  j["freezes"] = model.streakReport().freezesHeld;
  j["streak_notice"] = model.streakReport().notice;
  if (const auto& u = model.unfinished())
    j["unfinished"] = {
        {"scenario", u->scenarioId}, {"steps", u->steps.size()}, {"retry_open", u->retryOpen}};
  else
    j["unfinished"] = nullptr;
  j["notice"] = model.progressNotice();
  // Spaced review: open items, those due today, and the drill if one runs.
  nlohmann::json review = {{"open", model.openReviews().size()}, {"due", model.reviewsDue()}};
  if (const auto& d = model.drill())
    review["drill"] = {{"at", d->at}, {"of", d->items.size()}, {"result", d->result}};
  else
    review["drill"] = nullptr;
  j["review"] = review;
  // What the library loaded: playable scenarios, and each file it refused.
  nlohmann::json problems = nlohmann::json::array();
  for (const core::ScenarioLoad& f : model.library().files)
    if (!f.ok() && !f.notAScenario) problems.push_back(problemLine(f));
  j["library"] = {{"playable", model.library().scenarios().size()}, {"problems", problems}};
  nlohmann::json bs = nlohmann::json::array();
  for (const PageView::ButtonRect& b : buttons) {
    bs.push_back({{"action", b.action},
                  {"label", b.label},
                  {"x", b.rect.left},
                  {"y", b.rect.top},
                  {"w", b.rect.width},
                  {"h", b.rect.height}});
  }
  j["buttons"] = bs;
  // "Copy result" and "Save card": what was last copied and saved.
  j["share"] = {{"copied", model.lastCopied()}, {"card", model.lastCard()}};
  const ActivePlay* p = model.play();
  if (p == nullptr) {
    j["play"] = nullptr;
  } else {
    const core::Session& s = p->session;
    nlohmann::json play;
    play["scenario"] = s.scenario().id;
    play["kind"] = std::string(core::playKindName(p->kind));
    play["day"] = p->day.empty() ? core::formatDate(model.today()) : p->day;
    play["archive"] = p->archive;
    play["node"] = s.currentNode().id;
    play["finished"] = s.finished();
    // The play screen's "Scene 3 of about 8", from the same core estimate.
    play["where"] = core::sceneText(
        core::SceneEstimate(s.scenario(), s.analysis()).at(s.state().node, s.history().size()));
    play["flags"] = s.state().flags;
    nlohmann::json read = nlohmann::json::array();  // documents read: [node id, index]
    for (const auto& [node, doc] : s.state().documentsOpened)
      read.push_back({s.scenario().node(node).id, doc});
    play["documents_read"] = read;
    play["trust"] = s.state().trust;
    play["totals"] = s.state().totals;
    play["total"] = s.total();
    play["percent"] = s.percent();
    nlohmann::json path = nlohmann::json::array();
    for (const core::ChoiceOutcome& h : s.history()) {
      path.push_back({{"node", h.nodeId}, {"choice", h.choiceIndex}});
    }
    play["path"] = path;
    j["play"] = play;
  }
  if (model.playtest()) {
    nlohmann::json pt;
    pt["file"] = model.playtestFile();
    pt["status"] = model.playtestBroken() ? "broken" : "ok";
    pt["reloads"] = model.playtestReloads();
    pt["last"] = model.lastReload() ? std::string(core::reloadOutcomeName(*model.lastReload()))
                                    : std::string();
    pt["overlay"] = model.stateOverlay();
    nlohmann::json lines = nlohmann::json::array();
    for (const core::Diagnostic& d : model.playtestDiagnostics()) {
      lines.push_back(core::formatText(d));
    }
    pt["diagnostics"] = lines;
    // What the state panel (F2) lists: the hidden choices and the warnings.
    nlohmann::json hidden = nlohmann::json::array();
    if (const ActivePlay* p = model.play(); p != nullptr && !model.playtestBroken())
      for (const core::HiddenChoice& h : core::hiddenChoices(p->session))
        hidden.push_back({{"choice", h.index}, {"reason", h.reason}});
    pt["hidden"] = hidden;
    std::size_t warnings = 0;
    for (const core::Diagnostic& d : model.playtestDiagnostics())
      warnings += d.severity == core::Severity::Warning;
    pt["warnings"] = warnings;
    j["playtest"] = pt;
  }
  std::ofstream out(path);
  if (!out) return "cannot write " + path;
  out << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  return out ? "" : "cannot write " + path;
}

}  // namespace trustdaily::game
