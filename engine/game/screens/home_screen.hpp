#pragma once
// Home: today's scenario, the streak, earlier days, the principle profile,
// the missteps due for review (R starts the drill once the day is done), and
// the ways to the library and settings.
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
  bool canReview() const;

 private:
  std::vector<std::int64_t> earlierDays_;  // play ids of the listed days
  std::string replayProblem_;
};

}  // namespace trustdaily::game
