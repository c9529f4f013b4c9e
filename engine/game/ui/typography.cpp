#include "game/ui/typography.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace trustdaily::game {

float Typography::lineHeight(unsigned size) const {
  return std::round(regular->getLineSpacing(size) * 1.28f);
}

Typography typographyFor(int step, const sf::Font& regular, const sf::Font& bold) {
  static constexpr std::array<unsigned, kTextSizeSteps> kBody{15, 17, 20, 24};
  Typography t;
  t.regular = &regular;
  t.bold = &bold;
  t.body = kBody[static_cast<std::size_t>(std::clamp(step, 0, kTextSizeSteps - 1))];
  t.small = static_cast<unsigned>(std::lround(t.body * 0.84));
  t.heading = static_cast<unsigned>(std::lround(t.body * 1.2));
  t.title = static_cast<unsigned>(std::lround(t.body * 1.55));
  t.unit = static_cast<float>(t.body);
  return t;
}

}  // namespace trustdaily::game
