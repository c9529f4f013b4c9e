#include "game/ui/page_frame.hpp"

#include <algorithm>
#include <cmath>

#include "game/ui/text_wrap.hpp"

namespace trustdaily::game {

Column columnIn(const Typography& type, sf::FloatRect frame, float maxWidth) {
  Column c;
  c.margin = std::round(std::clamp(frame.width * 0.05f, type.unit * 1.2f, type.unit * 4.f));
  c.width = std::min(frame.width - 2 * c.margin, maxWidth);
  c.left = std::round(frame.left + (frame.width - c.width) / 2);
  return c;
}

void clampLines(Element& e, const Typography& type, std::size_t maxLines) {
  if (e.lines.size() <= maxLines) return;
  const sf::Font& font = e.bold ? *type.bold : *type.regular;
  e.lines.resize(maxLines);
  sf::String& last = e.lines.back();
  float room = e.rect.width - 2 * e.padX;
  last += sf::String(L"\u2026");
  while (last.getSize() > 1 && lineWidth(font, e.charSize, last) > room) {
    last.erase(last.getSize() - 2);
  }
  float h = e.lineHeight * static_cast<float>(maxLines) + 2 * e.padY;
  e.rect.height = h;
}

float anchorFooter(Page& page, const Typography& type, const Column& col, float height) {
  float bottomGap = std::round(std::max(type.unit * 0.8f, col.margin * 0.5f));
  float top = std::round(page.frame.top + page.frame.height - bottomGap - height);
  for (Element& e : page.elements) {
    if (e.region == Region::Footer) e.rect.top += top;
  }
  page.footer =
      sf::FloatRect(page.frame.left, top - std::round(type.unit * 0.6f), page.frame.width,
                    page.frame.top + page.frame.height - top + std::round(type.unit * 0.6f));
  return page.footer.top;
}

float placeFooterHint(Page& page, const Typography& type, const Column& col,
                      const std::string& hint) {
  Flow f(page, type, Region::Footer, col.left, col.width, 0);
  std::size_t i = f.text(hint, type.small, false, Tone::Muted);
  clampLines(page.elements[i], type, 2);
  return anchorFooter(page, type, col, page.elements[i].rect.height);
}

void finishPage(Page& page, float headerBottom, float footerTop, float contentBottom) {
  headerBottom = std::round(headerBottom);
  footerTop = std::round(footerTop);
  page.header = sf::FloatRect(page.frame.left, page.frame.top, page.frame.width,
                              headerBottom - page.frame.top);
  page.body = sf::FloatRect(page.frame.left, headerBottom, page.frame.width,
                            std::max(0.f, footerTop - headerBottom));
  page.bodyHeight = contentBottom;
}

std::string difficultyDots(int difficulty) {
  std::string s;
  for (int i = 1; i <= 3; ++i) s += i <= difficulty ? "\u25CF" : "\u25CB";
  return s;
}

}  // namespace trustdaily::game

namespace trustdaily::game {

sf::FloatRect overlayFrame(const Typography& type, sf::Vector2f window, float maxWidth) {
  float outer = std::round(std::clamp(window.x * 0.04f, type.unit, type.unit * 3.f));
  float w = std::min(window.x - 2 * outer, maxWidth);
  return sf::FloatRect(std::round((window.x - w) / 2), outer, w, window.y - 2 * outer);
}

void finishOverlay(Page& page, const Typography& type, float headerHeight, float bodyHeight,
                   float footerHeight) {
  float outer = page.frame.top;
  float room = page.window.y - 2 * outer;
  float h = std::min(room, headerHeight + bodyHeight + footerHeight);
  h = std::round(h);
  float top = std::round((page.window.y - h) / 2);
  page.frame.top = top;
  page.frame.height = h;
  float bodyTop = std::round(top + headerHeight);
  float footerTop = std::round(top + h - footerHeight);
  for (Element& e : page.elements) {
    if (e.region == Region::Header) e.rect.top += top;
    if (e.region == Region::Footer) e.rect.top += footerTop;
  }
  page.header = sf::FloatRect(page.frame.left, top, page.frame.width, headerHeight);
  page.body =
      sf::FloatRect(page.frame.left, bodyTop, page.frame.width, std::max(0.f, footerTop - bodyTop));
  page.footer = sf::FloatRect(page.frame.left, footerTop, page.frame.width, footerHeight);
  page.bodyHeight = bodyHeight;
  (void)type;
}

std::string signedNumber(int value) {
  std::string out = value > 0 ? "+" : value < 0 ? "\u2212" : "";
  out += std::to_string(value < 0 ? -value : value);
  return out;
}

}  // namespace trustdaily::game
