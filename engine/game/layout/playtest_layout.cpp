// Live playtest (`trustdaily play FILE`): the diagnostics page shown while the
// file does not validate, and the author's state panel (F2).
#include <algorithm>
#include <cmath>

#include "game/layout/screen_layouts.hpp"
#include "game/ui/page_frame.hpp"

namespace trustdaily::game {

Page layoutProblems(const Typography& type, sf::Vector2f window, const ProblemsView& view) {
  Page page;
  page.window = window;
  page.frame = sf::FloatRect(0, 0, window.x, window.y);
  Column col = columnIn(type, page.frame, std::round(type.unit * 60));

  Flow head(page, type, Region::Header, col.left, col.width, std::round(col.margin * 0.5f));
  head.text("Playtest \u00B7 " + view.file, type.small, true, Tone::Muted);
  head.gap(type.unit * 0.4f);
  std::string title = "This file does not validate";
  head.text(title, type.heading, true, Tone::Negative);
  std::string count = std::to_string(view.errors);
  count += view.errors == 1 ? " error" : " errors";
  count += view.playWaiting
               ? ". Fix it and save: the window reloads by itself and returns to the same scene."
               : ". Fix it and save: the window reloads by itself and the play starts.";
  head.text(count, type.body, false, Tone::Text);
  float headerBottom = head.top() + std::round(type.unit * 0.8f);

  float footerTop = placeFooterHint(page, type, col,
                                    "PgUp PgDn scroll  \u00B7  F5 reload now  \u00B7  "
                                    "Esc home  \u00B7  F1 help");

  Flow body(page, type, Region::Body, col.left, col.width, std::round(type.unit * 0.6f));
  for (const std::string& line : view.lines) {
    bool error = line.find(": error: ") != std::string::npos;
    body.text(line, type.body, false, error ? Tone::Text : Tone::Muted);
    body.gap(type.unit * 0.6f);
  }
  finishPage(page, headerBottom, footerTop, body.top() + type.unit);
  return page;
}

namespace {

std::string trustLine(const MeterView& m) {
  std::string line = m.name;
  line += ": ";
  line += std::to_string(m.value);
  if (m.delta != 0) {
    line += m.delta > 0 ? " (+" : " (";
    line += std::to_string(m.delta);
    line += ")";
  }
  return line;
}

std::string totalLine(const std::pair<std::string, int>& t) {
  std::string line = t.second > 0 ? "+" : "";
  line += std::to_string(t.second);
  line += "  ";
  line += t.first;
  return line;
}

// The panel's contents from `top`; one line per partner and principle, or,
// when `compact`, each list as one wrapped paragraph.
void stateLines(Flow& f, const Typography& type, const StateOverlayView& view, bool compact) {
  f.text("Author state (F2 hides)", type.small, true, Tone::Muted);
  f.gap(type.unit * 0.3f);
  f.text("Node: " + view.node, type.small, true, Tone::Text);
  std::string flags = "Flags: ";
  if (view.flags.empty()) flags += "none";
  for (std::size_t i = 0; i < view.flags.size(); ++i) {
    if (i > 0) flags += ", ";
    flags += view.flags[i];
  }
  f.text(flags, type.small, false, Tone::Text);
  if (!view.documentsRead.empty()) {
    std::string read = "Documents read here: ";
    for (std::size_t i = 0; i < view.documentsRead.size(); ++i)
      read += (i > 0 ? ", " : "") + view.documentsRead[i];
    f.text(read, type.small, false, Tone::Text);
  }
  f.gap(type.unit * 0.3f);
  if (compact) {
    // "Label: a · b · c", one wrapped paragraph per list.
    auto paragraph = [](std::string text, const auto& items, auto line) {
      for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) text += kSeparator;
        text += line(items[i]);
      }
      return text;
    };
    f.text(paragraph("Trust: ", view.trust, trustLine), type.small, false, Tone::Text);
    f.gap(type.unit * 0.3f);
    f.text(paragraph("Totals: ", view.totals, totalLine), type.small, false, Tone::Text);
  } else {
    f.text("Trust", type.small, true, Tone::Text);
    for (const MeterView& m : view.trust)
      f.text(trustLine(m), type.small, false, Tone::Text, type.unit * 0.6f);
    f.gap(type.unit * 0.3f);
    f.text("Principle totals", type.small, true, Tone::Text);
    for (const auto& t : view.totals) {
      Tone tone = t.second > 0 ? Tone::Positive : t.second < 0 ? Tone::Negative : Tone::Muted;
      f.text(totalLine(t), type.small, false, tone, type.unit * 0.6f);
    }
  }
  if (!view.hidden.empty()) {
    f.gap(type.unit * 0.3f);
    f.text("Hidden here", type.small, true, Tone::Text);
    for (const std::string& h : view.hidden)
      f.text(h, type.small, false, Tone::Muted, type.unit * 0.6f);
  }
  if (!view.warnings.empty()) {
    f.gap(type.unit * 0.3f);
    f.text("Warnings", type.small, true, Tone::Negative);
    for (const std::string& w : view.warnings)
      f.text(w, type.small, false, Tone::Text, type.unit * 0.6f);
  }
  if (!view.lastReload.empty()) {
    f.gap(type.unit * 0.3f);
    f.text(view.lastReload, type.small, false, Tone::Muted);
  }
}

}  // namespace

