#include "coverage.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

#include "json_source.hpp"

namespace trustdaily::core {

namespace {

// Lower-case ASCII, typographic apostrophes as plain ones, so wording rules
// match "that’s on me" and "that's on me" alike.
std::string folded(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 3, "\xE2\x80\x99") == 0) {
      out += '\'';
      i += 2;
      continue;
    }
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
  }
  return out;
}

// `foldedText` as words between single spaces, with a space at each end, so
// that " on me " matches "that's on me." but not "on meeting".
std::string spacedWords(const std::string& foldedText) {
  std::string out = " ";
  for (char ch : foldedText) {
    auto u = static_cast<unsigned char>(ch);
    bool word = std::isalnum(u) || ch == '\'' || ch == '-' || u >= 0x80;
    if (word)
      out += ch;
    else if (out.back() != ' ')
      out += ' ';
  }
  if (out.back() != ' ') out += ' ';
  return out;
}

// Whole-word phrases; a phrase ending in '*' matches any word ending.
bool containsAny(const std::string& foldedText, std::initializer_list<const char*> phrases) {
  std::string text = spacedWords(foldedText);
  return std::any_of(phrases.begin(), phrases.end(), [&](const char* p) {
    std::string phrase = p;
    bool prefix = !phrase.empty() && phrase.back() == '*';
    std::string needle = " " + (prefix ? phrase.substr(0, phrase.size() - 1) : phrase + " ");
    return text.find(needle) != std::string::npos;
  });
}

bool ownsIt(const Scenario&, const Choice& c) {
  return containsAny(folded(c.text), {"on me",
                                      "my call",
                                      "my fault",
                                      "my mistake",
                                      "my bad",
                                      "got this wrong",
                                      "got it wrong",
                                      "i should have",
                                      "i own",
                                      "i'll own",
                                      "sorry",
                                      "apologi*",
                                      "my responsibility",
                                      "i take responsibility",
                                      "i was wrong",
                                      "i dropped",
                                      "i missed",
                                      "i messed",
                                      "blame me",
                                      "i'm responsible",
                                      "it was me"});
}

bool asks(const Scenario&, const Choice& c) {
  std::string t = folded(c.text);
  return t.find('?') != std::string::npos || t.rfind("ask", 0) == 0;
}

bool thanksOrNames(const Scenario& s, const Choice& c) {
  std::string t = folded(c.text);
  if (containsAny(t, {"thank*", "credit*", "shout-out", "shout out", "kudos"})) return true;
  std::string spaced = spacedWords(t);
  for (const auto& m : s.cast) {
    std::string first = folded(m.name.substr(0, m.name.find(' ')));
    if (spaced.find(" " + first + " ") != std::string::npos ||
        spaced.find(" " + first + "'s ") != std::string::npos)
      return true;
  }
  return false;
}

bool hedges(const Scenario&, const Choice& c) {
  return containsAny(folded(c.text), {"quietly", "later", "privately", "wait", "hold off",
                                      "for now", "next week", "tomorrow"});
}

using Offered = std::vector<OfferedChoice>;

std::size_t byLength(const Offered& o, bool longest) {
  std::size_t best = 0;
  for (std::size_t i = 1; i < o.size(); ++i) {
    std::size_t len = utf8Length(o[i].choice->text), top = utf8Length(o[best].choice->text);
    if (longest ? len > top : len < top) best = i;
  }
  return best;
}

std::size_t slot(const Offered& o, std::size_t k) { return std::min(k, o.size() - 1); }

// First offered choice that matches, else `fallback`.
template <typename Match, typename Fallback>
std::size_t firstMatching(const Scenario& s, const Offered& o, Match match, Fallback fallback) {
  for (std::size_t i = 0; i < o.size(); ++i)
    if (match(s, *o[i].choice)) return i;
  return fallback(o);
}

