// Layout without pixels: every screen laid out at 800x600 and 1920x1080, at
// every text size, with the longest texts the format allows. Nothing may
// leave the window and no text, button or bar may overlap another.
#include <doctest/doctest.h>

#include <SFML/Graphics/Font.hpp>
#include <string>

#include "game/layout/card_layout.hpp"
#include "game/layout/screen_layouts.hpp"
#include "game/ui/text_wrap.hpp"

using namespace trustdaily::game;
namespace core = trustdaily::core;

namespace {

const sf::Font& font(bool bold) {
  static sf::Font regular;
  static sf::Font boldFont;
  static bool loaded = false;
  if (!loaded) {
    std::string dir = std::string(TRUSTDAILY_SOURCE_DIR) + "/assets/fonts/";
    REQUIRE(regular.loadFromFile(dir + "DejaVuSans.ttf"));
    REQUIRE(boldFont.loadFromFile(dir + "DejaVuSans-Bold.ttf"));
    loaded = true;
  }
  return bold ? boldFont : regular;
}

// Prose of exactly n characters (UTF-8 code points), with curly quotes,
// dashes, accents and one very long word, as authors write.
std::string prose(std::size_t n) {
  static const char* kWords[] = {
      "“We",   "can’t",    "ship", "Friday",     "—",
      "Renée", "said",     "the",  "estimate’s", "honest",
      "café,", "WWWWWWWW", "and",  "data",       "supercalifragilisticexpialidociously"};
  std::string out;
  std::size_t count = 0;
  std::size_t i = 0;
  while (count < n) {
    std::string w = kWords[i++ % (sizeof kWords / sizeof *kWords)];
    if (!out.empty()) {
      out += ' ';
      ++count;
    }
    sf::String s = utf8(w);
    for (sf::Uint32 c : s) {
      if (count >= n) break;
      out += std::string(reinterpret_cast<const char*>(sf::String(c).toUtf8().c_str()));
      ++count;
    }
  }
  return out;
}

bool leaf(const Element& e) { return e.kind != ElementKind::Box; }

bool overlaps(const sf::FloatRect& a, const sf::FloatRect& b) {
  const float eps = 0.5f;
  return a.left + eps < b.left + b.width && b.left + eps < a.left + a.width &&
         a.top + eps < b.top + b.height && b.top + eps < a.top + a.height;
}

void checkPage(const Page& page, const char* screen) {
  INFO("screen " << screen << " at " << page.window.x << "x" << page.window.y);
  const float W = page.window.x;
  const float H = page.window.y;
  // Regions: inside the window, in order, and a body that can show text.
  for (const sf::FloatRect& r : {page.header, page.body, page.footer}) {
    CHECK(r.left >= 0);
    CHECK(r.top >= 0);
    CHECK(r.left + r.width <= W + 0.5f);
    CHECK(r.top + r.height <= H + 0.5f);
  }
  CHECK(page.header.top + page.header.height <= page.body.top + 0.5f);
  CHECK(page.body.top + page.body.height <= page.footer.top + 0.5f);
  CHECK(page.body.height >= 60);
  for (std::size_t i = 0; i < page.elements.size(); ++i) {
    const Element& e = page.elements[i];
    INFO("element " << i << " kind " << static_cast<int>(e.kind) << " region "
                    << static_cast<int>(e.region));
    CHECK(e.rect.width >= 0);
    CHECK(e.rect.left >= page.frame.left - 0.5f);
    CHECK(e.rect.left + e.rect.width <= page.frame.left + page.frame.width + 0.5f);
    if (e.region == Region::Body) {
      CHECK(e.rect.top >= 0);
      CHECK(e.rect.top + e.rect.height <= page.bodyHeight + 0.5f);
    } else {
      const sf::FloatRect& r = e.region == Region::Header ? page.header : page.footer;
      CHECK(e.rect.top >= r.top - 0.5f);
      CHECK(e.rect.top + e.rect.height <= r.top + r.height + 0.5f);
    }
    // Wrapped lines fit their box.
    if (e.kind == ElementKind::Text || e.kind == ElementKind::Button) {
      for (std::size_t l = 0; l < e.lines.size(); ++l) {
        const sf::Font& f = font(e.bold || l < e.boldLines);
        CHECK(lineWidth(f, e.charSize, e.lines[l]) <= e.rect.width - 2 * e.padX + 0.5f);
      }
      CHECK(e.lineHeight * static_cast<float>(e.lines.size()) + 2 * e.padY <= e.rect.height + 0.5f);
    }
    if (!leaf(e)) continue;
    for (std::size_t j = i + 1; j < page.elements.size(); ++j) {
      const Element& o = page.elements[j];
      if (!leaf(o) || o.region != e.region) continue;
      // A meter's fill lies on its track: bars may overlap bars.
      if (e.kind == ElementKind::Bar && o.kind == ElementKind::Bar) continue;
      INFO("against element " << j);
      CHECK_FALSE(overlaps(e.rect, o.rect));
    }
  }
}

const sf::Vector2f kSizes[] = {{800, 600}, {1920, 1080}};

template <typename View, typename Fn>
void eachLayout(const View& view, Fn layout, const char* name) {
  for (int step = 0; step < kTextSizeSteps; ++step) {
    Typography type = typographyFor(step, font(false), font(true));
    for (sf::Vector2f size : kSizes) {
      CAPTURE(step);
      checkPage(layout(type, size, view), name);
    }
  }
}

std::vector<MeterView> eightPartners() {
  std::vector<MeterView> m;
  const char* names[] = {"Engineering", "Design",  "Data / Analytics",   "Sales / Customer Success",
                         "Marketing",   "Support", "Legal / Compliance", "Leadership"};
  int i = 0;
  for (const char* n : names) m.push_back({n, (i * 37) % 101, i % 2 ? -30 : 30}), ++i;
  return m;
}

std::vector<ChipView> fiveChips() {
  return {{"−3  Influence beats authority", sf::Color::Blue, -3},
          {"+3  Context beats instruction", sf::Color::Green, 3},
          {"−3  Transparency beats politics", sf::Color::Yellow, -3},
          {"+3  Celebrate together", sf::Color::Magenta, 3},
          {"+3  Absorb blame generously", sf::Color::Red, 3}};
}

}  // namespace

