#include "game/app/app.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <thread>

#include "game/app/state_dump.hpp"
#include "game/app/today_play.hpp"
#include "game/layout/screen_layouts.hpp"
#include "game/platform/window_hints.hpp"
#include "game/platform/x_connection.hpp"
#include "game/screens/debrief_screen.hpp"
#include "game/screens/document_screen.hpp"
#include "game/screens/feedback_screen.hpp"
#include "game/screens/help_screen.hpp"
#include "game/screens/history_screen.hpp"
#include "game/screens/home_screen.hpp"
#include "game/screens/jump_screen.hpp"
#include "game/screens/leave_screen.hpp"
#include "game/screens/library_screen.hpp"
#include "game/screens/play_screen.hpp"
#include "game/screens/settings_screen.hpp"
#include "game/screens/strong_path_screen.hpp"
#include "game/ui/view_text.hpp"

namespace trustdaily::game {

namespace {

// Warnings shown in the state panel; the terminal lists them all.
constexpr std::size_t kPanelWarnings = 4;

// "line 28: flag 'x' is set here ..." for the first `most` warnings.
std::vector<std::string> warningLines(const std::vector<core::Diagnostic>& ds, std::size_t most) {
  std::vector<std::string> out;
  std::size_t count = 0;
  for (const core::Diagnostic& d : ds) {
    if (d.severity != core::Severity::Warning) continue;
    if (++count <= most) out.push_back("line " + std::to_string(d.pos.line) + ": " + d.message);
  }
  if (count > most)
    out.push_back("and " + std::to_string(count - most) + " more (listed in the terminal)");
  return out;
}

// Every warning and error, with its position, to the terminal the author
// started `play FILE` from.
void printDiagnostics(const std::vector<core::Diagnostic>& ds) {
  for (const core::Diagnostic& d : ds) {
    if (d.severity == core::Severity::Note) continue;
    std::cerr << core::formatText(d) << "\n";
    for (const core::DiagnosticNote& n : d.notes) std::cerr << core::formatText(n) << "\n";
  }
}

}  // namespace

// The smallest window the layout tests cover.
inline constexpr unsigned kMinWidth = 800;
inline constexpr unsigned kMinHeight = 600;

// A safety net: wake at least this often even if no input arrives.
inline constexpr int kIdleWakeMs = 2000;

App::App(GameModel& model, const sf::Font& regular, const sf::Font& bold, GameOptions options,
         std::vector<ScriptStep> script)
    : options_(std::move(options)), script_(std::move(script)), ctx_{window_, model, stack_,
                                                                     regular, bold,  {},
                                                                     {},      true,  false,
                                                                     false} {
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
  reg(ScreenId::Document, static_cast<DocumentScreen*>(nullptr));
  reg(ScreenId::Jump, static_cast<JumpScreen*>(nullptr));
  reg(ScreenId::Leave, static_cast<LeaveScreen*>(nullptr));
  reg(ScreenId::History, static_cast<HistoryScreen*>(nullptr));
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
  sf::VideoMode desktop = sf::VideoMode::getDesktopMode();
  if (w == 0 || h == 0) {
    w = std::min(1280u, desktop.width * 9 / 10);
    h = std::min(800u, desktop.height * 9 / 10);
  }
  window_.create(sf::VideoMode(w, h), "Trust Daily", sf::Style::Default);
  // SFML 2.5 places the window before its size is known; without a window
  // manager (a bare X server, a kiosk) nothing corrects that, and it opens
  // partly off the screen. Centre it ourselves, top-left never off screen.
  auto centre = [](unsigned screen, unsigned size) {
    return screen > size ? static_cast<int>((screen - size) / 2) : 0;
  };
  window_.setPosition({centre(desktop.width, w), centre(desktop.height, h)});
  window_.setKeyRepeatEnabled(true);
}

int App::run() {
  if (!window_.isOpen()) openWindow();
  applySettings();
  stack_.push(ScreenId::Home);
  // A playtest file that does not validate yet shows its diagnostics in the
  // play screen's place until it is fixed.
  if (ctx_.model.requestsToday()) {
    openTodayPlay(ctx_, false);  // today's scenario by id: the day's play, or its resume
  } else if (ctx_.model.startRequested() || ctx_.model.playtestBroken()) {
    stack_.push(ScreenId::Play);
  }
  stack_.applyPending();
  render();
  if (options_.quitAfterFirstFrame) return 0;
  // After the first frame, so its extra X connection costs no start-up time.
  // The layout is tested down to 800x600; a window opened smaller keeps its
  // own size as the floor.
  sf::Vector2u opened = window_.getSize();
  setMinimumWindowSize(window_.getSystemHandle(), std::min(kMinWidth, opened.x),
                       std::min(kMinHeight, opened.y));
  if (ctx_.model.playtest()) {
    watch_.watch(ctx_.model.playtestFile());
    printDiagnostics(ctx_.model.playtestDiagnostics());
    std::cout << "Watching " << ctx_.model.playtestFile()
              << ": save it to reload (F5 reloads now, F2 shows the state)." << std::endl;
  }
  int xfd = findXConnectionFd();

  int code = 0;
  for (const ScriptStep& step : script_) {
    if (!window_.isOpen()) break;
    switch (step.kind) {
      case ScriptStep::Kind::Event:
        dispatch(step.event);
        break;
      case ScriptStep::Kind::Wait:
        pumpFor(xfd, step.ms);
        break;
      case ScriptStep::Kind::Shot:
        render();
        if (!saveScreenshot(step.path)) code = 1;
        break;
      case ScriptStep::Kind::Dump:
        if (!dumpState(step.path)) code = 1;
        break;
      case ScriptStep::Kind::Until:
        if (!pumpUntilExists(xfd, step.path)) code = 1;
        break;
    }
  }
  if (!options_.screenshot.empty()) {
    if (window_.isOpen()) render();
    if (!saveScreenshot(options_.screenshot)) code = 1;
    window_.close();
  }
  if (window_.isOpen()) render();

  while (window_.isOpen()) loopOnce(xfd, kIdleWakeMs);
  if (!options_.dumpState.empty() && !dumpState(options_.dumpState)) code = 1;
  return code;
}

void App::loopOnce(int xfd, int maxWaitMs) {
  sf::Event event;
  // Drain SFML's queue (which drains Xlib's), redraw if needed and drain
  // again (a redraw may read events), and only then block on the socket.
  while (window_.isOpen() && window_.pollEvent(event)) dispatch(event);
  if (!window_.isOpen()) return;
  if (ctx_.dirty) {
    render();
    return;
  }
  checkWatchedFile();
  checkClock();
  if (ctx_.dirty) return;
  int wait = maxWaitMs;
  int due = watch_.msUntilDue(FileWatch::Clock::now());
  if (due >= 0) wait = std::min(wait, std::max(due, 1));
  if (int clock = msUntilClockTurns(); clock >= 0) {
    wait = std::min(wait, std::max(clock, 1));  // (without an X socket it waits for input)
  }
  if (xfd >= 0) {
    waitForInput(xfd, wait);
  } else if (due >= 0 || maxWaitMs < kIdleWakeMs) {
    // No X socket to block on: sleep in short steps so input stays responsive.
    std::this_thread::sleep_for(std::chrono::milliseconds(std::min(wait, 30)));
  } else if (window_.waitEvent(event)) {
    dispatch(event);
  }
}

bool App::pumpUntilExists(int xfd, const std::string& path) {
  constexpr int kUntilLimitMs = 60000;
  auto end = FileWatch::Clock::now() + std::chrono::milliseconds(kUntilLimitMs);
  std::error_code ec;
  while (window_.isOpen() && !std::filesystem::exists(path, ec)) {
    if (FileWatch::Clock::now() >= end) {
      std::cerr << "trustdaily: until:" << path << " did not appear within 60 s\n";
      return false;
    }
    pumpFor(xfd, 20);
  }
  return true;
}

void App::pumpFor(int xfd, int ms) {
  auto end = FileWatch::Clock::now() + std::chrono::milliseconds(ms);
  while (window_.isOpen()) {
    auto now = FileWatch::Clock::now();
    if (now >= end) break;
    auto left = std::chrono::ceil<std::chrono::milliseconds>(end - now).count();
    loopOnce(xfd, static_cast<int>(std::max<long long>(left, 1)));
  }
}

int App::msUntilClockTurns() const {
  const Screen* top = stack_.top();
  if (top == nullptr || top->id() != ScreenId::Home || !ctx_.model.todayDone()) return -1;
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now).count();
  return static_cast<int>(60'000 - ms % 60'000) + 20;  // just after the turn
}

