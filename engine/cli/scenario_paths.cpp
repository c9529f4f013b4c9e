#include <cstdlib>
#include <filesystem>

#include "commands.hpp"

namespace trustdaily::cli {

std::string defaultScenariosDir() {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv("TRUSTDAILY_SCENARIOS"); env && *env) return env;
  std::error_code ec;
  if (fs::is_directory("scenarios", ec) && fs::exists("scenarios/framework.json", ec))
    return "scenarios";
  return std::string(TRUSTDAILY_SOURCE_DIR) + "/scenarios";
}

}  // namespace trustdaily::cli
