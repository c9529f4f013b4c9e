#pragma once
// The share text's input from a recorded play: what the day's result looks
// like without a word of the scenario (see share_text.hpp).
#include "analysis.hpp"
#include "framework.hpp"
#include "play_record.hpp"
#include "scenario.hpp"
#include "share_text.hpp"

namespace trustdaily::core {

// How the first try at one recorded decision went: a misstep (isMisstep, the
// rule the whole core uses) is Retried when it was tried again, else
// Misstep; otherwise Best when it scored as much as the best choice offered
// there, else Fine. A scene that no longer fits the scenario (it changed
// since the play) falls back on what the record kept.
DecisionMark decisionMarkOf(const DecisionRecord& d, const Scenario& s);

// The share input of a finished play: its day, its first-try percentage,
// one mark per decision of the path it was recorded with (each the first
// try at that decision, retries counted; beats, scenes of one choice, are
// not decisions), and per framework principle (in framework order) the
// first-try total against the best path's.
ShareInput shareInputFor(const PlayRecord& play, const Scenario& s, const Analysis& a,
                         const Framework& fw);

// The same when the scenario has left the library: the marks the record
// kept (beats cannot be told apart there), and no principle bars (what the
// best path earns is unknown).
ShareInput shareInputFor(const PlayRecord& play);

}  // namespace trustdaily::core
