#pragma once
// The fuzz entry points, shared by the libFuzzer builds (clang) and the plain
// corpus driver (any compiler), so the sanitizer CI job exercises the same
// code without clang.
#include <cstddef>
#include <cstdint>

namespace trustdaily::fuzz {

// Loader + validator + analyser on raw bytes.
void scenarioBytes(const std::uint8_t* data, std::size_t size);
// Progress-file reader.
void progressBytes(const std::uint8_t* data, std::size_t size);
// Settings reader.
void settingsBytes(const std::uint8_t* data, std::size_t size);
// Structure-aware: the bytes steer edits of a valid scenario's JSON values
// (numbers, ids, next, requires), so the graph analysis is reached.
void scenarioStructure(const std::uint8_t* data, std::size_t size);

}  // namespace trustdaily::fuzz
