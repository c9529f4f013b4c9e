#include "day_rules.hpp"

#include <filesystem>
#include <set>

#include "progress_store.hpp"
#include "streak.hpp"

namespace trustdaily::core {

PlayKind settleKind(PlayKind wanted, const std::string& day, const std::string& scenarioId,
                    const std::optional<std::string>& pinnedScenario, bool dayRecorded,
                    const std::optional<std::string>& latestDay) {
  if (wanted != PlayKind::Daily && wanted != PlayKind::Late) return wanted;
  if (dayRecorded) return PlayKind::Practice;
  if (pinnedScenario && *pinnedScenario != scenarioId) return PlayKind::Practice;
  if (wanted == PlayKind::Late) return PlayKind::Late;       // an archive play: never the streak
  if (latestDay && day < *latestDay) return PlayKind::Late;  // YYYY-MM-DD sorts as dates
  return PlayKind::Daily;
}

int currentStreak(const std::vector<std::string>& dailyDays, const CivilDate& today) {
  return streakReport(dailyDays, today).current;
}

int bestStreak(const std::vector<std::string>& dailyDays) {
  // The best streak up to the latest day given (later days would only add misses).
  CivilDate last{};
  for (const std::string& d : dailyDays)
    if (auto date = parseDate(d); date && *date > last) last = *date;
  return streakReport(dailyDays, last).best;
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

// The day, whether it is recorded, and whether a later day is.
DayPlan planBase(ProgressStore& store, const CivilDate& date) {
  DayPlan plan;
  plan.date = date;
  plan.day = formatDate(date);
  plan.recorded = store.dayResult(plan.day).has_value();
  std::optional<std::string> latest = store.latestDay();
  plan.late = !plan.recorded && latest && plan.day < *latest;
  return plan;
}

}  // namespace

PlayKind DayPlan::kind() const {
  return recorded ? PlayKind::Practice : (late || archive) ? PlayKind::Late : PlayKind::Daily;
}

DayPlan previewDay(ProgressStore& store, const CivilDate& date, const Library& library,
                   const Schedule& schedule) {
  DayPlan plan = planBase(store, date);
  std::optional<std::string> pinned = store.pinnedScenario(plan.day);
  plan.scenarioId = pinned && library.findLoad(*pinned) != nullptr
                        ? *pinned
                        : pickForDay(date, library, schedule);
  plan.unfinished = resumable(store, plan);
  return plan;
}

DayPlan planDay(ProgressStore& store, const CivilDate& date, const Library& library,
                const Schedule& schedule) {
  DayPlan plan = planBase(store, date);
  std::optional<std::string> pinned = store.pinnedScenario(plan.day);
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

std::string archiveProblem(const CivilDate& day, const CivilDate& today) {
  if (day < today) return {};
  if (day == today) return formatDate(day) + " is today: play today\u2019s scenario as usual.";
  return formatDate(day) + " has not come yet: only past days can be played from the archive.";
}

DayPlan planArchiveDay(ProgressStore& store, const CivilDate& day, const Library& library,
                       const Schedule& schedule) {
  DayPlan plan = planDay(store, day, library, schedule);
  plan.archive = true;
  return plan;
}

}  // namespace trustdaily::core
