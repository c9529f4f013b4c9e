#include "session.hpp"

#include <algorithm>
#include <stdexcept>

namespace trustdaily::core {

PlayState initialState(const Scenario& s) {
  PlayState st;
  st.node = s.startIndex;
  for (const auto& p : s.partners) st.trust[p] = kTrustStart;
  return st;
}

bool isMisstep(const Scenario& s, const Choice& c) {
  const Node& next = s.node(c.nextIndex);
  return c.scoreSum < 0 || (next.isEnding && next.ending == EndingKind::Failure);
}

namespace {
int trustOf(const PlayState& st, const std::string& partner) {
  auto it = st.trust.find(partner);
  return it == st.trust.end() ? kTrustStart : it->second;
}
}  // namespace

bool conditionHolds(const Condition& c, const PlayState& st) {
  for (const auto& f : c.flags)
    if (!st.flags.count(f)) return false;
  for (const auto& f : c.notFlags)
    if (st.flags.count(f)) return false;
  for (const auto& [p, v] : c.trustMin)
    if (trustOf(st, p) < v) return false;
  for (const auto& [p, v] : c.trustMax)
    if (trustOf(st, p) > v) return false;
  return true;
}

Session::Session(ScenarioPtr scenario, std::shared_ptr<const Analysis> analysis)
    : scenario_(std::move(scenario)), analysis_(std::move(analysis)) {
  if (!scenario_) throw std::invalid_argument("Session needs a scenario");
  if (!analysis_) analysis_ = std::make_shared<Analysis>();
  state_ = initialState(*scenario_);
}

Phase Session::phase() const { return currentNode().isEnding ? Phase::Finished : Phase::Choosing; }

const Node& Session::currentNode() const { return scenario_->node(state_.node); }

std::vector<OfferedChoice> Session::choices() const {
  std::vector<OfferedChoice> out;
  const Node& n = currentNode();
  if (n.isEnding) return out;
  for (std::size_t i = 0; i < n.choices.size(); ++i) {
    const Choice& c = n.choices[i];
    if (!c.condition || conditionHolds(*c.condition, state_)) out.push_back({i, &c});
  }
  return out;
}

const Document& Session::openDocument(std::size_t i) {
  const Node& n = currentNode();
  if (n.isEnding || i >= n.documents.size()) throw std::out_of_range("no such document");
  const Document& d = n.documents[i];
  for (const auto& f : d.sets) state_.flags.insert(f);
  state_.documentsOpened.emplace(state_.node, i);
  return d;
}

bool Session::documentOpened(std::size_t i) const {
  return state_.documentsOpened.count({state_.node, i}) != 0;
}

ChoiceOutcome Session::choose(std::size_t offered) {
  auto offer = choices();
  if (offered >= offer.size()) throw std::out_of_range("choice not offered");
  return chooseByIndex(offer[offered].index);
}

ChoiceOutcome Session::chooseByIndex(std::size_t choiceIndex) {
  const Node& n = currentNode();
  if (n.isEnding || choiceIndex >= n.choices.size()) throw std::out_of_range("no such choice");
  const Choice& c = n.choices[choiceIndex];
  if (c.condition && !conditionHolds(*c.condition, state_))
    throw std::out_of_range("choice not offered in this state");

  ChoiceOutcome o;
  o.step = history_.size();
  o.nodeId = n.id;
  o.choiceIndex = choiceIndex;
  o.choiceText = c.text;
  o.feedback = c.feedback;
  o.score = c.score;
  o.behaviours = c.behaviours;
  o.scoreSum = c.scoreSum;
  o.scored = !c.score.empty();
  const Node& next = scenario_->node(c.nextIndex);
  o.nextNodeId = next.id;
  o.misstep = isMisstep(*scenario_, c);
  for (const auto& [node, doc] : state_.documentsOpened)
    if (node == state_.node) o.documentsRead.push_back(doc);

  before_.push_back(state_);
  for (const auto& [p, v] : c.score) state_.totals[p] += v;
  for (const auto& [p, d] : c.trust) {
    int old = trustOf(state_, p);
    int now = std::clamp(old + d, kTrustMin, kTrustMax);
    state_.trust[p] = now;
    if (now != old) o.trustDelta[p] = now - old;
  }
  for (const auto& f : c.sets) state_.flags.insert(f);
  state_.node = c.nextIndex;
  history_.push_back(o);
  return o;
}

void Session::rewindTo(std::size_t step) {
  if (step >= history_.size()) throw std::out_of_range("no such step");
  state_ = before_[step];
  before_.resize(step);
  history_.resize(step);
}

void Session::startAt(std::size_t nodeIndex) {
  if (nodeIndex >= scenario_->nodes.size()) throw std::out_of_range("no such node");
  state_ = initialState(*scenario_);
  state_.node = nodeIndex;
  before_.clear();
  history_.clear();
}

void Session::startFrom(const PlayState& state) {
  if (state.node >= scenario_->nodes.size()) throw std::out_of_range("no such node");
  PlayState fresh = initialState(*scenario_);
  for (const auto& [partner, value] : fresh.trust) {
    auto it = state.trust.find(partner);
    if (it != state.trust.end()) fresh.trust[partner] = it->second;
  }
  fresh.flags = state.flags;
  fresh.node = state.node;
  state_ = fresh;
  before_.clear();
  history_.clear();
}

int Session::total() const {
  int t = 0;
  for (const auto& [p, v] : state_.totals) t += v;
  return t;
}

int Session::percent() const { return analysis_->percentOf(total()); }

std::vector<ChoiceOutcome> Session::missteps() const {
  std::vector<ChoiceOutcome> out;
  for (const auto& o : history_)
    if (o.misstep) out.push_back(o);
  return out;
}

std::map<std::string, int> bestPathTotals(const Scenario& s, const Analysis& a) {
  std::map<std::string, int> totals;
  for (const auto& step : a.bestPath) {
    const Node* n = s.findNode(step.nodeId);
    if (n == nullptr || step.choiceIndex >= n->choices.size()) break;
    for (const auto& [p, v] : n->choices[step.choiceIndex].score) totals[p] += v;
  }
  return totals;
}

Debrief Session::debrief() const {
  Debrief d;
  const Node& n = currentNode();
  d.ending = n.ending;
  d.endingText = n.text;
  d.lesson = n.lesson;
  d.total = total();
  d.bestTotal = analysis_->bestTotal;
  d.percent = percent();
  d.totals = state_.totals;
  d.bestTotals = bestPathTotals(*scenario_, *analysis_);
  for (const auto& o : history_)
    for (const auto& b : o.behaviours) d.behaviourCounts[b] += 1;
  PlayState start = initialState(*scenario_);
  for (const auto& [p, v] : state_.trust) {
    d.trustEnd[p] = v;
    d.trustChange[p] = v - trustOf(start, p);
  }
  d.missteps = missteps();
  return d;
}

}  // namespace trustdaily::core
