#pragma once
// Player settings: a small human-editable file, settings.json in --data-dir
// when given, else in the XDG config folder ($XDG_CONFIG_HOME/trustdaily).
#include <string>

#include "daily.hpp"

namespace trustdaily::core {

enum class Theme { Light, Dark };

struct Settings {
  int textSize = 1;  // 0 small, 1 medium, 2 large, 3 extra large
  Theme theme = Theme::Light;
  // The hour (0..23, local clock) the game's day starts: before it, the
  // evening before still counts.
  int rolloverHour = kDayRolloverHour;
  bool operator==(const Settings&) const = default;
};

std::string settingsToJson(const Settings& s);
// Unknown or malformed values fall back to defaults; never throws.
Settings settingsFromJson(const std::string& text, std::string* problem = nullptr);

class SettingsStore {
 public:
  // dir: --data-dir, else the XDG config folder (see file_access.hpp).
  explicit SettingsStore(std::string dir = {});
  // The XDG config folder, empty when there is none.
  static std::string defaultDir();
  const std::string& dir() const { return dir_; }

  // Missing means defaults. A file that cannot be used is reported in
  // `problem` and remembered, so that save() never overwrites it silently.
  Settings load(std::string* problem = nullptr);
  // Empty on success, else one line ("Settings not saved: ..."). A file
  // load() could not use is first kept aside as settings.json.bad-<stamp>,
  // and `note` says so.
  std::string save(const Settings& s, std::string* note = nullptr);

 private:
  std::string dir_;
  std::string folderProblem_;
  bool unusable_ = false;  // the file load() found could not be used
};

}  // namespace trustdaily::core
