#pragma once
// The daily pick shared by `today`, terminal play and the window.
#include <string>
#include <vector>

#include "core/daily.hpp"
#include "core/framework.hpp"
#include "core/loader.hpp"

namespace trustdaily::cli {

struct DailyPick {
  std::string id;  // empty when the library has no valid scenario
  core::Framework framework;
  core::Library library;
  std::vector<core::Diagnostic> diagnostics;  // framework and schedule problems
};

DailyPick pickDaily(const core::CivilDate& date, const std::string& scenariosDir);

}  // namespace trustdaily::cli
