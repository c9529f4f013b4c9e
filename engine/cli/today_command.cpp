// trustdaily today [--date YYYY-MM-DD]
#include <iostream>

#include "commands.hpp"
#include "core/daily.hpp"
#include "core/loader.hpp"
#include "today.hpp"

namespace trustdaily::cli {

DailyPick pickDaily(const core::CivilDate& date, const std::string& scenariosDir) {
  DailyPick pick;
  core::FrameworkLoad fw = core::loadFramework(core::findFrameworkFor(scenariosDir));
  pick.diagnostics = fw.diagnostics;
  if (!fw.ok()) return pick;
  pick.library = core::loadLibrary({scenariosDir}, fw.framework);
  pick.framework = fw.framework;
  std::vector<core::DailyEntry> entries;
  for (const auto& s : pick.library.scenarios()) entries.push_back({s->id, s->situation});
  core::ScheduleLoad sched = core::loadSchedule(scenariosDir + "/schedule.json");
  pick.diagnostics.insert(pick.diagnostics.end(), sched.diagnostics.begin(),
                          sched.diagnostics.end());
  pick.id = core::dailyScenario(date, entries, sched.schedule);
  return pick;
}

int runToday(const TodayOptions& o) {
  core::CivilDate date = core::localToday(0);
  if (!o.date.empty()) {
    auto d = core::parseDate(o.date);
    if (!d) {
      std::cerr << "trustdaily today: --date must be a real date as YYYY-MM-DD, not '" << o.date
                << "'\n";
      return 2;
    }
    date = *d;
  }
  DailyPick pick = pickDaily(date, o.scenarios.empty() ? defaultScenariosDir() : o.scenarios);
  for (const auto& d : pick.diagnostics) std::cerr << core::formatText(d) << "\n";
  if (pick.id.empty()) {
    std::cerr << "trustdaily today: no valid scenario to choose from\n";
    return 1;
  }
  std::cout << pick.id << "\n";
  return 0;
}

}  // namespace trustdaily::cli
