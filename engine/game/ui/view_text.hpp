#pragma once
// Small wording helpers shared by the screens.
#include <string>
#include <vector>

#include "core/daily.hpp"
#include "core/loader.hpp"
#include "core/scenario.hpp"

namespace trustdaily::game {

class GameModel;

// "Saturday 14 June 2025"
std::string longDate(const core::CivilDate& d);
// "14 Jun"
std::string shortDate(const core::CivilDate& d);
// "estimate-pushback" -> "estimate pushback"
std::string situationLabel(const std::string& tag);
// "Engineering, Design"
std::string partnerList(const GameModel& model, const std::vector<std::string>& ids);
// "Success" / "Mixed" / "Failure"
std::string endingLabel(core::EndingKind kind);
std::string endingLabel(const std::string& kind);
// "Email", "Chat", "Notes", "Dashboard", "Contract", "Ticket", "Document"
std::string documentKindLabel(const std::string& kind);
// "A" for document 0, "B" for 1, ...
std::string documentKey(std::size_t index);
// The speaker's display name and role ("Narrator" for the narrator).
std::pair<std::string, std::string> speakerOf(const core::Scenario& s, const std::string& id);
// A file that did not load, as the library lists it: "name.json:L:C: message"
// of its first error.
std::string problemLine(const core::ScenarioLoad& load);

}  // namespace trustdaily::game
