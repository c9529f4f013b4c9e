#include "choice_mentions.hpp"

#include <algorithm>

#include "lint.hpp"

namespace trustdaily::core {

std::set<std::string> mentionPhrases(const std::string& text) {
  std::vector<std::string> words = textWords(text);
  std::set<std::string> out;
  for (std::size_t i = 0; i + kMentionWords <= words.size(); ++i) {
    std::size_t content = 0;
    std::string phrase;
    for (std::size_t j = i; j < i + kMentionWords; ++j) {
      content += isContentWord(words[j]);
      phrase += (j > i ? " " : "") + words[j];
    }
    if (content >= 2) out.insert(std::move(phrase));
  }
  return out;
}

ChoiceMentions::ChoiceMentions(const Scenario& s) : s_(s) {
  std::vector<std::set<std::string>> all;  // phrases of every scene, choice and ending text
  for (const auto& n : s.nodes) {
    all.push_back(mentionPhrases(n.text));
    for (const auto& c : n.choices) all.push_back(mentionPhrases(c.text));
  }
  auto texts = [&](const std::string& phrase) {
    return static_cast<std::size_t>(std::count_if(
        all.begin(), all.end(), [&](const std::set<std::string>& t) { return t.count(phrase); }));
  };
  for (std::size_t ni = 0; ni < s.nodes.size(); ++ni) {
    const Node& n = s.nodes[ni];
    for (std::size_t ci = 0; ci < n.choices.size(); ++ci) {
      if (n.choices[ci].sets.empty()) continue;
      std::set<std::string> around = mentionPhrases(n.text);
      for (std::size_t j = 0; j < n.choices.size(); ++j)
        if (j != ci) around.merge(mentionPhrases(n.choices[j].text));
      Marked m{ni, ci, {}};
      for (const auto& p : mentionPhrases(n.choices[ci].text))
        if (!around.count(p) && texts(p) <= kMentionRareTexts) m.phrases.insert(p);
      if (!m.phrases.empty()) choices_.push_back(std::move(m));
    }
  }
}

std::optional<ChoiceMention> ChoiceMentions::unmadeIn(const std::string& text,
                                                      const std::set<std::string>& guaranteed,
                                                      std::size_t skipNode) const {
  std::set<std::string> phrases = mentionPhrases(text);
  for (const auto& m : choices_) {
    if (m.node == skipNode) continue;
    const Choice& c = s_.nodes[m.node].choices[m.choice];
    auto missing = std::find_if(c.sets.begin(), c.sets.end(),
                                [&](const std::string& f) { return !guaranteed.count(f); });
    if (missing == c.sets.end()) continue;
    for (const auto& p : m.phrases)
      if (phrases.count(p)) return ChoiceMention{m.node, m.choice, *missing, p};
  }
  return std::nullopt;
}

}  // namespace trustdaily::core
