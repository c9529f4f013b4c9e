#pragma once
// Font lookup: fontconfig (DejaVu Sans, else the system's sans) first, then the
// DejaVu files shipped under assets/fonts.
#include <string>
#include <vector>

namespace trustdaily::game {

struct FontFiles {
  std::string regular;
  std::string bold;
};

// Candidate files, best first. Never empty: the shipped fallback paths are
// always listed (they may not exist).
std::vector<FontFiles> fontCandidates();

// Folders where assets/fonts may live: beside the executable, the source tree,
// the working directory.
std::vector<std::string> assetRoots();

}  // namespace trustdaily::game
