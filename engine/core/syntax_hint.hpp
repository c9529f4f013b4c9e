#pragma once
// JSON syntax errors in an author's words. The parser reports where it gave
// up ("unexpected string literal; expected '}'" at the end of the key after
// a missing comma); this looks at the tokens around that point and, for the
// mistakes people make when writing JSON by hand, names the mistake and
// points where the fix goes: a missing or trailing comma, a missing value,
// comments, single quotes, unquoted keys, True/False/None, an unclosed
// bracket at the end of the file, a line break inside a string, UTF-16.
#include <cstddef>
#include <optional>
#include <string>

namespace trustdaily::core {

struct SyntaxHint {
  std::size_t offset = 0;  // byte where the fix goes
  std::string message;     // without the "JSON syntax error: " prefix
};

// `errorOffset` is the byte at which the parser stopped.
std::optional<SyntaxHint> syntaxHint(const std::string& bytes, std::size_t errorOffset);

// A UTF-16 (or UTF-32) file, told by its byte order mark or by NUL bytes
// between ASCII characters at the start.
bool looksLikeUtf16(const std::string& bytes);

}  // namespace trustdaily::core
