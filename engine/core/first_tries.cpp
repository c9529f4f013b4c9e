#include "first_tries.hpp"

#include <stdexcept>

namespace trustdaily::core {

void FirstTries::chose(const ChoiceOutcome& o) {
  if (o.step < steps_.size()) {
    // Another try at a step tried before: its first choice stays.
    steps_.resize(o.step + 1);
    return;
  }
  steps_.resize(o.step);  // no gap is expected; never index past the end
  steps_.push_back(Entry{o.nodeId, o.choiceIndex, 0});
}

void FirstTries::retried(std::size_t step) {
  if (step >= steps_.size()) return;
  steps_[step].retries += 1;
  steps_.resize(step + 1);
}

std::vector<StepTry> FirstTries::steps(const Session& session) const {
  std::vector<StepTry> out;
  for (const ChoiceOutcome& h : session.history()) {
    StepTry t{h.nodeId, h.choiceIndex, h.choiceIndex, 0, h.documentsRead};
    if (h.step < steps_.size() && steps_[h.step].nodeId == h.nodeId) {
      t.firstChoice = steps_[h.step].firstChoice;
      t.retries = steps_[h.step].retries;
    }
    out.push_back(std::move(t));
  }
  // A step tried again and not chosen yet.
  const std::size_t n = session.history().size();
  if (n < steps_.size() && !session.finished() && session.currentNode().id == steps_[n].nodeId)
    out.push_back(StepTry{steps_[n].nodeId,
                          steps_[n].firstChoice,
                          steps_[n].firstChoice,
                          steps_[n].retries,
                          {},
                          true});
  return out;
}

int FirstTries::retries() const {
  int n = 0;
  for (const Entry& e : steps_) n += e.retries;
  return n;
}

bool resumeSteps(Session& session, FirstTries& tries, const std::vector<StepTry>& steps) {
  tries.clear();
  const Session fresh = session;  // the state is a plain copy (documents opened too)
  try {
    for (const StepTry& s : steps) {
      const Node& node = session.currentNode();
      if (session.finished() || node.id != s.nodeId || s.firstChoice >= node.choices.size())
        throw std::out_of_range("saved step does not fit");
      for (std::size_t d : s.documents) session.openDocument(d);
      // Documents read before the chosen choice include those read before
      // the first one (a retry restores the state before the step).
      const Choice& first = node.choices[s.firstChoice];
      if (first.condition && !conditionHolds(*first.condition, session.state()))
        throw std::out_of_range("saved first choice not offered");
      tries.steps_.push_back(FirstTries::Entry{s.nodeId, s.firstChoice, s.retries});
      if (s.pending) break;  // at its scene again, to choose anew
      session.chooseByIndex(s.chosenChoice);
    }
  } catch (const std::out_of_range&) {
    session = fresh;
    tries.clear();
    return false;
  }
  return true;
}

std::vector<DecisionRecord> decisionsOf(const Session& session, const FirstTries& tries) {
  const Scenario& s = session.scenario();
  std::vector<DecisionRecord> out;
  std::vector<StepTry> steps = tries.steps(session);
  for (std::size_t i = 0; i < steps.size() && !steps[i].pending; ++i) {
    const Node& node = *s.findNode(steps[i].nodeId);
    const PlayState& before = session.stateBefore(i);
    DecisionRecord d;
    d.nodeId = node.id;
    d.firstChoice = steps[i].firstChoice;
    d.chosenChoice = steps[i].chosenChoice;
    d.retries = steps[i].retries;
    d.documents = steps[i].documents;
    for (std::size_t c = 0; c < node.choices.size(); ++c) {
      const Choice& choice = node.choices[c];
      if (choice.condition && !conditionHolds(*choice.condition, before)) continue;
      if (!d.bestScore || choice.scoreSum > *d.bestScore) {  // ties: the first in file order
        d.bestScore = choice.scoreSum;
        d.bestChoice = c;
      }
    }
    d.firstScore = node.choices[d.firstChoice].scoreSum;
    d.chosenScore = node.choices[d.chosenChoice].scoreSum;
    d.misstep = isMisstep(s, node.choices[d.firstChoice]);
    out.push_back(std::move(d));
  }
  return out;
}

PlayRecord recordOf(const Session& session, const FirstTries& tries, const std::string& day,
                    PlayKind kind) {
  const Scenario& s = session.scenario();
  PlayRecord r;
  r.scenarioId = s.id;
  r.day = day;
  r.kind = kind;
  r.decisions = decisionsOf(session, tries);
  r.bestTotal = session.analysis().bestTotal;
  r.reached = {session.percent(), session.total(),
               std::string(endingName(session.currentNode().ending))};
  // The first tries in order, up to the first of them that ended the
  // scenario: a misstep into a failure ending is where the first try ended,
  // whatever the retries reached after it.
  r.firstTry.ending = r.reached.ending;
  int total = 0;
  for (const DecisionRecord& d : r.decisions) {
    const Choice& first = s.findNode(d.nodeId)->choices[d.firstChoice];
    total += first.scoreSum;
    for (const auto& [principle, v] : first.score) r.principleTotals[principle] += v;
    const Node& next = s.node(first.nextIndex);
    if (next.isEnding) {
      r.firstTry.ending = std::string(endingName(next.ending));
      break;
    }
  }
  // Missteps and retries after the first try ended still count.
  for (const DecisionRecord& d : r.decisions) {
    r.retries += d.retries;
    r.missteps += d.misstep ? 1 : 0;
  }
  r.firstTry.total = total;
  r.firstTry.percent = session.analysis().percentOf(total);
  r.finishedAt = localTimestamp();
  return r;
}

}  // namespace trustdaily::core