TEST_CASE("prose helper makes texts of the requested length") {
  CHECK(utf8(prose(1500)).getSize() == 1500);
  CHECK(utf8(prose(300)).getSize() == 300);
}

TEST_CASE("wrapping keeps every word and breaks words longer than a line") {
  const sf::Font& f = font(false);
  auto lines = wrapText(f, 17, utf8("a " + std::string(200, 'W') + " b"), 300);
  CHECK(lines.size() >= 3);
  std::size_t chars = 0;
  for (const auto& l : lines) {
    CHECK(lineWidth(f, 17, l) <= 300);
    chars += l.getSize();
  }
  CHECK(chars >= 202);
  CHECK(wrapText(f, 17, utf8("one\n\ntwo"), 300).size() == 3);
}

TEST_CASE("a no-break space joins words when wrapping and is drawn as a space") {
  const sf::Font& f = font(false);
  // Room for "wwwwwwww difficulty" only: a plain space leaves "2" alone on the
  // next line, a no-break space moves "difficulty 2" there whole.
  float width = lineWidth(f, 17, utf8("wwwwwwww difficulty")) + 1;
  auto plain = wrapText(f, 17, utf8("wwwwwwww difficulty 2"), width);
  CHECK(plain == std::vector<sf::String>{utf8("wwwwwwww difficulty"), utf8("2")});
  auto joined = wrapText(f, 17, utf8("wwwwwwww difficulty\u00A02"), width);
  CHECK(joined == std::vector<sf::String>{utf8("wwwwwwww"), utf8("difficulty 2")});
}

TEST_CASE("home holds the longest scenario card, eight earlier days and the review offer") {
  HomeView v;
  v.dateLine = "Wednesday 30 September 2026";
  v.streak = 365;
  v.notice = prose(200);
  v.hasToday = true;
  v.today = {prose(80), prose(400), prose(120), "estimate pushback", 3, 30, prose(90)};
  v.playLabel = "Play today’s scenario (Enter)";
  for (int i = 0; i < 6; ++i) v.earlierDays.push_back(prose(120));
  v.reviewLine = "12 missteps to review · about 8 minutes, after today’s scenario";
  v.canReview = true;
  v.bestStreak = 1000;
  v.freezesHeld = 2;
  v.streakNotice =
      "Your streak of 365 days ended: your freezes covered Wed 30 Sep and Thu 1 Oct, not Fri 2 "
      "Oct. Best: 1000 days.";
  v.nextScenario = "Next scenario in 23 h 59 min";
  float share = -1.0f;
  for (auto c : fiveChips()) {
    v.profile.push_back({prose(40), c.colour, "-100 %", share});
    share += 0.5f;
  }
  eachLayout(v, layoutHome, "home");
}

