// trustdaily new ID --partner P --situation S [--dir D]
#include <filesystem>
#include <fstream>
#include <iostream>

#include "commands.hpp"
#include "core/field_reader.hpp"
#include "core/framework.hpp"
#include "scenario_template.hpp"

namespace trustdaily::cli {

namespace {

namespace fs = std::filesystem;

// "$schema" relative to the new file when schema.json sits beside the framework.
std::string schemaRef(const fs::path& dir, const std::string& frameworkPath) {
  std::error_code ec;
  fs::path schema = fs::path(frameworkPath).parent_path() / "schema.json";
  if (!fs::exists(schema, ec)) return "";
  fs::path rel = fs::relative(fs::absolute(schema, ec), fs::absolute(dir, ec), ec);
  if (ec || rel.empty()) return "";
  // Beside or just above the new file: a relative path that survives moving
  // the folder. Anywhere else: an absolute file URI.
  int ups = 0;
  for (const auto& part : rel) ups += part == "..";
  std::string ref = ups > 1 ? "file://" : "";
  if (ups > 1) return ref += fs::absolute(schema, ec).lexically_normal().generic_string();
  if (rel.generic_string().find('/') == std::string::npos) ref = "./";
  return ref += rel.generic_string();
}

}  // namespace

int runNew(const NewOptions& o) {
  if (o.id.size() > 64 || !core::matchesIdPattern(o.id)) {
    std::cerr << "new: id '" << o.id
              << "' must be lowercase words of a-z and 0-9 joined by single hyphens, at most 64 "
                 "characters (e.g. scope-cut-01)\n";
    return 2;
  }
  if (!core::matchesIdPattern(o.situation)) {
    std::cerr << "new: situation '" << o.situation
              << "' must be a kebab-case tag such as bad-news\n";
    return 2;
  }
  fs::path file = fs::path(o.dir) / (o.id + ".json");
  std::string fwPath = core::findFrameworkFor(file.string());
  core::FrameworkLoad fw = core::loadFramework(fwPath);
  if (!fw.ok()) {
    for (const auto& d : fw.diagnostics) std::cerr << core::formatText(d) << "\n";
    return 1;
  }
  if (!fw.framework.partner(o.partner)) {
    std::cerr << "new: unknown partner '" << o.partner << "'; the framework (" << fwPath
              << ") has:";
    for (const auto& p : fw.framework.partners) std::cerr << " " << p.id;
    std::cerr << "\n";
    return 2;
  }
  std::error_code ec;
  if (fs::exists(file, ec)) {
    std::cerr << "new: " << file.string() << " already exists; not overwriting it\n";
    return 1;
  }
  if (!fs::is_directory(o.dir, ec)) {
    std::cerr << "new: folder " << o.dir << " does not exist\n";
    return 1;
  }
  TemplateParams params{o.id, o.partner, o.situation, schemaRef(o.dir, fwPath)};
  std::string text = scenarioTemplate(params, fw.framework);
  // Exclusive create: never replace a file that appeared meanwhile.
  std::FILE* f = std::fopen(file.string().c_str(), "wx");
  if (!f) {
    std::cerr << "new: cannot create " << file.string() << "\n";
    return 1;
  }
  bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  ok = std::fclose(f) == 0 && ok;
  if (!ok) {
    std::cerr << "new: cannot write " << file.string() << "\n";
    return 1;
  }
  std::cout << "wrote " << file.string() << "\n"
            << "next: edit the text, then\n"
            << "  trustdaily validate --strict " << file.string() << "\n"
            << "  trustdaily lint --strict " << file.string() << "\n"
            << "  trustdaily play " << file.string() << "\n";
  return 0;
}

}  // namespace trustdaily::cli
