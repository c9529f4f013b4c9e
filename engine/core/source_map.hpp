#pragma once
// Where each key and value of a scenario file is, by JSON Pointer, kept with
// the model so that later stages (analysis, lint, the playtest window) can
// point inside `requires`, `trust` or `sets` without parsing the file again.
#include <string>
#include <unordered_map>

#include "diagnostic.hpp"

namespace trustdaily::core {

struct SourceMap {
  std::unordered_map<std::string, SourcePos> valuePos;  // pointer -> first byte of value
  std::unordered_map<std::string, SourcePos> keyPos;    // pointer -> opening quote of key

  SourcePos value(const std::string& pointer, SourcePos fallback) const {
    auto it = valuePos.find(pointer);
    return it == valuePos.end() ? fallback : it->second;
  }
  // The key when the pointer names an object member, else the value.
  SourcePos key(const std::string& pointer, SourcePos fallback) const {
    auto it = keyPos.find(pointer);
    return it == keyPos.end() ? value(pointer, fallback) : it->second;
  }
};

}  // namespace trustdaily::core
