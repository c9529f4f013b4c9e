#include "game/screens/home_screen.hpp"

#include <algorithm>
#include <cstdlib>
#include <ctime>

#include "core/game_day.hpp"
#include "core/review_queue.hpp"
#include "game/app/today_play.hpp"
#include "game/layout/screen_layouts.hpp"
#include "game/ui/view_text.hpp"

namespace trustdaily::game {
namespace {
constexpr std::size_t kDaysShown = 6;

}  // namespace

Page HomeScreen::build(sf::Vector2f size) {
  const GameModel& m = ctx_.model;
  HomeView v;
  v.dateLine = longDate(m.today());
  const core::StreakReport& streak = m.streakReport();
  v.streak = streak.current;
  v.bestStreak = streak.best;
  v.freezesHeld = streak.freezesHeld;
  v.streakNotice = streak.notice;
  v.notice = m.progressNotice();
  if (!replayProblem_.empty()) v.notice += (v.notice.empty() ? "" : "  ") + replayProblem_;
  if (const core::ScenarioLoad* load = m.todayLoad()) {
    const core::Scenario& s = *load->scenario;
    v.hasToday = true;
    v.today = {
        s.title,   s.summary, partnerList(m, s.partners), situationLabel(s.situation), s.difficulty,
        s.minutes, ""};
    if (m.todayDone()) {
      v.nextScenario = core::nextScenarioText(core::secondsToNextDay(
          static_cast<std::int64_t>(std::time(nullptr)), m.settings().rolloverHour));
      const core::PlayRecord& r = *m.todayResult();
      v.today.status =
          std::string(r.kind == core::PlayKind::Late ? "Done (late): " : "Done today: ") +
          core::resultLine(r) + ", " + endingLabel(r.firstTry.ending) +
          ". Another play is practice.";
      v.playLabel = "Play again (Enter)";
      v.hasTodayDebrief = true;
    } else if (const auto& u = m.unfinished()) {
      const std::size_t n = u->steps.size();
      v.today.status = "In progress: " + std::to_string(n) + (n == 1 ? " choice" : " choices") +
                       " made. It is saved after every choice; Resume goes on from there.";
      v.playLabel = "Resume today\u2019s play (Enter)";
      v.canStartOver = true;
    } else if (m.plan().late) {
      v.today.status =
          "A later day is recorded already (was the clock moved back?): this play will count "
          "as late, not toward the streak.";
      v.playLabel = "Play today\u2019s scenario (Enter)";
    } else {
      v.today.status =
          "Not played yet today. Your first complete play is the day\u2019s result: your first "
          "choices count, retries do not raise it.";
      v.playLabel = "Play today\u2019s scenario (Enter)";
    }
  } else {
    v.noTodayReason =
        m.todayId().empty()
            ? "No playable scenario was found. Check the scenarios folder with "
              "\u201Ctrustdaily validate\u201D."
            : "Today\u2019s scenario \u201C" + m.todayId() + "\u201D is no longer in the library.";
  }
  // Earlier days, newest first; each opens its debrief.
  std::string todayKey = core::formatDate(m.today());
  const auto& days = m.dayResults();
  earlierDays_.clear();
  for (auto it = days.rbegin(); it != days.rend(); ++it) {
    if (it->day >= todayKey) continue;
    if (v.earlierDays.size() >= kDaysShown) break;
    earlierDays_.push_back(it->id);
    auto date = core::parseDate(it->day);
    std::string line = (date ? shortDate(*date) : it->day) + "  \u00B7  " +
                       m.scenarioTitle(it->scenarioId) + "  \u00B7  " + core::resultLine(*it);
    if (it->kind == core::PlayKind::Late) line += "  \u00B7  late";
    v.earlierDays.push_back(line);
  }
  // The principles as the History screen charts them: the signed share of the
  // available points over the last 30 days, daily plays only, from a zero line.
  const core::HistoryStats& stats = m.historyStats();
  if (stats.dailyPlays > 0) {
    for (const core::PrincipleShare& p : stats.principles) {
      v.profile.push_back({p.name, m.principleColour(p.id), core::shareLabel(p.share30),
                           static_cast<float>(p.share30.value_or(0.0))});
    }
  }
  // Due reviews are offered once the day's scenario is done (or when there
  // is none to play); before, home says they wait.
  const std::size_t due = m.reviewsDue();
  if (due > 0) {
    v.canReview = m.todayDone() || m.todayLoad() == nullptr;
    v.reviewLine = core::reviewOfferText(due);
    if (!v.canReview) v.reviewLine += ", after today\u2019s scenario";
  } else if (!m.openReviews().empty()) {
    v.reviewLine = core::nextReviewText(m.openReviews(), core::formatDate(m.today()));
  }
  v.libraryCount = m.library().scenarios().size();
  return layoutHome(ctx_.type, size, v);
}

bool HomeScreen::canReview() const {
  const GameModel& m = ctx_.model;
  return m.reviewsDue() > 0 && (m.todayDone() || m.todayLoad() == nullptr);
}

int HomeScreen::defaultAction() const {
  return ctx_.model.todayLoad() != nullptr ? action::kPlayToday : -1;
}

bool HomeScreen::onKey(const sf::Event::KeyEvent& key) {
  switch (key.code) {
    case sf::Keyboard::L:
      onAction(action::kLibrary);
      return true;
    case sf::Keyboard::S:
      onAction(action::kSettings);
      return true;
    case sf::Keyboard::H:
      onAction(action::kHistory);
      return true;
    case sf::Keyboard::R:
      if (!canReview()) return false;
      onAction(action::kReview);
      return true;
    case sf::Keyboard::D:
      if (!ctx_.model.todayDone()) return false;
      onAction(action::kTodayDebrief);
      return true;
    default:
      return false;
  }
}

void HomeScreen::onAction(int a) {
  replayProblem_.clear();
  if (a == action::kPlayToday || a == action::kStartOver) {
    if (ctx_.model.todayLoad() == nullptr) return;
    openTodayPlay(ctx_, a == action::kStartOver);
  } else if (a == action::kTodayDebrief || a >= action::kDayBase) {
    std::int64_t id = 0;
    if (a == action::kTodayDebrief && ctx_.model.todayResult()) id = ctx_.model.todayResult()->id;
    std::size_t i = static_cast<std::size_t>(a - action::kDayBase);
    if (a >= action::kDayBase && i < earlierDays_.size()) id = earlierDays_[i];
    if (id == 0) return;
    if (ctx_.model.reopenPlay(id)) {
      ctx_.stack.push(ScreenId::Debrief);
    } else {
      replayProblem_ =
          "That day\u2019s scenario has changed or left the library since; its "
          "debrief cannot be shown.";
      refresh();
    }
  } else if (a == action::kLibrary) {
    ctx_.stack.push(ScreenId::Library);
  } else if (a == action::kSettings) {
    ctx_.stack.push(ScreenId::Settings);
  } else if (a == action::kHistory) {
    ctx_.stack.push(ScreenId::History);
  } else if (a == action::kHelp) {
    ctx_.stack.push(ScreenId::Help);
  } else if (a == action::kReview) {
    if (!canReview()) return;
    if (ctx_.model.startReviewDrill()) {
      ctx_.stack.push(ScreenId::Play);
    } else {
      replayProblem_ = "The missteps due cannot be reviewed now: their scenarios changed.";
      refresh();
    }
  }
}

}  // namespace trustdaily::game
