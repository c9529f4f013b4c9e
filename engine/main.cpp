// trustdaily: one executable, subcommands dispatched by CLI11.
#include <cstdio>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
  using namespace trustdaily::cli;
  CLI::App app{"Trust Daily: earn the trust of people you have no authority over.", "trustdaily"};
  app.require_subcommand(0, 1);
  ExitSlot exit;
  addValidateCommand(app, exit);
  addAnalyzeCommand(app, exit);
  addTodayCommand(app, exit);
  addPlayCommand(app, exit);
  addLintCommand(app, exit);
  addGraphCommand(app, exit);
  addSimulateCommand(app, exit);
  addNewCommand(app, exit);
  auto runGame = addRootGameOptions(app);
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
  if (app.get_subcommands().empty()) return runGame();
  return exit.code;
}
