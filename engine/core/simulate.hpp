#pragma once
// Random playthroughs: N players who open each of a scene's documents with
// probability 1/2 and then pick uniformly among the offered choices, played
// through core::Session, to show an author how the percentages spread and
// how often each ending is reached. The generator is
// our own splitmix64, so a seed gives the same figures on every platform.
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "analysis.hpp"
#include "scenario.hpp"

namespace trustdaily::core {

// splitmix64 (Steele, Lea, Flood 2014): tiny, fast, portable.
class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next();
  // Uniform in [0, n) by rejection (no modulo bias); n > 0.
  std::uint64_t below(std::uint64_t n);

 private:
  std::uint64_t state_;
};

inline constexpr std::size_t kHistogramBuckets = 10;  // 0-9, 10-19, ..., 90-100

// How often random players were offered one choice and took it (per
// choice, as ChoiceScript's randomtest reports which lines were ever hit).
struct ChoiceCoverage {
  std::string nodeId;
  std::size_t choiceIndex = 0;  // in the node's choices (file order)
  std::size_t offered = 0;      // runs that were offered it
  std::size_t taken = 0;        // runs that took it
};

struct SimulationResult {
  std::size_t runs = 0;
  std::uint64_t seed = 0;
  std::vector<int> percents;  // one per run, in run order
  // Order statistics by nearest rank: the value at rank ceil(p*N), 1-based.
  int min = 0, q1 = 0, median = 0, q3 = 0, max = 0;
  double mean = 0.0;
  std::vector<std::size_t> histogram;              // kHistogramBuckets counts
  std::map<std::string, std::size_t> endingKinds;  // "success" -> count
  std::map<std::string, std::size_t> endingNodes;  // ending node id -> count
  std::size_t runsWithMissteps = 0;                // runs with at least one misstep
  std::vector<ChoiceCoverage> choices;             // every choice of every scene, in file order
};

// Nearest-rank percentile of sorted values (p in [0,1]; p = 0 gives the min).
int nearestRank(const std::vector<int>& sorted, double p);

SimulationResult simulate(const ScenarioPtr& scenario, const std::shared_ptr<const Analysis>& a,
                          std::size_t runs, std::uint64_t seed);

}  // namespace trustdaily::core
