// trustdaily_bench: writes the generated inputs the benchmark script times.
//   gen-file NODES OUT.json      a valid scenario of NODES nodes
//   gen-folder DIR COUNT         COUNT valid scenarios of 20 nodes
//   gen-budget LAYERS OUT.json   the state-budget worst case (about 2^(LAYERS+1) states)
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

#include "support/scenario_gen.hpp"

namespace {

bool write(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  return static_cast<bool>(out);
}

std::string stem(const std::string& path) {
  std::string name = path.substr(path.find_last_of('/') + 1);
  return name.substr(0, name.rfind(".json"));
}

std::string validScenario(int nodes, std::uint64_t seed, const std::string& id) {
  trustdaily::testing::GenOptions o;
  o.seed = seed;
  o.nodes = nodes;
  o.chain = true;
  o.flags = 4;
  o.maxChoices = 4;
  o.conditionRate = 0.3;
  o.trustConditions = false;  // keeps the state space linear in the node count
  o.id = id;
  return trustdaily::testing::generateScenario(o);
}

}  // namespace

int main(int argc, char** argv) {
  std::string cmd = argc > 1 ? argv[1] : "";
  if (cmd == "gen-file" && argc == 4)
    return write(argv[3], validScenario(std::stoi(argv[2]), 7, stem(argv[3]))) ? 0 : 1;
  if (cmd == "gen-budget" && argc == 4)
    return write(argv[3],
                 trustdaily::testing::generateBudgetScenario(std::stoi(argv[2]), stem(argv[3])))
               ? 0
               : 1;
  if (cmd == "gen-folder" && argc == 4) {
    int count = std::stoi(argv[3]);
    for (int i = 0; i < count; ++i) {
      std::string id = "gen-" + std::to_string(i);
      if (!write(std::string(argv[2]) + "/" + id + ".json",
                 validScenario(20, static_cast<std::uint64_t>(i), id)))
        return 1;
    }
    return 0;
  }
  std::cerr << "usage: trustdaily_bench gen-file NODES OUT.json | gen-folder DIR COUNT | "
               "gen-budget LAYERS OUT.json\n";
  return 2;
}
