#include "diagnostic.hpp"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>

namespace trustdaily::core {

namespace {

struct CatalogueEntry {
  DiagCode code;
  std::string_view name;
  Severity severity;
  std::string_view title;
};

// The one catalogue. docs/diagnostics.md is checked against it by a test.
constexpr std::array kCatalogue{
    CatalogueEntry{DiagCode::FileUnreadable, "E001", Severity::Error, "file cannot be read"},
    CatalogueEntry{DiagCode::FileTooLarge, "E002", Severity::Error, "file over 1 MiB"},
    CatalogueEntry{DiagCode::FileEmpty, "E003", Severity::Error, "file is empty"},
    CatalogueEntry{DiagCode::JsonSyntax, "E004", Severity::Error,
                   "JSON syntax error or invalid UTF-8"},
    CatalogueEntry{DiagCode::JsonTooDeep, "E005", Severity::Error,
                   "JSON nested deeper than 64 levels"},
    CatalogueEntry{DiagCode::DuplicateKey, "E006", Severity::Error, "duplicate key in an object"},
    CatalogueEntry{DiagCode::TopLevelNotObject, "E007", Severity::Error,
                   "top level is not an object"},
    CatalogueEntry{DiagCode::MissingField, "E101", Severity::Error, "required field missing"},
    CatalogueEntry{DiagCode::WrongType, "E102", Severity::Error, "field has the wrong type"},
    CatalogueEntry{DiagCode::BadFormatVersion, "E103", Severity::Error, "format is not 1"},
    CatalogueEntry{DiagCode::BadId, "E104", Severity::Error,
                   "scenario id does not match the id pattern"},
    CatalogueEntry{DiagCode::IdFileMismatch, "E105", Severity::Error,
                   "id differs from the file name"},
    CatalogueEntry{DiagCode::DuplicateScenarioId, "E106", Severity::Error,
                   "id already used by another file"},
    CatalogueEntry{DiagCode::StringLength, "E107", Severity::Error,
                   "text shorter or longer than allowed"},
    CatalogueEntry{DiagCode::OutOfRange, "E108", Severity::Error, "number outside its range"},
    CatalogueEntry{DiagCode::UnknownPrinciple, "E109", Severity::Error, "unknown principle id"},
    CatalogueEntry{DiagCode::UnknownPartner, "E110", Severity::Error, "unknown partner id"},
    CatalogueEntry{DiagCode::UnknownBehaviour, "E111", Severity::Error, "unknown behaviour id"},
    CatalogueEntry{DiagCode::UnknownSpeaker, "E112", Severity::Error, "speaker is not in the cast"},
    CatalogueEntry{DiagCode::BadNodeId, "E113", Severity::Error,
                   "node id does not match the pattern"},
    CatalogueEntry{DiagCode::BadFlagName, "E114", Severity::Error,
                   "flag name does not match the pattern"},
    CatalogueEntry{DiagCode::DuplicateEntry, "E115", Severity::Error, "duplicate entry in a list"},
    CatalogueEntry{DiagCode::SceneAndEnding, "E116", Severity::Error,
                   "node is both a scene and an ending"},
    CatalogueEntry{DiagCode::NeitherSceneNorEnding, "E117", Severity::Error,
                   "node is neither a scene nor an ending"},
    CatalogueEntry{DiagCode::BadEndingKind, "E118", Severity::Error,
                   "ending kind is not success, mixed or failure"},
    CatalogueEntry{DiagCode::ZeroValue, "E119", Severity::Error, "score or trust value of 0"},
    CatalogueEntry{DiagCode::FeedbackRequired, "E120", Severity::Error,
                   "scored choice without feedback"},
    CatalogueEntry{DiagCode::BadSituation, "E121", Severity::Error,
                   "situation is not a kebab-case tag"},
    CatalogueEntry{DiagCode::TooManyEntries, "E122", Severity::Error,
                   "too few or too many entries"},
    CatalogueEntry{DiagCode::DocumentsOnEnding, "E123", Severity::Error,
                   "an ending has documents (only scenes may)"},
    CatalogueEntry{DiagCode::BadDocumentKind, "E124", Severity::Error,
                   "document kind is not one of the allowed kinds"},
    CatalogueEntry{DiagCode::UnknownConditionKey, "E125", Severity::Error,
                   "unknown key inside requires"},
    CatalogueEntry{DiagCode::PartnerNotInScenario, "E126", Severity::Error,
                   "trust or condition for a partner not in partners"},
    CatalogueEntry{DiagCode::UnknownStart, "E201", Severity::Error, "start names no node"},
    CatalogueEntry{DiagCode::UnknownNext, "E202", Severity::Error,
                   "choice leads to an unknown node"},
    CatalogueEntry{DiagCode::Cycle, "E203", Severity::Error, "scenes form a cycle"},
    CatalogueEntry{DiagCode::Stuck, "E204", Severity::Error, "a reachable state offers no choice"},
    CatalogueEntry{DiagCode::NoSuccess, "E205", Severity::Error, "no success ending is reachable"},
    CatalogueEntry{DiagCode::NoDecision, "E206", Severity::Error, "no scene offers a decision"},
    CatalogueEntry{DiagCode::BestTotalNotPositive, "E207", Severity::Error,
                   "best total is not positive"},
    CatalogueEntry{DiagCode::BudgetExceeded, "E208", Severity::Error,
                   "exact analysis over the state budget"},
    CatalogueEntry{DiagCode::ConditionNeverHolds, "E209", Severity::Error,
                   "a condition that can never hold"},
    CatalogueEntry{DiagCode::UnknownField, "W001", Severity::Warning, "unknown field"},
    CatalogueEntry{DiagCode::UnreachableNode, "W002", Severity::Warning, "node no path reaches"},
    CatalogueEntry{DiagCode::EndingKindNeverReached, "W003", Severity::Warning,
                   "an ending kind is never reached"},
    CatalogueEntry{DiagCode::SilentCast, "W004", Severity::Warning, "cast member never speaks"},
    CatalogueEntry{DiagCode::FlatDecision, "W005", Severity::Warning,
                   "every choice of a decision scores the same"},
    CatalogueEntry{DiagCode::ChoiceNeverOffered, "W006", Severity::Warning,
                   "a choice no reachable state offers"},
    CatalogueEntry{DiagCode::FlagNeverRead, "W007", Severity::Warning,
                   "a flag is set but no condition reads it"},
    CatalogueEntry{DiagCode::NotFlagNeverSet, "W008", Severity::Warning,
                   "not_flags names a flag nothing sets"},
    CatalogueEntry{DiagCode::NotAScenario, "N001", Severity::Note,
                   "JSON file that is not a scenario"},
    CatalogueEntry{DiagCode::LongestIsBest, "L001", Severity::Warning,
                   "the best choice is the longest in most decisions"},
    CatalogueEntry{DiagCode::BestSamePosition, "L002", Severity::Warning,
                   "the best choice sits in the same position in most decisions"},
    CatalogueEntry{DiagCode::OneSidedDecision, "L003", Severity::Warning,
                   "a decision with no negative or no positive choice"},
    CatalogueEntry{DiagCode::FeedbackMissesChoice, "L004", Severity::Warning,
                   "feedback does not name what the choice did"},
    CatalogueEntry{DiagCode::PrincipleOnlyRewarded, "L005", Severity::Warning,
                   "a principle is only ever rewarded"},
    CatalogueEntry{DiagCode::TextTooLong, "L006", Severity::Warning,
                   "text far over a comfortable reading length"},
    CatalogueEntry{DiagCode::CastTrustUnchanged, "L007", Severity::Warning,
                   "a cast member's partner trust never changes"},
    CatalogueEntry{DiagCode::CheapSuccess, "L008", Severity::Warning,
                   "success reachable below 60% of the best total"},
    CatalogueEntry{DiagCode::TextNamesUnmadeChoice, "L009", Severity::Warning,
                   "a gated text names a choice some path into it did not make"},
    CatalogueEntry{DiagCode::DocumentRewardsNothing, "L010", Severity::Warning,
                   "a document sets flags no later condition reads"},
    CatalogueEntry{DiagCode::PlaceholderText, "L011", Severity::Warning,
                   "placeholder text left from trustdaily new"},
};

const CatalogueEntry& entry(DiagCode code) {
  for (const auto& e : kCatalogue)
    if (e.code == code) return e;
  return kCatalogue.front();  // unreachable: every code is in the table (tested)
}

}  // namespace

std::string_view severityName(Severity s) {
  switch (s) {
    case Severity::Note:
      return "note";
    case Severity::Warning:
      return "warning";
    case Severity::Error:
      return "error";
  }
  return "error";
}

std::string_view codeName(DiagCode code) { return entry(code).name; }
Severity defaultSeverity(DiagCode code) { return entry(code).severity; }
std::string_view codeTitle(DiagCode code) { return entry(code).title; }

std::vector<DiagCode> allCodes() {
  std::vector<DiagCode> out;
  for (const auto& e : kCatalogue) out.push_back(e.code);
  return out;
}

Diagnostic makeDiagnostic(DiagCode code, std::string file, SourcePos pos, std::string pointer,
                          std::string message) {
  return Diagnostic{defaultSeverity(code), code, std::move(file), pos, std::move(pointer),
                    std::move(message),    {}};
}

std::string formatText(const Diagnostic& d) {
  std::string out = d.file + ":" + std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col) +
                    ": " + std::string(severityName(d.severity)) + ": " + d.message;
  // The root's pointer is the empty string; printing "()" would only add noise.
  if (!d.pointer.empty()) out += " (" + d.pointer + ")";
  // The code last, as Clang puts its flag: the message reads first, and the
  // code is there to look up (docs/authoring.md lists every code) or to grep for.
  out.append(" [").append(codeName(d.code)).append("]");
  return out;
}

