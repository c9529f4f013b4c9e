#include "json_source.hpp"

#include <algorithm>
#include <iterator>
#include <set>

#include "syntax_hint.hpp"

namespace trustdaily::core {

namespace {

// A const char* iterator that publishes how far the lexer has read. The
// lexer reads one byte at a time and never seeks back, so after each SAX
// event `*cursor` is just past the token that produced it (plus, for
// numbers, one byte of lookahead).
class TrackingIterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  TrackingIterator(const char* p, const char** cursor) : p_(p), cursor_(cursor) {}
  reference operator*() const { return *p_; }
  TrackingIterator& operator++() {
    ++p_;
    if (cursor_ != nullptr) *cursor_ = p_;
    return *this;
  }
  TrackingIterator operator++(int) {
    TrackingIterator old = *this;
    ++*this;
    return old;
  }
  bool operator==(const TrackingIterator& o) const { return p_ == o.p_; }
  bool operator!=(const TrackingIterator& o) const { return p_ != o.p_; }

 private:
  const char* p_;
  const char** cursor_;
};

bool isNumberByte(char c) {
  return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

// The SAX handler: builds an ordered DOM, tracks the pointer of every value,
// finds token starts by scanning back from the lexer's cursor.
class PositionHandler {
 public:
  PositionHandler(const std::string& bytes, const std::string& file, const char** cursor,
                  PositionedJson& out)
      : bytes_(bytes), file_(file), cursor_(cursor), out_(out), lines_(bytes) {}

  bool null() { return addValue(Json(nullptr), literalStart(4)); }
  bool boolean(bool v) { return addValue(Json(v), literalStart(v ? 4 : 5)); }
  bool number_integer(Json::number_integer_t v) { return addValue(Json(v), numberStart()); }
  bool number_unsigned(Json::number_unsigned_t v) { return addValue(Json(v), numberStart()); }
  bool number_float(Json::number_float_t v, const std::string&) {
    return addValue(Json(v), numberStart());
  }
  bool string(std::string& v) { return addValue(Json(std::move(v)), stringStart()); }
  bool binary(Json::binary_t&) { return false; }  // not produced by the JSON lexer

  bool start_object(std::size_t) { return openContainer(Json::object()); }
  bool start_array(std::size_t) { return openContainer(Json::array()); }
  bool end_object() { return closeContainer(); }
  bool end_array() { return closeContainer(); }

  bool key(std::string& k) {
    Frame& f = frames_.back();
    std::size_t start = stringStart();
    std::string ptr = pointerJoin(f.pointer, k);
    if (!f.keys.insert(k).second) {
      Diagnostic d = makeDiagnostic(DiagCode::DuplicateKey, file_, lines_.at(start), ptr,
                                    "duplicate key '" + k + "'");
      if (auto first = out_.keyPos.find(ptr); first != out_.keyPos.end())
        d.notes.push_back(DiagnosticNote{file_, first->second, "first defined here"});
      out_.diagnostics.push_back(std::move(d));
    }
    out_.keyPos[ptr] = lines_.at(start);
    f.pendingKey = std::move(k);
    return true;
  }

  bool parse_error(std::size_t byte, const std::string&, const nlohmann::detail::exception& ex) {
    std::size_t at = byte > 0 ? byte - 1 : 0;
    if (ex.id == 406) at = numberStart();  // out-of-range number: point at its start
    std::string message = cleanMessage(ex);
    if (ex.id != 406) {
      // Say the usual hand-writing mistakes in an author's words, at the fix.
      if (auto hint = syntaxHint(bytes_, std::min(at, bytes_.size()))) {
        at = hint->offset;
        message = "JSON syntax error: " + hint->message;
      }
    }
    out_.diagnostics.push_back(makeDiagnostic(DiagCode::JsonSyntax, file_,
                                              lines_.at(std::min(at, bytes_.size())),
                                              currentPointer(), message));
    return false;
  }

  bool stoppedForDepth() const { return stoppedForDepth_; }

 private:
  struct Frame {
    Json* value;
    std::string pointer;
    std::set<std::string> keys;
    std::string pendingKey;
  };

  std::size_t consumed() const { return static_cast<std::size_t>(*cursor_ - bytes_.data()); }
  std::size_t literalStart(std::size_t len) const {
    std::size_t end = consumed();
    return end >= len ? end - len : 0;
  }
  std::size_t numberStart() const {
    std::size_t i = consumed();
    while (i > 0 && !isNumberByte(bytes_[i - 1])) --i;
    while (i > 0 && isNumberByte(bytes_[i - 1])) --i;
    return i;
  }
  // The lexer stops right after the closing quote; walk back to the opening
  // quote, skipping quotes that are escaped by an odd run of backslashes.
  std::size_t stringStart() const {
    std::size_t end = consumed();
    if (end == 0) return 0;
    std::size_t i = end - 1;  // closing quote
    while (i > 0) {
      --i;
      if (bytes_[i] != '"') continue;
      std::size_t slashes = 0;
      while (i >= slashes + 1 && bytes_[i - slashes - 1] == '\\') ++slashes;
      if (slashes % 2 == 0) return i;
    }
    return 0;
  }

  std::string currentPointer() const {
    if (frames_.empty()) return "";
    const Frame& f = frames_.back();
    if (f.value->is_object())
      return f.pendingKey.empty() ? f.pointer : pointerJoin(f.pointer, f.pendingKey);
    return pointerJoin(f.pointer, f.value->size());
  }

  // Places a value in its parent and returns where it lives.
  std::pair<Json*, std::string> place(Json&& v) {
    if (frames_.empty()) {
      out_.root = std::move(v);
      return {&out_.root, ""};
    }
    Frame& f = frames_.back();
    if (f.value->is_object()) {
      std::string ptr = pointerJoin(f.pointer, f.pendingKey);
      Json& slot = (*f.value)[f.pendingKey];
      slot = std::move(v);
      // A syntax error after this value belongs to the object, not the member.
      f.pendingKey.clear();
      return {&slot, ptr};
    }
    std::string ptr = pointerJoin(f.pointer, f.value->size());
    f.value->push_back(std::move(v));
    return {&f.value->back(), ptr};
  }

  bool addValue(Json&& v, std::size_t start) {
    auto [slot, ptr] = place(std::move(v));
    (void)slot;
    out_.valuePos[ptr] = lines_.at(start);
    return true;
  }

  bool openContainer(Json&& v) {
    std::size_t start = consumed() > 0 ? consumed() - 1 : 0;
    if (frames_.size() >= kMaxDepth) {
      out_.diagnostics.push_back(
          makeDiagnostic(DiagCode::JsonTooDeep, file_, lines_.at(start), currentPointer(),
                         "JSON nested deeper than " + std::to_string(kMaxDepth) + " levels"));
      stoppedForDepth_ = true;
      return false;
    }
    auto [slot, ptr] = place(std::move(v));
    out_.valuePos[ptr] = lines_.at(start);
    frames_.push_back(Frame{slot, ptr, {}, {}});
    return true;
  }

  bool closeContainer() {
    frames_.pop_back();
    return true;
  }

  static std::string cleanMessage(const nlohmann::detail::exception& ex) {
    // "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error while
    // parsing value - invalid literal; last read: 'tru'" -> keep what follows the position.
    std::string what = ex.what();
    if (ex.id == 406) return "number out of range";
    auto colon = what.find(": ");
    if (colon != std::string::npos) what = what.substr(colon + 2);
    const std::string prefix = "syntax error while parsing ";
    if (what.rfind(prefix, 0) == 0) what = what.substr(prefix.size());
    // Control bytes from the lexer's "last read" echo must not reach a terminal.
    std::string clean;
    for (unsigned char c : what) {
      if (c < 0x20 || c >= 0x80) {  // the lexer's echo may hold invalid UTF-8
        clean += "\\x";
        const char* hex = "0123456789abcdef";
        clean += hex[c >> 4];
        clean += hex[c & 15];
      } else {
        clean += static_cast<char>(c);
      }
    }
    return "JSON syntax error: " + clean;
  }

  const std::string& bytes_;
  const std::string& file_;
  const char** cursor_;
  PositionedJson& out_;
  LineIndex lines_;
  std::vector<Frame> frames_;
  bool stoppedForDepth_ = false;
};

}  // namespace

LineIndex::LineIndex(const std::string& bytes) {
  lineStarts_.push_back(0);
  for (std::size_t i = 0; i < bytes.size(); ++i)
    if (bytes[i] == '\n') lineStarts_.push_back(i + 1);
}

SourcePos LineIndex::at(std::size_t offset) const {
  auto it = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset);
  std::size_t line = static_cast<std::size_t>(it - lineStarts_.begin());  // >= 1
  return SourcePos{static_cast<int>(line), static_cast<int>(offset - lineStarts_[line - 1] + 1)};
}

