#include "scenario_validator.hpp"

#include <algorithm>
#include <climits>
#include <iterator>
#include <set>

#include "field_reader.hpp"
#include "suggest.hpp"

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
constexpr std::size_t kNoLimit = kNoLengthLimit;

class ScenarioBuilder {
 public:
  ScenarioBuilder(const PositionedJson& doc, const std::string& file, const Framework& fw,
                  std::vector<Diagnostic>& out)
      : doc_(doc), fw_(fw), r_(doc, file, out), out_(out) {}

  ScenarioPtr build(const std::string& fileStem, ScenarioPtr* partial) {
    std::size_t errorsBefore = errorCount();
    auto s = std::make_shared<Scenario>();
    s->path = r_.file();
    auto source = std::make_shared<SourceMap>();
    source->valuePos = doc_.valuePos;
    source->keyPos = doc_.keyPos;
    s->source = std::move(source);
    const Json& root = doc_.root;
    readHeader(root, fileStem, *s);
    readCast(root, *s);
    readNodes(root, *s);
    resolveLinks(root, *s);
    checkFlags(root, *s);
    // After the required fields, so that a typo of a missing one is one
    // diagnostic at the typo (FieldReader::warnUnknown).
    r_.warnUnknown(root, "",
                   {"format", "id", "title", "summary", "partners", "situation", "difficulty",
                    "minutes", "cast", "start", "nodes", "author", "version", "tags", "$schema"},
                   "top-level");
    if (errorCount() > errorsBefore) {
      if (partial != nullptr) *partial = s;
      return nullptr;
    }
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
      s.partners = idList(*p, "/partners", "partner", &Framework::partner, DiagCode::UnknownPartner,
                          partnerIds());
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

  static std::vector<std::string> ids(const std::vector<FrameworkEntry>& entries) {
    std::vector<std::string> out;
    for (const auto& e : entries) out.push_back(e.id);
    return out;
  }
  std::vector<std::string> partnerIds() const { return ids(fw_.partners); }
  std::vector<std::string> principleIds() const { return ids(fw_.principles); }

  // A list of framework ids: strings, known, no duplicates.
  std::vector<std::string> idList(const Json& arr, const std::string& ptr, const std::string& what,
                                  Lookup lookup, DiagCode unknownCode,
                                  const std::vector<std::string>& known) {
    std::vector<std::string> ids;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < arr.size(); ++i) {
      std::string p = pointerJoin(ptr, i);
      auto v = r_.stringValue(arr[i], p, what, 1, kNoLimit);
      if (!v) continue;
      if ((fw_.*lookup)(*v) == nullptr) {
        r_.report(unknownCode, p, "unknown " + what + " '" + *v + "'" + didYouMean(*v, known));
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
      if (auto v = r_.string(*it, ptr, "name", true, 1, kNoLimit)) m.name = *v;
      if (auto v = r_.string(*it, ptr, "role", true, 1, kNoLimit)) m.role = *v;
      if (auto v = r_.string(*it, ptr, "partner", true, 1, kNoLimit)) {
        if (fw_.partner(*v) == nullptr)
          r_.report(DiagCode::UnknownPartner, pointerJoin(ptr, "partner"),
                    "unknown partner '" + *v + "'" + didYouMean(*v, partnerIds()));
        m.partner = *v;
      }
      r_.warnUnknown(*it, ptr, {"name", "role", "partner"}, "cast member");
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
                    "ending '" + *v + "' must be \"success\", \"mixed\" or \"failure\"" +
                        didYouMean(*v, {"success", "mixed", "failure"}));
      }
      if (auto v = r_.string(obj, ptr, "lesson", true, 1, kLessonMax)) n.lesson = *v;
      // "documents" is named apart (E123) rather than as an unknown field.
      r_.warnUnknown(obj, ptr, {"ending", "text", "lesson", "documents"}, "ending");
      return;
    }
    if (auto v = r_.string(obj, ptr, "speaker", true, 1, kNoLimit)) {
      if (*v != "narrator" && s.findCast(*v) == nullptr) {
        std::vector<std::string> speakers{"narrator"};
        for (const auto& m : s.cast) speakers.push_back(m.id);
        r_.report(DiagCode::UnknownSpeaker, pointerJoin(ptr, "speaker"),
                  "speaker '" + *v + "' is not in the cast (use a cast id or \"narrator\")" +
                      didYouMean(*v, speakers));
      }
      n.speaker = *v;
    }
    if (const Json* docs = r_.member(obj, ptr, "documents", false))
      readDocuments(*docs, pointerJoin(ptr, "documents"), n);
    const Json* choices = r_.member(obj, ptr, "choices", true);
    r_.warnUnknown(obj, ptr, {"speaker", "text", "choices", "documents"}, "scene");
    std::string cptr = pointerJoin(ptr, "choices");
    if (!choices || !r_.isArray(*choices, cptr, "choices")) return;
    if (choices->empty() || choices->size() > kMaxChoices)
      r_.report(DiagCode::TooManyEntries, cptr,
                "'choices' has " + std::to_string(choices->size()) + " entries (1 to 6 allowed)");
    for (std::size_t i = 0; i < choices->size(); ++i) {
      std::string chPtr = pointerJoin(cptr, i);
      Choice c;
      c.pos = doc_.posOfValue(chPtr);
      if (r_.isObject((*choices)[i], chPtr, "choice")) readChoice((*choices)[i], chPtr, c, s);
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
      r_.warnUnknown(obj, dptr, {"title", "kind", "text", "sets"}, "document");
      n.documents.push_back(std::move(d));
    }
  }

  // A partner a choice moves or a condition reads must be in `partners`:
  // the debrief shows only those meters, so any other trust is invisible.
  bool inScenario(const std::string& partner, const std::string& ptr, const std::string& what,
                  const Scenario& s) {
    if (std::find(s.partners.begin(), s.partners.end(), partner) != s.partners.end()) return true;
    r_.report(DiagCode::PartnerNotInScenario, ptr,
              what + " names partner '" + partner + "', which is not in 'partners' (" +
                  joined(s.partners) + "): add it there, or its meter is never shown" +
                  didYouMean(partner, s.partners),
              true);
    return false;
  }

  static std::string joined(const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) out += (out.empty() ? "" : ", ") + id;
    return out;
  }

  // principle or partner id -> non-zero integer in [-limit, limit]
  std::map<std::string, int> deltas(const Json& obj, const std::string& ptr,
                                    const std::string& what, Lookup lookup, DiagCode unknownCode,
                                    int limit, const Scenario& s) {
    std::map<std::string, int> out;
    if (!r_.isObject(obj, ptr, what)) return out;
    const bool partners = unknownCode == DiagCode::UnknownPartner;
    for (auto it = obj.begin(); it != obj.end(); ++it) {
      std::string p = pointerJoin(ptr, it.key());
      bool known = (fw_.*lookup)(it.key()) != nullptr;
      if (!known)
        r_.report(unknownCode, p,
                  "unknown " + std::string(partners ? "partner" : "principle") + " '" + it.key() +
                      "'" + didYouMean(it.key(), partners ? partnerIds() : principleIds()),
                  true);
      else if (partners)
        known = inScenario(it.key(), p, "'trust'", s);
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
                                         const std::string& what, const Scenario& s) {
    std::map<std::string, int> out;
    if (!r_.isObject(v, ptr, what)) return out;
    for (auto it = v.begin(); it != v.end(); ++it) {
      std::string p = pointerJoin(ptr, it.key());
      bool known = fw_.partner(it.key()) != nullptr;
      if (!known)
        r_.report(DiagCode::UnknownPartner, p,
                  "unknown partner '" + it.key() + "'" + didYouMean(it.key(), partnerIds()), true);
      else
        known = inScenario(it.key(), p, "'" + what + "'", s);
      // Any int: E209 says why a bound outside 0..100 is wrong (or harmless).
      auto b = r_.integerValue(*it, p, what + "." + it.key(), INT_MIN, INT_MAX);
      if (b && known) out[it.key()] = *b;
    }
    return out;
  }

  // A condition that no state can meet, whatever the path (trust lives in
  // 0..100; a flag cannot be both set and unset).
  void neverHolds(const Condition& c, const std::string& ptr) {
    auto report = [&](const std::string& p, const std::string& msg) {
      r_.report(DiagCode::ConditionNeverHolds, p, "condition can never hold: " + msg);
    };
    for (const auto& [p, v] : c.trustMin) {
      std::string at = pointerJoin(pointerJoin(ptr, "trust_min"), p);
      if (v > 100)
        report(at, "trust_min " + std::to_string(v) + " for '" + p +
                       "' is above 100, the highest trust there is");
      else if (auto mx = c.trustMax.find(p); mx != c.trustMax.end() && v > mx->second)
        report(at, "trust_min " + std::to_string(v) + " for '" + p + "' is above its trust_max " +
                       std::to_string(mx->second));
    }
    for (const auto& [p, v] : c.trustMax)
      if (v < 0)
        report(pointerJoin(pointerJoin(ptr, "trust_max"), p),
               "trust_max " + std::to_string(v) + " for '" + p +
                   "' is below 0, the lowest trust there is");
    for (std::size_t i = 0; i < c.notFlags.size(); ++i)
      if (std::find(c.flags.begin(), c.flags.end(), c.notFlags[i]) != c.flags.end())
        report(pointerJoin(pointerJoin(ptr, "not_flags"), i),
               "flag '" + c.notFlags[i] + "' is in both 'flags' and 'not_flags'");
  }

  void readCondition(const Json& obj, const std::string& ptr, Choice& c, const Scenario& s) {
    if (!r_.isObject(obj, ptr, "requires")) return;
    // An unknown key would silently drop part of the condition: an error.
    static const std::vector<std::string> kKeys{"flags", "not_flags", "trust_min", "trust_max"};
    for (auto it = obj.begin(); it != obj.end(); ++it)
      if (std::find(kKeys.begin(), kKeys.end(), it.key()) == kKeys.end())
        r_.report(DiagCode::UnknownConditionKey, pointerJoin(ptr, it.key()),
                  "unknown key '" + it.key() +
                      "' in 'requires' (flags, not_flags, trust_min, trust_max)" +
                      didYouMean(it.key(), kKeys),
                  true);
    Condition cond;
    if (const Json* v = r_.member(obj, ptr, "flags", false))
      cond.flags = flagList(*v, pointerJoin(ptr, "flags"), "flags");
    if (const Json* v = r_.member(obj, ptr, "not_flags", false))
      cond.notFlags = flagList(*v, pointerJoin(ptr, "not_flags"), "not_flags");
    if (const Json* v = r_.member(obj, ptr, "trust_min", false))
      cond.trustMin = trustBounds(*v, pointerJoin(ptr, "trust_min"), "trust_min", s);
    if (const Json* v = r_.member(obj, ptr, "trust_max", false))
      cond.trustMax = trustBounds(*v, pointerJoin(ptr, "trust_max"), "trust_max", s);
    neverHolds(cond, ptr);
    c.condition = std::move(cond);
  }

  void readChoice(const Json& obj, const std::string& ptr, Choice& c, const Scenario& s) {
    if (auto v = r_.string(obj, ptr, "text", true, 1, kChoiceTextMax)) {
      // A blank choice is an empty button on screen.
      if (v->find_first_not_of(" \t\r\n") == std::string::npos)
        r_.report(DiagCode::StringLength, pointerJoin(ptr, "text"),
                  "'text' is only spaces (1 to 300 characters of text allowed)");
      c.text = *v;
    }
    if (auto v = r_.string(obj, ptr, "next", true, 1, kNoLimit)) c.next = *v;
    const Json* score = r_.member(obj, ptr, "score", false);
    if (score) {
      c.score = deltas(*score, pointerJoin(ptr, "score"), "score", &Framework::principle,
                       DiagCode::UnknownPrinciple, 3, s);
      for (const auto& [k, v] : c.score) c.scoreSum += v;
      if (!obj.contains("feedback"))
        r_.reportMissing(DiagCode::FeedbackRequired, ptr, "feedback",
                         "a scored choice needs 'feedback' explaining its score");
    }
    if (const Json* v = r_.member(obj, ptr, "trust", false))
      c.trust = deltas(*v, pointerJoin(ptr, "trust"), "trust", &Framework::partner,
                       DiagCode::UnknownPartner, 30, s);
    if (auto v = r_.string(obj, ptr, "feedback", false, 1, kFeedbackMax)) c.feedback = *v;
    if (const Json* v = r_.member(obj, ptr, "behaviours", false);
        v && r_.isArray(*v, pointerJoin(ptr, "behaviours"), "behaviours"))
      c.behaviours = idList(*v, pointerJoin(ptr, "behaviours"), "behaviour", &Framework::behaviour,
                            DiagCode::UnknownBehaviour, ids(fw_.behaviours));
    if (const Json* v = r_.member(obj, ptr, "sets", false))
      c.sets = flagList(*v, pointerJoin(ptr, "sets"), "sets");
    if (const Json* v = r_.member(obj, ptr, "requires", false))
      readCondition(*v, pointerJoin(ptr, "requires"), c, s);
    r_.warnUnknown(obj, ptr,
                   {"text", "next", "score", "trust", "feedback", "behaviours", "sets", "requires"},
                   "choice");
  }

  // Flags across the whole file: a flag a condition needs but nothing sets
  // makes the condition dead (error); one set but never read, or one in
  // not_flags that nothing sets, is most likely a typo (warning). Each is
  // reported at the entry inside `requires` or `sets`.
  void checkFlags(const Json& root, const Scenario& s) {
    struct Use {
      std::string pointer;
      std::string flag;
    };
    std::vector<Use> needs, forbids, sets;
    auto collect = [&](const Json& arr, const std::string& ptr, std::vector<Use>& into) {
      if (!arr.is_array()) return;
      for (std::size_t i = 0; i < arr.size(); ++i)
        if (arr[i].is_string() && matchesNodePattern(arr[i].get<std::string>()))
          into.push_back({pointerJoin(ptr, i), arr[i].get<std::string>()});
    };
    const Json* nodes = root.contains("nodes") ? &root["nodes"] : nullptr;
    if (!nodes || !nodes->is_object()) return;
    for (auto n = nodes->begin(); n != nodes->end(); ++n) {
      if (!n->is_object()) continue;
      // A flag a document sets counts as set (docs/format.md, documents).
      if (n->contains("documents") && (*n)["documents"].is_array()) {
        const Json& docs = (*n)["documents"];
        for (std::size_t i = 0; i < docs.size(); ++i)
          if (docs[i].is_object() && docs[i].contains("sets"))
            collect(docs[i]["sets"],
                    pointerJoin(
                        pointerJoin(pointerJoin(pointerJoin("/nodes", n.key()), "documents"), i),
                        "sets"),
                    sets);
      }
      if (!n->contains("choices") || !(*n)["choices"].is_array()) continue;
      const Json& choices = (*n)["choices"];
      for (std::size_t i = 0; i < choices.size(); ++i) {
        const Json& c = choices[i];
        if (!c.is_object()) continue;
        std::string cp = pointerJoin(pointerJoin(pointerJoin("/nodes", n.key()), "choices"), i);
        if (c.contains("sets")) collect(c["sets"], pointerJoin(cp, "sets"), sets);
        if (!c.contains("requires") || !c["requires"].is_object()) continue;
        const Json& req = c["requires"];
        std::string rp = pointerJoin(cp, "requires");
        if (req.contains("flags")) collect(req["flags"], pointerJoin(rp, "flags"), needs);
        if (req.contains("not_flags"))
          collect(req["not_flags"], pointerJoin(rp, "not_flags"), forbids);
      }
    }
    (void)s;
    std::set<std::string> setNames, readNames;
    for (const auto& u : sets) setNames.insert(u.flag);
    for (const auto& u : needs) readNames.insert(u.flag);
    for (const auto& u : forbids) readNames.insert(u.flag);
    const std::vector<std::string> setList(setNames.begin(), setNames.end());
    for (const auto& u : needs)
      if (!setNames.count(u.flag))
        r_.report(DiagCode::ConditionNeverHolds, u.pointer,
                  "condition can never hold: no choice or document sets flag '" + u.flag + "'" +
                      didYouMean(u.flag, setList));
    for (const auto& u : forbids)
      if (!setNames.count(u.flag))
        r_.report(DiagCode::NotFlagNeverSet, u.pointer,
                  "no choice or document sets flag '" + u.flag +
                      "', so this 'not_flags' always holds" + didYouMean(u.flag, setList));
    // A misspelt read and the flag it meant are one mistake: the read's error
    // names the flag ("did you mean"), so that flag gets no W007 of its own.
    std::set<std::string> reported;
    for (const auto* uses : {&needs, &forbids})
      for (const auto& u : *uses)
        if (!setNames.count(u.flag))
          if (auto meant = nearestName(u.flag, setList)) reported.insert(*meant);
    for (const auto& u : sets) {
      if (readNames.count(u.flag) || !reported.insert(u.flag).second) continue;
      std::size_t count =
          std::count_if(sets.begin(), sets.end(), [&](const Use& o) { return o.flag == u.flag; });
      std::string others = count > 1 ? " (and by " + std::to_string(count - 1) + " more choice" +
                                           (count > 2 ? "s" : "") + ")"
                                     : "";
      std::vector<std::string> readList(readNames.begin(), readNames.end());
      r_.report(DiagCode::FlagNeverRead, u.pointer,
                "flag '" + u.flag + "' is set here" + others +
                    " but no condition reads it: read it in a 'requires', or remove it" +
                    didYouMean(u.flag, readList));
    }
  }

  static std::vector<std::string> nodeIds(const Scenario& s) {
    std::vector<std::string> out;
    for (const auto& n : s.nodes) out.push_back(n.id);
    return out;
  }

  // `start` and every `next` must name a node.
  void resolveLinks(const Json& root, Scenario& s) {
    if (!s.start.empty() && !s.nodes.empty()) {
      auto it = s.nodeIndex.find(s.start);
      if (it == s.nodeIndex.end())
        r_.report(DiagCode::UnknownStart, "/start",
                  "start names unknown node '" + s.start + "'" + didYouMean(s.start, nodeIds(s)));
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
          r_.report(
              DiagCode::UnknownNext, p,
              "choice leads to unknown node '" + c.next + "'" + didYouMean(c.next, nodeIds(s)));
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
                                   std::vector<Diagnostic>& out, ScenarioPtr* partial) {
  ScenarioBuilder b(doc, file, fw, out);
  return b.build(fileStem, partial);
}

}  // namespace trustdaily::core
