#include "scenario_validator.hpp"

#include <algorithm>
#include <iterator>
#include <set>

#include "field_reader.hpp"

namespace trustdaily::core {

namespace {

// Limits from the format page, in characters (code points).
constexpr std::size_t kIdMax = 64;
constexpr std::size_t kTitleMax = 80;
constexpr std::size_t kSummaryMax = 400;
constexpr std::size_t kNodeTextMax = 1500;
constexpr std::size_t kLessonMax = 600;
constexpr std::size_t kChoiceTextMax = 300;
constexpr std::size_t kFeedbackMax = 800;
constexpr std::size_t kMaxNodes = 500;
constexpr std::size_t kMaxChoices = 6;
constexpr std::size_t kDocumentTitleMax = 80;
constexpr std::size_t kDocumentTextMax = 1500;
constexpr std::size_t kNoLimit = static_cast<std::size_t>(-1);

class ScenarioBuilder {
 public:
  ScenarioBuilder(const PositionedJson& doc, const std::string& file, const Framework& fw,
                  std::vector<Diagnostic>& out)
      : doc_(doc), fw_(fw), r_(doc, file, out), out_(out) {}

  ScenarioPtr build(const std::string& fileStem) {
    std::size_t errorsBefore = errorCount();
    auto s = std::make_shared<Scenario>();
    s->path = r_.file();
    const Json& root = doc_.root;
    r_.warnUnknown(root, "",
                   {"format", "id", "title", "summary", "partners", "situation", "difficulty",
                    "minutes", "cast", "start", "nodes", "author", "version", "tags", "$schema"},
                   "top-level");
    readHeader(root, fileStem, *s);
    readCast(root, *s);
    readNodes(root, *s);
    resolveLinks(root, *s);
    if (errorCount() > errorsBefore) return nullptr;
    return s;
  }

 private:
  std::size_t errorCount() const {
    std::size_t n = 0;
    for (const auto& d : out_) n += d.severity == Severity::Error;
    return n;
  }

  void readHeader(const Json& root, const std::string& fileStem, Scenario& s) {
    if (auto f = r_.integer(root, "", "format", true, 0, 1 << 30)) {
      if (*f != 1)
        r_.report(DiagCode::BadFormatVersion, "/format",
                  "unsupported format " + std::to_string(*f) + " (this build reads format 1)");
    }
    if (auto id = r_.string(root, "", "id", true, 1, kIdMax)) {
      if (!matchesIdPattern(*id)) {
        r_.report(
            DiagCode::BadId, "/id",
            "id '" + *id + "' must be lowercase words of a-z and 0-9 joined by single hyphens");
      } else if (*id != fileStem) {
        r_.report(DiagCode::IdFileMismatch, "/id",
                  "id '" + *id + "' differs from the file name '" + fileStem + ".json'");
      }
      s.id = *id;
    }
    if (auto v = r_.string(root, "", "title", true, 1, kTitleMax)) s.title = *v;
    if (auto v = r_.string(root, "", "summary", true, 1, kSummaryMax)) s.summary = *v;
    if (const Json* p = r_.member(root, "", "partners", true);
        p && r_.isArray(*p, "/partners", "partners")) {
      if (p->empty())
        r_.report(DiagCode::TooManyEntries, "/partners", "'partners' needs at least one partner");
      s.partners =
          idList(*p, "/partners", "partner", &Framework::partner, DiagCode::UnknownPartner);
    }
    if (auto v = r_.string(root, "", "situation", true, 1, kNoLimit)) {
      if (!matchesIdPattern(*v))
        r_.report(DiagCode::BadSituation, "/situation",
                  "situation '" + *v + "' must be a kebab-case tag such as 'bad-news'");
      s.situation = *v;
    }
    if (auto v = r_.integer(root, "", "difficulty", true, 1, 3)) s.difficulty = *v;
    if (auto v = r_.integer(root, "", "minutes", false, 1, 30)) s.minutes = *v;
    if (auto v = r_.string(root, "", "author", false, 0, kNoLimit)) s.author = *v;
    if (const Json* v = r_.member(root, "", "version", false)) {
      // A version may be written as "1.2" or 3; keep its text either way.
      if (v->is_string())
        s.version = v->get<std::string>();
      else if (v->is_number())
        s.version = v->dump();
      else
        r_.report(DiagCode::WrongType, "/version", "'version' must be a string or a number");
    }
    if (const Json* t = r_.member(root, "", "tags", false); t && r_.isArray(*t, "/tags", "tags")) {
      for (std::size_t i = 0; i < t->size(); ++i)
        if (auto v = r_.stringValue((*t)[i], pointerJoin("/tags", i), "tag", 1, kNoLimit))
          s.tags.push_back(*v);
    }
    if (const Json* v = r_.member(root, "", "$schema", false); v && !v->is_string())
      r_.report(DiagCode::WrongType, "/$schema", "'$schema' must be a string");
    if (auto v = r_.string(root, "", "start", true, 1, kNoLimit)) {
      s.start = *v;
      s.startPos = doc_.posOfValue("/start");
    }
  }

