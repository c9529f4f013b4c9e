#include "game/platform/x_connection.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>

#include <cstring>
#include <filesystem>
#include <string>

namespace trustdaily::game {
namespace {

bool isXPeer(int fd) {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  if (getpeername(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) return false;
  if (addr.ss_family == AF_UNIX) {
    const auto* un = reinterpret_cast<const sockaddr_un*>(&addr);
    std::size_t n =
        len > offsetof(sockaddr_un, sun_path) ? len - offsetof(sockaddr_un, sun_path) : 0;
    // Abstract names start with a NUL byte.
    std::string path(un->sun_path, std::min(n, sizeof un->sun_path));
    return path.find(".X11-unix/X") != std::string::npos;
  }
  if (addr.ss_family == AF_INET) {
    int port = ntohs(reinterpret_cast<const sockaddr_in*>(&addr)->sin_port);
    return port >= 6000 && port < 6064;
  }
  if (addr.ss_family == AF_INET6) {
    int port = ntohs(reinterpret_cast<const sockaddr_in6*>(&addr)->sin6_port);
    return port >= 6000 && port < 6064;
  }
  return false;
}

}  // namespace

int findXConnectionFd() {
  std::error_code ec;
  int found = -1;
  for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd", ec)) {
    int fd = -1;
    try {
      fd = std::stoi(entry.path().filename().string());
    } catch (const std::exception&) {
      continue;
    }
    if (!isXPeer(fd)) continue;
    if (found >= 0) return -1;  // more than one: cannot tell which is SFML's
    found = fd;
  }
  return found;
}

void waitForInput(int fd, int timeoutMs) {
  pollfd p{};
  p.fd = fd;
  p.events = POLLIN;
  poll(&p, 1, timeoutMs);
}

}  // namespace trustdaily::game
