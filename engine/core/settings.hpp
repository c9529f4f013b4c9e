#pragma once
// Player settings ($XDG_CONFIG_HOME/trustdaily/settings.json).
#include <string>

namespace trustdaily::core {

enum class Theme { Light, Dark };

struct Settings {
  int textSize = 1;  // 0 small, 1 medium, 2 large, 3 extra large
  Theme theme = Theme::Light;
  bool operator==(const Settings&) const = default;
};

std::string settingsToJson(const Settings& s);
// Unknown or malformed values fall back to defaults; never throws.
Settings settingsFromJson(const std::string& text, std::string* problem = nullptr);

struct SettingsStore {
  std::string dir;  // else $XDG_CONFIG_HOME/trustdaily, else ~/.config/trustdaily
  static std::string defaultDir();
  Settings load(std::string* problem = nullptr) const;
  std::string save(const Settings& s) const;  // empty on success
};

}  // namespace trustdaily::core
