#pragma once
// The subcommands as plain functions over option structs. Only
// command_line.cpp sees CLI11 (its header costs seconds per file to compile),
// so the options are parsed there and handed to these. Exit codes: 0 ok,
// 1 problems found, 2 usage.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "window_request.hpp"

namespace trustdaily::cli {

struct AnalyzeOptions {
  std::string format = "text";
  std::string file;
};

struct CoverageOptions {
  bool strict = false;
  std::string format = "text";
  std::vector<std::string> paths;
};

struct GraphOptions {
  std::string format = "dot";
  std::string file;
  std::string out;     // empty: standard output
  int dotTimeout = 0;  // --format svg: stop Graphviz after this many seconds (0: never)
};

struct LintOptions {
  bool strict = false;
  std::string format = "text";
  std::string caret = "auto";  // source line and caret: auto (a terminal), always, never
  std::vector<std::string> paths;
};

struct NewOptions {
  std::string id;
  std::string partner;
  std::string situation;
  std::string dir = ".";
};

struct SimulateOptions {
  std::string file;
  std::size_t runs = 1000;
  std::uint64_t seed = 1;
};

struct TodayOptions {
  std::string date;
  std::string scenarios;
};

struct HistoryOptions {
  std::string format = "text";
  std::string dataDir;
  std::string date;       // "today" for the streak; empty = the game's today (core/game_day.hpp)
  std::string scenarios;  // the library the principle shares are measured against
};

struct ReviewOptions {
  std::string date;  // the day to review on; empty = the game's today
  std::string dataDir;
  std::string scenarios;
};

struct ShareOptions {
  std::string date;  // the day to share; empty = local today (04:00 rollover)
  std::string dataDir;
  std::string scenarios;
};

struct ValidateOptions {
  bool strict = false;
  std::string format = "text";
  std::string caret = "auto";  // source line and caret: auto (a terminal), always, never
  std::vector<std::string> paths;
};

// Options of the window (bare `trustdaily` and `play`).
struct WindowOptions {
  std::string date;
  std::string dataDir;
  std::string scenario;
  std::string scenarios;
  std::string keys;
  std::string screenshot;
  std::string dumpState;
  std::string size;
  std::string theme;
  int textSize = -1;
  bool quitAfterFirstFrame = false;
};

// play [--text] [ID|FILE] [--from NODE] [--flags a,b] [--trust p=v,...]:
// terminal mode, or the window.
struct PlayOptions {
  bool text = false;
  std::string target;
  std::string from;
  std::string flags;  // --flags a,b: set on arrival (authoring)
  std::string trust;  // --trust sales=60,legal=40
  // --archive YYYY-MM-DD (terminal): a past day's scenario, recorded late.
  std::string archive;
  WindowOptions window;
};

int runValidate(const ValidateOptions& o);
int runAnalyze(const AnalyzeOptions& o);
int runToday(const TodayOptions& o);
// Authoring tools: lint, graph, simulate, new.
int runLint(const LintOptions& o);
int runCoverage(const CoverageOptions& o);
int runGraph(const GraphOptions& o);
int runSimulate(const SimulateOptions& o);
int runNew(const NewOptions& o);
int runPlay(const PlayOptions& o, const WindowLauncher& window);
// Bare `trustdaily`: the window on today's scenario.
int runGameWindow(const WindowOptions& o, const WindowLauncher& window);
int runHistory(const HistoryOptions& o);
int runShare(const ShareOptions& o);
int runReview(const ReviewOptions& o);

// Parses argv (CLI11) and runs the chosen subcommand, or the window
// (`window` is empty in a build without it).
int runCommandLine(int argc, char** argv, const WindowLauncher& window);

// Default scenarios folder: $TRUSTDAILY_SCENARIOS, else the one shipped
// beside the binary (core::shippedScenariosDir), else ./scenarios.
std::string defaultScenariosDir();

}  // namespace trustdaily::cli
