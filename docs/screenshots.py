"""Screenshots for the README: the report of a current run, photographed by headless Chromium.

    python docs/screenshots.py [--articles PATH] [--limit N] [--n-process 2] [--docs docs] [--keep DIR]

Extracts the seed article (data/raw) and the first N dpgmedia2019 articles with the shipped pipeline,
aggregates, builds the report and writes ``report-overview.png`` (the overview page) and
``report-document.png`` (the seed article's page) into ``--docs``. Needs a Chromium binary
(``apt-get install chromium``, or ``chromium-headless-shell``); ``--keep`` leaves the run's tables and
report in a folder of your choice.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]  # this checkout's pipeline, not the installed one
from corpus import DEFAULT_ARTICLES, read_articles, write_raw  # noqa: E402

import pipeline  # noqa: E402
from pipeline.report import build_report  # noqa: E402

SEED = ROOT / "data" / "raw" / "000_059bb13c25190bb0.txt"
BROWSERS = ("chromium", "chromium-browser", "chromium-headless-shell", "chrome-headless-shell", "google-chrome")
SHOTS = {"report-overview.png": (1280, 2400), "report-document.png": (1280, 1400)}


def find_browser() -> str:
    """The path of a Chromium that can run headless, or exit saying how to install one."""
    for name in BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    sys.exit("no Chromium found (tried " + ", ".join(BROWSERS) + "): install one with `apt-get install chromium` "
             "(or chromium-headless-shell), then run `make screenshots` again")


def screenshot(browser: str, page: Path, target: Path, size: tuple[int, int]) -> None:
    """Photograph the top ``size`` pixels of ``page`` into ``target``."""
    width, height = size
    command = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=1",
               f"--window-size={width},{height}", f"--screenshot={target}", page.resolve().as_uri()]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    if result.returncode != 0 or not target.exists():
        sys.exit(f"{browser} could not photograph {page}: {result.stderr.strip()[-500:]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES)
    parser.add_argument("--limit", type=int, default=1000, help="How many dpgmedia2019 articles to extract.")
    parser.add_argument("--n-process", type=int, default=2)
    parser.add_argument("--docs", type=Path, default=DOCS, help="Where the PNG files go.")
    parser.add_argument("--keep", type=Path, default=None, help="Keep the run's tables and report in this folder.")
    args = parser.parse_args()
    browser = find_browser()
    if not args.articles.exists():
        sys.exit(f"articles not found: {args.articles} (pass --articles)")

    with tempfile.TemporaryDirectory() as tmp:
        raw, out = Path(tmp) / "raw", args.keep or Path(tmp) / "out"
        write_raw(read_articles(args.articles, args.limit), raw)
        shutil.copy(SEED, raw / SEED.name)
        documents = pipeline.run(raw, out, n_process=args.n_process, force=True).documents
        index = build_report(out)
        position = list(documents.doc_id[documents.status == "ok"]).index(SEED.stem)  # pages follow the ok documents
        seed_page = index.parent / "docs" / f"{position:05d}.html"
        args.docs.mkdir(parents=True, exist_ok=True)
        for (name, size), page in zip(SHOTS.items(), (index, seed_page)):
            screenshot(browser, page, args.docs / name, size)
            print(f"wrote {args.docs / name}")


if __name__ == "__main__":
    main()
