#pragma once
// Terminal mode (`trustdaily play --text`): the same Session as the window,
// driven by numbered choices read line by line, for machines without a
// display and for scripted tests.
#include <istream>
#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace trustdaily::cli {

struct TextPlayOptions {
  std::string target;        // scenario id or file path; empty = today's
  std::string date;          // YYYY-MM-DD or empty (the game's today: core/game_day.hpp)
  std::string archive;       // YYYY-MM-DD: play that past day's scenario, recorded as late
  std::string dataDir;       // empty = the XDG default
  std::string scenariosDir;  // empty = defaultScenariosDir()
  std::string fromNode;      // start at this node (authoring); such plays are not recorded
  std::vector<std::string> startFlags;    // set on arrival (authoring)
  std::map<std::string, int> startTrust;  // partner -> trust on arrival (authoring)
};

// Exit codes: 0 the scenario was played to an ending and recorded; 1 a bad
// file, unknown scenario, input ended early or the save failed; 2 bad date.
int runTextPlay(const TextPlayOptions& options, std::istream& in, std::ostream& out);

struct TextReviewOptions {
  std::string date;          // YYYY-MM-DD or empty (the game's today)
  std::string dataDir;       // empty = the XDG default
  std::string scenariosDir;  // empty = defaultScenariosDir()
};

// `trustdaily review`: the due review items one after another, with the same
// screens and line protocol as a play (numbered choices, d1.. for
// documents), one decision each, graded and saved after each answer.
// Exit codes: 0 done (or nothing due); 1 the library or progress cannot be
// used, input ended early or a save failed; 2 bad date.
int runTextReview(const TextReviewOptions& options, std::istream& in, std::ostream& out);

}  // namespace trustdaily::cli
