#include "framework.hpp"

#include <filesystem>

#include "data_paths.hpp"
#include "field_reader.hpp"
#include "file_access.hpp"
#include "json_source.hpp"

namespace trustdaily::core {

namespace {

const FrameworkEntry* findEntry(const std::vector<FrameworkEntry>& v, const std::string& id) {
  for (const auto& e : v)
    if (e.id == id) return &e;
  return nullptr;
}

std::vector<FrameworkEntry> readEntries(const Json& root, const std::string& key, FieldReader& r,
                                        bool wantColour) {
  std::vector<FrameworkEntry> out;
  const Json* arr = r.member(root, "", key, true);
  std::string ptr = "/" + key;
  if (!arr || !r.isArray(*arr, ptr, key)) return out;
  for (std::size_t i = 0; i < arr->size(); ++i) {
    std::string p = pointerJoin(ptr, i);
    const Json& e = (*arr)[i];
    if (!r.isObject(e, p, "entry")) continue;
    FrameworkEntry fe;
    if (auto v = r.string(e, p, "id", true, 1, 64)) {
      if (!matchesIdPattern(*v))
        r.report(DiagCode::BadId, pointerJoin(p, "id"), "id '" + *v + "' is not kebab-case");
      fe.id = *v;
    }
    if (auto v = r.string(e, p, "name", true, 1, 80)) fe.name = *v;
    if (auto v = r.string(e, p, "description", true, 1, 400)) fe.description = *v;
    if (auto v = r.string(e, p, "weight", false, 1, 80)) fe.weight = *v;
    if (wantColour) {
      if (auto v = r.string(e, p, "colour", true, 7, 7)) {
        bool hex = (*v)[0] == '#' &&
                   v->find_first_not_of("0123456789abcdefABCDEF", 1) == std::string::npos;
        if (!hex)
          r.report(DiagCode::WrongType, pointerJoin(p, "colour"),
                   "colour '" + *v + "' must be #RRGGBB");
        fe.colour = *v;
      }
    }
    if (findEntry(out, fe.id) != nullptr)
      r.report(DiagCode::DuplicateEntry, pointerJoin(p, "id"),
               "id '" + fe.id + "' is listed twice");
    out.push_back(std::move(fe));
  }
  return out;
}

}  // namespace

const FrameworkEntry* Framework::principle(const std::string& id) const {
  return findEntry(principles, id);
}
const FrameworkEntry* Framework::partner(const std::string& id) const {
  return findEntry(partners, id);
}
const FrameworkEntry* Framework::behaviour(const std::string& id) const {
  return findEntry(behaviours, id);
}

FrameworkLoad parseFramework(const std::string& bytes, const std::string& path) {
  FrameworkLoad out;
  PositionedJson doc = parsePositioned(bytes, path);
  out.diagnostics = doc.diagnostics;
  if (!doc.ok()) return out;
  FieldReader r(doc, path, out.diagnostics);
  out.framework.principles = readEntries(doc.root, "principles", r, true);
  out.framework.partners = readEntries(doc.root, "partners", r, false);
  out.framework.behaviours = readEntries(doc.root, "behaviours", r, false);
  return out;
}

FrameworkLoad loadFramework(const std::string& path) {
  FileRead read = readBounded(path, kMaxFileBytes);
  if (!read.ok() && read.status != ReadStatus::TooLarge) {
    FrameworkLoad out;
    std::string why = "cannot read the framework file";
    if (read.status == ReadStatus::NotAFile) why += ": it " + read.why;
    out.diagnostics.push_back(makeDiagnostic(DiagCode::FileUnreadable, path, SourcePos{}, "", why));
    return out;
  }
  return parseFramework(read.bytes, path);  // too large: the parser says so
}

std::string findFrameworkFor(const std::string& scenarioPath) {
  if (!frameworkOverride().empty()) return frameworkOverride();
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path p(scenarioPath);
  fs::path dir = fs::is_directory(p, ec) ? p : p.parent_path();
  if (dir.empty()) dir = ".";
  // The folder itself, then its parents (a file in scenarios/drafts/ still
  // finds scenarios/framework.json).
  for (fs::path d = fs::absolute(dir, ec); !d.empty(); d = d.parent_path()) {
    if (fs::exists(d / "framework.json", ec)) return (d / "framework.json").string();
    if (fs::exists(d / "scenarios" / "framework.json", ec))
      return (d / "scenarios" / "framework.json").string();
    if (d == d.parent_path()) break;
  }
  // Outside any scenarios folder: the framework shipped beside the binary.
  std::string shipped = shippedScenariosDir();
  return shipped.empty() ? std::string("framework.json")
                         : (fs::path(shipped) / "framework.json").string();
}

}  // namespace trustdaily::core
