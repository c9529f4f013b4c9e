#pragma once
// Play: the speaker, the scene, its documents (A-D), the numbered choices and
// the trust meters.
#include "game/screens/page_screen.hpp"

namespace trustdaily::game {

class PlayScreen : public PageScreen {
 public:
  explicit PlayScreen(Context& ctx) : PageScreen(ctx, ScreenId::Play) {}

 protected:
  Page build(sf::Vector2f size) override;
  void onAction(int action) override;
  bool onKey(const sf::Event::KeyEvent& key) override;
  int defaultAction() const override;
  void onBack() override;

 private:
  void choose(std::size_t offered);
  void openDocument(std::size_t index);
  std::size_t shownStep_ = static_cast<std::size_t>(-1);
};

// The trust meters of the play's partners (value now, change since the start).
std::vector<MeterView> trustMeterViews(const GameModel& model, const core::Session& session);

}  // namespace trustdaily::game
