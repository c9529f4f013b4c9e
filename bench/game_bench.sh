#!/usr/bin/env bash
# Game benchmark: prints figures, judges nothing.
#   bench/game_bench.sh [BUILD_DIR]   (default: build)
# 1. Time from exec to the first frame showing today's scenario (Play screen),
#    against bench/minimal_sfml (a window with one line of text): median of
#    N runs each, and the ratio.
# 2. Idle CPU over 10 s on the Play screen (utime+stime from /proc).
# 3. Peak RSS of a run that opens the Play screen (GNU time).
# All under one Xvfb server, so the X server's own start is not counted.
set -euo pipefail
BUILD=${1:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TD=$BUILD/trustdaily
MIN=$BUILD/minimal_sfml
RUNS=${RUNS:-15}
FONT=$ROOT/assets/fonts/DejaVuSans.ttf
DATA=$(mktemp -d)
trap 'rm -rf "$DATA"; [[ -n "${XVFB_PID:-}" ]] && kill "$XVFB_PID" 2>/dev/null || true' EXIT

if [[ -z "${BENCH_INNER:-}" ]]; then
  # Start one Xvfb and re-run this script inside it.
  Xvfb :97 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
  XVFB_PID=$!
  sleep 1
  DISPLAY=:97 BENCH_INNER=1 "$0" "$@"
  exit $?
fi

now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

first_frame_ms() {  # command... -> milliseconds from exec to exit after the first frame
  local t0 t1
  t0=$(now)
  "$@" >/dev/null 2>&1
  t1=$(now)
  echo $(((t1 - t0) / 1000000))
}

GAME=("$TD" --date 2025-06-14 --data-dir "$DATA" --scenario bad-news-01 --size 1280x800
      --quit-after-first-frame)
MINI=("$MIN" "$FONT" 1280x800)
"${GAME[@]}" >/dev/null 2>&1; "${MINI[@]}" >/dev/null 2>&1  # warm-up
game=(); mini=()
for ((i = 0; i < RUNS; i++)); do
  game+=("$(first_frame_ms "${GAME[@]}")")
  mini+=("$(first_frame_ms "${MINI[@]}")")
done
gm=$(printf '%s\n' "${game[@]}" | median)
mm=$(printf '%s\n' "${mini[@]}" | median)
echo "first frame: game median ${gm} ms, minimal SFML median ${mm} ms, ratio $(awk -v a="$gm" -v b="$mm" 'BEGIN{printf "%.2f", a/b}') ($RUNS runs each)"

# Idle CPU on the Play screen.
"$TD" --date 2025-06-14 --data-dir "$DATA" --scenario bad-news-01 --size 1280x800 \
  >/dev/null 2>&1 &
PID=$!
sleep 2
ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
HZ=$(getconf CLK_TCK)
a=$(ticks); sleep 10; b=$(ticks)
kill "$PID"; wait "$PID" 2>/dev/null || true
echo "idle CPU on the play screen over 10 s: $(awk -v t=$((b - a)) -v hz="$HZ" 'BEGIN{printf "%.2f", 100*t/hz/10}') % of a core ($((b - a)) ticks at ${HZ} Hz)"

# Peak RSS.
rss=$(/usr/bin/time -f %M "${GAME[@]}" 2>&1 >/dev/null | tail -1)
mrss=$(/usr/bin/time -f %M "${MINI[@]}" 2>&1 >/dev/null | tail -1)
echo "peak RSS: game $((rss / 1024)) MB, minimal SFML $((mrss / 1024)) MB"