namespace {

// The longest play screen the format allows (documents aside).
PlayView longestPlay() {
  PlayView v;
  v.scenarioTitle = prose(80);
  v.modeLabel = "Today’s scenario";
  v.sceneLabel = "Scene 12 of about 18";
  v.speakerName = prose(60);
  v.speakerRole = prose(80);
  v.text = prose(1500);
  for (int i = 0; i < 6; ++i) v.choices.push_back(prose(300));
  v.meters = eightPartners();
  return v;
}

}  // namespace

TEST_CASE("play holds 1500 characters of scene and six choices of 300") {
  eachLayout(longestPlay(), layoutPlay, "play");
}

TEST_CASE("where the player is stays whole on the title line; the title gives way") {
  PlayView v = longestPlay();
  for (int step = 0; step < kTextSizeSteps; ++step) {
    Typography type = typographyFor(step, font(false), font(true));
    for (sf::Vector2f size : kSizes) {
      CAPTURE(step);
      CAPTURE(size.x);
      const Page page = layoutPlay(type, size, v);
      const Element* where = nullptr;
      const Element* title = nullptr;
      for (const Element& e : page.elements) {
        if (e.region != Region::Header || e.kind != ElementKind::Text || e.lines.empty()) continue;
        if (e.lines[0] == utf8("Scene 12 of about 18")) where = &e;
        if (e.lines[0].find(utf8("Today’s scenario")) == 0) title = &e;
      }
      REQUIRE(where != nullptr);
      REQUIRE(title != nullptr);
      CHECK(where->lines.size() == 1);
      CHECK(title->lines.size() == 1);  // an 80-character title is cut to one line
      CHECK(where->rect.top == title->rect.top);
      CHECK(where->rect.left >= title->rect.left + title->rect.width);
    }
  }
  // Without a label the title has the whole line (a playtest of a broken file).
  v.sceneLabel.clear();
  eachLayout(v, layoutPlay, "play without a scene label");
}

TEST_CASE("play holds four documents with 80-character titles above six choices") {
  PlayView v = longestPlay();
  const char* kinds[] = {"Dashboard", "Contract", "Document", "Email"};
  for (int i = 0; i < 4; ++i)
    v.documents.push_back(
        {std::string(1, static_cast<char>('A' + i)), kinds[i], prose(80), i % 2 == 0});
  eachLayout(v, layoutPlay, "play with documents");
  // One document: a single card, the label says "A to open".
  v.documents.resize(1);
  eachLayout(v, layoutPlay, "play with one document");
}

TEST_CASE("the document cards are buttons that open documents, in a tidy grid") {
  Typography type = typographyFor(1, font(false), font(true));
  PlayView v;
  v.speakerName = "Priya";
  v.text = prose(200);
  v.choices = {prose(40), prose(40)};
  for (int i = 0; i < 4; ++i)
    v.documents.push_back(
        {std::string(1, static_cast<char>('A' + i)), "Email", prose(30 + 15 * i), false});
  for (sf::Vector2f size : kSizes) {
    Page p = layoutPlay(type, size, v);
    std::vector<const Element*> cards;
    const Element* firstChoice = nullptr;
    for (const Element& e : p.elements) {
      if (e.action >= action::kDocumentBase && e.action < action::kDocumentBase + 4)
        cards.push_back(&e);
      if (e.action == action::kListBase && firstChoice == nullptr) firstChoice = &e;
    }
    REQUIRE(cards.size() == 4);
    REQUIRE(firstChoice != nullptr);
    for (std::size_t i = 0; i < 4; ++i) {
      CHECK(cards[i]->action == action::kDocumentBase + static_cast<int>(i));
      CHECK(cards[i]->rect.top + cards[i]->rect.height < firstChoice->rect.top);  // above choices
    }
    // Two rows of two: the same height within a row, the same width throughout.
    CHECK(cards[0]->rect.top == cards[1]->rect.top);
    CHECK(cards[0]->rect.height == cards[1]->rect.height);
    CHECK(cards[2]->rect.top > cards[0]->rect.top);
    CHECK(cards[0]->rect.width == cards[3]->rect.width);
  }
}