  using Lookup = const FrameworkEntry* (Framework::*)(const std::string&) const;

  // A list of framework ids: strings, known, no duplicates.
  std::vector<std::string> idList(const Json& arr, const std::string& ptr, const std::string& what,
                                  Lookup lookup, DiagCode unknownCode) {
    std::vector<std::string> ids;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < arr.size(); ++i) {
      std::string p = pointerJoin(ptr, i);
      auto v = r_.stringValue(arr[i], p, what, 1, kNoLimit);
      if (!v) continue;
      if ((fw_.*lookup)(*v) == nullptr) {
        r_.report(unknownCode, p, "unknown " + what + " '" + *v + "'");
        continue;
      }
      if (!seen.insert(*v).second) {
        r_.report(DiagCode::DuplicateEntry, p, what + " '" + *v + "' is listed twice");
        continue;
      }
      ids.push_back(*v);
    }
    return ids;
  }

  void readCast(const Json& root, Scenario& s) {
    const Json* cast = r_.member(root, "", "cast", true);
    if (!cast || !r_.isObject(*cast, "/cast", "cast")) return;
    for (auto it = cast->begin(); it != cast->end(); ++it) {
      std::string ptr = pointerJoin("/cast", it.key());
      CastMember m;
      m.id = it.key();
      m.pos = doc_.posOfKey(ptr);
      if (!r_.isObject(*it, ptr, "cast member")) continue;
      r_.warnUnknown(*it, ptr, {"name", "role", "partner"}, "cast member");
      if (auto v = r_.string(*it, ptr, "name", true, 1, kNoLimit)) m.name = *v;
      if (auto v = r_.string(*it, ptr, "role", true, 1, kNoLimit)) m.role = *v;
      if (auto v = r_.string(*it, ptr, "partner", true, 1, kNoLimit)) {
        if (fw_.partner(*v) == nullptr)
          r_.report(DiagCode::UnknownPartner, pointerJoin(ptr, "partner"),
                    "unknown partner '" + *v + "'");
        m.partner = *v;
      }
      s.cast.push_back(std::move(m));
    }
  }

  void readNodes(const Json& root, Scenario& s) {
    const Json* nodes = r_.member(root, "", "nodes", true);
    s.nodesPos = doc_.posOfKey("/nodes");
    if (!nodes || !r_.isObject(*nodes, "/nodes", "nodes")) return;
    if (nodes->empty() || nodes->size() > kMaxNodes) {
      r_.report(DiagCode::TooManyEntries, "/nodes",
                "'nodes' has " + std::to_string(nodes->size()) + " entries (1 to 500 allowed)");
      if (nodes->size() > kMaxNodes) return;
    }
    for (auto it = nodes->begin(); it != nodes->end(); ++it) {
      std::string ptr = pointerJoin("/nodes", it.key());
      if (!matchesNodePattern(it.key()))
        r_.report(DiagCode::BadNodeId, ptr,
                  "node id '" + it.key() + "' must be words of a-z and 0-9 joined by '-' or '_'",
                  true);
      Node n;
      n.id = it.key();
      n.pos = doc_.posOfKey(ptr);
      if (r_.isObject(*it, ptr, "node")) readNode(*it, ptr, s, n);
      s.nodeIndex.emplace(n.id, s.nodes.size());
      s.nodes.push_back(std::move(n));
    }
  }

