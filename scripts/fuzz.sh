#!/usr/bin/env bash
# Builds one libFuzzer target and runs it: scripts/fuzz.sh TARGET SECONDS [libFuzzer flags…]
# TARGET: FuzzParser FuzzSanitizer FuzzSanitizerPaths FuzzConfig FuzzScraper FuzzDate (or "all").
# SECONDS 0 replays the seeds once and stops (what CI does: the targets build and every seed keeps
# its invariants, with no random search that could fail a landing by chance).
# Seeds come from the test fixtures; the working corpus and any crash files stay in .build-fuzz/.
# A crash leaves crash-<hash> in .build-fuzz/artifacts/TARGET/ and exits non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."
targets=(FuzzParser FuzzSanitizer FuzzSanitizerPaths FuzzConfig FuzzScraper FuzzDate)
[ $# -ge 1 ] || { echo "usage: scripts/fuzz.sh TARGET|all SECONDS [libFuzzer flags]" >&2; exit 2; }
target=$1
seconds=${2:-60}
shift $(( $# >= 2 ? 2 : 1 ))
if [ "$target" = all ]; then
  for t in "${targets[@]}"; do "$0" "$t" "$seconds" "$@"; done
  exit 0
fi
printf '%s\n' "${targets[@]}" | grep -qx "$target" || { echo "unknown target $target (one of: ${targets[*]})" >&2; exit 2; }

scratch=.build-fuzz
GAZETTE_FUZZ=1 swift build -c release --scratch-path "$scratch" \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing -Xswiftc -use-ld=lld --product "$target" >&2

fixtures=Tests/GazetteKitTests/Fixtures
seeds="$scratch/seeds/$target"
corpus="$scratch/corpus/$target"
artifacts="$scratch/artifacts/$target"
rm -rf "$seeds"
mkdir -p "$seeds" "$corpus" "$artifacts"
prefixed() {  # prefixed BYTE FILE…: copies each file with a selector byte in front
  local byte=$1; shift
  for f in "$@"; do [ -f "$f" ] && { printf "\\x$byte"; cat "$f"; } > "$seeds/$byte-$(basename "$f")"; done
}
split_cases() {  # the inputs of the sanitizer's case file, one seed each
  awk -v dir="$seeds" '/^=== /{n++; keep=1; next} /^---$/{keep=0; next} keep && n {print > (dir "/case-" n)}' \
    "$fixtures/Sanitize/sanitizer-cases.txt"
}
case "$target" in
  FuzzParser)
    prefixed 00 "$fixtures"/Parse/* "$fixtures"/Run/*.xml "$fixtures"/Run/*.atom "$fixtures"/Fetch/sample-feed.xml
    prefixed 02 "$fixtures"/Parse/iso-8859-1.xml "$fixtures"/Parse/rss10-rdf.xml ;;
  FuzzSanitizer | FuzzSanitizerPaths) split_cases ;;
  FuzzConfig) cp "$fixtures"/Config/*.json feeds.json "$seeds"/ 2>/dev/null; cp demo/feeds.json "$seeds/demo-feeds.json" ;;
  FuzzScraper)
    for byte in 00 01 02 03; do prefixed "$byte" "$fixtures"/HTMLSource/*.html "$fixtures"/Run/listing.html; done ;;
  FuzzDate) grep -v '^#' "$fixtures/Dates/feed-dates.tsv" | cut -f1 | awk -v dir="$seeds" 'NF{printf "%s", $0 > (dir "/date-" NR)}' ;;
esac

binary="$scratch/release/$target"
# The Swift runtime's crash handler and AddressSanitizer fight over a crashing process: let ASan report.
export SWIFT_BACKTRACE=enable=no
echo "fuzzing $target for ${seconds}s (0: seeds only) ($(ls "$seeds" | wc -l) seeds, corpus $corpus)" >&2
if [ "$seconds" = 0 ]; then
  "$binary" "$seeds" -runs=0 -timeout=10 -rss_limit_mb=4096 -artifact_prefix="$artifacts/" "$@"
else
  "$binary" "$corpus" "$seeds" -dict=Fuzz/feed.dict -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
    -artifact_prefix="$artifacts/" -print_final_stats=1 "$@"
fi
