#!/usr/bin/env python3
"""Prints line and branch coverage per project from ReportGenerator's JsonSummary (Summary.json).

Usage: coverage_summary.py <Summary.json>. Standard library only (CI installs nothing for it).
"""
import json
import sys


def main(path: str) -> int:
    with open(path, encoding="utf-8") as f:
        report = json.load(f)
    rows = [(a["name"], a.get("coverage"), a.get("branchcoverage")) for a in report["coverage"]["assemblies"]]
    summary = report["summary"]
    width = max([len(name) for name, _, _ in rows] + [len("total")])
    print(f"{'project':<{width}}  {'lines':>7}  {'branches':>8}")
    for name, lines, branches in sorted(rows):
        print(f"{name:<{width}}  {fmt(lines):>7}  {fmt(branches):>8}")
    print(f"{'total':<{width}}  {fmt(summary.get('linecoverage')):>7}  {fmt(summary.get('branchcoverage')):>8}")
    return 0


def fmt(value) -> str:
    return "n/a" if value is None else f"{value:.1f} %"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
