#include "suggest.hpp"

#include <algorithm>

namespace trustdaily::core {

std::size_t editDistance(const std::string& a, const std::string& b) {
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1, 0));
  for (std::size_t i = 0; i <= n; ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= m; ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = 1; j <= m; ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[n][m];
}

namespace {

// `longer` is `shorter` plus one extra word before or after it, joined by
// '_' or '-' ("trust_minimum" is not; "asked_why_early" and "asked_why" are).
bool extraWord(const std::string& shorter, const std::string& longer) {
  if (shorter.size() < 3 || longer.size() <= shorter.size() + 1) return false;
  if (longer.compare(0, shorter.size(), shorter) == 0) {
    char sep = longer[shorter.size()];
    return sep == '_' || sep == '-';
  }
  std::size_t at = longer.size() - shorter.size();
  if (longer.compare(at, shorter.size(), shorter) == 0) {
    char sep = longer[at - 1];
    return sep == '_' || sep == '-';
  }
  return false;
}

// A shared start of at least five bytes covering all of the shorter name
// ("trust_minimum" -> "trust_min", "feedbackk" -> "feedback").
bool truncated(const std::string& a, const std::string& b) {
  const std::string& shorter = a.size() < b.size() ? a : b;
  const std::string& longer = a.size() < b.size() ? b : a;
  return shorter.size() >= 5 && longer.compare(0, shorter.size(), shorter) == 0;
}

}  // namespace

std::optional<std::string> nearestName(const std::string& typo,
                                       const std::vector<std::string>& known) {
  std::optional<std::string> best;
  std::size_t bestDistance = SIZE_MAX;
  for (const auto& k : known) {
    if (k == typo || k.empty()) continue;
    std::size_t dist = editDistance(typo, k);
    std::size_t longest = std::max(typo.size(), k.size());
    // dist < longest: replacing every byte of "a" by "b" is not a typo.
    bool near = (dist <= std::max<std::size_t>(1, longest / 3) && dist < longest) ||
                truncated(typo, k) || extraWord(typo, k) || extraWord(k, typo);
    if (near && dist < bestDistance) {
      best = k;
      bestDistance = dist;
    }
  }
  return best;
}

std::string didYouMean(const std::string& typo, const std::vector<std::string>& known) {
  auto near = nearestName(typo, known);
  return near ? "; did you mean '" + *near + "'?" : "";
}

}  // namespace trustdaily::core
