#!/usr/bin/env python3
"""Checks that every code block in README.md preceded by `<!-- example: PATH -->` is exactly the
file at PATH (or, for `PATH#lang`, the first ```lang block of that Markdown file), so the examples
shown are the ones the SDK tests build and run."""
import pathlib
import re
import sys

root = pathlib.Path(__file__).resolve().parent.parent
readme = (root / "README.md").read_text()
pattern = re.compile(r"<!-- example: (\S+) -->\n```\w*\n(.*?)```", re.S)
failures = 0
found = 0
for ref, block in pattern.findall(readme):
    found += 1
    path, _, lang = ref.partition("#")
    source = (root / path).read_text()
    if lang:
        match = re.search(r"```" + lang + r"\n(.*?)```", source, re.S)
        source = match.group(1) if match else ""
    if block != source:
        failures += 1
        print(f"README.md: the example from {ref} differs from the file; copy it again", file=sys.stderr)
if found == 0:
    print("README.md: no examples found", file=sys.stderr)
    sys.exit(1)
print(f"{found - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
