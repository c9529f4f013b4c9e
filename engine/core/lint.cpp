#include "lint.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string_view>

#include "choice_mentions.hpp"
#include "file_access.hpp"
#include "flags_read.hpp"
#include "path_flags.hpp"
#include "text_join.hpp"

namespace trustdaily::core {

namespace {

// Words of four letters or more that carry no content of their own.
const std::set<std::string>& stopWords() {
  static const std::set<std::string> words = {
      "about",   "above",   "after",    "again",  "against", "also",  "always", "around",
      "back",    "beats",   "because",  "been",   "before",  "being", "both",   "could",
      "does",    "doing",   "done",     "down",   "each",    "even",  "every",  "from",
      "getting", "going",   "have",     "having", "here",    "into",  "just",   "know",
      "like",    "made",    "make",     "many",   "more",    "most",  "much",   "must",
      "never",   "only",    "other",    "over",   "really",  "said",  "same",   "says",
      "should",  "some",    "still",    "such",   "take",    "than",  "that",   "their",
      "them",    "then",    "there",    "these",  "they",    "thing", "things", "this",
      "those",   "through", "together", "under",  "until",   "very",  "want",   "well",
      "were",    "what",    "when",     "where",  "which",   "while", "will",   "with",
      "without", "would",   "your",     "yours",  "yourself"};
  return words;
}

// Typographic punctuation (UTF-8) that separates words like ASCII spaces.
constexpr std::string_view kSeparators[] = {"\u2019", "\u2018", "\u201C", "\u201D",
                                            "\u2014", "\u2013", "\u2026", "\u00A0"};

std::string stem(std::string w) {
  for (std::string_view suffix : {"ing", "ed", "es", "s", "ly"}) {
    if (w.size() >= suffix.size() + 3 && w.ends_with(suffix)) {
      w.resize(w.size() - suffix.size());
      break;
    }
  }
  return w;
}

// Two stems match when equal or when both share their first five letters
// ("estimate" / "estimating", "transparent" / "transparency").
bool stemsMatch(const std::string& a, const std::string& b) {
  if (a == b) return true;
  return a.size() >= 5 && b.size() >= 5 && a.compare(0, 5, b, 0, 5) == 0;
}

bool sharesWord(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (const auto& x : a)
    for (const auto& y : b)
      if (stemsMatch(x, y)) return true;
  return false;
}

class Linter {
 public:
  Linter(const Scenario& s, const Framework& fw, const PositionedJson* doc, const Analysis& a)
      : s_(s), fw_(fw), doc_(doc), a_(a) {}

  std::vector<Diagnostic> run() {
    answerTells();
    cheapSuccess();
    textsNameUnmadeChoices();
    for (const auto& n : s_.nodes) {
      if (n.isDecision()) oneSided(n);
      lengths(n);
      for (std::size_t i = 0; i < n.choices.size(); ++i) feedbackNamesChoice(n, i);
    }
    onlyRewarded();
    castTrust();
    documentsThatRewardNothing();
    placeholders();
    sortDiagnostics(out_);
    return std::move(out_);
  }

 private:
  static std::string nodePtr(const Node& n) { return pointerJoin("/nodes", n.id); }
  static std::string choicePtr(const Node& n, std::size_t i) {
    return pointerJoin(pointerJoin(nodePtr(n), "choices"), i);
  }

  SourcePos valuePos(const std::string& ptr, SourcePos fallback) const {
    if (doc_ && doc_->valuePos.count(ptr)) return doc_->posOfValue(ptr);
    return fallback;
  }
  SourcePos keyPos(const std::string& ptr, SourcePos fallback) const {
    if (doc_ && (doc_->keyPos.count(ptr) || doc_->valuePos.count(ptr))) return doc_->posOfKey(ptr);
    return fallback;
  }

  void report(DiagCode code, SourcePos pos, std::string ptr, std::string message) {
    out_.push_back(makeDiagnostic(code, s_.path, pos, std::move(ptr), std::move(message)));
  }

