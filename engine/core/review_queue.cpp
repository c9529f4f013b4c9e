#include "review_queue.hpp"

#include <algorithm>
#include <stdexcept>

#include "daily.hpp"

namespace trustdaily::core {

std::vector<MisstepStart> misstepStarts(const Session& session,
                                        const std::vector<DecisionRecord>& decisions) {
  std::vector<MisstepStart> out;
  const Scenario& s = session.scenario();
  for (std::size_t i = 0; i < decisions.size() && i < session.history().size(); ++i) {
    if (!decisions[i].misstep) continue;
    const Node* node = s.findNode(decisions[i].nodeId);
    if (node == nullptr) continue;
    if (!node->isDecision()) {
      out.push_back({i, {}, {}, false});
      continue;
    }
    out.push_back({i, reviewStateJson(session.stateBefore(i)), nodeFingerprint(*node), true});
  }
  return out;
}

std::optional<PlayState> stateBeforeStep(const ScenarioPtr& scenario,
                                         const std::vector<DecisionRecord>& path,
                                         std::size_t step) {
  if (!scenario || step >= path.size()) return std::nullopt;
  Session session(scenario, nullptr);
  try {
    for (std::size_t i = 0; i <= step; ++i) {
      if (session.finished() || session.currentNode().id != path[i].nodeId) return std::nullopt;
      for (std::size_t d : path[i].documents) session.openDocument(d);
      if (i == step) return session.state();
      session.chooseByIndex(path[i].chosenChoice);
    }
  } catch (const std::out_of_range&) {
    return std::nullopt;  // a choice not offered, a document gone: the scenario changed
  }
  return std::nullopt;
}

ReviewCheck checkReviews(ProgressStore& store, const ScenarioLookup& lookup,
                         const std::string& day) {
  ReviewCheck out;
  auto retire = [&](const ReviewItem& item, const std::string& why) {
    std::string problem = store.retireReview(item.id, why, day);
    if (!problem.empty()) {
      if (out.problem.empty()) out.problem = problem;
      return;
    }
    out.retired.push_back("A review of " + item.scenarioId + " (at " + item.nodeId +
                          ") was retired: " + why + ".");
  };
  for (ReviewItem item : store.openReviews()) {
    ScenarioPtr scenario = lookup ? lookup(item.scenarioId) : nullptr;
    if (!item.state && scenario) {  // backfilled: find the state by replaying its play
      std::optional<PlayRecord> play;
      if (item.playId) play = store.play(*item.playId);
      std::optional<PlayState> st =
          play ? stateBeforeStep(scenario, play->decisions, item.step) : std::nullopt;
      const Node* node = scenario->findNode(item.nodeId);
      if (!st || node == nullptr) {
        retire(item, "the scenario changed since the play");
        continue;
      }
      item.state = reviewStateJson(*st);
      item.fingerprint = nodeFingerprint(*node);
      if (std::string problem = store.setReviewStart(item.id, *item.state, *item.fingerprint);
          !problem.empty() && out.problem.empty())
        out.problem = problem;
    }
    std::string why = retireReason(scenario.get(), item.nodeId, item.fingerprint.value_or(""),
                                   item.misstepChoice);
    if (!why.empty()) {
      retire(item, why);
      continue;
    }
    if (!reviewStateFromJson(*item.state, scenario->nodeIndex.at(item.nodeId)))
      retire(item, "its saved state could not be read");
  }
  return out;
}

std::optional<ReviewStart> reviewStart(const ReviewItem& item, const ScenarioLookup& lookup) {
  ScenarioPtr scenario = lookup ? lookup(item.scenarioId) : nullptr;
  if (!scenario || !item.state || !item.fingerprint) return std::nullopt;
  if (!retireReason(scenario.get(), item.nodeId, *item.fingerprint, item.misstepChoice).empty())
    return std::nullopt;
  std::optional<PlayState> st =
      reviewStateFromJson(*item.state, scenario->nodeIndex.at(item.nodeId));
  if (!st) return std::nullopt;
  return ReviewStart{item, scenario, *st};
}

ReviewAnswer answerReview(ProgressStore& store, const ReviewStart& start, std::size_t choiceIndex,
                          const std::string& day) {
  ReviewAnswer out;
  const Node& node = start.scenario->node(start.state.node);
  out.grade = gradeChoice(*start.scenario, node, start.state, choiceIndex);
  out.saved = store.answerReview(start.item.id, choiceIndex, out.grade, day);
  return out;
}

int reviewMinutes(std::size_t due) {
  const std::size_t seconds = due * 40;
  return static_cast<int>(std::max<std::size_t>(1, (seconds + 59) / 60));
}

std::vector<ReviewItem> drillItems(std::vector<ReviewItem> due) {
  if (due.size() > kReviewsPerDrill) due.resize(kReviewsPerDrill);
  return due;
}

std::string reviewOfferText(std::size_t due) {
  const std::size_t now = std::min(due, kReviewsPerDrill);
  const int minutes = reviewMinutes(now);
  std::string out =
      std::to_string(due) + (due == 1 ? " misstep" : " missteps") + " to review \u00b7 ";
  if (now < due) out += std::to_string(now) + " now, ";
  return out + "about " + std::to_string(minutes) + (minutes == 1 ? " minute" : " minutes");
}

std::string nextReviewText(const std::vector<ReviewItem>& open, const std::string& day) {
  std::optional<CivilDate> today = parseDate(day);
  std::optional<std::int64_t> next;
  for (const ReviewItem& item : open)
    if (!next || item.schedule.dueDay < *next) next = item.schedule.dueDay;
  if (!next) return "Nothing left to review.";
  const std::int64_t in = today ? *next - daysFromCivil(*today) : 0;
  std::string when = in <= 0   ? std::string("today")
                     : in == 1 ? std::string("tomorrow")
                               : std::string("in ").append(std::to_string(in)).append(" days");
  return "Next review: " + formatDate(civilFromDays(*next)) + " (" + when + ").";
}

std::string gradeText(fsrs::Grade g) {
  switch (g) {
    case fsrs::Grade::Again:
      return "Again: still a misstep.";
    case fsrs::Grade::Hard:
      return "Hard: not a misstep, but not the best choice here.";
    case fsrs::Grade::Good:
    case fsrs::Grade::Easy:
      return "Good: the best choice here.";
  }
  return {};
}

}  // namespace trustdaily::core
