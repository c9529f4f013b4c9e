#include "simulate.hpp"

#include <algorithm>
#include <cmath>

#include "session.hpp"

namespace trustdaily::core {

std::uint64_t SplitMix64::next() {
  std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

std::uint64_t SplitMix64::below(std::uint64_t n) {
  // Reject the top partial block so that every residue is equally likely.
  std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;
  std::uint64_t v = next();
  while (v >= limit) v = next();
  return v % n;
}

int nearestRank(const std::vector<int>& sorted, double p) {
  if (sorted.empty()) return 0;
  auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(sorted.size())));
  if (rank == 0) rank = 1;
  return sorted[std::min(rank, sorted.size()) - 1];
}

SimulationResult simulate(const ScenarioPtr& scenario, const std::shared_ptr<const Analysis>& a,
                          std::size_t runs, std::uint64_t seed) {
  SimulationResult r;
  r.runs = runs;
  r.seed = seed;
  r.histogram.assign(kHistogramBuckets, 0);
  SplitMix64 rng(seed);
  long long sum = 0;
  // choices[first[n] + i] is choice i of node n.
  std::vector<std::size_t> first;
  for (const Node& n : scenario->nodes) {
    first.push_back(r.choices.size());
    for (std::size_t i = 0; i < n.choices.size(); ++i) r.choices.push_back({n.id, i, 0, 0});
  }
  for (std::size_t run = 0; run < runs; ++run) {
    Session session(scenario, a);
    while (!session.finished()) {
      // A random player opens each document with probability 1/2 (no draw at
      // a scene without documents, so those results are as before).
      for (std::size_t d = 0; d < session.currentNode().documents.size(); ++d)
        if (rng.below(2) == 1) session.openDocument(d);
      std::vector<OfferedChoice> offered = session.choices();
      const std::size_t base = first[session.state().node];
      for (const OfferedChoice& c : offered) ++r.choices[base + c.index].offered;
      auto pick = static_cast<std::size_t>(rng.below(offered.size()));
      ++r.choices[base + offered[pick].index].taken;
      session.choose(pick);
    }
    int pct = session.percent();
    r.percents.push_back(pct);
    sum += pct;
    std::size_t bucket = static_cast<std::size_t>(std::clamp(pct, 0, 100)) / 10;
    ++r.histogram[std::min(bucket, kHistogramBuckets - 1)];
    const Node& end = session.currentNode();
    ++r.endingKinds[std::string(endingName(end.ending))];
    ++r.endingNodes[end.id];
    r.runsWithMissteps += !session.missteps().empty();
  }
  std::vector<int> sorted = r.percents;
  std::sort(sorted.begin(), sorted.end());
  r.min = nearestRank(sorted, 0.0);
  r.q1 = nearestRank(sorted, 0.25);
  r.median = nearestRank(sorted, 0.5);
  r.q3 = nearestRank(sorted, 0.75);
  r.max = sorted.empty() ? 0 : sorted.back();
  r.mean = runs == 0 ? 0.0 : static_cast<double>(sum) / static_cast<double>(runs);
  return r;
}

}  // namespace trustdaily::core