  // L001 and L002: patterns across decisions that let a player win without
  // reading. Only a decision whose best score sum is held by some but not
  // all choices takes part; L002 also needs a single best choice.
  void answerTells() {
    std::vector<const Node*> decisions;
    for (const auto& n : s_.nodes)
      if (n.isDecision()) decisions.push_back(&n);
    std::vector<std::string> longestBest;
    std::map<std::size_t, std::vector<std::string>> bestAt;  // position -> decisions
    for (const Node* n : decisions) {
      int top = n->choices.front().scoreSum;
      for (const auto& c : n->choices) top = std::max(top, c.scoreSum);
      std::size_t best = 0, bestCount = 0, longest = 0, longestLen = 0, longestCount = 0;
      for (std::size_t i = 0; i < n->choices.size(); ++i) {
        const Choice& c = n->choices[i];
        if (c.scoreSum == top) {
          best = i;
          ++bestCount;
        }
        std::size_t len = utf8Length(c.text);
        if (len > longestLen) {
          longest = i;
          longestLen = len;
          longestCount = 1;
        } else if (len == longestLen) {
          ++longestCount;
        }
      }
      if (bestCount == n->choices.size()) continue;  // flat: W005's business
      if (longestCount == 1 && n->choices[longest].scoreSum == top) longestBest.push_back(n->id);
      if (bestCount == 1) bestAt[best].push_back(n->id);
    }
    auto most = [&](std::size_t count) {
      return count >= kLintPatternMin && count * 2 > decisions.size();
    };
    std::string of = " of ";
    of += std::to_string(decisions.size());
    of += " decisions (";
    if (most(longestBest.size())) {
      const Node* first = s_.findNode(longestBest.front());
      std::string msg = "the best-scoring choice is also the longest in ";
      msg += std::to_string(longestBest.size());
      msg += of + joinComma(longestBest) + "): players can win by picking the longest answer";
      report(DiagCode::LongestIsBest, keyPos(nodePtr(*first), first->pos), nodePtr(*first), msg);
    }
    for (const auto& [position, ids] : bestAt) {
      if (!most(ids.size())) continue;
      const Node* first = s_.findNode(ids.front());
      std::string msg = "the best-scoring choice is choice ";
      msg += std::to_string(position + 1);
      msg += " in ";
      msg += std::to_string(ids.size());
      msg += of + joinComma(ids) + "): players can win by position; vary where it sits";
      report(DiagCode::BestSamePosition, keyPos(nodePtr(*first), first->pos), nodePtr(*first), msg);
    }
  }

  // L003: a decision where no choice costs anything, or none earns anything.
  void oneSided(const Node& n) {
    bool negative = false, positive = false;
    for (const auto& c : n.choices) {
      negative = negative || c.scoreSum < 0;
      positive = positive || c.scoreSum > 0;
    }
    if (negative && positive) return;
    std::string what = !negative && !positive ? "no choice that scores above or below 0"
                       : !negative            ? "no choice that scores below 0"
                                              : "no choice that scores above 0";
    std::string why = !negative ? "nothing here can go wrong" : "nothing here can go right";
    if (!negative && !positive) why = "nothing here is at stake";
    std::string ptr = pointerJoin(nodePtr(n), "choices");
    report(DiagCode::OneSidedDecision, keyPos(ptr, n.pos), ptr,
           "decision '" + n.id + "' has " + what + ": " + why);
  }

  void tooLong(const std::string& text, std::size_t limit, const std::string& ptr,
               SourcePos fallback, const std::string& what) {
    std::size_t len = utf8Length(text);
    if (len <= limit) return;
    std::string msg = what + " is ";
    msg += std::to_string(len);
    msg += " characters, over the comfortable ";
    msg += std::to_string(limit);
    msg += ": cut it or split it";
    report(DiagCode::TextTooLong, valuePos(ptr, fallback), ptr, msg);
  }

