#pragma once
// What the command line asks of the window, checked and ready. The contract
// between engine/cli (which parses it) and engine/game (which opens the
// window); neither depends on the other: engine/main.cpp wires them.
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace trustdaily {

struct WindowRequest {
  std::string date;          // --date YYYY-MM-DD, else local today with a 04:00 rollover
  std::string dataDir;       // --data-dir (progress and settings), else the XDG folders
  std::string scenariosDir;  // --scenarios
  std::string scenarioId;    // --scenario ID or `play ID`: open on that scenario
  std::string scenarioFile;  // `play FILE`
  std::string fromNode;      // `play --from NODE`
  std::vector<std::string> startFlags;    // `play --flags a,b`: set on arrival
  std::map<std::string, int> startTrust;  // `play --trust sales=60`
  std::string keys;          // --keys "1 enter 2 ..."
  std::string screenshot;    // --screenshot FILE.png: saved after the keys, then exit
  std::string dumpState;     // --dump-state FILE: session state as JSON at exit
  std::string theme;         // --theme light|dark (not saved)
  int textSize = -1;         // --text-size 0..3 (not saved); -1 = from settings
  unsigned width = 0;        // --size WxH; 0 = a sensible default
  unsigned height = 0;
  bool quitAfterFirstFrame = false;  // benchmarks: exit once the first frame is shown
};

// Opens the window; returns the process exit code. Empty in a build without
// the window.
using WindowLauncher = std::function<int(const WindowRequest&)>;

}  // namespace trustdaily
