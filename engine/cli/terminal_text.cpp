#include "terminal_text.hpp"

#include <algorithm>
#include <sstream>

namespace trustdaily::cli {

namespace {

std::string rtrim(std::string s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

}  // namespace

std::size_t columns(const std::string& s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string wrap(const std::string& text, const std::string& first, const std::string& rest) {
  std::string out;
  const std::string* prefix = &first;
  std::size_t start = 0;
  for (;;) {
    std::size_t nl = text.find('\n', start);
    std::istringstream words(text.substr(start, nl == std::string::npos ? nl : nl - start));
    std::string line = *prefix;
    std::size_t width = columns(line);
    bool empty = true;
    for (std::string w; words >> w;) {
      std::size_t ww = columns(w);
      if (!empty && width + 1 + ww > kTerminalWidth) {
        out += line + "\n";
        line = rest;
        width = columns(rest);
        empty = true;
      }
      if (!empty) {
        line += ' ';
        ++width;
      }
      line += w;
      width += ww;
      empty = false;
    }
    out += (empty ? rtrim(line) : line) + "\n";
    prefix = &rest;
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return out;
}

std::string padded(const std::string& s, std::size_t width) {
  std::size_t w = columns(s);
  return w >= width ? s : s + std::string(width - w, ' ');
}

std::string signedNumber(int v) {
  std::string out = v > 0 ? "+" : "";  // += sidesteps a GCC 12 -Wrestrict false positive
  out += std::to_string(v);
  return out;
}

}  // namespace trustdaily::cli
