#pragma once
// Home: today's scenario, the streak, earlier days, the principle profile,
// missteps waiting for a replay, and the ways to the library and settings.
#include "game/screens/page_screen.hpp"

namespace trustdaily::game {

class HomeScreen : public PageScreen {
 public:
  explicit HomeScreen(Context& ctx) : PageScreen(ctx, ScreenId::Home) {}

 protected:
  Page build(sf::Vector2f size) override;
  void onAction(int action) override;
  bool onKey(const sf::Event::KeyEvent& key) override;
  int defaultAction() const override;

 private:
  std::vector<core::RecentMisstep> missteps_;
  std::vector<std::int64_t> earlierDays_;  // play ids of the listed days
  std::string replayProblem_;
};

}  // namespace trustdaily::game
