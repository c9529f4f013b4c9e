#include "game/screens/help_screen.hpp"

#include "game/layout/screen_layouts.hpp"

namespace trustdaily::game {

Page HelpScreen::build(sf::Vector2f size) {
  HelpView v;
  v.keys = {
      {"1 \u2013 6", "Choose an answer while playing"},
      {"A \u2013 D", "Open one of the scene's documents (Esc or Enter closes it)"},
      {"\u2191 \u2193  Tab", "Move between buttons"},
      {"Enter", "Press the focused button (on Home: play or resume today)"},
      {"PgUp PgDn", "Scroll long text (the mouse wheel works too)"},
      {"Esc", "Back (mid-play it first says what happens to the play), or close this window"},
      {"R", "Try that again, after a misstep; on Home, review the missteps due"},
      {"T", "Debrief: show a strong path. Settings: switch theme"},
      {"C  S", "Debrief of the day\u2019s result: copy it to paste (no spoilers), save its card"},
      {"H  L  S  D",
       "Home: history, library, settings, today\u2019s debrief once the day is recorded"},
      {"\u2190 \u2192 \u2191 \u2193",
       "History: pick a day (Enter opens its debrief, or plays it from the archive); PgUp PgDn "
       "change the month, P practises the suggested scenario"},
      {"P  F", "Library: filter by partner, by situation"},
      {"+  \u2212", "Settings: text size"},
      {"F1  ?", "This help"},
      {"F2", "Playtest (play FILE): show flags, trust, totals, hidden choices and warnings"},
      {"F3", "Playtest (play FILE): jump to any node"},
      {"F5", "Playtest (play FILE): reload the file now (saving it reloads too)"},
  };
  return layoutHelp(ctx_.type, size, v);
}

int HelpScreen::defaultAction() const { return action::kBack; }

void HelpScreen::onAction(int a) {
  if (a == action::kBack) ctx_.stack.pop();
}

}  // namespace trustdaily::game
