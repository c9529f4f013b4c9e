// JSON syntax errors said in an author's words, at the place the fix goes,
// and the caret excerpt that follows a diagnostic on a terminal.
#include <doctest/doctest.h>

#include <string>

#include "core/json_source.hpp"
#include "support/print_vectors.hpp"

using namespace trustdaily;

namespace {

// The one syntax diagnostic of `text`, formatted.
std::string syntax(const std::string& text) {
  core::PositionedJson doc = core::parsePositioned(text, "s.json");
  REQUIRE(doc.diagnostics.size() == 1);
  return core::formatText(doc.diagnostics.front());
}

}  // namespace

TEST_CASE("a missing comma is reported after the value it should follow") {
  // The parser stops at the end of "cast" (5:8); the comma belongs at 4:18.
  CHECK(syntax("{\n  \"format\": 1,\n  \"id\": \"x\",\n  \"difficulty\": 2\n  \"cast\": {}\n}\n") ==
        "s.json:4:18: error: JSON syntax error: missing ',' between fields? [E004]");
  CHECK(syntax("{\"a\": [\n  {\"x\": 1}\n  {\"y\": 2}\n]}") ==
        "s.json:2:11: error: JSON syntax error: missing ',' between items? (/a/1) [E004]");
}

TEST_CASE("a trailing comma is reported at the comma") {
  CHECK(syntax("{\n  \"a\": 1,\n}\n") ==
        "s.json:2:9: error: JSON syntax error: trailing comma before '}': delete it (JSON allows "
        "no comma after the last field) [E004]");
  CHECK(syntax("{\"a\": [1, 2,]}") ==
        "s.json:1:12: error: JSON syntax error: trailing comma before ']': delete it (JSON allows "
        "no comma after the last item) (/a/2) [E004]");
}

TEST_CASE("comments, single quotes, unquoted keys and Python literals are named") {
  CHECK(syntax("{\n  \"a\": 1, // why\n  \"b\": 2\n}") ==
        "s.json:2:11: error: JSON syntax error: comments are not allowed in JSON; delete the "
        "comment [E004]");
  CHECK(syntax("{\"a\": 1 /* block */}") ==
        "s.json:1:9: error: JSON syntax error: comments are not allowed in JSON; delete the "
        "comment [E004]");
  CHECK(syntax("{'a': 1}") ==
        "s.json:1:2: error: JSON syntax error: strings and keys need double quotes (\"), not "
        "single quotes [E004]");
  CHECK(syntax("{\n  format: 1\n}") ==
        "s.json:2:3: error: JSON syntax error: keys need double quotes: \"format\" [E004]");
  CHECK(syntax("{\"a\": True}") ==
        "s.json:1:7: error: JSON syntax error: 'True' is not JSON; write true or false "
        "(lowercase) (/a) [E004]");
  CHECK(syntax("{\"a\": None}") ==
        "s.json:1:7: error: JSON syntax error: 'None' is not JSON; write null (/a) [E004]");
}

TEST_CASE("a missing value, an unclosed bracket and a line break in a string") {
  CHECK(syntax("{\"a\": , \"b\": 1}") ==
        "s.json:1:6: error: JSON syntax error: a value is missing after \"a\": (/a) [E004]");
  CHECK(syntax("{\n  \"a\": {\n    \"b\": 1\n") ==
        "s.json:2:8: error: JSON syntax error: the file ends before this '{' is closed: missing "
        "'}'? (/a) [E004]");
  CHECK(syntax("{\"a\": \"one\ntwo\"}") ==
        "s.json:1:11: error: JSON syntax error: line break inside a string: close it with \" or "
        "write \\n (/a) [E004]");
}

TEST_CASE("a UTF-16 file is told to be saved as UTF-8") {
  std::string le = std::string("\xFF\xFE{\0\"\0a\0\"\0:\0 \x31\0}\0", 18);
  CHECK(syntax(le) == "s.json:1:1: error: this file is UTF-16; save it as UTF-8 [E004]");
  std::string noBom = std::string(
      "{\0\"\0a\0\"\0:\0 \0"
      "1\0}\0",
      16);
  CHECK(syntax(noBom) == "s.json:1:1: error: this file is UTF-16; save it as UTF-8 [E004]");
}

TEST_CASE("other syntax errors keep the parser's words") {
  CHECK(syntax("{\"a\": 1e999}") == "s.json:1:7: error: number out of range (/a) [E004]");
  CHECK(syntax("{\"a\": @}").find("JSON syntax error: value - invalid literal") !=
        std::string::npos);
}

TEST_CASE("a duplicate key carries a note at its first definition") {
  core::PositionedJson doc = core::parsePositioned("{\n  \"a\": 1,\n  \"a\": 2\n}", "d.json");
  REQUIRE(doc.diagnostics.size() == 1);
  const core::Diagnostic& d = doc.diagnostics.front();
  CHECK(core::formatText(d) == "d.json:3:3: error: duplicate key 'a' (/a) [E006]");
  REQUIRE(d.notes.size() == 1);
  CHECK(core::formatText(d.notes.front()) == "d.json:2:3: note: first defined here");
  CHECK(core::formatJson({d}).find("\"notes\"") != std::string::npos);
}

TEST_CASE("the excerpt shows the line and a caret under the column, by code points") {
  CHECK(core::sourceExcerpt("  \"next\": \"apporve\",", core::SourcePos{1, 11}) ==
        "      \"next\": \"apporve\",\n"
        "              ^");
  // "é" is two bytes but one column; a tab stays a tab so the caret lines up.
  CHECK(core::sourceExcerpt("\t\"é\": x", core::SourcePos{1, 8}) ==
        "    \t\"é\": x\n"
        "    \t     ^");
  CHECK(core::sourceExcerpt("x\r", core::SourcePos{1, 1}) == "    x\n    ^");
}
