// trustdaily history [--format text|json] [--data-dir DIR]: the recorded
// days, the current and best streak, and the review items (missteps that
// come back until learned), due or not.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "core/day_rules.hpp"
#include "core/game_day.hpp"
#include "core/history_stats.hpp"
#include "core/progress_store.hpp"
#include "core/streak.hpp"

namespace trustdaily::cli {

namespace {

namespace fs = std::filesystem;

struct History {
  std::vector<core::PlayRecord> days;
  std::vector<core::RecentMisstep> review;
  std::vector<core::ReviewItem> reviews;  // every open item, soonest due first
  core::StreakReport streak;
  std::string today;
  core::HistoryStats stats;
  std::vector<core::CalendarDay> month;       // today's month, as the History screen draws it
  std::map<std::string, std::string> titles;  // scenario id -> title, for the suggestion
};

std::string padLeft(const std::string& s, std::size_t width) {
  return s.size() >= width ? s : std::string(width - s.size(), ' ') + s;
}

void printFigures(const History& h) {
  const core::HistoryStats& s = h.stats;
  std::cout << "\nAverage first-try result: ";
  if (s.averagePercent)
    std::cout << *s.averagePercent << " % over " << s.dailyPlays
              << (s.dailyPlays == 1 ? " day" : " days") << "\n";
  else
    std::cout << "none yet\n";
  std::size_t width = 0;
  for (const core::PrincipleShare& p : s.principles) width = std::max(width, p.name.size());
  std::cout << "\nPrinciples (first-try points against the best path, daily plays):\n";
  std::cout << "  " << std::string(width, ' ') << "  " << padLeft("7 days", 7) << "  "
            << padLeft("30 days", 7) << "\n";
  for (const core::PrincipleShare& p : s.principles)
    std::cout << "  " << p.name << std::string(width - p.name.size(), ' ') << "  "
              << padLeft(core::shareLabel(p.share7), 7) << "  "
              << padLeft(core::shareLabel(p.share30), 7) << "\n";
  for (const core::PrincipleShare& p : s.principles) {
    if (p.id != s.weakest) continue;
    std::cout << "Weakest: " << p.name;
    if (!s.suggestion.empty()) {
      auto t = h.titles.find(s.suggestion);
      std::cout << ". Try \u201C" << (t == h.titles.end() ? s.suggestion : t->second) << "\u201D ("
                << s.suggestion << ")";
    }
    std::cout << ".\n";
  }
}

nlohmann::ordered_json figuresJson(const History& h) {
  using Json = nlohmann::ordered_json;
  auto share = [](const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); };
  Json principles = Json::array();
  for (const core::PrincipleShare& p : h.stats.principles)
    principles.push_back({{"id", p.id},
                          {"name", p.name},
                          {"share_7", share(p.share7)},
                          {"earned_7", p.earned7},
                          {"available_7", p.available7},
                          {"share_30", share(p.share30)},
                          {"earned_30", p.earned30},
                          {"available_30", p.available30}});
  return principles;
}

std::string textLine(const core::PlayRecord& p) {
  std::string line =
      "  " + p.day + "  " + p.scenarioId + "  " + core::resultLine(p) + "  " + p.firstTry.ending;
  if (p.missteps > 0)
    line += "  " + std::to_string(p.missteps) + (p.missteps == 1 ? " misstep" : " missteps");
  if (p.kind == core::PlayKind::Late) line += "  (late)";
  return line;
}

std::string trimRight(std::string s) {
  s.erase(s.find_last_not_of(' ') + 1);
  return s;
}

// Today's month as a grid, weeks from Monday: "  9F" is the 9th, frozen.
void printMonth(const std::vector<core::CalendarDay>& month) {
  if (month.empty()) return;
  static const char* kMonths[] = {"January",   "February", "March",    "April",
                                  "May",       "June",     "July",     "August",
                                  "September", "October",  "November", "December"};
  const core::CivilDate first = month.front().date;
  std::cout << "\n"
            << kMonths[first.month - 1] << " " << first.year
            << " (D daily, L late, F frozen, M missed, T today):\n";
  std::cout << "  Mo  Tu  We  Th  Fr  Sa  Su\n";
  const std::size_t lead = core::weekdayFromMonday(first);
  std::string row = std::string(4 * lead, ' ');
  std::size_t slot = lead;
  for (const core::CalendarDay& d : month) {
    row += padLeft(std::to_string(d.date.day), 3) + core::dayStatusLetter(d.status);
    if (++slot % 7 == 0) {
      std::cout << trimRight(row) << "\n";
      row.clear();
    }
  }
  if (!row.empty()) std::cout << trimRight(row) << "\n";
}

void printText(const History& h) {
  const core::StreakReport& s = h.streak;
  std::cout << "Streak: " << s.current << (s.current == 1 ? " day" : " days") << " (best " << s.best
            << ")\n";
  std::cout << "Freezes held: " << s.freezesHeld << " of " << core::kMaxFreezesHeld
            << " (one earned per " << core::kDaysPerFreeze << " completed days)\n";
  if (!s.frozenDays.empty()) {
    std::cout << "Frozen days:";
    for (const std::string& d : s.frozenDays) std::cout << " " << d;
    std::cout << "\n";
  }
  if (!s.notice.empty()) std::cout << s.notice << "\n";
  printMonth(h.month);
  printFigures(h);
  std::cout << "\nDays (results from first tries):\n";
  if (h.days.empty()) std::cout << "  none recorded yet\n";
  for (const core::PlayRecord& p : h.days) std::cout << textLine(p) << "\n";
  std::cout << "\nMissteps to review (`trustdaily review` plays the due ones):\n";
  if (h.reviews.empty()) std::cout << "  none\n";
  for (const core::ReviewItem& r : h.reviews)
    std::cout << "  due " << (r.dueDay() <= h.today ? std::string("today     ") : r.dueDay())
              << "  " << r.scenarioId << "  at " << r.nodeId << "  (reviewed " << r.schedule.reviews
              << (r.schedule.reviews == 1 ? " time" : " times") << ")\n";
}

void printJson(const History& h) {
  using Json = nlohmann::ordered_json;
  Json days = Json::array();
  for (const core::PlayRecord& p : h.days) {
    days.push_back({{"date", p.day},
                    {"scenario", p.scenarioId},
                    {"percent", p.firstTry.percent},
                    {"total", p.firstTry.total},
                    {"best_total", p.bestTotal},
                    {"ending", p.firstTry.ending},
                    {"missteps", p.missteps},
                    {"retries", p.retries},
                    {"late", p.kind == core::PlayKind::Late},
                    {"reached",
                     {{"percent", p.reached.percent},
                      {"total", p.reached.total},
                      {"ending", p.reached.ending}}}});
  }
  Json review = Json::array();
  for (const core::RecentMisstep& r : h.review) {
    review.push_back({{"date", r.day},
                      {"scenario", r.scenarioId},
                      {"kind", std::string(core::playKindName(r.kind))},
                      {"step", r.step},
                      {"node", r.nodeId},
                      {"choice", r.choice}});
  }
  Json root = Json::object();
  root["days"] = std::move(days);
  root["streak"] = h.streak.current;
  root["best_streak"] = h.streak.best;
  root["freezes_held"] = h.streak.freezesHeld;
  root["frozen_days"] = h.streak.frozenDays;
  root["streak_notice"] = h.streak.notice;
  root["average_percent"] = h.stats.averagePercent ? Json(*h.stats.averagePercent) : Json(nullptr);
  root["principles"] = figuresJson(h);
  root["weakest"] = h.stats.weakest.empty() ? Json(nullptr) : Json(h.stats.weakest);
  root["suggestion"] = h.stats.suggestion.empty() ? Json(nullptr) : Json(h.stats.suggestion);
  Json calendar = Json::array();
  for (const core::CalendarDay& d : h.month) {
    Json day = {{"date", core::formatDate(d.date)},
                {"status", std::string(core::dayStatusName(d.status))}};
    if (d.playId != 0) {
      day["scenario"] = d.scenarioId;
      day["percent"] = d.percent;
    }
    calendar.push_back(std::move(day));
  }
  root["calendar"] = std::move(calendar);  // today's month
  root["review"] = std::move(review);      // the latest play's missteps per scenario
  Json reviews = Json::array();
  for (const core::ReviewItem& r : h.reviews) {
    reviews.push_back({{"scenario", r.scenarioId},
                       {"node", r.nodeId},
                       {"choice", r.misstepChoice},
                       {"due", r.dueDay()},
                       {"due_now", r.dueDay() <= h.today},
                       {"created", r.createdDay},
                       {"last_review", r.lastReviewDay()},
                       {"reps", r.schedule.reviews},
                       {"lapses", r.schedule.lapses},
                       {"stability", std::round(r.schedule.memory.stability * 1000) / 1000},
                       {"difficulty", std::round(r.schedule.memory.difficulty * 1000) / 1000}});
  }
  root["reviews"] = std::move(reviews);
  // Ids come from scenario files; never let a stray byte make dump() throw.
  std::cout << root.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
}

}  // namespace

