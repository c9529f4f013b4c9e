#include "game/platform/file_watch.hpp"

#include <sys/stat.h>

namespace trustdaily::game {

FileWatch::Stamp FileWatch::stampOf(const std::string& path) {
  Stamp s;
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return s;
  s.exists = true;
  s.dev = static_cast<unsigned long long>(st.st_dev);
  s.ino = static_cast<unsigned long long>(st.st_ino);
  s.size = static_cast<long long>(st.st_size);
  s.mtimeNs = static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
  return s;
}

void FileWatch::watch(const std::string& path) {
  path_ = path;
  last_ = path.empty() ? Stamp{} : stampOf(path);
  missingPolls_ = 0;
  due_ = Clock::now() + std::chrono::milliseconds(kWatchIntervalMs);
}

int FileWatch::msUntilDue(Clock::time_point now) const {
  if (!active()) return -1;
  if (now >= due_) return 0;
  auto ms = std::chrono::ceil<std::chrono::milliseconds>(due_ - now).count();
  return static_cast<int>(ms);
}

bool FileWatch::pollIfDue(Clock::time_point now) {
  if (!active() || now < due_) return false;
  due_ = now + std::chrono::milliseconds(kWatchIntervalMs);
  Stamp s = stampOf(path_);
  if (!s.exists && last_.exists && ++missingPolls_ < 2) return false;  // mid-rename
  missingPolls_ = 0;
  if (s == last_) return false;
  last_ = s;
  return true;
}

}  // namespace trustdaily::game
