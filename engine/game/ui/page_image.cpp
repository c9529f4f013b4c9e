#include "game/ui/page_image.hpp"

#include <SFML/Graphics/RenderTexture.hpp>
#include <cstdio>
#include <filesystem>

#include "game/ui/page_view.hpp"

namespace trustdaily::game {

std::string savePageImage(const Page& page, const Typography& type, const Palette& palette,
                          const std::string& path) {
  namespace fs = std::filesystem;
  const unsigned w = static_cast<unsigned>(page.window.x);
  const unsigned h = static_cast<unsigned>(page.window.y);
  sf::RenderTexture canvas;
  if (w == 0 || h == 0 || !canvas.create(w, h))
    return "cannot draw the card (no off-screen drawing here)";
  canvas.setSmooth(true);
  PageView view;
  view.setPage(page, type, palette);
  canvas.clear(palette.background);
  view.draw(canvas);
  canvas.display();
  const sf::Image image = canvas.getTexture().copyToImage();
  std::error_code ec;
  const fs::path target(path);
  fs::create_directories(target.parent_path(), ec);
  if (ec) return "cannot create " + target.parent_path().string() + ": " + ec.message();
  // sf::Image picks the format by the extension: the temporary ends in .png.
  const fs::path temp = target.string() + ".partial.png";
  if (!image.saveToFile(temp.string())) {
    fs::remove(temp, ec);
    return "cannot write " + temp.string();
  }
  fs::rename(temp, target, ec);
  if (ec) {
    fs::remove(temp, ec);
    return "cannot save " + target.string();
  }
  return {};
}

}  // namespace trustdaily::game
