#pragma once
// Word wrapping measured with the font itself, so it needs no window.
#include <SFML/Graphics/Font.hpp>
#include <SFML/System/String.hpp>
#include <string>
#include <vector>

namespace trustdaily::game {

// UTF-8 -> sf::String (never through the locale).
sf::String utf8(const std::string& text);

// Width of one line as sf::Text draws it (advances plus kerning).
float lineWidth(const sf::Font& font, unsigned size, const sf::String& line);

// Wraps at spaces to `width`; breaks a word longer than a line; keeps '\n'
// as a line break. Never returns an empty vector for non-empty text.
std::vector<sf::String> wrapText(const sf::Font& font, unsigned size, const sf::String& text,
                                 float width);

}  // namespace trustdaily::game
