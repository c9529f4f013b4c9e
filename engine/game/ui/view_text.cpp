#include "game/ui/view_text.hpp"

#include <filesystem>

#include "game/app/game_model.hpp"

namespace trustdaily::game {
std::string longDate(const core::CivilDate& d) {
  return std::string(core::weekdayName(d)) + " " + std::to_string(d.day) + " " +
         std::string(core::monthName(d.month)) + " " + std::to_string(d.year);
}

std::string shortDate(const core::CivilDate& d) {
  return std::to_string(d.day) + " " + std::string(core::monthName(d.month).substr(0, 3));
}

std::string situationLabel(const std::string& tag) {
  std::string s = tag;
  for (char& c : s) {
    if (c == '-') c = ' ';
  }
  return s;
}

std::string partnerList(const GameModel& model, const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) {
    if (!out.empty()) out += ", ";
    out += model.partnerName(id);
  }
  return out;
}

std::string endingLabel(core::EndingKind kind) {
  switch (kind) {
    case core::EndingKind::Success:
      return "Success";
    case core::EndingKind::Mixed:
      return "Mixed";
    case core::EndingKind::Failure:
      return "Failure";
  }
  return "";
}

std::string endingLabel(const std::string& kind) {
  if (kind == "success") return "success";
  if (kind == "failure") return "failure";
  return "mixed";
}

std::string documentKindLabel(const std::string& kind) {
  if (kind == "doc" || kind.empty()) return "Document";
  std::string label = kind;
  label[0] = static_cast<char>(label[0] - 'a' + 'A');  // kinds are lowercase ASCII words
  return label;
}

std::string documentKey(std::size_t index) {
  return std::string(1, static_cast<char>('A' + index));
}

std::pair<std::string, std::string> speakerOf(const core::Scenario& s, const std::string& id) {
  if (const core::CastMember* c = s.findCast(id)) return {c->name, c->role};
  return {"Narrator", ""};
}

std::string problemLine(const core::ScenarioLoad& load) {
  std::string line = std::filesystem::path(load.path).filename().string();
  for (const core::Diagnostic& d : load.diagnostics) {
    if (d.severity == core::Severity::Error) {
      line += ':';
      line += std::to_string(d.pos.line);
      line += ':';
      line += std::to_string(d.pos.col);
      line += ": ";
      line += d.message;
      break;
    }
  }
  return line;
}

}  // namespace trustdaily::game
