#include "game/app.hpp"

#include <algorithm>
#include <iostream>

#include "game/debrief_screen.hpp"
#include "game/feedback_screen.hpp"
#include "game/help_screen.hpp"
#include "game/home_screen.hpp"
#include "game/library_screen.hpp"
#include "game/play_screen.hpp"
#include "game/settings_screen.hpp"
#include "game/state_dump.hpp"
#include "game/strong_path_screen.hpp"
#include "game/x_connection.hpp"

namespace trustdaily::game {

// A safety net: wake at least this often even if no input arrives.
inline constexpr int kIdleWakeMs = 2000;

App::App(GameModel& model, const sf::Font& regular, const sf::Font& bold, GameOptions options,
         std::vector<sf::Event> script)
    : options_(std::move(options)), script_(std::move(script)), ctx_{window_, model, stack_,
                                                                     regular, bold,  {},
                                                                     {},      true,  false} {
  registerScreens();
}

void App::registerScreens() {
  auto reg = [this]<typename T>(ScreenId id, T*) {
    stack_.registerScreen(id, [this] { return std::make_unique<T>(ctx_); });
  };
  reg(ScreenId::Home, static_cast<HomeScreen*>(nullptr));
  reg(ScreenId::Play, static_cast<PlayScreen*>(nullptr));
  reg(ScreenId::Feedback, static_cast<FeedbackScreen*>(nullptr));
  reg(ScreenId::Debrief, static_cast<DebriefScreen*>(nullptr));
  reg(ScreenId::Library, static_cast<LibraryScreen*>(nullptr));
  reg(ScreenId::Settings, static_cast<SettingsScreen*>(nullptr));
  reg(ScreenId::Help, static_cast<HelpScreen*>(nullptr));
  reg(ScreenId::StrongPath, static_cast<StrongPathScreen*>(nullptr));
}

void App::applySettings() {
  const core::Settings& s = ctx_.model.settings();
  ctx_.type = typographyFor(s.textSize, ctx_.regular, ctx_.bold);
  ctx_.palette = paletteFor(s.theme);
  ctx_.settingsChanged = false;
  ctx_.dirty = true;
}

std::string App::topName() const {
  Screen* top = stack_.top();
  return top ? screenName(top->id()) : "none";
}

void App::openWindow() {
  unsigned w = options_.width;
  unsigned h = options_.height;
  if (w == 0 || h == 0) {
    sf::VideoMode desktop = sf::VideoMode::getDesktopMode();
    w = std::min(1280u, desktop.width * 9 / 10);
    h = std::min(800u, desktop.height * 9 / 10);
  }
  window_.create(sf::VideoMode(w, h), "Trust Daily", sf::Style::Default);
  window_.setKeyRepeatEnabled(true);
}

int App::run() {
  if (!window_.isOpen()) openWindow();
  applySettings();
  stack_.push(ScreenId::Home);
  if (ctx_.model.startRequested()) stack_.push(ScreenId::Play);
  stack_.applyPending();
  render();
  if (options_.quitAfterFirstFrame) return 0;

  for (const sf::Event& e : script_) {
    if (!window_.isOpen()) break;
    dispatch(e);
  }
  int code = 0;
  if (!options_.screenshot.empty()) {
    if (window_.isOpen()) render();
    if (!saveScreenshot(options_.screenshot)) code = 1;
    window_.close();
  }
  if (window_.isOpen()) render();

  int xfd = findXConnectionFd();
  sf::Event event;
  if (xfd < 0) {
    while (window_.isOpen() && window_.waitEvent(event)) {
      dispatch(event);
      while (window_.isOpen() && window_.pollEvent(event)) dispatch(event);
      if (window_.isOpen() && ctx_.dirty) render();
    }
  }
  while (window_.isOpen()) {
    // Drain SFML's queue (which drains Xlib's), redraw if needed and drain
    // again (a redraw may read events), and only then block on the socket.
    while (window_.isOpen() && window_.pollEvent(event)) dispatch(event);
    if (!window_.isOpen()) break;
    if (ctx_.dirty) {
      render();
      continue;
    }
    waitForInput(xfd, kIdleWakeMs);
  }
  if (!options_.dumpState.empty()) {
    std::vector<PageView::ButtonRect> buttons;
    if (Screen* top = stack_.top()) buttons = top->buttons();
    std::string why = writeStateDump(options_.dumpState, ctx_.model, topName(), buttons);
    if (!why.empty()) {
      std::cerr << "trustdaily: " << why << "\n";
      code = 1;
    }
  }
  return code;
}

void App::dispatch(const sf::Event& event) {
  switch (event.type) {
    case sf::Event::Closed:
      window_.close();
      return;
    case sf::Event::Resized: {
      float fw = static_cast<float>(event.size.width);
      float fh = static_cast<float>(event.size.height);
      window_.setView(sf::View(sf::FloatRect(0, 0, fw, fh)));
      stack_.refreshAll();
      ctx_.dirty = true;
      return;
    }
    case sf::Event::GainedFocus:
    case sf::Event::LostFocus:
      ctx_.dirty = true;
      return;
    default:
      break;
  }
  bool helpKey = (event.type == sf::Event::KeyPressed && event.key.code == sf::Keyboard::F1) ||
                 (event.type == sf::Event::TextEntered && event.text.unicode == '?');
  Screen* top = stack_.top();
  if (helpKey && top != nullptr) {
    if (top->id() == ScreenId::Help) {
      stack_.pop();
    } else {
      stack_.push(ScreenId::Help);
    }
  } else {
    stack_.handleEvent(event);
  }
  afterEvent();
}

void App::afterEvent() {
  if (stack_.applyPending()) ctx_.dirty = true;
  if (ctx_.settingsChanged) {
    applySettings();
    stack_.refreshAll();
  }
  if (stack_.empty()) window_.close();
}

void App::render() {
  window_.clear(ctx_.palette.background);
  stack_.draw(window_);
  window_.display();
  ctx_.dirty = false;
}

bool App::saveScreenshot(const std::string& path) {
  sf::Texture texture;
  if (!texture.create(window_.getSize().x, window_.getSize().y)) return false;
  texture.update(window_);
  if (!texture.copyToImage().saveToFile(path)) {
    std::cerr << "trustdaily: cannot save the screenshot to " << path << "\n";
    return false;
  }
  return true;
}

}  // namespace trustdaily::game
