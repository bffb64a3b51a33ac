"""Run the query mix against newskg and the systems it is compared with, on the same data, one after the other.

    .venv/bin/python bench/generate.py --articles 10000 --out /tmp/kg-bench-10k.nq
    .venv/bin/python bench/run.py --data /tmp/kg-bench-10k.nq --systems newskg baseline virtuoso \\
        --clients 1 2 8 --seconds 30 --json /tmp/kg-bench-10k.json

Systems (each started on loopback in a fresh temporary directory, loaded with the same N-Quads file):
- ``newskg``: a store directory bulk-loaded with pyoxigraph and published (``kg.store.Store.publish``), served
  by ``.venv/bin/kg serve --port P --workers 2`` with KG_STORE pointing at it (all other settings default);
- ``baseline``: bench/baseline_app.py (Flask + pyoxigraph in gunicorn, 2 workers x 4 threads, gthread, in-process
  queries, Rust serialization) on the same published snapshot;
- ``virtuoso``: Debian's Virtuoso 7 (``apt-get install -y virtuoso-opensource-7-bin``), a minimal virtuoso.ini
  with loopback ports, the data loaded with ``ld_dir``/``rdf_loader_run()`` through ``isql-vt``;
- ``rdflib-endpoint``: rdflib-endpoint from PyPI in its own venv (bench/.venv-rdflib-endpoint, see bench/README.md),
  ``rdflib-endpoint serve DATA`` (an in-memory rdflib Dataset with the union default graph).

For each system: start and load (timed), a correctness pass (the same fixed queries everywhere; row counts
compared across systems), a warm-up, then the mix with each number of clients for a fixed time. Each client
is its own process with one kept-alive connection (``http.client``), sends every query as a form POST (``query=``) with
``Accept: application/sparql-results+json`` (``text/turtle`` for CONSTRUCT and DESCRIBE), checks the status
is 200 and that the body parses, and records the latency to the last byte. Reports query mixes per hour,
queries/s, p50/p95/p99 per query type and overall, errors, and the CPU seconds the server and the clients used.
"""
from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BIN = ROOT / ".venv" / "bin"
RDFLIB_VENV = ROOT / "bench" / ".venv-rdflib-endpoint"

from bench.querymix import ENTITY_TYPES, TYPES, Parameters  # noqa: E402

CHECK_SEED = 4242
CHECK_MIXES = 3
REQUEST_TIMEOUT = 600.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# -- CPU accounting of a process tree (from /proc) --------------------------------------------------------

def _proc_table() -> dict[int, tuple[int, float]]:
    """pid -> (ppid, CPU seconds of the process and its reaped children)."""
    tick = os.sysconf("SC_CLK_TCK")
    table = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        table[int(entry)] = (int(fields[1]), sum(int(x) for x in fields[11:15]) / tick)
    return table


def tree_cpu(root: int) -> float:
    table = _proc_table()
    children: dict[int, list[int]] = {}
    for pid, (ppid, _) in table.items():
        children.setdefault(ppid, []).append(pid)
    total, todo = 0.0, [root]
    while todo:
        pid = todo.pop()
        if pid in table:
            total += table[pid][1]
        todo.extend(children.get(pid, []))
    return total


# -- the systems -------------------------------------------------------------------------------------------

def _load_store(data: str, directory: str) -> None:
    """In a child process: bulk-load the N-Quads into a fresh newskg store and publish a snapshot."""
    import pyoxigraph as ox

    from kg.store import Store

    store = Store(directory)
    store.writer.bulk_load(path=data, format=ox.RdfFormat.N_QUADS)
    store.publish()
    store.close()


def newskg_store(data: Path, directory: Path) -> Path:
    process = multiprocessing.get_context("spawn").Process(target=_load_store, args=(str(data), str(directory)))
    process.start()
    process.join()
    if process.exitcode != 0:
        raise RuntimeError("loading the newskg store failed")
    return directory


class Server:
    """A server process started in its own process group (so that all of it can be stopped)."""

    def __init__(self, command: list[str], env: dict[str, str] | None, logfile: Path, cwd: Path = ROOT) -> None:
        self.log = logfile.open("wb")
        self.process = subprocess.Popen(command, env={**os.environ, **(env or {})}, cwd=cwd, stdout=self.log,
                                        stderr=subprocess.STDOUT, start_new_session=True)

    @property
    def pid(self) -> int:
        return self.process.pid

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self) -> None:
        if self.alive():
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(10)
        self.log.close()