TEST_CASE("a document page holds 1500 characters and an 80-character title") {
  DocumentView v;
  v.key = "D";
  v.kind = "Dashboard";
  v.title = prose(80);
  v.text = prose(700) + "\n\n" + prose(798);
  eachLayout(v, layoutDocument, "document");
  Typography type = typographyFor(3, font(false), font(true));
  for (sf::Vector2f size : kSizes) {
    Page p = layoutDocument(type, size, v);
    CHECK(p.overlay);
    CHECK(p.frame.top >= 0);
    CHECK(p.frame.top + p.frame.height <= size.y);
  }
  CHECK(layoutDocument(type, {800, 600}, v).maxScroll() > 0);  // long text scrolls
}

TEST_CASE("feedback holds 800 characters of coaching, five chips and eight partners") {
  FeedbackView v;
  v.choiceText = prose(300);
  v.feedback = prose(800);
  v.chips = fiveChips();
  v.trust = eightPartners();
  v.misstep = true;
  v.endsScenario = true;
  eachLayout(v, layoutFeedback, "feedback");
}

TEST_CASE("a review's feedback holds its grade line and no retry") {
  FeedbackView v;
  v.choiceText = prose(300);
  v.feedback = prose(800);
  v.chips = fiveChips();
  v.trust = eightPartners();
  v.misstep = true;
  v.reviewResult = "Again: still a misstep.  It comes back on 2026-12-03.";
  v.continueLabel = "Next review (Enter)";
  eachLayout(v, layoutFeedback, "feedback-review");
  Page p = layoutFeedback(typographyFor(0, font(false), font(true)), {800, 600}, v);
  bool retry = false;
  for (const Element& e : p.elements) retry = retry || e.action == action::kTryAgain;
  CHECK_FALSE(retry);
}

TEST_CASE("debrief holds the longest ending, lesson, chart and missteps") {
  DebriefView v;
  v.endingLabel = "Failure";
  v.endingText = prose(1500);
  v.lesson = prose(600);
  v.percent = 100;
  v.total = -99;
  v.bestTotal = 99;
  for (auto c : fiveChips()) v.bars.push_back({prose(40), c.colour, -30, 30});
  v.bars[1].yours = 0;
  v.trust = eightPartners();
  for (int i = 0; i < 8; ++i) v.missteps.push_back(prose(300));
  v.result = "0 % (-99 of 99) \u00B7 12 retries (retries reached 100 %)";
  v.retried = true;
  v.reachedTotal = 99;
  for (int i = 0; i < 12; ++i)
    v.decisions.push_back({prose(300), prose(300), -3, 3, 6, i % 2 == 0, i % 3});
  v.notice = prose(200);
  v.kindNote = "A replay: the day’s result and the streak are unchanged.";
  eachLayout(v, layoutDebrief, "debrief");
  // The day's result: "Copy result" and "Save card", and what they did.
  v.canShare = true;
  v.shareNote = "Card saved: /home/" + std::string(160, 'w') + "/cards/trustdaily-2026-12-04.png";
  eachLayout(v, layoutDebrief, "debrief with sharing");
  v.shareFailed = true;
  v.shareNote = "Card not saved: " + prose(300);
  eachLayout(v, layoutDebrief, "debrief with a failed save");
}

namespace {

// The card: a fixed image. Everything inside it with a margin (the accent
// band aside), lines fitting their boxes, nothing overlapping.
void checkCard(const Page& page, const char* name) {
  INFO("card " << name);
  CHECK(page.window ==
        sf::Vector2f(static_cast<float>(kCardWidth), static_cast<float>(kCardHeight)));
  const float margin = 24;
  for (std::size_t i = 0; i < page.elements.size(); ++i) {
    const Element& e = page.elements[i];
    INFO("element " << i);
    CHECK(e.region == Region::Header);
    const bool band = e.kind == ElementKind::Bar && e.rect.top == 0;
    if (!band) {
      CHECK(e.rect.left >= margin);
      CHECK(e.rect.left + e.rect.width <= kCardWidth - margin);
      CHECK(e.rect.top >= margin);
      CHECK(e.rect.top + e.rect.height <= kCardHeight - margin);
    }
    if (e.kind == ElementKind::Text) {
      for (const sf::String& l : e.lines)
        CHECK(lineWidth(font(e.bold), e.charSize, l) <= e.rect.width + 0.5f);
      CHECK(e.lineHeight * static_cast<float>(e.lines.size()) <= e.rect.height + 0.5f);
    }
    for (std::size_t j = i + 1; j < page.elements.size(); ++j) {
      const Element& o = page.elements[j];
      if (e.kind == ElementKind::Bar && o.kind == ElementKind::Bar) continue;
      INFO("against element " << j);
      CHECK_FALSE(overlaps(e.rect, o.rect));
    }
  }
}

std::string joined(const Element& e) {
  std::string out;
  for (const sf::String& l : e.lines) {
    std::basic_string<sf::Uint8> bytes = l.toUtf8();
    out.append(bytes.begin(), bytes.end());
    out += ' ';
  }
  return out;
}

bool hasText(const Page& page, const std::string& part) {
  for (const Element& e : page.elements)
    if (e.kind == ElementKind::Text && joined(e).find(part) != std::string::npos) return true;
  return false;
}

CardView longestCard() {
  CardView v;
  v.date = "2026-12-04";
  v.kindNote = "played late";
  v.title = prose(80);
  v.result = "Failure  \u00B7  0 % (-99 of 99) \u00B7 12 retries (retries reached 100 %)";
  for (auto c : fiveChips()) v.bars.push_back({prose(40), c.colour, -30, 30});
  v.bars[1].yours = 0;
  v.bars[2].best = 0;
  for (int i = 0; i < 8; ++i) v.missteps.push_back({prose(300), prose(800), 12, i % 2 == 0});
  v.lesson = prose(600);
  return v;
}

}  // namespace

