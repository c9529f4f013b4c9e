#include "game/app/key_script.hpp"

#include <cstdio>
#include <map>
#include <sstream>

namespace trustdaily::game {
namespace {

sf::Event keyEvent(sf::Keyboard::Key code, bool shift = false) {
  sf::Event e{};
  e.type = sf::Event::KeyPressed;
  e.key.code = code;
  e.key.shift = shift;
  return e;
}

const std::map<std::string, sf::Keyboard::Key>& namedKeys() {
  static const std::map<std::string, sf::Keyboard::Key> keys{
      {"enter", sf::Keyboard::Enter},
      {"return", sf::Keyboard::Enter},
      {"esc", sf::Keyboard::Escape},
      {"escape", sf::Keyboard::Escape},
      {"up", sf::Keyboard::Up},
      {"down", sf::Keyboard::Down},
      {"left", sf::Keyboard::Left},
      {"right", sf::Keyboard::Right},
      {"tab", sf::Keyboard::Tab},
      {"space", sf::Keyboard::Space},
      {"pageup", sf::Keyboard::PageUp},
      {"pgup", sf::Keyboard::PageUp},
      {"pagedown", sf::Keyboard::PageDown},
      {"pgdn", sf::Keyboard::PageDown},
      {"home", sf::Keyboard::Home},
      {"end", sf::Keyboard::End},
      {"f1", sf::Keyboard::F1},
      {"f2", sf::Keyboard::F2},
      {"f3", sf::Keyboard::F3},
      {"f5", sf::Keyboard::F5},
      {"plus", sf::Keyboard::Add},
      {"+", sf::Keyboard::Add},
      {"minus", sf::Keyboard::Subtract},
      {"-", sf::Keyboard::Subtract},
  };
  return keys;
}

}  // namespace

bool parseKeyScript(const std::string& text, std::vector<sf::Event>& events, std::string* error) {
  std::vector<ScriptStep> steps;
  if (!parseScript(text, steps, error)) return false;
  for (const ScriptStep& s : steps) {
    if (s.kind != ScriptStep::Kind::Event) {
      if (error) *error = "wait:, shot:, dump: and until: are not key presses";
      return false;
    }
    events.push_back(s.event);
  }
  return true;
}

bool parseScript(const std::string& text, std::vector<ScriptStep>& steps, std::string* error) {
  std::istringstream in(text);
  std::string word;
  int mouseX = 0;
  int mouseY = 0;
  // Event words append here; they are moved into `steps` in order.
  std::vector<sf::Event> events;
  auto flush = [&] {
    for (const sf::Event& e : events) steps.push_back({ScriptStep::Kind::Event, e, 0, {}});
    events.clear();
  };
  while (in >> word) {
    std::string w;
    for (char c : word) w += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (w.rfind("wait:", 0) == 0) {
      int ms = -1;
      char extra = 0;
      if (std::sscanf(w.c_str() + 5, "%d%c", &ms, &extra) != 1 || ms < 0 || ms > 60000) {
        if (error) *error = "bad word '" + word + "' (use wait:MS, at most 60000)";
        return false;
      }
      flush();
      steps.push_back({ScriptStep::Kind::Wait, {}, ms, {}});
      continue;
    }
    if (w.rfind("shot:", 0) == 0 || w.rfind("dump:", 0) == 0 || w.rfind("until:", 0) == 0) {
      const std::size_t colon = w.find(':');
      std::string path = word.substr(colon + 1);  // as written: paths keep their case
      if (path.empty()) {
        if (error) *error = "bad word '" + word + "' (use shot:PATH, dump:PATH or until:PATH)";
        return false;
      }
      flush();
      const ScriptStep::Kind kind = w[0] == 's'   ? ScriptStep::Kind::Shot
                                    : w[0] == 'd' ? ScriptStep::Kind::Dump
                                                  : ScriptStep::Kind::Until;
      steps.push_back({kind, {}, 0, path});
      continue;
    }
    if (w.size() == 1 && w[0] >= '0' && w[0] <= '9') {
      events.push_back(keyEvent(static_cast<sf::Keyboard::Key>(sf::Keyboard::Num0 + (w[0] - '0'))));
    } else if (w.size() == 1 && w[0] >= 'a' && w[0] <= 'z') {
      events.push_back(keyEvent(static_cast<sf::Keyboard::Key>(sf::Keyboard::A + (w[0] - 'a'))));
    } else if (w == "?") {
      sf::Event e{};
      e.type = sf::Event::TextEntered;
      e.text.unicode = '?';
      events.push_back(e);
    } else if (w == "shift+tab") {
      events.push_back(keyEvent(sf::Keyboard::Tab, true));
    } else if (auto it = namedKeys().find(w); it != namedKeys().end()) {
      events.push_back(keyEvent(it->second));
      // The window ignores Esc's key repeats until it is released (holding
      // it must never quit): a scripted Esc is a whole press.
      if (it->second == sf::Keyboard::Escape) {
        sf::Event up = keyEvent(sf::Keyboard::Escape);
        up.type = sf::Event::KeyReleased;
        events.push_back(up);
      }
    } else if (w.rfind("hold:", 0) == 0) {
      // hold:KEY:N — the key held down long enough to repeat N times.
      std::size_t colon = w.find(':', 5);
      auto it = namedKeys().find(w.substr(5, colon == std::string::npos ? colon : colon - 5));
      int n = 0;
      char extra = 0;
      if (it == namedKeys().end() || colon == std::string::npos ||
          std::sscanf(w.c_str() + colon + 1, "%d%c", &n, &extra) != 1 || n < 1 || n > 1000) {
        if (error) *error = "bad word '" + word + "' (use hold:KEY:N, e.g. hold:esc:30)";
        return false;
      }
      for (int i = 0; i < n; ++i) events.push_back(keyEvent(it->second));
      sf::Event up = keyEvent(it->second);
      up.type = sf::Event::KeyReleased;
      events.push_back(up);
    } else if (w.rfind("move:", 0) == 0 || w.rfind("click:", 0) == 0) {
      bool click = w[0] == 'c';
      int x = 0;
      int y = 0;
      if (std::sscanf(w.c_str() + (click ? 6 : 5), "%d,%d", &x, &y) != 2) {
        if (error) *error = "bad mouse word '" + word + "' (use click:X,Y or move:X,Y)";
        return false;
      }
      mouseX = x;
      mouseY = y;
      sf::Event m{};
      m.type = sf::Event::MouseMoved;
      m.mouseMove = {x, y};
      events.push_back(m);
      if (click) {
        sf::Event p{};
        p.type = sf::Event::MouseButtonPressed;
        p.mouseButton = {sf::Mouse::Left, x, y};
        events.push_back(p);
        p.type = sf::Event::MouseButtonReleased;
        events.push_back(p);
      }
    } else if (w.rfind("wheel:", 0) == 0) {
      float delta = 0;
      if (std::sscanf(w.c_str() + 6, "%f", &delta) != 1) {
        if (error) *error = "bad wheel word '" + word + "' (use wheel:N)";
        return false;
      }
      sf::Event e{};
      e.type = sf::Event::MouseWheelScrolled;
      e.mouseWheelScroll = {sf::Mouse::VerticalWheel, delta, mouseX, mouseY};
      events.push_back(e);
    } else {
      if (error) *error = "unknown key '" + word + "' in --keys";
      return false;
    }
  }
  flush();
  return true;
}

}  // namespace trustdaily::game
