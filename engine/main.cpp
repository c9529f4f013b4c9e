// trustdaily: one executable; the subcommands are parsed in cli/command_line.cpp.
#include "cli/commands.hpp"

int main(int argc, char** argv) { return trustdaily::cli::runCommandLine(argc, argv); }
