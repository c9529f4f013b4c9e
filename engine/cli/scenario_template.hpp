#pragma once
// The skeleton that `trustdaily new` writes: a small, valid, playable
// scenario (a beat, two decisions with scored choices, a flag and a
// condition, all three endings) whose placeholder text says what to write
// where. It passes `validate --strict` as written; `lint` warns (L011) at
// every placeholder left, so `lint --strict` passes once it is written.
#include <string>

#include "core/framework.hpp"

namespace trustdaily::cli {

struct TemplateParams {
  std::string id;
  std::string partner;    // a framework partner id
  std::string situation;  // kebab-case tag
  std::string schemaRef;  // "$schema" value; empty leaves it out
};

// The file's text (JSON, two-space indent, trailing newline).
std::string scenarioTemplate(const TemplateParams& p, const core::Framework& fw);

}  // namespace trustdaily::cli