  // L006: reading length.
  void lengths(const Node& n) {
    std::string p = nodePtr(n);
    tooLong(n.text, kLintSceneText, pointerJoin(p, "text"), n.pos,
            n.isEnding ? "ending text" : "scene text");
    if (n.isEnding) tooLong(n.lesson, kLintLesson, pointerJoin(p, "lesson"), n.pos, "lesson");
    for (std::size_t i = 0; i < n.choices.size(); ++i) {
      const Choice& c = n.choices[i];
      std::string cp = choicePtr(n, i);
      tooLong(c.text, kLintChoiceText, pointerJoin(cp, "text"), c.pos, "choice text");
      tooLong(c.feedback, kLintFeedback, pointerJoin(cp, "feedback"), c.pos, "feedback");
    }
  }

  // L004: feedback should say what the choice did (share a content word with
  // the choice text) or name the principle it is scored against.
  void feedbackNamesChoice(const Node& n, std::size_t i) {
    const Choice& c = n.choices[i];
    if (c.feedback.empty()) return;
    std::vector<std::string> fb = contentWords(c.feedback);
    if (sharesWord(fb, contentWords(c.text))) return;
    for (const auto& p : fw_.principles)
      if (sharesWord(fb, contentWords(p.id + " " + p.name))) return;
    std::string ptr = pointerJoin(choicePtr(n, i), "feedback");
    report(DiagCode::FeedbackMissesChoice, valuePos(ptr, c.pos), ptr,
           "feedback shares no word with its choice and names no principle: say what the choice "
           "did, then why it scores so");
  }

  // L005: every principle the scenario scores should also be lost somewhere.
  void onlyRewarded() {
    struct Use {
      std::string ptr;
      SourcePos pos;
      int rewards = 0;
      bool lost = false;
    };
    std::map<std::string, Use> uses;
    std::vector<std::string> order;
    for (const auto& n : s_.nodes) {
      for (std::size_t i = 0; i < n.choices.size(); ++i) {
        for (const auto& [principle, v] : n.choices[i].score) {
          auto [it, fresh] = uses.try_emplace(principle);
          if (fresh) {
            it->second.ptr = pointerJoin(pointerJoin(choicePtr(n, i), "score"), principle);
            it->second.pos = keyPos(it->second.ptr, n.choices[i].pos);
            order.push_back(principle);
          }
          it->second.rewards += v > 0;
          it->second.lost = it->second.lost || v < 0;
        }
      }
    }
    for (const auto& principle : order) {
      const Use& u = uses[principle];
      if (u.lost) continue;
      std::string msg = "principle '" + principle + "' is only ever rewarded (";
      msg += std::to_string(u.rewards);
      msg += u.rewards == 1 ? " choice" : " choices";
      msg += ", none negative): add a choice that breaks it, so players see what that costs";
      report(DiagCode::PrincipleOnlyRewarded, u.pos, u.ptr, msg);
    }
  }

  // L007: a cast member whose partner's trust no choice moves.
  void castTrust() {
    std::set<std::string> moved;
    for (const auto& n : s_.nodes)
      for (const auto& c : n.choices)
        for (const auto& [partner, v] : c.trust) moved.insert(partner);
    for (const auto& m : s_.cast) {
      if (moved.count(m.partner)) continue;
      std::string ptr = pointerJoin("/cast", m.id);
      report(DiagCode::CastTrustUnchanged, keyPos(ptr, m.pos), ptr,
             "cast member '" + m.id + "' speaks for '" + m.partner +
                 "', whose trust no choice changes: let the player win or lose them");
    }
  }

  static std::string pathText(const std::vector<PathStep>& path) {
    std::string out;
    for (const auto& st : path) {
      if (!out.empty()) out += ", ";
      out += st.nodeId + " " + std::to_string(st.choiceIndex + 1);
    }
    return out;
  }

