#pragma once
// Loading scenario files: bytes -> positioned JSON -> validated Scenario.
// Never throws for content problems; every problem is a Diagnostic.
#include <string>
#include <vector>

#include "analysis.hpp"
#include "diagnostic.hpp"
#include "framework.hpp"
#include "scenario.hpp"

namespace trustdaily::core {

struct ScenarioLoad {
  std::string path;
  ScenarioPtr scenario;  // null when the file has errors
  // The model as far as a file with field errors could be read (null when
  // the file is valid, or not JSON): `graph` draws it; nothing plays it.
  ScenarioPtr partial;
  std::shared_ptr<const Analysis> analysis;  // null when it could not run
  std::vector<Diagnostic> diagnostics;       // sorted by line
  bool notAScenario = false;                 // framework.json, schema.json, ...
  SourcePos idPos;                           // of the "id" value, for duplicate-id errors
  bool ok() const { return scenario != nullptr; }
};

// Validates one file completely: fields, graph and exact analysis.
ScenarioLoad loadScenarioFile(const std::string& path, const Framework& fw);
// Same, from bytes already in memory (fuzzers, tests, live reload).
ScenarioLoad loadScenarioBytes(const std::string& bytes, const std::string& path,
                               const Framework& fw);

struct Library {
  std::vector<ScenarioLoad> files;             // every .json file looked at, sorted by path
  std::vector<ScenarioPtr> scenarios() const;  // the good ones, sorted by id
  ScenarioPtr find(const std::string& id) const;
  const ScenarioLoad* findLoad(const std::string& id) const;
  std::vector<Diagnostic> allDiagnostics() const;  // sorted by file, line
};

// Loads files and folders (folders: every *.json, not recursive). Scenario
// ids duplicated across files are errors on the later file (by path order).
Library loadLibrary(const std::vector<std::string>& paths, const Framework& fw);

}  // namespace trustdaily::core
