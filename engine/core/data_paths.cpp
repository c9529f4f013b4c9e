#include "data_paths.hpp"

#include <unistd.h>

#include <array>
#include <cstdlib>
#include <filesystem>

namespace trustdaily::core {

namespace fs = std::filesystem;

namespace {

std::string& overrideSlot() {
  static std::string path;
  return path;
}

bool isDir(const fs::path& p) {
  std::error_code ec;
  return fs::is_directory(p, ec);
}

}  // namespace

std::string executableDir() {
  std::array<char, 4096> buf{};
  ssize_t n = readlink("/proc/self/exe", buf.data(), buf.size() - 1);
  if (n <= 0) return {};
  return fs::path(std::string(buf.data(), static_cast<std::size_t>(n))).parent_path().string();
}

std::string dataDir() {
  if (const char* env = std::getenv("TRUSTDAILY_DATA_DIR"); env && *env) return env;
  std::string exe = executableDir();
  if (exe.empty()) return {};
  for (const fs::path& candidate :
       {fs::path(exe) / ".." / "share" / "trustdaily", fs::path(exe) / "share" / "trustdaily"}) {
    if (isDir(candidate / "scenarios")) return candidate.lexically_normal().string();
  }
  return {};
}

std::string shippedScenariosDir() {
  if (const char* env = std::getenv("TRUSTDAILY_SCENARIOS"); env && *env) return env;
  std::string data = dataDir();
  return data.empty() ? std::string() : (fs::path(data) / "scenarios").string();
}

void setFrameworkOverride(std::string path) { overrideSlot() = std::move(path); }

const std::string& frameworkOverride() { return overrideSlot(); }

}  // namespace trustdaily::core
