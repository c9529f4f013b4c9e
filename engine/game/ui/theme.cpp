#include "game/ui/theme.hpp"

#include <cmath>

namespace trustdaily::game {

Palette paletteFor(core::Theme theme) {
  if (theme == core::Theme::Dark) {
    return Palette{
        .background = sf::Color(0x14, 0x17, 0x1B),
        .surface = sf::Color(0x1E, 0x23, 0x29),
        .raised = sf::Color(0x2B, 0x32, 0x3B),
        .text = sf::Color(0xE8, 0xEC, 0xF1),
        .muted = sf::Color(0xA9, 0xB3, 0xBE),
        .accent = sf::Color(0x7F, 0xB2, 0xF5),
        .onAccent = sf::Color(0x0C, 0x14, 0x20),
        .border = sf::Color(0x3A, 0x43, 0x4E),
        .track = sf::Color(0x33, 0x3A, 0x44),
        .positive = sf::Color(0x72, 0xD1, 0x9A),
        .negative = sf::Color(0xF4, 0x94, 0x9E),
        .dim = sf::Color(0, 0, 0, 150),
    };
  }
  return Palette{
      .background = sf::Color(0xF4, 0xF2, 0xED),
      .surface = sf::Color(0xFF, 0xFF, 0xFF),
      .raised = sf::Color(0xE8, 0xF0, 0xFA),
      .text = sf::Color(0x1C, 0x22, 0x29),
      .muted = sf::Color(0x4D, 0x57, 0x63),
      .accent = sf::Color(0x1D, 0x58, 0xA6),
      .onAccent = sf::Color(0xFF, 0xFF, 0xFF),
      .border = sf::Color(0xCB, 0xD0, 0xD8),
      .track = sf::Color(0xE3, 0xE6, 0xEB),
      .positive = sf::Color(0x1F, 0x6E, 0x43),
      .negative = sf::Color(0xA3, 0x2A, 0x37),
      .dim = sf::Color(0x14, 0x18, 0x1C, 120),
  };
}

std::optional<sf::Color> parseHexColour(const std::string& text) {
  if (text.size() != 7 || text[0] != '#') return std::nullopt;
  unsigned value = 0;
  for (std::size_t i = 1; i < 7; ++i) {
    char c = text[i];
    unsigned digit = 0;
    if (c >= '0' && c <= '9') {
      digit = static_cast<unsigned>(c - '0');
    } else if (c >= 'a' && c <= 'f') {
      digit = static_cast<unsigned>(c - 'a' + 10);
    } else if (c >= 'A' && c <= 'F') {
      digit = static_cast<unsigned>(c - 'A' + 10);
    } else {
      return std::nullopt;
    }
    value = value * 16 + digit;
  }
  return sf::Color(static_cast<sf::Uint8>(value >> 16), static_cast<sf::Uint8>(value >> 8),
                   static_cast<sf::Uint8>(value));
}

double relativeLuminance(sf::Color c) {
  auto channel = [](sf::Uint8 v) {
    double s = v / 255.0;
    return s <= 0.03928 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

double contrastRatio(sf::Color a, sf::Color b) {
  double la = relativeLuminance(a);
  double lb = relativeLuminance(b);
  if (la < lb) std::swap(la, lb);
  return (la + 0.05) / (lb + 0.05);
}

}  // namespace trustdaily::game
