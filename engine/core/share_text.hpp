#pragma once
// The spoiler-free result a player shares after the day (Wordle's grid for a
// training game): the date, the first-try percentage, one symbol per
// decision and the principles as short bars. No scenario words: no title,
// no scene, no choice text, so a friend who has not played yet loses nothing.
#include <string>
#include <vector>

namespace trustdaily::core {

// How the first try at one decision went.
enum class DecisionMark {
  Best,     // the best choice offered there
  Fine,     // weaker than the best, not a misstep
  Misstep,  // a misstep, left as it was
  Retried,  // a misstep, then tried again
};

struct SharePrinciple {
  std::string name;   // the framework's principle name
  int earned = 0;     // first-try total, signed
  int available = 0;  // the best path's total
};

struct ShareInput {
  std::string date;  // YYYY-MM-DD
  int percent = 0;   // first tries, 0..100
  std::vector<DecisionMark> decisions;
  std::vector<SharePrinciple> principles;  // in framework order
};

// Cells in a principle's bar.
inline constexpr int kShareBarCells = 5;

// For example:
//   Trust Daily 2026-12-04 · 73 %
//   🟩🟨🟥🔁🟩
//   Context    ▰▰▰▰▱
//   Candour    ▰▰▱▱▱
// A principle's bar fills earned/available of its cells (rounded, none for a
// negative total, which is marked "−"); principles with nothing available
// are left out, unless the play lost points on them (an empty bar, "−").
std::string shareText(const ShareInput& in);
// The symbol of one decision: 🟩 best, 🟨 fine, 🟥 misstep, 🔁 retried.
const char* decisionSymbol(DecisionMark m);

}  // namespace trustdaily::core
