#pragma once
// Typed access to a positioned JSON document that reports every problem as a
// located diagnostic and carries on, so one pass finds all field errors.
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostic.hpp"
#include "json_source.hpp"

namespace trustdaily::core {

// maxLen of a string with no upper limit.
inline constexpr std::size_t kNoLengthLimit = static_cast<std::size_t>(-1);

class FieldReader {
 public:
  FieldReader(const PositionedJson& doc, std::string file, std::vector<Diagnostic>& out)
      : doc_(doc), file_(std::move(file)), out_(out) {}

  void report(DiagCode code, const std::string& pointer, std::string message, bool atKey = false);
  // Reports a missing field of the object at `objPtr`; a later warnUnknown
  // on that object turns it into one diagnostic at a key that looks like a
  // typo of `name` ("feedbak").
  void reportMissing(DiagCode code, const std::string& objPtr, const std::string& name,
                     std::string message);

  // The member, or null; a missing required member is reported at the object.
  const Json* member(const Json& obj, const std::string& objPtr, const std::string& name,
                     bool required);
  // Reports every member not in `known` as an unknown field (warning), with
  // the nearest known name; call it after the object's required fields.
  void warnUnknown(const Json& obj, const std::string& objPtr,
                   std::initializer_list<std::string_view> known, std::string_view what);

  std::optional<std::string> string(const Json& obj, const std::string& objPtr,
                                    const std::string& name, bool required, std::size_t minLen,
                                    std::size_t maxLen);
  // Validates an already-fetched value as a string of bounded length.
  std::optional<std::string> stringValue(const Json& v, const std::string& ptr,
                                         const std::string& what, std::size_t minLen,
                                         std::size_t maxLen);
  std::optional<int> integer(const Json& obj, const std::string& objPtr, const std::string& name,
                             bool required, long long lo, long long hi);
  std::optional<int> integerValue(const Json& v, const std::string& ptr, const std::string& what,
                                  long long lo, long long hi);
  // Checks `v` is an object / array and reports a wrong type otherwise.
  bool isObject(const Json& v, const std::string& ptr, const std::string& what);
  bool isArray(const Json& v, const std::string& ptr, const std::string& what);

  const std::string& file() const { return file_; }

 private:
  const PositionedJson& doc_;
  std::string file_;
  std::vector<Diagnostic>& out_;
  // (object pointer, field name) -> index in out_ of its "missing" report.
  std::map<std::pair<std::string, std::string>, std::size_t> missing_;
};

std::string_view jsonTypeName(const Json& v);
bool matchesIdPattern(const std::string& s);    // ^[a-z0-9]+(-[a-z0-9]+)*$
bool matchesNodePattern(const std::string& s);  // ^[a-z0-9]+([-_][a-z0-9]+)*$

}  // namespace trustdaily::core
