#include "game/ui/text_wrap.hpp"

#include "core/utf8_text.hpp"

namespace trustdaily::game {

// Text from content has passed the JSON parser's UTF-8 check, but file names
// have not: sanitise so a malformed byte draws as U+FFFD, never as garbage.
sf::String utf8(const std::string& text) {
  const std::string clean = core::isValidUtf8(text) ? text : core::sanitizeUtf8(text);
  return sf::String::fromUtf8(clean.begin(), clean.end());
}

float lineWidth(const sf::Font& font, unsigned size, const sf::String& line) {
  float w = 0;
  sf::Uint32 prev = 0;
  for (sf::Uint32 c : line) {
    if (prev != 0) w += font.getKerning(prev, c, size);
    w += font.getGlyph(c, size, false).advance;
    prev = c;
  }
  return w;
}

namespace {

// Appends `word` to lines, breaking it by characters when it alone exceeds width.
void placeWord(const sf::Font& font, unsigned size, float width, const sf::String& word,
               std::vector<sf::String>& lines, sf::String& current) {
  sf::String candidate = current.isEmpty() ? word : current + sf::String(" ") + word;
  if (lineWidth(font, size, candidate) <= width) {
    current = candidate;
    return;
  }
  if (!current.isEmpty()) {
    lines.push_back(current);
    current.clear();
  }
  if (lineWidth(font, size, word) <= width) {
    current = word;
    return;
  }
  for (sf::Uint32 c : word) {
    sf::String next = current + sf::String(c);
    if (!current.isEmpty() && lineWidth(font, size, next) > width) {
      lines.push_back(current);
      current = sf::String(c);
    } else {
      current = next;
    }
  }
}

}  // namespace

std::vector<sf::String> wrapText(const sf::Font& font, unsigned size, const sf::String& text,
                                 float width) {
  std::vector<sf::String> lines;
  sf::String current;
  sf::String word;
  bool paragraphOpen = false;
  for (sf::Uint32 c : text) {
    if (c == ' ' || c == '\t') {
      if (!word.isEmpty()) placeWord(font, size, width, word, lines, current);
      word.clear();
      paragraphOpen = true;
    } else if (c == '\n') {
      if (!word.isEmpty()) placeWord(font, size, width, word, lines, current);
      word.clear();
      lines.push_back(current);
      current.clear();
      paragraphOpen = false;
    } else if (c != '\r') {
      word += c;
      paragraphOpen = true;
    }
  }
  if (!word.isEmpty()) placeWord(font, size, width, word, lines, current);
  if (!current.isEmpty() || paragraphOpen || lines.empty()) lines.push_back(current);
  // A no-break space only joins words for wrapping; it is drawn as a plain
  // space (SFML 2.5 draws U+00A0's empty glyph box with a speck of the atlas).
  for (sf::String& line : lines) line.replace(sf::String(sf::Uint32{0xA0}), sf::String(" "));
  return lines;
}

}  // namespace trustdaily::game
