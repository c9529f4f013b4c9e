#pragma once
// History: a month calendar of the days (daily result, late, missed, frozen,
// today), each played day opening its debrief and any other past day
// offering an archive play; the streak and average; the principle chart over
// 7 and 30 days; the weakest principle with a scenario to practise it.
// Arrows pick a day, PgUp/PgDn change the month.
#include "core/daily.hpp"
#include "core/history_stats.hpp"
#include "game/layout/screen_views.hpp"
#include "game/screens/page_screen.hpp"

namespace trustdaily::game {

class HistoryScreen : public PageScreen {
 public:
  explicit HistoryScreen(Context& ctx);

 protected:
  Page build(sf::Vector2f size) override;
  void onAction(int action) override;
  bool onKey(const sf::Event::KeyEvent& key) override;
  int defaultAction() const override { return offer_; }

 private:
  void fillCalendar(HistoryView& v) const;
  void fillDayPanel(HistoryView& v);  // and what Enter does (offer_)
  // The calendar day of the selected date (in the month shown).
  const core::CalendarDay* selectedDay() const;
  // Moves the selection (clamped to the months offered) and focuses its day.
  void select(core::CivilDate date);
  void revealPanel();
  void shiftMonths(int months);
  void openSelected();
  void playSuggestion();
  core::CivilDate earliest() const;  // first day of the first month offered
  core::CivilDate latest() const;    // last day of today's month

  core::CivilDate selected_;
  std::vector<core::CalendarDay> month_;  // the month of selected_
  int offer_ = -1;                        // the panel's action for the selected day
  std::string notice_;
};

}  // namespace trustdaily::game
