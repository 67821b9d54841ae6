"""How well this machine runs two CPU-bound Python processes at once: the ceiling for
``bench/files.py``'s two-worker speed-up.

    python bench/cpu_scaling.py [--rounds 3]

Four tasks of a pure-Python loop (12 million iterations each) run in a fork pool of one
process and then of two; each round prints both wall times and their ratio. On a virtual
machine whose two cores are shared with other guests the ratio varies from round to round.
"""

from __future__ import annotations

import argparse
import time
from multiprocessing import get_context

ITERATIONS = 12_000_000
TASKS = 4


def spin(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


def wall_time(processes: int) -> float:
    start = time.perf_counter()
    with get_context("fork").Pool(processes) as pool:
        pool.map(spin, [ITERATIONS] * TASKS)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    for _ in range(args.rounds):
        one, two = wall_time(1), wall_time(2)
        print(f"1 process {one:.2f} s, 2 processes {two:.2f} s: {one / two:.2f}x")


if __name__ == "__main__":
    main()
