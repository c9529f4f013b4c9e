#include "commands.hpp"
#include "core/data_paths.hpp"

namespace trustdaily::cli {

std::string defaultScenariosDir() {
  std::string shipped = core::shippedScenariosDir();
  // Nothing shipped beside the binary: "scenarios" in the current folder, so
  // the error names a folder the user can recognise.
  return shipped.empty() ? std::string("scenarios") : shipped;
}

}  // namespace trustdaily::cli
