// The screen stack: pending changes applied after the event, and only the
// screens that show are rebuilt (a screen under an opaque one waits until it
// shows again).
#include <doctest/doctest.h>

#include <map>

#include "game/app/context.hpp"
#include "game/app/game_model.hpp"
#include "game/screens/screen_stack.hpp"

namespace trustdaily::game {
namespace {

std::map<ScreenId, int> refreshes;

class CountingScreen : public Screen {
 public:
  CountingScreen(Context& ctx, ScreenId id, bool overlay) : Screen(ctx, id), overlay_(overlay) {}
  bool overlay() const override { return overlay_; }
  void handleEvent(const sf::Event&) override {}
  void draw(sf::RenderTarget&) override {}
  void refresh() override { ++refreshes[id()]; }

 private:
  bool overlay_;
};

}  // namespace

TEST_CASE("only the screens that show are rebuilt; a hidden one when it shows again") {
  refreshes.clear();
  // A context the counting screens hold but never use (no window is opened;
  // the test runs under Xvfb like the layout tests).
  sf::RenderWindow window;
  GameModel model;
  sf::Font font;
  ScreenStack stack;
  Context ctx{window, model, stack, font, font, {}, {}, true, false};
  auto reg = [&](ScreenId id, bool overlay) {
    stack.registerScreen(
        id, [&ctx, id, overlay] { return std::make_unique<CountingScreen>(ctx, id, overlay); });
  };
  reg(ScreenId::Home, false);
  reg(ScreenId::Play, false);
  reg(ScreenId::Feedback, true);

  stack.push(ScreenId::Home);
  stack.push(ScreenId::Play);
  CHECK(refreshes.empty());  // pending until applied
  CHECK(stack.applyPending());
  CHECK(refreshes[ScreenId::Play] == 1);
  CHECK(refreshes[ScreenId::Home] == 0);  // under Play: not built yet

  stack.push(ScreenId::Feedback);  // an overlay: Play still shows
  CHECK(stack.applyPending());
  CHECK(refreshes[ScreenId::Feedback] == 1);
  CHECK(refreshes[ScreenId::Play] == 2);
  CHECK(refreshes[ScreenId::Home] == 0);

  stack.refreshAll();  // a resize
  CHECK(refreshes[ScreenId::Play] == 3);
  CHECK(refreshes[ScreenId::Home] == 0);

  stack.pop();
  stack.pop();
  CHECK(stack.applyPending());
  CHECK(refreshes[ScreenId::Home] == 1);  // shows again: rebuilt
  CHECK(stack.top()->id() == ScreenId::Home);
  CHECK_FALSE(stack.applyPending());  // nothing pending
}

}  // namespace trustdaily::game
