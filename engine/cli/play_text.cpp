#include "play_text.hpp"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <sstream>

#include "commands.hpp"
#include "core/diagnostic.hpp"
#include "core/loader.hpp"
#include "core/playtest.hpp"
#include "core/progress.hpp"
#include "core/session.hpp"
#include "today.hpp"

namespace trustdaily::cli {

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kWidth = 78;

// ---------------------------------------------------------------------------
// Text layout

// Columns as code points: scenario text is validated UTF-8 without emoji.
std::size_t columns(const std::string& s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string rtrim(std::string s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

std::string trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  auto e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

// Wraps by words at kWidth columns; `first` starts the first line, `rest`
// every other one. The author's line breaks are kept.
std::string wrap(const std::string& text, const std::string& first, const std::string& rest) {
  std::string out;
  const std::string* prefix = &first;
  std::size_t start = 0;
  for (;;) {
    std::size_t nl = text.find('\n', start);
    std::istringstream words(text.substr(start, nl == std::string::npos ? nl : nl - start));
    std::string line = *prefix;
    std::size_t width = columns(line);
    bool empty = true;
    for (std::string w; words >> w;) {
      std::size_t ww = columns(w);
      if (!empty && width + 1 + ww > kWidth) {
        out += line + "\n";
        line = rest;
        width = columns(rest);
        empty = true;
      }
      if (!empty) {
        line += ' ';
        ++width;
      }
      line += w;
      width += ww;
      empty = false;
    }
    out += (empty ? rtrim(line) : line) + "\n";
    prefix = &rest;
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return out;
}

std::string padded(const std::string& s, std::size_t width) {
  std::size_t w = columns(s);
  return w >= width ? s : s + std::string(width - w, ' ');
}

std::string signedNumber(int v) {
  std::string out = v > 0 ? "+" : "";  // += sidesteps a GCC 12 -Wrestrict false positive
  out += std::to_string(v);
  return out;
}

std::string partnerName(const core::Framework& fw, const std::string& id) {
  const core::FrameworkEntry* e = fw.partner(id);
  return e ? e->name : id;
}

int valueOr(const std::map<std::string, int>& m, const std::string& key, int fallback) {
  auto it = m.find(key);
  return it == m.end() ? fallback : it->second;
}

void printDiagnostics(std::ostream& out, const std::vector<core::Diagnostic>& ds) {
  for (const core::Diagnostic& d : ds) out << core::formatText(d) << "\n";
}

// ---------------------------------------------------------------------------
// Screens, as text

void printNode(std::ostream& out, const core::Scenario& s, const core::Node& n) {
  out << "\n";
  if (n.isEnding) {
    out << "-- Ending: " << core::endingName(n.ending) << " --\n" << wrap(n.text, "", "");
    return;
  }
  if (const core::CastMember* c = s.findCast(n.speaker))
    out << c->name << " \u2014 " << c->role << "\n";
  out << wrap(n.text, "  ", "  ");
}

// "d1", "d1 or d2", "d1, d2 or d3", ...
std::string documentNames(std::size_t count) {
  std::string out;
  for (std::size_t i = 1; i <= count; ++i) {
    if (i > 1) out += i == count ? " or " : ", ";
    out += 'd';  // appended piecewise: GCC 12 warns falsely (-Wrestrict) on "d" + ...
    out += std::to_string(i);
  }
  return out;
}

// The scene's documents as d1, d2, ... (before the choices, which keep
// their numbers 1..k), read ones marked.
void printDocuments(std::ostream& out, const core::Session& session) {
  const std::vector<core::Document>& docs = session.currentNode().documents;
  if (docs.empty()) return;
  out << "\nDocuments (type " << documentNames(docs.size()) << " to read one):\n";
  for (std::size_t i = 0; i < docs.size(); ++i)
    out << wrap(
        "[" + docs[i].kind + "] " + docs[i].title + (session.documentOpened(i) ? "  (read)" : ""),
        "  d" + std::to_string(i + 1) + ". ", "      ");
}

void printDocument(std::ostream& out, std::size_t i, const core::Document& d) {
  out << "\n"
      << wrap("-- d" + std::to_string(i + 1) + ". " + d.title + " (" + d.kind + ") --", "", "");
  out << wrap(d.text, "  ", "  ") << "-- end of document --\n";
}

void printChoices(std::ostream& out, const std::vector<core::OfferedChoice>& offered) {
  out << "\n";
  for (std::size_t i = 0; i < offered.size(); ++i)
    out << wrap(offered[i].choice->text, "  " + std::to_string(i + 1) + ". ", "     ");
}

// The coaching after a choice: feedback, principle deltas, trust moves.
void printCoaching(std::ostream& out, const core::Framework& fw, const core::Scenario& s,
                   const core::ChoiceOutcome& o, const core::PlayState& before,
                   const core::PlayState& after) {
  if (o.feedback.empty() && o.score.empty() && o.trustDelta.empty()) return;
  out << "\nFeedback:\n";
  if (!o.feedback.empty()) out << wrap(o.feedback, "  ", "  ");
  for (const core::FrameworkEntry& p : fw.principles)
    if (auto it = o.score.find(p.id); it != o.score.end())
      out << "  " << signedNumber(it->second) << " " << p.name << "\n";
  for (const std::string& p : s.partners)
    if (o.trustDelta.count(p))
      out << "  " << partnerName(fw, p) << " " << valueOr(before.trust, p, core::kTrustStart)
          << " \u2192 " << valueOr(after.trust, p, core::kTrustStart) << "\n";
}

void printDebrief(std::ostream& out, const core::Framework& fw, const core::Scenario& s,
                  const core::Debrief& d) {
  out << "\n== Debrief ==\n";
  out << "Ending: " << core::endingName(d.ending) << "\n";
  out << wrap(d.lesson, "Lesson: ", "        ");

  out << "\nPrinciples (your path / best path):\n";
  std::size_t nameWidth = 0;
  for (const core::FrameworkEntry& p : fw.principles)
    nameWidth = std::max(nameWidth, columns(p.name));
  for (const core::FrameworkEntry& p : fw.principles) {
    if (!d.totals.count(p.id) && !d.bestTotals.count(p.id)) continue;
    out << "  " << padded(p.name, nameWidth) << "  " << signedNumber(valueOr(d.totals, p.id, 0))
        << " / " << signedNumber(valueOr(d.bestTotals, p.id, 0)) << "\n";
  }

  out << "\nTrust:\n";
  for (const std::string& p : s.partners) {
    int end = valueOr(d.trustEnd, p, core::kTrustStart);
    int change = valueOr(d.trustChange, p, 0);
    out << "  " << partnerName(fw, p) << " " << end - change << " \u2192 " << end << " ("
        << signedNumber(change) << ")\n";
  }

  out << "\nScore: " << d.total << " of a best " << d.bestTotal << " (" << d.percent << "%)\n";
  if (d.missteps.empty()) {
    out << "Missteps: none\n";
    return;
  }
  out << "Missteps:\n";
  for (const core::ChoiceOutcome& m : d.missteps)
    out << wrap(
        "at " + m.nodeId + " (" + signedNumber(m.scoreSum) + "): \u201c" + m.choiceText + "\u201d",
        "  - ", "    ");
}

// ---------------------------------------------------------------------------
// Input

std::optional<std::string> readLine(std::istream& in, std::ostream& out) {
  out << "> " << std::flush;
  std::string line;
  if (!std::getline(in, line)) return std::nullopt;
  return trim(line);
}

// What the player typed at a scene: a choice (a position in the offered
// list) or a document to read.
struct SceneInput {
  bool document = false;
  std::size_t index = 0;
};

// "3" -> 3, "d2" -> 2 (as typed, 1-based); nullopt when it is not that shape.
std::optional<std::size_t> numberAfter(const std::string& s, std::size_t skip) {
  if (s.size() <= skip || s.size() - skip > 3) return std::nullopt;
  if (s.find_first_not_of("0123456789", skip) != std::string::npos) return std::nullopt;
  return std::stoul(s.substr(skip));
}

std::optional<SceneInput> readSceneInput(std::istream& in, std::ostream& out, std::size_t count,
                                         std::size_t documents) {
  for (;;) {
    auto line = readLine(in, out);
    if (!line) return std::nullopt;
    if (auto n = numberAfter(*line, 0); n && *n >= 1 && *n <= count)
      return SceneInput{false, *n - 1};
    if (documents > 0 && !line->empty() && (line->front() == 'd' || line->front() == 'D'))
      if (auto n = numberAfter(*line, 1); n && *n >= 1 && *n <= documents)
        return SceneInput{true, *n - 1};
    out << "Type a number from 1 to " << count;
    if (documents > 0) out << ", or " << documentNames(documents) << " to read a document";
    out << ".\n";
  }
}

// After a misstep: true to rewind, false to go on, nullopt at end of input.
std::optional<bool> readRewind(std::istream& in, std::ostream& out) {
  out << "\nThat was a misstep.\nr = try that again (rewind), Enter = continue\n";
  for (;;) {
    auto line = readLine(in, out);
    if (!line) return std::nullopt;
    if (*line == "r" || *line == "R") return true;
    if (line->empty()) return false;
    out << "Type r to try again, or press Enter to continue.\n";
  }
}

// ---------------------------------------------------------------------------
// Choosing the scenario

struct Picked {
  core::ScenarioPtr scenario;
  std::shared_ptr<const core::Analysis> analysis;
  core::Framework framework;
  bool isToday = false;  // the day's scenario, from the library
};

bool looksLikeFile(const std::string& target) {
  std::error_code ec;
  return target.find('/') != std::string::npos ||
         (target.size() > 5 && target.substr(target.size() - 5) == ".json") ||
         fs::is_regular_file(target, ec);
}

int pickFile(const std::string& path, std::ostream& out, Picked& picked) {
  core::FrameworkLoad fw = core::loadFramework(core::findFrameworkFor(path));
  if (!fw.ok()) {
    printDiagnostics(out, fw.diagnostics);
    return 1;
  }
  core::ScenarioLoad load = core::loadScenarioFile(path, fw.framework);
  if (!load.ok()) {
    printDiagnostics(out, load.diagnostics);
    if (load.diagnostics.empty()) out << path << ": cannot be played\n";
    return 1;
  }
  picked.scenario = load.scenario;
  picked.analysis = load.analysis;
  picked.framework = fw.framework;
  return 0;
}

int pickFromLibrary(const TextPlayOptions& o, const core::CivilDate& date,
                    core::ProgressStore& store, core::Progress& progress, std::ostream& out,
                    Picked& picked) {
  const std::string dir = o.scenariosDir.empty() ? defaultScenariosDir() : o.scenariosDir;
  DailyPick pick = pickDaily(date, dir);
  printDiagnostics(out, pick.diagnostics);

  // A day keeps the scenario it was first shown, whatever the library does later.
  std::string todayId = pick.id;
  if (auto it = progress.days.find(core::formatDate(date)); it != progress.days.end())
    if (!it->second.scenarioId.empty()) todayId = it->second.scenarioId;

  std::string id = o.target;
  if (id.empty()) {
    if (todayId.empty()) {
      out << "No valid scenario in " << dir << " to play.\n";
      return 1;
    }
    const bool firstShown = !progress.days.count(core::formatDate(date));
    id = progress.assignDay(date, todayId);
    if (firstShown) {
      if (std::string why = store.save(progress); !why.empty()) out << why << "\n";
    }
  }

  const core::ScenarioLoad* load = pick.library.findLoad(id);
  if (load == nullptr) {
    for (const core::ScenarioLoad& f : pick.library.files) {
      if (fs::path(f.path).stem() == id && !f.ok()) {
        printDiagnostics(out, f.diagnostics);
        return 1;
      }
    }
    out << "No scenario '" << id << "' in " << dir << ".\n";
    return 1;
  }
  picked.scenario = load->scenario;
  picked.analysis = load->analysis;
  picked.framework = pick.framework;
  picked.isToday = id == todayId;
  return 0;
}

core::PlayRecord recordOf(const core::Session& session, const core::CivilDate& date,
                          core::PlayKind kind) {
  core::PlayRecord rec;
  rec.scenarioId = session.scenario().id;
  rec.day = core::formatDate(date);
  rec.kind = kind;
  rec.percent = session.percent();
  rec.total = session.total();
  rec.ending = std::string(core::endingName(session.currentNode().ending));
  for (const core::ChoiceOutcome& h : session.history()) {
    rec.path.push_back(core::PathStep{h.nodeId, h.choiceIndex, h.documentsRead});
    if (h.misstep) rec.missteps.push_back(h.step);
  }
  rec.finishedAt = core::localTimestamp();
  return rec;
}

// Reloads before recording, so a save by another instance since the start
// (the window, say) is kept rather than overwritten.
int recordPlay(const core::Session& session, const core::CivilDate& date, bool isToday,
               core::ProgressStore& store, std::ostream& out) {
  core::ProgressLoad loaded = store.load();
  if (!loaded.problem.empty()) out << "Note: " << loaded.problem << "\n";
  core::Progress& progress = loaded.progress;
  const std::string day = core::formatDate(date);
  const std::string& id = session.scenario().id;
  if (isToday) progress.assignDay(date, id);
  auto it = progress.days.find(day);
  bool dayDone = it != progress.days.end() && it->second.result.has_value();
  core::PlayKind kind = isToday && !dayDone ? core::PlayKind::Daily : core::PlayKind::Library;
  progress.recordPlay(recordOf(session, date, kind));
  if (std::string why = store.save(progress); !why.empty()) {
    out << "\n" << why << "\n";
    return 1;
  }
  out << "\n";
  if (kind == core::PlayKind::Daily) {
    int streak = progress.streak(date);
    out << "Day " << day << " complete. Streak: " << streak << (streak == 1 ? " day" : " days")
        << ".\n";
  } else {
    out << "Recorded as a practice play (the day's result and the streak are unchanged).\n";
  }
  return 0;
}

}  // namespace

int runTextPlay(const TextPlayOptions& o, std::istream& in, std::ostream& out) {
  core::CivilDate date = core::localToday(core::kDayRolloverHour);
  if (!o.date.empty()) {
    auto d = core::parseDate(o.date);
    if (!d) {
      out << "--date must be a real date as YYYY-MM-DD, not '" << o.date << "'\n";
      return 2;
    }
    date = *d;
  }

  core::ProgressStore store(o.dataDir);
  core::ProgressLoad loaded = store.load();
  if (!loaded.problem.empty()) out << "Note: " << loaded.problem << "\n";

  Picked picked;
  int rc = !o.target.empty() && looksLikeFile(o.target)
               ? pickFile(o.target, out, picked)
               : pickFromLibrary(o, date, store, loaded.progress, out, picked);
  if (rc != 0) return rc;

  const core::Scenario& s = *picked.scenario;
  const core::Framework& fw = picked.framework;
  auto analysis = picked.analysis
                      ? picked.analysis
                      : std::make_shared<const core::Analysis>(core::analyzeScenario(s).analysis);
  core::Session session(picked.scenario, analysis);
  const core::StartPoint start{o.fromNode, o.startFlags, o.startTrust};
  if (!start.empty()) {
    if (std::string why = core::checkStartPoint(s, start); !why.empty()) {
      out << why << "\n";
      return 1;
    }
    core::applyStartPoint(session, start);
  }

  out << "Trust Daily \u2014 " << core::formatDate(date)
      << (picked.isToday ? " \u2014 today's scenario" : "") << "\n\n"
      << s.title << "\n"
      << wrap(s.summary, "", "");
  printNode(out, s, session.currentNode());

  while (!session.finished()) {
    auto offered = session.choices();
    if (offered.empty()) {  // validation rules this out; never spin on it
      out << "No choice is offered here; the scenario cannot go on.\n";
      return 1;
    }
    printDocuments(out, session);
    printChoices(out, offered);
    auto pick = readSceneInput(in, out, offered.size(), session.currentNode().documents.size());
    if (!pick) {
      out << "\nInput ended before the scenario did; this play was not recorded.\n";
      return 1;
    }
    if (pick->document) {  // free: read it, then the scene asks again
      printDocument(out, pick->index, session.openDocument(pick->index));
      continue;
    }
    core::ChoiceOutcome outcome = session.choose(pick->index);
    // The coaching (its feedback tells what happened first), a chance to try
    // a misstep again, and only then the next scene with its choices. An
    // ending is the consequence itself: it comes before the coaching, so a
    // player sees where a misstep led before deciding to rewind.
    bool ended = session.finished();
    if (ended) printNode(out, s, session.currentNode());
    printCoaching(out, fw, s, outcome, session.stateBefore(outcome.step), session.state());
    if (outcome.misstep) {
      auto rewind = readRewind(in, out);
      if (!rewind) {
        out << "\nInput ended before the scenario did; this play was not recorded.\n";
        return 1;
      }
      if (*rewind) {
        session.rewindTo(outcome.step);
        out << "\n(Rewound to just before that choice.)\n";
        ended = false;
      }
    }
    if (!ended) printNode(out, s, session.currentNode());
  }

  printDebrief(out, fw, s, session.debrief());
  if (!start.empty()) {
    out << "\nPlayed from "
        << (o.fromNode.empty() ? std::string("the start") : "node '" + o.fromNode + "'")
        << (o.startFlags.empty() && o.startTrust.empty() ? "" : " with set flags and trust")
        << ": not recorded.\n";
    return 0;
  }
  return recordPlay(session, date, picked.isToday, store, out);
}

}  // namespace trustdaily::cli
