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
#include "core/progress.hpp"
#include "support/scratch_dir.hpp"

using namespace trustdaily;
namespace fs = std::filesystem;

namespace {

const std::string kPlayFixtures = std::string(TRUSTDAILY_FIXTURES) + "/play";
const std::string kTiny = kPlayFixtures + "/tiny.json";

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

core::Progress progressIn(const ScratchDir& data) {
  core::ProgressLoad loaded = core::ProgressStore(data.str()).load();
  REQUIRE(loaded.problem == "");
  return loaded.progress;
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
  CHECK(r.has("Score: 5 of a best 5 (100%)\nMissteps: none\n"));
  CHECK(r.has("Recorded as a practice play"));

  // A file given by path is a library play: recorded, no day result.
  core::Progress p = progressIn(data);
  REQUIRE(p.plays.size() == 1);
  CHECK(p.plays[0].scenarioId == "tiny");
  CHECK(p.plays[0].kind == core::PlayKind::Library);
  CHECK(p.plays[0].day == "2024-03-01");
  CHECK(p.plays[0].percent == 100);
  CHECK(p.plays[0].total == 5);
  CHECK(p.plays[0].ending == "success");
  CHECK(p.plays[0].path == steps({{"ask", 0}, {"plan", 0}}));
  CHECK(p.plays[0].missteps.empty());
  CHECK(p.days.empty());
}

TEST_CASE("rewinding after a misstep restores the state before it") {
  ScratchDir data;
  Run r = play(fileOptions(data), "2\nr\n1\n1\n");
  CHECK(r.code == 0);
  CHECK(
      r.has("  -2 Influence beats authority\n"
            "  -1 Context beats instruction\n"
            "  Engineering 50 \u2192 35\n"
            "\nThat was a misstep.\nr = try that again (rewind), Enter = continue\n"));
  CHECK(r.has("(Rewound to just before that choice.)"));
  // Trust starts again from 50, not from 35.
  CHECK(r.has("  Engineering 50 \u2192 62\n"));
  CHECK(r.has("Trust:\n  Engineering 50 \u2192 67 (+17)\n"));
  CHECK(r.has("Score: 5 of a best 5 (100%)\nMissteps: none\n"));

  core::Progress p = progressIn(data);
  REQUIRE(p.plays.size() == 1);
  CHECK(p.plays[0].path == steps({{"ask", 0}, {"plan", 0}}));
  CHECK(p.plays[0].missteps.empty());
}

TEST_CASE("continuing after a misstep keeps it in the debrief and the record") {
  ScratchDir data;
  Run r = play(fileOptions(data), "2\n\n1\n");
  CHECK(r.code == 0);
  CHECK(
      r.has("Score: -1 of a best 5 (0%)\n"
            "Missteps:\n"
            "  - at ask (-3): \u201cTell her the date is fixed by leadership and not up for\n"
            "    debate.\u201d\n"));
  core::Progress p = progressIn(data);
  REQUIRE(p.plays.size() == 1);
  CHECK(p.plays[0].percent == 0);
  CHECK(p.plays[0].total == -1);
  CHECK(p.plays[0].missteps == std::vector<std::size_t>{0});
  auto pending = p.pendingMissteps();
  REQUIRE(pending.size() == 1);
  CHECK(pending[0].second == 0);
}

TEST_CASE("a misstep straight into failure shows the ending before offering a rewind") {
  ScratchDir data;
  Run r = play(fileOptions(data), "3\n\n");
  CHECK(r.code == 0);
  auto ending = r.out.find("-- Ending: failure --\nThe date slips");
  auto offer = r.out.find("That was a misstep.");
  REQUIRE(ending != std::string::npos);
  REQUIRE(offer != std::string::npos);
  CHECK(ending < offer);
  CHECK(r.has("== Debrief ==\nEnding: failure\n"));
  CHECK(progressIn(data).plays.at(0).ending == "failure");
}

TEST_CASE("input that is not an offered number is asked for again") {
  ScratchDir data;
  Run r = play(fileOptions(data), "9\nabc\n0\n\n 1 \n2\nx\n\n");
  CHECK(r.code == 0);
  CHECK(r.count("Type a number from 1 to 3.\n") == 4);
  CHECK(r.count("Type r to try again, or press Enter to continue.\n") == 1);
  CHECK(progressIn(data).plays.at(0).path == steps({{"ask", 0}, {"plan", 1}}));
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
  CHECK_FALSE(fs::exists(data.path() / "progress.json"));
}

TEST_CASE("today's scenario is assigned to the day, is its result and counts toward the streak") {
  ScratchDir data;
  Run first = play(dailyOptions(data, "2024-02-28"), "1\n1\n");
  CHECK(first.code == 0);
  CHECK(first.has("Trust Daily \u2014 2024-02-28 \u2014 today's scenario\n"));
  CHECK(first.has("Day 2024-02-28 complete. Streak: 1 day.\n"));
  core::Progress p = progressIn(data);
  REQUIRE(p.days.count("2024-02-28") == 1);
  CHECK(p.days.at("2024-02-28").scenarioId == "tiny");
  REQUIRE(p.days.at("2024-02-28").result.has_value());
  CHECK(p.days.at("2024-02-28").result->kind == core::PlayKind::Daily);
  CHECK(p.days.at("2024-02-28").result->percent == 100);

  // Playing the day again is practice: the day's result stays the first one.
  Run again = play(dailyOptions(data, "2024-02-28"), "2\n\n2\n\n");
  CHECK(again.code == 0);
  CHECK(again.has("Recorded as a practice play"));
  p = progressIn(data);
  CHECK(p.plays.size() == 2);
  CHECK(p.plays[1].kind == core::PlayKind::Library);
  CHECK(p.days.at("2024-02-28").result->percent == 100);

  // The next day, across the leap day, by id.
  cli::TextPlayOptions byId = dailyOptions(data, "2024-02-29");
  byId.target = "tiny";
  Run next = play(byId, "2\n\n1\n");
  CHECK(next.code == 0);
  CHECK(next.has("Day 2024-02-29 complete. Streak: 2 days.\n"));
  p = progressIn(data);
  CHECK(p.days.at("2024-02-29").result->percent == 0);
  CHECK(p.streak(*core::parseDate("2024-03-01")) == 2);
}

TEST_CASE("a day keeps the scenario it was first given") {
  ScratchDir data;
  core::ProgressStore store(data.str());
  core::Progress p;
  p.assignDay(*core::parseDate("2024-03-05"), "gone-from-the-library");
  REQUIRE(store.save(p) == "");
  Run r = play(dailyOptions(data, "2024-03-05"), "1\n1\n");
  CHECK(r.code == 1);
  CHECK(r.has("No scenario 'gone-from-the-library' in " + kPlayFixtures + ".\n"));
  CHECK(progressIn(data).days.at("2024-03-05").scenarioId == "gone-from-the-library");
}

TEST_CASE("the day's scenario is recorded when first shown, before the play ends") {
  ScratchDir data;
  Run r = play(dailyOptions(data, "2024-03-06"), "1\n");  // quits early
  CHECK(r.code == 1);
  core::Progress p = progressIn(data);
  CHECK(p.days.at("2024-03-06").scenarioId == "tiny");
  CHECK_FALSE(p.days.at("2024-03-06").result.has_value());
  CHECK(p.plays.empty());
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
  SUBCASE("by id from the library") {
    o.target = "broken";
    o.scenariosDir = scenarios.str();
  }
  Run r = play(o, "1\n1\n");
  CHECK(r.code == 1);
  CHECK(r.has(broken.string() + ":"));
  CHECK(r.has(": error: "));
  CHECK(r.has("falout"));
  CHECK_FALSE(r.has("== Debrief =="));
  CHECK_FALSE(fs::exists(data.path() / "progress.json"));
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
  CHECK_FALSE(fs::exists(data.path() / "progress.json"));

  o.fromNode = "nowhere";
  Run bad = play(o, "1\n");
  CHECK(bad.code == 1);
  CHECK(bad.has("--from: no node 'nowhere' in tiny; its nodes are ask, plan, shipped, so-so, "
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
  CHECK(r.has("== Debrief =="));
  CHECK(r.has("\nProgress not saved: cannot create folder "));
}

TEST_CASE("a corrupt progress file is reported and play goes on") {
  ScratchDir data;
  std::ofstream(data.path() / "progress.json") << "{ not json";
  Run r = play(fileOptions(data), "1\n1\n");
  CHECK(r.code == 0);
  CHECK(r.has("Note: Your progress file could not be read ("));
  CHECK(progressIn(data).plays.size() == 1);
  std::size_t aside = 0;
  for (const auto& e : fs::directory_iterator(data.path()))
    if (e.path().filename().string().rfind("progress.json.corrupt-", 0) == 0) ++aside;
  CHECK(aside == 1);
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
  core::Progress p = progressIn(data);
  REQUIRE(p.plays.size() == 1);
  // Documents are no steps; a step keeps those read before its choice.
  CHECK(p.plays[0].path == std::vector<core::PathStep>{{"standup", 0, {1}}, {"marco", 1, {}}});
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
