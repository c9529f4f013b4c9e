// A plain driver for any compiler: feeds every file of the given corpus
// folders, then seeded random mutations of them, through one fuzz target.
// The sanitizer CI job runs it where clang's libFuzzer is not available.
//   fuzz_driver TARGET ITERATIONS DIR...
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz_targets.hpp"

namespace {

using Target = void (*)(const std::uint8_t*, std::size_t);

Target pick(const std::string& name) {
  using namespace trustdaily::fuzz;
  if (name == "scenario") return scenarioBytes;
  if (name == "progress") return progressBytes;
  if (name == "settings") return settingsBytes;
  if (name == "structure") return scenarioStructure;
  return nullptr;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr,
                 "usage: fuzz_driver scenario|progress|settings|structure ITERATIONS DIR...\n");
    return 2;
  }
  Target target = pick(argv[1]);
  if (!target) return 2;
  long iterations = std::atol(argv[2]);
  std::vector<std::string> corpus;
  for (int i = 3; i < argc; ++i) {
    std::error_code ec;
    for (const auto& e : std::filesystem::recursive_directory_iterator(argv[i], ec)) {
      if (!e.is_regular_file()) continue;
      std::ifstream in(e.path(), std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      corpus.push_back(ss.str());
    }
  }
  if (corpus.empty()) corpus.push_back("{}");
  for (const auto& c : corpus) target(reinterpret_cast<const std::uint8_t*>(c.data()), c.size());
  std::uint64_t r = 0x1234567;
  auto next = [&r] {
    r = r * 6364136223846793005ULL + 1442695040888963407ULL;
    return r >> 33;
  };
  for (long i = 0; i < iterations; ++i) {
    std::string s = corpus[next() % corpus.size()];
    int edits = 1 + static_cast<int>(next() % 8);
    for (int e = 0; e < edits && !s.empty(); ++e) {
      std::size_t at = next() % s.size();
      switch (next() % 4) {
        case 0:
          s[at] = static_cast<char>(next());
          break;
        case 1:
          s.erase(at, 1 + next() % 16);
          break;
        case 2:
          s.insert(at, s.substr(next() % s.size(), next() % 32));
          break;
        default:
          s.resize(at);
          break;
      }
    }
    target(reinterpret_cast<const std::uint8_t*>(s.data()), s.size());
  }
  std::printf("%s: %zu corpus files and %ld mutations, no failure\n", argv[1], corpus.size(),
              iterations);
  return 0;
}