std::size_t firstNot(const Scenario& s, const Offered& o, bool longestFallback) {
  Offered clean;
  for (const auto& c : o)
    if (!hedges(s, *c.choice)) clean.push_back(c);
  if (clean.empty()) return longestFallback ? byLength(o, true) : 0;
  std::size_t pick = longestFallback ? byLength(clean, true) : 0;
  for (std::size_t i = 0; i < o.size(); ++i)
    if (o[i].index == clean[pick].index) return i;
  return 0;
}

std::vector<SurfaceRule> makeRules() {
  auto first = [](const Offered&) { return std::size_t{0}; };
  auto longest = [](const Offered& o) { return byLength(o, true); };
  std::vector<SurfaceRule> r;
  r.push_back({"longest", "always the longest text",
               [](const Scenario&, const Offered& o) { return byLength(o, true); }});
  r.push_back({"shortest", "always the shortest text",
               [](const Scenario&, const Offered& o) { return byLength(o, false); }});
  const char* slotNames[] = {"first", "second", "third", "fourth", "fifth", "sixth"};
  for (std::size_t k = 0; k < 6; ++k)
    r.push_back({std::string("slot-") + slotNames[k],
                 std::string("always the ") + slotNames[k] + " choice (or the last, if fewer)",
                 [k](const Scenario&, const Offered& o) { return slot(o, k); }});
  r.push_back({"last", "always the last choice",
               [](const Scenario&, const Offered& o) { return o.size() - 1; }});
  r.push_back(
      {"owns-it", "the one that owns the mistake or apologises, else the first",
       [=](const Scenario& s, const Offered& o) { return firstMatching(s, o, ownsIt, first); }});
  r.push_back(
      {"asks", "the one that asks a question, else the first",
       [=](const Scenario& s, const Offered& o) { return firstMatching(s, o, asks, first); }});
  r.push_back({"thanks-names", "the one that thanks, credits or names someone, else the first",
               [=](const Scenario& s, const Offered& o) {
                 return firstMatching(s, o, thanksOrNames, first);
               }});
  r.push_back({"no-hedges", "the first that avoids 'quietly', 'later', 'wait', ...",
               [](const Scenario& s, const Offered& o) { return firstNot(s, o, false); }});
  r.push_back(
      {"owns-else-longest", "owns the mistake, else the longest",
       [=](const Scenario& s, const Offered& o) { return firstMatching(s, o, ownsIt, longest); }});
  r.push_back(
      {"asks-else-longest", "asks a question, else the longest",
       [=](const Scenario& s, const Offered& o) { return firstMatching(s, o, asks, longest); }});
  r.push_back({"names-else-longest", "thanks or names someone, else the longest",
               [=](const Scenario& s, const Offered& o) {
                 return firstMatching(s, o, thanksOrNames, longest);
               }});
  r.push_back({"no-hedges-longest", "the longest of those avoiding 'quietly', 'later', ...",
               [](const Scenario& s, const Offered& o) { return firstNot(s, o, true); }});
  return r;
}

// Sentences of at least six words, folded, whitespace collapsed.
std::vector<std::string> sentences(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    std::string norm;
    int words = 0;
    bool inWord = false;
    for (char ch : folded(cur)) {
      bool space = std::isspace(static_cast<unsigned char>(ch)) != 0;
      if (space) {
        inWord = false;
      } else {
        if (!inWord && !norm.empty()) norm += ' ';
        if (!inWord) ++words;
        inWord = true;
        norm += ch;
      }
    }
    if (words >= 6) out.push_back(norm);
    cur.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char ch = text[i];
    cur += ch;
    bool end = ch == '.' || ch == '!' || ch == '?' || ch == '\n';
    if (end && (i + 1 == text.size() || std::isspace(static_cast<unsigned char>(text[i + 1]))))
      flush();
  }
  flush();
  return out;
}

