#pragma once
// Font lookup: fontconfig (DejaVu Sans, else the system's sans) first, then the
// DejaVu files shipped in the data folder (share/trustdaily/fonts).
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

// Folders whose fonts/ may hold the shipped DejaVu files: the data folder
// that belongs to this binary (core::dataDir), when there is one.
std::vector<std::string> assetRoots();

}  // namespace trustdaily::game
