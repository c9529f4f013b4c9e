#include "game/ui/page_view.hpp"

#include <algorithm>
#include <cmath>

namespace trustdaily::game {
namespace {

sf::Color toneColour(Tone tone, const Palette& p, sf::Color custom) {
  switch (tone) {
    case Tone::Text:
      return p.text;
    case Tone::Muted:
      return p.muted;
    case Tone::Accent:
      return p.accent;
    case Tone::Positive:
      return p.positive;
    case Tone::Negative:
      return p.negative;
    case Tone::Surface:
      return p.surface;
    case Tone::Border:
      return p.border;
    case Tone::Track:
      return p.track;
    case Tone::Custom:
      return custom;
  }
  return p.text;
}

bool isFixed(Region r) { return r != Region::Body; }

}  // namespace

void PageView::setPage(Page page, const Typography& type, const Palette& palette) {
  int focusedActionBefore = focusedAction();
  page_ = std::move(page);
  type_ = &type;
  palette_ = palette;
  scroll_ = std::clamp(scroll_, 0.f, page_.maxScroll());
  buttons_.clear();
  for (std::size_t i = 0; i < page_.elements.size(); ++i) {
    if (page_.elements[i].kind == ElementKind::Button) buttons_.push_back(i);
  }
  // Focus order: body first (top to bottom), then the footer (dialog buttons).
  std::stable_sort(buttons_.begin(), buttons_.end(), [&](std::size_t a, std::size_t b) {
    auto rank = [&](std::size_t i) {
      Region r = page_.elements[i].region;
      return r == Region::Header ? 0 : r == Region::Body ? 1 : 2;
    };
    return rank(a) < rank(b);
  });
  focus_ = -1;
  hover_ = -1;
  drawn_.clear();
  if (focusedActionBefore >= 0) focusAction(focusedActionBefore);
  build();
}

sf::FloatRect PageView::onScreen(const Element& e) const {
  sf::FloatRect r = e.rect;
  if (e.region == Region::Body) r.top += page_.body.top - scroll_;
  return r;
}

void PageView::build() {
  drawn_.clear();
  drawnOfButton_.assign(buttons_.size(), -1);
  for (std::size_t i = 0; i < page_.elements.size(); ++i) {
    const Element& e = page_.elements[i];
    Drawn d;
    d.element = i;
    if (e.kind != ElementKind::Text) {
      d.shape.setPosition(e.rect.left, e.rect.top);
      d.shape.setSize({e.rect.width, e.rect.height});
      if (e.kind == ElementKind::Box) {
        d.shape.setFillColor(palette_.surface);
        d.shape.setOutlineColor(palette_.border);
        d.shape.setOutlineThickness(-1);
      } else if (e.kind == ElementKind::Bar) {
        d.shape.setFillColor(toneColour(e.tone, palette_, e.custom));
      }
    }
    if (e.kind == ElementKind::Text || e.kind == ElementKind::Button) {
      const sf::Font& font = e.bold ? *type_->bold : *type_->regular;
      float lineSpacing = font.getLineSpacing(e.charSize);
      float y = e.rect.top + e.padY + std::round((e.lineHeight - lineSpacing) / 2);
      for (std::size_t l = 0; l < e.lines.size(); ++l) {
        const sf::String& line = e.lines[l];
        sf::Text t(line, l < e.boldLines ? *type_->bold : font, e.charSize);
        t.setPosition(std::round(e.rect.left + e.padX), std::round(y));
        t.setFillColor(toneColour(e.tone, palette_, e.custom));
        d.texts.push_back(t);
        y += e.lineHeight;
      }
    }
    drawn_.push_back(std::move(d));
  }
  for (std::size_t b = 0; b < buttons_.size(); ++b) {
    drawnOfButton_[b] = static_cast<int>(buttons_[b]);
    styleButton(b);
  }
}

void PageView::styleButton(std::size_t b) {
  const Element& e = page_.elements[buttons_[b]];
  Drawn& d = drawn_[static_cast<std::size_t>(drawnOfButton_[b])];
  bool hovered = static_cast<int>(b) == hover_;
  bool focused = static_cast<int>(b) == focus_;
  sf::Color fill = palette_.surface;
  sf::Color text = palette_.text;
  sf::Color outline = palette_.border;
  float thickness = -1;
  if (e.style == ButtonStyle::Primary) {
    fill = palette_.accent;
    text = palette_.onAccent;
    outline = palette_.accent;
    if (hovered) {
      fill = sf::Color(static_cast<sf::Uint8>(fill.r * 0.88), static_cast<sf::Uint8>(fill.g * 0.88),
                       static_cast<sf::Uint8>(fill.b * 0.88));
    }
  } else if (hovered) {
    fill = palette_.raised;
    outline = palette_.accent;
  }
  if (focused) {
    outline = e.style == ButtonStyle::Primary ? palette_.text : palette_.accent;
    thickness = -3;
  }
  d.shape.setFillColor(fill);
  d.shape.setOutlineColor(outline);
  d.shape.setOutlineThickness(thickness);
  for (sf::Text& t : d.texts) t.setFillColor(text);
}

void PageView::draw(sf::RenderTarget& target) const {
  const sf::View saved = target.getView();
  sf::Vector2f size(page_.window.x, page_.window.y);
  if (page_.overlay) {
    sf::RectangleShape veil(size);
    veil.setFillColor(palette_.dim);
    target.draw(veil);
    sf::RectangleShape panel({page_.frame.width, page_.frame.height});
    panel.setPosition(page_.frame.left, page_.frame.top);
    panel.setFillColor(palette_.background);
    panel.setOutlineColor(palette_.border);
    panel.setOutlineThickness(1);
    target.draw(panel);
  }
  auto drawItem = [&](const Drawn& d) {
    const Element& e = page_.elements[d.element];
    if (e.kind != ElementKind::Text) target.draw(d.shape);
    for (const sf::Text& t : d.texts) target.draw(t);
  };
  // Body, clipped to its rectangle and scrolled.
  if (page_.body.height > 0 && page_.body.width > 0) {
    sf::View body(sf::FloatRect(page_.body.left, scroll_, page_.body.width, page_.body.height));
    body.setViewport(sf::FloatRect(page_.body.left / size.x, page_.body.top / size.y,
                                   page_.body.width / size.x, page_.body.height / size.y));
    target.setView(body);
    for (const Drawn& d : drawn_) {
      const Element& e = page_.elements[d.element];
      if (e.region != Region::Body) continue;
      if (e.rect.top > scroll_ + page_.body.height || e.rect.top + e.rect.height < scroll_)
        continue;
      drawItem(d);
    }
  }
  target.setView(sf::View(sf::FloatRect(0, 0, size.x, size.y)));
  // Hairlines where the body scrolls under the header and the footer.
  if (page_.maxScroll() > 0) {
    sf::RectangleShape line({page_.frame.width, 1});
    line.setFillColor(palette_.border);
    if (scroll_ > 0) {
      line.setPosition(page_.frame.left, page_.body.top);
      target.draw(line);
    }
    if (scroll_ < page_.maxScroll()) {
      line.setPosition(page_.frame.left, page_.body.top + page_.body.height - 1);
      target.draw(line);
    }
    // A slim scroll indicator at the right edge of the body.
    float track = page_.body.height;
    float thumb = std::max(24.f, track * page_.body.height / page_.bodyHeight);
    float pos = (track - thumb) * (scroll_ / page_.maxScroll());
    sf::RectangleShape bar({4, thumb});
    bar.setPosition(page_.frame.left + page_.frame.width - 10, page_.body.top + pos);
    bar.setFillColor(palette_.border);
    target.draw(bar);
  }
  for (const Drawn& d : drawn_) {
    if (isFixed(page_.elements[d.element].region)) drawItem(d);
  }
  target.setView(saved);
}

bool PageView::scrollBy(float dy) { return scrollTo(scroll_ + dy); }

bool PageView::scrollTo(float y) {
  float next = std::round(std::clamp(y, 0.f, page_.maxScroll()));
  if (next == scroll_) return false;
  scroll_ = next;
  return true;
}

bool PageView::hover(sf::Vector2f point) {
  int next = -1;
  for (std::size_t b = 0; b < buttons_.size(); ++b) {
    const Element& e = page_.elements[buttons_[b]];
    if (e.region == Region::Body && !page_.body.contains(point)) continue;
    if (onScreen(e).contains(point)) next = static_cast<int>(b);
  }
  if (next == hover_) return false;
  int before = hover_;
  hover_ = next;
  if (before >= 0) styleButton(static_cast<std::size_t>(before));
  if (hover_ >= 0) styleButton(static_cast<std::size_t>(hover_));
  return true;
}

int PageView::actionAt(sf::Vector2f point) const {
  for (std::size_t b = 0; b < buttons_.size(); ++b) {
    const Element& e = page_.elements[buttons_[b]];
    if (e.region == Region::Body && !page_.body.contains(point)) continue;
    if (onScreen(e).contains(point)) return e.action;
  }
  return -1;
}

std::vector<PageView::ButtonRect> PageView::visibleButtons() const {
  std::vector<ButtonRect> out;
  for (std::size_t i : buttons_) {
    const Element& e = page_.elements[i];
    sf::FloatRect r = onScreen(e);
    if (e.region == Region::Body) {
      sf::FloatRect clipped;
      if (!r.intersects(page_.body, clipped)) continue;
      r = clipped;
    }
    std::string label;
    for (const sf::String& l : e.lines) {
      if (!label.empty()) label += ' ';
      std::basic_string<sf::Uint8> bytes = l.toUtf8();
      label.append(bytes.begin(), bytes.end());
    }
    out.push_back({e.action, label, r});
  }
  return out;
}

bool PageView::ensureVisible(const Element& e) {
  if (e.region != Region::Body) return false;
  float top = e.rect.top - 8;
  float bottom = e.rect.top + e.rect.height + 8;
  if (top < scroll_) return scrollTo(top);
  if (bottom > scroll_ + page_.body.height) return scrollTo(bottom - page_.body.height);
  return false;
}

bool PageView::moveFocus(int step) {
  if (buttons_.empty()) return false;
  int n = static_cast<int>(buttons_.size());
  int before = focus_;
  if (focus_ < 0) {
    focus_ = step > 0 ? 0 : n - 1;
  } else {
    focus_ = std::clamp(focus_ + step, 0, n - 1);
  }
  if (before == focus_) return false;
  if (before >= 0) styleButton(static_cast<std::size_t>(before));
  styleButton(static_cast<std::size_t>(focus_));
  ensureVisible(page_.elements[buttons_[static_cast<std::size_t>(focus_)]]);
  return true;
}

bool PageView::focusAction(int action) {
  for (std::size_t b = 0; b < buttons_.size(); ++b) {
    if (page_.elements[buttons_[b]].action == action) {
      int before = focus_;
      focus_ = static_cast<int>(b);
      if (!drawn_.empty()) {
        if (before >= 0) styleButton(static_cast<std::size_t>(before));
        styleButton(b);
      }
      ensureVisible(page_.elements[buttons_[b]]);
      return before != focus_;
    }
  }
  return false;
}

void PageView::clearFocus() {
  int before = focus_;
  focus_ = -1;
  if (before >= 0 && !drawn_.empty()) styleButton(static_cast<std::size_t>(before));
}

int PageView::focusedAction() const {
  if (focus_ < 0 || static_cast<std::size_t>(focus_) >= buttons_.size()) return -1;
  return page_.elements[buttons_[static_cast<std::size_t>(focus_)]].action;
}

}  // namespace trustdaily::game
