"""Engine speed next to PyTorch and scikit-learn on the same networks, data and thread count.

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python benchmarks/engine_speed.py

Run it from the repository root in an environment with the ``bench`` extras (PyTorch 2.13 CPU,
scikit-learn, threadpoolctl); a peer that is not installed is skipped. The two OpenBLAS
variables tune old OpenBLAS builds on some build machines and slow a current NumPy down; a
learner's laptop does not set them. The script removes them for itself alone (it restarts
itself without them if they are set) and never touches them anywhere else.

Each framework runs in its own worker process (their thread pools never compete), all with
the same number of threads: NumPy's BLAS thread count, or ``--threads``. The parent asks the
workers in turn for one measurement at a time, so the repeats of every framework are spread
evenly over the run and any load from elsewhere on the machine hits them alike; every time
reported is the median of ``--repeats`` repeats, each after a warm-up run. Ratios are our time
divided by the peer's (below 1: we are faster); only ratios from the same run are compared.

Cases (inputs in every framework are the very same arrays, and so are the initial weights):
  tiny    the course's planar "flower" data (400 samples), 2-4-1 tanh/sigmoid, init "small",
          seed 2, full batch, 10,000 iterations of gradient descent with lr 1.2, float64;
          the cost is read every 1,000 iterations, as the course prints it.
  medium  784-256-128-10 relu/softmax, 20,000 synthetic samples (10 noisy class centres),
          mini-batches of 256, plain SGD with lr 0.1, float32, one epoch; the mean batch cost
          is accumulated every batch.
  medium-course
          medium again, with X handed to the engine as the course stores it: (n0, m),
          C-contiguous (the peers keep their own sample-major rows of the same values). One
          TrainingData is kept across the runs, as a learner keeps one for their data and as
          the app keeps one per data set; the one copy that lays its samples out as rows for
          the batches, made by the first run, is measured apart.
  deep    2-(16×8)-1 relu/sigmoid, 2,000 "moons" samples, mini-batches of 64, Adam
          (lr 0.001, β1 0.9, β2 0.999, ε 1e-8), float32, 20 epochs.

Besides the times, for both medium cases: NumPy's own float32 rate on a 1024×1024 matrix
product (measured in the engine's worker, interleaved with the runs) and the fraction of it the
engine reaches, counting the exact floating-point operations of the epoch; and the memory of
one medium epoch in every framework: the growth of the peak resident set size (VmHWM, reset
through /proc/self/clear_refs) over the RSS just before the epoch, for the first epoch
(everything training needs, cold) and for a later one (steady state). For the engine also the
NumPy allocations through tracemalloc: the peak within an epoch and what is left after three.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import json
import os
import platform
import statistics
import subprocess
import sys
import time
import warnings
from collections import deque
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OPENBLAS_VARIABLES = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")
FRAMEWORKS = ("engine", "torch", "sklearn")
CASES = ("tiny", "medium", "medium-course", "deep")
MEDIUM_CASES = ("medium", "medium-course")

TINY = {"dims": [2, 4, 1], "lr": 1.2, "iterations": 10_000, "print_every": 1000}
MEDIUM = {"dims": [784, 256, 128, 10], "m": 20_000, "batch": 256, "lr": 0.1}
DEEP = {"dims": [2] + [16] * 8 + [1], "m": 2_000, "batch": 64, "lr": 0.001, "epochs": 20}
MATMUL_N = 1024


def targets(threads: int) -> dict[tuple[str, str], float]:
    """Targets as ratios our time / peer time (tiny: peer time per iteration / ours ≥ 6)."""
    medium = 0.80 if threads == 1 else 0.75
    return {
        ("medium", "torch"): medium,
        ("medium-course", "torch"): medium,
        ("tiny", "torch"): 1 / 6,
        ("deep", "torch"): 1.0,
        ("deep", "sklearn"): 1.0,
    }


def matmul_fraction_target(threads: int) -> float:
    """The fraction of NumPy's own product rate a medium epoch should reach."""
    return 0.75 if threads == 1 else 0.60


# -- the data and the initial weights, identical in every worker ------------------------------
def tiny_data() -> tuple[Any, Any]:
    from nnstudio.data import make_dataset

    data = make_dataset("flower")
    return data.X, data.Y  # (2, 400) float64, (1, 400) int labels


