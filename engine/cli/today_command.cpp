// trustdaily today [--date YYYY-MM-DD]
#include <iostream>

#include "commands.hpp"
#include "core/day_rules.hpp"

namespace trustdaily::cli {

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