  void readNode(const Json& obj, const std::string& ptr, const Scenario& s, Node& n) {
    bool scene = obj.contains("speaker") || obj.contains("choices");
    bool ending = obj.contains("ending") || obj.contains("lesson");
    if (scene && ending) {
      r_.report(DiagCode::SceneAndEnding, ptr,
                "node '" + n.id +
                    "' has both scene fields (speaker, choices) and ending fields (ending, lesson)",
                true);
      return;
    }
    if (!scene && !ending) {
      r_.report(
          DiagCode::NeitherSceneNorEnding, ptr,
          "node '" + n.id +
              "' is neither a scene (speaker, text, choices) nor an ending (ending, text, lesson)",
          true);
      return;
    }
    if (auto v = r_.string(obj, ptr, "text", true, 1, kNodeTextMax)) n.text = *v;
    if (ending) {
      n.isEnding = true;
      // Named apart from unknown fields: an author who gives an ending
      // documents has misread the extension, not made a typo.
      r_.warnUnknown(obj, ptr, {"ending", "text", "lesson", "documents"}, "ending");
      if (obj.contains("documents"))
        r_.report(DiagCode::DocumentsOnEnding, pointerJoin(ptr, "documents"),
                  "ending '" + n.id + "' has documents; only scenes may offer documents", true);
      if (auto v = r_.string(obj, ptr, "ending", true, 1, kNoLimit)) {
        if (*v == "success")
          n.ending = EndingKind::Success;
        else if (*v == "mixed")
          n.ending = EndingKind::Mixed;
        else if (*v == "failure")
          n.ending = EndingKind::Failure;
        else
          r_.report(DiagCode::BadEndingKind, pointerJoin(ptr, "ending"),
                    "ending '" + *v + "' must be \"success\", \"mixed\" or \"failure\"");
      }
      if (auto v = r_.string(obj, ptr, "lesson", true, 1, kLessonMax)) n.lesson = *v;
      return;
    }
    r_.warnUnknown(obj, ptr, {"speaker", "text", "choices", "documents"}, "scene");
    if (auto v = r_.string(obj, ptr, "speaker", true, 1, kNoLimit)) {
      if (*v != "narrator" && s.findCast(*v) == nullptr)
        r_.report(DiagCode::UnknownSpeaker, pointerJoin(ptr, "speaker"),
                  "speaker '" + *v + "' is not in the cast (use a cast id or \"narrator\")");
      n.speaker = *v;
    }
    if (const Json* docs = r_.member(obj, ptr, "documents", false))
      readDocuments(*docs, pointerJoin(ptr, "documents"), n);
    const Json* choices = r_.member(obj, ptr, "choices", true);
    std::string cptr = pointerJoin(ptr, "choices");
    if (!choices || !r_.isArray(*choices, cptr, "choices")) return;
    if (choices->empty() || choices->size() > kMaxChoices)
      r_.report(DiagCode::TooManyEntries, cptr,
                "'choices' has " + std::to_string(choices->size()) + " entries (1 to 6 allowed)");
    for (std::size_t i = 0; i < choices->size(); ++i) {
      std::string chPtr = pointerJoin(cptr, i);
      Choice c;
      c.pos = doc_.posOfValue(chPtr);
      if (r_.isObject((*choices)[i], chPtr, "choice")) readChoice((*choices)[i], chPtr, c);
      n.choices.push_back(std::move(c));
    }
  }