  // L008: success that a poor path reaches teaches that the path was fine.
  void cheapSuccess() {
    const EndingRange* r = a_.endingRange(EndingKind::Success);
    if (!a_.complete || r == nullptr || r->lowestPercent >= kLintSuccessMinPercent) return;
    if (r->lowestPath.empty()) return;
    const Node& from = s_.nodes[s_.nodeIndex.at(r->lowestPath.back().nodeId)];
    const Node& end = s_.nodes[from.choices[r->lowestPath.back().choiceIndex].nextIndex];
    std::string msg = "success ending '" + end.id + "' is reached by a path scoring ";
    msg += std::to_string(r->lowestPercent);
    msg += "% of the best total (below ";
    msg += std::to_string(kLintSuccessMinPercent);
    msg += "%; choices: " + pathText(r->lowestPath) +
           "): gate it on what the path did, or send that path to a mixed ending";
    report(DiagCode::CheapSuccess, keyPos(nodePtr(end), end.pos), nodePtr(end), msg);
  }

  void reportMention(const ChoiceMention& m, const std::string& what, const std::string& ptr,
                     SourcePos pos) {
    const Node& n = s_.nodes[m.node];
    std::string quoted = n.choices[m.choice].text;
    if (utf8Length(quoted) > 50) quoted = quoted.substr(0, 47) + "...";
    report(DiagCode::TextNamesUnmadeChoice, pos, ptr,
           what + " names the choice '" + quoted + "' at '" + n.id + "' (\"" + m.phrase +
               "\"), but some path into it did not make that choice (flag '" + m.flag +
               "' is not always set here): gate it on '" + m.flag +
               "' or say only what every path shares");
  }

  // L010: a document that sets flags promises that reading it matters; if no
  // condition at its scene or after reads any of them, it never does. (A
  // document without `sets` is plain backstory, worth reading for itself.)
  void documentsThatRewardNothing() {
    std::vector<std::set<std::string>> read;
    for (std::size_t ni = 0; ni < s_.nodes.size(); ++ni) {
      const Node& n = s_.nodes[ni];
      for (std::size_t di = 0; di < n.documents.size(); ++di) {
        const Document& d = n.documents[di];
        if (d.sets.empty()) continue;
        if (read.empty()) read = flagsReadAtOrAfter(s_);
        bool rewarded = std::any_of(d.sets.begin(), d.sets.end(),
                                    [&](const std::string& f) { return read[ni].count(f) != 0; });
        if (rewarded) continue;
        std::string ptr =
            pointerJoin(pointerJoin(pointerJoin(nodePtr(n), "documents"), di), "sets");
        report(DiagCode::DocumentRewardsNothing, valuePos(ptr, d.pos), ptr,
               "document '" + d.title + "' at '" + n.id + "' sets " + joinComma(d.sets) +
                   ", which no condition at this scene or after reads: reading it changes "
                   "nothing; gate a choice on it, or drop the flag");
      }
    }
  }

  // L009: ending texts and the feedback of gated choices must not name a
  // choice that some path reaching them did not make.
  void textsNameUnmadeChoices() {
    if (!a_.complete) return;
    PathFlags pf = flagsOnEveryPath(s_, a_);
    ChoiceMentions mentions(s_);
    for (std::size_t ni = 0; ni < s_.nodes.size(); ++ni) {
      const Node& n = s_.nodes[ni];
      if (n.isEnding) {
        if (std::find(a_.reachableNodes.begin(), a_.reachableNodes.end(), n.id) ==
            a_.reachableNodes.end())
          continue;
        std::string ptr = pointerJoin(nodePtr(n), "text");
        if (auto m = mentions.unmadeIn(n.text, pf.mustBeSet[ni], SIZE_MAX))
          reportMention(*m, "ending text", ptr, valuePos(ptr, n.pos));
        continue;
      }
      for (std::size_t ci = 0; ci < n.choices.size(); ++ci) {
        const Choice& c = n.choices[ci];
        if (!c.condition || c.feedback.empty() || !a_.offered[ni][ci]) continue;
        std::string ptr = pointerJoin(choicePtr(n, ci), "feedback");
        if (auto m = mentions.unmadeIn(c.feedback, pf.whenOffered(s_, ni, ci), ni))
          reportMention(*m, "feedback of a gated choice", ptr, valuePos(ptr, c.pos));
      }
    }
  }

