#include "day_rules.hpp"

#include <filesystem>
#include <set>

#include "progress_store.hpp"

namespace trustdaily::core {

PlayKind settleKind(PlayKind wanted, const std::string& day, const std::string& scenarioId,
                    const std::optional<std::string>& pinnedScenario, bool dayRecorded,
                    const std::optional<std::string>& latestDay) {
  if (wanted != PlayKind::Daily && wanted != PlayKind::Late) return wanted;
  if (dayRecorded) return PlayKind::Practice;
  if (pinnedScenario && *pinnedScenario != scenarioId) return PlayKind::Practice;
  if (latestDay && day < *latestDay) return PlayKind::Late;  // YYYY-MM-DD sorts as dates
  return PlayKind::Daily;
}

namespace {

std::set<std::int64_t> dayNumbers(const std::vector<std::string>& days) {
  std::set<std::int64_t> out;
  for (const std::string& d : days)
    if (auto date = parseDate(d)) out.insert(daysFromCivil(*date));
  return out;
}

}  // namespace

int currentStreak(const std::vector<std::string>& dailyDays, const CivilDate& today) {
  std::set<std::int64_t> done = dayNumbers(dailyDays);
  std::int64_t day = daysFromCivil(today);
  if (!done.count(day)) --day;  // today may still be played
  int n = 0;
  while (done.count(day)) {
    ++n;
    --day;
  }
  return n;
}

int bestStreak(const std::vector<std::string>& dailyDays) {
  int best = 0;
  int run = 0;
  std::int64_t previous = 0;
  for (std::int64_t d : dayNumbers(dailyDays)) {
    run = (run > 0 && d == previous + 1) ? run + 1 : 1;
    previous = d;
    if (run > best) best = run;
  }
  return best;
}

DailyLibrary loadDailyLibrary(const std::string& scenariosDir) {
  DailyLibrary out;
  out.dir = scenariosDir;
  std::error_code ec;
  if (!std::filesystem::exists(scenariosDir, ec)) {
    out.problem = "no scenarios folder " + scenariosDir;
    return out;
  }
  if (!std::filesystem::is_directory(scenariosDir, ec)) {
    out.problem = scenariosDir + " is not a folder of scenarios";
    return out;
  }
  FrameworkLoad fw = loadFramework(findFrameworkFor(scenariosDir));
  out.diagnostics = fw.diagnostics;
  if (!fw.ok()) return out;
  out.framework = fw.framework;
  out.library = loadLibrary({scenariosDir}, out.framework);
  ScheduleLoad sched = loadSchedule(scenariosDir + "/schedule.json");
  out.schedule = sched.schedule;
  out.diagnostics.insert(out.diagnostics.end(), sched.diagnostics.begin(), sched.diagnostics.end());
  return out;
}

std::string pickForDay(const CivilDate& date, const Library& library, const Schedule& schedule) {
  std::vector<DailyEntry> entries;
  for (const auto& s : library.scenarios()) entries.push_back({s->id, s->situation});
  return dailyScenario(date, entries, schedule);
}

namespace {

// The day's play in progress, when it belongs to the day's scenario.
std::optional<UnfinishedPlay> resumable(ProgressStore& store, const DayPlan& plan) {
  if (plan.recorded || plan.scenarioId.empty()) return std::nullopt;
  std::optional<UnfinishedPlay> u = store.unfinished(plan.day);
  if (u && u->scenarioId != plan.scenarioId) return std::nullopt;
  return u;
}

}  // namespace

PlayKind DayPlan::kind() const {
  return recorded ? PlayKind::Practice : late ? PlayKind::Late : PlayKind::Daily;
}

DayPlan planDay(ProgressStore& store, const CivilDate& date, const Library& library,
                const Schedule& schedule) {
  DayPlan plan;
  plan.date = date;
  plan.day = formatDate(date);
  std::optional<std::string> pinned = store.pinnedScenario(plan.day);
  plan.recorded = store.dayResult(plan.day).has_value();
  std::optional<std::string> latest = store.latestDay();
  plan.late = !plan.recorded && latest && plan.day < *latest;
  if (pinned && library.findLoad(*pinned) != nullptr) {
    plan.scenarioId = *pinned;
    plan.unfinished = resumable(store, plan);
    return plan;
  }
  std::string pick = pickForDay(date, library, schedule);
  if (pinned) {
    // The day's own scenario left the library: another one, rather than a
    // day nobody can play.
    plan.note = "The day\u2019s scenario \u201C" + *pinned + "\u201D is no longer in the library";
    plan.note += pick.empty() ? "." : "; the day has \u201C" + pick + "\u201D instead.";
    if (!pick.empty() && !plan.recorded) plan.saveProblem = store.repinDay(plan.day, pick);
    plan.scenarioId = pick;
    return plan;
  }
  if (pick.empty()) return plan;
  plan.scenarioId = pick;
  std::string fixed = pick;
  plan.saveProblem = store.pinDay(plan.day, pick, &fixed);
  // Another instance fixed the day first: its pin wins when it can be played.
  if (fixed != pick && library.findLoad(fixed) != nullptr) plan.scenarioId = fixed;
  plan.unfinished = resumable(store, plan);
  return plan;
}

}  // namespace trustdaily::core
