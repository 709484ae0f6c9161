#!/usr/bin/env python3
"""Compares `mtlint check` with the floor of multi-pattern scanning: ripgrep searching the
same text for every form of the default glossary (`rg -F -i -c -f forms.txt`).

The text is our clean French fixtures repeated to SIZE megabytes (default 10): prose with no
finding, so the comparison is of scanning, not of rendering findings. Both commands are timed
as whole processes (start, load, scan, output), median of RUNS runs (default 9).

    cargo build --release
    python3 benches/multi_pattern_floor.py [SIZE] [RUNS]

Needs Python 3.11 (tomllib) and `rg` (ripgrep, e.g. `apt-get install ripgrep`).
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MTLINT = os.path.join(ROOT, "target", "release", "mtlint")


def glossary_forms():
    """Every English and French form of the default glossary."""
    with open(os.path.join(ROOT, "glossaries", "default.toml"), "rb") as f:
        glossary = tomllib.load(f)
    forms = set()
    for concept in glossary["concept"]:
        for lang in ("en", "fr"):
            entry = concept.get(lang)
            if isinstance(entry, str):
                forms.add(entry)
            elif isinstance(entry, dict):
                for key in ("preferred", "abbr"):
                    if isinstance(entry.get(key), str):
                        forms.add(entry[key])
                for key in ("accepted", "variants", "wrong"):
                    forms.update(entry.get(key, []))
    return sorted(forms)


def median_seconds(cmd, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    size_mb = float(sys.argv[1]) if len(sys.argv) > 1 else 10
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 9
    fixtures = ["tests/fixtures/clean-fr.txt", "tests/fixtures/bilingual/clean-target-fr.txt"]
    prose = "".join(open(os.path.join(ROOT, f), encoding="utf-8").read() + "\n\n" for f in fixtures)
    with tempfile.TemporaryDirectory() as tmp:
        text = os.path.join(tmp, "prose.txt")
        forms = os.path.join(tmp, "forms.txt")
        with open(text, "w", encoding="utf-8") as f:
            f.write(prose * int(size_mb * 1e6 / len(prose.encode()) + 1))
        with open(forms, "w", encoding="utf-8") as f:
            f.write("\n".join(glossary_forms()) + "\n")
        megabytes = os.path.getsize(text) / 1e6
        mtlint = median_seconds([MTLINT, "check", "--format", "concise", text], runs)
        floor = median_seconds(["rg", "-F", "-i", "-c", "-f", forms, text], runs)
        count = sum(1 for _ in open(forms, encoding="utf-8"))
        print(f"{megabytes:.1f} MB of prose, {count} glossary forms, median of {runs} runs")
        print(f"mtlint check:              {mtlint * 1000:7.0f} ms  {megabytes / mtlint:6.0f} MB/s")
        print(f"rg -F -i -c -f forms.txt:  {floor * 1000:7.0f} ms  {megabytes / floor:6.0f} MB/s")
        print(f"ratio mtlint / rg:         {mtlint / floor:7.2f}")


if __name__ == "__main__":
    main()
