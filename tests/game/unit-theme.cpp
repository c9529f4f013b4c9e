// Both themes meet WCAG AA (4.5:1) for every text colour on every surface.
#include <doctest/doctest.h>

#include "game/ui/theme.hpp"

using namespace trustdaily::game;
using trustdaily::core::Theme;

TEST_CASE("text colours meet WCAG AA on every surface, in both themes") {
  for (Theme t : {Theme::Light, Theme::Dark}) {
    Palette p = paletteFor(t);
    CAPTURE(static_cast<int>(t));
    for (sf::Color surface : {p.background, p.surface, p.raised}) {
      for (sf::Color text : {p.text, p.muted, p.accent, p.positive, p.negative}) {
        CAPTURE(int(text.r));
        CAPTURE(int(surface.r));
        CHECK(contrastRatio(text, surface) >= 4.5);
      }
    }
    CHECK(contrastRatio(p.onAccent, p.accent) >= 4.5);
  }
}

TEST_CASE("hex colours parse strictly") {
  CHECK(parseHexColour("#3B7DD8") == sf::Color(0x3B, 0x7D, 0xD8));
  CHECK_FALSE(parseHexColour("3B7DD8").has_value());
  CHECK_FALSE(parseHexColour("#3B7DZ8").has_value());
  CHECK(contrastRatio(sf::Color::Black, sf::Color::White) == doctest::Approx(21.0));
}
