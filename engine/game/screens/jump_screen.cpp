#include "game/screens/jump_screen.hpp"

#include "game/layout/screen_layouts.hpp"
#include "game/ui/view_text.hpp"

namespace trustdaily::game {

namespace {

// The first words of a text, for a one-line preview.
std::string preview(const std::string& text) {
  constexpr std::size_t kChars = 70;
  std::size_t cut = 0, chars = 0;
  while (cut < text.size() && chars < kChars && text[cut] != '\n') {
    cut += 1;
    while (cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) ++cut;
    ++chars;
  }
  return cut < text.size() ? text.substr(0, cut) + "\u2026" : text;
}

}  // namespace

Page JumpScreen::build(sf::Vector2f size) {
  JumpView v;
  v.file = ctx_.model.playtestFile();
  const ActivePlay* p = ctx_.model.play();
  if (p == nullptr) return layoutJump(ctx_.type, size, v);
  const core::Scenario& s = p->session.scenario();
  for (std::size_t i = 0; i < s.nodes.size(); ++i) {
    const core::Node& n = s.nodes[i];
    std::string details;
    if (n.isEnding) {
      details = endingLabel(n.ending) + " ending";
    } else {
      details = speakerOf(s, n.speaker).first;
      details += kSeparator + std::to_string(n.choices.size()) +
                 (n.choices.size() == 1 ? " choice" : " choices");
    }
    details += kSeparator + preview(n.text);
    v.nodes.push_back({n.id, details, i == p->session.state().node});
  }
  return layoutJump(ctx_.type, size, v);
}

void JumpScreen::onAction(int a) {
  if (a == action::kBack) {
    ctx_.stack.pop();
    return;
  }
  if (a < action::kListBase) return;
  if (!ctx_.model.jumpTo(static_cast<std::size_t>(a - action::kListBase))) return;
  // Back to the play at that node, from whatever was open.
  ctx_.stack.clear();
  ctx_.stack.push(ScreenId::Home);
  ctx_.stack.push(ScreenId::Play);
}

}  // namespace trustdaily::game
