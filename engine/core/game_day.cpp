#include "game_day.hpp"

#include <ctime>

#include "settings.hpp"

namespace trustdaily::core {

int rolloverHourFor(const std::string& dataDir, std::string* problem) {
  SettingsStore store(dataDir);
  return store.load(problem).rolloverHour;
}

std::optional<CivilDate> gameToday(const std::string& dateOption, int rolloverHour,
                                   std::string* why) {
  return dayFromOption(dateOption, rolloverHour, why);
}

std::optional<CivilDate> gameTodayFor(const std::string& dateOption, const std::string& dataDir,
                                      std::string* why) {
  // An injected day needs no settings (and so no config folder).
  if (!dateOption.empty()) return gameToday(dateOption, 0, why);
  return gameToday(dateOption, rolloverHourFor(dataDir), why);
}

std::int64_t secondsToNextDay(std::int64_t unixSeconds, int rolloverHour) {
  const CivilDate next = civilFromDays(daysFromCivil(localDayAt(unixSeconds, rolloverHour)) + 1);
  std::tm tm{};
  tm.tm_year = next.year - 1900;
  tm.tm_mon = static_cast<int>(next.month) - 1;
  tm.tm_mday = static_cast<int>(next.day);
  tm.tm_hour = rolloverHour;
  tm.tm_isdst = -1;  // whatever the clock says that day (the days the clocks change)
  const std::int64_t at = static_cast<std::int64_t>(std::mktime(&tm));
  return at > unixSeconds ? at - unixSeconds : 1;
}

std::string nextScenarioText(std::int64_t seconds) {
  if (seconds < 60) return "Next scenario in under a minute";
  const std::int64_t minutes = seconds / 60;
  const std::int64_t h = minutes / 60;
  const std::int64_t m = minutes % 60;
  std::string out = "Next scenario in ";
  if (h > 0) out.append(std::to_string(h)).append(" h ");
  return out.append(std::to_string(m)).append(" min");
}

}  // namespace trustdaily::core
