#pragma once
// Opening today's play, from home or from the library: started, or resumed
// where it was left (the feedback of a misstep whose retry was still
// offered, or the debrief of a play that had reached its ending).
#include "game/app/context.hpp"

namespace trustdaily::game {

void openTodayPlay(Context& ctx, bool startOver);

}  // namespace trustdaily::game
