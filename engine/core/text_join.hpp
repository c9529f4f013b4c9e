#pragma once
// "a, b, c": how messages, graph labels and lint findings list ids.
#include <string>
#include <vector>

namespace trustdaily::core {

inline std::string joinComma(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) {
    if (!out.empty()) out += ", ";
    out += i;
  }
  return out;
}

}  // namespace trustdaily::core
