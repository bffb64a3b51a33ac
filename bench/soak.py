"""A long run of the query mix against `kg serve`, with the server's memory sampled throughout.

    .venv/bin/python bench/generate.py --articles 10000 --out /tmp/kg-10k.nq
    .venv/bin/python bench/soak.py --data /tmp/kg-10k.nq --seconds 600 --clients 8 [--every 15]

Starts newskg exactly as bench/compare.py does (a store bulk-loaded with the file, `kg serve --workers 2`,
default settings otherwise), runs the mix of bench/compare.py from ``--clients`` client threads for
``--seconds``, and every ``--every`` seconds records the resident memory of the whole server: the gunicorn
master, its web workers and their query worker processes (read from /proc). Prints the curve as a Markdown
table with the bytes of answers the web workers keep (``KG_ANSWER_CACHE_MB``, bounded; from /metrics), then the
overall figures. Memory is flat when the last samples are within a few per cent of those after the warm-up (or
once the kept answers have reached their bound). Settings pass through the environment:
``KG_ANSWER_CACHE_MB=0 .venv/bin/python bench/soak.py ...``.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import bench_endpoint, compare  # noqa: E402


def descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        for task in Path(f"/proc/{current}/task").glob("*"):
            try:
                todo.extend(int(c) for c in (task / "children").read_text().split())
            except OSError:
                pass
    return found


def rss_mib(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def server_pid(port: int) -> int:
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            words = cmdline.read_bytes().split(b"\0")
        except OSError:
            continue
        if any(w.endswith(b"/kg") for w in words) and b"serve" in words and str(port).encode() in words:
            return int(cmdline.parent.name)
    raise RuntimeError("kg serve not found")


def answer_cache_mib(url: str, asks: int = 8) -> float:
    """Bytes of answers the web workers keep (KG_ANSWER_CACHE_MB), from /metrics: each web worker reports its
    own, so ask a few times to hear from all of them."""
    import requests

    kept: dict[str, float] = {}
    for _ in range(asks):
        try:
            text = requests.get(url.rsplit("/", 1)[0] + "/metrics", timeout=10).text
        except requests.RequestException:
            continue
        for line in text.splitlines():
            if line.startswith("kg_answer_cache_bytes{"):
                kept[line.split('pid="')[1].split('"')[0]] = float(line.rsplit(" ", 1)[1])
    return sum(kept.values()) / 2 ** 20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--seconds", type=float, default=600)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--every", type=float, default=15)
    args = parser.parse_args()
    params = json.loads(Path(str(args.data) + ".params.json").read_text())
    bench_endpoint.REGIONS[:] = sorted(set(params["regions"]))[:50] or bench_endpoint.REGIONS
    events = params["events"]
    bench_endpoint.MIX["entity"] = lambda r: (f"SELECT ?p ?o WHERE {{ {{ <{r.choice(events)}> ?p ?o }} UNION "
                                              f"{{ ?o ?p <{r.choice(events)}> }} }}")
    with tempfile.TemporaryDirectory() as tmp, compare.system("newskg", args.data, Path(tmp)) as url:
        bench_endpoint.run(url, 5, 2, 1)  # warm-up
        pid = server_pid(8021)
        intervals: list[dict[str, float]] = []
        done = threading.Event()

        def sample() -> None:
            started = time.monotonic()
            while not done.wait(args.every):
                tree = descendants(pid)
                intervals.append({"t": time.monotonic() - started, "rss": rss_mib(tree), "processes": len(tree),
                                  "kept": answer_cache_mib(url)})

        sampler = threading.Thread(target=sample)
        sampler.start()
        result = bench_endpoint.run(url, args.seconds, args.clients, 11)
        done.set()
        sampler.join()
    print(f"data: {args.data}; {args.clients} clients for {args.seconds:g} s; server = gunicorn master + web "
          f"workers + query workers")
    print("\n| t (s) | server RSS (MiB) | of which kept answers (MiB) | processes |")
    print("|---:|---:|---:|---:|")
    for row in intervals:
        print(f"| {row['t']:.0f} | {row['rss']:.0f} | {row['kept']:.1f} | {row['processes']:.0f} |")
    first = statistics.mean(r["rss"] for r in intervals[:4])
    last = statistics.mean(r["rss"] for r in intervals[-4:])
    print(f"\nfirst minute {first:.0f} MiB, last minute {last:.0f} MiB ({(last - first) / first:+.1%}); "
          f"peak {max(r['rss'] for r in intervals):.0f} MiB")
    print(f"mixes/hour {result['mixes_per_hour']:,.0f}; p50 {result['p50_ms']:.0f} ms, p95 {result['p95_ms']:.0f} ms, "
          f"p99 {result['p99_ms']:.0f} ms; entity p99 {result['entity_p99_ms']:.0f} ms; errors {result['errors']}")


if __name__ == "__main__":
    main()
