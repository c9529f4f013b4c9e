#include "share_text.hpp"

#include <algorithm>
#include <cmath>

namespace trustdaily::core {

namespace {

// A principle the best path earns nothing on is left out, unless the play
// lost points on it: a loss is never hidden.
bool shown(const SharePrinciple& p) { return p.available > 0 || p.earned < 0; }

}  // namespace

const char* decisionSymbol(DecisionMark m) {
  switch (m) {
    case DecisionMark::Best:
      return "\U0001F7E9";  // green square
    case DecisionMark::Fine:
      return "\U0001F7E8";  // yellow square
    case DecisionMark::Misstep:
      return "\U0001F7E5";  // red square
    case DecisionMark::Retried:
      return "\U0001F501";  // repeat arrows
  }
  return "?";
}

std::string shareText(const ShareInput& in) {
  std::string out = "Trust Daily " + in.date + " \u00B7 " +
                    std::to_string(std::clamp(in.percent, 0, 100)) + " %\n";
  for (DecisionMark m : in.decisions) out += decisionSymbol(m);
  if (!in.decisions.empty()) out += "\n";
  std::size_t width = 0;
  for (const SharePrinciple& p : in.principles)
    if (shown(p)) width = std::max(width, p.name.size());
  for (const SharePrinciple& p : in.principles) {
    if (!shown(p)) continue;
    const double share = p.available > 0 ? static_cast<double>(p.earned) / p.available : 0.0;
    const int filled =
        std::clamp(static_cast<int>(std::lround(share * kShareBarCells)), 0, kShareBarCells);
    std::string line = p.name + std::string(width - p.name.size() + 2, ' ');
    for (int i = 0; i < kShareBarCells; ++i) line += i < filled ? "\u25B0" : "\u25B1";
    if (p.earned < 0) line += " \u2212";
    out += line + "\n";
  }
  return out;
}

}  // namespace trustdaily::core
