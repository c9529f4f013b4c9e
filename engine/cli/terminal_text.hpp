#pragma once
// Text for the terminal: lines wrapped by words at 78 columns, counted in
// code points (scenario text is validated UTF-8 without emoji).
#include <cstddef>
#include <string>

namespace trustdaily::cli {

inline constexpr std::size_t kTerminalWidth = 78;

std::size_t columns(const std::string& s);
// Wraps by words; `first` starts the first line, `rest` every other one.
// The author's line breaks are kept.
std::string wrap(const std::string& text, const std::string& first, const std::string& rest);
std::string padded(const std::string& s, std::size_t width);
std::string signedNumber(int v);  // "+2", "0", "-3"

}  // namespace trustdaily::cli