  // The optional `documents` of a scene (docs/format.md, "Readings and
  // additions"): 1 to 4, titles unique within the scene.
  void readDocuments(const Json& arr, const std::string& ptr, Node& n) {
    if (!r_.isArray(arr, ptr, "documents")) return;
    if (arr.empty() || arr.size() > kMaxDocuments)
      r_.report(DiagCode::TooManyEntries, ptr,
                "'documents' has " + std::to_string(arr.size()) + " entries (1 to " +
                    std::to_string(kMaxDocuments) + " allowed)");
    std::set<std::string> titles;
    for (std::size_t i = 0; i < arr.size(); ++i) {
      std::string dptr = pointerJoin(ptr, i);
      const Json& obj = arr[i];
      if (!r_.isObject(obj, dptr, "document")) continue;
      r_.warnUnknown(obj, dptr, {"title", "kind", "text", "sets"}, "document");
      Document d;
      d.pos = doc_.posOfValue(dptr);
      if (auto v = r_.string(obj, dptr, "title", true, 1, kDocumentTitleMax)) {
        if (!titles.insert(*v).second)
          r_.report(DiagCode::DuplicateEntry, pointerJoin(dptr, "title"),
                    "document title '" + *v + "' is used twice in scene '" + n.id + "'");
        d.title = *v;
      }
      // An empty kind is an unknown kind, reported as such.
      if (auto v = r_.string(obj, dptr, "kind", false, 0, kNoLimit)) {
        bool known = std::find(std::begin(kDocumentKinds), std::end(kDocumentKinds), *v) !=
                     std::end(kDocumentKinds);
        if (!known) {
          std::string kinds;
          for (std::string_view k : kDocumentKinds)
            kinds += (kinds.empty() ? "" : ", ") + std::string(k);
          r_.report(DiagCode::BadDocumentKind, pointerJoin(dptr, "kind"),
                    "document kind '" + *v + "' must be one of " + kinds);
        }
        d.kind = *v;
      }
      if (auto v = r_.string(obj, dptr, "text", true, 1, kDocumentTextMax)) d.text = *v;
      if (const Json* v = r_.member(obj, dptr, "sets", false))
        d.sets = flagList(*v, pointerJoin(dptr, "sets"), "sets");
      n.documents.push_back(std::move(d));
    }
  }

  // principle or partner id -> non-zero integer in [-limit, limit]
  std::map<std::string, int> deltas(const Json& obj, const std::string& ptr,
                                    const std::string& what, Lookup lookup, DiagCode unknownCode,
                                    int limit) {
    std::map<std::string, int> out;
    if (!r_.isObject(obj, ptr, what)) return out;
    for (auto it = obj.begin(); it != obj.end(); ++it) {
      std::string p = pointerJoin(ptr, it.key());
      bool known = (fw_.*lookup)(it.key()) != nullptr;
      if (!known)
        r_.report(
            unknownCode, p,
            "unknown " +
                std::string(unknownCode == DiagCode::UnknownPrinciple ? "principle" : "partner") +
                " '" + it.key() + "'",
            true);
      auto v = r_.integerValue(*it, p, what + "." + it.key(), -limit, limit);
      if (v && *v == 0) {
        r_.report(DiagCode::ZeroValue, p,
                  "'" + what + "." + it.key() + "' is 0: leave it out instead");
        continue;
      }
      if (v && known) out[it.key()] = *v;
    }
    return out;
  }

  std::vector<std::string> flagList(const Json& v, const std::string& ptr,
                                    const std::string& what) {
    std::vector<std::string> out;
    if (!r_.isArray(v, ptr, what)) return out;
    for (std::size_t i = 0; i < v.size(); ++i) {
      std::string p = pointerJoin(ptr, i);
      auto f = r_.stringValue(v[i], p, "flag", 1, kNoLimit);
      if (!f) continue;
      if (!matchesNodePattern(*f)) {
        r_.report(DiagCode::BadFlagName, p,
                  "flag '" + *f + "' must be words of a-z and 0-9 joined by '-' or '_'");
        continue;
      }
      out.push_back(*f);
    }
    return out;
  }

  std::map<std::string, int> trustBounds(const Json& v, const std::string& ptr,
                                         const std::string& what) {
    std::map<std::string, int> out;
    if (!r_.isObject(v, ptr, what)) return out;
    for (auto it = v.begin(); it != v.end(); ++it) {
      std::string p = pointerJoin(ptr, it.key());
      bool known = fw_.partner(it.key()) != nullptr;
      if (!known)
        r_.report(DiagCode::UnknownPartner, p, "unknown partner '" + it.key() + "'", true);
      auto b = r_.integerValue(*it, p, what + "." + it.key(), -1000000, 1000000);
      if (b && known) out[it.key()] = *b;
    }
    return out;
  }

