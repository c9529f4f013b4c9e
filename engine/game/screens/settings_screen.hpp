#pragma once
// Settings: text size and theme, saved through core::SettingsStore.
#include "game/screens/page_screen.hpp"

namespace trustdaily::game {

class SettingsScreen : public PageScreen {
 public:
  explicit SettingsScreen(Context& ctx) : PageScreen(ctx, ScreenId::Settings) {}

 protected:
  Page build(sf::Vector2f size) override;
  void onAction(int action) override;
  bool onKey(const sf::Event::KeyEvent& key) override;

 private:
  void apply(core::Settings s);
  std::string notice_;
};

}  // namespace trustdaily::game