std::string pointerJoin(const std::string& base, const std::string& token) {
  std::string out = base;
  out += '/';
  for (char c : token) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

std::string pointerJoin(const std::string& base, std::size_t index) {
  return base + "/" + std::to_string(index);
}

std::size_t utf8Length(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

SourcePos PositionedJson::posOfValue(const std::string& pointer) const {
  auto it = valuePos.find(pointer);
  if (it != valuePos.end()) return it->second;
  return SourcePos{};
}

SourcePos PositionedJson::posOfKey(const std::string& pointer) const {
  auto it = keyPos.find(pointer);
  if (it != keyPos.end()) return it->second;
  return posOfValue(pointer);
}

PositionedJson parsePositioned(const std::string& bytes, const std::string& file) {
  PositionedJson out;
  auto fail = [&](DiagCode code, std::string msg) {
    out.diagnostics.push_back(makeDiagnostic(code, file, SourcePos{}, "", std::move(msg)));
    return out;
  };
  if (bytes.size() > kMaxFileBytes)
    return fail(DiagCode::FileTooLarge, "file is " + std::to_string(bytes.size()) +
                                            " bytes, over the 1 MiB limit (1048576 bytes)");
  bool onlyBom = bytes.size() == 3 && bytes == "\xEF\xBB\xBF";
  if (bytes.empty() || onlyBom) return fail(DiagCode::FileEmpty, "file is empty");
  if (looksLikeUtf16(bytes))
    return fail(DiagCode::JsonSyntax, "this file is UTF-16; save it as UTF-8");

  const char* cursor = bytes.data();
  PositionHandler handler(bytes, file, &cursor, out);
  TrackingIterator first(bytes.data(), &cursor);
  TrackingIterator last(bytes.data() + bytes.size(), nullptr);
  try {
    Json::sax_parse(first, last, &handler);
  } catch (const nlohmann::json::exception& ex) {
    // sax_parse reports through parse_error(); this is a safety net only.
    out.diagnostics.push_back(makeDiagnostic(DiagCode::JsonSyntax, file, SourcePos{}, "",
                                             std::string("JSON error: ") + ex.what()));
  }
  if (out.ok() && !out.root.is_object()) {
    out.diagnostics.push_back(makeDiagnostic(DiagCode::TopLevelNotObject, file, out.posOfValue(""),
                                             "", "top level must be a JSON object"));
  }
  return out;
}

}  // namespace trustdaily::core
