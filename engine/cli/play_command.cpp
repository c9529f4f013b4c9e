// `trustdaily` (no subcommand) opens the window on today's scenario;
// `trustdaily play [--text] [ID|FILE] [--from NODE]` plays one scenario, in
// the window or in the terminal.
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

#include "cli/commands.hpp"
#include "cli/play_text.hpp"
#include "core/playtest.hpp"

namespace trustdaily::cli {

namespace {

int openWindow(const WindowOptions& o, const std::string& target, const core::StartPoint& start,
               const WindowLauncher& window) {
  if (!window) {
    std::cerr << "trustdaily: this build has no window (built with -DTRUSTDAILY_GAME=OFF); play "
                 "in the terminal: trustdaily play --text\n";
    return 2;
  }
  const std::string& fromNode = start.node;
  WindowRequest g;
  g.date = o.date;
  g.dataDir = o.dataDir;
  g.scenariosDir = o.scenarios.empty() ? defaultScenariosDir() : o.scenarios;
  g.scenarioId = o.scenario;
  if (!target.empty()) {
    std::error_code ec;
    bool isFile = target.find('/') != std::string::npos ||
                  (target.size() > 5 && target.ends_with(".json")) ||
                  std::filesystem::is_regular_file(target, ec);
    if (isFile) {
      g.scenarioFile = target;
    } else {
      g.scenarioId = target;
    }
  }
  g.fromNode = fromNode;
  g.startFlags = start.flags;
  g.startTrust = start.trust;
  if (!start.empty() && target.empty() && o.scenario.empty()) {
    std::cerr << "trustdaily play: --from, --flags and --trust need a scenario (ID or FILE)\n";
    return 2;
  }
  g.keys = o.keys;
  g.screenshot = o.screenshot;
  g.dumpState = o.dumpState;
  g.theme = o.theme;
  g.textSize = o.textSize;
  g.quitAfterFirstFrame = o.quitAfterFirstFrame;
  if (!o.size.empty()) {
    unsigned w = 0;
    unsigned h = 0;
    char x = 0;
    if (std::sscanf(o.size.c_str(), "%u%c%u", &w, &x, &h) != 3 || (x != 'x' && x != 'X') ||
        w < 320 || h < 240 || w > 8192 || h > 8192) {
      std::cerr << "trustdaily: --size must be WxH, e.g. 1280x800 (at least 320x240)\n";
      return 2;
    }
    g.width = w;
    g.height = h;
  }
  return window(g);
}

}  // namespace

int runPlay(const PlayOptions& o, const WindowLauncher& window) {
  std::string why;
  std::optional<core::StartPoint> start = core::parseStartPoint(o.from, o.flags, o.trust, why);
  if (!start) {
    std::cerr << "trustdaily play: " << why << "\n";
    return 2;
  }
  if (o.text) {
    TextPlayOptions t;
    t.target = o.target;
    t.date = o.window.date;
    t.dataDir = o.window.dataDir;
    t.scenariosDir = o.window.scenarios;
    t.archive = o.archive;
    t.fromNode = o.from;
    t.startFlags = start->flags;
    t.startTrust = start->trust;
    return runTextPlay(t, std::cin, std::cout);
  }
  if (!o.archive.empty()) {
    std::cerr << "trustdaily play: --archive plays in the terminal (with --text)\n";
    return 2;
  }
  return openWindow(o.window, o.target, *start, window);
}

int runGameWindow(const WindowOptions& o, const WindowLauncher& window) {
  return openWindow(o, "", core::StartPoint{}, window);
}

}  // namespace trustdaily::cli
