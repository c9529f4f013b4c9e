#include "syntax_hint.hpp"

#include <vector>

namespace trustdaily::core {

namespace {

enum class Tok { String, Word, Open, Close, Colon, Comma, Comment, SingleQuoted, Other, End };

struct Token {
  Tok kind = Tok::End;
  std::size_t begin = 0, end = 0;  // [begin, end)
  char bracket = 0;                // for Open / Close
};

bool wordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '+' || c == '.' || c == '_';
}

// A forgiving lexer: it never fails, so it can walk past the parser's stop.
class Lexer {
 public:
  explicit Lexer(const std::string& b) : b_(b) {}
  Token next() {
    while (i_ < b_.size() && (b_[i_] == ' ' || b_[i_] == '\t' || b_[i_] == '\n' || b_[i_] == '\r'))
      ++i_;
    Token t;
    t.begin = i_;
    if (i_ >= b_.size()) {
      t.end = i_;
      return t;
    }
    char c = b_[i_];
    if (c == '"' || c == '\'') {
      ++i_;
      while (i_ < b_.size() && b_[i_] != c && b_[i_] != '\n') i_ += b_[i_] == '\\' ? 2 : 1;
      if (i_ < b_.size() && b_[i_] == c) ++i_;
      t.kind = c == '"' ? Tok::String : Tok::SingleQuoted;
    } else if (c == '/' && i_ + 1 < b_.size() && (b_[i_ + 1] == '/' || b_[i_ + 1] == '*')) {
      bool line = b_[i_ + 1] == '/';
      i_ += 2;
      while (i_ < b_.size() && !(line ? b_[i_] == '\n' : b_.compare(i_, 2, "*/") == 0)) ++i_;
      if (!line && i_ < b_.size()) i_ += 2;
      t.kind = Tok::Comment;
    } else if (c == '{' || c == '[') {
      ++i_;
      t.kind = Tok::Open;
      t.bracket = c;
    } else if (c == '}' || c == ']') {
      ++i_;
      t.kind = Tok::Close;
      t.bracket = c;
    } else if (c == ':' || c == ',') {
      ++i_;
      t.kind = c == ':' ? Tok::Colon : Tok::Comma;
    } else if (wordByte(c)) {
      while (i_ < b_.size() && wordByte(b_[i_])) ++i_;
      t.kind = Tok::Word;
    } else {
      ++i_;
      t.kind = Tok::Other;
    }
    t.end = i_;
    return t;
  }

 private:
  const std::string& b_;
  std::size_t i_ = 0;
};

bool endsValue(const Token& t) {
  return t.kind == Tok::String || t.kind == Tok::Word || t.kind == Tok::Close ||
         t.kind == Tok::SingleQuoted;
}
bool startsValue(const Token& t) {
  return t.kind == Tok::String || t.kind == Tok::Word || t.kind == Tok::Open ||
         t.kind == Tok::SingleQuoted;
}

std::string text(const std::string& b, const Token& t) {
  return b.substr(t.begin, t.end - t.begin);
}

}  // namespace

bool looksLikeUtf16(const std::string& b) {
  if (b.size() >= 2 && ((b[0] == '\xFF' && b[1] == '\xFE') || (b[0] == '\xFE' && b[1] == '\xFF')))
    return true;
  // ASCII written as UTF-16 has a NUL beside every character.
  std::size_t nuls = 0, n = std::min<std::size_t>(b.size(), 64);
  for (std::size_t i = 0; i < n; ++i) nuls += b[i] == '\0';
  return n >= 4 && nuls * 3 >= n;
}

std::optional<SyntaxHint> syntaxHint(const std::string& b, std::size_t errorOffset) {
  Lexer lex(b);
  std::vector<Token> open;  // unclosed brackets
  Token prev, before;       // the two significant tokens before the current one
  for (Token t = lex.next();; t = lex.next()) {
    if (t.kind == Tok::Comment)
      return SyntaxHint{t.begin, "comments are not allowed in JSON; delete the comment"};
    if (t.kind == Tok::SingleQuoted)
      return SyntaxHint{t.begin, "strings and keys need double quotes (\"), not single quotes"};
    const bool unterminated = t.kind == Tok::String && (t.end - t.begin < 2 || b[t.end - 1] != '"');
    if (unterminated && errorOffset <= t.end)
      return SyntaxHint{t.end, "line break inside a string: close it with \" or write \\n"};
    // The token the parser stopped in (or the first one after that point).
    bool here = t.kind == Tok::End || t.end > errorOffset;
    if (here) {
      const bool inObject = !open.empty() && open.back().bracket == '{';
      if (t.kind == Tok::End) {
        if (prev.kind == Tok::Colon)
          return SyntaxHint{prev.end, "a value is missing after " + text(b, before) + ":"};
        if (!open.empty()) {
          const Token& o = open.back();
          return SyntaxHint{o.begin, std::string("the file ends before this '") + o.bracket +
                                         "' is closed: missing '" + (o.bracket == '{' ? '}' : ']') +
                                         "'?"};
        }
        return std::nullopt;
      }
      if (t.kind == Tok::Close && prev.kind == Tok::Comma)
        return SyntaxHint{prev.begin, std::string("trailing comma before '") + t.bracket +
                                          "': delete it (JSON allows no comma after the last " +
                                          (t.bracket == '}' ? "field" : "item") + ")"};
      if ((t.kind == Tok::Comma || t.kind == Tok::Close) && prev.kind == Tok::Colon)
        return SyntaxHint{prev.end, "a value is missing after " + text(b, before) + ":"};
      if (startsValue(t) && endsValue(prev) && prev.kind != Tok::SingleQuoted)
        return SyntaxHint{
            prev.end, std::string("missing ',' between ") + (inObject ? "fields" : "items") + "?"};
      if (t.kind == Tok::Word) {
        std::string w = text(b, t);
        if (w == "True" || w == "False" || w == "TRUE" || w == "FALSE")
          return SyntaxHint{t.begin, "'" + w + "' is not JSON; write true or false (lowercase)"};
        if (w == "None" || w == "NULL" || w == "Null" || w == "nil")
          return SyntaxHint{t.begin, "'" + w + "' is not JSON; write null"};
        if (inObject && (prev.kind == Tok::Open || prev.kind == Tok::Comma))
          return SyntaxHint{t.begin, "keys need double quotes: \"" + w + "\""};
      }
      return std::nullopt;
    }
    if (t.kind == Tok::Open) open.push_back(t);
    if (t.kind == Tok::Close && !open.empty()) open.pop_back();
    before = prev;
    prev = t;
  }
}

}  // namespace trustdaily::core
