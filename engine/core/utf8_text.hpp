#pragma once
// UTF-8 checks for text that did not come through the JSON parser, such as
// file names: a name on disk is any byte string, not necessarily UTF-8.
#include <string>
#include <string_view>

namespace trustdaily::core {

// True when `s` is well-formed UTF-8 (no overlong forms, no surrogates,
// nothing above U+10FFFF).
bool isValidUtf8(std::string_view s);

// `s` with every byte that is not part of a well-formed sequence replaced by
// U+FFFD, so it can be drawn or written to JSON.
std::string sanitizeUtf8(std::string_view s);

}  // namespace trustdaily::core
