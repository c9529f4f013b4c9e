#include "fuzz_targets.hpp"

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "core/loader.hpp"
#include "core/progress_json.hpp"
#include "core/settings.hpp"

namespace trustdaily::fuzz {

namespace {

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const core::Framework& framework() {
  static const core::Framework fw =
      core::loadFramework(std::string(TRUSTDAILY_SOURCE_DIR) + "/scenarios/framework.json")
          .framework;
  return fw;
}

// A program invariant broken: make the fuzzer stop here.
void require(bool ok) {
  if (!ok) std::abort();
}

void checkLoad(const core::ScenarioLoad& load) {
  // Either a playable scenario with no errors, or at least one error.
  if (load.scenario) {
    require(load.analysis != nullptr);
    require(!core::hasErrors(load.diagnostics));
    require(load.analysis->bestTotal > 0);
  } else if (!load.notAScenario) {
    require(core::hasErrors(load.diagnostics));
  }
  for (const auto& d : load.diagnostics) {
    require(d.pos.line >= 1 && d.pos.col >= 1);
    (void)core::formatText(d);
  }
  (void)core::formatJson(load.diagnostics);
}

nlohmann::ordered_json parseSource(const char* relative) {
  return nlohmann::ordered_json::parse(readFile(std::string(TRUSTDAILY_SOURCE_DIR) + relative));
}

// Small valid scenarios with flags, trust conditions and every ending kind.
// The target uses only these: a shipped scenario is about fifteen times larger,
// so when one input in 256 started from one, libFuzzer kept those inputs for
// their extra features until half the corpus used them and the rate fell from
// about 430 to 150 executions a second. The shipped files are fuzzed as raw
// bytes by the scenario target.
const std::vector<nlohmann::ordered_json>& compactSeeds() {
  static const std::vector<nlohmann::ordered_json> s = {
      parseSource("/tests/fixtures/valid/every-optional-field.json"),
      parseSource("/tests/game/fixtures/game-fixture-01.json"),
      parseSource("/tests/fixtures/valid/minimal.json")};
  return s;
}

// Reads steering bytes one at a time; zeros once exhausted.
struct Steer {
  const std::uint8_t* p;
  std::size_t n;
  std::size_t i = 0;
  std::uint8_t next() { return i < n ? p[i++] : 0; }
  bool more() const { return i < n; }
};

// Every value's location in the document, so edits can pick one.
void collect(nlohmann::ordered_json& j, std::vector<nlohmann::ordered_json*>& out) {
  out.push_back(&j);
  if (j.is_object())
    for (auto& [k, v] : j.items()) collect(v, out);
  else if (j.is_array())
    for (auto& v : j) collect(v, out);
}

void mutate(nlohmann::ordered_json& doc, Steer& s) {
  std::vector<nlohmann::ordered_json*> values;
  collect(doc, values);
  std::vector<std::string> nodeIds{"start"};  // never empty, for the modulo below
  if (auto nodes = doc.find("nodes"); nodes != doc.end() && nodes->is_object())
    for (auto& [k, v] : nodes->items()) nodeIds.push_back(k);
  const char* words[] = {"engineering", "legal",    "context", "influence",
                         "warm",        "narrator", "x",       ""};
  // Never the root: the document stays an object, so edits can go on.
  if (values.size() < 2) return;
  nlohmann::ordered_json& v = *values[1 + (s.next() << 8 | s.next()) % (values.size() - 1)];
  switch (s.next() % 8) {
    case 0:
      v = static_cast<int>(static_cast<std::int8_t>(s.next()));
      break;  // small numbers
    case 1:
      v = nodeIds[s.next() % nodeIds.size()];
      break;  // retarget next
    case 2:
      v = words[s.next() % 8];
      break;
    case 3:
      if (v.is_object()) v["requires"] = {{"trust_min", {{"engineering", s.next() % 101}}}};
      break;
    case 4:
      if (v.is_object()) v["requires"] = {{"flags", {words[s.next() % 8]}}};
      break;
    case 5:
      if (v.is_object()) v["sets"] = {words[4]};
      break;
    case 6:
      if (v.is_array() && !v.empty()) v.erase(v.begin() + (s.next() % v.size()));
      break;
    default:
      if (v.is_object() && !v.empty()) v.erase(v.begin());
      break;
  }
}

}  // namespace

void scenarioBytes(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  checkLoad(core::loadScenarioBytes(bytes, "fuzz.json", framework()));
}

void progressBytes(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  std::string why;
  auto p = core::progressFromJson(bytes, &why);
  if (p) {
    // What was read must survive a save and read back unchanged.
    auto again = core::progressFromJson(core::progressToJson(*p));
    require(again.has_value() && *again == *p);
    // And what is read imports: every play, with its whole path.
    core::ImportedProgress in = core::importProgress(*p);
    require(in.plays.size() >= p->plays.size());
    for (std::size_t i = 0; i < p->plays.size(); ++i)
      require(in.plays[i].decisions.size() == p->plays[i].path.size());
  } else {
    require(!why.empty());
  }
}

void settingsBytes(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  core::Settings s = core::settingsFromJson(bytes);
  require(core::settingsFromJson(core::settingsToJson(s)) == s);
}

void scenarioStructure(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return;
  Steer s{data, size};
  const auto& pool = compactSeeds();
  nlohmann::ordered_json doc = pool[s.next() % pool.size()];
  std::string id = doc["id"];
  int edits = 1 + s.next() % 6;
  for (int i = 0; i < edits && s.more(); ++i) mutate(doc, s);
  std::string text = doc.dump(1, ' ', false, nlohmann::json::error_handler_t::replace);
  checkLoad(core::loadScenarioBytes(text, id + ".json", framework()));
}

}  // namespace trustdaily::fuzz
