#pragma once
// Library: every loaded scenario, filterable by partner and situation, with
// the best result so far; files with errors are listed, not played.
#include "game/screens/page_screen.hpp"

namespace trustdaily::game {

class LibraryScreen : public PageScreen {
 public:
  explicit LibraryScreen(Context& ctx);

 protected:
  Page build(sf::Vector2f size) override;
  void onAction(int action) override;
  bool onKey(const sf::Event::KeyEvent& key) override;

 private:
  std::vector<std::string> partners_;  // filter values; index 0 of the filter = all
  std::vector<std::string> situations_;
  std::size_t partner_ = 0;
  std::size_t situation_ = 0;
  std::vector<core::ScenarioPtr> shown_;
};

}  // namespace trustdaily::game