TEST_CASE("the debrief card holds the longest texts at its fixed size, cut cleanly") {
  const Typography type = cardTypography(font(false), font(true));
  CardView v = longestCard();
  Page page = layoutCard(type, v);
  checkCard(page, "longest");
  // Five principles always fit; missteps that do not are counted.
  CHECK_FALSE(hasText(page, "more principle"));
  CHECK(hasText(page, "more missteps in the game’s debrief"));
  // The last text of the right column keeps a gap above the lesson's rule.
  float ruleTop = 0;
  float textBottom = 0;
  for (const Element& e : page.elements) {
    if (e.kind == ElementKind::Bar && e.rect.height == 1) ruleTop = e.rect.top;
    if (e.kind == ElementKind::Text && e.rect.left > kCardWidth / 2.f &&
        e.rect.top < kCardHeight - 120)
      textBottom = std::max(textBottom, e.rect.top + e.rect.height);
  }
  CHECK(ruleTop - textBottom >= type.unit * 0.6f);
  // Eight principles (a team's own framework): the rest are counted.
  for (int i = 0; i < 3; ++i) v.bars.push_back(v.bars[0]);
  page = layoutCard(type, v);
  checkCard(page, "eight principles");
  CHECK(hasText(page, "more principles in the game’s debrief"));
  // No missteps says so.
  v.missteps.clear();
  page = layoutCard(type, v);
  checkCard(page, "no missteps");
  CHECK(hasText(page, "No missteps"));
  // One short misstep shows whole, with its lesson.
  v.missteps = {{"Promise the date.", "A side promise is one the team never made.", 4, true}};
  page = layoutCard(type, v);
  checkCard(page, "one misstep");
  CHECK(hasText(page, "A side promise is one the team never made."));
  CHECK(hasText(page, "\u22124"));
  CHECK(hasText(page, "again"));
}

namespace {

// The missteps a card shows: their choices, quoted and bold, in the right column.
std::size_t cardMissteps(const Page& page) {
  std::size_t n = 0;
  for (const Element& e : page.elements)
    if (e.kind == ElementKind::Text && e.rect.left > kCardWidth / 2.f && e.bold &&
        e.tone == Tone::Text && joined(e).rfind("\u201C", 0) == 0)
      ++n;
  return n;
}

}  // namespace