  // L011: text that `trustdaily new` wrote and nobody replaced yet.
  void placeholders() {
    auto check = [&](const std::string& text, const std::string& ptr, SourcePos fallback,
                     const std::string& what) {
      bool left = text.rfind(kPlaceholderPrefix, 0) == 0 ||
                  (ptr == "/title" && text.rfind(kPlaceholderTitlePrefix, 0) == 0) ||
                  (ptr == "/author" && text == kPlaceholderAuthor);
      if (left)
        report(DiagCode::PlaceholderText, valuePos(ptr, fallback), ptr,
               what + " is still the placeholder from 'trustdaily new': write it");
    };
    check(s_.title, "/title", SourcePos{}, "the title");
    check(s_.summary, "/summary", SourcePos{}, "the summary");
    check(s_.author, "/author", SourcePos{}, "the author");
    for (const auto& n : s_.nodes) {
      std::string p = nodePtr(n);
      check(n.text, pointerJoin(p, "text"), n.pos, "the text of '" + n.id + "'");
      if (n.isEnding)
        check(n.lesson, pointerJoin(p, "lesson"), n.pos, "the lesson of '" + n.id + "'");
      for (std::size_t i = 0; i < n.choices.size(); ++i) {
        const Choice& c = n.choices[i];
        std::string what = "choice " + std::to_string(i + 1) + " of '" + n.id + "'";
        check(c.text, pointerJoin(choicePtr(n, i), "text"), c.pos, "the text of " + what);
        check(c.feedback, pointerJoin(choicePtr(n, i), "feedback"), c.pos,
              "the feedback of " + what);
      }
    }
  }

  const Scenario& s_;
  const Framework& fw_;
  const PositionedJson* doc_;
  const Analysis& a_;
  std::vector<Diagnostic> out_;
};

}  // namespace

std::vector<std::string> textWords(const std::string& text) {
  std::string t;
  t.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    std::size_t skip = 0;
    for (std::string_view sep : kSeparators)
      if (std::string_view(text).substr(i, sep.size()) == sep) skip = sep.size();
    if (skip > 0) {
      t += ' ';
      i += skip;
    } else {
      t += text[i++];
    }
  }
  std::vector<std::string> out;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) out.push_back(word);
    word.clear();
  };
  for (unsigned char c : t) {
    if (c >= 'A' && c <= 'Z')
      word += static_cast<char>(c - 'A' + 'a');
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80)
      word += static_cast<char>(c);
    else
      flush();
  }
  flush();
  return out;
}

bool isContentWord(const std::string& word) { return word.size() >= 4 && !stopWords().count(word); }

std::vector<std::string> contentWords(const std::string& text) {
  std::vector<std::string> out;
  for (auto& w : textWords(text))
    if (isContentWord(w)) out.push_back(stem(std::move(w)));
  return out;
}

std::vector<Diagnostic> lintScenario(const Scenario& s, const Framework& fw,
                                     const PositionedJson* doc, const Analysis* analysis) {
  if (analysis != nullptr) return Linter(s, fw, doc, *analysis).run();
  const Analysis own = analyzeScenario(s).analysis;
  return Linter(s, fw, doc, own).run();
}

std::vector<Diagnostic> lintLibrary(const Library& lib, const Framework& fw) {
  std::vector<Diagnostic> out = lib.allDiagnostics();
  for (const auto& load : lib.files) {
    if (!load.ok()) continue;
    // Parse the file again for exact positions; the model keeps only some.
    FileRead read = readBounded(load.path, kMaxFileBytes);
    PositionedJson doc = parsePositioned(read.bytes, load.scenario->path);
    std::vector<Diagnostic> found =
        lintScenario(*load.scenario, fw, doc.ok() ? &doc : nullptr, load.analysis.get());
    out.insert(out.end(), found.begin(), found.end());
  }
  sortDiagnostics(out);
  return out;
}

}  // namespace trustdaily::core
