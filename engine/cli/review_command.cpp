// trustdaily review [--date D] [--data-dir DIR] [--scenarios DIR]: the due
// review items in the terminal (play_text.cpp plays them).
#include <iostream>

#include "commands.hpp"
#include "play_text.hpp"

namespace trustdaily::cli {

int runReview(const ReviewOptions& o) {
  return runTextReview({o.date, o.dataDir, o.scenarios}, std::cin, std::cout);
}

}  // namespace trustdaily::cli
