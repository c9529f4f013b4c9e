// The command line: every subcommand's options, parsed by CLI11. The only
// file that includes CLI11; the commands themselves take plain structs.
#include <CLI/CLI.hpp>
#include <functional>
#include <memory>

#include "commands.hpp"
#include "core/data_paths.hpp"

namespace trustdaily::cli {

namespace {

// Registers a subcommand whose options live in a shared struct; when chosen,
// `run` is called with them and its result becomes the exit code.
template <typename Options, typename Setup>
void addCommand(CLI::App& app, int& exitCode, const char* name, const char* help,
                std::function<int(const Options&)> run, Setup setup) {
  auto opts = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(name, help);
  setup(*cmd, *opts);
  // Every tool reads the framework through core::findFrameworkFor, which
  // honours this override (a file outside any scenarios folder, a team's own
  // framework).
  cmd->add_option_function<std::string>(
      "--framework", [](const std::string& path) { core::setFrameworkOverride(path); },
      "framework.json to use (default: the one beside the scenarios, else the shipped one)");
  cmd->callback([opts, run, &exitCode] { exitCode = run(*opts); });
}

CLI::Validator textOrJson() { return CLI::IsMember({"text", "json"}); }

void addCaretOption(CLI::App& cmd, std::string& caret) {
  cmd.add_option("--caret", caret,
                 "Show the source line and a caret under each diagnostic: auto (on a terminal, "
                 "the default), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
}

void addWindowOptions(CLI::App& cmd, WindowOptions& o, bool withScenario) {
  cmd.add_option("--date", o.date, "Play as if it were this day, YYYY-MM-DD");
  cmd.add_option("--data-dir", o.dataDir,
                 "Folder of progress.db and settings.json (default: the XDG folders)");
  if (withScenario) cmd.add_option("--scenario", o.scenario, "Open on this scenario (by id)");
  cmd.add_option("--scenarios", o.scenarios, "Scenarios folder (default: the shipped one)");
  cmd.add_option("--keys", o.keys,
                 "Key presses to play first, e.g. \"enter 1 enter 2\" (also click:X,Y wheel:N, "
                 "and for tests wait:MS shot:PNG dump:JSON until:FILE)");
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

void addCommands(CLI::App& app, int& exitCode, const WindowLauncher& window) {
  addCommand<ValidateOptions>(
      app, exitCode, "validate", "Check scenario files and folders against format v1", runValidate,
      [](CLI::App& cmd, ValidateOptions& o) {
        cmd.add_flag("--strict", o.strict, "Treat warnings as failures");
        cmd.add_option("--format", o.format, "Output format")->check(textOrJson());
        addCaretOption(cmd, o.caret);
        cmd.add_option("paths", o.paths, "Scenario files or folders")->required();
      });
  addCommand<AnalyzeOptions>(
      app, exitCode, "analyze", "Exact scoring analysis of one scenario", runAnalyze,
      [](CLI::App& cmd, AnalyzeOptions& o) {
        cmd.add_option("--format", o.format, "Output format")->check(textOrJson());
        cmd.add_option("file", o.file, "Scenario file")->required();
      });
  addCommand<TodayOptions>(
      app, exitCode, "today", "Print the id of the daily scenario", runToday,
      [](CLI::App& cmd, TodayOptions& o) {
        cmd.add_option("--date", o.date, "Calendar date, YYYY-MM-DD (default: today, local time)");
        cmd.add_option("--scenarios", o.scenarios, "Scenarios folder (default: the shipped one)");
      });
  addCommand<PlayOptions>(
      app, exitCode, "play", "Play a scenario in the window, or with --text in the terminal",
      [window](const PlayOptions& o) { return runPlay(o, window); },
      [](CLI::App& cmd, PlayOptions& o) {
        cmd.add_flag("--text", o.text, "Play in the terminal (numbered choices on standard input)");
        cmd.add_option("target", o.target, "Scenario id or file (default: today's scenario)");
        cmd.add_option("--archive", o.archive,
                       "With --text: play this past day's scenario, YYYY-MM-DD (recorded as late; "
                       "the streak is unchanged)");
        cmd.add_option("--from", o.from, "Start at this node (authoring; not recorded)");
        cmd.add_option("--flags", o.flags,
                       "Flags set on arrival, comma-separated (authoring; not recorded)");
        cmd.add_option("--trust", o.trust,
                       "Trust on arrival, e.g. sales=60,legal=40 (authoring; not recorded)");
        addWindowOptions(cmd, o.window, false);
      });
  addCommand<CoverageOptions>(
      app, exitCode, "coverage",
      "Library coverage: partners x situations, principles, slots, surface-rule players, targets",
      runCoverage, [](CLI::App& cmd, CoverageOptions& o) {
        cmd.add_flag("--strict", o.strict, "Exit 1 when a library target is missed");
        cmd.add_option("--format", o.format, "Output format")->check(textOrJson());
        cmd.add_option("paths", o.paths, "Scenario files or folders")->required();
      });
  addCommand<HistoryOptions>(
      app, exitCode, "history",
      "The recorded days, the current and best streak, and the missteps to review", runHistory,
      [](CLI::App& cmd, HistoryOptions& o) {
        cmd.add_option("--format", o.format, "Output format")->check(textOrJson());
        cmd.add_option("--data-dir", o.dataDir,
                       "Folder of progress.db (default: $XDG_DATA_HOME/trustdaily)");
        cmd.add_option("--date", o.date, "Count the streak as of this day, YYYY-MM-DD");
        cmd.add_option("--scenarios", o.scenarios,
                       "Scenarios folder the principle shares are measured against (default: "
                       "the shipped one)");
      });
  addCommand<ReviewOptions>(
      app, exitCode, "review",
      "Play the missteps due for review, one decision each, in the terminal (as play --text)",
      runReview, [](CLI::App& cmd, ReviewOptions& o) {
        cmd.add_option("--date", o.date, "Review as of this day, YYYY-MM-DD (default: today)");
        cmd.add_option("--data-dir", o.dataDir,
                       "Folder of progress.db (default: $XDG_DATA_HOME/trustdaily)");
        cmd.add_option("--scenarios", o.scenarios, "Scenarios folder (default: the shipped one)");
      });
  addCommand<ShareOptions>(
      app, exitCode, "share",
      "The day's result as a spoiler-free text to paste: percentage, one mark per decision, "
      "principle bars",
      runShare, [](CLI::App& cmd, ShareOptions& o) {
        cmd.add_option("--date", o.date, "The day to share, YYYY-MM-DD (default: today)");
        cmd.add_option("--data-dir", o.dataDir,
                       "Folder of progress.db (default: $XDG_DATA_HOME/trustdaily)");
        cmd.add_option("--scenarios", o.scenarios, "Scenarios folder (default: the shipped one)");
      });
  addCommand<LintOptions>(
      app, exitCode, "lint",
      "Content lint: valid scenarios that teach badly (answer tells, one-sided decisions)", runLint,
      [](CLI::App& cmd, LintOptions& o) {
        cmd.add_flag("--strict", o.strict, "Treat lint warnings as failures");
        cmd.add_option("--format", o.format, "Output format")->check(textOrJson());
        addCaretOption(cmd, o.caret);
        cmd.add_option("paths", o.paths, "Scenario files or folders")->required();
      });
  addCommand<GraphOptions>(
      app, exitCode, "graph",
      "Graphviz view of a scenario: scenes, endings, choices, the best path", runGraph,
      [](CLI::App& cmd, GraphOptions& o) {
        cmd.add_option("--format", o.format, "dot (default) or svg (runs Graphviz dot)")
            ->check(CLI::IsMember({"dot", "svg"}));
        cmd.add_option("-o,--output", o.out, "Write to this file instead of standard output");
        cmd.add_option("--dot-timeout", o.dotTimeout,
                       "With svg: stop Graphviz after this many seconds (default: never)")
            ->check(CLI::NonNegativeNumber);
        cmd.add_option("file", o.file, "Scenario file")->required();
      });
  addCommand<SimulateOptions>(
      app, exitCode, "simulate",
      "Random players through a scenario: spread of percentages and endings", runSimulate,
      [](CLI::App& cmd, SimulateOptions& o) {
        cmd.add_option("--runs", o.runs, "Number of random players (default 1000)")
            ->check(CLI::Range(std::size_t{1}, std::size_t{10'000'000}));
        cmd.add_option("--seed", o.seed, "Seed of the random players (default 1)");
        cmd.add_option("file", o.file, "Scenario file")->required();
      });
  addCommand<NewOptions>(
      app, exitCode, "new", "Write a small playable scenario skeleton to start from", runNew,
      [](CLI::App& cmd, NewOptions& o) {
        cmd.add_option("id", o.id, "Scenario id, also the file name (e.g. scope-cut-01)")
            ->required();
        cmd.add_option("--partner", o.partner, "Partner group id from the framework")->required();
        cmd.add_option("--situation", o.situation, "Kebab-case situation tag (e.g. bad-news)")
            ->required();
        cmd.add_option("--dir", o.dir, "Folder to write ID.json into (default: current folder)");
      });
}

}  // namespace

int runCommandLine(int argc, char** argv, const WindowLauncher& window) {
  CLI::App app{"Trust Daily: earn the trust of people you have no authority over.", "trustdaily"};
  app.require_subcommand(0, 1);
  int exitCode = 0;
  addCommands(app, exitCode, window);
  WindowOptions windowOptions;
  addWindowOptions(app, windowOptions, true);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;
  }
  if (app.get_subcommands().empty()) return runGameWindow(windowOptions, window);
  return exitCode;
}

}  // namespace trustdaily::cli
