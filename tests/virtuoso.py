"""Start Virtuoso 7 (Debian's virtuoso-opensource-7-bin) on loopback in a temporary directory, for tests."""
from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import requests

from tests.live import free_port

INI = """[Database]
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
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000
DirsAllowed = ., {d}
CheckpointInterval = 60

[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {d}
MaxClientConnections = 8
ServerThreads = 8

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
MaxQueryCostEstimationTime = 0
"""


def available() -> bool:
    return shutil.which("virtuoso-t") is not None and shutil.which("isql-vt") is not None


@contextmanager
def virtuoso(directory: Path) -> Iterator[tuple[str, str]]:
    """(query URL, update URL with digest auth as dba/dba) of a fresh Virtuoso on loopback."""
    directory.mkdir(parents=True, exist_ok=True)
    sql, http = free_port(), free_port()
    (directory / "virtuoso.ini").write_text(INI.format(d=directory, sql=sql, http=http))
    process = subprocess.Popen(["virtuoso-t", "+foreground", "+configfile", str(directory / "virtuoso.ini")],
                               cwd=directory, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{http}/sparql"
    try:
        for _ in range(300):
            try:
                if requests.get(url, params={"query": "ASK {}"}, timeout=2).status_code == 200:
                    break
            except requests.RequestException:
                pass
            if process.poll() is not None:
                raise RuntimeError("virtuoso-t exited: " + (directory / "virtuoso.log").read_text()[-2000:])
            time.sleep(0.2)
        else:
            raise RuntimeError("Virtuoso did not answer")
        subprocess.run(["isql-vt", str(sql), "dba", "dba", "exec=GRANT SPARQL_UPDATE TO \"SPARQL\";"],
                       check=True, capture_output=True, timeout=60)
        yield url, f"http://127.0.0.1:{http}/sparql-auth"
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
