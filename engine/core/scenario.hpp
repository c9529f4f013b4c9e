#pragma once
// The scenario model: built once by the loader after validation, then shared
// read-only (ink's immutable story). Everything mutable lives in PlayState.
#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostic.hpp"
#include "source_map.hpp"

namespace trustdaily::core {

struct Condition {
  std::vector<std::string> flags;       // all must be set
  std::vector<std::string> notFlags;    // none may be set
  std::map<std::string, int> trustMin;  // partner -> trust >= value
  std::map<std::string, int> trustMax;  // partner -> trust <= value
};

struct Choice {
  std::string text;
  std::string next;                  // node id
  std::size_t nextIndex = 0;         // index into Scenario::nodes
  std::map<std::string, int> score;  // principle id -> [-3,3], never 0
  std::map<std::string, int> trust;  // partner id -> [-30,30], never 0
  std::string feedback;
  std::vector<std::string> behaviours;
  std::vector<std::string> sets;       // flag names
  std::optional<Condition> condition;  // "requires" in the file
  int scoreSum = 0;                    // sum of score values
  SourcePos pos;                       // position of the choice object
};

// Backstory a scene offers (the `documents` extension, docs/format.md): the
// player may open any of them before choosing, at no cost; opening sets
// `sets`. Only scenes have documents.
struct Document {
  std::string title;
  std::string kind = "doc";  // email, chat, notes, dashboard, contract, ticket, doc
  std::string text;
  std::vector<std::string> sets;  // flag names set when opened
  SourcePos pos;                  // position of the document object
};

// The document kinds the format allows, in the order the docs list them.
inline constexpr std::string_view kDocumentKinds[] = {"email",    "chat",   "notes", "dashboard",
                                                      "contract", "ticket", "doc"};
inline constexpr std::size_t kMaxDocuments = 4;

enum class EndingKind { Success, Mixed, Failure };
std::string_view endingName(EndingKind k);  // "success", "mixed", "failure"

struct Node {
  std::string id;
  bool isEnding = false;
  // scene
  std::string speaker;  // cast id or "narrator"
  std::vector<Choice> choices;
  std::vector<Document> documents;  // optional, at most kMaxDocuments
  // ending
  EndingKind ending = EndingKind::Mixed;
  std::string lesson;
  // both
  std::string text;
  SourcePos pos;  // position of the node's key in "nodes"

  bool isDecision() const { return !isEnding && choices.size() >= 2; }
};

struct CastMember {
  std::string id;
  std::string name;
  std::string role;
  std::string partner;
  SourcePos pos;  // position of the member's key in "cast"
};

struct Scenario {
  int format = 1;
  std::string id;
  std::string title;
  std::string summary;
  std::vector<std::string> partners;
  std::string situation;
  int difficulty = 1;
  int minutes = 5;
  std::vector<CastMember> cast;  // in file order
  std::string start;
  std::size_t startIndex = 0;
  std::vector<Node> nodes;  // in file order
  std::map<std::string, std::size_t> nodeIndex;
  std::string author;
  std::string version;
  std::vector<std::string> tags;
  std::string path;    // file it was loaded from
  SourcePos startPos;  // value of "start"
  SourcePos nodesPos;  // key "nodes"
  // Positions of every key and value of the file (null for a model built
  // without one): diagnostics point inside requires, trust and sets.
  std::shared_ptr<const SourceMap> source;
  SourcePos keyPos(const std::string& pointer, SourcePos fallback) const {
    return source ? source->key(pointer, fallback) : fallback;
  }
  SourcePos valuePos(const std::string& pointer, SourcePos fallback) const {
    return source ? source->value(pointer, fallback) : fallback;
  }

  const Node& node(std::size_t i) const { return nodes.at(i); }
  const Node* findNode(const std::string& nodeId) const;
  const CastMember* findCast(const std::string& castId) const;
};

using ScenarioPtr = std::shared_ptr<const Scenario>;

}  // namespace trustdaily::core