void App::checkClock() {
  if (msUntilClockTurns() < 0) return;
  const std::int64_t minute = static_cast<std::int64_t>(std::time(nullptr)) / 60;
  if (minute == shownMinute_) return;
  if (shownMinute_ != 0) {
    stack_.top()->refresh();
    ctx_.dirty = true;
  }
  shownMinute_ = minute;
}

void App::checkWatchedFile() {
  if (watch_.pollIfDue(FileWatch::Clock::now())) reloadPlaytest();
}

void App::reloadPlaytest() {
  core::ReloadOutcome how = ctx_.model.reloadPlaytestFile();
  // The positions go to the terminal too, where an editor can jump to them.
  printDiagnostics(ctx_.model.playtestDiagnostics());
  if (how == core::ReloadOutcome::Broken) {
    std::cerr << "trustdaily: " << ctx_.model.playtestFile()
              << " does not validate; the window lists the problems\n";
  }
  // Back to the play (or the diagnostics in its place) from any screen.
  stack_.clear();
  stack_.push(ScreenId::Home);
  stack_.push(ScreenId::Play);
  afterEvent();
  ctx_.dirty = true;
}

bool App::dumpState(const std::string& path) {
  std::vector<PageView::ButtonRect> buttons;
  if (Screen* top = stack_.top()) buttons = top->buttons();
  WindowFacts facts;  // zeros once the window is closed (the exit dump)
  if (window_.isOpen()) {
    facts.width = window_.getSize().x;
    facts.height = window_.getSize().y;
    minimumWindowSize(window_.getSystemHandle(), facts.minWidth, facts.minHeight);
    facts.x = window_.getPosition().x;
    facts.y = window_.getPosition().y;
    sf::VideoMode screen = sf::VideoMode::getDesktopMode();
    facts.screenWidth = screen.width;
    facts.screenHeight = screen.height;
  }
  std::string why = writeStateDump(path, ctx_.model, topName(), buttons, facts);
  if (why.empty()) return true;
  std::cerr << "trustdaily: " << why << "\n";
  return false;
}

