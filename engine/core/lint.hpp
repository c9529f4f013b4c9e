#pragma once
// Content lint: things a valid scenario can still get wrong as teaching
// (answer tells, one-sided decisions, feedback that explains nothing, walls
// of text). Every finding is a Diagnostic with an L0xx code from the one
// catalogue, Severity::Warning. The rules and their thresholds are
// documented with examples in docs/authoring.md ("Content lint").
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "analysis.hpp"
#include "diagnostic.hpp"
#include "framework.hpp"
#include "json_source.hpp"
#include "loader.hpp"
#include "scenario.hpp"

namespace trustdaily::core {

// L006 thresholds, in Unicode code points (the format's limits are higher).
inline constexpr std::size_t kLintSceneText = 900;   // scene and ending text
inline constexpr std::size_t kLintChoiceText = 200;  // choice text
inline constexpr std::size_t kLintFeedback = 500;    // feedback
inline constexpr std::size_t kLintLesson = 400;      // ending lesson
// L001/L002: a pattern is "most decisions" when it holds in more than half of
// them and in at least this many.
inline constexpr std::size_t kLintPatternMin = 3;
// L008: a success ending must need at least this percentage of the best total.
inline constexpr int kLintSuccessMinPercent = 60;

// L011: the placeholders `trustdaily new` writes, so that a fresh skeleton
// validates but fails `lint --strict` until it is written (the skeleton
// uses these same constants).
inline constexpr std::string_view kPlaceholderPrefix = "Replace with";
inline constexpr std::string_view kPlaceholderTitlePrefix = "New scenario: ";
inline constexpr std::string_view kPlaceholderAuthor = "Your name";

// Lints one validated scenario. `doc`, when given, is the parsed file and
// gives exact positions of the offending values; without it positions fall
// back to the node, choice or cast member. `analysis` is the scenario's
// exact analysis (computed here when not given).
std::vector<Diagnostic> lintScenario(const Scenario& s, const Framework& fw,
                                     const PositionedJson* doc = nullptr,
                                     const Analysis* analysis = nullptr);

// Lints every scenario of a loaded library (files with errors are not
// linted). Returns the library's own diagnostics followed by the lint
// findings, sorted by file, then line.
std::vector<Diagnostic> lintLibrary(const Library& lib, const Framework& fw);

// The content words of a text as the L004 heuristic sees them: lowercase
// ASCII-folded words of 4+ letters that are not stop words, reduced to a
// crude stem (exposed for the tests and the docs).
std::vector<std::string> contentWords(const std::string& text);
// Every word of a text, lowercased (ASCII), split as contentWords splits.
std::vector<std::string> textWords(const std::string& text);
// Four letters or more and not a stop word.
bool isContentWord(const std::string& word);

}  // namespace trustdaily::core
