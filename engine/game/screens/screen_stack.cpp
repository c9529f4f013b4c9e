#include "game/screens/screen_stack.hpp"

#include <cassert>

namespace trustdaily::game {

const char* screenName(ScreenId id) {
  switch (id) {
    case ScreenId::Home:
      return "home";
    case ScreenId::Play:
      return "play";
    case ScreenId::Feedback:
      return "feedback";
    case ScreenId::Debrief:
      return "debrief";
    case ScreenId::Library:
      return "library";
    case ScreenId::Settings:
      return "settings";
    case ScreenId::Help:
      return "help";
    case ScreenId::StrongPath:
      return "strong-path";
    case ScreenId::Document:
      return "document";
    case ScreenId::Leave:
      return "leave";
    case ScreenId::Jump:
      return "jump";
    case ScreenId::History:
      return "history";
  }
  return "?";
}

void ScreenStack::handleEvent(const sf::Event& event) {
  if (!stack_.empty()) stack_.back()->handleEvent(event);
}

std::size_t ScreenStack::firstVisible() const {
  std::size_t first = stack_.size();
  while (first > 0) {
    --first;
    if (!stack_[first]->overlay()) break;
  }
  return first;
}

void ScreenStack::draw(sf::RenderTarget& target) {
  for (std::size_t i = firstVisible(); i < stack_.size(); ++i) stack_[i]->draw(target);
}

bool ScreenStack::applyPending() {
  if (pending_.empty()) return false;
  std::vector<Pending> changes;
  changes.swap(pending_);
  for (const Pending& p : changes) {
    switch (p.change) {
      case Change::Push: {
        auto it = factories_.find(p.id);
        assert(it != factories_.end() && "screen not registered");
        stack_.push_back(it->second());
        break;
      }
      case Change::Pop:
        if (!stack_.empty()) stack_.pop_back();
        break;
      case Change::Clear:
        stack_.clear();
        break;
    }
  }
  refreshAll();
  return true;
}

void ScreenStack::refreshAll() {
  // A screen under an opaque one is rebuilt when it shows again: that always
  // follows a stack change, which calls this again.
  for (std::size_t i = firstVisible(); i < stack_.size(); ++i) stack_[i]->refresh();
}

bool ScreenStack::contains(ScreenId id) const {
  for (const auto& s : stack_) {
    if (s->id() == id) return true;
  }
  return false;
}

}  // namespace trustdaily::game
