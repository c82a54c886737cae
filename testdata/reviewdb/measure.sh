#!/usr/bin/env bash
# measure.sh [BASE]: every figure of BENCHMARKS.md's "Review store" section.
#   1. the two engines linked into a program that does not open them:
#      binary size, and init cost from GODEBUG=inittrace=1;
#   2. the engines' write and open latency (engine_test.go);
#   3. kmdash itself at BASE (a commit without the review store: be9548e,
#      or where this branch left main) and at the working tree: binary size,
#      the store's packages in inittrace, and `render` start-up in
#      alternating runs.
# Run it on a quiet machine: nothing else should be busy.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
base=${1:-$(git -C "$repo" merge-base HEAD main)}
runs=${RUNS:-200}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(go version | cut -d' ' -f3)"
echo

# inits BIN ARGS...: how many init functions run and their total clock
# time, median of 21 runs.
inits() {
  for _ in $(seq 21); do
    GODEBUG=inittrace=1 "$@" 2>&1 >/dev/null | awk '/^init /{n++; t+=$5} END {printf "%d %.3f\n", n, t}'
  done | sort -k2 -n | sed -n 11p
}

echo "## 1. Linking an engine (not opening it)"
cd "$here"
go build -o "$out/alternate" ./alternate
printf "%-12s %12s %12s %8s %10s\n" program bytes stripped inits "init ms"
for p in bare withbolt withsqlite; do
  go build -o "$out/$p" "./$p"
  go build -ldflags='-s -w' -o "$out/$p-s" "./$p"
  read -r n t < <(inits "$out/$p")
  printf "%-12s %12d %12d %8d %10s\n" "$p" "$(stat -c %s "$out/$p")" "$(stat -c %s "$out/$p-s")" "$n" "$t"
done
echo
echo "start-up, alternating runs:"
"$out/alternate" -n "$runs" "$out/bare" "$out/withbolt"
"$out/alternate" -n "$runs" "$out/bare" "$out/withsqlite"
echo

echo "## 2. Engine latency (each write its own durable transaction)"
go test -run '^$' -bench . -benchtime 300x -count 5 . | awk '/^Benchmark/ {v[$1]=v[$1]" "$3} END {for (k in v) print k, v[k]}' | sort
echo "locking: go test -run Process -v . (bbolt refuses a second process; SQLite WAL lets it write)"
go test -count=1 -run Process -v . | grep -E '^(---|ok|FAIL)'
echo

echo "## 3. kmdash at $base (before) and at the working tree (after)"
mkdir "$out/base"
git -C "$repo" archive "$base" | tar -x -C "$out/base"
(cd "$out/base" && go build -o "$out/kmdash-before" .)
(cd "$repo" && go build -o "$out/kmdash-after" .)
printf "%-14s %12s\n" binary bytes
for b in before after; do printf "%-14s %12d\n" "kmdash-$b" "$(stat -c %s "$out/kmdash-$b")"; done
render="render --tab economy --width 120 --height 40 --color never"
echo "inittrace of render, the store's packages (bbolt and data/review):"
GODEBUG=inittrace=1 "$out/kmdash-after" $render 2>&1 >/dev/null | grep -E 'bbolt|data/review' || echo "  (none: they have no init work)"
for b in before after; do
  read -r n t < <(inits "$out/kmdash-$b" $render)
  echo "kmdash-$b: $n init functions, $t ms of init (median of 21)"
done
echo "render start-up, alternating runs; first the same binary against a copy of itself, the noise floor:"
cp "$out/kmdash-before" "$out/kmdash-copy"
"$out/alternate" -n "$runs" "$out/kmdash-before $render" "$out/kmdash-copy $render" | tail -1
"$out/alternate" -n "$runs" "$out/kmdash-before $render" "$out/kmdash-after $render"