def wait_ready(url: str, server: Server, seconds: float, logfile: Path) -> None:
    import requests

    give_up = time.monotonic() + seconds
    while time.monotonic() < give_up:
        if not server.alive():
            raise RuntimeError(f"the server exited: {logfile.read_text(errors='replace')[-2000:]}")
        try:
            if requests.post(url, data={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1"},
                             headers={"Accept": "application/sparql-results+json"}, timeout=5).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {seconds:.0f} s")


def _version(command: list[str]) -> str:
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "?"


VIRTUOSO_INI = """[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql}
ServerThreads = 20
NumberOfBuffers = 340000
MaxDirtyBuffers = 250000
DirsAllowed = ., {d}
CheckpointInterval = 60
UseAIO = 0

[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {d}
MaxClientConnections = 16
ServerThreads = 16
KeepAliveTimeout = 60

[SPARQL]
ResultSetMaxRows = 10000000
MaxQueryExecutionTime = 0
MaxQueryCostEstimationTime = 0
"""


class Running:
    """A server started elsewhere (``--url``): measured, never started or stopped here."""

    def __init__(self, pid: int | None) -> None:
        self.pid = pid


@contextmanager
def start(system: str, data: Path, work: Path, info: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    """Start ``system`` loaded with ``data``; yields (SPARQL endpoint URL, server). Fills ``info``."""
    if info.get("url"):
        info["version"] = f"already running at {info['url']}"
        yield info["url"], Running(info.get("pid"))
        return
    port = free_port()
    system, _, extra = system.partition(":")
    extra_env = dict(kv.split("=", 1) for kv in extra.split(",") if kv)
    logfile = work / f"{system}.log"
    if system in ("newskg", "baseline"):
        import pyoxigraph

        import kg

        started = time.monotonic()
        store = newskg_store(data, work / "store")
        info["load_s"] = time.monotonic() - started
        env = {"KG_STORE": str(store), **extra_env}
        if system == "newskg":
            info["version"] = f"newskg {kg.__version__}, pyoxigraph {pyoxigraph.__version__}" + (
                f" ({extra})" if extra else "")
            command = [str(BIN / "kg"), "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", "2"]
        else:
            from importlib.metadata import version

            info["version"] = (f"bench/baseline_app.py: pyoxigraph {pyoxigraph.__version__}, Flask {version('flask')},"
                               f" gunicorn {version('gunicorn')}")
            command = [str(BIN / "gunicorn"), "-w", "2", "-k", "gthread", "--threads", "4", "-b",
                       f"127.0.0.1:{port}", "--log-level", "warning", "bench.baseline_app:app"]
        url = f"http://127.0.0.1:{port}/sparql"
        server = Server(command, env, logfile)
        try:
            wait_ready(url, server, 120, logfile)
            info["start_s"] = time.monotonic() - started - info["load_s"]
            yield url, server
        finally:
            server.stop()
    elif system == "virtuoso":
        if not shutil.which("virtuoso-t"):
            raise SystemExit("virtuoso-t not found: apt-get install -y virtuoso-opensource-7-bin")
        directory = work / "virtuoso"
        directory.mkdir()
        sql = free_port()
        (directory / "virtuoso.ini").write_text(VIRTUOSO_INI.format(d=directory, sql=sql, http=port))
        try:
            os.link(data, directory / "data.nq")
        except OSError:
            shutil.copy(data, directory / "data.nq")
        info["version"] = "Virtuoso " + _version(["dpkg-query", "-W", "-f=${Version}", "virtuoso-opensource-7-bin"])
        started = time.monotonic()
        server = Server(["virtuoso-t", "+foreground", "+configfile", str(directory / "virtuoso.ini")], None,
                        logfile, cwd=directory)
        url = f"http://127.0.0.1:{port}/sparql"
        try:
            wait_ready(url, server, 120, logfile)
            info["start_s"] = time.monotonic() - started
            started = time.monotonic()
            script = (f"ld_dir('{directory}', 'data.nq', 'urn:bench:default'); rdf_loader_run(); checkpoint; "
                      f"SELECT ll_file, ll_state, ll_error FROM DB.DBA.load_list;")
            done = subprocess.run(["isql-vt", str(sql), "dba", "dba", f"exec={script}"], capture_output=True,
                                  text=True, timeout=7200)
            if done.returncode != 0 or "NULL" not in done.stdout.split("ll_error")[-1]:
                raise RuntimeError(f"Virtuoso load failed: {done.stdout[-2000:]} {done.stderr[-2000:]}")
            info["load_s"] = time.monotonic() - started
            yield url, server
        finally:
            server.stop()
    elif system == "rdflib-endpoint":
        executable = RDFLIB_VENV / "bin" / "rdflib-endpoint"
        if not executable.exists():
            raise SystemExit(f"{executable} not found: see bench/README.md to create that venv")
        info["version"] = "rdflib-endpoint " + _version(
            [str(RDFLIB_VENV / "bin" / "python"), "-c",
             "import importlib.metadata as m; print(m.version('rdflib-endpoint'), 'rdflib', m.version('rdflib'))"])
        started = time.monotonic()
        server = Server([str(executable), "serve", str(data), "--host", "127.0.0.1", "--port", str(port)], None,
                        logfile)
        url = f"http://127.0.0.1:{port}/"
        try:
            wait_ready(url, server, 3600, logfile)
            info["load_s"] = time.monotonic() - started
            yield url, server
        finally:
            server.stop()
    else:
        raise SystemExit(f"unknown system {system!r}")


# -- the clients -------------------------------------------------------------------------------------------

class Connection:
    """One kept-alive HTTP/1.1 connection, opened again when the server closes it.

    http.client rather than requests: the clients share the two cores with the server, and a requests.Session
    spent 2.5 times the processor per query (1.79 ms against 0.71 ms, bench/RESULTS.md), time the server
    then did not get.
    """

    def __init__(self, url: str) -> None:
        parts = urllib.parse.urlsplit(url)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self.path = parts.path + (f"?{parts.query}" if parts.query else "")
        self.connection: http.client.HTTPConnection | None = None

    def post(self, form: dict[str, str], accept: str) -> tuple[int, dict[str, str], bytes]:
        body = urllib.parse.urlencode(form).encode()
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": accept}
        for attempt in (1, 2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection(self.host, self.port, timeout=REQUEST_TIMEOUT)
            try:
                self.connection.request("POST", self.path, body, headers)
                response = self.connection.getresponse()
                content = response.read()
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                self.close()  # the server closed a kept-alive connection: once more on a new one
                if attempt == 2:
                    raise
                continue
            if response.will_close:
                self.close()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, content
        raise AssertionError("unreachable")

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def execute(session: Connection, query: Any) -> tuple[float, bool, int, str]:
    """One query: (seconds to the last byte, ok, rows or triples, error)."""
    started = time.perf_counter()
    try:
        status, headers, body = session.post({"query": query.text}, query.accept)
    except (OSError, http.client.HTTPException) as exc:
        return time.perf_counter() - started, False, 0, f"{type(exc).__name__}: {exc}"[:300]
    seconds = time.perf_counter() - started
    if status != 200:
        return seconds, False, 0, f"HTTP {status}: {body[:300]!r}"
    if headers.get("x-sql-state"):  # Virtuoso's partial ("anytime") answers
        return seconds, False, 0, f"partial answer: X-SQL-State {headers['x-sql-state']}"
    try:
        if query.graph:
            import pyoxigraph as ox

            rows = sum(1 for _ in ox.parse(body, format=ox.RdfFormat.TURTLE))
        else:
            rows = len(json.loads(body)["results"]["bindings"])
    except Exception as exc:  # noqa: BLE001 - any failure to parse is an error of the answer
        return seconds, False, 0, f"unparsable answer ({type(exc).__name__}: {exc}): {body[:200]!r}"[:400]
    return seconds, True, rows, ""


def client(url: str, data: str, mix: dict[str, Any], seed: int, start_at: float, stop_at: float, out: Any) -> None:
    params = Parameters(data, **mix)
    session = Connection(url)
    records: list[tuple[str, float, bool, int]] = []
    errors: dict[str, list[str]] = {}
    queries = params.stream(seed)
    time.sleep(max(0.0, start_at - time.time()))
    cpu = time.process_time()
    while time.time() < stop_at:
        query = next(queries)
        seconds, ok, rows, error = execute(session, query)
        records.append((query.type, seconds, ok, rows, zlib.crc32(query.text.encode())))
        if error and len(errors.setdefault(query.type, [])) < 3:
            errors[query.type].append(error)
    out.put({"records": records, "errors": errors, "finished": time.time(), "cpu": time.process_time() - cpu})


def quantile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=1000, method="inclusive")[int(q * 1000) - 1]


def summary(latencies: list[float], count: int, errors: int, rows: int) -> dict[str, Any]:
    return {"queries": count, "errors": errors, "mean_rows": rows / max(count - errors, 1),
            "p50_ms": quantile(latencies, 0.50) * 1000, "p95_ms": quantile(latencies, 0.95) * 1000,
            "p99_ms": quantile(latencies, 0.99) * 1000,
            "mean_ms": statistics.fmean(latencies) * 1000 if latencies else float("nan")}


def measure(url: str, data: Path, mix: dict[str, Any], clients: int, seconds: float, seed: int,
            server_pid: int | None) -> dict[str, Any]:
    """``clients`` client processes for ``seconds``; throughput and latency."""
    ctx = multiprocessing.get_context("fork")
    out = ctx.Queue()
    start_at = time.time() + 1.5
    stop_at = start_at + seconds
    procs = [ctx.Process(target=client, args=(url, str(data), mix, seed * 1000 + n, start_at, stop_at, out))
             for n in range(clients)]
    for p in procs:
        p.start()
    time.sleep(max(0.0, start_at - time.time()))
    cpu_before = tree_cpu(server_pid) if server_pid else 0.0
    results = [out.get() for _ in procs]
    cpu_after = tree_cpu(server_pid) if server_pid else 0.0
    for p in procs:
        p.join()
    elapsed = max(r["finished"] for r in results) - start_at
    records = [rec for r in results for rec in r["records"]]
    types = mix.get("types") or TYPES
    by_type: dict[str, dict[str, Any]] = {}
    for name in types:
        mine = [rec for rec in records if rec[0] == name]
        by_type[name] = summary(sorted(rec[1] for rec in mine if rec[2]), len(mine),
                                sum(1 for rec in mine if not rec[2]), sum(rec[3] for rec in mine))
        # the share of this type's queries asked before in the same run (by any client): what an answer
        # cache can at most save
        by_type[name]["asked_before"] = 1 - len({rec[4] for rec in mine}) / max(len(mine), 1)
    ok = sorted(rec[1] for rec in records if rec[2])
    entity = sorted(rec[1] for rec in records if rec[2] and rec[0] in ENTITY_TYPES)
    done = len(records)
    errors: dict[str, list[str]] = {}
    for r in results:
        for name, messages in r["errors"].items():
            errors.setdefault(name, []).extend(messages)
    return {
        "clients": clients, "seconds": elapsed, "queries": done, "errors": len(records) - len(ok),
        "queries_per_s": done / elapsed, "mixes_per_hour": done / len(types) * 3600 / elapsed,
        "overall": summary(ok, done, len(records) - len(ok), sum(rec[3] for rec in records)),
        "entity": summary(entity, sum(1 for rec in records if rec[0] in ENTITY_TYPES),
                          sum(1 for rec in records if rec[0] in ENTITY_TYPES and not rec[2]), 0),
        "types": by_type, "error_samples": {k: v[:3] for k, v in errors.items()},
        "server_cpu_s": cpu_after - cpu_before, "client_cpu_s": sum(r["cpu"] for r in results),
    }


def check(url: str, data: Path, mix: dict[str, Any]) -> list[dict[str, Any]]:
    """The same fixed queries on every system, one at a time: rows (or triples) of each answer."""
    import random

    params = Parameters(data, **mix)
    rng = random.Random(CHECK_SEED)
    session = Connection(url)
    out = []
    for _ in range(CHECK_MIXES):
        for query in params.mix(rng):
            seconds, ok, rows, error = execute(session, query)
            out.append({"type": query.type, "ok": ok, "rows": rows, "ms": seconds * 1000, "error": error})
    return out


# -- reporting ---------------------------------------------------------------------------------------------

def fmt(x: float, digits: int = 1) -> str:
    return "n/a" if x != x else f"{x:,.{digits}f}"


def markdown(report: dict[str, Any]) -> str:
    systems = report["systems"]
    names = list(systems)
    lines = [f"data: `{report['data']}` ({report['quads']:,} quads, {report['articles']:,} articles); "
             f"{report['seconds']:g} s per run after a {report['warmup']:g} s warm-up; "
             f"mix: {'all ten query types' if len(report['types']) == len(TYPES) else ', '.join(report['types'])}, "
             f"{report['variant']} variant; "
             f"{report['machine']}", ""]
    lines += ["| system | version | load s |", "|---|---|---:|"]
    for name in names:
        s = systems[name]
        lines.append(f"| {name} | {s['info'].get('version', '?')} | {fmt(s['info'].get('load_s', float('nan')))} |")
    for clients in report["clients"]:
        lines += ["", f"**{clients} client{'s' if clients > 1 else ''}**", "",
                  "| system | mixes/hour | queries/s | p50 ms | p95 ms | p99 ms | entity p99 ms | errors | "
                  "server CPU s/query |",
                  "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for name in names:
            r = systems[name]["runs"].get(str(clients))
            if r is None:
                continue
            o = r["overall"]
            lines.append(f"| {name} | {r['mixes_per_hour']:,.0f} | {fmt(r['queries_per_s'])} | {fmt(o['p50_ms'])} | "
                         f"{fmt(o['p95_ms'])} | {fmt(o['p99_ms'])} | {fmt(r['entity']['p99_ms'])} | {r['errors']} | "
                         f"{fmt(r['server_cpu_s'] / max(r['queries'], 1) * 1000, 2)} ms |")
        if "newskg" in systems and str(clients) in systems["newskg"]["runs"]:
            mine = systems["newskg"]["runs"][str(clients)]["mixes_per_hour"]
            ratios = [f"newskg / {name}: **{mine / systems[name]['runs'][str(clients)]['mixes_per_hour']:.2f}**"
                      for name in names if name != "newskg" and str(clients) in systems[name]["runs"]
                      and systems[name]["runs"][str(clients)]["mixes_per_hour"]]
            if ratios:
                lines += ["", "Throughput ratios: " + "; ".join(ratios) + "."]
        lines += ["", "p50 / p95 / p99 ms by query type (mean rows per answer); the last column is the share of "
                  "the type's queries that repeat one asked earlier in the same run (by any client, on the first "
                  "system):", "",
                  "| query | " + " | ".join(names) + " | asked before |", "|---|" + "---:|" * (len(names) + 1)]
        for qtype in report["types"]:
            cells = []
            for name in names:
                r = systems[name]["runs"].get(str(clients))
                if r is None:
                    cells.append("")
                    continue
                t = r["types"][qtype]
                err = f", {t['errors']} err" if t["errors"] else ""
                cells.append(f"{fmt(t['p50_ms'])} / {fmt(t['p95_ms'])} / {fmt(t['p99_ms'])} "
                             f"({fmt(t['mean_rows'], 0)}{err})")
            first = systems[names[0]]["runs"].get(str(clients))
            repeat = first["types"][qtype].get("asked_before", float("nan")) if first else float("nan")
            lines.append(f"| {qtype} | " + " | ".join(cells) + f" | {fmt(repeat * 100, 0)}% |")
    # the correctness pass
    checks = {name: systems[name].get("check") for name in names if systems[name].get("check")}
    if checks:
        reference = next(iter(checks.values()))
        mismatches = []
        for i, item in enumerate(reference):
            counts = {name: (c[i]["rows"] if c[i]["ok"] else "error") for name, c in checks.items()}
            if len(set(map(str, counts.values()))) > 1:
                mismatches.append(f"{item['type']} #{i}: " + ", ".join(f"{n} {v}" for n, v in counts.items()))
        lines += ["", f"Correctness pass ({len(reference)} fixed queries on each system, answers counted): "
                  + ("every system gave the same number of rows/triples for every query."
                     if not mismatches else f"{len(mismatches)} differ:")]
        lines += [f"- {m}" for m in mismatches]
    errors = [(name, c, t, msgs) for name in names for c, r in systems[name]["runs"].items()
              for t, msgs in r["error_samples"].items()]
    if errors:
        lines += ["", "Errors seen:"]
        lines += [f"- {name}, {c} clients, {t}: {msgs[0]}" for name, c, t, msgs in errors]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="N-Quads from bench/generate.py")
    parser.add_argument("--systems", nargs="+", default=["newskg", "baseline", "virtuoso"],
                        help="newskg, baseline, virtuoso, rdflib-endpoint; newskg:KEY=VALUE[,KEY=VALUE] runs newskg "
                             "with extra settings (e.g. newskg:KG_QUERY_WORKERS=4)")
    parser.add_argument("--types", nargs="+", choices=TYPES, help="run only these query types (default: the whole mix)")
    parser.add_argument("--variant", choices=["natural", "path-first"], default="natural",
                        help="how the queries over kg:locatedIn are written (see bench/querymix.py)")
    parser.add_argument("--clients", nargs="+", type=int, default=[1, 2, 8])
    parser.add_argument("--seconds", type=float, default=30, help="length of each measured run")
    parser.add_argument("--warmup", type=float, default=10, help="warm-up with 2 clients before measuring")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", type=Path, help="also write the full results here")
    parser.add_argument("--markdown", type=Path, help="also write the tables here")
    parser.add_argument("--url", help="measure a server that is already running at this URL (one system name "
                                       "labels it); --pid PID then counts that process tree's CPU")
    parser.add_argument("--pid", type=int)
    parser.add_argument("--keep", type=Path, help="keep the systems' directories (logs) under this directory")
    args = parser.parse_args()
    mix = {"types": args.types, "variant": args.variant}
    params = Parameters(args.data, **mix)
    report: dict[str, Any] = {
        "types": params.types, "variant": args.variant,
        "data": str(args.data), "quads": params.quads, "articles": params.raw["generator"]["articles"],
        "seconds": args.seconds, "warmup": args.warmup, "clients": args.clients, "seed": args.seed,
        "machine": f"{os.cpu_count()} cores, {platform.system()} {platform.release()}, Python {platform.python_version()}",
        "started": time.strftime("%Y-%m-%d %H:%M:%S"), "systems": {},
    }
    for system in args.systems:
        work = Path(tempfile.mkdtemp(prefix=f"kg-bench-{system}-", dir=args.keep))
        info: dict[str, Any] = {"url": args.url, "pid": args.pid} if args.url else {}
        entry: dict[str, Any] = {"info": info, "runs": {}}
        report["systems"][system] = entry
        log(f"{system}: starting and loading {args.data}")
        try:
            with start(system, args.data, work, info) as (url, server):
                log(f"{system}: ready at {url} (load {info.get('load_s', 0):.1f} s)")
                entry["check"] = check(url, args.data, mix)
                log(f"{system}: correctness pass done ({sum(c['ok'] for c in entry['check'])}/{len(entry['check'])} ok)")
                if args.warmup > 0:
                    measure(url, args.data, mix, 2, args.warmup, args.seed + 99, None)
                for clients in args.clients:
                    run = measure(url, args.data, mix, clients, args.seconds, args.seed + clients, server.pid)
                    entry["runs"][str(clients)] = run
                    log(f"{system}: {clients} clients: {run['mixes_per_hour']:,.0f} mixes/h, "
                        f"{run['queries_per_s']:.1f} q/s, p99 {run['overall']['p99_ms']:.1f} ms, "
                        f"entity p99 {run['entity']['p99_ms']:.1f} ms, {run['errors']} errors")
        finally:
            if args.keep is None:
                shutil.rmtree(work, ignore_errors=True)
    report["finished"] = time.strftime("%Y-%m-%d %H:%M:%S")
    text = markdown(report)
    print(text)
    if args.json:
        args.json.write_text(json.dumps(report, indent=1))
    if args.markdown:
        args.markdown.write_text(text)


if __name__ == "__main__":
    main()
