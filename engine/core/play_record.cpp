#include "play_record.hpp"

#include <ctime>

namespace trustdaily::core {

std::string_view playKindName(PlayKind k) {
  switch (k) {
    case PlayKind::Daily:
      return "daily";
    case PlayKind::Late:
      return "late";
    case PlayKind::Practice:
      return "practice";
    case PlayKind::Replay:
      return "replay";
  }
  return "daily";
}

std::optional<PlayKind> playKindFromName(std::string_view name) {
  for (PlayKind k : {PlayKind::Daily, PlayKind::Late, PlayKind::Practice, PlayKind::Replay})
    if (playKindName(k) == name) return k;
  return std::nullopt;
}

std::optional<int> DecisionRecord::pointsLost() const {
  if (!firstScore || !bestScore) return std::nullopt;
  return *bestScore - *firstScore;
}

std::string scoreText(const PlayScore& score, int bestTotal) {
  std::string out = std::to_string(score.percent) + " %";
  if (score.total < 0) {
    out += " (";
    out += std::to_string(score.total);
    out += " of " + std::to_string(bestTotal) + ")";
  }
  return out;
}

std::string resultLine(const PlayRecord& play) {
  std::string out = scoreText(play.firstTry, play.bestTotal);
  if (play.retries > 0) {
    out += " \u00B7 " + std::to_string(play.retries) + (play.retries == 1 ? " retry" : " retries");
    out += " (retries reached " + scoreText(play.reached, play.bestTotal) + ")";
  }
  return out;
}

std::string localTimestamp() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char buf[64];
  std::size_t n = std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S%z", &local);  // ...+0200
  if (n < 5) return std::string(buf, n);
  std::string s(buf, n - 2);  // ...+02:00, the extended form
  s += ':';
  s.append(buf + n - 2, 2);
  return s;
}

}  // namespace trustdaily::core
