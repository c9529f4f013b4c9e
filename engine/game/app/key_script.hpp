#pragma once
// --keys "1 enter 2 ...": words turned into the same sf::Event values the
// keyboard and mouse produce, so scripted play goes through the real input path.
#include <SFML/Window/Event.hpp>
#include <string>
#include <vector>

namespace trustdaily::game {

// Words: 0-9, a-z, enter, esc, up, down, left, right, tab, shift+tab, space,
// pageup, pagedown, home, end, f1, f2, f5, ?, plus, minus, and mouse words
// move:X,Y  click:X,Y  wheel:N (at the last mouse position).
// Returns false and sets *error (naming the word) on an unknown word.
bool parseKeyScript(const std::string& text, std::vector<sf::Event>& events, std::string* error);

// A step of a --keys script: an input event, or a test step between events:
//   wait:MS     run the real event loop for MS milliseconds (the file watcher
//               included), so a test can change a watched file meanwhile
//   shot:PATH   save a screenshot now
//   dump:PATH   write the --dump-state JSON now
//   until:PATH  run the real event loop until PATH exists (at most 60 s), so
//               another process can talk to the window meanwhile (a test
//               reading the clipboard it owns), without a guessed wait
struct ScriptStep {
  enum class Kind { Event, Wait, Shot, Dump, Until };
  Kind kind = Kind::Event;
  sf::Event event{};
  int ms = 0;
  std::string path;
};

// Same words as parseKeyScript, plus wait:, shot:, dump: and until:.
bool parseScript(const std::string& text, std::vector<ScriptStep>& steps, std::string* error);

}  // namespace trustdaily::game
