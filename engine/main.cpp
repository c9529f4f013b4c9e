// trustdaily: one executable; the subcommands are parsed in cli/command_line.cpp.
// The command line never links the window: it is wired in here.
#include "cli/commands.hpp"

#ifdef TRUSTDAILY_HAS_GAME
#include "game/app/game_options.hpp"
#endif

int main(int argc, char** argv) {
#ifdef TRUSTDAILY_HAS_GAME
  return trustdaily::cli::runCommandLine(argc, argv, trustdaily::game::runGame);
#else
  return trustdaily::cli::runCommandLine(argc, argv, {});
#endif
}
