// --keys words become the same events the keyboard and mouse produce.
#include <doctest/doctest.h>

#include "game/app/key_script.hpp"

using namespace trustdaily::game;

TEST_CASE("key words map to key presses, ? to text and mouse words to mouse events") {
  std::vector<sf::Event> ev;
  std::string error;
  REQUIRE(parseKeyScript("1 Enter esc pagedown ? click:10,20 wheel:-2", ev, &error));
  REQUIRE(ev.size() == 10);
  CHECK(ev[0].type == sf::Event::KeyPressed);
  CHECK(ev[0].key.code == sf::Keyboard::Num1);
  CHECK(ev[1].key.code == sf::Keyboard::Enter);
  CHECK(ev[2].key.code == sf::Keyboard::Escape);
  CHECK(ev[3].type == sf::Event::KeyReleased);  // a scripted Esc is a whole press
  CHECK(ev[3].key.code == sf::Keyboard::Escape);
  CHECK(ev[4].key.code == sf::Keyboard::PageDown);
  CHECK(ev[5].type == sf::Event::TextEntered);
  CHECK(ev[6].type == sf::Event::MouseMoved);
  CHECK(ev[7].type == sf::Event::MouseButtonPressed);
  CHECK(ev[7].mouseButton.x == 10);
  CHECK(ev[8].type == sf::Event::MouseButtonReleased);
  CHECK(ev[9].type == sf::Event::MouseWheelScrolled);
  CHECK(ev[9].mouseWheelScroll.delta == -2);
  CHECK(ev[9].mouseWheelScroll.y == 20);
}

TEST_CASE("hold:KEY:N is a key held down: N repeated presses, then one release") {
  std::vector<sf::Event> ev;
  std::string error;
  REQUIRE(parseKeyScript("hold:esc:3", ev, &error));
  REQUIRE(ev.size() == 4);
  for (int i = 0; i < 3; ++i) CHECK(ev[i].type == sf::Event::KeyPressed);
  CHECK(ev[3].type == sf::Event::KeyReleased);
  CHECK_FALSE(parseKeyScript("hold:esc", ev, &error));
  CHECK(error.find("hold:KEY:N") != std::string::npos);
  CHECK_FALSE(parseKeyScript("hold:nokey:3", ev, &error));
}

TEST_CASE("an unknown key word is an error that names it") {
  std::vector<sf::Event> ev;
  std::string error;
  CHECK_FALSE(parseKeyScript("1 entr", ev, &error));
  CHECK(error.find("entr") != std::string::npos);
}

TEST_CASE("test steps wait:, shot: and dump: sit between events, in order") {
  std::vector<ScriptStep> steps;
  std::string error;
  REQUIRE(parseScript("1 F2 wait:250 shot:/tmp/A.png dump:/tmp/S.json F5", steps, &error));
  REQUIRE(steps.size() == 6);
  CHECK(steps[0].kind == ScriptStep::Kind::Event);
  CHECK(steps[1].event.key.code == sf::Keyboard::F2);
  CHECK(steps[2].kind == ScriptStep::Kind::Wait);
  CHECK(steps[2].ms == 250);
  CHECK(steps[3].kind == ScriptStep::Kind::Shot);
  CHECK(steps[3].path == "/tmp/A.png");  // paths keep their case
  CHECK(steps[4].kind == ScriptStep::Kind::Dump);
  CHECK(steps[5].event.key.code == sf::Keyboard::F5);

  CHECK_FALSE(parseScript("wait:soon", steps, &error));
  CHECK(error.find("wait:soon") != std::string::npos);
  CHECK_FALSE(parseScript("shot:", steps, &error));
  std::vector<sf::Event> ev;
  CHECK_FALSE(parseKeyScript("1 wait:10", ev, &error));
}

TEST_CASE("until:PATH waits for a file between events and keeps the path's case") {
  std::vector<ScriptStep> steps;
  std::string error;
  REQUIRE(parseScript("c until:/tmp/Read.Done enter", steps, &error));
  REQUIRE(steps.size() == 3);
  CHECK(steps[0].event.key.code == sf::Keyboard::C);
  CHECK(steps[1].kind == ScriptStep::Kind::Until);
  CHECK(steps[1].path == "/tmp/Read.Done");
  CHECK(steps[2].event.key.code == sf::Keyboard::Enter);
  CHECK_FALSE(parseScript("until:", steps, &error));
  CHECK(error.find("until:") != std::string::npos);
}
