#pragma once
// Colours of the light and dark themes. Text roles meet WCAG AA (4.5:1) on
// every surface they are drawn on; tests/game/unit-theme.cpp checks it.
#include <SFML/Graphics/Color.hpp>
#include <optional>
#include <string>

#include "core/settings.hpp"

namespace trustdaily::game {

struct Palette {
  sf::Color background;  // window
  sf::Color surface;     // cards, panels
  sf::Color raised;      // hovered buttons
  sf::Color text;
  sf::Color muted;     // secondary text
  sf::Color accent;    // primary buttons, focus ring, links
  sf::Color onAccent;  // text on accent
  sf::Color border;
  sf::Color track;     // empty part of meters and bars
  sf::Color positive;  // text of gains
  sf::Color negative;  // text of losses
  sf::Color dim;       // veil behind overlays
};

Palette paletteFor(core::Theme theme);

// "#RRGGBB" -> colour; nullopt when malformed.
std::optional<sf::Color> parseHexColour(const std::string& text);

// WCAG 2 relative luminance and contrast ratio.
double relativeLuminance(sf::Color c);
double contrastRatio(sf::Color a, sf::Color b);

}  // namespace trustdaily::game