TEST_CASE("the card shows up to three missteps, each cut to two lines, then how many more") {
  const Typography type = cardTypography(font(false), font(true));
  CardView v = longestCard();
  // Choices and lessons as long as the format allows: three still show, the
  // lessons cut to a line, and the rest are counted.
  Page page = layoutCard(type, v);
  checkCard(page, "eight longest missteps");
  CHECK(cardMissteps(page) == kCardMissteps);
  CHECK(hasText(page, "5 more missteps in the game\u2019s debrief"));
  for (const Element& e : page.elements)
    if (e.kind == ElementKind::Text && e.rect.left > kCardWidth / 2.f) CHECK(e.lines.size() <= 2);
  // Three of a usual length show whole: no "more" line, two lines of lesson.
  const std::string choice = prose(110);
  const std::string lesson = prose(150);
  v.missteps = {{choice, lesson, 3, false}, {choice, lesson, 2, true}, {choice, lesson, 1, false}};
  page = layoutCard(type, v);
  checkCard(page, "three missteps");
  CHECK(cardMissteps(page) == 3);
  CHECK_FALSE(hasText(page, "more misstep"));
  std::size_t twoLineLessons = 0;
  for (const Element& e : page.elements)
    if (e.kind == ElementKind::Text && e.tone == Tone::Muted && e.lines.size() == 2)
      ++twoLineLessons;
  CHECK(twoLineLessons == 3);
  // Six: three, then "3 more".
  v.missteps.insert(v.missteps.end(), v.missteps.begin(), v.missteps.end());
  page = layoutCard(type, v);
  checkCard(page, "six missteps");
  CHECK(cardMissteps(page) == 3);
  CHECK(hasText(page, "3 more missteps in the game\u2019s debrief"));
}

TEST_CASE("library holds many scenarios and files with errors") {
  LibraryView v;
  v.partnerFilter = "Sales / Customer Success";
  v.situationFilter = "estimate pushback";
  for (int i = 0; i < 30; ++i) v.entries.push_back({prose(80), prose(160), "best 100 %"});
  for (int i = 0; i < 5; ++i) v.problems.push_back(prose(300));
  v.total = 31;
  eachLayout(v, layoutLibrary, "library");
}

TEST_CASE("settings, help and the strong path lay out at both sizes") {
  SettingsView s;
  s.notice = prose(200);
  eachLayout(s, layoutSettings, "settings");
  HelpView h;
  for (int i = 0; i < 12; ++i) h.keys.push_back({"PgUp PgDn", prose(120)});
  eachLayout(h, layoutHelp, "help");
  StrongPathView p;
  p.title = prose(80);
  p.bestTotal = 42;
  for (int i = 0; i < 10; ++i) {
    p.steps.push_back({prose(60),
                       prose(1500),
                       {"A" + kSeparator + prose(80), "D" + kSeparator + prose(80)},
                       prose(300),
                       prose(800),
                       fiveChips()});
  }
  p.endingText = prose(1500);
  eachLayout(p, layoutStrongPath, "strong path");
}

TEST_CASE("the overlay panel stays inside the window") {
  Typography type = typographyFor(3, font(false), font(true));
  FeedbackView v;
  v.choiceText = prose(300);
  v.feedback = prose(800);
  v.misstep = true;
  for (sf::Vector2f size : kSizes) {
    Page p = layoutFeedback(type, size, v);
    CHECK(p.frame.top >= 0);
    CHECK(p.frame.top + p.frame.height <= size.y);
    CHECK(p.maxScroll() >= 0);
  }
}

TEST_CASE("playtest diagnostics: fifty long lines wrap and scroll") {
  ProblemsView v;
  v.file = "/home/author/scenarios/" + prose(60) + ".json";
  for (int i = 0; i < 50; ++i) {
    v.lines.push_back(v.file + ":12:34: error: " + prose(200) + " (/nodes/ask/choices/0/next)");
  }
  v.errors = v.lines.size();
  eachLayout(v, layoutProblems, "playtest diagnostics");
  Typography type = typographyFor(1, font(false), font(true));
  CHECK(layoutProblems(type, {800, 600}, v).maxScroll() > 0);
}

TEST_CASE("the playtest state panel stays inside the window, in the bottom right corner") {
  StateOverlayView v;
  v.node = "a-rather-long-node-identifier";
  for (int i = 0; i < 6; ++i) v.flags.push_back("flag-" + std::to_string(i));
  v.documentsRead = {"A", "B", "C", "D"};
  v.trust = eightPartners();
  for (const ChipView& c : fiveChips()) v.totals.push_back({c.label, c.value});
  v.lastReload = "Reloaded 3\u00D7, last: replayed";
  for (int step = 0; step < kTextSizeSteps; ++step) {
    Typography type = typographyFor(step, font(false), font(true));
    for (sf::Vector2f size : kSizes) {
      CAPTURE(step);
      Page p = layoutStateOverlay(type, size, v);
      CHECK(p.frame.left >= 0);
      CHECK(p.frame.top >= 0);
      CHECK(p.frame.left + p.frame.width <= size.x + 0.5f);
      CHECK(p.frame.top + p.frame.height <= size.y + 0.5f);
      CHECK(p.frame.left + p.frame.width > size.x * 0.9f);
      for (const Element& e : p.elements) {
        CHECK(e.rect.left >= p.frame.left - 0.5f);
        CHECK(e.rect.left + e.rect.width <= p.frame.left + p.frame.width + 0.5f);
        // Nothing cut off at the bottom: eight partners and six flags fit.
        CHECK(e.rect.top + e.rect.height <= p.frame.top + p.frame.height + 0.5f);
      }
    }
  }
}

