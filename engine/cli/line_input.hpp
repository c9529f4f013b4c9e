#pragma once
// Lines from standard input, bounded: a line longer than the limit (a
// /dev/zero or a 100 MB line on stdin) is an error after reading the limit
// plus one byte, never gigabytes of memory.
#include <cstddef>
#include <istream>
#include <optional>
#include <ostream>
#include <string>

namespace trustdaily::cli {

inline constexpr std::size_t kMaxInputLine = 4096;

enum class LineStatus { Ok, End, TooLong };

struct InputLine {
  LineStatus status = LineStatus::End;
  std::string text;  // trimmed of spaces, tabs and a carriage return
};

// Prints the prompt "> ", then reads one line.
InputLine readInputLine(std::istream& in, std::ostream& out);

}  // namespace trustdaily::cli
