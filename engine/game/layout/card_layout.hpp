#pragma once
// The debrief card: a fixed-size image of a day's result for a one-to-one
// with a manager, pasted in a chat. Laid out as a Page (every element in the
// header region, in image coordinates) so the window's drawing code and the
// layout tests serve it too.
#include <SFML/Graphics/Color.hpp>
#include <SFML/System/Vector2.hpp>
#include <string>
#include <vector>

#include "game/ui/page.hpp"
#include "game/ui/typography.hpp"

namespace trustdaily::game {

// 16:9, large enough to stay readable when a chat shows it at half size.
inline constexpr unsigned kCardWidth = 1200;
inline constexpr unsigned kCardHeight = 675;

// The missteps the card aims to show before "N more" (fewer when the texts
// are long).
inline constexpr std::size_t kCardMissteps = 3;

struct CardBarView {
  std::string name;  // the framework's principle name
  sf::Color colour;
  int yours = 0;  // first tries, signed
  int best = 0;   // the best path
};

struct CardMisstepView {
  std::string choice;  // the misstep's text
  std::string lesson;  // its feedback: why it cost trust
  int pointsLost = 0;
  bool retried = false;
};

struct CardView {
  std::string date;      // YYYY-MM-DD
  std::string title;     // the scenario's title
  std::string result;    // "Success · 73 % · 1 retry (retries reached 100 %)"
  std::string kindNote;  // "" or "Played late"
  std::vector<CardBarView> bars;
  std::vector<CardMisstepView> missteps;
  std::string lesson;  // the ending's lesson
};

// The card's own type scale: fixed, whatever the text size setting, since
// the image has a fixed size.
Typography cardTypography(const sf::Font& regular, const sf::Font& bold);
// Long texts are cut to whole lines ending in an ellipsis (a misstep's
// choice and lesson to two lines each, its lesson to one when that lets up
// to three missteps show); missteps that do not fit are counted in a last
// line ("2 more missteps in the game's debrief").
Page layoutCard(const Typography& type, const CardView& view);

}  // namespace trustdaily::game
