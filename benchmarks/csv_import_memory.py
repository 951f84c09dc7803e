"""Memory and time of importing a large CSV file with ``nnstudio.data.load_csv``.

Writes a CSV file of about 48 MB (just under the 50 MB import limit) in a temporary folder: a
header, 20 numeric feature columns (``%.6f`` of standard normal values) and a label column with
three classes. Then it imports the file in a fresh Python process, so that the process's peak
resident memory belongs to the import alone, and prints:

- the time ``load_csv`` takes;
- tracemalloc's peak: the most memory Python and NumPy had allocated at once during the import;
- the rise of the process's maximum resident set size (``resource.getrusage``, ru_maxrss) from
  just before the import to just after it;

each also as a multiple of the file's size. Run from the repository root:

    python benchmarks/csv_import_memory.py [--megabytes 48] [--features 20] [--repeats 3]

The time is the median of ``--repeats`` imports, each in its own process; the memory figures
come from the first (they do not vary). Results: docs/benchmarks.md, "CSV import memory".
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent


def write_csv(path: Path, megabytes: float, features: int, seed: int = 0) -> tuple[int, int]:
    """Write the CSV file in chunks; return (bytes, data rows)."""
    rng = np.random.default_rng(seed)
    target = int(megabytes * 2**20)
    header = ",".join([f"x{j + 1}" for j in range(features)] + ["label"]) + "\n"
    size, rows = len(header), 0
    fmt = ",".join(["%.6f"] * features + ["%d"]) + "\n"
    with open(path, "w", encoding="utf-8", newline="") as stream:
        stream.write(header)
        while size < target:
            block = rng.standard_normal((2000, features))
            labels = (block[:, 0] > 0).astype(int) + (block[:, 1] > 0.5)
            lines = [fmt % (*row, label) for row, label in zip(block.tolist(), labels, strict=True)]
            for line in lines:
                if size + len(line) > target:
                    break
                stream.write(line)
                size += len(line)
                rows += 1
            else:
                continue
            break
    return size, rows


def measure(path: str) -> dict[str, float]:
    """Import ``path`` once in this process and return the figures (run in a child process)."""
    import resource
    import time
    import tracemalloc

    from nnstudio.data import load_csv

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    start = time.perf_counter()
    data = load_csv(path)
    seconds = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "seconds": seconds,
        "tracemalloc_peak": float(peak),
        "rss_increase": float((after - before) * 1024),  # ru_maxrss is in KiB on Linux
        "x_bytes": float(data.X.nbytes + data.Y.nbytes),
        "m": float(data.X.shape[1]),
        "n0": float(data.X.shape[0]),
    }


def run_child(path: Path, traced: bool) -> dict[str, float]:
    code = (
        "import json, sys; sys.path.insert(0, sys.argv[1]); "
        "from csv_import_memory import measure, measure_untraced; "
        "print(json.dumps((measure if sys.argv[3] == '1' else measure_untraced)(sys.argv[2])))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(Path(__file__).parent), str(path), "1" if traced else "0"],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def measure_untraced(path: str) -> dict[str, float]:
    """The time of one import without tracemalloc (which slows allocation down)."""
    import time

    from nnstudio.data import load_csv

    start = time.perf_counter()
    load_csv(path)
    return {"seconds": time.perf_counter() - start}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=48.0)
    parser.add_argument("--features", type=int, default=20)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.csv"
        size, rows = write_csv(path, args.megabytes, args.features)
        print(f"file: {size / 2**20:.1f} MB, {rows:,} rows × {args.features + 1} columns")
        first = run_child(path, traced=True)
        times = [run_child(path, traced=False)["seconds"] for _ in range(max(1, args.repeats))]
    mb = 2**20
    print(
        f"X and Y as stored: {first['x_bytes'] / mb:.1f} MB ({first['x_bytes'] / size:.2f}× file)"
    )
    print(
        f"tracemalloc peak: {first['tracemalloc_peak'] / mb:.0f} MB "
        f"({first['tracemalloc_peak'] / size:.1f}× file)"
    )
    print(
        f"max RSS increase: {first['rss_increase'] / mb:.0f} MB "
        f"({first['rss_increase'] / size:.1f}× file)"
    )
    print(
        f"time (median of {len(times)}, without tracemalloc): {statistics.median(times):.2f} s "
        f"({size / mb / statistics.median(times):.1f} MB/s); with tracemalloc "
        f"{first['seconds']:.2f} s"
    )


if __name__ == "__main__":
    main()