namespace {

// The longest month there is to draw: 31 days starting on a Sunday (six
// weeks), every status, 100 % results, the longest texts.
HistoryView longestHistory() {
  using core::DayStatus;
  HistoryView v;
  v.streakLine = "Streak 1000 days  \u00B7  best 1000  \u00B7  2 freezes held";
  v.averageLine = "average first-try result 100 % over 9999 daily plays";
  v.monthTitle = "September 2026";
  v.prevMonth = "September";
  v.nextMonth = "September";
  v.leadingBlanks = 6;
  const DayStatus cycle[] = {DayStatus::None,   DayStatus::Daily,  DayStatus::Late,
                             DayStatus::Missed, DayStatus::Frozen, DayStatus::Daily};
  for (unsigned d = 1; d <= 31; ++d) {
    CalendarDayView c;
    c.day = d;
    c.status = d == 20 ? DayStatus::Today : d > 20 ? DayStatus::Future : cycle[d % 6];
    if (c.status == DayStatus::Daily || c.status == DayStatus::Late) c.result = "100%";
    c.opens = c.status != DayStatus::Future;
    c.selected = d == 13;
    v.days.push_back(c);
  }
  v.dayTitle = "Wednesday 30 September 2026";
  v.dayText = prose(400);
  v.dayAction = "Play it from the archive (Enter)";
  v.dayActionId = action::kDayOffer;
  v.notice = prose(200);
  for (auto c : fiveChips())
    v.principles.push_back({prose(40), c.colour, true, true, -1.f, 1.f, "\u2212100 %", "+100 %"});
  v.principles[4].has7 = false;
  v.principles[4].label7 = "none";
  v.weakestLine = prose(300);
  v.suggestionLabel = "Practise \u201C" + prose(80) + "\u201D (P)";
  for (int i = 0; i < 30; ++i) {
    const DayStatus st = cycle[i % 6];
    const bool played = st == DayStatus::Daily || st == DayStatus::Late;
    v.recent.push_back({st, played, played ? (i * 37) % 101 : 0});
  }
  v.recent.back() = {DayStatus::Today, false, 0};
  v.recentFrom = "30 Sep";
  return v;
}

const Element* buttonWith(const Page& page, int action) {
  for (const Element& e : page.elements)
    if (e.kind == ElementKind::Button && e.action == action) return &e;
  return nullptr;
}

}  // namespace

TEST_CASE("history holds a six-week month, the day panel, the chart and the suggestion") {
  HistoryView v = longestHistory();
  eachLayout(v, layoutHistory, "history");
  v.principles.clear();
  v.weakestLine.clear();
  v.suggestionLabel.clear();
  v.dayAction.clear();
  v.notice.clear();
  v.prevMonth.clear();
  v.nextMonth.clear();
  eachLayout(v, layoutHistory, "history of a new player");
}

TEST_CASE("history's results chart: a bar per played day as tall as its result, marks below") {
  using core::DayStatus;
  HistoryView v = longestHistory();
  v.recent = {{DayStatus::Daily, true, 100}, {DayStatus::Daily, true, 50},
              {DayStatus::Late, true, 50},   {DayStatus::Missed, false, 0},
              {DayStatus::Frozen, false, 0}, {DayStatus::Today, false, 0}};
  Typography type = typographyFor(1, font(false), font(true));
  const Page page = layoutHistory(type, {1920, 1080}, v);
  std::vector<const Element*> bars;  // the chart's coloured bars, left to right
  for (const Element& e : page.elements)
    if (e.kind == ElementKind::Bar && e.rect.left > page.window.x / 2 &&  // right of the calendar
        (e.tone == Tone::Positive || e.tone == Tone::Muted || e.tone == Tone::Negative ||
         e.tone == Tone::Accent))
      bars.push_back(&e);
  REQUIRE(bars.size() == 5);  // three played days, a missed and a frozen mark; today none
  CHECK(bars[0]->tone == Tone::Positive);
  CHECK(bars[1]->tone == Tone::Positive);
  CHECK(bars[2]->tone == Tone::Muted);  // late
  CHECK(bars[3]->tone == Tone::Negative);
  CHECK(bars[4]->tone == Tone::Accent);
  CHECK(bars[1]->rect.height == doctest::Approx(bars[0]->rect.height / 2).epsilon(0.05));
  // Played bars stand on one line; the marks hang below it.
  const float base = bars[0]->rect.top + bars[0]->rect.height;
  CHECK(bars[1]->rect.top + bars[1]->rect.height == doctest::Approx(base));
  CHECK(bars[3]->rect.top > base);
  CHECK(bars[4]->rect.top > base);
  for (std::size_t i = 1; i < bars.size(); ++i) CHECK(bars[i]->rect.left > bars[i - 1]->rect.left);
}