int runHistory(const HistoryOptions& o) {
  std::string why;
  std::optional<core::CivilDate> chosen = core::gameTodayFor(o.date, o.dataDir, &why);
  if (!chosen) {
    std::cerr << "trustdaily history: " << why << "\n";
    return 2;
  }
  const core::CivilDate today = *chosen;
  core::ProgressStore store(o.dataDir);
  History h;
  h.today = core::formatDate(today);
  std::error_code ec;
  // Reading never creates a database; one to import from is opened (and imported).
  bool anything = !store.dir().empty() && (fs::exists(store.file(), ec) ||
                                           fs::exists(fs::path(store.dir()) / "progress.json", ec));
  if (anything || store.dir().empty()) {
    core::StoreMode mode = store.open();
    if (!store.notice().empty()) std::cerr << "trustdaily history: " << store.notice() << "\n";
    if (mode == core::StoreMode::Unavailable) return 1;
    h.days = store.dayResults();
    h.review = store.recentMissteps();
    h.reviews = store.openReviews();
    h.streak = core::streakReport(store.dailyDays(), today);
  }
  // The library the shares are measured against; without it they are "none".
  core::DailyLibrary lib =
      core::loadDailyLibrary(o.scenarios.empty() ? defaultScenariosDir() : o.scenarios);
  if (!lib.problem.empty()) std::cerr << "trustdaily history: " << lib.problem << "\n";
  core::HistoryInput in;
  in.today = today;
  in.dayResults = h.days;
  if (store.mode() != core::StoreMode::Closed) {
    in.principleTotals = store.principleTotalsByPlay();
    in.plays = store.plays();
  }
  in.available = core::availableByScenario(lib.library);
  in.principles = lib.framework.principles;
  h.stats = core::historyStats(in);
  h.month = core::monthCalendar(today.year, today.month, in, h.stats.streak);
  for (const auto& sc : lib.library.scenarios()) h.titles[sc->id] = sc->title;
  if (o.format == "json") {
    printJson(h);
  } else {
    printText(h);
  }
  return 0;
}

}  // namespace trustdaily::cli
