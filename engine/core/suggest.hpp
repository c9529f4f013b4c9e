#pragma once
// "Did you mean": the nearest known name to a mistyped one, as compilers
// suggest. Every "unknown X" diagnostic goes through here, so the distance
// and the threshold are the same for node ids, speakers, framework ids,
// field names, flags and command-line values.
#include <optional>
#include <string>
#include <vector>

namespace trustdaily::core {

// Optimal string alignment distance (insertions, deletions, substitutions,
// transpositions of neighbours), over bytes.
std::size_t editDistance(const std::string& a, const std::string& b);

// The known name nearest to `typo`, when it is close enough to be a typo: at
// most a third of the longer name's length apart (one edit for short
// names, never every byte), or one starts the other (five bytes or more),
// or one is the other with a word added before or after (`feedbak` ->
// `feedback`, `trust_minimum` -> `trust_min`). Ties go to the first in
// `known`. Never `typo` itself.
std::optional<std::string> nearestName(const std::string& typo,
                                       const std::vector<std::string>& known);

// "; did you mean 'x'?" or "" when nothing is near.
std::string didYouMean(const std::string& typo, const std::vector<std::string>& known);

}  // namespace trustdaily::core
