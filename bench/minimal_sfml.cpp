// The baseline for the game's first-frame time: open a window, draw one line
// of text, show it, exit. Usage: minimal_sfml FONT.ttf [WxH]
#include <SFML/Graphics.hpp>
#include <cstdio>
#include <string>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: minimal_sfml FONT.ttf [WxH]\n");
    return 2;
  }
  unsigned w = 1280;
  unsigned h = 800;
  if (argc > 2) std::sscanf(argv[2], "%ux%u", &w, &h);
  sf::Font font;
  if (!font.loadFromFile(argv[1])) return 1;
  sf::RenderWindow window(sf::VideoMode(w, h), "minimal");
  sf::Text text("Trust is earned one conversation at a time.", font, 20);
  text.setPosition(40, 40);
  text.setFillColor(sf::Color::Black);
  window.clear(sf::Color::White);
  window.draw(text);
  window.display();
  return 0;
}
