#!/bin/sh
# Writes a French news text of about SIZE megabytes (default 100) to OUT, for measuring the
# peak memory of checking one large file:
#
#   benches/big-text.sh big.txt 100
#   cargo build --release
#   /usr/bin/time -v target/release/mtlint check big.txt > /dev/null      # "Maximum resident"
#   /usr/bin/time -v target/release/mtlint check --format json big.txt > /dev/null
#
# The text is the generated articles of the `check` benchmark (names of the default glossary
# and invented ones, right and wrong, at a realistic density), repeated.
set -eu
out=$1
size=${2:-100}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
# The benchmark writes its generated inputs before it starts; `--list` runs nothing else.
MTLINT_BENCH_DUMP="$dir" cargo bench --bench check -- --list > /dev/null
python3 - "$dir/large.txt" "$out" "$size" <<'PY'
import sys
source, out, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
text = open(source, encoding="utf-8").read().rstrip("\n") + "\n\n"
with open(out, "w", encoding="utf-8") as f:
    written = 0
    while written < size * 1_000_000:
        f.write(text)
        written += len(text.encode("utf-8"))
PY