void App::dispatch(const sf::Event& event) {
  switch (event.type) {
    case sf::Event::Closed:
      // Closing the window mid-way through a play that is not saved asks
      // first, as Esc does; the day's play is saved after every choice.
      if (ctx_.model.leavingLosesPlay() && !stack_.contains(ScreenId::Leave)) {
        ctx_.quitAfterLeave = true;
        stack_.push(ScreenId::Leave);
        afterEvent();
        return;
      }
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
      escapeHeld_ = false;
      ctx_.dirty = true;
      return;
    case sf::Event::KeyReleased:
      if (event.key.code == sf::Keyboard::Escape) escapeHeld_ = false;
      return;
    case sf::Event::KeyPressed:
      // Esc held down repeats: only the first press counts, so holding it
      // can never walk Play -> Home -> quit.
      if (event.key.code == sf::Keyboard::Escape) {
        if (escapeHeld_) return;
        escapeHeld_ = true;
      }
      break;
    default:
      break;
  }
  bool helpKey = (event.type == sf::Event::KeyPressed && event.key.code == sf::Keyboard::F1) ||
                 (event.type == sf::Event::TextEntered && event.text.unicode == '?');
  if (event.type == sf::Event::KeyPressed && ctx_.model.playtest() &&
      (event.key.code == sf::Keyboard::F2 || event.key.code == sf::Keyboard::F5)) {
    if (event.key.code == sf::Keyboard::F5) {
      reloadPlaytest();
    } else {
      ctx_.model.toggleStateOverlay();
      ctx_.dirty = true;
    }
    return;
  }
  Screen* top = stack_.top();
  if (event.type == sf::Event::KeyPressed && event.key.code == sf::Keyboard::F3 &&
      ctx_.model.playtest() && ctx_.model.play() != nullptr && !ctx_.model.playtestBroken() &&
      top != nullptr && top->id() != ScreenId::Jump) {
    stack_.push(ScreenId::Jump);
    afterEvent();
    return;
  }
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
  const ActivePlay* play = ctx_.model.play();
  if (ctx_.model.stateOverlay() && play != nullptr && !ctx_.model.playtestBroken()) {
    // Rebuilt here, not in a draw loop: render() runs only when something changed.
    const core::Session& s = play->session;
    StateOverlayView v;
    v.node = s.currentNode().id;
    v.flags.assign(s.state().flags.begin(), s.state().flags.end());
    for (std::size_t i = 0; i < s.currentNode().documents.size(); ++i)
      if (s.documentOpened(i)) v.documentsRead.push_back(documentKey(i));
    v.trust = trustMeterViews(ctx_.model, s);
    for (const core::FrameworkEntry& p : ctx_.model.framework().principles) {
      auto it = s.state().totals.find(p.id);
      v.totals.push_back({p.name, it == s.state().totals.end() ? 0 : it->second});
    }
    for (const core::HiddenChoice& h : core::hiddenChoices(s))
      v.hidden.push_back(std::to_string(h.index + 1) + ". " + h.text + ": " + h.reason);
    v.warnings = warningLines(ctx_.model.playtestDiagnostics(), kPanelWarnings);
    if (auto last = ctx_.model.lastReload()) {
      v.lastReload = "Reloaded ";
      v.lastReload += std::to_string(ctx_.model.playtestReloads());
      v.lastReload += "\u00D7, last: ";
      v.lastReload += core::reloadOutcomeName(*last);
    }
    stateView_.setPage(layoutStateOverlay(ctx_.type, ctx_.size(), v), ctx_.type, ctx_.palette);
    stateView_.draw(window_);
  }
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
