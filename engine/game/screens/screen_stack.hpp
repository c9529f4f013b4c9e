#pragma once
// Screens on a stack. Push and pop requests are recorded and applied after
// the event that asked for them, so a screen may close itself from its own
// handler (the book's pending list). Only the top screen gets events.
#include <functional>
#include <map>
#include <memory>
#include <vector>

#include "game/screens/screen.hpp"

namespace trustdaily::game {

class ScreenStack {
 public:
  using Factory = std::function<std::unique_ptr<Screen>()>;

  void registerScreen(ScreenId id, Factory factory) { factories_[id] = std::move(factory); }

  void push(ScreenId id) { pending_.push_back({Change::Push, id}); }
  void pop() { pending_.push_back({Change::Pop, ScreenId::Home}); }
  void clear() { pending_.push_back({Change::Clear, ScreenId::Home}); }

  void handleEvent(const sf::Event& event);
  void draw(sf::RenderTarget& target);
  // Applies pending changes; returns true when the stack changed (the
  // visible screens are then refreshed, since the model may have changed).
  bool applyPending();
  // Rebuilds the screens that show: the top and any it overlays.
  void refreshAll();

  bool empty() const { return stack_.empty(); }
  Screen* top() const { return stack_.empty() ? nullptr : stack_.back().get(); }
  bool contains(ScreenId id) const;

 private:
  std::size_t firstVisible() const;  // the lowest screen that shows

  enum class Change { Push, Pop, Clear };
  struct Pending {
    Change change;
    ScreenId id;
  };
  std::vector<std::unique_ptr<Screen>> stack_;
  std::vector<Pending> pending_;
  std::map<ScreenId, Factory> factories_;
};

}  // namespace trustdaily::game
