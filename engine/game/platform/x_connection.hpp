#pragma once
// Blocking on the X connection instead of sf::Window::waitEvent, which polls
// every 10 ms (about 0.5-1.5 % of a core while idle). SFML does not expose its
// Display, so the connection is found among the process' sockets by its peer
// address (/tmp/.X11-unix/X<n>, or TCP port 6000+n).

namespace trustdaily::game {

// The file descriptor of the X connection, or -1 when none is recognised
// (callers then fall back to waitEvent).
int findXConnectionFd();

// Sleeps until the connection has input or timeoutMs passes.
void waitForInput(int fd, int timeoutMs);

}  // namespace trustdaily::game
