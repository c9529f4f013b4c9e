// runGame: the checks that must pass before a window opens (display, model,
// fonts), then the App.
#include <filesystem>
#include <future>
#include <iostream>

#include "game/app/app.hpp"
#include "game/app/game_options.hpp"
#include "game/app/key_script.hpp"
#include "game/platform/display_probe.hpp"
#include "game/platform/font_finder.hpp"

namespace trustdaily::game {

int runGame(const GameOptions& options) {
  std::vector<ScriptStep> script;
  std::string error;
  if (!parseScript(options.keys, script, &error)) {
    std::cerr << "trustdaily: " << error << "\n";
    return 2;
  }
  if (options.textSize > 3 || options.textSize < -1) {
    std::cerr << "trustdaily: --text-size must be 0, 1, 2 or 3\n";
    return 2;
  }
  DisplayProbe probe;
  if (!probe.available()) {
    std::cerr << kNoDisplayMessage << "\n";
    return 1;
  }
  // Loading the library and finding fonts overlap with opening the window
  // (the slowest step), so the first frame comes sooner. A file given on the
  // command line is loaded first, so a missing file or a bad --from never
  // flashes a window (a file that does not validate opens on its diagnostics).
  GameModel model;
  sf::Font regular;
  sf::Font bold;
  auto prepare = [&]() -> std::string {
    if (std::string why = model.load(options); !why.empty()) return why;
    for (const FontFiles& f : fontCandidates()) {
      std::error_code ec;
      if (!std::filesystem::exists(f.regular, ec) || !regular.loadFromFile(f.regular)) continue;
      if (!std::filesystem::exists(f.bold, ec) || !bold.loadFromFile(f.bold)) bold = regular;
      return {};
    }
    return "no usable font: fontconfig found none and the shipped "
           "assets/fonts/DejaVuSans.ttf is missing; install fonts-dejavu-core";
  };
  // Started before the App: constructing its window creates SFML's shared
  // OpenGL context, the longest step of all (about 150 ms under Mesa's
  // software renderer), and loading should hide behind all of it.
  std::string why;
  std::future<std::string> pending;
  if (!options.scenarioFile.empty()) {
    why = prepare();
  } else {
    pending = std::async(std::launch::async, prepare);
  }
  App app(model, regular, bold, options, std::move(script));
  if (pending.valid()) {
    app.openWindow();
    why = pending.get();
  } else if (why.empty()) {
    app.openWindow();
  }
  probe.release();  // the window holds its own connection now
  if (!why.empty()) {
    std::cerr << "trustdaily: " << why << "\n";
    return 1;
  }
  return app.run();
}

}  // namespace trustdaily::game
