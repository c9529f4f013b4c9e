// Terminal mode: a whole play driven by lines of input, the output a player
// reads, and what lands in the progress file.
#include <doctest/doctest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <sstream>

#include "cli/play_text.hpp"
#include "core/analysis.hpp"
#include "core/day_rules.hpp"
#include "core/progress_store.hpp"
#include "support/scratch_dir.hpp"

using namespace trustdaily;
namespace fs = std::filesystem;

namespace {

const std::string kPlayFixtures = std::string(TRUSTDAILY_FIXTURES) + "/play";
const std::string kTiny = kPlayFixtures + "/tiny.json";
constexpr std::size_t kMaxLine = 4096;

using trustdaily::testing::ScratchDir;

struct Run {
  int code = -1;
  std::string out;
  bool has(const std::string& text) const { return out.find(text) != std::string::npos; }
  std::size_t count(const std::string& text) const {
    std::size_t n = 0;
    for (auto at = out.find(text); at != std::string::npos; at = out.find(text, at + 1)) ++n;
    return n;
  }
};

Run play(const cli::TextPlayOptions& o, const std::string& input) {
  std::istringstream in(input);
  std::ostringstream out;
  Run r;
  r.code = cli::runTextPlay(o, in, out);
  r.out = out.str();
  return r;
}

cli::TextPlayOptions fileOptions(const ScratchDir& data) {
  cli::TextPlayOptions o;
  o.target = kTiny;
  o.date = "2024-03-01";
  o.dataDir = data.str();
  return o;
}

cli::TextPlayOptions dailyOptions(const ScratchDir& data, const std::string& date) {
  cli::TextPlayOptions o;
  o.date = date;
  o.dataDir = data.str();
  o.scenariosDir = kPlayFixtures;
  return o;
}

// Every play recorded in the data folder, with its decisions.
std::vector<core::PlayRecord> playsIn(const ScratchDir& data) {
  core::ProgressStore store(data.str());
  REQUIRE(store.open() == core::StoreMode::Writable);
  std::vector<core::PlayRecord> out;
  for (const core::PlayRecord& p : store.plays()) out.push_back(*store.play(p.id));
  return out;
}

// The path a play ended on: node and chosen choice of each step.
std::vector<core::PathStep> pathOf(const core::PlayRecord& p) {
  std::vector<core::PathStep> out;
  for (const core::DecisionRecord& d : p.decisions) out.push_back({d.nodeId, d.chosenChoice});
  return out;
}

std::vector<core::PathStep> steps(std::initializer_list<std::pair<const char*, std::size_t>> l) {
  std::vector<core::PathStep> out;
  for (const auto& [node, choice] : l) out.push_back(core::PathStep{node, choice});
  return out;
}

std::size_t columns(const std::string& s) {
  std::size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

}  // namespace

TEST_CASE("a scenario file played to success shows scene, feedback and debrief") {
  ScratchDir data;
  Run r = play(fileOptions(data), "1\n1\n");
  CHECK(r.code == 0);
  // The scene: speaker name and role, text, numbered choices.
  CHECK(r.has("The date nobody asked about\n"));
  CHECK(
      r.has("Maya Chen \u2014 Engineering lead\n"
            "  Three weeks? We haven't even looked at the sync work. Where does that date\n"
            "  come from?\n"));
  CHECK(
      r.has("  1. Explain why the beta date matters to the customer and ask what scope\n"
            "     fits.\n"
            "  2. Tell her the date is fixed by leadership and not up for debate.\n"
            "  3. Promise leadership the date yourself without asking anyone.\n"));
  // Feedback after the first choice, with names from the framework.
  CHECK(
      r.has("Feedback:\n"
            "  You shared the why and left the how to the experts.\n"
            "  +1 Influence beats authority\n"
            "  +2 Context beats instruction\n"
            "  Engineering 50 \u2192 62\n"));
  // The coaching comes before the next scene and its choices (as in the window).
  auto coaching = r.out.find("Feedback:\n  You shared the why");
  auto nextScene = r.out.find("  The beta ships.");
  REQUIRE(nextScene != std::string::npos);
  CHECK(coaching < nextScene);
  CHECK(
      r.has("  +2 Celebrate together\n"
            "  Engineering 62 \u2192 67\n"
            "  Design 50 \u2192 55\n"));
  CHECK_FALSE(r.has("misstep"));
  // Debrief.
  CHECK(r.has(
      "== Debrief ==\nEnding: success\nLesson: Context recruits people; credit keeps them.\n"));
  CHECK(
      r.has("Principles (your path / best path):\n"
            "  Influence beats authority    +1 / +1\n"
            "  Context beats instruction    +2 / +2\n"
            "  Celebrate together           +2 / +2\n"));
  CHECK(r.has("Trust:\n  Engineering 50 \u2192 67 (+17)\n  Design 50 \u2192 55 (+5)\n"));
  CHECK(
      r.has("Result (first tries): 100 %\nFirst tries scored 5 of a best 5.\n"
            "\nDecisions (your first choice against the best one there):\n"
            "  1. at ask: the best choice there (+3)\n"
            "  2. at plan: the best choice there (+2)\n"
            "\nMissteps: none\n"));
  CHECK(r.has("Recorded as a practice play"));

  // A file given by path is a practice play: recorded, no day result.
  std::vector<core::PlayRecord> plays = playsIn(data);
  REQUIRE(plays.size() == 1);
  CHECK(plays[0].scenarioId == "tiny");
  CHECK(plays[0].kind == core::PlayKind::Practice);
  CHECK(plays[0].day == "2024-03-01");
  CHECK(plays[0].firstTry == core::PlayScore{100, 5, "success"});
  CHECK(plays[0].reached == plays[0].firstTry);
  CHECK(plays[0].bestTotal == 5);
  CHECK(pathOf(plays[0]) == steps({{"ask", 0}, {"plan", 0}}));
  CHECK(plays[0].missteps == 0);
  CHECK(plays[0].retries == 0);
  core::ProgressStore store(data.str());
  store.open();
  CHECK(store.dayResults().empty());
}

TEST_CASE("a misstep tried again, then perfect play, records a first-try result below 100 %") {
  ScratchDir data;
  Run r = play(fileOptions(data), "2\nr\n1\n1\n");
  CHECK(r.code == 0);
  CHECK(
      r.has("  -2 Influence beats authority\n"
            "  -1 Context beats instruction\n"
            "  Engineering 50 \u2192 35\n"
            "\nThat was a misstep.\nr = try that again (rewind), Enter = continue\n"));
  CHECK(r.has("(Rewound to just before that choice.)"));
  // Trust starts again from 50, not from 35: the path ended on is the best.
  CHECK(r.has("  Engineering 50 \u2192 62\n"));
  CHECK(r.has("Trust:\n  Engineering 50 \u2192 67 (+17)\n"));
  // The result is the first tries': the misstep stays, and so does its cost.
  CHECK(
      r.has("Result (first tries): 0 % (-1 of 5) \u00B7 1 retry (retries reached 100 %)\n"
            "First tries scored -1 of a best 5; the path you ended on scored 5.\n"));
  CHECK(r.has(
      "  1. at ask: 6 points lost, a misstep, tried again\n"
      "     you: \u201cTell her the date is fixed by leadership and not up for debate.\u201d\n"
      "       (-3)\n"
      "     best: \u201cExplain why the beta date matters to the customer and ask what\n"
      "       scope fits.\u201d (+3)\n"));
  CHECK(
      r.has("\nMissteps:\n  - at ask (-3): \u201cTell her the date is fixed by leadership and "
            "not up for\n    debate.\u201d\n"));

  std::vector<core::PlayRecord> plays = playsIn(data);
  REQUIRE(plays.size() == 1);
  CHECK(pathOf(plays[0]) == steps({{"ask", 0}, {"plan", 0}}));
  CHECK(plays[0].firstTry == core::PlayScore{0, -1, "success"});
  CHECK(plays[0].reached == core::PlayScore{100, 5, "success"});
  CHECK(plays[0].retries == 1);
  CHECK(plays[0].missteps == 1);
  CHECK(plays[0].decisions[0] == core::DecisionRecord{"ask", 1, 0, 0, -3, 3, 3, true, 1});
  CHECK(plays[0].decisions[1] == core::DecisionRecord{"plan", 0, 0, 0, 2, 2, 2, false, 0});
}

TEST_CASE("continuing after a misstep keeps it in the debrief and the record") {
  ScratchDir data;
  Run r = play(fileOptions(data), "2\n\n1\n");
  CHECK(r.code == 0);
  CHECK(
      r.has("Result (first tries): 0 % (-1 of 5)\n"
            "First tries scored -1 of a best 5.\n"));
  CHECK(
      r.has("Missteps:\n"
            "  - at ask (-3): \u201cTell her the date is fixed by leadership and not up for\n"
            "    debate.\u201d\n"));
  std::vector<core::PlayRecord> plays = playsIn(data);
  REQUIRE(plays.size() == 1);
  CHECK(plays[0].firstTry == core::PlayScore{0, -1, "success"});
  CHECK(plays[0].missteps == 1);
  CHECK(plays[0].retries == 0);
  core::ProgressStore store(data.str());
  store.open();
  auto review = store.recentMissteps();
  REQUIRE(review.size() == 1);
  CHECK(review[0].step == 0);
  CHECK(review[0].choice == 1);
}

TEST_CASE("a misstep into failure, tried again, ends the first try there") {
  ScratchDir data;
  Run r = play(fileOptions(data), "3\nr\n1\n1\n");
  CHECK(r.code == 0);
  auto ending = r.out.find("-- Ending: failure --\nThe date slips");
  auto offer = r.out.find("That was a misstep.");
  REQUIRE(ending != std::string::npos);
  REQUIRE(offer != std::string::npos);
  CHECK(ending < offer);
  CHECK(r.has("== Debrief ==\nEnding: success\n"));  // where the retry led
  CHECK(r.has("Result (first tries): 0 % (-1 of 5) \u00B7 1 retry (retries reached 100 %)\n"));
  std::vector<core::PlayRecord> plays = playsIn(data);
  REQUIRE(plays.size() == 1);
  // The first try ended at the failure: its total is that choice's alone.
  CHECK(plays[0].firstTry == core::PlayScore{0, -1, "failure"});
  CHECK(plays[0].reached == core::PlayScore{100, 5, "success"});
}

TEST_CASE("a misstep straight into failure shows the ending before offering a rewind") {
  ScratchDir data;
  Run r = play(fileOptions(data), "3\n\n");
  CHECK(r.code == 0);
  CHECK(r.has("== Debrief ==\nEnding: failure\n"));
  CHECK(playsIn(data).at(0).firstTry.ending == "failure");
}

TEST_CASE("input that is not an offered number is asked for again") {
  ScratchDir data;
  Run r = play(fileOptions(data), "9\nabc\n0\n\n 1 \n2\nx\n\n");
  CHECK(r.code == 0);
  CHECK(r.count("Type a number from 1 to 3.\n") == 4);
  CHECK(r.count("Type r to try again, or press Enter to continue.\n") == 1);
  CHECK(pathOf(playsIn(data).at(0)) == steps({{"ask", 0}, {"plan", 1}}));
}

TEST_CASE("input that ends before an ending exits 1 and records nothing") {
  ScratchDir data;
  std::string input;
  SUBCASE("no input at all") { input = ""; }
  SUBCASE("while choosing") { input = "1\n"; }
  SUBCASE("at the rewind offer") { input = "2\n"; }
  Run r = play(fileOptions(data), input);
  CHECK(r.code == 1);
  CHECK(r.has("Input ended before the scenario did; this play was not recorded.\n"));
  CHECK(playsIn(data).empty());
}

TEST_CASE("an over-long line ends the play with an error, never reading it whole") {
  ScratchDir data;
  std::string input;
  SUBCASE("at a choice") { input = std::string(10 * 1024 * 1024, '1') + "\n1\n"; }
  SUBCASE("at the retry question") { input = "2\n" + std::string(5000, ' ') + "r\n1\n1\n"; }
  SUBCASE("without a newline") { input = std::string(kMaxLine + 1, 'x'); }
  Run r = play(fileOptions(data), input);
  CHECK(r.code == 1);
  CHECK(
      r.has("A line of input is longer than 4096 bytes; the play ended there; this play was "
            "not recorded.\n"));
  CHECK_FALSE(r.has("== Debrief =="));
  CHECK(playsIn(data).empty());
}

TEST_CASE("today's scenario is the day's, is its result and counts toward the streak") {
  ScratchDir data;
  Run first = play(dailyOptions(data, "2024-02-28"), "1\n1\n");
  CHECK(first.code == 0);
  CHECK(first.has("Trust Daily \u2014 2024-02-28 \u2014 today's scenario\n"));
  CHECK(first.has("Day 2024-02-28 complete. Streak: 1 day.\n"));
  core::ProgressStore store(data.str());
  REQUIRE(store.open() == core::StoreMode::Writable);
  CHECK(store.pinnedScenario("2024-02-28") == "tiny");
  REQUIRE(store.dayResult("2024-02-28").has_value());
  CHECK(store.dayResult("2024-02-28")->kind == core::PlayKind::Daily);
  CHECK(store.dayResult("2024-02-28")->firstTry.percent == 100);

  // Playing the day again is practice: the day's result stays the first one.
  Run again = play(dailyOptions(data, "2024-02-28"), "2\n\n2\n\n");
  CHECK(again.code == 0);
  CHECK(again.has("(the day is recorded already: this play is practice)"));
  CHECK(again.has("Recorded as a practice play"));
  std::vector<core::PlayRecord> plays = playsIn(data);
  CHECK(plays.size() == 2);
  CHECK(plays[1].kind == core::PlayKind::Practice);
  CHECK(store.dayResult("2024-02-28")->firstTry.percent == 100);

  // The next day, across the leap day, by id.
  cli::TextPlayOptions byId = dailyOptions(data, "2024-02-29");
  byId.target = "tiny";
  Run next = play(byId, "2\n\n1\n");
  CHECK(next.code == 0);
  CHECK(next.has("Day 2024-02-29 complete. Streak: 2 days.\n"));
  CHECK(store.dayResult("2024-02-29")->firstTry.percent == 0);
  CHECK(core::currentStreak(store.dailyDays(), *core::parseDate("2024-03-01")) == 2);
}

TEST_CASE("a date before the latest recorded day (a clock moved back) is recorded as late") {
  ScratchDir data;
  REQUIRE(play(dailyOptions(data, "2024-03-10"), "1\n1\n").code == 0);
  Run late = play(dailyOptions(data, "2024-03-08"), "1\n1\n");
  CHECK(late.code == 0);
  CHECK(late.has("(a later day is recorded already: this play will be recorded as late)"));
  CHECK(
      late.has("Recorded as a late play of 2024-03-08 (a later day is recorded already; the "
               "streak is unchanged).\n"));
  core::ProgressStore store(data.str());
  REQUIRE(store.open() == core::StoreMode::Writable);
  CHECK(store.dayResult("2024-03-08")->kind == core::PlayKind::Late);
  CHECK(store.dailyDays() == std::vector<std::string>{"2024-03-10"});
  CHECK(core::currentStreak(store.dailyDays(), *core::parseDate("2024-03-10")) == 1);
}

TEST_CASE("an archive play of yesterday is late while today is open, and leaves the streak") {
  ScratchDir data;
  REQUIRE(play(dailyOptions(data, "2024-03-08"), "1\n1\n").code == 0);
  // 2024-03-10 is today and not played yet; 2024-03-09 is played from the archive.
  cli::TextPlayOptions o = dailyOptions(data, "2024-03-10");
  o.archive = "2024-03-09";
  Run archive = play(o, "1\n1\n");
  CHECK(archive.code == 0);
  CHECK(archive.has("Trust Daily \u2014 2024-03-09 \u2014 from the archive (recorded as a late "
                    "play: the streak is unchanged)\n"));
  CHECK(archive.has("Recorded as a late play of 2024-03-09 from the archive (the streak is "
                    "unchanged).\n"));
  core::ProgressStore store(data.str());
  REQUIRE(store.open() == core::StoreMode::Writable);
  CHECK(store.dayResult("2024-03-09")->kind == core::PlayKind::Late);
  CHECK(store.dailyDays() == std::vector<std::string>{"2024-03-08"});
  // The 9th stays a missed day: the streak of the 8th ended, as without the archive play.
  CHECK(core::currentStreak(store.dailyDays(), *core::parseDate("2024-03-10")) == 0);
  // Today's own play is still the day's daily play.
  Run today = play(dailyOptions(data, "2024-03-10"), "1\n1\n");
  CHECK(today.has("Day 2024-03-10 complete. Streak: 1 day.\n"));
  // Again from the archive: the day is recorded, so it is practice.
  Run again = play(o, "1\n1\n");
  CHECK(again.has("(the day is recorded already: this play is practice)"));
  CHECK(store.dayResult("2024-03-09")->kind == core::PlayKind::Late);
}

TEST_CASE("the archive takes past days only, and the day's own scenario") {
  ScratchDir data;
  cli::TextPlayOptions o = dailyOptions(data, "2024-03-10");
  for (const char* day : {"2024-03-10", "2024-03-11", "2024-02-30"}) {
    CAPTURE(day);
    o.archive = day;
    Run r = play(o, "1\n1\n");
    CHECK(r.code == 2);
  }
  o.archive = "2024-03-10";
  CHECK(play(o, "").has("2024-03-10 is today: play today\u2019s scenario as usual.\n"));
  o.archive = "2024-03-11";
  CHECK(play(o, "").has("2024-03-11 has not come yet"));
  o.archive = "2024-03-01";
  o.target = "tiny";
  CHECK(play(o, "").has("--archive plays the day's own scenario"));
  CHECK(playsIn(data).empty());
}

TEST_CASE("a day whose scenario left the library falls back to another one") {
  ScratchDir data;
  {
    core::ProgressStore store(data.str());
    REQUIRE(store.open() == core::StoreMode::Writable);
    std::string pinned;
    REQUIRE(store.pinDay("2024-03-05", "gone-from-the-library", &pinned) == "");
  }
  Run r = play(dailyOptions(data, "2024-03-05"), "1\n1\n");
  CHECK(r.code == 0);
  CHECK(
      r.has("Note: The day\u2019s scenario \u201Cgone-from-the-library\u201D is no longer in "
            "the library; the day has \u201Ctiny\u201D instead.\n"));
  CHECK(r.has("Day 2024-03-05 complete."));
  core::ProgressStore store(data.str());
  REQUIRE(store.open() == core::StoreMode::Writable);
  CHECK(store.pinnedScenario("2024-03-05") == "tiny");
  CHECK(store.dayResult("2024-03-05")->scenarioId == "tiny");
}

TEST_CASE("the day's scenario is fixed when first shown, before the play ends") {
  ScratchDir data;
  Run r = play(dailyOptions(data, "2024-03-06"), "1\n");  // quits early
  CHECK(r.code == 1);
  core::ProgressStore store(data.str());
  REQUIRE(store.open() == core::StoreMode::Writable);
  CHECK(store.pinnedScenario("2024-03-06") == "tiny");
  CHECK(store.dayResult("2024-03-06") == std::nullopt);
  CHECK(store.playCount() == 0);
}

TEST_CASE("a scenario file with errors prints its diagnostics and exits 1") {
  ScratchDir data;
  ScratchDir scenarios;
  fs::copy_file(kPlayFixtures + "/framework.json", scenarios.path() / "framework.json");
  std::ifstream in(kTiny, std::ios::binary);
  std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  text.replace(text.find("\"id\": \"tiny\""), 12, "\"id\": \"broken\"");
  text.replace(text.find("\"next\": \"fallout\""), 17, "\"next\": \"falout\"");
  const fs::path broken = scenarios.path() / "broken.json";
  std::ofstream(broken, std::ios::binary) << text;

  cli::TextPlayOptions o;
  o.date = "2024-03-01";
  o.dataDir = data.str();
  SUBCASE("by path") { o.target = broken.string(); }
  SUBCASE("by id from the library: no valid scenario, each refusal listed") {
    o.target = "broken";
    o.scenariosDir = scenarios.str();
  }
  Run r = play(o, "1\n1\n");
  CHECK(r.code == 1);
  CHECK(r.has(broken.string() + ":"));
  CHECK(r.has(": error: "));
  CHECK(r.has("falout"));
  CHECK_FALSE(r.has("== Debrief =="));
  CHECK(playsIn(data).empty());
}

TEST_CASE("a scenarios folder with no valid scenario says why each file was refused") {
  ScratchDir data;
  ScratchDir scenarios;
  fs::copy_file(kPlayFixtures + "/framework.json", scenarios.path() / "framework.json");
  std::ofstream(scenarios.path() / "empty.json") << "";
  std::ofstream(scenarios.path() / "half.json") << "{\"format\": 1, \"id\": \"half\"";
  cli::TextPlayOptions o = dailyOptions(data, "2024-03-01");
  o.scenariosDir = scenarios.str();
  Run r = play(o, "1\n");
  CHECK(r.code == 1);
  CHECK(r.has((scenarios.path() / "empty.json").string() + ":1:1: error: "));
  CHECK(r.has((scenarios.path() / "half.json").string() + ":"));
  CHECK(r.has("No valid scenario in " + scenarios.str() + " to play.\n"));
}

TEST_CASE("a --scenarios folder that does not exist is named") {
  ScratchDir data;
  cli::TextPlayOptions o = dailyOptions(data, "2024-03-01");
  o.scenariosDir = (data.path() / "no-such-folder").string();
  Run r = play(o, "1\n");
  CHECK(r.code == 1);
  CHECK(r.has("Cannot play: no scenarios folder " + o.scenariosDir + ".\n"));
}

TEST_CASE("an unknown scenario id and a bad date are refused") {
  ScratchDir data;
  cli::TextPlayOptions o = dailyOptions(data, "2024-03-01");
  o.target = "no-such-scenario";
  Run unknown = play(o, "1\n");
  CHECK(unknown.code == 1);
  CHECK(unknown.has("No scenario 'no-such-scenario' in " + kPlayFixtures + ".\n"));

  Run badDate = play(dailyOptions(data, "2023-02-29"), "1\n");
  CHECK(badDate.code == 2);
  CHECK(badDate.out == "--date must be a real date as YYYY-MM-DD, not '2023-02-29'\n");
}

TEST_CASE("playing from a node starts there and is not recorded") {
  ScratchDir data;
  cli::TextPlayOptions o = fileOptions(data);
  o.fromNode = "plan";
  Run r = play(o, "2\n\n");
  CHECK(r.code == 0);
  CHECK_FALSE(r.has("Three weeks?"));
  CHECK(r.has("The beta ships."));
  CHECK(r.has("Ending: mixed\n"));
  CHECK(r.has("Played from node 'plan': not recorded.\n"));
  CHECK(playsIn(data).empty());

  o.fromNode = "nowhere";
  Run bad = play(o, "1\n");
  CHECK(bad.code == 1);
  CHECK(
      bad.has("--from: no node 'nowhere' in tiny; its nodes are ask, plan, shipped, so-so, "
              "fallout\n"));

  // A typo gets the nearest node; flags and trust set the state on arrival.
  o.fromNode = "plna";
  CHECK(play(o, "1\n").has("--from: no node 'plna' in tiny; did you mean 'plan'?\n"));
  o.fromNode = "plan";
  o.startTrust = {{"engineering", 90}};
  Run trusted = play(o, "2\n\n");
  CHECK(trusted.code == 0);
  CHECK(trusted.has("Played from node 'plan' with set flags and trust: not recorded.\n"));
}

TEST_CASE("a failed save is reported and exits 1") {
  ScratchDir data;
  std::ofstream(data.path() / "not-a-folder") << "x";
  cli::TextPlayOptions o = fileOptions(data);
  o.dataDir = (data.path() / "not-a-folder").string();
  Run r = play(o, "1\n1\n");
  CHECK(r.code == 1);
  CHECK(r.has("Note: Progress will not be saved: cannot create folder "));
  CHECK(r.has("== Debrief =="));
  CHECK(r.has("\nProgress not saved: cannot create folder "));
}

TEST_CASE("a damaged progress.db is kept aside with the reason, and play goes on") {
  ScratchDir data;
  std::ofstream(data.path() / "progress.db") << std::string(8192, 'x');
  Run r = play(fileOptions(data), "1\n1\n");
  CHECK(r.code == 0);
  CHECK(
      r.has("Note: progress.db is damaged (SQLite: file is not a database); it was kept as "
            "progress.db.corrupt-"));
  CHECK(playsIn(data).size() == 1);
  std::size_t aside = 0;
  for (const auto& e : fs::directory_iterator(data.path()))
    if (e.path().filename().string().rfind("progress.db.corrupt-", 0) == 0) ++aside;
  CHECK(aside == 1);
}

TEST_CASE("a corrupt settings file in --data-dir is reported and left as it is") {
  ScratchDir data;
  std::ofstream(data.path() / "settings.json") << "{\"theme\": ";
  Run r = play(fileOptions(data), "1\n1\n");
  CHECK(r.code == 0);
  CHECK(r.has("Note: settings: settings.json:1:10: error: "));
  CHECK(r.has("(using default settings)\n"));
  std::ifstream in(data.path() / "settings.json");
  CHECK(std::string(std::istreambuf_iterator<char>(in), {}) == "{\"theme\": ");
}

TEST_CASE("no line of terminal output is wider than 78 columns") {
  ScratchDir data;
  Run r = play(fileOptions(data), "2\nr\n1\n2\n\n");
  REQUIRE(r.code == 0);
  std::istringstream lines(r.out);
  std::size_t n = 0;
  for (std::string line; std::getline(lines, line); ++n) {
    CAPTURE(line);
    CHECK(columns(line) <= 78);
  }
  CHECK(n > 30);
}

TEST_CASE("quitting mid-play and starting again resumes at the same scene") {
  ScratchDir data;
  Run first = play(dailyOptions(data, "2024-03-06"), "1\n");
  CHECK(first.code == 1);
  CHECK(
      first.has("Input ended before the scenario did; today's play is saved as far as it went, "
                "and `trustdaily play --text` offers to resume it today.\n"));
  Run again = play(dailyOptions(data, "2024-03-06"), "r\n1\n");
  CHECK(again.code == 0);
  CHECK(
      again.has("You left today's play unfinished after 1 choice.\n"
                "r = resume where you left it, Enter = start over\n"));
  auto resumed = again.out.find("(Resumed after 1 choice.)\n");
  auto scene = again.out.find("The beta ships.", resumed);
  REQUIRE(resumed != std::string::npos);
  CHECK(scene != std::string::npos);
  CHECK_FALSE(again.has("Three weeks? We haven't"));  // not the first scene again
  CHECK(again.has("Day 2024-03-06 complete."));
  std::vector<core::PlayRecord> plays = playsIn(data);
  REQUIRE(plays.size() == 1);
  CHECK(pathOf(plays[0]) == steps({{"ask", 0}, {"plan", 0}}));
  core::ProgressStore store(data.str());
  REQUIRE(store.open() == core::StoreMode::Writable);
  CHECK(store.unfinished("2024-03-06") == std::nullopt);  // finished: no longer offered
}

TEST_CASE("a resumed misstep still offers its retry, and the first try keeps it") {
  ScratchDir data;
  CHECK(play(dailyOptions(data, "2024-03-06"), "2\n").code == 1);  // left at the retry question
  Run again = play(dailyOptions(data, "2024-03-06"), "r\nr\n1\n1\n");
  CHECK(again.code == 0);
  CHECK(again.has("Your last choice: \u201cTell her the date is fixed by leadership"));
  CHECK(again.has("That was a misstep.\nr = try that again (rewind), Enter = continue\n"));
  CHECK(again.has("Result (first tries): 0 % (-1 of 5) \u00B7 1 retry (retries reached 100 %)\n"));
  CHECK(playsIn(data).at(0).missteps == 1);
}

TEST_CASE("starting over drops the play in progress; another date's is never offered") {
  ScratchDir data;
  CHECK(play(dailyOptions(data, "2024-03-06"), "2\n\n").code == 1);  // misstep, went on, left
  Run other = play(dailyOptions(data, "2024-03-07"), "1\n1\n");
  CHECK_FALSE(other.has("unfinished"));
  Run over = play(dailyOptions(data, "2024-03-06"), "x\n\n1\n1\n");
  CHECK(over.has("Type r to resume, or press Enter to start over.\n"));
  CHECK(over.code == 0);
  CHECK(over.has("Three weeks? We haven't"));
  std::vector<core::PlayRecord> plays = playsIn(data);
  REQUIRE(plays.size() == 2);
  CHECK(plays[1].day == "2024-03-06");
  CHECK(plays[1].missteps == 0);                 // the fresh play, not the one left
  CHECK(plays[1].kind == core::PlayKind::Late);  // 03-07 was recorded first
}

TEST_CASE("a scene's documents are listed as d1..dN, read on request, and unlock choices") {
  ScratchDir data;
  cli::TextPlayOptions o = fileOptions(data);
  o.target = std::string(TRUSTDAILY_FIXTURES) + "/valid/documents.json";
  // A typo, a document that does not exist, the dashboard (which unlocks a
  // choice, so the numbers are listed again), its choice, the email at a
  // scene without documents (refused), then the ungated choice there.
  Run r = play(o, "x\nd3\nd2\n1\nd1\n1\n\n");
  CHECK(r.code == 0);
  std::string golden =
      std::string(TRUSTDAILY_SOURCE_DIR) + "/tests/golden/cli/play-text-documents.txt";
  std::ifstream in(golden, std::ios::binary);
  std::string want((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(r.out == want);
  std::vector<core::PlayRecord> plays = playsIn(data);
  REQUIRE(plays.size() == 1);
  // Documents are no steps; a step keeps those read before its choice.
  REQUIRE(plays[0].decisions.size() == 2);
  CHECK(plays[0].decisions[0].nodeId == "standup");
  CHECK(plays[0].decisions[0].documents == std::vector<std::size_t>{1});
  CHECK(plays[0].decisions[1].nodeId == "marco");
  CHECK(plays[0].decisions[1].documents.empty());
}

TEST_CASE("scripts that never type d are unaffected by documents") {
  ScratchDir data;
  cli::TextPlayOptions o = fileOptions(data);
  o.target = std::string(TRUSTDAILY_FIXTURES) + "/valid/documents.json";
  Run r = play(o, "1\n1\n\n");  // ask, find out (a misstep), go on
  CHECK(r.code == 0);
  CHECK_FALSE(r.has("Type a number"));
  CHECK(r.count("Documents (type d1 or d2 to read one):") == 1);
  CHECK(r.has("Ending: mixed"));
}

TEST_CASE("a resumed play opens again the documents read before its choices") {
  ScratchDir data;
  ScratchDir scenarios;
  fs::copy_file(kPlayFixtures + "/framework.json", scenarios.path() / "framework.json");
  fs::copy_file(std::string(TRUSTDAILY_FIXTURES) + "/valid/documents.json",
                scenarios.path() / "documents.json");
  cli::TextPlayOptions o = dailyOptions(data, "2024-03-06");
  o.scenariosDir = scenarios.str();
  CHECK(play(o, "d2\n1\n").code == 1);  // the dashboard, its choice, then left
  Run again = play(o, "r\n1\n\n");
  CHECK(again.code == 0);
  CHECK(again.has("(Resumed after 1 choice.)"));
  std::vector<core::PlayRecord> plays = playsIn(data);
  REQUIRE(plays.size() == 1);
  CHECK(plays[0].decisions[0].documents == std::vector<std::size_t>{1});
}
