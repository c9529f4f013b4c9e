#include "field_reader.hpp"

#include <algorithm>
#include <cmath>

#include "suggest.hpp"

namespace trustdaily::core {

namespace {

bool isLowerAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// Words of [a-z0-9]+ joined by single separators from `seps`.
bool matchesWords(const std::string& s, std::string_view seps) {
  if (s.empty()) return false;
  bool prevSep = true;
  for (char c : s) {
    if (isLowerAlnum(c)) {
      prevSep = false;
    } else if (seps.find(c) != std::string_view::npos) {
      if (prevSep) return false;
      prevSep = true;
    } else {
      return false;
    }
  }
  return !prevSep;
}

}  // namespace

bool matchesIdPattern(const std::string& s) { return matchesWords(s, "-"); }
bool matchesNodePattern(const std::string& s) { return matchesWords(s, "-_"); }

std::string_view jsonTypeName(const Json& v) {
  switch (v.type()) {
    case Json::value_t::null:
      return "null";
    case Json::value_t::boolean:
      return "a boolean";
    case Json::value_t::string:
      return "a string";
    case Json::value_t::object:
      return "an object";
    case Json::value_t::array:
      return "an array";
    case Json::value_t::number_float:
      return "a non-integer number";
    default:
      return "an integer";
  }
}

void FieldReader::report(DiagCode code, const std::string& pointer, std::string message,
                         bool atKey) {
  SourcePos pos = atKey ? doc_.posOfKey(pointer) : doc_.posOfValue(pointer);
  out_.push_back(makeDiagnostic(code, file_, pos, pointer, std::move(message)));
}

const Json* FieldReader::member(const Json& obj, const std::string& objPtr, const std::string& name,
                                bool required) {
  auto it = obj.find(name);
  if (it != obj.end()) return &*it;
  if (required)
    reportMissing(DiagCode::MissingField, objPtr, name, "missing required field '" + name + "'");
  return nullptr;
}

void FieldReader::reportMissing(DiagCode code, const std::string& objPtr, const std::string& name,
                                std::string message) {
  missing_[{objPtr, name}] = out_.size();
  report(code, objPtr, std::move(message));
}

void FieldReader::warnUnknown(const Json& obj, const std::string& objPtr,
                              std::initializer_list<std::string_view> known,
                              std::string_view what) {
  std::vector<std::string> names(known.begin(), known.end());
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    if (std::find(known.begin(), known.end(), it.key()) != known.end()) continue;
    std::string ptr = pointerJoin(objPtr, it.key());
    auto near = nearestName(it.key(), names);
    auto gap = near ? missing_.find({objPtr, *near}) : missing_.end();
    if (gap != missing_.end()) {
      // The typo of a missing field: one error, at the typo, instead of a
      // warning here and an unexplained "missing" at the object.
      Diagnostic& d = out_[gap->second];
      d.pos = doc_.posOfKey(ptr);
      d.pointer = ptr;
      d.message = "unknown " + std::string(what) + " field '" + it.key() + "'; did you mean '" +
                  *near + "'? (" + d.message + ")";
      missing_.erase(gap);
      continue;
    }
    report(
        DiagCode::UnknownField, ptr,
        "unknown " + std::string(what) + " field '" + it.key() + "'" + didYouMean(it.key(), names),
        true);
  }
}

std::optional<std::string> FieldReader::stringValue(const Json& v, const std::string& ptr,
                                                    const std::string& what, std::size_t minLen,
                                                    std::size_t maxLen) {
  if (!v.is_string()) {
    report(DiagCode::WrongType, ptr,
           "'" + what + "' must be a string, not " + std::string(jsonTypeName(v)));
    return std::nullopt;
  }
  const auto& s = v.get_ref<const std::string&>();
  std::size_t len = utf8Length(s);
  if (len < minLen || len > maxLen) {
    // A field with no upper limit must not print SIZE_MAX as one.
    std::string limit = maxLen == kNoLengthLimit ? "at least " + std::to_string(minLen)
                        : minLen == maxLen
                            ? std::to_string(minLen)
                            : std::to_string(minLen) + " to " + std::to_string(maxLen);
    std::string msg = len < minLen && len == 0 ? "'" + what + "' is empty"
                                               : "'" + what + "' is " + std::to_string(len) +
                                                     " characters, over the limit";
    report(
        DiagCode::StringLength, ptr,
        msg + " (" + limit + (limit == "at least 1" ? " character" : " characters") + " allowed)");
    return std::nullopt;
  }
  return s;
}

std::optional<std::string> FieldReader::string(const Json& obj, const std::string& objPtr,
                                               const std::string& name, bool required,
                                               std::size_t minLen, std::size_t maxLen) {
  const Json* v = member(obj, objPtr, name, required);
  if (v == nullptr) return std::nullopt;
  return stringValue(*v, pointerJoin(objPtr, name), name, minLen, maxLen);
}

std::optional<int> FieldReader::integerValue(const Json& v, const std::string& ptr,
                                             const std::string& what, long long lo, long long hi) {
  // A whole number written with a zero fraction (2.0) is an integer, as JSON
  // Schema's "integer" says; 2.5 is not.
  if (v.is_number_float()) {
    double d = v.get<double>();
    if (std::isfinite(d) && std::trunc(d) == d && d >= -9.0e15 && d <= 9.0e15)
      return integerValue(Json(static_cast<long long>(d)), ptr, what, lo, hi);
  }
  if (!v.is_number_integer()) {
    report(DiagCode::WrongType, ptr,
           "'" + what + "' must be an integer, not " + std::string(jsonTypeName(v)));
    return std::nullopt;
  }
  // nlohmann stores non-negative literals as unsigned: compare without wrapping.
  bool inRange = false;
  long long value = 0;
  if (v.is_number_unsigned()) {
    auto u = v.get<unsigned long long>();
    inRange = u <= static_cast<unsigned long long>(hi) && static_cast<long long>(u) >= lo;
    value = inRange ? static_cast<long long>(u) : 0;
  } else {
    value = v.get<long long>();
    inRange = value >= lo && value <= hi;
  }
  if (!inRange) {
    report(DiagCode::OutOfRange, ptr,
           "'" + what + "' is " + v.dump() + ", outside " + std::to_string(lo) + " to " +
               std::to_string(hi));
    return std::nullopt;
  }
  return static_cast<int>(value);
}

std::optional<int> FieldReader::integer(const Json& obj, const std::string& objPtr,
                                        const std::string& name, bool required, long long lo,
                                        long long hi) {
  const Json* v = member(obj, objPtr, name, required);
  if (v == nullptr) return std::nullopt;
  return integerValue(*v, pointerJoin(objPtr, name), name, lo, hi);
}

bool FieldReader::isObject(const Json& v, const std::string& ptr, const std::string& what) {
  if (v.is_object()) return true;
  report(DiagCode::WrongType, ptr,
         "'" + what + "' must be an object, not " + std::string(jsonTypeName(v)));
  return false;
}

bool FieldReader::isArray(const Json& v, const std::string& ptr, const std::string& what) {
  if (v.is_array()) return true;
  report(DiagCode::WrongType, ptr,
         "'" + what + "' must be an array, not " + std::string(jsonTypeName(v)));
  return false;
}

}  // namespace trustdaily::core
