// trustdaily today [--date YYYY-MM-DD]
#include <iostream>

#include "commands.hpp"
#include "core/day_rules.hpp"

namespace trustdaily::cli {

int runToday(const TodayOptions& o) {
  std::string why;
  std::optional<core::CivilDate> chosen = core::dayFromOption(o.date, 0, &why);
  if (!chosen) {
    std::cerr << "trustdaily today: " << why << "\n";
    return 2;
  }
  const core::CivilDate date = *chosen;
  core::DailyLibrary lib =
      core::loadDailyLibrary(o.scenarios.empty() ? defaultScenariosDir() : o.scenarios);
  if (!lib.problem.empty()) {
    std::cerr << "trustdaily today: " << lib.problem << "\n";
    return 1;
  }
  for (const auto& d : lib.diagnostics) std::cerr << core::formatText(d) << "\n";
  const std::string id = core::pickForDay(date, lib.library, lib.schedule);
  if (id.empty()) {
    std::cerr << "trustdaily today: no valid scenario to choose from\n";
    return 1;
  }
  std::cout << id << "\n";
  return 0;
}

}  // namespace trustdaily::cli
