#pragma once
// Graphviz DOT for a scenario: one DOT node per scenario node (scenes as
// boxes, decisions filled blue, beats white, endings as octagons coloured by
// kind), one DOT edge per choice labelled with its short text and score sum,
// conditional choices dashed with their condition, and the analysis' best
// path drawn thick and blue. One statement a line, so tools and tests can
// count nodes ("  \"id\" [") and edges ("  \"a\" -> \"b\" [").
#include <cstddef>
#include <string>

#include "analysis.hpp"
#include "scenario.hpp"

namespace trustdaily::core {

// Choice text in edge labels is cut to this many code points, with "...".
inline constexpr std::size_t kGraphLabelChars = 32;

// `analysis` may be null (then no path is highlighted).
std::string graphDot(const Scenario& s, const Analysis* analysis);

// Text cut to at most `maxChars` code points on a UTF-8 boundary, with "..."
// appended when cut.
std::string shortText(const std::string& text, std::size_t maxChars);

}  // namespace trustdaily::core
