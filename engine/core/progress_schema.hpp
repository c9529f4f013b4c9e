#pragma once
// The schema of progress.db, one migration per version. A migration, once on
// main, is never edited: databases of every earlier version exist on players'
// disks, and tests/fixtures/progress/ holds one of each to migrate from.
#include <vector>

namespace trustdaily::core {

// kProgressMigrations[i] takes a database from version i to version i + 1
// (PRAGMA user_version); the current version is their number.
const std::vector<const char*>& progressMigrations();

}  // namespace trustdaily::core
