#include "game/platform/font_finder.hpp"

#include <fontconfig/fontconfig.h>

#include "core/data_paths.hpp"

namespace trustdaily::game {
namespace {

std::string matchFont(const char* family, int weight) {
  FcPattern* pattern = FcPatternCreate();
  FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(family));
  FcPatternAddInteger(pattern, FC_WEIGHT, weight);
  FcPatternAddInteger(pattern, FC_SLANT, FC_SLANT_ROMAN);
  FcPatternAddString(pattern, FC_FONTFORMAT, reinterpret_cast<const FcChar8*>("TrueType"));
  FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
  FcDefaultSubstitute(pattern);
  FcResult result = FcResultNoMatch;
  FcPattern* match = FcFontMatch(nullptr, pattern, &result);
  std::string path;
  if (match != nullptr) {
    FcChar8* file = nullptr;
    if (FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch && file != nullptr) {
      path = reinterpret_cast<const char*>(file);
    }
    FcPatternDestroy(match);
  }
  FcPatternDestroy(pattern);
  return path;
}

}  // namespace

std::vector<std::string> assetRoots() {
  std::vector<std::string> roots;
  if (std::string data = core::dataDir(); !data.empty()) roots.push_back(data);
  return roots;
}

std::vector<FontFiles> fontCandidates() {
  std::vector<FontFiles> out;
  if (FcInit()) {
    for (const char* family : {"DejaVu Sans", "sans-serif"}) {
      FontFiles f{matchFont(family, FC_WEIGHT_REGULAR), matchFont(family, FC_WEIGHT_BOLD)};
      if (!f.regular.empty()) {
        if (f.bold.empty()) f.bold = f.regular;
        out.push_back(f);
      }
    }
  }
  for (const std::string& root : assetRoots()) {
    out.push_back({root + "/fonts/DejaVuSans.ttf", root + "/fonts/DejaVuSans-Bold.ttf"});
  }
  return out;
}

}  // namespace trustdaily::game
