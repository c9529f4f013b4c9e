#pragma once
// Seeded generators of scenario files, shared by the property tests and the
// benchmark. They write JSON text so the whole loading path is exercised.
#include <cstdint>
#include <string>

namespace trustdaily::testing {

struct GenOptions {
  std::uint64_t seed = 1;
  int nodes = 12;              // including endings
  int endings = 3;             // the last `endings` nodes; kinds cycle success, mixed, failure
  int maxChoices = 3;          // 1..6
  int flags = 3;               // distinct flag names f0..f{n-1}
  double conditionRate = 0.3;  // chance that a choice after the first has `requires`
  bool trustConditions = true;
  bool chain = false;  // first choice of node i leads to i+1 and scores +1 (valid files)
  // Chance that a scene has documents (1 to 4, each setting one of the flags
  // or none). 0 draws nothing, so older seeds give the same files.
  double documentRate = 0.0;
  std::string id = "gen";
};

std::string generateScenario(const GenOptions& o);

// A chain of `layers` two-way decisions; choosing the first sets a distinct
// flag that a final condition reads, so the exact analysis must visit about
// 2^(layers+1) states: the worst case for the state budget.
std::string generateBudgetScenario(int layers, const std::string& id);

}  // namespace trustdaily::testing