std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  for (char ch : folded(text)) {
    auto u = static_cast<unsigned char>(ch);
    if (std::isalnum(u) || ch == '\'' || u >= 0x80) {
      cur += ch;
    } else if (!cur.empty()) {
      out.push_back(cur);
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

// Feedback, lessons and ending texts: the teaching prose of a scenario.
std::vector<const std::string*> teachingTexts(const Scenario& s) {
  std::vector<const std::string*> out;
  for (const auto& n : s.nodes) {
    if (n.isEnding) {
      out.push_back(&n.text);
      out.push_back(&n.lesson);
    }
    for (const auto& c : n.choices)
      if (!c.feedback.empty()) out.push_back(&c.feedback);
  }
  return out;
}

void sharedProse(const std::vector<ScenarioPtr>& scenarios, LibraryCoverage& cov) {
  std::map<std::string, std::set<std::string>> bySentence;
  std::map<std::string, std::set<std::string>> byRun;
  for (const auto& s : scenarios) {
    for (const std::string* text : teachingTexts(*s)) {
      for (auto& sentence : sentences(*text)) bySentence[sentence].insert(s->id);
      std::vector<std::string> w = words(*text);
      for (std::size_t i = 0; i + 8 <= w.size(); ++i) {
        std::string run;
        for (std::size_t k = i; k < i + 8; ++k) run += w[k] + ' ';
        byRun[run].insert(s->id);
      }
    }
  }
  for (auto& [sentence, ids] : bySentence)
    if (ids.size() > 1) cov.sharedSentences.push_back({sentence, {ids.begin(), ids.end()}});
  for (auto& [run, ids] : byRun) cov.sharedEightWordRuns += ids.size() > 1;
}

void decisionStats(const Scenario& s, LibraryCoverage& cov) {
  for (const auto& n : s.nodes) {
    if (!n.isDecision()) continue;
    int top = n.choices.front().scoreSum, bottom = top;
    for (const auto& c : n.choices) {
      top = std::max(top, c.scoreSum);
      bottom = std::min(bottom, c.scoreSum);
      for (const auto& b : c.behaviours) ++cov.behaviourCount[b];
    }
    std::size_t bestCount = 0, best = 0, longest = 0, shortest = 0;
    std::size_t longestN = 0, shortestN = 0;
    // Each principle counts once per decision, however many choices tie.
    std::set<std::string> bestUp, bestDown, worstUp, worstDown;
    for (std::size_t i = 0; i < n.choices.size(); ++i) {
      const Choice& c = n.choices[i];
      if (c.scoreSum == top) {
        ++bestCount;
        best = i;
        for (const auto& [p, v] : c.score) (v > 0 ? bestUp : bestDown).insert(p);
      }
      if (c.scoreSum == bottom)
        for (const auto& [p, v] : c.score) (v > 0 ? worstUp : worstDown).insert(p);
      std::size_t len = utf8Length(c.text);
      std::size_t lenLongest = utf8Length(n.choices[longest].text);
      std::size_t lenShortest = utf8Length(n.choices[shortest].text);
      if (i == 0 || len > lenLongest)
        longest = i, longestN = 1;
      else if (len == lenLongest)
        ++longestN;
      if (i == 0 || len < lenShortest)
        shortest = i, shortestN = 1;
      else if (len == lenShortest)
        ++shortestN;
    }
    for (const auto& p : bestUp) ++cov.rewardedInBest[p];
    for (const auto& p : bestDown) ++cov.penalisedInBest[p];
    for (const auto& p : worstUp) ++cov.rewardedInWorst[p];
    for (const auto& p : worstDown) ++cov.penalisedInWorst[p];
    if (bestCount != 1 || top == bottom) continue;
    cov.bestChoices.push_back({s.id, n.id, best, n.choices.size(), longestN == 1 && longest == best,
                               shortestN == 1 && shortest == best});
  }
}

std::string percent(double share) { return std::to_string(std::lround(100.0 * share)) + " %"; }

void check(bool ok, std::string what, LibraryCoverage& cov) {
  (ok ? cov.targetsMet : cov.targetsMissed).push_back(std::move(what));
}

void checkTargets(const Framework& fw, const CoverageTargets& t, LibraryCoverage& cov) {
  const double n = static_cast<double>(cov.scenarios.size());
  for (const auto& p : fw.partners) {
    int c = cov.partnerCount[p.id];
    check(c >= t.minScenariosPerPartner,
          "partner '" + p.id + "' in " + std::to_string(c) + " scenarios (target " +
              std::to_string(t.minScenariosPerPartner) + ")",
          cov);
  }
  for (const auto& sit : t.coreSituations) {
    int c = cov.situationCount[sit];
    check(c >= t.minScenariosPerCoreSituation,
          "situation '" + sit + "' in " + std::to_string(c) + " scenarios (target " +
              std::to_string(t.minScenariosPerCoreSituation) + ")",
          cov);
  }
  for (int d = 1; d <= 3; ++d) {
    double share = n > 0 ? cov.difficultyCount[d] / n : 0;
    check(share >= t.minDifficultyShare,
          "difficulty " + std::to_string(d) + ": " + std::to_string(cov.difficultyCount[d]) +
              " scenarios, " + percent(share) + " (target at least " +
              percent(t.minDifficultyShare) + ")",
          cov);
  }
  const auto& rules = surfaceRules();
  for (std::size_t r = 0; r < rules.size(); ++r) {
    int wins = 0;
    double sum = 0;
    for (const auto& sc : cov.scenarios) {
      wins += sc.rules[r].ending == EndingKind::Success;
      sum += sc.rules[r].percent;
    }
    double share = n > 0 ? wins / n : 0, mean = n > 0 ? sum / n : 0;
    check(share <= t.maxRuleSuccessShare && mean < t.maxRuleMeanPercent,
          "surface rule '" + rules[r].name + "': success in " + std::to_string(wins) + " of " +
              std::to_string(cov.scenarios.size()) + ", mean " + std::to_string(std::lround(mean)) +
              " % (targets: at most " + percent(t.maxRuleSuccessShare) +
              " of scenarios, mean under " + std::to_string(std::lround(t.maxRuleMeanPercent)) +
              " %)",
          cov);
  }
  std::map<std::size_t, int> bestAt, offeredAt;
  int longest = 0;
  for (const auto& b : cov.bestChoices) {
    ++bestAt[b.slot];
    for (std::size_t k = 0; k < b.choices; ++k) ++offeredAt[k];
    longest += b.longest;
  }
  for (const auto& [k, decisions] : offeredAt) {
    check(bestAt[k] > 0,
          "slot " + std::to_string(k + 1) + " holds the best choice in " +
              std::to_string(bestAt[k]) + " of the " + std::to_string(decisions) +
              " decisions that have it (target at least 1)",
          cov);
  }
  double longShare = cov.bestChoices.empty() ? 0 : double(longest) / cov.bestChoices.size();
  check(longShare <= t.maxBestLongestShare,
        "best choice is the longest in " + percent(longShare) + " of decisions (target at most " +
            percent(t.maxBestLongestShare) + ")",
        cov);
  int credit = 0;
  std::size_t documents = 0;
  for (const auto& sc : cov.scenarios) {
    credit += !sc.credits.empty();
    documents += sc.documentScenes > 0;
  }
  double creditShare = n > 0 ? credit / n : 0;
  check(creditShare <= t.maxCreditScenarioShare + 1e-9,
        "scenarios with a credit-publicly beat: " + std::to_string(credit) +
            " (target at most a third)",
        cov);
  check(documents >= t.minDocumentScenarios,
        "scenarios with documents: " + std::to_string(documents) + " (target " +
            std::to_string(t.minDocumentScenarios) + ")",
        cov);
  check(cov.sharedSentences.empty(),
        "feedback, lesson or ending sentences shared between scenarios: " +
            std::to_string(cov.sharedSentences.size()) + " (target 0)",
        cov);
}

}  // namespace

const std::vector<SurfaceRule>& surfaceRules() {
  static const std::vector<SurfaceRule> rules = makeRules();
  return rules;
}

RuleRun playSurfaceRule(const ScenarioPtr& s, const std::shared_ptr<const Analysis>& a,
                        const SurfaceRule& rule) {
  Session session(s, a);
  while (!session.finished()) {
    std::vector<OfferedChoice> offered = session.choices();
    session.choose(offered.size() == 1 ? 0 : rule.pick(*s, offered));
  }
  return {session.percent(), session.currentNode().ending};
}

LibraryCoverage computeCoverage(const std::vector<ScenarioPtr>& scenarios,
                                const std::vector<std::shared_ptr<const Analysis>>& analyses,
                                const Framework& fw, const Schedule& schedule,
                                const CoverageTargets& targets) {
  LibraryCoverage cov;
  for (std::size_t i = 0; i < scenarios.size(); ++i) {
    const Scenario& s = *scenarios[i];
    ScenarioCoverage sc{s.id, s.partners, s.situation, s.difficulty, 0, 0, {}, {}};
    for (const auto& n : s.nodes) {
      sc.decisions += n.isDecision();
      sc.documentScenes += !n.documents.empty();
      for (const auto& c : n.choices)
        if (std::find(c.behaviours.begin(), c.behaviours.end(), "credit-publicly") !=
            c.behaviours.end()) {
          sc.credits.push_back(n.id);
          break;
        }
    }
    for (const auto& rule : surfaceRules())
      sc.rules.push_back(playSurfaceRule(scenarios[i], analyses[i], rule));
    for (const auto& p : s.partners) {
      ++cov.partnerSituation[p][s.situation];
      ++cov.partnerCount[p];
    }
    ++cov.situationCount[s.situation];
    ++cov.difficultyCount[s.difficulty];
    decisionStats(s, cov);
    cov.scenarios.push_back(std::move(sc));
  }
  std::sort(cov.scenarios.begin(), cov.scenarios.end(),
            [](const auto& a, const auto& b) { return a.id < b.id; });
  sharedProse(scenarios, cov);
  checkTargets(fw, targets, cov);
  if (!schedule.empty())
    checkSchedule(schedule, scenarios, scenarios.size(), cov.targetsMissed, cov.targetsMet);
  return cov;
}

void checkSchedule(const Schedule& schedule, const std::vector<ScenarioPtr>& scenarios,
                   std::size_t minDays, std::vector<std::string>& missed,
                   std::vector<std::string>& met) {
  auto note = [&](bool ok, std::string what) { (ok ? met : missed).push_back(std::move(what)); };
  std::map<std::string, const Scenario*> byId;
  for (const auto& s : scenarios) byId[s->id] = s.get();
  std::size_t gaps = 0, unknown = 0, sameSituation = 0, sameLead = 0, steep = 0;
  std::set<std::string> seen;
  std::size_t repeats = 0;
  const Scenario* prev = nullptr;
  std::int64_t prevDay = 0;
  for (const auto& [date, id] : schedule) {
    std::int64_t day = daysFromCivil(date);
    if (prev && day != prevDay + 1) ++gaps;
    repeats += !seen.insert(id).second;
    auto it = byId.find(id);
    const Scenario* cur = it == byId.end() ? nullptr : it->second;
    if (!cur) ++unknown;
    if (prev && cur) {
      sameSituation += prev->situation == cur->situation;
      sameLead += prev->partners.front() == cur->partners.front();
      steep += std::abs(prev->difficulty - cur->difficulty) > 1;
    }
    prev = cur;
    prevDay = day;
  }
  std::string span =
      formatDate(schedule.begin()->first) + " to " + formatDate(schedule.rbegin()->first);
  note(schedule.size() >= minDays && gaps == 0,
       "schedule covers " + std::to_string(schedule.size()) + " days, " + span + ", " +
           std::to_string(gaps) + " gaps (target " + std::to_string(minDays) +
           " consecutive days)");
  note(unknown == 0 && repeats == 0, "schedule ids not in the library: " + std::to_string(unknown) +
                                         ", repeated: " + std::to_string(repeats) + " (target 0)");
  note(sameSituation == 0 && sameLead == 0,
       "schedule days sharing a situation with the day before: " + std::to_string(sameSituation) +
           ", sharing the lead partner: " + std::to_string(sameLead) + " (target 0)");
  note(steep == 0,
       "schedule days whose difficulty jumps by 2: " + std::to_string(steep) + " (target 0)");
}

}  // namespace trustdaily::core