def medium_data() -> tuple[Any, Any]:
    """Sample-major float32 rows (m, 784) and int labels (m,): 10 noisy class centres."""
    import numpy as np

    rs = np.random.RandomState(0)
    m, n0, classes = MEDIUM["m"], MEDIUM["dims"][0], MEDIUM["dims"][-1]
    centres = rs.rand(classes, n0).astype(np.float32)
    labels = rs.randint(0, classes, m)
    rows = centres[labels] + (0.5 * rs.randn(m, n0)).astype(np.float32)
    return rows, labels


def deep_data() -> tuple[Any, Any]:
    from nnstudio.data import make_dataset

    data = make_dataset("moons", samples=DEEP["m"], noise=0.2, seed=0)
    return data.X.T.astype("float32"), data.Y.reshape(-1)  # rows (m, 2), labels (m,)


def initial_network(case: str) -> Any:
    from nnstudio.engine import Network

    if case == "tiny":
        return Network(TINY["dims"], ["tanh", "sigmoid"], init="small", seed=2)
    if case in MEDIUM_CASES:
        return Network(MEDIUM["dims"], ["relu", "relu", "softmax"], "he", 1, "float32")
    return Network(DEEP["dims"], ["relu"] * 8 + ["sigmoid"], "he", 1, "float32")


