// History figures (core/history_stats.hpp) computed from a database built in
// a scratch folder: the calendar, the average, the per-principle shares over
// 7 and 30 days (daily plays only, signed, normalised by what the best path
// offered), the weakest principle and the scenario suggested for it.
#include <doctest/doctest.h>

#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/play_text.hpp"
#include "core/history_stats.hpp"
#include "core/progress_store.hpp"
#include "support/scratch_dir.hpp"

using namespace trustdaily::core;
using trustdaily::testing::ScratchDir;

namespace {

PlayRecord playOf(const std::string& scenario, const std::string& day, PlayKind kind, int percent,
                  std::map<std::string, int> principles) {
  PlayRecord p;
  p.scenarioId = scenario;
  p.day = day;
  p.kind = kind;
  p.firstTry = {percent, percent / 10, "success"};
  p.reached = p.firstTry;
  p.bestTotal = 10;
  p.principleTotals = std::move(principles);
  return p;
}

// Two principles; scenario "a" offers 4 of clarity and 2 of candour on its
// best path, "b" 2 of candour, "c" 6 of candour, "d" nothing.
HistoryInput inputFrom(ProgressStore& store, const char* today) {
  HistoryInput in;
  in.today = *parseDate(today);
  in.dayResults = store.dayResults();
  in.principleTotals = store.principleTotalsByPlay();
  in.plays = store.plays();
  in.available = {{"a", {{"clarity", 4}, {"candour", 2}}},
                  {"b", {{"candour", 2}}},
                  {"c", {{"candour", 6}}},
                  {"d", {}}};
  in.principles = {{"clarity", "Clarity", "", "#000000", ""},
                   {"candour", "Candour", "", "#000000", ""}};
  return in;
}

struct Fixture {
  ScratchDir dir;
  ProgressStore store{dir.str()};
  Fixture() {
    REQUIRE(store.open() == StoreMode::Writable);
    // Daily plays on 1, 2 and 20 Nov; the 21st late (archive) and a
    // practice and a replay that must not count.
    for (const PlayRecord& p : {
             playOf("a", "2026-11-01", PlayKind::Daily, 100, {{"clarity", 4}, {"candour", 2}}),
             playOf("b", "2026-11-02", PlayKind::Daily, 50, {{"candour", -2}}),
             playOf("a", "2026-11-20", PlayKind::Daily, 60, {{"clarity", 2}, {"candour", -1}}),
             playOf("b", "2026-11-22", PlayKind::Daily, 40, {{"candour", 1}}),
             playOf("a", "2026-11-21", PlayKind::Late, 0, {{"clarity", -4}}),
             playOf("a", "2026-11-22", PlayKind::Practice, 100, {{"clarity", 4}}),
             playOf("b", "2026-11-22", PlayKind::Replay, 100, {{"candour", 2}}),
         }) {
      REQUIRE(store.record(p).problem.empty());
    }
  }
};

}  // namespace

TEST_CASE("principle shares count daily plays only, signed, against what the best path offered") {
  Fixture f;
  HistoryStats s = historyStats(inputFrom(f.store, "2026-11-25"));
  CHECK(s.dailyPlays == 4);
  CHECK(s.averagePercent == 63);  // (100 + 50 + 60 + 40) / 4 = 62.5, rounded
  REQUIRE(s.principles.size() == 2);
  const PrincipleShare& clarity = s.principles[0];
  const PrincipleShare& candour = s.principles[1];
  CHECK(clarity.name == "Clarity");
  // Last 7 days (19..25 Nov): the 20th (a) and the 22nd (b).
  CHECK(clarity.earned7 == 2);
  CHECK(clarity.available7 == 4);
  CHECK(clarity.share7 == doctest::Approx(0.5));
  CHECK(candour.earned7 == 0);
  CHECK(candour.available7 == 4);
  CHECK(candour.share7 == doctest::Approx(0.0));
  // Last 30 days (27 Oct..25 Nov): all four daily plays.
  CHECK(clarity.earned30 == 6);
  CHECK(clarity.available30 == 8);
  CHECK(clarity.share30 == doctest::Approx(0.75));
  CHECK(candour.earned30 == 0);
  CHECK(candour.available30 == 8);
  CHECK(s.weakest == "candour");
  // "c" offers the most candour and was never played.
  CHECK(s.suggestion == "c");
}

