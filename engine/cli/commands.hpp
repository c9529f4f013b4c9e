#pragma once
// Each subcommand registers itself on the CLI11 app and returns the exit code
// through the shared slot. Exit codes: 0 ok, 1 problems found, 2 usage.
#include <CLI/CLI.hpp>

namespace trustdaily::cli {

struct ExitSlot {
  int code = 0;
};

void addValidateCommand(CLI::App& app, ExitSlot& exit);
void addAnalyzeCommand(CLI::App& app, ExitSlot& exit);
void addTodayCommand(CLI::App& app, ExitSlot& exit);
// Authoring tools: lint, graph, simulate, new.
void addLintCommand(CLI::App& app, ExitSlot& exit);
void addGraphCommand(CLI::App& app, ExitSlot& exit);
void addSimulateCommand(CLI::App& app, ExitSlot& exit);
void addNewCommand(CLI::App& app, ExitSlot& exit);
// play [--text] [ID|FILE] [--from NODE]: terminal mode here, window in game.
void addPlayCommand(CLI::App& app, ExitSlot& exit);
// Options on the bare command (open the window on today's scenario).
// Returns a callable run when no subcommand was given.
std::function<int()> addRootGameOptions(CLI::App& app);

// Default scenarios folder: $TRUSTDAILY_SCENARIOS, else <source>/scenarios,
// else ./scenarios.
std::string defaultScenariosDir();

}  // namespace trustdaily::cli
