#pragma once
// Where the shipped data (scenarios with the framework and the schema, fonts)
// lives: found from the binary's own location, never from a path compiled
// in, so an installed tree can move to another prefix and still work.
//   installed:   <prefix>/bin/trustdaily  ->  <prefix>/share/trustdaily
//   build tree:  build/trustdaily         ->  build/share/trustdaily (links
//                                             CMake makes to the sources)
#include <string>

namespace trustdaily::core {

// Folder of the running executable ("" when /proc/self/exe is unreadable).
std::string executableDir();

// The share/trustdaily folder that belongs to this binary, or "" when none
// is found. $TRUSTDAILY_DATA_DIR, when set, wins (tests, unusual layouts).
std::string dataDir();

// The shipped scenarios folder: $TRUSTDAILY_SCENARIOS when set, else
// dataDir()/scenarios ("" when neither exists).
std::string shippedScenariosDir();

// `--framework FILE` from the command line: when set, every tool uses it
// instead of looking for framework.json beside the scenario.
void setFrameworkOverride(std::string path);
const std::string& frameworkOverride();

}  // namespace trustdaily::core
