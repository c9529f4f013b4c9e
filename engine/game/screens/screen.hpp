#pragma once
// One screen on the stack (SFML Game Development's State).
#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Window/Event.hpp>
#include <vector>

#include "game/screens/screen_id.hpp"
#include "game/ui/page_view.hpp"

namespace trustdaily::game {

struct Context;

class Screen {
 public:
  Screen(Context& ctx, ScreenId id) : ctx_(ctx), id_(id) {}
  virtual ~Screen() = default;
  Screen(const Screen&) = delete;
  Screen& operator=(const Screen&) = delete;

  ScreenId id() const { return id_; }
  // Overlays are drawn over the screen below them, which stays visible.
  virtual bool overlay() const { return false; }
  virtual void handleEvent(const sf::Event& event) = 0;
  virtual void draw(sf::RenderTarget& target) = 0;
  // Rebuild the layout: the model, the window size or the settings changed.
  virtual void refresh() = 0;
  // What can be clicked now, for --dump-state.
  virtual std::vector<PageView::ButtonRect> buttons() const { return {}; }

 protected:
  Context& ctx_;

 private:
  ScreenId id_;
};

}  // namespace trustdaily::game