TEST_CASE("history's calendar: a week per row from Monday, a letter per status, days as buttons") {
  const HistoryView v = longestHistory();
  Typography type = typographyFor(1, font(false), font(true));
  for (sf::Vector2f size : kSizes) {
    CAPTURE(size.x);
    const Page page = layoutHistory(type, size, v);
    const Element* first = buttonWith(page, action::kCalendarBase);       // the 1st, a Sunday
    const Element* second = buttonWith(page, action::kCalendarBase + 1);  // Monday 2nd
    const Element* eighth = buttonWith(page, action::kCalendarBase + 7);  // Sunday 8th
    const Element* ninth = buttonWith(page, action::kCalendarBase + 8);   // Monday 9th
    REQUIRE(first != nullptr);
    REQUIRE(second != nullptr);
    REQUIRE(eighth != nullptr);
    REQUIRE(ninth != nullptr);
    CHECK(first->rect.left > second->rect.left);  // Sunday is the last column
    CHECK(second->rect.top > first->rect.top);    // the 2nd starts the next week
    CHECK(eighth->rect.left == doctest::Approx(first->rect.left));
    CHECK(ninth->rect.left == doctest::Approx(second->rect.left));
    CHECK(ninth->rect.top > second->rect.top);
    // Every day until today opens; the days to come are not buttons.
    for (unsigned d = 1; d <= 31; ++d) {
      CAPTURE(d);
      const Element* b = buttonWith(page, action::kCalendarBase + static_cast<int>(d) - 1);
      CHECK((b != nullptr) == (d <= 20));
      if (b == nullptr) continue;
      REQUIRE(b->lines.size() == 2);
      CHECK(b->lines[0].toAnsiString() == std::to_string(d));
      // Colour is never the only sign: the status letter leads the second line.
      const std::string second_line = b->lines[1].toAnsiString();
      const core::DayStatus s = v.days[d - 1].status;
      const char* letter = s == core::DayStatus::Daily    ? "D"
                           : s == core::DayStatus::Late   ? "L"
                           : s == core::DayStatus::Missed ? "M"
                           : s == core::DayStatus::Frozen ? "F"
                           : s == core::DayStatus::Today  ? "T"
                                                          : "";
      CHECK(second_line.rfind(letter, 0) == 0);
      if (!v.days[d - 1].result.empty()) CHECK(second_line.find("100%") != std::string::npos);
      CHECK((b->style == ButtonStyle::Primary) == (d == 13));
    }
    CHECK(buttonWith(page, action::kDayOffer) != nullptr);
    CHECK(buttonWith(page, action::kPrevMonth) != nullptr);
    CHECK(buttonWith(page, action::kNextMonth) != nullptr);
    CHECK(buttonWith(page, action::kPlaySuggestion) != nullptr);
  }
}

TEST_CASE("home in a small window with large text shows the review offer without scrolling") {
  HomeView v;
  v.dateLine = "Wednesday 30 September 2026";
  v.streak = 12;
  v.hasToday = true;
  v.today = {prose(80), prose(400), prose(120), "estimate pushback", 3, 30, prose(90)};
  v.playLabel = "Play again (Enter)";
  v.hasTodayDebrief = true;
  v.nextScenario = "Next scenario in 23 h 59 min";
  v.reviewLine = "12 missteps to review \u00B7 about 8 minutes";
  v.canReview = true;
  for (int step = 0; step < kTextSizeSteps; ++step) {
    CAPTURE(step);
    Typography type = typographyFor(step, font(false), font(true));
    const Page page = layoutHome(type, {800, 600}, v);
    const Element* review = buttonWith(page, action::kReview);
    REQUIRE(review != nullptr);
    CHECK(review->rect.top + review->rect.height <= page.body.height);
  }
}
