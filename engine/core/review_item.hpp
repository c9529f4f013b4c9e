#pragma once
// A misstep kept for review: the scene just before it, the state it had
// (flags, trust), and how a later answer there is graded. The store keeps the
// items and their FSRS schedule (fsrs.hpp); this holds the rules that need
// only the scenario.
#include <cstddef>
#include <optional>
#include <string>

#include "fsrs.hpp"
#include "scenario.hpp"
#include "session.hpp"

namespace trustdaily::core {

// A review answer's grade from the choice made, among those offered in that
// state: a misstep is Again, the best-scored choice offered is Good, any
// other (weaker, not a misstep) is Hard.
fsrs::Grade gradeChoice(const Scenario& scenario, const Node& node, const PlayState& state,
                        std::size_t choiceIndex);

// The state a review starts from, as stored: {"flags": [...], "trust": {...}}.
// Totals and documents read are not kept (a review scores one decision).
std::string reviewStateJson(const PlayState& state);
// Back into a play state at `nodeIndex`; nullopt when the text is not such an
// object (a damaged row).
std::optional<PlayState> reviewStateFromJson(const std::string& json, std::size_t nodeIndex);

// What a scene is for review purposes, as a short hex digest: its text, its
// documents and its choices (text, next scene, score, trust, flags set,
// conditions). An item whose scene's fingerprint changed retires: the
// question it asks is not the one the player got wrong.
std::string nodeFingerprint(const Node& node);

// Why an item can no longer be reviewed, or empty when it can: the scenario
// left the library (scenario == nullptr), the scene is gone or changed, or
// its misstep is no longer a misstep there.
std::string retireReason(const Scenario* scenario, const std::string& nodeId,
                         const std::string& fingerprint, std::size_t misstepChoice);

}  // namespace trustdaily::core