TEST_CASE("a loss shows as a negative share, and old days leave the windows") {
  Fixture f;
  REQUIRE(f.store.record(playOf("b", "2026-11-23", PlayKind::Daily, 0, {{"candour", -6}}))
              .problem.empty());
  HistoryStats s = historyStats(inputFrom(f.store, "2026-11-23"));
  // 7 days (17..23 Nov): candour -1 + 1 - 6 = -6 of 2 + 2 + 2.
  CHECK(s.principles[1].share7 == doctest::Approx(-1.0));
  // Much later, nothing is left in either window; the average stays.
  HistoryStats later = historyStats(inputFrom(f.store, "2027-02-01"));
  CHECK_FALSE(later.principles[0].share7.has_value());
  CHECK_FALSE(later.principles[1].share30.has_value());
  CHECK(later.weakest.empty());
  CHECK(later.suggestion.empty());
  CHECK(later.averagePercent == 50);
  // Clamped to -1..1, and a principle nothing offered has no share.
  HistoryInput in = inputFrom(f.store, "2026-11-23");
  in.available["b"] = {};
  HistoryStats noOffer = historyStats(in);
  CHECK(noOffer.principles[1].share7 == doctest::Approx(-1.0));  // "a" on the 20th offered 2
}

TEST_CASE("the suggestion avoids a scenario played in the last two weeks when it can") {
  Fixture f;
  REQUIRE(f.store.record(playOf("c", "2026-11-24", PlayKind::Practice, 10, {})).problem.empty());
  HistoryInput in = inputFrom(f.store, "2026-11-25");
  in.available["e"] = {{"candour", 1}};
  HistoryStats s = historyStats(in);
  CHECK(s.weakest == "candour");
  CHECK(s.suggestion == "e");  // a, b and c were all played lately; e offers less but is new
  // When every candidate was played lately, the one offering most.
  in.available.erase("e");
  CHECK(historyStats(in).suggestion == "c");
  // Two weeks on, none is recent any more: the one offering most.
  in.today = *parseDate("2026-12-09");
  in.available["e"] = {{"candour", 1}};
  CHECK(historyStats(in).weakest == "candour");
  CHECK(historyStats(in).suggestion == "c");
}

TEST_CASE("the calendar of a month marks daily, late, frozen, missed, today and future days") {
  ScratchDir dir;
  ProgressStore store{dir.str()};
  REQUIRE(store.open() == StoreMode::Writable);
  // Seven days 1..7 Dec earn a freeze; the 8th is missed (frozen), the 9th
  // played; the 10th and 11th missed, the 11th played later from the archive.
  for (int d = 1; d <= 7; ++d) {
    std::string day = formatDate({2026, 12, static_cast<unsigned>(d)});
    REQUIRE(store.record(playOf("a", day, PlayKind::Daily, 80, {})).problem.empty());
  }
  REQUIRE(store.record(playOf("b", "2026-12-09", PlayKind::Daily, 70, {})).problem.empty());
  REQUIRE(store.record(playOf("a", "2026-12-11", PlayKind::Late, 30, {})).problem.empty());
  HistoryInput in = inputFrom(store, "2026-12-13");
  HistoryStats s = historyStats(in);
  CHECK(s.streak.frozenDays == std::vector<std::string>{"2026-12-08"});
  CHECK(s.streak.current == 0);
  CHECK(s.streak.best == 8);
  std::vector<CalendarDay> dec = monthCalendar(2026, 12, in, s.streak);
  REQUIRE(dec.size() == 31);
  std::string marks;
  for (const CalendarDay& c : dec) marks += std::string(dayStatusName(c.status)).substr(0, 2) + " ";
  CHECK(marks ==
        "da da da da da da da fr da mi la mi to fu fu fu fu fu fu fu fu fu fu fu fu fu fu fu fu "
        "fu fu ");
  CHECK(dec[10].playId != 0);
  CHECK(dec[10].percent == 30);
  CHECK(dec[0].scenarioId == "a");
  CHECK(dec[9].playId == 0);
  // Before the first daily play nothing is missed; February of a leap year has 29 days.
  std::vector<CalendarDay> nov = monthCalendar(2026, 11, in, s.streak);
  CHECK(nov.size() == 30);
  CHECK(nov.back().status == DayStatus::None);
  CHECK(monthCalendar(2028, 2, in, s.streak).size() == 29);
  // The last days up to today, across the month's start: the same statuses.
  std::vector<CalendarDay> recent = recentDays(16, in, s.streak);
  REQUIRE(recent.size() == 16);
  CHECK(formatDate(recent.front().date) == "2026-11-28");
  CHECK(recent.front().status == DayStatus::None);
  CHECK(recent.back().date == in.today);
  for (std::size_t i = 3; i < recent.size(); ++i) {
    CAPTURE(i);
    CHECK(recent[i].status == dec[i - 3].status);
    CHECK(recent[i].playId == dec[i - 3].playId);
  }
  CHECK(recentDays(0, in, s.streak).empty());
}

