// screenshot_check FILE.png [--size WxH] [--margin PX] [--min-ink FRACTION]
// Fails (exit 1) when the image is blank (less than min-ink of its pixels
// differ from the background, the most common colour) or when anything but
// the background is drawn within `margin` pixels of the left or right edge
// or the bottom (rows that are one colour across the whole width, such as
// separators, are allowed). Prints what it measured.
#include <SFML/Graphics/Image.hpp>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr,
                 "usage: screenshot_check FILE.png [--size WxH] [--margin PX] [--min-ink F]\n");
    return 2;
  }
  unsigned wantW = 0;
  unsigned wantH = 0;
  unsigned margin = 6;
  double minInk = 0.01;
  for (int i = 2; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--size") == 0) std::sscanf(argv[i + 1], "%ux%u", &wantW, &wantH);
    if (std::strcmp(argv[i], "--margin") == 0)
      margin = static_cast<unsigned>(std::atoi(argv[i + 1]));
    if (std::strcmp(argv[i], "--min-ink") == 0) minInk = std::atof(argv[i + 1]);
  }
  sf::Image img;
  if (!img.loadFromFile(argv[1])) return 1;
  sf::Vector2u size = img.getSize();
  if (wantW != 0 && (size.x != wantW || size.y != wantH)) {
    std::printf("FAIL size %ux%u, expected %ux%u\n", size.x, size.y, wantW, wantH);
    return 1;
  }
  std::map<sf::Uint32, std::size_t> counts;
  for (unsigned y = 0; y < size.y; ++y) {
    for (unsigned x = 0; x < size.x; ++x) ++counts[img.getPixel(x, y).toInteger()];
  }
  sf::Uint32 bg = 0;
  std::size_t most = 0;
  for (const auto& [c, n] : counts) {
    if (n > most) {
      most = n;
      bg = c;
    }
  }
  double total = static_cast<double>(size.x) * size.y;
  double ink = 1.0 - static_cast<double>(most) / total;
  // The spread of the pixels' grey levels: 0 for a blank image.
  double sum = 0;
  double sumSq = 0;
  for (const auto& [c, n] : counts) {
    const sf::Color px(c);
    const double grey = 0.299 * px.r + 0.587 * px.g + 0.114 * px.b;
    sum += grey * static_cast<double>(n);
    sumSq += grey * grey * static_cast<double>(n);
  }
  const double mean = sum / total;
  const double stddev = std::sqrt(std::max(0.0, sumSq / total - mean * mean));
  std::printf("size %ux%u, background #%08X, ink %.3f, colours %zu, stddev %.1f\n", size.x,
              size.y, bg, ink, counts.size(), stddev);
  if (ink < minInk || counts.size() < 8) {
    std::printf("FAIL the screenshot is blank\n");
    return 1;
  }
  auto uniformRow = [&](unsigned y) {
    sf::Uint32 first = img.getPixel(0, y).toInteger();
    for (unsigned x = 1; x < size.x; ++x) {
      if (img.getPixel(x, y).toInteger() != first) return false;
    }
    return true;
  };
  std::size_t outside = 0;
  for (unsigned y = 0; y < size.y; ++y) {
    bool rowChecked = false;
    for (unsigned x = 0; x < size.x; ++x) {
      bool edge = x < margin || x + margin >= size.x || y + margin >= size.y;
      if (!edge || img.getPixel(x, y).toInteger() == bg) continue;
      if (!rowChecked) {
        rowChecked = true;
        if (uniformRow(y)) break;
      }
      ++outside;
    }
  }
  if (outside > 0) {
    std::printf("FAIL %zu pixels drawn within %u px of the window's edge\n", outside, margin);
    return 1;
  }
  std::printf("OK\n");
  return 0;
}
