#pragma once
// The trust framework as data (scenarios/framework.json): the ids scenarios
// may use for principles, partners and behaviours, with display text.
#include <string>
#include <vector>

#include "diagnostic.hpp"

namespace trustdaily::core {

struct FrameworkEntry {
  std::string id;
  std::string name;
  std::string description;
  std::string colour;  // "#RRGGBB", principles only
  std::string weight;  // partners only
};

struct Framework {
  std::vector<FrameworkEntry> principles;  // in display order
  std::vector<FrameworkEntry> partners;
  std::vector<FrameworkEntry> behaviours;

  const FrameworkEntry* principle(const std::string& id) const;
  const FrameworkEntry* partner(const std::string& id) const;
  const FrameworkEntry* behaviour(const std::string& id) const;
};

struct FrameworkLoad {
  Framework framework;
  std::vector<Diagnostic> diagnostics;
  bool ok() const { return !hasErrors(diagnostics); }
};

FrameworkLoad loadFramework(const std::string& path);
FrameworkLoad parseFramework(const std::string& bytes, const std::string& path);

// Looks for framework.json beside a scenarios folder; used by the CLI and the
// game so that they agree on which framework governs a given path.
std::string findFrameworkFor(const std::string& scenarioPath);

}  // namespace trustdaily::core