TEST_CASE("history --format json shows the streak with freezes and the principle shares") {
  ScratchDir data;
  const std::string fixtures = std::string(TRUSTDAILY_FIXTURES) + "/play";
  auto playDay = [&](const std::string& day, const std::string& input) {
    trustdaily::cli::TextPlayOptions o;
    o.date = day;
    o.dataDir = data.str();
    o.scenariosDir = fixtures;
    std::istringstream in(input);
    std::ostringstream out;
    REQUIRE(trustdaily::cli::runTextPlay(o, in, out) == 0);
  };
  // 1..7 March the best path (a freeze), the 8th missed, the 9th a misstep first.
  for (int d = 1; d <= 7; ++d) playDay(formatDate({2024, 3, static_cast<unsigned>(d)}), "1\n1\n");
  playDay("2024-03-09", "2\n\n1\n");
  trustdaily::cli::HistoryOptions h;
  h.format = "json";
  h.dataDir = data.str();
  h.date = "2024-03-10";
  h.scenarios = fixtures;
  std::ostringstream captured;
  std::streambuf* old = std::cout.rdbuf(captured.rdbuf());
  const int code = trustdaily::cli::runHistory(h);
  std::cout.rdbuf(old);
  REQUIRE(code == 0);
  const nlohmann::json j = nlohmann::json::parse(captured.str());
  CHECK(j["streak"] == 8);
  CHECK(j["best_streak"] == 8);
  CHECK(j["freezes_held"] == 0);
  CHECK(j["frozen_days"] == nlohmann::json::array({"2024-03-08"}));
  CHECK(j["streak_notice"] == "");
  CHECK(j["days"].size() == 8);  // the existing fields stay
  CHECK(j.contains("review"));
  CHECK(j["average_percent"].is_number_integer());
  const nlohmann::json* context = nullptr;
  for (const nlohmann::json& p : j["principles"])
    if (p["id"] == "context") context = &p;
  REQUIRE(context != nullptr);
  // 7 days (4..10 March): 2+2+2+2-1 of 5x2; 30 days: 7x2-1 of 8x2.
  CHECK((*context)["earned_7"] == 7);
  CHECK((*context)["available_7"] == 10);
  CHECK((*context)["share_7"].get<double>() == doctest::Approx(0.7));
  CHECK((*context)["earned_30"] == 13);
  CHECK((*context)["available_30"] == 16);
  // Today's month, day by day, as the History screen draws it.
  const nlohmann::json& cal = j["calendar"];
  REQUIRE(cal.size() == 31);
  CHECK(cal[0] ==
        nlohmann::json(
            {{"date", "2024-03-01"}, {"status", "daily"}, {"scenario", "tiny"}, {"percent", 100}}));
  CHECK(cal[7]["status"] == "frozen");
  CHECK_FALSE(cal[7].contains("percent"));
  CHECK(cal[9]["status"] == "today");
  CHECK(cal[30]["status"] == "future");

  // The text shows the same month as a grid, weeks from Monday (1 March
  // 2024 was a Friday).
  h.format = "text";
  std::ostringstream text;
  old = std::cout.rdbuf(text.rdbuf());
  REQUIRE(trustdaily::cli::runHistory(h) == 0);
  std::cout.rdbuf(old);
  const std::string grid =
      "March 2024 (D daily, L late, F frozen, M missed, T today):\n"
      "  Mo  Tu  We  Th  Fr  Sa  Su\n"
      "                  1D  2D  3D\n"
      "  4D  5D  6D  7D  8F  9D 10T\n"
      " 11  12  13  14  15  16  17\n"
      " 18  19  20  21  22  23  24\n"
      " 25  26  27  28  29  30  31\n";
  CHECK(text.str().find(grid) != std::string::npos);
}
