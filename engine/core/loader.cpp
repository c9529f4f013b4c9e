#include "loader.hpp"

#include <algorithm>
#include <filesystem>
#include <map>

#include "file_access.hpp"
#include "json_source.hpp"
#include "scenario_validator.hpp"

namespace trustdaily::core {

namespace fs = std::filesystem;

namespace {

// Known non-scenario JSON files that live beside scenarios.
std::string nonScenarioKind(const std::string& path, const PositionedJson& doc) {
  std::string name = fs::path(path).filename().string();
  if (name == "framework.json") return "the framework file";
  if (name == "schema.json" || name.ends_with(".schema.json")) return "a JSON Schema";
  if (name == "schedule.json") return "the daily schedule";
  if (doc.ok() && doc.root.is_object()) {
    auto kind = doc.root.find("kind");
    if (kind != doc.root.end() && kind->is_string() && *kind == "framework")
      return "a framework file";
    if (doc.root.contains("$id") && doc.root.contains("properties")) return "a JSON Schema";
  }
  return "";
}

}  // namespace

ScenarioLoad loadScenarioBytes(const std::string& bytes, const std::string& path,
                               const Framework& fw) {
  ScenarioLoad out;
  out.path = path;
  PositionedJson doc = parsePositioned(bytes, path);
  if (std::string kind = nonScenarioKind(path, doc); !kind.empty()) {
    out.notAScenario = true;
    out.diagnostics.push_back(makeDiagnostic(DiagCode::NotAScenario, path, SourcePos{}, "",
                                             "not a scenario (" + kind + "); skipped"));
    return out;
  }
  out.diagnostics = doc.diagnostics;
  if (!doc.ok()) {
    sortDiagnostics(out.diagnostics);
    return out;
  }
  out.idPos = doc.posOfValue("/id");
  std::string stem = fs::path(path).filename().string();
  if (stem.ends_with(".json")) stem.resize(stem.size() - 5);
  ScenarioPtr s = validateScenarioFields(doc, path, stem, fw, out.diagnostics, &out.partial);
  if (s) {
    AnalysisResult ar = analyzeScenario(*s, kStateBudget);
    out.diagnostics.insert(out.diagnostics.end(), ar.diagnostics.begin(), ar.diagnostics.end());
    if (!hasErrors(out.diagnostics) && ar.analysis.complete) {
      out.scenario = s;
      out.analysis = std::make_shared<const Analysis>(std::move(ar.analysis));
    } else {
      out.partial = s;  // fields fine, the graph is not (a cycle, a stuck state, ...)
    }
  }
  sortDiagnostics(out.diagnostics);
  return out;
}

ScenarioLoad loadScenarioFile(const std::string& path, const Framework& fw) {
  // Bounded and non-blocking: a pipe or device called x.json cannot hang the
  // load, a huge file is not read whole, a file replaced meanwhile is read
  // whole (the old one) or fails to parse.
  FileRead read = readBounded(path, kMaxFileBytes);
  if (!read.ok() && read.status != ReadStatus::TooLarge) {
    ScenarioLoad out;
    out.path = path;
    out.diagnostics.push_back(
        makeDiagnostic(DiagCode::FileUnreadable, path, SourcePos{}, "", "file " + read.why));
    return out;
  }
  const std::string& bytes = read.bytes;
  if (read.status == ReadStatus::TooLarge) {  // only the limit plus one byte was read
    std::error_code ec;
    auto size = fs::file_size(path, ec);
    ScenarioLoad out;
    out.path = path;
    out.diagnostics.push_back(
        makeDiagnostic(DiagCode::FileTooLarge, path, SourcePos{}, "",
                       "file is " + (ec ? std::string("over 1048576") : std::to_string(size)) +
                           " bytes, over the 1 MiB limit (1048576 bytes)"));
    return out;
  }
  return loadScenarioBytes(bytes, path, fw);
}

std::vector<ScenarioPtr> Library::scenarios() const {
  std::vector<ScenarioPtr> out;
  for (const auto& f : files)
    if (f.scenario) out.push_back(f.scenario);
  std::sort(out.begin(), out.end(),
            [](const ScenarioPtr& a, const ScenarioPtr& b) { return a->id < b->id; });
  return out;
}

const ScenarioLoad* Library::findLoad(const std::string& id) const {
  for (const auto& f : files)
    if (f.scenario && f.scenario->id == id) return &f;
  return nullptr;
}

ScenarioPtr Library::find(const std::string& id) const {
  const ScenarioLoad* l = findLoad(id);
  return l ? l->scenario : nullptr;
}

std::vector<Diagnostic> Library::allDiagnostics() const {
  std::vector<Diagnostic> out;
  for (const auto& f : files) out.insert(out.end(), f.diagnostics.begin(), f.diagnostics.end());
  sortDiagnostics(out);
  return out;
}

Library loadLibrary(const std::vector<std::string>& paths, const Framework& fw) {
  std::vector<std::string> files;
  std::vector<ScenarioLoad> failures;
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      fs::directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
      if (ec) {
        ScenarioLoad bad;
        bad.path = p;
        bad.diagnostics.push_back(makeDiagnostic(DiagCode::FileUnreadable, p, SourcePos{}, "",
                                                 "folder cannot be read: " + ec.message()));
        failures.push_back(std::move(bad));
        continue;
      }
      for (; it != end; it.increment(ec)) {
        if (it->path().extension() == ".json") files.push_back(it->path().string());
      }
      if (ec) {  // the listing broke off: say so, and load what was listed
        ScenarioLoad bad;
        bad.path = p;
        bad.diagnostics.push_back(makeDiagnostic(DiagCode::FileUnreadable, p, SourcePos{}, "",
                                                 "folder listing stopped early: " + ec.message()));
        failures.push_back(std::move(bad));
      }
    } else {
      files.push_back(p);
    }
  }
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());

  Library lib;
  lib.files = std::move(failures);
  std::map<std::string, std::pair<std::string, SourcePos>> firstById;
  for (const auto& f : files) {
    ScenarioLoad load = loadScenarioFile(f, fw);
    if (load.scenario) {
      auto [it, inserted] = firstById.emplace(load.scenario->id, std::pair{f, load.idPos});
      if (!inserted) {
        Diagnostic d = makeDiagnostic(
            DiagCode::DuplicateScenarioId, f, load.idPos, "/id",
            "scenario id '" + load.scenario->id + "' is already used by " + it->second.first);
        d.notes.push_back(DiagnosticNote{it->second.first, it->second.second, "first used here"});
        load.diagnostics.push_back(std::move(d));
        load.scenario = nullptr;
        load.analysis = nullptr;
      }
    }
    lib.files.push_back(std::move(load));
  }
  std::sort(lib.files.begin(), lib.files.end(),
            [](const ScenarioLoad& a, const ScenarioLoad& b) { return a.path < b.path; });
  return lib;
}

}  // namespace trustdaily::core
