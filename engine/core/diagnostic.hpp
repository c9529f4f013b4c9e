#pragma once
// Diagnostics as data: every problem the loader, validator or analyser finds
// becomes one of these, built from the single catalogue in diagnostic.cpp so
// that docs, tests and the CLI share codes and wording (Yarn Spinner style).
#include <string>
#include <string_view>
#include <vector>

namespace trustdaily::core {

struct SourcePos {
  int line = 1;  // 1-based
  int col = 1;   // 1-based, counted in bytes as Clang does
};

// Notes inform ("this file is the framework, not a scenario") and never fail
// a run, not even under --strict.
enum class Severity { Note, Warning, Error };

// Stable codes. Never renumber: docs and tests refer to them.
enum class DiagCode {
  // files and JSON (E0xx)
  FileUnreadable,     // E001
  FileTooLarge,       // E002
  FileEmpty,          // E003
  JsonSyntax,         // E004
  JsonTooDeep,        // E005
  DuplicateKey,       // E006
  TopLevelNotObject,  // E007
  // fields (E1xx)
  MissingField,           // E101
  WrongType,              // E102
  BadFormatVersion,       // E103
  BadId,                  // E104
  IdFileMismatch,         // E105
  DuplicateScenarioId,    // E106
  StringLength,           // E107
  OutOfRange,             // E108
  UnknownPrinciple,       // E109
  UnknownPartner,         // E110
  UnknownBehaviour,       // E111
  UnknownSpeaker,         // E112
  BadNodeId,              // E113
  BadFlagName,            // E114
  DuplicateEntry,         // E115
  SceneAndEnding,         // E116
  NeitherSceneNorEnding,  // E117
  BadEndingKind,          // E118
  ZeroValue,              // E119
  FeedbackRequired,       // E120
  BadSituation,           // E121
  TooManyEntries,         // E122
  DocumentsOnEnding,      // E123
  BadDocumentKind,        // E124
  UnknownConditionKey,    // E125
  PartnerNotInScenario,   // E126
  // graph (E2xx)
  UnknownStart,          // E201
  UnknownNext,           // E202
  Cycle,                 // E203
  Stuck,                 // E204
  NoSuccess,             // E205
  NoDecision,            // E206
  BestTotalNotPositive,  // E207
  BudgetExceeded,        // E208
  ConditionNeverHolds,   // E209
  // warnings (W)
  UnknownField,            // W001
  UnreachableNode,         // W002
  EndingKindNeverReached,  // W003
  SilentCast,              // W004
  FlatDecision,            // W005
  ChoiceNeverOffered,      // W006
  FlagNeverRead,           // W007
  NotFlagNeverSet,         // W008
  NotAScenario,            // N001 (a note)
  // content lint (L0xx): valid, but teaches badly (engine/core/lint.cpp)
  LongestIsBest,           // L001
  BestSamePosition,        // L002
  OneSidedDecision,        // L003
  FeedbackMissesChoice,    // L004
  PrincipleOnlyRewarded,   // L005
  TextTooLong,             // L006
  CastTrustUnchanged,      // L007
  CheapSuccess,            // L008
  TextNamesUnmadeChoice,   // L009
  DocumentRewardsNothing,  // L010
  PlaceholderText,         // L011
};

// A place related to a diagnostic, printed right after it as Clang does
// ("note: first defined here" at the first of two duplicate keys).
struct DiagnosticNote {
  std::string file;
  SourcePos pos;
  std::string message;
};

struct Diagnostic {
  Severity severity = Severity::Error;
  DiagCode code = DiagCode::JsonSyntax;
  std::string file;
  SourcePos pos;
  std::string pointer;  // RFC 6901 JSON Pointer of the offending value or key
  std::string message;
  std::vector<DiagnosticNote> notes;
};

// "E202", "W001", ...
std::string_view codeName(DiagCode code);
std::string_view severityName(Severity s);  // "note", "warning", "error"
Severity defaultSeverity(DiagCode code);
// One-line summary of the rule, for docs and `validate --explain`-style help.
std::string_view codeTitle(DiagCode code);
std::vector<DiagCode> allCodes();

Diagnostic makeDiagnostic(DiagCode code, std::string file, SourcePos pos, std::string pointer,
                          std::string message);

// file:line:col: error: message (pointer) [E202]
std::string formatText(const Diagnostic& d);
// file:line:col: note: message
std::string formatText(const DiagnosticNote& n);
// The source line a diagnostic points into and a caret under its column,
// each indented four spaces, as Clang shows them on a terminal. The caret
// is placed by code points, so text before it may be any UTF-8; tabs are
// kept so that it lines up with them.
std::string sourceExcerpt(const std::string& lineText, SourcePos pos);
// One JSON object per diagnostic ("notes" when there are any).
std::string formatJson(const std::vector<Diagnostic>& ds);

bool hasErrors(const std::vector<Diagnostic>& ds);
// Sort by file, then line, then column (stable for equal positions).
void sortDiagnostics(std::vector<Diagnostic>& ds);

}  // namespace trustdaily::core
