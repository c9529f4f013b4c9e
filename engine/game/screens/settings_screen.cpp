#include "game/screens/settings_screen.hpp"

#include <algorithm>

#include "game/layout/screen_layouts.hpp"

namespace trustdaily::game {

Page SettingsScreen::build(sf::Vector2f size) {
  SettingsView v;
  v.textSize = ctx_.model.settings().textSize;
  v.dark = ctx_.model.settings().theme == core::Theme::Dark;
  v.rolloverHour = ctx_.model.settings().rolloverHour;
  v.notice = notice_;
  return layoutSettings(ctx_.type, size, v);
}

void SettingsScreen::apply(core::Settings s) {
  s.textSize = std::clamp(s.textSize, 0, kTextSizeSteps - 1);
  s.rolloverHour = (s.rolloverHour + 24) % 24;  // wraps: 23:00 is an hour before 00:00
  if (s == ctx_.model.settings()) return;
  // Either why it was not saved, or a note (an unreadable file kept aside).
  notice_ = ctx_.model.updateSettings(s);
  ctx_.settingsChanged = true;
}

bool SettingsScreen::onKey(const sf::Event::KeyEvent& key) {
  core::Settings s = ctx_.model.settings();
  switch (key.code) {
    case sf::Keyboard::Add:
    case sf::Keyboard::Equal:
      s.textSize += 1;
      break;
    case sf::Keyboard::Subtract:
    case sf::Keyboard::Hyphen:
      s.textSize -= 1;
      break;
    case sf::Keyboard::LBracket:
      s.rolloverHour -= 1;
      break;
    case sf::Keyboard::RBracket:
      s.rolloverHour += 1;
      break;
    case sf::Keyboard::T:
      s.theme = s.theme == core::Theme::Dark ? core::Theme::Light : core::Theme::Dark;
      break;
    default:
      return false;
  }
  apply(s);
  return true;
}

void SettingsScreen::onAction(int a) {
  core::Settings s = ctx_.model.settings();
  if (a == action::kBack) {
    ctx_.stack.pop();
    return;
  }
  if (a == action::kLight) s.theme = core::Theme::Light;
  if (a == action::kDark) s.theme = core::Theme::Dark;
  if (a == action::kRolloverEarlier) s.rolloverHour -= 1;
  if (a == action::kRolloverLater) s.rolloverHour += 1;
  if (a >= action::kListBase) s.textSize = a - action::kListBase;
  apply(s);
}

}  // namespace trustdaily::game
