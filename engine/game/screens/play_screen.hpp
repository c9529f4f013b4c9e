#pragma once
// Play: the speaker, the scene, its documents (A-D), the numbered choices and
// the trust meters.
#include <optional>

#include "core/scene_estimate.hpp"
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
  // "Scene 3 of about 8" for the play's current scene.
  std::string sceneLabel(const core::Session& session);
  std::size_t shownStep_ = static_cast<std::size_t>(-1);
  // Computed once per scenario (a playtest reload brings a new one); the
  // pointer keeps the scenario it was computed for alive.
  core::ScenarioPtr estimateOf_;
  std::optional<core::SceneEstimate> estimate_;
};

// The trust meters of the play's partners (value now, change since the start).
std::vector<MeterView> trustMeterViews(const GameModel& model, const core::Session& session);

}  // namespace trustdaily::game
