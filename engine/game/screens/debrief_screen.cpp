#include "game/screens/debrief_screen.hpp"

#include <SFML/Window/Clipboard.hpp>

#include "game/layout/card_layout.hpp"
#include "game/layout/screen_layouts.hpp"
#include "game/screens/play_screen.hpp"
#include "game/ui/page_image.hpp"
#include "game/ui/view_text.hpp"

namespace trustdaily::game {

Page DebriefScreen::build(sf::Vector2f size) {
  DebriefView v;
  v.backTo = ctx_.stack.contains(ScreenId::History)   ? "history"
             : ctx_.stack.contains(ScreenId::Library) ? "library"
                                                      : "home";
  ActivePlay* p = ctx_.model.play();
  if (p == nullptr || !p->session.finished()) return layoutDebrief(ctx_.type, size, v);
  ctx_.model.recordFinishedPlay();
  const core::Debrief d = p->session.debrief();
  const core::PlayRecord rec = ctx_.model.playRecord();
  v.endingLabel = endingLabel(d.ending);
  v.endingText = d.endingText;
  v.lesson = d.lesson;
  // The result is the first tries'; the retries' path is beside it.
  v.percent = rec.firstTry.percent;
  v.total = rec.firstTry.total;
  v.bestTotal = rec.bestTotal;
  v.result = core::resultLine(rec);
  v.reachedTotal = rec.reached.total;
  v.retried = rec.retries > 0;
  const core::Scenario& scenario = p->session.scenario();
  for (const core::DecisionRecord& dr : rec.decisions) {
    const core::Node* n = scenario.findNode(dr.nodeId);
    if (n == nullptr || !n->isDecision()) continue;  // a beat, not a decision
    DecisionView dv;
    dv.first = n->choices[dr.firstChoice].text;
    dv.firstScore = dr.firstScore.value_or(0);
    dv.bestScore = dr.bestScore.value_or(0);
    dv.pointsLost = dr.pointsLost().value_or(0);
    if (dr.bestChoice) dv.best = n->choices[*dr.bestChoice].text;
    dv.misstep = dr.misstep;
    dv.retries = dr.retries;
    v.decisions.push_back(std::move(dv));
  }
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
  // Every misstep of the first tries, retried or not: each can be played
  // again from just before it.
  misstepSteps_.clear();
  for (std::size_t step = 0; step < rec.decisions.size(); ++step) {
    const core::DecisionRecord& dr = rec.decisions[step];
    if (!dr.misstep) continue;
    v.missteps.push_back(scenario.findNode(dr.nodeId)->choices[dr.firstChoice].text);
    misstepSteps_.push_back(step);
  }
  if (!ctx_.model.reopenedDay().empty()) {
    v.kindNote = "Recorded for " + ctx_.model.reopenedDay() + " (" +
                 std::string(core::playKindName(p->kind)) + ").";
  } else if (!p->recordable) {
    v.kindNote = "Started mid-scenario: not recorded.";
  } else if (p->kind == core::PlayKind::Daily) {
    v.kindNote = "This is today\u2019s result.";
  } else if (p->kind == core::PlayKind::Late && p->archive) {
    v.kindNote =
        "Recorded as a late play of " + p->day + " from the archive; the streak is unchanged.";
  } else if (p->kind == core::PlayKind::Late) {
    v.kindNote = "Recorded as late: a later day was recorded already; the streak is unchanged.";
  } else if (p->kind == core::PlayKind::Replay) {
    v.kindNote = "A replay: the day\u2019s result and the streak are unchanged.";
  } else {
    v.kindNote = "Practice: the day\u2019s result and the streak are unchanged.";
  }
  v.notice = ctx_.model.saveProblem();
  v.canShare = ctx_.model.sharedResult().has_value();
  v.shareNote = shareNote_;
  v.shareFailed = shareFailed_;
  return layoutDebrief(ctx_.type, size, v);
}

namespace {

// The card of a stored result: its first tries, as the share text counts them.
CardView cardViewOf(const GameModel& model, const core::PlayRecord& rec, const core::Session& s) {
  CardView v;
  v.date = rec.day;
  v.title = s.scenario().title;
  v.result = endingLabel(s.debrief().ending) + "  \u00B7  " + core::resultLine(rec);
  if (rec.kind == core::PlayKind::Late) v.kindNote = "played late";
  const std::map<std::string, int> best = core::bestPathTotals(s.scenario(), s.analysis());
  for (const core::FrameworkEntry& p : model.framework().principles) {
    auto yours = rec.principleTotals.find(p.id);
    auto avail = best.find(p.id);
    CardBarView b{p.name, model.principleColour(p.id),
                  yours != rec.principleTotals.end() ? yours->second : 0,
                  avail != best.end() ? avail->second : 0};
    if (b.yours != 0 || b.best != 0) v.bars.push_back(std::move(b));
  }
  for (const core::DecisionRecord& d : rec.decisions) {
    const core::Node* n = s.scenario().findNode(d.nodeId);
    if (!d.misstep || n == nullptr || d.firstChoice >= n->choices.size()) continue;
    const core::Choice& c = n->choices[d.firstChoice];
    v.missteps.push_back({c.text, c.feedback, d.pointsLost().value_or(0), d.retries > 0});
  }
  v.lesson = s.debrief().lesson;
  return v;
}

}  // namespace

void DebriefScreen::copyResult() {
  const std::string text = ctx_.model.shareText();
  if (text.empty()) return;  // not the day's recorded result: nothing to share
  sf::Clipboard::setString(sf::String::fromUtf8(text.begin(), text.end()));
  ctx_.model.noteCopied(text);
  shareNote_ = "Copied: your result, without spoilers, is ready to paste.";
  shareFailed_ = false;
  refresh();
}

void DebriefScreen::saveCard() {
  const ActivePlay* p = ctx_.model.play();
  std::optional<core::PlayRecord> rec = ctx_.model.sharedResult();
  if (p == nullptr || !rec) return;
  const std::string dir = ctx_.model.cardsDir();
  std::string why = "no data folder to save it in";
  std::string path;
  if (!dir.empty()) {
    path = dir + "/trustdaily-" + rec->day + "-" + rec->scenarioId + ".png";
    const Typography type = cardTypography(ctx_.regular, ctx_.bold);
    why = savePageImage(layoutCard(type, cardViewOf(ctx_.model, *rec, p->session)), type,
                        ctx_.palette, path);
  }
  shareFailed_ = !why.empty();
  if (shareFailed_) {
    shareNote_ = "Card not saved: " + why + ".";
  } else {
    ctx_.model.noteCardSaved(path);
    shareNote_ = "Card saved: " + path;
  }
  refresh();
}

int DebriefScreen::defaultAction() const { return action::kHome; }

bool DebriefScreen::onKey(const sf::Event::KeyEvent& key) {
  if (key.code == sf::Keyboard::T) {
    onAction(action::kStrongPath);
    return true;
  }
  if (key.code == sf::Keyboard::C) {
    copyResult();
    return true;
  }
  if (key.code == sf::Keyboard::S) {
    saveCard();
    return true;
  }
  return false;
}

void DebriefScreen::onAction(int a) {
  if (a == action::kHome) {
    onBack();
  } else if (a == action::kStrongPath) {
    ctx_.stack.push(ScreenId::StrongPath);
  } else if (a == action::kCopyResult) {
    copyResult();
  } else if (a == action::kSaveCard) {
    saveCard();
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
