#include "game/screens/library_screen.hpp"

#include <algorithm>
#include <set>

#include "game/app/today_play.hpp"
#include "game/layout/screen_layouts.hpp"
#include "game/ui/view_text.hpp"

namespace trustdaily::game {

LibraryScreen::LibraryScreen(Context& ctx) : PageScreen(ctx, ScreenId::Library) {
  std::set<std::string> partners;
  std::set<std::string> situations;
  for (const auto& s : ctx.model.library().scenarios()) {
    partners.insert(s->partners.begin(), s->partners.end());
    situations.insert(s->situation);
  }
  for (const core::FrameworkEntry& p : ctx.model.framework().partners) {
    if (partners.count(p.id) != 0) partners_.push_back(p.id);
  }
  situations_.assign(situations.begin(), situations.end());
}

Page LibraryScreen::build(sf::Vector2f size) {
  const GameModel& m = ctx_.model;
  LibraryView v;
  v.partnerFilter = partner_ == 0 ? "all" : m.partnerName(partners_[partner_ - 1]);
  v.situationFilter = situation_ == 0 ? "all" : situationLabel(situations_[situation_ - 1]);
  shown_.clear();
  auto all = m.library().scenarios();
  v.total = all.size();
  for (const auto& s : all) {
    if (partner_ != 0 && std::find(s->partners.begin(), s->partners.end(),
                                   partners_[partner_ - 1]) == s->partners.end()) {
      continue;
    }
    if (situation_ != 0 && s->situation != situations_[situation_ - 1]) continue;
    shown_.push_back(s);
    auto best = m.bestPercent(s->id);
    // No-break spaces keep "difficulty 2" and "7 min" whole and each
    // separator dot on the line of what it follows.
    std::string details = partnerList(m, s->partners);
    details += kSeparator + situationLabel(s->situation);
    details += kSeparator + "difficulty\u00A0" + std::to_string(s->difficulty);
    details += kSeparator + std::to_string(s->minutes) + "\u00A0min";
    std::string best_ =
        best ? "best " + std::to_string(*best) + "\u00A0%" : "not\u00A0played\u00A0yet";
    // Today's scenario: before the day is recorded, opening it is the daily play.
    if (s->id == m.todayId())
      best_ = (m.todayDone() ? "today\u2019s\u00A0scenario (done)" : "today\u2019s\u00A0scenario") +
              kSeparator + best_;
    v.entries.push_back({s->title, details, best_});
  }
  for (const core::ScenarioLoad& f : m.library().files) {
    if (f.ok() || f.notAScenario) continue;
    v.problems.push_back(problemLine(f));
  }
  return layoutLibrary(ctx_.type, size, v);
}

bool LibraryScreen::onKey(const sf::Event::KeyEvent& key) {
  if (key.code == sf::Keyboard::P) {
    onAction(action::kPartnerFilter);
    return true;
  }
  if (key.code == sf::Keyboard::F) {
    onAction(action::kSituationFilter);
    return true;
  }
  return false;
}

void LibraryScreen::onAction(int a) {
  if (a == action::kPartnerFilter) {
    partner_ = (partner_ + 1) % (partners_.size() + 1);
    view_.resetScroll();
    refresh();
  } else if (a == action::kSituationFilter) {
    situation_ = (situation_ + 1) % (situations_.size() + 1);
    view_.resetScroll();
    refresh();
  } else if (a >= action::kListBase) {
    std::size_t i = static_cast<std::size_t>(a - action::kListBase);
    if (i >= shown_.size()) return;
    if (shown_[i]->id == ctx_.model.todayId() && !ctx_.model.todayDone()) {
      openTodayPlay(ctx_, false);  // the day's own play, or its resume
      return;
    }
    const core::ScenarioLoad* load = ctx_.model.findLoad(shown_[i]->id);
    if (load == nullptr) return;
    ctx_.model.startScenario(*load, core::PlayKind::Practice);
    ctx_.stack.push(ScreenId::Play);
  }
}

}  // namespace trustdaily::game
