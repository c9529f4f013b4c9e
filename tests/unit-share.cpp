// The share text: spoiler-free, one symbol per decision, principle bars;
// pinned by golden files under tests/golden/share/.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "core/share_text.hpp"

using namespace trustdaily::core;

namespace {

std::string golden(const std::string& name) {
  std::ifstream in(std::string(TRUSTDAILY_SOURCE_DIR) + "/tests/golden/share/" + name,
                   std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST_CASE("a mixed day: every kind of decision and a negative principle") {
  ShareInput in;
  in.date = "2026-12-04";
  in.percent = 73;
  in.decisions = {DecisionMark::Best, DecisionMark::Fine, DecisionMark::Misstep,
                  DecisionMark::Retried, DecisionMark::Best};
  // 4 of 5 -> 4 cells; 2 of 6 -> 2 cells (1.67 rounds up); -1 of 3 -> none, marked;
  // nothing available -> left out.
  in.principles = {
      {"Context", 4, 5}, {"Candour", 2, 6}, {"Influence", -1, 3}, {"Follow-through", 0, 0}};
  CHECK(shareText(in) == golden("mixed-day.txt"));
}

TEST_CASE("a perfect day") {
  ShareInput in;
  in.date = "2027-01-01";
  in.percent = 100;
  in.decisions = {DecisionMark::Best, DecisionMark::Best, DecisionMark::Best};
  in.principles = {{"Context", 6, 6}, {"Candour", 3, 3}};
  CHECK(shareText(in) == golden("perfect-day.txt"));
}

TEST_CASE("the share text holds no more than the date, the result, symbols and principles") {
  ShareInput in;
  in.date = "2026-12-05";
  in.percent = 140;  // clamped: a percentage is 0..100
  in.decisions = {DecisionMark::Misstep};
  const std::string text = shareText(in);
  CHECK(text == "Trust Daily 2026-12-05 \u00B7 100 %\n\U0001F7E5\n");
  in.percent = -5;
  in.decisions.clear();
  CHECK(shareText(in) == "Trust Daily 2026-12-05 \u00B7 0 %\n");
  CHECK(std::string(decisionSymbol(DecisionMark::Retried)) == "\U0001F501");
}

TEST_CASE("a loss on a principle the best path leaves untouched is shown, not hidden") {
  ShareInput in;
  in.date = "2026-12-06";
  in.percent = 50;
  in.principles = {{"Context", 1, 2}, {"Candour", -2, 0}, {"Influence", 0, 0}};
  CHECK(shareText(in) ==
        "Trust Daily 2026-12-06 \u00B7 50 %\n"
        "Context  \u25B0\u25B0\u25B0\u25B1\u25B1\n"
        "Candour  \u25B1\u25B1\u25B1\u25B1\u25B1 \u2212\n");
}
