#include "game/screens/document_screen.hpp"

#include "game/ui/view_text.hpp"

namespace trustdaily::game {

Page DocumentScreen::build(sf::Vector2f size) {
  DocumentView v;
  const ActivePlay* p = ctx_.model.play();
  if (p != nullptr && p->shownDocument && !p->session.finished()) {
    const auto& docs = p->session.currentNode().documents;
    if (*p->shownDocument < docs.size()) {
      const core::Document& d = docs[*p->shownDocument];
      v.key = documentKey(*p->shownDocument);
      v.kind = documentKindLabel(d.kind);
      v.title = d.title;
      v.text = d.text;
    }
  }
  return layoutDocument(ctx_.type, size, v);
}

void DocumentScreen::onAction(int a) {
  if (a == action::kBack) ctx_.stack.pop();
}

}  // namespace trustdaily::game