def medium_flops() -> dict[str, int]:
    """Exact floating-point operations of one medium epoch as the engine does it.

    Products: forward W[l]·A[l-1], backward dZ[l]·A[l-1]ᵀ and, for l ≥ 2 only, W[l]ᵀ·dZ[l]
    (dA[0] is not computed), 2·n·k·w each. Element-wise: bias adds, relu, softmax (max,
    subtract, exp, sum, divide), dZ[L] = A[L] − Y, the db sums, relu′ masks, the division by m
    and the update (multiply and subtract per parameter)."""
    dims, m, batch = MEDIUM["dims"], MEDIUM["m"], MEDIUM["batch"]
    widths = [batch] * (m // batch) + ([m % batch] if m % batch else [])
    pairs = [(dims[l], dims[l - 1]) for l in range(1, len(dims))]
    params = sum(n * k + n for n, k in pairs)
    products = elementwise = 0
    for w in widths:
        products += sum(2 * n * k * w for n, k in pairs)  # forward
        products += sum(2 * n * k * w for n, k in pairs)  # dW
        products += sum(2 * n * k * w for n, k in pairs[1:])  # dA[l-1], l ≥ 2
        hidden = sum(dims[1:-1])
        out = dims[-1]
        elementwise += w * sum(dims[1:])  # bias adds
        elementwise += w * hidden  # relu
        elementwise += 5 * w * out  # softmax
        elementwise += w * out  # A[L] − Y
        elementwise += w * sum(dims[1:])  # db sums
        elementwise += 2 * w * hidden  # relu′: compare and multiply
        elementwise += 3 * params  # ÷ m, ×α, subtract
    return {"products": products, "elementwise": elementwise, "total": products + elementwise}


# -- the three frameworks ------------------------------------------------------------------------
class EngineRunner:
    name = "engine"

    def __init__(self) -> None:
        import numpy as np

        self.np = np
        self.data = {"tiny": tiny_data(), "medium": medium_data(), "deep": deep_data()}
        # one TrainingData per data set, kept across the runs as the app keeps one
        self.medium = {case: self.medium_training_data(case) for case in MEDIUM_CASES}

    def medium_training_data(self, case: str) -> Any:
        """The medium data with X sample-major (X = rows.T, as the app's data sets store it)
        or, for medium-course, as the course stores it: (n0, m) C-contiguous."""
        from nnstudio.engine import TrainingData

        rows, labels = self.data["medium"]
        X = rows.T if case == "medium" else self.np.ascontiguousarray(rows.T)
        assert X.flags.f_contiguous if case == "medium" else X.flags.c_contiguous
        return TrainingData(X, labels.reshape(1, -1))

    def run(self, case: str) -> float:
        return timed(self.prepare(case))

    def first_run_extras(self) -> dict[str, float]:
        """Seconds the first run on new data spends before its first step, apart from the
        runs after it: checking X (every value finite) and, for the course layout, laying the
        samples out as rows. Medians of 5, each on a fresh TrainingData."""
        net = initial_network("medium")
        check, copy = [], []
        for _ in range(5):
            data = self.medium_training_data("medium-course")
            check.append(timed(lambda data=data: data.inputs(net)))
            copy.append(timed(lambda data=data: data.sample_rows(net)))
        return {"check": statistics.median(check), "copy": statistics.median(copy)}

    def prepare(self, case: str) -> Any:
        """A callable that trains a fresh copy of the case's initial network."""
        from nnstudio.engine import TrainingConfig, TrainingData, train

        net = initial_network(case)
        if case == "tiny":
            X, Y = self.data["tiny"]
            config = TrainingConfig(
                learning_rate=TINY["lr"],
                epochs=TINY["iterations"],
                record_every=TINY["print_every"],
                report_every=TINY["iterations"],
                copy_params=False,  # no snapshots of the weights: the peers' loops take none
            )
            data = TrainingData(X, Y)
        elif case in MEDIUM_CASES:
            config = TrainingConfig(
                learning_rate=MEDIUM["lr"],
                epochs=1,
                batch_size=MEDIUM["batch"],
                record_every=10,
                report_every=10**9,
                copy_params=False,
            )
            data = self.medium[case]
        else:
            rows, labels = self.data["deep"]
            config = TrainingConfig(
                learning_rate=DEEP["lr"],
                epochs=DEEP["epochs"],
                batch_size=DEEP["batch"],
                optimizer="adam",
                record_every=10,
                report_every=10**9,
                copy_params=False,
            )
            data = TrainingData(rows.T, labels.reshape(1, -1))

        def training() -> None:
            deque(train(net, data, config), maxlen=0)  # keeps no report alive afterwards

        return training

    def matmul_rate(self) -> float:
        """NumPy's float32 rate on a 1024×1024 product: the median of 15, in FLOP/s."""
        np = self.np
        rs = np.random.RandomState(1)
        a, b = (rs.rand(MATMUL_N, MATMUL_N).astype(np.float32) for _ in range(2))
        out = np.empty_like(a)
        np.dot(a, b, out=out)
        times = []
        for _ in range(15):
            start = time.perf_counter()
            np.dot(a, b, out=out)
            times.append(time.perf_counter() - start)
        return 2 * MATMUL_N**3 / statistics.median(times)

    def tracemalloc_epochs(self) -> dict[str, float]:
        """NumPy allocations of the medium epoch (bytes): peak within one epoch, and what
        remains allocated after one and after three epochs (growth would show here)."""
        import tracemalloc

        from nnstudio.engine import TrainingConfig, TrainingData, train

        rows, labels = self.data["medium"]
        net = initial_network("medium")
        data = TrainingData(rows.T, labels.reshape(1, -1))
        config = TrainingConfig(
            learning_rate=MEDIUM["lr"],
            epochs=1,
            batch_size=MEDIUM["batch"],
            record_every=10,
            report_every=10**9,
            copy_params=False,
        )
        deque(train(net, data, config), maxlen=0)  # warm-up
        tracemalloc.start()
        base = tracemalloc.get_traced_memory()[0]
        after = []
        peak = 0
        for _ in range(3):
            tracemalloc.reset_peak()
            deque(train(net, data, config), maxlen=0)
            current, epoch_peak = tracemalloc.get_traced_memory()
            peak = max(peak, epoch_peak - base)
            after.append(current - base)
        tracemalloc.stop()
        return {"peak": peak, "after_1": after[0], "after_3": after[2]}


class TorchRunner:
    name = "torch"

    def __init__(self, threads: int) -> None:
        import numpy as np
        import torch

        torch.set_num_threads(threads)
        self.torch, self.np = torch, np
        self.data = {"tiny": tiny_data(), "medium": medium_data(), "deep": deep_data()}
        X, Y = self.data["tiny"]
        self.tensors = {
            "tiny": (torch.from_numpy(X.T.copy()), torch.from_numpy(Y.T.astype(np.float64))),
            "medium": (
                torch.from_numpy(self.data["medium"][0]),
                torch.from_numpy(self.data["medium"][1].astype(np.int64)),
            ),
            "deep": (
                torch.from_numpy(self.data["deep"][0]),
                torch.from_numpy(self.data["deep"][1].astype(np.float32).reshape(-1, 1)),
            ),
        }

    def model(self, case: str) -> Any:
        torch = self.torch
        net = initial_network(case)
        layers: list[Any] = []
        hidden = {"tiny": torch.nn.Tanh, "medium": torch.nn.ReLU, "deep": torch.nn.ReLU}[case]
        dtype = torch.float64 if case == "tiny" else torch.float32
        for l in range(1, net.L + 1):
            W, b = net.params[f"W{l}"], net.params[f"b{l}"]
            linear = torch.nn.Linear(W.shape[1], W.shape[0], dtype=dtype)
            with torch.no_grad():
                linear.weight.copy_(torch.from_numpy(W))
                linear.bias.copy_(torch.from_numpy(b.reshape(-1)))
            layers.append(linear)
            if l < net.L:
                layers.append(hidden())
        # the output activation lives in the loss (BCEWithLogits, CrossEntropy), as usual
        return torch.nn.Sequential(*layers)

    def run(self, case: str) -> float:
        return timed(self.prepare(case))

    def prepare(self, case: str) -> Any:
        model = self.model(case)
        return lambda: self.train(case, model)

    def train(self, case: str, model: Any) -> None:
        torch = self.torch
        X, Y = self.tensors[case]
        if case == "tiny":
            loss_fn = torch.nn.BCEWithLogitsLoss()
            opt = torch.optim.SGD(model.parameters(), lr=TINY["lr"])
            for i in range(TINY["iterations"]):
                opt.zero_grad(set_to_none=True)
                loss = loss_fn(model(X), Y)
                loss.backward()
                opt.step()
                if i % TINY["print_every"] == 0:
                    loss.item()
        else:
            if case == "medium":
                loss_fn = torch.nn.CrossEntropyLoss()
                opt = torch.optim.SGD(model.parameters(), lr=MEDIUM["lr"])
                batch, epochs = MEDIUM["batch"], 1
            else:
                loss_fn = torch.nn.BCEWithLogitsLoss()
                opt = torch.optim.Adam(model.parameters(), lr=DEEP["lr"])
                batch, epochs = DEEP["batch"], DEEP["epochs"]
            m = X.shape[0]
            for _ in range(epochs):
                order = torch.randperm(m)
                total = 0.0
                for s in range(0, m, batch):
                    index = order[s : s + batch]
                    opt.zero_grad(set_to_none=True)
                    loss = loss_fn(model(X[index]), Y[index])
                    loss.backward()
                    opt.step()
                    total += loss.item()


class SklearnRunner:
    name = "sklearn"

    def __init__(self) -> None:
        import sklearn.neural_network  # noqa: F401  (loads its BLAS and OpenMP libraries now)

        self.data = {"tiny": tiny_data(), "medium": medium_data(), "deep": deep_data()}
        X, Y = self.data["tiny"]
        self.data["tiny"] = (X.T.copy(), Y.reshape(-1))

    def model(self, case: str) -> Any:
        import numpy as np
        from sklearn.neural_network import MLPClassifier

        common = dict(
            alpha=0.0,
            momentum=0.0,
            nesterovs_momentum=False,
            tol=0.0,
            n_iter_no_change=10**9,
            early_stopping=False,
            warm_start=True,
            random_state=0,
        )
        if case == "tiny":
            clf = MLPClassifier(
                hidden_layer_sizes=(4,),
                activation="tanh",
                solver="sgd",
                learning_rate_init=TINY["lr"],
                batch_size=400,
                max_iter=TINY["iterations"],
                shuffle=False,  # one batch: shuffling would change nothing but the time
                **common,
            )
        elif case == "medium":
            clf = MLPClassifier(
                hidden_layer_sizes=(256, 128),
                activation="relu",
                solver="sgd",
                learning_rate_init=MEDIUM["lr"],
                batch_size=MEDIUM["batch"],
                max_iter=1,
                shuffle=True,
                **common,
            )
        else:
            clf = MLPClassifier(
                hidden_layer_sizes=(16,) * 8,
                activation="relu",
                solver="adam",
                learning_rate_init=DEEP["lr"],
                batch_size=DEEP["batch"],
                max_iter=DEEP["epochs"],
                shuffle=True,
                beta_1=0.9,
                beta_2=0.999,
                epsilon=1e-8,
                **common,
            )
        X, y = self.data[case]
        # one short fit sets the model up; then the engine's initial weights replace its own
        # (warm_start keeps them; each fit starts a fresh optimizer)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # convergence, and a batch larger than the set
            clf.set_params(max_iter=1)
            step = max(1, len(y) // 256)  # a spread of samples: the classes come in blocks
            clf.fit(X[::step], y[::step])
            clf.set_params(max_iter=self.iterations(case))
        net = initial_network(case)
        clf.coefs_ = [np.ascontiguousarray(net.params[f"W{l}"].T) for l in range(1, net.L + 1)]
        clf.intercepts_ = [net.params[f"b{l}"].reshape(-1).copy() for l in range(1, net.L + 1)]
        return clf

    @staticmethod
    def iterations(case: str) -> int:
        return {"tiny": TINY["iterations"], "medium": 1, "deep": DEEP["epochs"]}[case]

    def run(self, case: str) -> float:
        return timed(self.prepare(case))

    def prepare(self, case: str) -> Any:
        from sklearn.exceptions import ConvergenceWarning

        clf = self.model(case)
        X, y = self.data[case]
        iterations = self.iterations(case)

        def training() -> None:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", ConvergenceWarning)
                clf.fit(X, y)
            assert clf.n_iter_ == iterations, "scikit-learn stopped early"

        return training


def timed(run: Any) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


# -- memory ---------------------------------------------------------------------------------------
def _status_kib(key: str) -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return -1


def trim_heap() -> None:
    """Give freed heap memory back to the system (glibc), so that what a run touches anew
    counts, whatever earlier runs left free."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def peak_rss_growth(run: Any) -> int | None:
    """Peak resident set size during ``run()`` minus the RSS just before it, in bytes."""
    trim_heap()
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")  # resets VmHWM to the current RSS
    except OSError:
        return None
    before = _status_kib("VmRSS")
    run()
    return (_status_kib("VmHWM") - before) * 1024


def medium_memory(runner: Any) -> dict[str, Any]:
    """Peak RSS growth of the first medium epoch in a fresh process (libraries still setting
    up), of three later ones (the largest), and the RSS after each of those three."""
    first = peak_rss_growth(runner.prepare("medium"))
    later, rss = [], []
    for _ in range(3):
        later.append(peak_rss_growth(runner.prepare("medium")))
        trim_heap()
        rss.append(_status_kib("VmRSS") * 1024)
    return {"first": first, "later": None if None in later else max(later), "rss": rss}


# -- worker processes -----------------------------------------------------------------------------
def worker(name: str, threads: int) -> None:
    sys.path.insert(0, str(ROOT))
    import threadpoolctl

    runner: Any
    if name == "engine":
        runner = EngineRunner()
    elif name == "torch":
        runner = TorchRunner(threads)
    else:
        runner = SklearnRunner()
    # after the imports: threadpoolctl limits the thread pools of libraries already loaded
    limits = threadpoolctl.threadpool_limits(limits=threads)  # noqa: F841 (kept alive)
    out = sys.stdout
    sys.stdout = sys.stderr  # nothing but replies on the pipe
    for line in sys.stdin:
        request = json.loads(line)
        command = request["command"]
        reply: dict[str, Any]
        if command == "run":
            case = request["case"]
            if case == "medium-course" and name != "engine":
                case = "medium"  # the peers train on their own sample-major rows
            reply = {"seconds": runner.run(case)}
        elif command == "matmul":
            reply = {"rate": runner.matmul_rate()}
        elif command == "first-run":
            reply = runner.first_run_extras()
        elif command == "memory":
            reply = medium_memory(runner)
            if name == "engine":
                reply["tracemalloc"] = runner.tracemalloc_epochs()
        elif command == "info":
            reply = {"threadpools": threadpoolctl.threadpool_info(), "versions": versions(name)}
        else:
            break
        out.write(json.dumps(reply) + "\n")
        out.flush()


def versions(name: str) -> dict[str, str]:
    import numpy

    found = {"python": platform.python_version(), "numpy": numpy.__version__}
    if name == "torch":
        import torch

        found["torch"] = torch.__version__
    if name == "sklearn":
        import sklearn

        found["scikit-learn"] = sklearn.__version__
    return found


class Worker:
    def __init__(self, name: str, threads: int) -> None:
        self.name = name
        self.process = subprocess.Popen(
            [sys.executable, __file__, "--worker", name, "--threads", str(threads)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )

    def ask(self, command: str, **fields: Any) -> dict[str, Any]:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(json.dumps({"command": command, **fields}) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(f"the {self.name} worker stopped (see its messages above)")
        return json.loads(line)

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait(timeout=60)


def available(name: str) -> bool:
    module = {"engine": "numpy", "torch": "torch", "sklearn": "sklearn"}[name]
    probe = f"import {module}, threadpoolctl"
    return subprocess.run([sys.executable, "-c", probe], capture_output=True).returncode == 0


# -- the report -----------------------------------------------------------------------------------
def machine() -> dict[str, str]:
    model = platform.processor() or "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return {"cpus": str(os.cpu_count()), "cpu": model, "system": platform.platform()}


def blas_line(threadpools: list[dict[str, Any]]) -> str:
    for pool in threadpools:
        if pool.get("user_api") == "blas" and "numpy" in pool.get("filepath", ""):
            return (
                f"{pool.get('internal_api')} {pool.get('version')}, kernel "
                f"{pool.get('architecture')}, {pool.get('num_threads')} threads "
                f"({Path(pool.get('filepath', '')).name})"
            )
    return "unknown"


def fmt_seconds(t: float | None) -> str:
    if t is None:
        return "—"
    return f"{t * 1000:.1f} ms" if t < 10 else f"{t:.2f} s"


def fmt_bytes(n: float | None) -> str:
    return "—" if n is None else f"{n / 2**20:.2f} MiB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=5, help="timed repeats per case (5)")
    parser.add_argument("--threads", type=int, default=0, help="threads for every framework")
    parser.add_argument("--cases", default=",".join(CASES), help="tiny,medium,deep")
    parser.add_argument("--peers", default="torch,sklearn", help="torch,sklearn (or none)")
    parser.add_argument("--no-memory", action="store_true", help="skip the memory measurement")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.worker:
        worker(args.worker, args.threads)
        return 0

    if any(v in os.environ for v in OPENBLAS_VARIABLES):
        env = {k: v for k, v in os.environ.items() if k not in OPENBLAS_VARIABLES}
        print("(restarting without " + " and ".join(OPENBLAS_VARIABLES) + ")", flush=True)
        os.execve(sys.executable, [sys.executable, __file__, *sys.argv[1:]], env)

    import threadpoolctl

    threads = args.threads
    if threads <= 0:
        blas = [p for p in threadpoolctl.threadpool_info() if p.get("user_api") == "blas"]
        if not blas:
            import numpy  # noqa: F401  (loads the BLAS library)

            blas = [p for p in threadpoolctl.threadpool_info() if p.get("user_api") == "blas"]
        threads = int(blas[0]["num_threads"]) if blas else 1
    cases = [c for c in args.cases.split(",") if c in CASES]
    peers = [p for p in args.peers.split(",") if p in FRAMEWORKS[1:]]
    names = ["engine"] + [p for p in peers if available(p)]
    missing = [p for p in peers if p not in names]

    workers = {name: Worker(name, threads) for name in names}
    try:
        infos = {name: w.ask("info") for name, w in workers.items()}
        info = machine()
        print(f"machine: {info['cpus']} CPUs, {info['cpu']}, {info['system']}")
        print(f"BLAS (NumPy): {blas_line(infos['engine']['threadpools'])}")
        for name in names:
            print(f"{name}: " + ", ".join(f"{k} {v}" for k, v in infos[name]["versions"].items()))
        print(f"threads: {threads} for every framework; repeats: {args.repeats} (medians)")
        print("OpenBLAS variables: " + ", ".join(f"{v} unset" for v in OPENBLAS_VARIABLES))
        if missing:
            print("not installed, skipped: " + ", ".join(missing))
        print()

        memory: dict[str, Any] = {}
        if "medium" in cases and not args.no_memory:  # first, while the workers are fresh
            memory = {name: w.ask("memory") for name, w in workers.items()}
        times: dict[tuple[str, str], list[float]] = {}
        rates: list[float] = []
        for case in cases:  # warm-up: every framework once per case
            for w in workers.values():
                w.ask("run", case=case)
        for r in range(args.repeats):
            for case in cases:
                for name, w in workers.items():
                    times.setdefault((case, name), []).append(w.ask("run", case=case)["seconds"])
                if case == next(c for c in cases if c in MEDIUM_CASES):
                    rates.append(workers["engine"].ask("matmul")["rate"])
            print(f"  repeat {r + 1}/{args.repeats} done", file=sys.stderr, flush=True)

        median = {key: statistics.median(v) for key, v in times.items()}
        results: dict[str, Any] = {
            "machine": info,
            "threads": threads,
            "repeats": args.repeats,
            "blas": blas_line(infos["engine"]["threadpools"]),
            "versions": {n: infos[n]["versions"] for n in names},
            "times": {f"{c}/{n}": v for (c, n), v in times.items()},
        }
        print_table(cases, names, median, threads)
        if rates:
            print()
            print_product_rate(cases, names, median, rates, threads, results)
        if rates:
            extras = workers["engine"].ask("first-run")
            results["first_run_extras"] = extras
            print(
                f"the first run on new medium data also checks X once, in "
                f"{fmt_seconds(extras['check'])}; with medium-course it also lays the samples "
                f"out as rows once, in {fmt_seconds(extras['copy'])} (medians of 5): the runs "
                f"after it on the same TrainingData reuse both"
            )
        if memory:
            results["memory"] = memory
            print()
            print("memory of a medium epoch: peak RSS − RSS before it (freed heap trimmed first)")
            for name in names:
                mem = memory[name]
                drift = mem["rss"][-1] - mem["rss"][0]
                print(
                    f"  {name:8s} first epoch in a fresh process {fmt_bytes(mem['first'])}, "
                    f"later epochs {fmt_bytes(mem['later'])}; RSS change over 2 epochs "
                    f"{fmt_bytes(drift)}"
                )
            traced = memory["engine"]["tracemalloc"]
            print(
                f"  engine NumPy allocations (tracemalloc): peak {fmt_bytes(traced['peak'])} "
                f"within an epoch; still allocated after 1 epoch "
                f"{fmt_bytes(traced['after_1'])}, after 3 {fmt_bytes(traced['after_3'])}"
            )
        if args.json:
            args.json.write_text(json.dumps(results, indent=2))
    finally:
        for w in workers.values():
            w.close()
    return 0


def print_product_rate(
    cases: list[str],
    names: list[str],
    median: dict[tuple[str, str], float],
    rates: list[float],
    threads: int,
    results: dict[str, Any],
) -> None:
    """The product rate, and the fraction of it each medium case's epoch reaches."""
    flops = medium_flops()
    rate = statistics.median(rates)
    goal = matmul_fraction_target(threads)
    results.update(matmul_rate=rate, medium_flops=flops)
    print(
        f"NumPy float32 {MATMUL_N}×{MATMUL_N} product: {rate / 1e9:.1f} GFLOP/s "
        f"(median of {len(rates)} measurements of 15)"
    )
    print(
        f"a medium epoch: {flops['total'] / 1e9:.3f} GFLOP ({flops['products'] / 1e9:.3f} in "
        f"products, {flops['elementwise'] / 1e6:.1f} M element-wise)"
    )
    for case in (c for c in cases if c in MEDIUM_CASES):
        seconds = median[(case, "engine")]
        fraction = flops["total"] / seconds / rate
        results[f"matmul_fraction/{case}"] = fraction
        print(
            f"engine on {case}: {fmt_seconds(seconds)} = {flops['total'] / seconds / 1e9:.1f} "
            f"GFLOP/s = {fraction:.0%} of the product rate (target ≥ {goal:.0%}: "
            f"{'met' if fraction >= goal else 'missed'})"
        )
    floor = flops["total"] / rate
    results["medium_time_at_product_rate"] = floor
    peers = ", ".join(
        f"{floor / median[(cases[0] if cases[0] in MEDIUM_CASES else 'medium', p)]:.2f}× {p}'s time"
        for p in names
        if p != "engine"
    )
    print(
        f"the same work at 100% of the product rate would take {fmt_seconds(floor)}"
        + (f" = {peers}" if peers else "")
    )


def print_table(
    cases: list[str], names: list[str], median: dict[tuple[str, str], float], threads: int
) -> None:
    goals = targets(threads)
    peers = [n for n in names if n != "engine"]
    header = ["case", *names, *(f"engine/{p}" for p in peers)]
    rows = []
    for case in cases:
        row = [case, *(fmt_seconds(median.get((case, n))) for n in names)]
        for p in peers:
            ratio = median[(case, "engine")] / median[(case, p)]
            target = goals.get((case, p))
            verdict = "" if target is None else (" ✓" if ratio <= target else " ✗")
            goal = "" if target is None else f" (≤ {target:.2f})"
            row.append(f"{ratio:.3f}{goal}{verdict}")
        rows.append(row)
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    for r in [header, *rows]:
        print("  ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)))
    if "tiny" in cases and "torch" in names:
        speedup = median[("tiny", "torch")] / median[("tiny", "engine")]
        print(f"tiny: {speedup:.1f}× PyTorch's iterations per second (target ≥ 6×)")


if __name__ == "__main__":
    sys.exit(main())
