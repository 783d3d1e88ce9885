#!/usr/bin/env bash
# Whole-run benchmark: a cold and a warm `gazette run`, and the parse alone over the same bytes.
#
#   Benchmarks/run-bench.sh FOLDER...          every file in the folders is a local feed source
#   Benchmarks/run-bench.sh --synthetic N      N feeds × 20 items served over loopback
#                                              (Benchmarks/fetch_server.py, 8 loopback hosts)
#
# Options: --sections K (feeds spread round-robin over K sections, default 8), --keep DIR (keep the
# run folder: feeds.json, database, published output), GAZETTE=path (default .build/release/gazette),
# REPS=n repetitions of the parse-only timing (default 3, median).
#
# Cold: empty database, every feed new. Warm: the same run again with --force (local files are read
# and found unchanged; loopback feeds answer 304). Wall and CPU (user+sys) and peak RSS come from
# /usr/bin/time; new articles are the rows the run added to the store (articles/s: per wall second). Parse-only is
# `gazette bench parse` (process CPU of the parse loop) over the same feed bytes.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
gazette=${GAZETTE:-$here/../.build/release/gazette}
gazette=$(cd "$(dirname "$gazette")" && pwd)/$(basename "$gazette")
sections=8
synthetic=0
keep=""
folders=()
while [ $# -gt 0 ]; do
    case "$1" in
        --synthetic) synthetic=$2; shift 2 ;;
        --sections) sections=$2; shift 2 ;;
        --keep) keep=$2; shift 2 ;;
        -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
        *) folders+=("$(cd "$1" && pwd)"); shift ;;
    esac
done
if [ "$synthetic" -eq 0 ] && [ ${#folders[@]} -eq 0 ]; then
    echo "usage: $0 FOLDER... | --synthetic N  (see --help)" >&2
    exit 2
fi
[ -x "$gazette" ] || { echo "no gazette binary at $gazette (swift build -c release)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (Debian package: time)" >&2; exit 2; }

work=$(mktemp -d)
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
    exec 9>&- 2>/dev/null || true
    if [ -n "$keep" ]; then
        rm -rf "$keep" && mv "$work" "$keep" && echo "kept the run folder in $keep"
    else
        rm -rf "$work"
    fi
}
trap cleanup EXIT

# The feed list (one URL or path per line) and the files the parse-only timing reads.
: >"$work/urls"
: >"$work/files"
if [ "$synthetic" -gt 0 ]; then
    mkdir -p "$work/bodies"
    python3 - "$here" "$synthetic" "$work/bodies" <<'EOF'
import sys
sys.path.insert(0, sys.argv[1])
from fetch_server import feed_body
for n in range(int(sys.argv[2])):
    with open(f"{sys.argv[3]}/{n:06d}.xml", "wb") as f:
        f.write(feed_body(n))
EOF
    ls "$work/bodies"/* >"$work/files"
    mkfifo "$work/server-stdin"
    python3 "$here/fetch_server.py" 8 0 <"$work/server-stdin" >"$work/server-out" 2>"$work/server-err" &
    server_pid=$!
    exec 9>"$work/server-stdin"  # the server stops when this closes
    for _ in $(seq 100); do grep -q READY "$work/server-out" 2>/dev/null && break; sleep 0.1; done
    port=$(awk '/READY/ {print $2}' "$work/server-out")
    [ -n "$port" ] || { echo "the feed server did not start: $(cat "$work/server-err")" >&2; exit 1; }
    for ((n = 0; n < synthetic; n++)); do
        echo "http://127.0.0.$((n % 8 + 1)):$port/feed/$n.xml" >>"$work/urls"
    done
    label="$synthetic loopback feeds x 20 items"
else
    for folder in "${folders[@]}"; do
        find "$folder" -maxdepth 1 -type f | LC_ALL=C sort >>"$work/files"
    done
    cp "$work/files" "$work/urls"
    label="$(wc -l <"$work/files") feed files from ${folders[*]}"
fi

python3 - "$work/urls" "$sections" "$work/feeds.json" <<'EOF'
import json, sys
urls = [line.strip() for line in open(sys.argv[1]) if line.strip()]
k = int(sys.argv[2])
config = {
    "site": {"title": "Run benchmark", "url": "https://bench.example.org/"},
    "sections": {f"s{i}": {"title": f"Section {i}"} for i in range(1, k + 1)},
    "feeds": [{"url": u, "section": f"s{i % k + 1}"} for i, u in enumerate(urls)],
}
json.dump(config, open(sys.argv[3], "w"), indent=1)
EOF

bytes=$(xargs -d '\n' cat <"$work/files" | wc -c)
articles() {
    python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("select count(*) from article").fetchone()[0])' "$work/db.sqlite"
}
# One timed `gazette run`: prints "wall cpu peak_kib".
timed_run() {
    /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$gazette" run --config "$work/feeds.json" \
        --output "$work/output" --database "$work/db.sqlite" --quiet "$@" >"$work/run-out" 2>"$work/run-err" || {
        echo "gazette run failed:" >&2
        cat "$work/run-err" >&2
        exit 1
    }
    awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$work/time"
}

echo "gazette run benchmark: $label ($bytes bytes, $sections sections), $(nproc) cores"
echo "$gazette $("$gazette" --version 2>/dev/null || true)"
read -r cold_wall cold_cpu cold_kib < <(timed_run)
cold_articles=$(articles)
read -r warm_wall warm_cpu warm_kib < <(timed_run --force)
warm_articles=$(articles)
parse_line=$("$gazette" bench parse --repeat "${REPS:-3}" <"$work/files" | tail -1)
read -r _ _ _ parse_files parse_items _ parse_cpu parse_failures <<<"$parse_line"

printf '%-11s %8s %8s %9s %9s %11s\n' phase wall_s cpu_s peak_MiB new_arts articles/s
row() { # phase wall cpu kib articles
    awk -v p="$1" -v w="$2" -v c="$3" -v k="$4" -v a="$5" 'BEGIN {
        rate = (w > 0) ? a / w : 0
        printf "%-11s %8.2f %8.2f %9.1f %9d %11.0f\n", p, w, c, k / 1024, a, rate }'
}
row cold "$cold_wall" "$cold_cpu" "$cold_kib" "$cold_articles"
row warm "$warm_wall" "$warm_cpu" "$warm_kib" "$((warm_articles - cold_articles))"
awk -v c="$parse_cpu" -v i="$parse_items" -v f="$parse_failures" 'BEGIN {
    printf "%-11s %8s %8.2f %9s %9d %11.0f   (items parsed, %d files failed; CPU-timed, median)\n",
        "parse-only", "-", c, "-", i, (c > 0 ? i / c : 0), f }'
awk -v w="$cold_wall" -v c="$cold_cpu" -v p="$parse_cpu" 'BEGIN {
    if (p > 0) printf "cold / parse-only: %.1fx wall, %.1fx CPU\n", w / p, c / p }'
