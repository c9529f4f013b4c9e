// `trustdaily` (no subcommand) opens the window on today's scenario;
// `trustdaily play [--text] [ID|FILE] [--from NODE]` plays one scenario, in
// the window or in the terminal.
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/play_text.hpp"

#ifdef TRUSTDAILY_HAS_GAME
#include "game/game_options.hpp"
#endif

namespace trustdaily::cli {
namespace {

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

void addWindowOptions(CLI::App& cmd, WindowOptions& o, bool withScenario) {
  cmd.add_option("--date", o.date, "Play as if it were this day, YYYY-MM-DD");
  cmd.add_option("--data-dir", o.dataDir,
                 "Folder of progress.json (default: $XDG_DATA_HOME/trustdaily)");
  if (withScenario) cmd.add_option("--scenario", o.scenario, "Open on this scenario (by id)");
  cmd.add_option("--scenarios", o.scenarios, "Scenarios folder (default: the shipped one)");
  cmd.add_option("--keys", o.keys,
                 "Key presses to play first, e.g. \"enter 1 enter 2\" (also click:X,Y wheel:N, "
                 "and for tests wait:MS shot:PNG dump:JSON)");
  cmd.add_option("--screenshot", o.screenshot,
                 "Save a PNG after the keys are processed, then exit");
  cmd.add_option("--dump-state", o.dumpState, "Write the session state as JSON at exit (tests)");
  cmd.add_option("--size", o.size, "Window size, WxH (default 1280x800)");
  cmd.add_option("--theme", o.theme, "light or dark (not saved)")
      ->check(CLI::IsMember({"light", "dark"}));
  cmd.add_option("--text-size", o.textSize, "Text size 0 (small) to 3 (extra large), not saved")
      ->check(CLI::Range(0, 3));
  cmd.add_flag("--quit-after-first-frame", o.quitAfterFirstFrame,
               "Exit once the first frame is shown (benchmarks)");
}

#ifdef TRUSTDAILY_HAS_GAME
int openWindow(const WindowOptions& o, const std::string& target, const std::string& fromNode) {
  game::GameOptions g;
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
  if (!fromNode.empty() && target.empty() && o.scenario.empty()) {
    std::cerr << "trustdaily play: --from needs a scenario (ID or FILE)\n";
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
  return game::runGame(g);
}
#else
int openWindow(const WindowOptions&, const std::string&, const std::string&) {
  std::cerr << "trustdaily: this build has no window (built with -DTRUSTDAILY_GAME=OFF); play "
               "in the terminal: trustdaily play --text\n";
  return 2;
}
#endif

}  // namespace

void addPlayCommand(CLI::App& app, ExitSlot& exit) {
  struct PlayOptions {
    bool text = false;
    std::string target;
    std::string from;
    WindowOptions window;
  };
  auto o = std::make_shared<PlayOptions>();
  auto* cmd =
      app.add_subcommand("play", "Play a scenario in the window, or with --text in the terminal");
  cmd->add_flag("--text", o->text, "Play in the terminal (numbered choices on standard input)");
  cmd->add_option("target", o->target, "Scenario id or file (default: today's scenario)");
  cmd->add_option("--from", o->from, "Start at this node (authoring; not recorded)");
  addWindowOptions(*cmd, o->window, false);
  cmd->callback([o, &exit] {
    if (o->text) {
      TextPlayOptions t;
      t.target = o->target;
      t.date = o->window.date;
      t.dataDir = o->window.dataDir;
      t.scenariosDir = o->window.scenarios;
      t.fromNode = o->from;
      exit.code = runTextPlay(t, std::cin, std::cout);
      return;
    }
    exit.code = openWindow(o->window, o->target, o->from);
  });
}

std::function<int()> addRootGameOptions(CLI::App& app) {
  auto o = std::make_shared<WindowOptions>();
  addWindowOptions(app, *o, true);
  return [o] { return openWindow(*o, "", ""); };
}

}  // namespace trustdaily::cli
