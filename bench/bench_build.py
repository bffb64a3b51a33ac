"""`kg build` at scale: articles per second and peak memory, with the progress bar a user watches.

    .venv/bin/python bench/bench_build.py --articles 1000

Writes synthetic articles (paragraphs of the seed and the gold corpus, about 3,000 characters each, each
with its own URL and its years and months moved by an offset of its own, see bench_extract.synthetic_articles) to a temporary directory and runs `kg build` on them into a fresh store under
/usr/bin/time, so the figure includes validation, storing, cross-article linking and publishing.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_extract import synthetic_articles  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--log", type=Path, help="also write what `kg build` printed (its progress) to this file")
    args = parser.parse_args()
    articles = synthetic_articles([ROOT / "seeds", ROOT / "tests" / "corpus" / "dev"], args.articles)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for n, article in enumerate(articles):
            (folder / f"{n:06d}.txt").write_text(article.text)
            (folder / f"{n:06d}.json").write_text(json.dumps({"url": article.url, "publisher": "Bench Wire",
                                                              "published": article.published.isoformat()}))
        kg = Path(sys.executable).with_name("kg")
        started = time.perf_counter()
        run = subprocess.run(["/usr/bin/time", "-v", str(kg), "build", str(folder), "--store", str(Path(tmp) / "store")],
                             capture_output=True, text=True)
        seconds = time.perf_counter() - started
        if args.log:
            args.log.write_text(run.stderr)
        rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", run.stderr)
        summary = [line for line in run.stderr.splitlines() if line.startswith(("stored", "refused"))]
        print(f"{args.articles} articles in {seconds:.1f} s: {args.articles / seconds:.1f} articles/s; "
              f"peak memory {int(rss.group(1)) / 1024:.0f} MiB" if rss else f"{seconds:.1f} s")
        print("\n".join(summary[-1:]))


if __name__ == "__main__":
    main()
