#pragma once
// A laid-out screen as plain data: rectangles for text, buttons, bars and
// boxes. Layout functions build a Page without a window; PageView draws it.
// Tests assert on these rectangles (no overlap, nothing outside the window).
#include <SFML/Graphics/Color.hpp>
#include <SFML/Graphics/Rect.hpp>
#include <SFML/System/String.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "game/ui/typography.hpp"

namespace trustdaily::game {

// Colour roles, resolved against the Palette when drawn.
enum class Tone { Text, Muted, Accent, Positive, Negative, Surface, Border, Track, Custom };

// Header and footer are fixed; the body scrolls inside its rectangle.
enum class Region { Header, Body, Footer };

enum class ElementKind {
  Text,    // wrapped lines
  Button,  // a box with a label; `action` says what it does
  Bar,     // a filled rectangle (meters, charts, colour swatches)
  Box,     // a decoration behind other elements (cards, panels)
};

enum class ButtonStyle { Primary, Secondary, Choice };

struct Element {
  ElementKind kind = ElementKind::Text;
  Region region = Region::Body;
  sf::FloatRect rect;  // Header/Footer: window coordinates; Body: document coordinates
  std::vector<sf::String> lines;
  unsigned charSize = 16;
  bool bold = false;
  float lineHeight = 20;
  std::size_t boldLines = 0;  // leading lines drawn bold (a card's title)
  float padX = 0;             // label inset inside a button
  float padY = 0;
  Tone tone = Tone::Text;
  sf::Color custom;  // Tone::Custom
  int action = -1;   // buttons
  ButtonStyle style = ButtonStyle::Secondary;
};

struct Page {
  sf::Vector2f window;  // window size the page was laid out for
  sf::FloatRect frame;  // the window, or the panel of an overlay
  bool overlay = false;
  sf::FloatRect header;
  sf::FloatRect body;  // visible rectangle of the scrolling body
  sf::FloatRect footer;
  float bodyHeight = 0;  // height of the body's content (document)
  std::vector<Element> elements;

  float maxScroll() const { return bodyHeight > body.height ? bodyHeight - body.height : 0; }
};

// Lays out elements top to bottom in one column of one region.
class Flow {
 public:
  Flow(Page& page, const Typography& type, Region region, float left, float width, float top);

  float top() const { return y_; }
  float left() const { return x_; }
  float width() const { return w_; }
  void gap(float h) { y_ += std::round(h); }
  void moveTo(float y) { y_ = std::round(y); }

  // Wrapped text; returns its element index.
  std::size_t text(const std::string& utf8Text, unsigned size, bool bold, Tone tone,
                   float indent = 0);
  // A full-width (or given width) button with a wrapped label.
  std::size_t button(const std::string& label, int action, ButtonStyle style, float width = 0,
                     unsigned size = 0);
  // A choice button as a card: a bold title, then details. Full width, or
  // `width` wide at the flow's left; `size` 0 is the body size.
  std::size_t cardButton(const std::string& title, const std::string& details, int action,
                         float width = 0, unsigned size = 0);
  // A row of short buttons, wrapping to a new row when full.
  void buttonRow(const std::vector<std::pair<std::string, int>>& buttons, ButtonStyle style);
  std::size_t bar(float x, float y, float w, float h, Tone tone, sf::Color custom = {});

 private:
  Page& page_;
  const Typography& type_;
  Region region_;
  float x_;
  float w_;
  float y_;
};

// The width of one line of text, rounded up to whole pixels.
float textWidth(const Typography& type, unsigned size, bool bold, const std::string& utf8Text);
// One line of text, not wrapped, `width` wide at (x, y): labels and values
// placed beside bars and in grids. Returns its element index.
std::size_t placeLine(Page& page, const Typography& type, Region region, float x, float y,
                      float width, const std::string& utf8Text, unsigned size, bool bold,
                      Tone tone);
// The same, as wide as its text and ending at `right`.
std::size_t placeLineRight(Page& page, const Typography& type, Region region, float right, float y,
                           const std::string& utf8Text, unsigned size, bool bold, Tone tone);

// A box (a card, a panel) behind what is laid out after it; its rect is set
// once its content's bottom is known. Returns its element index.
std::size_t openBox(Page& page, Region region, Tone tone = Tone::Surface);

// A meter or chart row helper shared by screens: label above, track and fill.
struct MeterSpec {
  std::string label;
  float fraction = 0;  // 0..1; -1..1 when `signedBar`
  std::string value;   // drawn right of the label
  Tone fillTone = Tone::Accent;
  sf::Color custom;
  // Drawn from a zero line in the middle of the track: right for a gain,
  // left for a loss.
  bool signedBar = false;
};

// Lays out meters in a grid of cells at least `minCell` wide; returns the
// height used.
float layoutMeters(Page& page, const Typography& type, Region region, float left, float width,
                   float top, const std::vector<MeterSpec>& meters, float minCell);

}  // namespace trustdaily::game
