#include "game/screens/play_screen.hpp"

#include "game/layout/screen_layouts.hpp"
#include "game/ui/view_text.hpp"

namespace trustdaily::game {

std::vector<MeterView> trustMeterViews(const GameModel& model, const core::Session& session) {
  std::vector<MeterView> out;
  for (const std::string& p : session.scenario().partners) {
    auto it = session.state().trust.find(p);
    int value = it != session.state().trust.end() ? it->second : core::kTrustStart;
    out.push_back({model.partnerName(p), value, value - core::kTrustStart});
  }
  return out;
}

Page PlayScreen::build(sf::Vector2f size) {
  if (ctx_.model.playtestBroken()) {
    // Live playtest: the diagnostics take the scene's place until the fix.
    ProblemsView pv;
    pv.file = ctx_.model.playtestFile();
    pv.playWaiting = ctx_.model.play() != nullptr;
    for (const core::Diagnostic& d : ctx_.model.playtestDiagnostics()) {
      pv.lines.push_back(core::formatText(d));
      if (d.severity == core::Severity::Error) ++pv.errors;
    }
    shownStep_ = static_cast<std::size_t>(-1);
    return layoutProblems(ctx_.type, size, pv);
  }
  PlayView v;
  const ActivePlay* p = ctx_.model.play();
  if (p == nullptr) return layoutPlay(ctx_.type, size, v);
  const core::Session& s = p->session;
  // A new node starts at the top with nothing focused.
  if (s.history().size() != shownStep_) {
    shownStep_ = s.history().size();
    view_.resetScroll();
    view_.clearFocus();
  }
  v.scenarioTitle = s.scenario().title;
  v.modeLabel = p->kind == core::PlayKind::Daily    ? "Today\u2019s scenario"
                : p->kind == core::PlayKind::Replay ? "Replay (not counted)"
                                                    : "Practice (not counted)";
  if (p->kind == core::PlayKind::Late) {
    auto day = core::parseDate(p->day);
    v.modeLabel = p->archive && day ? "Archive: " + shortDate(*day) + " (late, not in the streak)"
                                    : "Today\u2019s scenario (late, not in the streak)";
  }
  if (p->review && ctx_.model.drill()) {
    const ReviewDrill& d = *ctx_.model.drill();
    v.modeLabel = "Review " + std::to_string(d.at + 1) + " of " + std::to_string(d.items.size()) +
                  " (not counted)";
  }
  if (ctx_.model.playtest()) {
    // Warnings stay beside the play: the header counts them, F2 lists them.
    std::size_t warnings = 0;
    for (const core::Diagnostic& d : ctx_.model.playtestDiagnostics())
      warnings += d.severity == core::Severity::Warning;
    v.modeLabel = "Playtest";
    if (warnings > 0)
      v.modeLabel += " \u00B7 " + std::to_string(warnings) +
                     (warnings == 1 ? " warning (F2 lists it)" : " warnings (F2 lists them)");
  }
  const core::Node& node = s.currentNode();
  if (node.isEnding) {
    v.speakerName = "The ending: " + endingLabel(node.ending);
  } else {
    auto [name, role] = speakerOf(s.scenario(), node.speaker);
    v.speakerName = name;
    v.speakerRole = role;
    for (const core::OfferedChoice& c : s.choices()) v.choices.push_back(c.choice->text);
    for (std::size_t i = 0; i < node.documents.size(); ++i) {
      const core::Document& d = node.documents[i];
      v.documents.push_back(
          {documentKey(i), documentKindLabel(d.kind), d.title, s.documentOpened(i)});
    }
  }
  v.text = node.text;
  if (!p->review) v.sceneLabel = sceneLabel(s);
  v.meters = trustMeterViews(ctx_.model, s);
  return layoutPlay(ctx_.type, size, v);
}

std::string PlayScreen::sceneLabel(const core::Session& session) {
  if (estimateOf_ != session.scenarioPtr()) {
    estimateOf_ = session.scenarioPtr();
    estimate_.emplace(session.scenario(), session.analysis());
  }
  return core::sceneText(estimate_->at(session.state().node, session.history().size()));
}

int PlayScreen::defaultAction() const {
  const ActivePlay* p = ctx_.model.play();
  if (p == nullptr || ctx_.model.playtestBroken()) return -1;
  if (p->session.finished()) return action::kContinue;
  // A beat (one choice) continues on Enter; a decision needs a choice.
  return p->session.choices().size() == 1 ? action::kListBase : -1;
}

bool PlayScreen::onKey(const sf::Event::KeyEvent& key) {
  if (ctx_.model.playtestBroken()) return false;
  if (key.code >= sf::Keyboard::A && key.code <= sf::Keyboard::D) {
    openDocument(static_cast<std::size_t>(key.code - sf::Keyboard::A));
    return true;
  }
  int n = numberKey(key.code);
  if (n < 0) return false;
  choose(static_cast<std::size_t>(n));
  return true;
}

void PlayScreen::openDocument(std::size_t index) {
  if (!ctx_.model.openDocument(index)) return;
  refresh();  // the card is marked read, and a choice may have appeared
  ctx_.stack.push(ScreenId::Document);
}

void PlayScreen::onAction(int a) {
  if (ctx_.model.playtestBroken()) return;
  if (a == action::kContinue) {
    ctx_.stack.pop();
    ctx_.stack.push(ScreenId::Debrief);
  } else if (a >= action::kListBase) {
    choose(static_cast<std::size_t>(a - action::kListBase));
  } else if (a >= action::kDocumentBase && a < action::kDocumentBase + 4) {
    openDocument(static_cast<std::size_t>(a - action::kDocumentBase));
  }
}

void PlayScreen::choose(std::size_t offered) {
  ActivePlay* p = ctx_.model.play();
  if (p == nullptr || p->session.finished() || offered >= p->session.choices().size()) return;
  const core::ChoiceOutcome& out = ctx_.model.choose(offered);
  if (out.scored || p->review) {  // a review's one decision always ends on its feedback
    refresh();
    ctx_.stack.push(ScreenId::Feedback);
  } else if (p->session.finished()) {
    ctx_.stack.pop();
    ctx_.stack.push(ScreenId::Debrief);
  } else {
    refresh();
  }
}

void PlayScreen::onBack() {
  if (ctx_.model.play() != nullptr && ctx_.model.play()->review) {
    ctx_.model.endReviewDrill();  // the answers given are saved; the rest wait
    ctx_.stack.pop();
    return;
  }
  // Mid-way through a recorded kind of play: say what happens to it first.
  const ActivePlay* p = ctx_.model.play();
  if (p != nullptr && p->recordable && !p->recorded && !p->session.finished() &&
      !p->session.history().empty()) {
    ctx_.stack.push(ScreenId::Leave);
    return;
  }
  ctx_.model.endPlay();
  ctx_.stack.pop();
}

}  // namespace trustdaily::game
