#pragma once
// --keys "1 enter 2 ...": words turned into the same sf::Event values the
// keyboard and mouse produce, so scripted play goes through the real input path.
#include <SFML/Window/Event.hpp>
#include <string>
#include <vector>

namespace trustdaily::game {

// Words: 0-9, a-z, enter, esc, up, down, left, right, tab, shift+tab, space,
// pageup, pagedown, home, end, f1, ?, plus, minus, and mouse words
// move:X,Y  click:X,Y  wheel:N (at the last mouse position).
// Returns false and sets *error (naming the word) on an unknown word.
bool parseKeyScript(const std::string& text, std::vector<sf::Event>& events, std::string* error);

}  // namespace trustdaily::game
