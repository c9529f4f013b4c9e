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
// Above this many nodes the DOT asks Graphviz for a quicker, rougher layout
// (few crossing-minimisation and network-simplex rounds, straight edges):
// with the defaults a 500-node file took over ten minutes in `dot`, with
// these about five seconds (docs/performance.md).
inline constexpr std::size_t kGraphLargeNodes = 150;

// `analysis` may be null (then no path is highlighted). The scenario may be
// a partial model of a file with errors: a `next` or `start` that names no
// node goes to a red placeholder ("missing node 'x'") by a red edge.
std::string graphDot(const Scenario& s, const Analysis* analysis);

// Text cut to at most `maxChars` code points on a UTF-8 boundary, with "..."
// appended when cut.
std::string shortText(const std::string& text, std::size_t maxChars);

}  // namespace trustdaily::core
