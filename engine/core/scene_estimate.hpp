#pragma once
// Where the player is: "Scene 3 of about 8". Scenes are the non-ending nodes
// a play stands at (beats included: each is a screen the player reads).
// Paths differ in length, so the total is an estimate: the scenes taken so
// far plus the typical number left from the current scene, the median over
// every path from there. It is exact (no "about") when every path from the
// current scene is as long.
#include <cstddef>
#include <string>
#include <vector>

#include "analysis.hpp"
#include "scenario.hpp"

namespace trustdaily::core {

struct ScenePosition {
  int scene = 1;       // the current scene, counted from 1
  int total = 1;       // scenes on the whole path, estimated; never below `scene`
  bool exact = false;  // every path from here has the same length
  bool operator==(const ScenePosition&) const = default;
};

// The scenes left on the paths from each node, computed once per scenario.
// A choice no reachable state offers (Analysis::offered) opens no path;
// at a scene no play reaches (a playtest started there) every choice counts.
class SceneEstimate {
 public:
  SceneEstimate(const Scenario& s, const Analysis& a);
  // At node `nodeIndex` after `scenesTaken` choices. An ending is the last
  // scene taken (scene == total, exact).
  ScenePosition at(std::size_t nodeIndex, std::size_t scenesTaken) const;
  // Scenes left from a node, the current one included (0 at an ending).
  int typicalLeft(std::size_t nodeIndex) const { return left_.at(nodeIndex).median; }
  int fewestLeft(std::size_t nodeIndex) const { return left_.at(nodeIndex).fewest; }
  int mostLeft(std::size_t nodeIndex) const { return left_.at(nodeIndex).most; }

 private:
  struct Left {
    int median = 0;
    int fewest = 0;
    int most = 0;
  };
  std::vector<Left> left_;  // per node, file order
};

// "Scene 3 of about 8", or "Scene 3 of 8" when exact.
std::string sceneText(const ScenePosition& p);

}  // namespace trustdaily::core
