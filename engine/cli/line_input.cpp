#include "line_input.hpp"

namespace trustdaily::cli {

namespace {

std::string trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  auto e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

}  // namespace

InputLine readInputLine(std::istream& in, std::ostream& out) {
  out << "> " << std::flush;
  InputLine line;
  std::string text;
  std::streambuf* buf = in.rdbuf();
  for (;;) {
    int c = buf == nullptr ? std::char_traits<char>::eof() : buf->sbumpc();
    if (c == std::char_traits<char>::eof()) {
      in.setstate(std::ios::eofbit);
      if (text.empty()) return line;  // End
      break;                          // a last line without a newline still counts
    }
    if (c == '\n') break;
    if (text.size() == kMaxInputLine) {
      line.status = LineStatus::TooLong;
      return line;
    }
    text += static_cast<char>(c);
  }
  line.status = LineStatus::Ok;
  line.text = trim(text);
  return line;
}

}  // namespace trustdaily::cli
