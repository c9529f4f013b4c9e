#pragma once
// First tries: retrying a misstep is the heart of the game, but it never
// raises the recorded result nor erases the misstep. FirstTries sits beside a
// Session and remembers the first choice made at every step of the path and
// how often each step was tried again; recordOf() turns both into the
// PlayRecord that is stored.
#include <optional>
#include <string>
#include <vector>

#include "play_record.hpp"
#include "session.hpp"

namespace trustdaily::core {

class FirstTries {
 public:
  // After session.choose()/chooseByIndex() returned `o`.
  void chose(const ChoiceOutcome& o);
  // After session.rewindTo(step) for another try at that step.
  void retried(std::size_t step);
  // A fresh start (Session::startAt, a new play).
  void clear() { steps_.clear(); }

  // Aligned with session.history(): steps()[i] is history()[i]'s step; then,
  // after a retry not chosen anew yet, that step marked pending.
  std::vector<StepTry> steps(const Session& session) const;
  int retries() const;

 private:
  friend bool resumeSteps(Session&, FirstTries&, const std::vector<StepTry>&);
  struct Entry {
    std::string nodeId;
    std::size_t firstChoice = 0;
    int retries = 0;
  };
  std::vector<Entry> steps_;
};

// Plays saved steps into a fresh session: the chosen choices in order, then
// the first tries. False (session and tries left at the start) when the
// steps no longer fit the scenario (it changed since they were saved).
bool resumeSteps(Session& session, FirstTries& tries, const std::vector<StepTry>& steps);

// Each step of the path with the best choice offered there, the first and
// the chosen choice, their scores and the points the first choice lost.
std::vector<DecisionRecord> decisionsOf(const Session& session, const FirstTries& tries);

// The record of a finished play: the result from first tries (the first
// choices in order, up to the first that ended the scenario), and what the
// retries reached (the session's own path).
PlayRecord recordOf(const Session& session, const FirstTries& tries, const std::string& day,
                    PlayKind kind);

}  // namespace trustdaily::core
