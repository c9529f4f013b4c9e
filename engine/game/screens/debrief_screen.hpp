#pragma once
// Debrief at an ending: lesson, principle chart against the best path, trust,
// percentage, missteps with "Replay from here", and "Show a strong path"; for
// the day's recorded result, "Copy result" (C) and "Save card" (S).
#include "game/screens/page_screen.hpp"

namespace trustdaily::game {

class DebriefScreen : public PageScreen {
 public:
  explicit DebriefScreen(Context& ctx) : PageScreen(ctx, ScreenId::Debrief) {}

 protected:
  Page build(sf::Vector2f size) override;
  void onAction(int action) override;
  bool onKey(const sf::Event::KeyEvent& key) override;
  int defaultAction() const override;
  void onBack() override;

 private:
  void copyResult();
  void saveCard();
  std::vector<std::size_t> misstepSteps_;
  std::string shareNote_;  // what the last copy or save did
  bool shareFailed_ = false;
};

}  // namespace trustdaily::game
