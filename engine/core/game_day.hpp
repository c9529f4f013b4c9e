#pragma once
// The game's "today", once for the window and every terminal command: the
// `--date` given, else the local date of (now - the rollover hour), the
// rollover hour being the player's setting (settings.json "rollover_hour").
#include <cstdint>
#include <optional>
#include <string>

#include "daily.hpp"

namespace trustdaily::core {

// The player's rollover hour, from settings.json in `dataDir` (the XDG
// config folder when empty); the default when the file is missing or cannot
// be used (`problem` then says why).
int rolloverHourFor(const std::string& dataDir, std::string* problem = nullptr);

// The day `--date` names, else the game's today at `rolloverHour`; nullopt,
// and `why` says so, when the option is not a real date.
std::optional<CivilDate> gameToday(const std::string& dateOption, int rolloverHour,
                                   std::string* why = nullptr);
// The same, reading the rollover hour from the settings in `dataDir`.
std::optional<CivilDate> gameTodayFor(const std::string& dateOption, const std::string& dataDir,
                                      std::string* why = nullptr);

// Seconds from `unixSeconds` until the next game day starts (the next
// rollover hour on the local clock, TZ), always > 0.
std::int64_t secondsToNextDay(std::int64_t unixSeconds, int rolloverHour);
// "Next scenario in 7 h 12 min", "Next scenario in 5 min", "Next scenario in
// under a minute".
std::string nextScenarioText(std::int64_t seconds);

}  // namespace trustdaily::core
