#pragma once
// JSON with source positions. nlohmann/json 3.11.2 keeps no positions in its
// DOM, merges duplicate keys and has no depth limit, so we parse through its
// SAX interface with an input iterator that tells us how far the lexer has
// read, build an ordered DOM ourselves, and record the line and column of
// every key and value by JSON Pointer.
#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <vector>

#include "diagnostic.hpp"

namespace trustdaily::core {

using Json = nlohmann::ordered_json;

inline constexpr std::size_t kMaxFileBytes = 1024 * 1024;  // 1 MiB
inline constexpr std::size_t kMaxDepth = 64;

struct PositionedJson {
  Json root;
  std::unordered_map<std::string, SourcePos> valuePos;  // pointer -> first byte of value
  std::unordered_map<std::string, SourcePos> keyPos;    // pointer -> opening quote of key
  std::vector<Diagnostic> diagnostics;                  // file-level and syntax errors
  bool ok() const { return !hasErrors(diagnostics); }

  SourcePos posOfValue(const std::string& pointer) const;
  // The key when there is one (object members), else the value.
  SourcePos posOfKey(const std::string& pointer) const;
};

// Parses bytes; never throws. Checks size, emptiness, depth, duplicate keys,
// syntax and UTF-8, and that the top level is an object.
PositionedJson parsePositioned(const std::string& bytes, const std::string& file);

// Appends an escaped reference token ("~" -> "~0", "/" -> "~1").
std::string pointerJoin(const std::string& base, const std::string& token);
std::string pointerJoin(const std::string& base, std::size_t index);

// Maps byte offsets to 1-based line and byte column.
class LineIndex {
 public:
  explicit LineIndex(const std::string& bytes);
  SourcePos at(std::size_t offset) const;

 private:
  std::vector<std::size_t> lineStarts_;
};

// Number of Unicode code points in valid UTF-8 text.
std::size_t utf8Length(const std::string& s);

}  // namespace trustdaily::core