Page layoutStateOverlay(const Typography& type, sf::Vector2f window, const StateOverlayView& view) {
  float margin = std::round(type.unit * 0.6f);
  float pad = std::round(type.unit * 0.6f);
  Page page;
  float height = 0;
  float width = 0;
  float left = 0;
  // One line per item in a narrow panel while that fits the window; else
  // each list as a paragraph, then also a wider panel (many partners, many
  // flags, large text).
  struct Attempt {
    bool compact;
    float widthUnits;
  };
  for (Attempt a : {Attempt{false, 13.5f}, Attempt{true, 13.5f}, Attempt{true, 27.f}}) {
    width = std::min(std::round(type.unit * a.widthUnits), window.x - 2 * margin);
    left = window.x - margin - width;
    page = Page{};
    page.window = window;
    // A panel in the header region (window coordinates); no scrolling body.
    Element panel;
    panel.kind = ElementKind::Box;
    panel.region = Region::Header;
    page.elements.push_back(panel);
    Flow f(page, type, Region::Header, left + pad, width - 2 * pad, margin + pad);
    stateLines(f, type, view, a.compact);
    height = f.top() + pad - margin;
    if (height <= window.y - 2 * margin) break;
  }
  // Built from the top, then moved to the bottom right corner, above the
  // footer hints and clear of the header's meters.
  float top = std::max(margin, window.y - margin - height);
  for (Element& e : page.elements) e.rect.top += top - margin;
  page.elements[0].rect = sf::FloatRect(left, top, width, std::min(height, window.y - top));
  page.frame = page.elements[0].rect;
  page.header = page.frame;
  float bottom = page.frame.top + page.frame.height;
  page.body = sf::FloatRect(left, bottom, width, 0);
  page.footer = sf::FloatRect(left, bottom, width, 0);
  return page;
}

Page layoutJump(const Typography& type, sf::Vector2f window, const JumpView& view) {
  Page page;
  page.window = window;
  page.frame = sf::FloatRect(0, 0, window.x, window.y);
  Column col = columnIn(type, page.frame, std::round(type.unit * 56));

  Flow head(page, type, Region::Header, col.left, col.width, std::round(col.margin * 0.5f));
  head.text("Playtest \u00B7 " + view.file, type.small, true, Tone::Muted);
  head.gap(type.unit * 0.4f);
  head.text("Jump to a node", type.heading, true, Tone::Text);
  head.text(
      "The play starts again there, with the --flags and --trust you started with; it is "
      "not recorded.",
      type.small, false, Tone::Muted);
  float headerBottom = head.top() + std::round(type.unit * 0.8f);

  float footerTop = placeFooterHint(page, type, col,
                                    "\u2191\u2193 Enter jump  \u00B7  Esc back  \u00B7  F1 help");

  Flow body(page, type, Region::Body, col.left, col.width, std::round(type.unit * 0.6f));
  for (std::size_t i = 0; i < view.nodes.size(); ++i) {
    const JumpEntryView& n = view.nodes[i];
    body.cardButton(n.current ? n.id + "  (here now)" : n.id, n.details,
                    action::kListBase + static_cast<int>(i));
    body.gap(type.unit * 0.4f);
  }
  finishPage(page, headerBottom, footerTop, body.top() + type.unit);
  return page;
}

}  // namespace trustdaily::game
