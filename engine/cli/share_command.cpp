// trustdaily share [--date D] [--data-dir DIR] [--scenarios DIR]: the
// spoiler-free share text of a day's result, as the window copies it.
#include <filesystem>
#include <iostream>

#include "commands.hpp"
#include "core/day_rules.hpp"
#include "core/game_day.hpp"
#include "core/progress_store.hpp"
#include "core/share_input.hpp"

namespace trustdaily::cli {

int runShare(const ShareOptions& o) {
  std::string why;
  std::optional<core::CivilDate> chosen = core::gameTodayFor(o.date, o.dataDir, &why);
  if (!chosen) {
    std::cerr << "trustdaily share: " << why << "\n";
    return 2;
  }
  const std::string day = core::formatDate(*chosen);
  const std::string none = "trustdaily share: no result for " + day +
                           " yet: play the day's scenario first (trustdaily, or play --text)\n";
  core::ProgressStore store(o.dataDir);
  std::error_code ec;
  // Reading never creates a database; only a progress.json to import is
  // worth opening an absent one for (the store imports it).
  const bool anything =
      store.dir().empty() || std::filesystem::exists(store.file(), ec) ||
      std::filesystem::exists(std::filesystem::path(store.dir()) / "progress.json", ec);
  if (!anything) {
    std::cerr << none;
    return 1;
  }
  const core::StoreMode mode = store.open();
  if (!store.notice().empty()) std::cerr << "trustdaily share: " << store.notice() << "\n";
  if (mode == core::StoreMode::Unavailable) return 1;
  // The day's daily play, else its late play; then the play with its decisions.
  std::optional<core::PlayRecord> result = store.dayResult(day);
  if (result) result = store.play(result->id);
  if (!result) {
    std::cerr << none;
    return 1;
  }
  core::DailyLibrary lib =
      core::loadDailyLibrary(o.scenarios.empty() ? defaultScenariosDir() : o.scenarios);
  const core::ScenarioLoad* load =
      lib.problem.empty() ? lib.library.findLoad(result->scenarioId) : nullptr;
  core::ShareInput in;
  if (load != nullptr && load->ok() && load->analysis) {
    in = core::shareInputFor(*result, *load->scenario, *load->analysis, lib.framework);
  } else {
    std::cerr << "trustdaily share: the scenario " << result->scenarioId
              << " is no longer in the library; the principles are left out\n";
    in = core::shareInputFor(*result);
  }
  std::cout << core::shareText(in);
  return 0;
}

}  // namespace trustdaily::cli