std::string formatText(const DiagnosticNote& n) {
  return n.file + ":" + std::to_string(n.pos.line) + ":" + std::to_string(n.pos.col) +
         ": note: " + n.message;
}

std::string sourceExcerpt(const std::string& lineText, SourcePos pos) {
  std::string line = lineText;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  std::string caret;
  const std::size_t before = pos.col > 1 ? static_cast<std::size_t>(pos.col - 1) : 0;
  for (std::size_t i = 0; i < before && i < line.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    if (c == '\t')
      caret += '\t';
    else if ((c & 0xC0) != 0x80)  // one column per code point
      caret += ' ';
  }
  return "    " + line + "\n    " + caret + "^";
}

std::string formatJson(const std::vector<Diagnostic>& ds) {
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& d : ds) {
    nlohmann::json o = {{"file", d.file},
                        {"line", d.pos.line},
                        {"column", d.pos.col},
                        {"severity", std::string(severityName(d.severity))},
                        {"code", std::string(codeName(d.code))},
                        {"pointer", d.pointer},
                        {"message", d.message}};
    if (!d.notes.empty()) {
      o["notes"] = nlohmann::json::array();
      for (const auto& n : d.notes)
        o["notes"].push_back({{"file", n.file},
                              {"line", n.pos.line},
                              {"column", n.pos.col},
                              {"message", n.message}});
    }
    arr.push_back(std::move(o));
  }
  return arr.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool hasErrors(const std::vector<Diagnostic>& ds) {
  return std::any_of(ds.begin(), ds.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

void sortDiagnostics(std::vector<Diagnostic>& ds) {
  std::stable_sort(ds.begin(), ds.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.file != b.file) return a.file < b.file;
    if (a.pos.line != b.pos.line) return a.pos.line < b.pos.line;
    return a.pos.col < b.pos.col;
  });
}

}  // namespace trustdaily::core
