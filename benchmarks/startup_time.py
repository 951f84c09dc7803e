"""Start-up time of the installed app: from launching the process to a painted main window.

Runs the app with its hidden ``--quit-after-show`` option, which prints ``nnstudio: window
shown`` once the main window has painted for the first time and then quits. The time is taken
here, from just before the process is started to the moment that line arrives, so it includes
everything a learner waits for: the bundle's bootloader, Python, the imports, Qt and the first
paint. One unmeasured run first puts the files in the page cache; the median of the measured
runs is reported (warm cache, as when the app is started a second time). With ``--cold`` the
bundle's files are evicted from the page cache before every run instead (posix_fadvise
DONTNEED on each file of the executable's folder, Linux), as after a reboot; the system's own
libraries and fonts stay cached, as they would on a desktop in use.

Run from the repository root after ``python packaging/build.py``:

    python benchmarks/startup_time.py [--runs 7] [--cold] [--command dist/nnstudio/nnstudio]

It needs an X display; without $DISPLAY it starts its own Xvfb (Debian package xvfb).
``--command "python -m nnstudio"`` times the app run from source instead, for comparison.

Target (docs/benchmarks.md, "Installer size and start-up"): median ≤ 2 s.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import statistics
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_COMMAND = str(ROOT / "dist" / "nnstudio" / "nnstudio")
SHOWN = "nnstudio: window shown"
TARGET_SECONDS = 2.0


def start_xvfb() -> subprocess.Popen[bytes]:
    """An Xvfb server on a free display; sets $DISPLAY."""
    if shutil.which("Xvfb") is None:
        raise SystemExit("No $DISPLAY and no Xvfb: apt-get install xvfb, or run under xvfb-run")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        display = pipe.readline().strip()
    if not display:
        raise SystemExit("Xvfb did not start")
    os.environ["DISPLAY"] = f":{display}"
    return server


def evict_from_page_cache(folder: Path) -> int:
    """Ask the kernel to drop the cached pages of every file under ``folder``; return the count."""
    count = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            fd = os.open(path, os.O_RDONLY)
            try:
                os.fdatasync(fd)
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)
            count += 1
    return count


def time_once(command: list[str], timeout: float) -> float:
    """Seconds from starting ``command`` to its "window shown" line."""
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)  # a real window on the X display
    started = time.perf_counter()
    process = subprocess.Popen(
        [*command, "--quit-after-show"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    try:
        assert process.stdout is not None
        for line in process.stdout:
            if line.strip() == SHOWN:
                elapsed = time.perf_counter() - started
                break
        else:
            raise SystemExit(f"{shlex.join(command)} exited without showing its window")
        process.wait(timeout=timeout)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="measured runs (default 7)")
    parser.add_argument(
        "--command", default=DEFAULT_COMMAND, help="the app to start (default: the bundle)"
    )
    parser.add_argument(
        "--cold", action="store_true", help="evict the bundle's files from the page cache first"
    )
    parser.add_argument("--timeout", type=float, default=60.0)
    args = parser.parse_args()
    command = shlex.split(args.command)
    if not shutil.which(command[0]) and not Path(command[0]).exists():
        raise SystemExit(f"{command[0]} not found: build the bundle with packaging/build.py")

    folder = Path(shutil.which(command[0]) or command[0]).resolve().parent
    if args.cold and not hasattr(os, "posix_fadvise"):
        raise SystemExit("--cold needs posix_fadvise (Linux)")

    def run() -> float:
        if args.cold:
            evict_from_page_cache(folder)
        return time_once(command, args.timeout)

    server = start_xvfb() if not os.environ.get("DISPLAY") else None
    try:
        first = run()  # not counted (fills the page cache unless --cold)
        times = [run() for _ in range(args.runs)]
    finally:
        if server is not None:
            server.terminate()
            server.wait()
    median = statistics.median(times)
    print(f"command: {shlex.join(command)}")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"display {os.environ.get('DISPLAY')}, {os.cpu_count()} CPUs, load average {load:.2f}")
    print(f"first run (not counted): {first:.2f} s")
    cache = f"{folder} evicted from the page cache" if args.cold else "warm cache"
    print(f"{args.runs} runs, {cache}: " + ", ".join(f"{t:.2f}" for t in times))
    print(f"median {median:.2f} s, min {min(times):.2f} s, max {max(times):.2f} s")
    verdict = "meets" if median <= TARGET_SECONDS else "MISSES"
    print(f"{verdict} the target of {TARGET_SECONDS:.0f} s to a shown window")
    return 0 if median <= TARGET_SECONDS else 1


if __name__ == "__main__":
    raise SystemExit(main())
