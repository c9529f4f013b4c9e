#pragma once
// One pure layout function per screen: view data + window size -> Page.
#include <SFML/System/Vector2.hpp>

#include "game/layout/screen_views.hpp"
#include "game/ui/page.hpp"
#include "game/ui/typography.hpp"

namespace trustdaily::game {

// Button actions. Lists use a base plus the item's index.
namespace action {
inline constexpr int kPlayToday = 1;
inline constexpr int kLibrary = 2;
inline constexpr int kSettings = 3;
inline constexpr int kHelp = 4;
inline constexpr int kTryAgain = 5;
inline constexpr int kContinue = 6;
inline constexpr int kStrongPath = 7;
inline constexpr int kHome = 8;
inline constexpr int kPartnerFilter = 9;
inline constexpr int kSituationFilter = 10;
inline constexpr int kLight = 11;
inline constexpr int kDark = 12;
inline constexpr int kBack = 13;
inline constexpr int kLeave = 14;          // leave the play (the leave overlay)
inline constexpr int kStartOver = 15;      // home: drop the day's play in progress
inline constexpr int kTodayDebrief = 16;   // home: today's recorded debrief
inline constexpr int kReview = 17;         // home: start the review drill
inline constexpr int kHistory = 18;        // home: the History screen
inline constexpr int kDocumentBase = 60;   // + index (0..3): open a scene's document
inline constexpr int kListBase = 100;      // + index: choice, misstep, scenario, text size
inline constexpr int kDayBase = 200;       // + index: an earlier day's debrief (home)
inline constexpr int kCalendarBase = 300;  // + day of the month - 1: a calendar day (history)

// History: the months, the selected day's offer, the suggested scenario.
inline constexpr int kPrevMonth = 50;
inline constexpr int kNextMonth = 51;
inline constexpr int kDayOffer = 52;
inline constexpr int kPlaySuggestion = 53;

// Settings: the new day starts an hour earlier, or later.
inline constexpr int kRolloverEarlier = 30;
inline constexpr int kRolloverLater = 31;

// Debrief: share the day's result.
inline constexpr int kCopyResult = 40;  // the share text on the clipboard
inline constexpr int kSaveCard = 41;    // the debrief card as a PNG
}  // namespace action

Page layoutHome(const Typography& type, sf::Vector2f window, const HomeView& view);
Page layoutPlay(const Typography& type, sf::Vector2f window, const PlayView& view);
Page layoutFeedback(const Typography& type, sf::Vector2f window, const FeedbackView& view);
Page layoutLeave(const Typography& type, sf::Vector2f window, const LeaveView& view);
Page layoutDebrief(const Typography& type, sf::Vector2f window, const DebriefView& view);
Page layoutLibrary(const Typography& type, sf::Vector2f window, const LibraryView& view);
Page layoutSettings(const Typography& type, sf::Vector2f window, const SettingsView& view);
Page layoutHistory(const Typography& type, sf::Vector2f window, const HistoryView& view);
Page layoutHelp(const Typography& type, sf::Vector2f window, const HelpView& view);
Page layoutDocument(const Typography& type, sf::Vector2f window, const DocumentView& view);
Page layoutStrongPath(const Typography& type, sf::Vector2f window, const StrongPathView& view);
// Live playtest: the diagnostics in place of the scene (scrolls), and the
// state panel drawn over the bottom right corner of any screen.
Page layoutProblems(const Typography& type, sf::Vector2f window, const ProblemsView& view);
Page layoutStateOverlay(const Typography& type, sf::Vector2f window, const StateOverlayView& view);
Page layoutJump(const Typography& type, sf::Vector2f window, const JumpView& view);

}  // namespace trustdaily::game
