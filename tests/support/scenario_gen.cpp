#include "scenario_gen.hpp"

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

namespace trustdaily::testing {

namespace {

using Json = nlohmann::ordered_json;

struct Rng {
  std::uint64_t s;
  std::uint64_t next() {
    std::uint64_t z = (s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  int range(int lo, int hi) {
    return lo + static_cast<int>(next() % static_cast<std::uint64_t>(hi - lo + 1));
  }
  bool chance(double p) { return static_cast<double>(next() % 10000) < p * 10000.0; }
};

// prefix + number; written out because GCC 12 warns falsely (-Wrestrict)
// on numbered("literal", n).
std::string numbered(const char* prefix, long long n, const char* suffix = "") {
  std::string s = prefix;
  s += std::to_string(n);
  s += suffix;
  return s;
}

const std::vector<std::string> kPrinciples{"influence", "context", "transparency", "celebrate",
                                           "absorb-blame"};
const std::vector<std::string> kPartners{"engineering", "design", "leadership"};

Json header(const std::string& id, const std::string& start) {
  Json j;
  j["format"] = 1;
  j["id"] = id;
  j["title"] = "Generated " + id;
  j["summary"] = "A generated scenario for tests and benchmarks.";
  j["partners"] = kPartners;
  j["situation"] = "generated";
  j["difficulty"] = 2;
  j["cast"] = {{"lee", {{"name", "Lee"}, {"role", "Engineer"}, {"partner", "engineering"}}}};
  j["start"] = start;
  return j;
}

Json ending(int k) {
  static const char* kinds[] = {"success", "mixed", "failure"};
  return Json{{"ending", kinds[k % 3]}, {"text", "The end."}, {"lesson", "A lesson."}};
}

}  // namespace

std::string generateScenario(const GenOptions& o) {
  Rng rng{o.seed * 7919 + 17};
  auto name = [](int i) { return numbered("n", i); };
  Json j = header(o.id, name(0));
  Json nodes = Json::object();
  const int scenes = o.nodes - o.endings;
  for (int i = 0; i < o.nodes; ++i) {
    if (i >= scenes) {
      nodes[name(i)] = ending(i - scenes);
      continue;
    }
    Json scene;
    scene["speaker"] = i % 2 ? "lee" : "narrator";
    scene["text"] = numbered("Scene ", i, ".");
    Json choices = Json::array();
    int count = rng.range(i == 0 ? 2 : 1, o.maxChoices);
    for (int c = 0; c < count; ++c) {
      Json ch;
      ch["text"] = numbered("Choice ", c + 1);
      int next = (o.chain && c == 0) ? i + 1 : rng.range(i + 1, o.nodes - 1);
      if (o.chain && c == 0 && i == scenes - 1) next = scenes;  // the success ending
      ch["next"] = name(next);
      Json score = Json::object();
      if (o.chain && c == 0) {
        score["influence"] = 1;
      } else {
        int n = rng.range(0, 2);
        for (int k = 0; k < n; ++k) {
          int v = rng.range(1, 3) * (rng.chance(0.5) ? 1 : -1);
          score[kPrinciples[static_cast<std::size_t>(rng.range(0, 4))]] = v;
        }
      }
      if (!score.empty()) {
        ch["score"] = score;
        ch["feedback"] = "Because of what it did.";
      }
      if (rng.chance(0.5)) {
        Json trust = Json::object();
        trust[kPartners[static_cast<std::size_t>(rng.range(0, 2))]] =
            rng.range(5, 30) * (rng.chance(0.5) ? 1 : -1);
        ch["trust"] = trust;
      }
      if (o.flags > 0 && rng.chance(0.3)) ch["sets"] = {numbered("f", rng.range(0, o.flags - 1))};
      if (c > 0 && rng.chance(o.conditionRate)) {
        Json req = Json::object();
        int kind = rng.range(0, o.trustConditions ? 3 : 1);
        std::string flag = numbered("f", rng.range(0, std::max(o.flags - 1, 0)));
        if (kind == 0 && o.flags > 0)
          req["flags"] = {flag};
        else if (kind == 1 && o.flags > 0)
          req["not_flags"] = {flag};
        else if (kind == 2)
          req["trust_min"] = {
              {kPartners[static_cast<std::size_t>(rng.range(0, 2))], rng.range(40, 80)}};
        else
          req["trust_max"] = {
              {kPartners[static_cast<std::size_t>(rng.range(0, 2))], rng.range(20, 60)}};
        if (!req.empty()) ch["requires"] = req;
      }
      choices.push_back(ch);
    }
    scene["choices"] = choices;
    if (o.documentRate > 0 && rng.chance(o.documentRate)) {
      static const char* kinds[] = {"email", "chat", "notes", "dashboard", "doc"};
      Json docs = Json::array();
      int count = rng.range(1, 4);
      for (int d = 0; d < count; ++d) {
        Json doc{{"kind", kinds[rng.range(0, 4)]},
                 {"title", numbered("Document ", d + 1)},
                 {"text", "What it says."}};
        if (o.flags > 0 && rng.chance(0.8))
          doc["sets"] = {numbered("f", rng.range(0, o.flags - 1))};
        docs.push_back(doc);
      }
      scene["documents"] = docs;
    }
    nodes[name(i)] = scene;
  }
  // A flag some condition needs but no choice sets is an error (E209):
  // give each such flag a setter, the first choice of a scene chosen by the
  // flag's number (no random draw, so the rest of the file is unchanged).
  std::set<std::string> setFlags, neededFlags;
  for (auto& [id, n] : nodes.items()) {
    if (!n.contains("choices")) continue;
    for (auto& ch : n["choices"]) {
      if (ch.contains("sets")) setFlags.insert(ch["sets"][0].get<std::string>());
      if (ch.contains("requires") && ch["requires"].contains("flags"))
        neededFlags.insert(ch["requires"]["flags"][0].get<std::string>());
    }
  }
  for (const auto& f : neededFlags) {
    if (setFlags.count(f)) continue;
    Json& first = nodes[name(std::stoi(f.substr(1)) % scenes)]["choices"][0];
    if (!first.contains("sets")) first["sets"] = Json::array();
    first["sets"].push_back(f);
  }
  j["nodes"] = nodes;
  return j.dump(2);
}

std::string generateBudgetScenario(int layers, const std::string& id) {
  Json j = header(id, "d0");
  Json nodes = Json::object();
  for (int i = 0; i < layers; ++i) {
    std::string next = i + 1 < layers ? numbered("d", i + 1) : "gate";
    Json a{{"text", "Take it"},
           {"next", next},
           {"score", {{"context", 1}}},
           {"feedback", "Because."},
           {"sets", {numbered("f", i)}}};
    Json b{{"text", "Leave it"},
           {"next", next},
           {"score", {{"context", -1}}},
           {"feedback", "Because."}};
    nodes[numbered("d", i)] = {{"speaker", i % 2 ? "lee" : "narrator"},
                               {"text", numbered("Decision ", i, ".")},
                               {"choices", {a, b}}};
  }
  // Every flag is read here, so each combination is a distinct state.
  Json all = Json::array(), none = Json::array();
  for (int i = 0; i < layers; ++i) all.push_back(numbered("f", i));
  Json choices = Json::array();
  choices.push_back({{"text", "All in"}, {"next", "win"}, {"requires", {{"flags", all}}}});
  choices.push_back({{"text", "Settle"}, {"next", "meh"}});
  choices.push_back({{"text", "Give up"}, {"next", "lose"}, {"requires", {{"not_flags", {"f0"}}}}});
  nodes["gate"] = {{"speaker", "narrator"}, {"text", "The gate."}, {"choices", choices}};
  nodes["win"] = ending(0);
  nodes["meh"] = ending(1);
  nodes["lose"] = ending(2);
  j["nodes"] = nodes;
  return j.dump(2);
}

}  // namespace trustdaily::testing
