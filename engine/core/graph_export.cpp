#include "graph_export.hpp"

#include <map>
#include <set>
#include <utility>
#include <vector>

#include "text_join.hpp"

namespace trustdaily::core {

namespace {

// A DOT double-quoted string: escape quotes and backslashes, keep newlines
// as DOT's centred line break.
std::string dotQuoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\')
      (out += '\\') += c;
    else if (c == '\n')
      out += "\\n";
    else if (c != '\r')
      out += c;
  }
  out += '"';
  return out;
}

std::string signedNumber(int v) {
  std::string out = v > 0 ? "+" : "";
  out += std::to_string(v);
  return out;
}

const char* endingColour(EndingKind k) {
  switch (k) {
    case EndingKind::Success:
      return "#c8e6c9";
    case EndingKind::Mixed:
      return "#fff3c4";
    case EndingKind::Failure:
      return "#f8c9c9";
  }
  return "#ffffff";
}

std::string conditionText(const Condition& c) {
  std::string out;
  auto add = [&](const std::string& part) {
    if (!out.empty()) out += ", ";
    out += part;
  };
  for (const auto& f : c.flags) add(f);
  for (const auto& f : c.notFlags) add("not " + f);
  for (const auto& [partner, v] : c.trustMin) add(partner + ">=" + std::to_string(v));
  for (const auto& [partner, v] : c.trustMax) add(partner + "<=" + std::to_string(v));
  return "if " + out;
}

}  // namespace

std::string shortText(const std::string& text, std::size_t maxChars) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (chars == maxChars) return text.substr(0, i) + "...";
    ++chars;
  }
  return text;
}

std::string graphDot(const Scenario& s, const Analysis* analysis) {
  std::set<std::string> bestNodes;
  std::map<std::pair<std::string, std::size_t>, std::vector<std::size_t>> bestEdges;  // -> docs
  if (analysis) {
    for (const auto& step : analysis->bestPath) {
      bestNodes.insert(step.nodeId);
      bestEdges[{step.nodeId, step.choiceIndex}] = step.documents;
      const Node* n = s.findNode(step.nodeId);
      if (n && step.choiceIndex < n->choices.size())
        bestNodes.insert(n->choices[step.choiceIndex].next);
    }
  }

  std::string out = "digraph " + dotQuoted(s.id) + " {\n";
  std::string title = s.title;
  if (analysis) {
    title += "\nbest total ";
    title += std::to_string(analysis->bestTotal);
    title += " (blue path)";
  }
  std::set<std::string> missing;  // ids that `next` or `start` name but no node has
  for (const auto& n : s.nodes)
    for (const auto& c : n.choices)
      if (!c.next.empty() && s.nodeIndex.count(c.next) == 0) missing.insert(c.next);
  const bool badStart = !s.start.empty() && s.nodeIndex.count(s.start) == 0;
  if (badStart) missing.insert(s.start);
  if (!missing.empty()) title += "\nbroken links in red";
  out +=
      "  graph [label=" + dotQuoted(title) + ", labelloc=t, rankdir=TB, fontname=\"Helvetica\"];\n";
  if (s.nodes.size() > kGraphLargeNodes)
    out +=
        "  graph [mclimit=0.01, nslimit=0.01, nslimit1=0.01, remincross=false, "
        "splines=line];\n";
  out += "  node [fontname=\"Helvetica\", fontsize=11];\n";
  out += "  edge [fontname=\"Helvetica\", fontsize=9];\n";

  for (const auto& n : s.nodes) {
    std::string label = n.id;
    std::string attrs;
    if (n.isEnding) {
      label += "\n";
      label += endingName(n.ending);
      attrs = "shape=octagon, style=filled, fillcolor=\"";
      attrs += endingColour(n.ending);
      attrs += "\"";
    } else {
      label += "\n";
      label += n.speaker;
      // Documents on their scene, as the terminal names them (d1, d2, ...),
      // with the flags opening them sets.
      for (std::size_t i = 0; i < n.documents.size(); ++i) {
        const Document& d = n.documents[i];
        label += "\nd";  // piecewise: GCC 12 warns falsely (-Wrestrict) on "\nd" + ...
        label += std::to_string(i + 1);
        label += " [" + d.kind + "] ";
        label += shortText(d.title, kGraphLabelChars);
        if (!d.sets.empty()) label += " (sets " + joinComma(d.sets) + ")";
      }
      attrs = n.isDecision() ? "shape=box, style=\"rounded,filled\", fillcolor=\"#d6e4f5\""
                             : "shape=box, style=rounded";
    }
    if (n.id == s.start) attrs += ", peripheries=2";
    if (bestNodes.count(n.id)) attrs += ", color=\"#1565c0\", penwidth=2";
    out += "  " + dotQuoted(n.id) + " [label=" + dotQuoted(label) + ", " + attrs + "];\n";
  }

  for (const auto& id : missing)
    out += "  " + dotQuoted("?" + id) + " [label=" + dotQuoted("missing node\n'" + id + "'") +
           ", shape=box, style=dashed, color=\"#c62828\", fontcolor=\"#c62828\"];\n";
  if (badStart)
    out +=
        "  \"?start\" [label=\"start\", shape=plaintext, fontcolor=\"#c62828\"];\n  "
        "\"?start\" -> " +
        dotQuoted("?" + s.start) + " [color=\"#c62828\", penwidth=2];\n";

  for (const auto& n : s.nodes) {
    for (std::size_t i = 0; i < n.choices.size(); ++i) {
      const Choice& c = n.choices[i];
      if (c.next.empty()) continue;  // a choice without `next` (an error): no edge to draw
      const bool broken = missing.count(c.next) != 0;
      std::string label = shortText(c.text, kGraphLabelChars);
      label += " (";
      label += signedNumber(c.scoreSum);
      label += ")";
      std::string attrs;
      if (c.condition) {
        label += "\n[" + conditionText(*c.condition) + "]";
        attrs += ", style=dashed";
      }
      if (auto best = bestEdges.find({n.id, i}); best != bestEdges.end()) {
        attrs += ", color=\"#1565c0\", penwidth=3";
        std::vector<std::string> read;  // the documents the best path opens first
        for (std::size_t d : best->second) read.push_back('d' + std::to_string(d + 1));
        if (!read.empty()) label += "\n(after reading " + joinComma(read) + ")";
      }
      if (broken) attrs += ", color=\"#c62828\", fontcolor=\"#c62828\", penwidth=2";
      out += "  " + dotQuoted(n.id) + " -> " + dotQuoted(broken ? "?" + c.next : c.next) +
             " [label=" + dotQuoted(label) + attrs + "];\n";
    }
  }
  out += "}\n";
  return out;
}

}  // namespace trustdaily::core
