// The game's today (core/game_day.hpp): the rollover hour from the settings,
// one function for the window and every terminal command, with injected times.
#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>
#include <fstream>

#include "core/game_day.hpp"
#include "core/settings.hpp"
#include "support/scratch_dir.hpp"

using namespace trustdaily::core;
using trustdaily::testing::ScratchDir;

namespace {

struct UtcForTest {
  UtcForTest() {
    if (const char* old = std::getenv("TZ")) saved = old;
    had = std::getenv("TZ") != nullptr;
    setenv("TZ", "UTC", 1);
    tzset();
  }
  ~UtcForTest() {
    if (had)
      setenv("TZ", saved.c_str(), 1);
    else
      unsetenv("TZ");
    tzset();
  }
  std::string saved;
  bool had = false;
};

std::int64_t at(CivilDate d, int hour, int minute) {
  return daysFromCivil(d) * 86400 + hour * 3600 + minute * 60;
}

}  // namespace

TEST_CASE("the rollover hour is a setting from 0 to 23, by default the 04:00 the game had") {
  CHECK(Settings{}.rolloverHour == 4);
  std::string problem;
  CHECK(settingsFromJson(R"({"rollover_hour": 0})", &problem).rolloverHour == 0);
  CHECK(problem.empty());
  CHECK(settingsFromJson(R"({"rollover_hour": 23})", &problem).rolloverHour == 23);
  for (const char* bad : {"24", "-1", "3.5", "\"4\"", "null"}) {
    CAPTURE(bad);
    Settings s = settingsFromJson(std::string(R"({"rollover_hour": )") + bad + "}", &problem);
    CHECK(s.rolloverHour == 4);
    CHECK(problem == "rollover_hour must be an integer from 0 to 23 (using the default)");
  }
  Settings s;
  s.rolloverHour = 6;
  CHECK(settingsToJson(s).find("\"rollover_hour\": 6") != std::string::npos);
  CHECK(settingsFromJson(settingsToJson(s)) == s);
}

TEST_CASE("the game's today is the local date of now minus the rollover hour") {
  UtcForTest zone;
  const std::int64_t justBefore6 = at({2026, 12, 31}, 5, 59);
  CHECK(localDayAt(justBefore6, 0) == CivilDate{2026, 12, 31});
  CHECK(localDayAt(justBefore6, 6) == CivilDate{2026, 12, 30});
  CHECK(localDayAt(at({2027, 1, 1}, 5, 59), 6) == CivilDate{2026, 12, 31});  // a year end
  CHECK(localDayAt(at({2027, 1, 1}, 6, 0), 6) == CivilDate{2027, 1, 1});
  // --date wins over the clock and the setting.
  CHECK(gameToday("2024-02-29", 23) == CivilDate{2024, 2, 29});
  std::string why;
  CHECK(gameToday("2024-02-30", 0, &why) == std::nullopt);
  CHECK(why == "--date must be a real date as YYYY-MM-DD, not '2024-02-30'");
}

TEST_CASE("the rollover hour is read from settings.json in the data folder") {
  ScratchDir dir;
  CHECK(rolloverHourFor(dir.str()) == 4);  // no file: the default
  { std::ofstream(dir.path() / "settings.json") << R"({"version": 1, "rollover_hour": 7})"; }
  CHECK(rolloverHourFor(dir.str()) == 7);
  CHECK(gameTodayFor("2025-06-01", dir.str()) == CivilDate{2025, 6, 1});
}

TEST_CASE("the countdown runs to the next rollover on the local clock") {
  UtcForTest zone;
  // 16:48 with the day starting at 00:00: 7 h 12 min.
  CHECK(secondsToNextDay(at({2026, 12, 4}, 16, 48), 0) == (7 * 60 + 12) * 60);
  CHECK(nextScenarioText(secondsToNextDay(at({2026, 12, 4}, 16, 48), 0)) ==
        "Next scenario in 7 h 12 min");
  // 02:00 with the day starting at 04:00: two hours (the game's day is still the 3rd).
  CHECK(secondsToNextDay(at({2026, 12, 4}, 2, 0), 4) == 2 * 3600);
  // 04:00 exactly: a whole day.
  CHECK(secondsToNextDay(at({2026, 12, 4}, 4, 0), 4) == 24 * 3600);
  CHECK(secondsToNextDay(at({2026, 12, 31}, 23, 59) + 30, 0) == 30);
  CHECK(nextScenarioText(30) == "Next scenario in under a minute");
  CHECK(nextScenarioText(5 * 60 + 59) == "Next scenario in 5 min");
  CHECK(nextScenarioText(3600) == "Next scenario in 1 h 0 min");
}
