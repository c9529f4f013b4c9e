#pragma once
// L009's notion of a text naming an earlier choice. Word overlap alone is
// noise (names and the scenario's topic recur everywhere; tried on the
// shipped files, every hit of "two shared rare words" was a false alarm),
// so a mention is a run of kMentionWords consecutive words, two or more of
// them content words, that the choice's text holds, that its scene and
// sibling choices do not, and that at most kMentionRareTexts scene, choice
// and ending texts use (the choice and the text naming it). Only choices
// that set a flag count: flags are the one trace of a past choice the model
// keeps.
#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "scenario.hpp"

namespace trustdaily::core {

inline constexpr std::size_t kMentionWords = 4;
inline constexpr std::size_t kMentionRareTexts = 2;

struct ChoiceMention {
  std::size_t node = 0;    // index of the node of the named choice
  std::size_t choice = 0;  // its index in the node's choices
  std::string flag;        // a flag it sets that the text's paths may lack
  std::string phrase;      // the shared words, as the tokenizer sees them
};

class ChoiceMentions {
 public:
  explicit ChoiceMentions(const Scenario& s);
  // The first flag-setting choice that `text` mentions while one of its
  // flags is not in `guaranteed`; choices of node `skipNode` are not
  // considered (a gated choice's feedback may contrast with its siblings).
  std::optional<ChoiceMention> unmadeIn(const std::string& text,
                                        const std::set<std::string>& guaranteed,
                                        std::size_t skipNode) const;

 private:
  struct Marked {
    std::size_t node, choice;
    std::set<std::string> phrases;  // distinctive, rare runs of its text
  };
  std::vector<Marked> choices_;
  const Scenario& s_;
};

// The runs of kMentionWords words of `text` holding two content words or more.
std::set<std::string> mentionPhrases(const std::string& text);

}  // namespace trustdaily::core
