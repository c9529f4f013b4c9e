#include "daily.hpp"

#include <algorithm>
#include <ctime>

#include "file_access.hpp"
#include "json_source.hpp"

namespace trustdaily::core {

// Howard Hinnant's days_from_civil / civil_from_days: exact for the whole
// proleptic Gregorian calendar, no tables, no time zones.
std::int64_t daysFromCivil(const CivilDate& d) {
  std::int64_t y = d.year - (d.month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t mp = (d.month + 9) % 12;
  const std::int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate civilFromDays(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const unsigned day = static_cast<unsigned>(doy - (153 * mp + 2) / 5 + 1);
  const unsigned month = static_cast<unsigned>(mp < 10 ? mp + 3 : mp - 9);
  return CivilDate{static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0)), month, day};
}

namespace {

bool isLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned daysInMonth(int y, unsigned m) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && isLeap(y) ? 29 : kDays[m - 1];
}

// splitmix64: a tiny, portable generator, so the daily order is the same on
// every platform and standard library (std::shuffle's is not specified).
std::uint64_t splitmix(std::uint64_t& x) {
  std::uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

std::vector<std::size_t> shuffledCycle(std::int64_t cycle, std::size_t n) {
  std::vector<std::size_t> order(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = i;
  std::uint64_t seed = static_cast<std::uint64_t>(cycle) ^ 0x7275737444616979ULL;  // "rustDaiy"
  for (std::size_t i = n; i > 1; --i) {
    std::size_t j = static_cast<std::size_t>(splitmix(seed) % i);
    std::swap(order[i - 1], order[j]);
  }
  return order;
}

// The most common situation (ties to the smallest name). Every cycle ends on
// it, so every cycle also knows what the day before it was, without looking
// at any other cycle: each day costs one cycle's work, whatever the date.
std::string anchorSituation(const std::vector<DailyEntry>& lib) {
  std::map<std::string, std::size_t> counts;
  for (const auto& e : lib) counts[e.situation] += 1;
  std::string best;
  std::size_t bestCount = 0;
  for (const auto& [sit, n] : counts)
    if (n > bestCount) best = sit, bestCount = n;
  return best;
}

// One cycle's order: the shuffle, rearranged so no two neighbours share a
// situation. The last day is the shuffle's first anchor-situation item; the
// rest is placed greedily, most remaining situation first (ties to the
// earliest in the shuffle), never repeating the previous day and, for the
// day before the last, never the anchor. This succeeds whenever no
// situation holds more than half the library, which is exactly when an
// endless no-repeat schedule exists.
std::vector<std::size_t> cycleOrder(std::int64_t cycle, const std::vector<DailyEntry>& lib) {
  std::vector<std::size_t> shuffled = shuffledCycle(cycle, lib.size());
  if (lib.size() <= 1) return shuffled;
  const std::string anchor = anchorSituation(lib);
  std::size_t last = shuffled.front();
  for (std::size_t i : shuffled)
    if (lib[i].situation == anchor) {
      last = i;
      break;
    }
  std::map<std::string, std::vector<std::size_t>> queues;  // situation -> items in shuffle order
  for (std::size_t i : shuffled)
    if (i != last) queues[lib[i].situation].push_back(i);
  std::map<std::string, std::size_t> heads;
  std::vector<std::size_t> rank(lib.size());
  for (std::size_t k = 0; k < shuffled.size(); ++k) rank[shuffled[k]] = k;

  std::vector<std::size_t> out;
  std::string prev = anchor;  // the previous cycle ended on the anchor
  const std::size_t poolSize = lib.size() - 1;
  while (out.size() < poolSize) {
    const bool beforeLast = out.size() + 1 == poolSize;
    const std::string* pick = nullptr;
    std::size_t pickLeft = 0;
    for (int relax = 0; relax < 3 && pick == nullptr; ++relax) {
      for (const auto& [sit, q] : queues) {
        std::size_t left = q.size() - heads[sit];
        if (left == 0) continue;
        if (relax < 2 && sit == prev) continue;
        if (relax < 1 && beforeLast && sit == anchor) continue;
        std::size_t weight = left + (sit == anchor ? 1 : 0);  // the anchor still owes its last day
        bool better =
            pick == nullptr || weight > pickLeft ||
            (weight == pickLeft && rank[q[heads[sit]]] < rank[queues[*pick][heads[*pick]]]);
        if (better) {
          pick = &sit;
          pickLeft = weight;
        }
      }
    }
    std::size_t item = queues[*pick][heads[*pick]++];
    out.push_back(item);
    prev = lib[item].situation;
  }
  out.push_back(last);
  return out;
}

}  // namespace

std::optional<CivilDate> parseDate(const std::string& t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (t[i] < '0' || t[i] > '9') return std::nullopt;
  CivilDate d{std::stoi(t.substr(0, 4)), static_cast<unsigned>(std::stoi(t.substr(5, 2))),
              static_cast<unsigned>(std::stoi(t.substr(8, 2)))};
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > daysInMonth(d.year, d.month))
    return std::nullopt;
  return d;
}

std::string formatDate(const CivilDate& d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", d.year, d.month, d.day);
  return buf;
}

std::string_view monthName(unsigned month) {
  static constexpr std::string_view kMonths[] = {"January",   "February", "March",    "April",
                                                 "May",       "June",     "July",     "August",
                                                 "September", "October",  "November", "December"};
  return month >= 1 && month <= 12 ? kMonths[month - 1] : "?";
}

unsigned weekdayFromMonday(const CivilDate& d) {
  // 1970-01-01 was a Thursday (3 from Monday).
  return static_cast<unsigned>(((daysFromCivil(d) % 7) + 7 + 3) % 7);
}

std::string_view weekdayName(const CivilDate& d) {
  static constexpr std::string_view kWeekdays[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                   "Friday", "Saturday", "Sunday"};
  return kWeekdays[weekdayFromMonday(d)];
}

std::optional<CivilDate> dayFromOption(const std::string& text, int rolloverHour,
                                       std::string* why) {
  if (text.empty()) return localToday(rolloverHour);
  std::optional<CivilDate> d = parseDate(text);
  if (!d && why) *why = "--date must be a real date as YYYY-MM-DD, not '" + text + "'";
  return d;
}

CivilDate localToday(int rolloverHour) { return localDayAt(std::time(nullptr), rolloverHour); }

CivilDate localDayAt(std::int64_t unixSeconds, int rolloverHour) {
  // The rollover is local clock time: before 04:00 on the clock it is still
  // the previous day. (Subtracting four hours of elapsed time instead would
  // be off by one hour on the days the clocks change.)
  std::time_t now = static_cast<std::time_t>(unixSeconds);
  std::tm tm{};
  localtime_r(&now, &tm);
  CivilDate d{tm.tm_year + 1900, static_cast<unsigned>(tm.tm_mon + 1),
              static_cast<unsigned>(tm.tm_mday)};
  if (tm.tm_hour < rolloverHour) d = civilFromDays(daysFromCivil(d) - 1);
  return d;
}

ScheduleLoad loadSchedule(const std::string& path) {
  ScheduleLoad out;
  FileRead read = readBounded(path, kMaxFileBytes);
  if (read.status == ReadStatus::Missing) return out;  // the schedule is optional
  if (!read.ok() && read.status != ReadStatus::TooLarge) {
    out.diagnostics.push_back(
        makeDiagnostic(DiagCode::FileUnreadable, path, SourcePos{}, "", "file " + read.why));
    return out;
  }
  PositionedJson doc = parsePositioned(read.bytes, path);
  out.diagnostics = doc.diagnostics;
  if (!doc.ok()) return out;
  for (auto it = doc.root.begin(); it != doc.root.end(); ++it) {
    if (it.key().rfind("$", 0) == 0 || it.key() == "comment") continue;
    std::string ptr = pointerJoin("", it.key());
    auto date = parseDate(it.key());
    if (!date) {
      out.diagnostics.push_back(
          makeDiagnostic(DiagCode::WrongType, path, doc.posOfKey(ptr), ptr,
                         "schedule key '" + it.key() + "' is not a YYYY-MM-DD date"));
      continue;
    }
    if (!it->is_string()) {
      out.diagnostics.push_back(makeDiagnostic(DiagCode::WrongType, path, doc.posOfValue(ptr), ptr,
                                               "schedule entry must be a scenario id string"));
      continue;
    }
    out.schedule[*date] = it->get<std::string>();
  }
  return out;
}

std::string dailyScenario(const CivilDate& date, std::vector<DailyEntry> library,
                          const Schedule& schedule) {
  std::sort(library.begin(), library.end(),
            [](const DailyEntry& a, const DailyEntry& b) { return a.id < b.id; });
  if (auto it = schedule.find(date); it != schedule.end()) {
    for (const auto& e : library)
      if (e.id == it->second) return e.id;
  }
  if (library.empty()) return "";
  const auto n = static_cast<std::int64_t>(library.size());
  const std::int64_t day = daysFromCivil(date);
  const std::int64_t cycle = floorDiv(day, n);
  const auto pos = static_cast<std::size_t>(day - cycle * n);
  return library[cycleOrder(cycle, library)[pos]].id;
}

}  // namespace trustdaily::core
