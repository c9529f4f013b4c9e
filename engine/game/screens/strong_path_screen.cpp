#include "game/screens/strong_path_screen.hpp"

#include "game/layout/screen_layouts.hpp"
#include "game/screens/feedback_screen.hpp"
#include "game/ui/view_text.hpp"

namespace trustdaily::game {

Page StrongPathScreen::build(sf::Vector2f size) {
  StrongPathView v;
  const ActivePlay* p = ctx_.model.play();
  if (p == nullptr) return layoutStrongPath(ctx_.type, size, v);
  const core::Scenario& s = p->session.scenario();
  const core::Analysis& a = p->session.analysis();
  v.title = s.title;
  v.bestTotal = a.bestTotal;
  const core::Node* last = nullptr;
  for (const core::PathStep& step : a.bestPath) {
    const core::Node* node = s.findNode(step.nodeId);
    if (node == nullptr || step.choiceIndex >= node->choices.size()) break;
    const core::Choice& c = node->choices[step.choiceIndex];
    std::vector<std::string> read;
    for (std::size_t d : step.documents)
      if (d < node->documents.size())
        read.push_back(documentKey(d) + kSeparator + node->documents[d].title);
    v.steps.push_back({speakerOf(s, node->speaker).first, node->text, read, c.text, c.feedback,
                       principleChips(ctx_.model, c.score)});
    last = s.findNode(c.next);
  }
  if (last != nullptr && last->isEnding) {
    v.endingText = endingLabel(last->ending) + ". " + last->text;
  }
  return layoutStrongPath(ctx_.type, size, v);
}

void StrongPathScreen::onAction(int a) {
  if (a == action::kBack) ctx_.stack.pop();
}

}  // namespace trustdaily::game
