#pragma once
// Watching one file for an editor's save, by polling its identity (inode,
// size, modification time in ns) a few times a second. Catches both a write
// in place and write-temp-then-rename (a new inode at the same path); costs a
// stat() per poll. The App wakes for a poll only while a file is watched.
#include <chrono>
#include <string>

namespace trustdaily::game {

inline constexpr int kWatchIntervalMs = 300;

class FileWatch {
 public:
  using Clock = std::chrono::steady_clock;

  // Starts watching `path` as it is now (an empty path watches nothing).
  void watch(const std::string& path);
  bool active() const { return !path_.empty(); }
  const std::string& path() const { return path_; }

  // Milliseconds until the next poll is due (0 when due now), -1 when idle.
  int msUntilDue(Clock::time_point now) const;
  // When a poll is due: stats the file and returns true when it changed
  // since the last poll. A file that is missing (mid-rename) is not a change
  // until it reappears or stays missing for two polls.
  bool pollIfDue(Clock::time_point now);

 private:
  struct Stamp {
    bool exists = false;
    unsigned long long dev = 0;
    unsigned long long ino = 0;
    long long size = -1;
    long long mtimeNs = 0;
    bool operator==(const Stamp&) const = default;
  };
  static Stamp stampOf(const std::string& path);

  std::string path_;
  Stamp last_;
  int missingPolls_ = 0;
  Clock::time_point due_;
};

}  // namespace trustdaily::game
