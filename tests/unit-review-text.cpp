// `trustdaily review` in the terminal: the due items played one after
// another with play --text's screens and line protocol, graded and saved
// after each answer; the whole output of a known run pinned by a golden file
// (tests/golden/review/).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/play_text.hpp"
#include "core/progress_store.hpp"
#include "support/scratch_dir.hpp"

using namespace trustdaily;

namespace {

const std::string kPlayFixtures = std::string(TRUSTDAILY_FIXTURES) + "/play";

std::string golden(const std::string& name) {
  std::ifstream in(std::string(TRUSTDAILY_SOURCE_DIR) + "/tests/golden/review/" + name,
                   std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct Run {
  int code = -1;
  std::string out;
};

// The day's play of tiny.json with missteps at both decisions.
void playWithTwoMissteps(const testing::ScratchDir& data, const std::string& day) {
  cli::TextPlayOptions o;
  o.date = day;
  o.dataDir = data.str();
  o.scenariosDir = kPlayFixtures;
  std::istringstream in("2\n\n2\n\n");
  std::ostringstream out;
  REQUIRE(cli::runTextPlay(o, in, out) == 0);
}

Run review(const testing::ScratchDir& data, const std::string& day, const std::string& input,
           const std::string& scenarios = kPlayFixtures) {
  std::istringstream in(input);
  std::ostringstream out;
  Run r;
  r.code = cli::runTextReview({day, data.str(), scenarios}, in, out);
  r.out = out.str();
  return r;
}

}  // namespace

TEST_CASE("review plays the due items in turn, grades and saves each answer, says what is next") {
  testing::ScratchDir data;
  playWithTwoMissteps(data, "2026-12-01");
  Run none = review(data, "2026-12-01", "");
  CHECK(none.code == 0);
  CHECK(none.out ==
        "Trust Daily \u2014 2026-12-01 \u2014 review\n"
        "Nothing to review today. Next review: 2026-12-02 (tomorrow).\n");

  // The best choice at "ask", a document-free misstep again at "plan".
  Run r = review(data, "2026-12-02", "x\n1\n2\n");
  CHECK(r.code == 0);
  CHECK(r.out == golden("two-due.txt"));
  core::ProgressStore store(data.str());
  REQUIRE(store.open() == core::StoreMode::Writable);
  std::vector<core::ReviewItem> open = store.openReviews();
  REQUIRE(open.size() == 2);
  CHECK(open[0].nodeId == "plan");
  CHECK(open[0].dueDay() == "2026-12-03");
  CHECK(open[1].nodeId == "ask");
  CHECK(open[1].dueDay() == "2026-12-04");
  CHECK(store.reviewLog(open[1].id).back().grade == core::fsrs::Grade::Good);
  CHECK(store.reviewLog(open[1].id).back().source == "review");
  // Reviews are not plays: no result, no streak moves.
  CHECK(store.playCount() == 1);
}

TEST_CASE("review input that ends early keeps the answers given") {
  testing::ScratchDir data;
  playWithTwoMissteps(data, "2026-12-01");
  Run r = review(data, "2026-12-02", "1\n");
  CHECK(r.code == 1);
  CHECK(r.out.find("Input ended before the reviews did; the answers given so far are saved.\n") !=
        std::string::npos);
  core::ProgressStore store(data.str());
  REQUIRE(store.open() == core::StoreMode::Writable);
  CHECK(store.dueReviews("2026-12-02").size() == 1);
}

TEST_CASE("review retires, with a note, items whose scenario left the library") {
  testing::ScratchDir data;
  playWithTwoMissteps(data, "2026-12-01");
  testing::ScratchDir emptyLibrary;
  std::ofstream(emptyLibrary.path() / "framework.json")
      << std::ifstream(kPlayFixtures + "/framework.json").rdbuf();
  Run r = review(data, "2026-12-02", "", emptyLibrary.str());
  CHECK(r.code == 0);
  CHECK(
      r.out.find("Note: A review of tiny (at ask) was retired: the scenario left the library.\n") !=
      std::string::npos);
  CHECK(r.out.find("Nothing to review today. Nothing left to review.\n") != std::string::npos);
}

TEST_CASE("review with nothing played says so and creates no database") {
  testing::ScratchDir data;
  Run r = review(data, "2026-12-01", "");
  CHECK(r.code == 0);
  CHECK(r.out ==
        "Trust Daily \u2014 2026-12-01 \u2014 review\n"
        "Nothing to review yet: missteps of the day's plays come back here.\n");
  CHECK_FALSE(std::filesystem::exists(data.path() / "progress.db"));
}

TEST_CASE("review refuses a date that is not one") {
  testing::ScratchDir data;
  Run r = review(data, "2026-02-30", "");
  CHECK(r.code == 2);
}

TEST_CASE("history lists every open review item with its due date, as text and as \"reviews\"") {
  testing::ScratchDir data;
  playWithTwoMissteps(data, "2026-12-01");
  REQUIRE(review(data, "2026-12-02", "1\n2\n").code == 0);
  auto history = [&](const std::string& format) {
    std::ostringstream captured;
    std::streambuf* old = std::cout.rdbuf(captured.rdbuf());
    cli::HistoryOptions o;
    o.format = format;
    o.dataDir = data.str();
    o.date = "2026-12-03";
    int code = cli::runHistory(o);
    std::cout.rdbuf(old);
    CHECK(code == 0);
    return captured.str();
  };
  nlohmann::json j = nlohmann::json::parse(history("json"));
  REQUIRE(j["reviews"].size() == 2);
  CHECK(j["reviews"][0]["scenario"] == "tiny");
  CHECK(j["reviews"][0]["node"] == "plan");
  CHECK(j["reviews"][0]["due"] == "2026-12-03");
  CHECK(j["reviews"][0]["due_now"] == true);
  CHECK(j["reviews"][0]["reps"] == 2);
  CHECK(j["reviews"][0]["lapses"] == 1);
  CHECK(j["reviews"][1]["node"] == "ask");
  CHECK(j["reviews"][1]["due"] == "2026-12-04");
  CHECK(j["reviews"][1]["due_now"] == false);
  CHECK(j["reviews"][1]["stability"].is_number());
  CHECK(j.contains("review"));  // the latest play's missteps, as before
  const std::string text = history("text");
  CHECK(text.find("Missteps to review (`trustdaily review` plays the due ones):\n"
                  "  due today       tiny  at plan  (reviewed 2 times)\n"
                  "  due 2026-12-04  tiny  at ask  (reviewed 2 times)\n") != std::string::npos);
}
