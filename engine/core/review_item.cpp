#include "review_item.hpp"

#include <cstdint>
#include <cstdio>
#include <limits>
#include <nlohmann/json.hpp>

namespace trustdaily::core {

namespace {

bool offered(const Choice& c, const PlayState& state) {
  return !c.condition || conditionHolds(*c.condition, state);
}

// FNV-1a, 64 bits: stable across builds and platforms, which std::hash is not.
class Digest {
 public:
  void add(const std::string& text) {
    for (unsigned char ch : text) mix(ch);
    mix(0x1f);  // a separator, so "ab"+"c" and "a"+"bc" differ
  }
  void add(std::int64_t n) { add(std::to_string(n)); }
  std::string hex() const {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h_));
    return buf;
  }

 private:
  void mix(unsigned char ch) {
    h_ ^= ch;
    h_ *= 0x100000001b3ULL;
  }
  std::uint64_t h_ = 0xcbf29ce484222325ULL;
};

void addMap(Digest& d, const std::map<std::string, int>& m) {
  d.add(static_cast<std::int64_t>(m.size()));
  for (const auto& [k, v] : m) {
    d.add(k);
    d.add(v);
  }
}

void addList(Digest& d, const std::vector<std::string>& v) {
  d.add(static_cast<std::int64_t>(v.size()));
  for (const auto& s : v) d.add(s);
}

}  // namespace

fsrs::Grade gradeChoice(const Scenario& scenario, const Node& node, const PlayState& state,
                        std::size_t choiceIndex) {
  const Choice& chosen = node.choices.at(choiceIndex);
  if (isMisstep(scenario, chosen)) return fsrs::Grade::Again;
  int best = std::numeric_limits<int>::min();
  for (const Choice& c : node.choices)
    if (offered(c, state)) best = std::max(best, c.scoreSum);
  return chosen.scoreSum >= best ? fsrs::Grade::Good : fsrs::Grade::Hard;
}

std::string reviewStateJson(const PlayState& state) {
  nlohmann::json j = {{"flags", nlohmann::json::array()}, {"trust", nlohmann::json::object()}};
  for (const std::string& f : state.flags) j["flags"].push_back(f);
  for (const auto& [p, v] : state.trust) j["trust"][p] = v;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::optional<PlayState> reviewStateFromJson(const std::string& text, std::size_t nodeIndex) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object() || !j.contains("flags") || !j.contains("trust") || !j["flags"].is_array() ||
      !j["trust"].is_object())
    return std::nullopt;
  PlayState st;
  st.node = nodeIndex;
  for (const auto& f : j["flags"]) {
    if (!f.is_string()) return std::nullopt;
    st.flags.insert(f.get<std::string>());
  }
  for (const auto& [p, v] : j["trust"].items()) {
    if (!v.is_number_integer()) return std::nullopt;
    const auto n = v.get<std::int64_t>();
    if (n < kTrustMin || n > kTrustMax) return std::nullopt;
    st.trust[p] = static_cast<int>(n);
  }
  return st;
}

std::string nodeFingerprint(const Node& node) {
  Digest d;
  d.add(node.id);
  d.add(node.speaker);
  d.add(node.text);
  d.add(static_cast<std::int64_t>(node.documents.size()));
  for (const Document& doc : node.documents) {
    d.add(doc.title);
    d.add(doc.kind);
    d.add(doc.text);
    addList(d, doc.sets);
  }
  d.add(static_cast<std::int64_t>(node.choices.size()));
  for (const Choice& c : node.choices) {
    d.add(c.text);
    d.add(c.next);
    addMap(d, c.score);
    addMap(d, c.trust);
    addList(d, c.sets);
    d.add(c.condition ? 1 : 0);
    if (c.condition) {
      addList(d, c.condition->flags);
      addList(d, c.condition->notFlags);
      addMap(d, c.condition->trustMin);
      addMap(d, c.condition->trustMax);
    }
  }
  return d.hex();
}

std::string retireReason(const Scenario* scenario, const std::string& nodeId,
                         const std::string& fingerprint, std::size_t misstepChoice) {
  if (scenario == nullptr) return "the scenario left the library";
  const Node* node = scenario->findNode(nodeId);
  if (node == nullptr) return "the scene is no longer in the scenario";
  if (!node->isDecision()) return "the scene offers no choice to review";
  if (nodeFingerprint(*node) != fingerprint) return "the scene changed";
  if (misstepChoice >= node->choices.size() || !isMisstep(*scenario, node->choices[misstepChoice]))
    return "the choice is no longer a misstep";
  return {};
}

}  // namespace trustdaily::core
