#pragma once
// A fresh folder per test under the system temp folder, removed afterwards.
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace trustdaily::testing {

class ScratchDir {
 public:
  explicit ScratchDir(const std::string& tag = "test") {
    static std::atomic<int> counter{0};
    std::random_device rd;
    // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on "-" + s.
    std::string name = "trustdaily-";
    for (const std::string& part :
         {tag, std::to_string(::getpid()), std::to_string(counter++), std::to_string(rd())}) {
      if (name.back() != '-') name += '-';
      name += part;
    }
    path_ = std::filesystem::temp_directory_path() / name;
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string str() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

}  // namespace trustdaily::testing
