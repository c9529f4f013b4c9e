#pragma once
// The type scale: four text sizes (the setting), each with a title, heading,
// body and small size, and the spacing derived from them.
#include <SFML/Graphics/Font.hpp>

namespace trustdaily::game {

inline constexpr int kTextSizeSteps = 4;

struct Typography {
  const sf::Font* regular = nullptr;
  const sf::Font* bold = nullptr;
  unsigned title = 26;
  unsigned heading = 20;
  unsigned body = 17;
  unsigned small = 14;
  float unit = 17;  // spacing unit: gaps are multiples of it

  float lineHeight(unsigned size) const;
};

// step: 0 small .. 3 extra large (clamped).
Typography typographyFor(int step, const sf::Font& regular, const sf::Font& bold);

}  // namespace trustdaily::game