  void readCondition(const Json& obj, const std::string& ptr, Choice& c) {
    if (!r_.isObject(obj, ptr, "requires")) return;
    r_.warnUnknown(obj, ptr, {"flags", "not_flags", "trust_min", "trust_max"}, "condition");
    Condition cond;
    if (const Json* v = r_.member(obj, ptr, "flags", false))
      cond.flags = flagList(*v, pointerJoin(ptr, "flags"), "flags");
    if (const Json* v = r_.member(obj, ptr, "not_flags", false))
      cond.notFlags = flagList(*v, pointerJoin(ptr, "not_flags"), "not_flags");
    if (const Json* v = r_.member(obj, ptr, "trust_min", false))
      cond.trustMin = trustBounds(*v, pointerJoin(ptr, "trust_min"), "trust_min");
    if (const Json* v = r_.member(obj, ptr, "trust_max", false))
      cond.trustMax = trustBounds(*v, pointerJoin(ptr, "trust_max"), "trust_max");
    c.condition = std::move(cond);
  }

  void readChoice(const Json& obj, const std::string& ptr, Choice& c) {
    r_.warnUnknown(obj, ptr,
                   {"text", "next", "score", "trust", "feedback", "behaviours", "sets", "requires"},
                   "choice");
    if (auto v = r_.string(obj, ptr, "text", true, 1, kChoiceTextMax)) c.text = *v;
    if (auto v = r_.string(obj, ptr, "next", true, 1, kNoLimit)) c.next = *v;
    const Json* score = r_.member(obj, ptr, "score", false);
    if (score) {
      c.score = deltas(*score, pointerJoin(ptr, "score"), "score", &Framework::principle,
                       DiagCode::UnknownPrinciple, 3);
      for (const auto& [k, v] : c.score) c.scoreSum += v;
      if (!obj.contains("feedback"))
        r_.report(DiagCode::FeedbackRequired, ptr,
                  "a scored choice needs 'feedback' explaining its score");
    }
    if (const Json* v = r_.member(obj, ptr, "trust", false))
      c.trust = deltas(*v, pointerJoin(ptr, "trust"), "trust", &Framework::partner,
                       DiagCode::UnknownPartner, 30);
    if (auto v = r_.string(obj, ptr, "feedback", false, 1, kFeedbackMax)) c.feedback = *v;
    if (const Json* v = r_.member(obj, ptr, "behaviours", false);
        v && r_.isArray(*v, pointerJoin(ptr, "behaviours"), "behaviours"))
      c.behaviours = idList(*v, pointerJoin(ptr, "behaviours"), "behaviour", &Framework::behaviour,
                            DiagCode::UnknownBehaviour);
    if (const Json* v = r_.member(obj, ptr, "sets", false))
      c.sets = flagList(*v, pointerJoin(ptr, "sets"), "sets");
    if (const Json* v = r_.member(obj, ptr, "requires", false))
      readCondition(*v, pointerJoin(ptr, "requires"), c);
  }

  // `start` and every `next` must name a node.
  void resolveLinks(const Json& root, Scenario& s) {
    if (!s.start.empty() && !s.nodes.empty()) {
      auto it = s.nodeIndex.find(s.start);
      if (it == s.nodeIndex.end())
        r_.report(DiagCode::UnknownStart, "/start", "start names unknown node '" + s.start + "'");
      else
        s.startIndex = it->second;
    }
    (void)root;
    for (auto& n : s.nodes) {
      for (std::size_t i = 0; i < n.choices.size(); ++i) {
        Choice& c = n.choices[i];
        if (c.next.empty()) continue;
        auto it = s.nodeIndex.find(c.next);
        if (it == s.nodeIndex.end()) {
          std::string p = pointerJoin(
              pointerJoin(pointerJoin(pointerJoin("/nodes", n.id), "choices"), i), "next");
          r_.report(DiagCode::UnknownNext, p, "choice leads to unknown node '" + c.next + "'");
        } else {
          c.nextIndex = it->second;
        }
      }
    }
  }

  const PositionedJson& doc_;
  const Framework& fw_;
  FieldReader r_;
  std::vector<Diagnostic>& out_;
};

}  // namespace

ScenarioPtr validateScenarioFields(const PositionedJson& doc, const std::string& file,
                                   const std::string& fileStem, const Framework& fw,
                                   std::vector<Diagnostic>& out) {
  ScenarioBuilder b(doc, file, fw, out);
  return b.build(fileStem);
}

}  // namespace trustdaily::core
