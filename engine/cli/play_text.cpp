#include "play_text.hpp"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <stdexcept>

#include "commands.hpp"
#include "core/day_rules.hpp"
#include "core/diagnostic.hpp"
#include "core/first_tries.hpp"
#include "core/game_day.hpp"
#include "core/loader.hpp"
#include "core/playtest.hpp"
#include "core/progress_store.hpp"
#include "core/review_queue.hpp"
#include "core/session.hpp"
#include "core/settings.hpp"
#include "line_input.hpp"
#include "terminal_text.hpp"

namespace trustdaily::cli {

namespace {

namespace fs = std::filesystem;

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

std::string quoted(const std::string& text) { return "\u201c" + text + "\u201d"; }

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

void printChoices(std::ostream& out, const std::vector<core::OfferedChoice>& offered) {
  out << "\n";
  for (std::size_t i = 0; i < offered.size(); ++i)
    out << wrap(offered[i].choice->text, "  " + std::to_string(i + 1) + ". ", "     ");
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

// Every decision with more than one choice: the first choice made there
// against the best one available there, and the points it lost.
void printDecisions(std::ostream& out, const core::Scenario& s, const core::PlayRecord& r) {
  out << "\nDecisions (your first choice against the best one there):\n";
  int shown = 0;
  for (const core::DecisionRecord& d : r.decisions) {
    const core::Node* n = s.findNode(d.nodeId);
    if (n == nullptr || !n->isDecision()) continue;  // a beat, not a decision
    int lost = d.pointsLost().value_or(0);
    // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on "x" + s.
    std::string head = "at ";
    head += d.nodeId;
    if (lost == 0) {
      head += ": the best choice there (";
      head += signedNumber(d.firstScore.value_or(0));
      head += ")";
    } else {
      head += ": ";
      head += std::to_string(lost);
      head += lost == 1 ? " point lost" : " points lost";
    }
    if (d.misstep) head += ", a misstep";
    if (d.retries == 1) head += ", tried again";
    if (d.retries > 1) head += ", tried again " + std::to_string(d.retries) + " times";
    out << wrap(head, "  " + std::to_string(++shown) + ". ", "     ");
    if (lost != 0) {
      out << wrap("you: " + quoted(n->choices[d.firstChoice].text) + " (" +
                      signedNumber(*d.firstScore) + ")",
                  "     ", "       ");
      out << wrap("best: " + quoted(n->choices[*d.bestChoice].text) + " (" +
                      signedNumber(*d.bestScore) + ")",
                  "     ", "       ");
    }
  }
}

void printDebrief(std::ostream& out, const core::Framework& fw, const core::Scenario& s,
                  const core::Debrief& d, const core::PlayRecord& r) {
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

  out << "\nResult (first tries): " << core::resultLine(r) << "\n";
  out << "First tries scored " << r.firstTry.total << " of a best " << r.bestTotal;
  if (r.retries > 0) out << "; the path you ended on scored " << r.reached.total;
  out << ".\n";
  printDecisions(out, s, r);
  std::vector<const core::DecisionRecord*> missteps;
  for (const core::DecisionRecord& m : r.decisions)
    if (m.misstep) missteps.push_back(&m);
  if (missteps.empty()) {
    out << "\nMissteps: none\n";
    return;
  }
  out << "\nMissteps:\n";
  for (const core::DecisionRecord* m : missteps) {
    const core::Node* n = s.findNode(m->nodeId);
    out << wrap("at " + m->nodeId + " (" + signedNumber(m->firstScore.value_or(0)) +
                    "): " + quoted(n->choices[m->firstChoice].text),
                "  - ", "    ");
  }
}

// ---------------------------------------------------------------------------
// Input

struct InputEnded {
  bool tooLong = false;
};

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

// A number 1..count, or d1..dN for a document; blank and invalid lines are
// ignored with a hint.
SceneInput readSceneInput(std::istream& in, std::ostream& out, std::size_t count,
                          std::size_t documents) {
  for (;;) {
    InputLine line = readInputLine(in, out);
    if (line.status != LineStatus::Ok) throw InputEnded{line.status == LineStatus::TooLong};
    const std::string& t = line.text;
    if (auto n = numberAfter(t, 0); n && *n >= 1 && *n <= count) return SceneInput{false, *n - 1};
    if (documents > 0 && !t.empty() && (t.front() == 'd' || t.front() == 'D'))
      if (auto n = numberAfter(t, 1); n && *n >= 1 && *n <= documents)
        return SceneInput{true, *n - 1};
    out << "Type a number from 1 to " << count;
    if (documents > 0) out << ", or " << documentNames(documents) << " to read a document";
    out << ".\n";
  }
}

// After a misstep: true to try again, false to go on.
bool readRetry(std::istream& in, std::ostream& out) {
  out << "\nThat was a misstep.\nr = try that again (rewind), Enter = continue\n";
  for (;;) {
    InputLine line = readInputLine(in, out);
    if (line.status != LineStatus::Ok) throw InputEnded{line.status == LineStatus::TooLong};
    if (line.text == "r" || line.text == "R") return true;
    if (line.text.empty()) return false;
    out << "Type r to try again, or press Enter to continue.\n";
  }
}

// The day's play in progress: true to resume it, false to start over.
bool readResume(std::istream& in, std::ostream& out, const core::UnfinishedPlay& u) {
  const std::size_t n = u.steps.size();
  out << "\nYou left today's play unfinished after " << n << (n == 1 ? " choice" : " choices")
      << ".\nr = resume where you left it, Enter = start over\n";
  for (;;) {
    InputLine line = readInputLine(in, out);
    if (line.status != LineStatus::Ok) throw InputEnded{line.status == LineStatus::TooLong};
    if (line.text == "r" || line.text == "R") return true;
    if (line.text.empty()) return false;
    out << "Type r to resume, or press Enter to start over.\n";
  }
}

// ---------------------------------------------------------------------------
// Choosing the scenario

struct Picked {
  core::ScenarioPtr scenario;
  std::shared_ptr<const core::Analysis> analysis;
  core::Framework framework;
  core::PlayKind kind = core::PlayKind::Practice;
  bool isToday = false;  // the day's scenario, from the library
  bool archive = false;  // a past day's scenario played after it
  bool dayRecorded = false;
  std::optional<core::UnfinishedPlay> unfinished;  // the day's play in progress
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
                    core::ProgressStore& store, std::ostream& out, Picked& picked) {
  const std::string dir = o.scenariosDir.empty() ? defaultScenariosDir() : o.scenariosDir;
  core::DailyLibrary lib = core::loadDailyLibrary(dir);
  if (!lib.problem.empty()) {
    out << "Cannot play: " << lib.problem << ".\n";
    return 1;
  }
  printDiagnostics(out, lib.diagnostics);
  if (lib.library.scenarios().empty()) {
    // Why each file was refused, so the folder can be fixed.
    for (const core::ScenarioLoad& f : lib.library.files) {
      if (f.notAScenario) continue;
      for (const core::Diagnostic& d : f.diagnostics)
        if (d.severity == core::Severity::Error) out << core::formatText(d) << "\n";
    }
    out << "No valid scenario in " << dir << " to play.\n";
    return 1;
  }

  core::DayPlan plan = o.archive.empty()
                           ? core::planDay(store, date, lib.library, lib.schedule)
                           : core::planArchiveDay(store, date, lib.library, lib.schedule);
  if (!plan.note.empty()) out << "Note: " << plan.note << "\n";
  if (!plan.saveProblem.empty()) out << "Note: " << plan.saveProblem << "\n";
  const std::string id = o.target.empty() ? plan.scenarioId : o.target;
  const core::ScenarioLoad* load = lib.library.findLoad(id);
  if (load == nullptr) {
    for (const core::ScenarioLoad& f : lib.library.files) {
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
  picked.framework = lib.framework;
  picked.isToday = id == plan.scenarioId;
  picked.archive = plan.archive;
  picked.dayRecorded = plan.recorded;
  picked.kind = picked.isToday ? plan.kind() : core::PlayKind::Practice;
  if (picked.isToday) picked.unfinished = plan.unfinished;
  return 0;
}

std::string dayHeader(const core::CivilDate& date, const Picked& picked) {
  std::string h = "Trust Daily \u2014 " + core::formatDate(date);
  if (!picked.isToday) return h;
  if (picked.archive) {
    h += " \u2014 from the archive";
    h += picked.dayRecorded ? " (the day is recorded already: this play is practice)"
                            : " (recorded as a late play: the streak is unchanged)";
    return h;
  }
  h += " \u2014 today's scenario";
  if (picked.kind == core::PlayKind::Late)
    h += " (a later day is recorded already: this play will be recorded as late)";
  else if (picked.dayRecorded)
    h += " (the day is recorded already: this play is practice)";
  return h;
}

int recordPlay(const core::Session& session, const core::FirstTries& tries,
               const core::CivilDate& date, core::PlayKind kind, bool archive,
               core::ProgressStore& store, std::ostream& out) {
  const std::string day = core::formatDate(date);
  const core::PlayRecord record = core::recordOf(session, tries, day, kind);
  core::RecordOutcome r = store.record(record, core::misstepStarts(session, record.decisions));
  if (!r.problem.empty()) {
    out << "\n" << r.problem << "\n";
    return 1;
  }
  out << "\n";
  if (r.kind == core::PlayKind::Daily) {
    int streak = core::currentStreak(store.dailyDays(), date);
    out << "Day " << day << " complete. Streak: " << streak << (streak == 1 ? " day" : " days")
        << ".\n";
  } else if (r.kind == core::PlayKind::Late && archive) {
    out << "Recorded as a late play of " << day << " from the archive (the streak is unchanged).\n";
  } else if (r.kind == core::PlayKind::Late) {
    out << "Recorded as a late play of " << day
        << " (a later day is recorded already; the streak is unchanged).\n";
  } else {
    out << "Recorded as a practice play (the day's result and the streak are unchanged).\n";
  }
  return 0;
}

// One play in the terminal: the scenes, the choices, the retries, and the
// day's play saved after every choice (so it can be resumed).
class TextPlay {
 public:
  TextPlay(const Picked& picked, const std::string& day, bool saveProgress,
           core::ProgressStore& store, std::istream& in, std::ostream& out)
      : picked_(picked),
        s_(*picked.scenario),
        day_(day),
        saveProgress_(saveProgress),
        store_(store),
        in_(in),
        out_(out),
        session_(picked.scenario, picked.analysis ? picked.analysis
                                                  : std::make_shared<const core::Analysis>(
                                                        core::analyzeScenario(s_).analysis)) {}

  core::Session& session() { return session_; }
  const core::FirstTries& tries() const { return tries_; }

  // The offer to resume the day's play in progress; true when it resumed
  // (and its last misstep's retry offer, if still open, was answered).
  void offerResume(const core::UnfinishedPlay& u) {
    if (!readResume(in_, out_, u)) {
      store_.dropUnfinished(day_);
      return;
    }
    if (!core::resumeSteps(session_, tries_, u.steps)) {
      out_ << "\nThe saved play no longer fits the scenario (it changed since); starting over.\n";
      store_.dropUnfinished(day_);
      return;
    }
    const std::size_t n = u.steps.size();
    out_ << "\n(Resumed after " << n << (n == 1 ? " choice" : " choices") << ".)\n";
    if (u.retryOpen && !session_.history().empty() && session_.history().back().misstep) {
      const core::ChoiceOutcome last = session_.history().back();
      if (session_.finished()) printNode(out_, s_, session_.currentNode());
      out_ << wrap("Your last choice: \u201c" + last.choiceText + "\u201d", "", "");
      offerRetry(last);
    }
  }

  // Plays on to an ending.
  void playToEnd() {
    if (!session_.finished()) printNode(out_, s_, session_.currentNode());
    while (!session_.finished()) {
      auto offered = session_.choices();
      if (offered.empty()) throw std::runtime_error("no choice is offered here");
      printDocuments(out_, session_);
      printChoices(out_, offered);
      SceneInput pick =
          readSceneInput(in_, out_, offered.size(), session_.currentNode().documents.size());
      if (pick.document) {  // free: read it, then the scene asks again
        printDocument(out_, pick.index, session_.openDocument(pick.index));
        continue;
      }
      core::ChoiceOutcome outcome = session_.choose(pick.index);
      tries_.chose(outcome);
      save(outcome.misstep);
      // The coaching (its feedback tells what happened first), a chance to
      // try a misstep again, and only then the next scene with its choices.
      // An ending is the consequence itself: it comes before the coaching,
      // so a player sees where a misstep led before deciding to rewind.
      if (session_.finished()) printNode(out_, s_, session_.currentNode());
      printCoaching(out_, picked_.framework, s_, outcome, session_.stateBefore(outcome.step),
                    session_.state());
      bool rewound = offerRetry(outcome);
      if (rewound || !session_.finished()) printNode(out_, s_, session_.currentNode());
    }
  }

 private:
  // After a misstep: r tries it again, Enter goes on. True when rewound.
  bool offerRetry(const core::ChoiceOutcome& outcome) {
    if (!outcome.misstep) return false;
    if (readRetry(in_, out_)) {
      session_.rewindTo(outcome.step);
      tries_.retried(outcome.step);
      save(false);
      out_ << "\n(Rewound to just before that choice.)\n";
      return true;
    }
    save(false);  // the offer is closed
    return false;
  }

  // The day's play, saved after every choice; a failure is said once.
  void save(bool retryOpen) {
    if (!saveProgress_) return;
    std::string why =
        store_.saveUnfinished({day_, s_.id, picked_.kind, tries_.steps(session_), retryOpen, ""});
    if (!why.empty() && !saveWarned_) {
      out_ << "Note: " << why << "\n";
      saveWarned_ = true;
    }
  }

  const Picked& picked_;
  const core::Scenario& s_;
  std::string day_;
  bool saveProgress_;
  core::ProgressStore& store_;
  std::istream& in_;
  std::ostream& out_;
  core::Session session_;
  core::FirstTries tries_;
  bool saveWarned_ = false;
};

}  // namespace

int runTextPlay(const TextPlayOptions& o, std::istream& in, std::ostream& out) {
  std::string why;
  std::optional<core::CivilDate> chosen = core::gameTodayFor(o.date, o.dataDir, &why);
  if (!chosen) {
    out << why << "\n";
    return 2;
  }
  core::CivilDate date = *chosen;
  if (!o.archive.empty()) {
    // The archive day is the play's day; --date (or the clock) is today.
    std::optional<core::CivilDate> past = core::parseDate(o.archive);
    if (!past) {
      out << "--archive must be a real date as YYYY-MM-DD, not '" << o.archive << "'\n";
      return 2;
    }
    if (std::string no = core::archiveProblem(*past, date); !no.empty()) {
      out << no << "\n";
      return 2;
    }
    if (!o.target.empty()) {
      out << "--archive plays the day's own scenario: give no scenario with it.\n";
      return 2;
    }
    date = *past;
  }
  const std::string day = core::formatDate(date);

  core::ProgressStore store(o.dataDir);
  store.open();
  if (!store.notice().empty()) out << "Note: " << store.notice() << "\n";
  {
    // Settings mean nothing to the terminal, but a broken file is said, once.
    core::SettingsStore settings(o.dataDir);
    std::string problem;
    settings.load(&problem);
    if (!problem.empty()) out << "Note: settings: " << problem << "\n";
  }

  Picked picked;
  int rc = !o.target.empty() && looksLikeFile(o.target)
               ? pickFile(o.target, out, picked)
               : pickFromLibrary(o, date, store, out, picked);
  if (rc != 0) return rc;

  // The day's play (daily or late) is saved after every choice.
  const core::StartPoint start{o.fromNode, o.startFlags, o.startTrust};
  const bool dayPlay =
      picked.isToday && start.empty() &&
      (picked.kind == core::PlayKind::Daily || picked.kind == core::PlayKind::Late);
  TextPlay play(picked, day, dayPlay, store, in, out);
  if (!start.empty()) {
    if (std::string why = core::checkStartPoint(*picked.scenario, start); !why.empty()) {
      out << why << "\n";
      return 1;
    }
    core::applyStartPoint(play.session(), start);
  }

  const core::Scenario& s = *picked.scenario;
  out << dayHeader(date, picked) << "\n\n" << s.title << "\n" << wrap(s.summary, "", "");
  try {
    if (dayPlay && picked.unfinished) play.offerResume(*picked.unfinished);
    play.playToEnd();
  } catch (const InputEnded& e) {
    out << "\n"
        << (e.tooLong ? "A line of input is longer than " + std::to_string(kMaxInputLine) +
                            " bytes; the play ended there"
                      : std::string("Input ended before the scenario did"))
        << (!dayPlay ? std::string("; this play was not recorded.\n")
            : picked.archive
                ? "; the day's play is saved as far as it went, and `trustdaily play --text "
                  "--archive " +
                      day + "` offers to resume it.\n"
                : std::string("; today's play is saved as far as it went, and `trustdaily play "
                              "--text` offers to resume it today.\n"));
    return 1;
  } catch (const std::runtime_error& e) {  // validation rules this out; never spin on it
    out << "The scenario cannot go on: " << e.what() << ".\n";
    return 1;
  }

  const core::Session& session = play.session();
  printDebrief(out, picked.framework, s, session.debrief(),
               core::recordOf(session, play.tries(), day, picked.kind));
  if (!start.empty()) {
    out << "\nPlayed from "
        << (o.fromNode.empty() ? std::string("the start") : "node '" + o.fromNode + "'")
        << (o.startFlags.empty() && o.startTrust.empty() ? "" : " with set flags and trust")
        << ": not recorded.\n";
    return 0;
  }
  return recordPlay(session, play.tries(), date, picked.kind, picked.archive, store, out);
}

namespace {

// One review: the item's scene in its state, one decision, the coaching, the
// grade. False when a save failed (said).
bool reviewOne(const core::ReviewStart& start, const core::Framework& fw,
               const core::ScenarioLoad& load, core::ProgressStore& store, const std::string& day,
               std::istream& in, std::ostream& out) {
  const core::Scenario& s = *start.scenario;
  core::Session session(start.scenario, load.analysis);
  session.startFrom(start.state);
  printNode(out, s, session.currentNode());
  for (;;) {
    auto offered = session.choices();
    if (offered.empty()) throw std::runtime_error("no choice is offered here");
    printDocuments(out, session);
    printChoices(out, offered);
    SceneInput pick =
        readSceneInput(in, out, offered.size(), session.currentNode().documents.size());
    if (pick.document) {
      printDocument(out, pick.index, session.openDocument(pick.index));
      continue;
    }
    const core::PlayState before = session.state();
    core::ChoiceOutcome outcome = session.choose(pick.index);
    printCoaching(out, fw, s, outcome, before, session.state());
    core::ReviewAnswer a = core::answerReview(store, start, outcome.choiceIndex, day);
    out << "\n" << core::gradeText(a.grade) << "\n";
    if (!a.saved.problem.empty()) {
      out << a.saved.problem << "\n";
      return false;
    }
    if (a.saved.learned)
      out << "Learned: it leaves the review queue.\n";
    else if (a.saved.item)
      out << "It comes back on " << a.saved.item->dueDay() << ".\n";
    return true;
  }
}

}  // namespace

int runTextReview(const TextReviewOptions& o, std::istream& in, std::ostream& out) {
  std::string why;
  std::optional<core::CivilDate> chosen = core::gameTodayFor(o.date, o.dataDir, &why);
  if (!chosen) {
    out << why << "\n";
    return 2;
  }
  const std::string day = core::formatDate(*chosen);
  core::ProgressStore store(o.dataDir);
  {
    // Reviewing never creates a database (nothing was played yet); one to
    // import from is opened, and imported, as `history` does.
    std::error_code ec;
    if (!store.dir().empty() && !fs::exists(store.file(), ec) &&
        !fs::exists(fs::path(store.dir()) / "progress.json", ec)) {
      out << "Trust Daily \u2014 " << day << " \u2014 review\n"
          << "Nothing to review yet: missteps of the day's plays come back here.\n";
      return 0;
    }
  }
  if (store.open() == core::StoreMode::Unavailable) {
    out << "Cannot review: " << store.notice() << "\n";
    return 1;
  }
  if (!store.notice().empty()) out << "Note: " << store.notice() << "\n";
  const std::string dir = o.scenariosDir.empty() ? defaultScenariosDir() : o.scenariosDir;
  core::DailyLibrary lib = core::loadDailyLibrary(dir);
  if (!lib.problem.empty()) {
    out << "Cannot review: " << lib.problem << ".\n";
    return 1;
  }
  const core::ScenarioLookup lookup = [&lib](const std::string& id) {
    return lib.library.find(id);
  };
  core::ReviewCheck check = core::checkReviews(store, lookup, day);
  for (const std::string& line : check.retired) out << wrap("Note: " + line, "", "      ");
  if (!check.problem.empty()) out << "Note: " << check.problem << "\n";

  const std::vector<core::ReviewItem> allDue = store.dueReviews(day);
  const std::vector<core::ReviewItem> due = core::drillItems(allDue);
  out << "Trust Daily \u2014 " << day << " \u2014 review\n";
  if (due.empty()) {
    out << "Nothing to review today. " << core::nextReviewText(store.openReviews(), day) << "\n";
    return 0;
  }
  out << core::reviewOfferText(allDue.size()) << "\n";
  std::size_t n = 0;
  try {
    for (const core::ReviewItem& item : due) {
      ++n;
      std::optional<core::ReviewStart> start = core::reviewStart(item, lookup);
      const core::ScenarioLoad* load = lib.library.findLoad(item.scenarioId);
      if (!start || load == nullptr) continue;  // checkReviews retired it, or will
      out << "\n== Review " << n << " of " << due.size() << ": " << start->scenario->title
          << " ==\n";
      if (!reviewOne(*start, lib.framework, *load, store, day, in, out)) return 1;
    }
  } catch (const InputEnded& e) {
    out << "\n"
        << (e.tooLong ? "A line of input is longer than " + std::to_string(kMaxInputLine) +
                            " bytes; the review ended there"
                      : std::string("Input ended before the reviews did"))
        << "; the answers given so far are saved.\n";
    return 1;
  } catch (const std::runtime_error& e) {
    out << "The review cannot go on: " << e.what() << ".\n";
    return 1;
  }
  const std::size_t left = store.dueReviews(day).size();
  if (left > 0)
    out << "\nReviews done. " << left << (left == 1 ? " more is" : " more are")
        << " due today: `trustdaily review` again plays them.\n";
  else
    out << "\nReviews done. " << core::nextReviewText(store.openReviews(), day) << "\n";
  return 0;
}

}  // namespace trustdaily::cli
