#pragma once
// The screens of the game, as registered on the ScreenStack.

namespace trustdaily::game {

enum class ScreenId {
  Home,
  Play,
  Feedback,
  Debrief,
  Library,
  Settings,
  Help,
  StrongPath,
  Document,
  Jump,  // playtest: pick any node to go to (F3)
  Leave,  // over Play: leaving mid-way says what happens to the play
  History
};

const char* screenName(ScreenId id);

}  // namespace trustdaily::game
