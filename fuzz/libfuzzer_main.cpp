// libFuzzer entry (clang -fsanitize=fuzzer). FUZZ_TARGET picks the target.
#include "fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  trustdaily::fuzz::FUZZ_TARGET(data, size);
  return 0;
}
