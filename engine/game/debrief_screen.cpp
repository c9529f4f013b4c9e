#include "game/debrief_screen.hpp"

#include "game/play_screen.hpp"
#include "game/screen_layouts.hpp"
#include "game/view_text.hpp"

namespace trustdaily::game {

Page DebriefScreen::build(sf::Vector2f size) {
  DebriefView v;
  ActivePlay* p = ctx_.model.play();
  if (p == nullptr || !p->session.finished()) return layoutDebrief(ctx_.type, size, v);
  ctx_.model.recordFinishedPlay();
  const core::Debrief d = p->session.debrief();
  v.endingLabel = endingLabel(d.ending);
  v.endingText = d.endingText;
  v.lesson = d.lesson;
  v.percent = d.percent;
  v.total = d.total;
  v.bestTotal = d.bestTotal;
  for (const core::FrameworkEntry& pr : ctx_.model.framework().principles) {
    auto yours = d.totals.find(pr.id);
    auto best = d.bestTotals.find(pr.id);
    v.bars.push_back({pr.name, ctx_.model.principleColour(pr.id),
                      yours != d.totals.end() ? yours->second : 0,
                      best != d.bestTotals.end() ? best->second : 0});
  }
  for (const std::string& partner : p->session.scenario().partners) {
    auto end = d.trustEnd.find(partner);
    auto change = d.trustChange.find(partner);
    v.trust.push_back({ctx_.model.partnerName(partner),
                       end != d.trustEnd.end() ? end->second : core::kTrustStart,
                       change != d.trustChange.end() ? change->second : 0});
  }
  misstepSteps_.clear();
  for (const core::ChoiceOutcome& m : d.missteps) {
    v.missteps.push_back(m.choiceText);
    misstepSteps_.push_back(m.step);
  }
  if (!p->recordable) {
    v.kindNote = "Started mid-scenario: not recorded.";
  } else if (p->kind == core::PlayKind::Daily) {
    v.kindNote = "This is today\u2019s result.";
  } else if (p->kind == core::PlayKind::Replay) {
    v.kindNote = "A replay: the day\u2019s result and the streak are unchanged.";
  } else {
    v.kindNote = "Practice: the day\u2019s result and the streak are unchanged.";
  }
  v.notice = ctx_.model.saveProblem();
  return layoutDebrief(ctx_.type, size, v);
}

int DebriefScreen::defaultAction() const { return action::kHome; }

bool DebriefScreen::onKey(const sf::Event::KeyEvent& key) {
  if (key.code == sf::Keyboard::T) {
    onAction(action::kStrongPath);
    return true;
  }
  return false;
}

void DebriefScreen::onAction(int a) {
  if (a == action::kHome) {
    onBack();
  } else if (a == action::kStrongPath) {
    ctx_.stack.push(ScreenId::StrongPath);
  } else if (a >= action::kListBase) {
    std::size_t i = static_cast<std::size_t>(a - action::kListBase);
    if (i >= misstepSteps_.size() || ctx_.model.play() == nullptr) return;
    ctx_.model.rewindTo(misstepSteps_[i], true);
    ctx_.stack.pop();
    ctx_.stack.push(ScreenId::Play);
  }
}

void DebriefScreen::onBack() {
  ctx_.model.endPlay();
  ctx_.stack.pop();
}

}  // namespace trustdaily::game
