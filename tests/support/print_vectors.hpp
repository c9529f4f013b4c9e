#pragma once
// Lets doctest print a list of lines when a CHECK on them fails, instead of
// "{?}": the failure then shows the actual diagnostics next to the expected.
#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& lines) {
    std::string out = "{";
    for (const std::string& l : lines) out.append("\n  \"").append(l).append("\"");
    out += lines.empty() ? "}" : "\n}";
    return String(out.c_str());
  }
};
}  // namespace doctest
