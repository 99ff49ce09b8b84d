"""Print how long each step of `make bundle` takes, how heavy pages are, and compare the gate with plain pa11y-ci.

Run with `make benchmark` (after `make install`). It prints figures beside the goals we hold
ourselves to; it never fails on a slow figure, because timings depend on the machine.

    --synthetic N     also build a copy of the site with N extra generated pages (default 0: skip)
    --no-plain        skip the plain pa11y-ci comparison (the slowest part)
    --no-lighthouse   skip Lighthouse (it runs only when .venv/benchmark has it: make benchmark installs it)
    --no-check        skip timing `make check` (run twice: the goal is for the second run, once the gate has a cache)
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from toolchain.chromium import sandbox_flags

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
VENV = BIN.parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PUPPETEER_SKIP_DOWNLOAD": "1", "PYTHONPATH": str(ROOT)}


def timed(command: list[str], cwd: Path = ROOT, check: bool = True) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    elapsed = time.perf_counter() - start
    if check and result.returncode != 0:
        sys.exit(f"benchmark: {' '.join(command)} failed:\n{result.stdout[-3000:]}")
    return elapsed


def row(label: str, value: str, goal: str = "") -> None:
    print(f"  {label:<58} {value:>10}   {goal}")


def chrome() -> str:
    return (VENV / "chrome-path").read_text().strip()


def build(project: Path, site: Path) -> float:
    """The strict MkDocs build alone, the figure `make bundle` is compared with."""
    return timed([str(BIN / "mkdocs"), "build", "--strict", "-d", str(site)], cwd=project)


def purge(site: Path) -> float:
    """The rest of `make site`: the unused rules of Material's stylesheets removed."""
    return timed(
        [
            str(BIN / "node"),
            str(ROOT / "overrides" / ".build" / "purge-css.js"),
            str(site),
            str(VENV / "theme" / "node_modules"),
        ]
    )


def gate(site: Path, reports: Path, cache: Path) -> float:
    """The gate as `make gate` runs it. With an empty cache every page is tested, as in a clean run."""
    return timed(
        [
            str(BIN / "python"),
            "-m",
            "accessibility.gate",
            "--site",
            str(site),
            "--reports",
            str(reports),
            "--source-map",
            str(ROOT / "build" / "pages.json"),
            "--chrome",
            chrome(),
            "--node",
            str(BIN / "node"),
            "--node-modules",
            str(VENV / "gate" / "node_modules"),
            "--concurrency",
            "2",
            "--cache",
            str(cache),
        ]
    )


def plain_pa11y_ci(site: Path, work: Path) -> float:
    """pa11y-ci as a newcomer would run it: its defaults (HTML_CodeSniffer, WCAG2AA, one page at a time),
    with only what this machine needs to start a browser."""
    config = {
        "defaults": {"chromeLaunchConfig": {"executablePath": chrome(), "args": sandbox_flags()}},
        "urls": [path.as_uri() for path in sorted(site.rglob("*.html"))],
    }
    (work / "plain.json").write_text(json.dumps(config))
    cli = VENV / "gate" / "node_modules" / "pa11y-ci" / "bin" / "pa11y-ci.js"
    return timed([str(BIN / "node"), str(cli), "--config", str(work / "plain.json")], cwd=work, check=False)


def first_views(site: Path) -> dict[str, dict[str, dict[str, int]]]:
    """What a browser fetches for each template's page (benchmarks/first-view.js): on opening it, and after
    the reader's first scroll, which loads Material's script. Served compressed, as a web host would."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        result = subprocess.run(
            [
                str(BIN / "node"),
                str(ROOT / "benchmarks" / "first-view.js"),
                f"http://127.0.0.1:{server.server_address[1]}/",
                *TEMPLATES.values(),
            ],
            env={**ENV, "CHROME_PATH": chrome(), "GATE_NODE_MODULES": str(VENV / "gate" / "node_modules")},
            capture_output=True,
            text=True,
            timeout=300,
            check=True,
        )
    finally:
        server.shutdown()
    return json.loads(result.stdout)


def kilobytes(sizes: dict[str, int], *kinds: str) -> float:
    return sum(sizes[kind] for kind in kinds or sizes) / 1024


# One page of each template: the home page, a section overview, a resource and a tool.
TEMPLATES = {
    "home": "index.html",
    "section overview": "agency/index.html",
    "resource": "retention/standard-5-supervision.html",
    "tool": "retention/self-assessment.html",
}


class GzipHandler(SimpleHTTPRequestHandler):
    """Serves the site as a web host would: text compressed with gzip when the browser asks."""

    COMPRESSED = (
        "text/html",
        "text/css",
        "text/javascript",
        "application/javascript",
        "application/json",
        "image/svg+xml",
    )

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path.split("?")[0]))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            return super().send_head()
        data, kind = path.read_bytes(), self.guess_type(str(path))
        compress = "gzip" in self.headers.get("Accept-Encoding", "") and kind.split(";")[0] in self.COMPRESSED
        if compress:
            data = gzip.compress(data, 6)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        return io.BytesIO(data)


def lighthouse(site: Path, work: Path) -> dict[str, dict[str, float | None]] | None:
    """Lighthouse's performance and accessibility scores (mobile defaults) for each template, served
    compressed on loopback; None when Lighthouse is not installed."""
    cli = VENV / "benchmark" / "node_modules" / "lighthouse" / "cli" / "index.js"
    if not cli.exists():
        return None
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    flags = " ".join(["--headless=new", "--disable-gpu", *sandbox_flags()])
    scores = {}
    try:
        for name, page in TEMPLATES.items():
            report = work / f"lighthouse-{name.replace(' ', '-')}.json"
            subprocess.run(
                [
                    str(BIN / "node"),
                    str(cli),
                    f"http://127.0.0.1:{server.server_address[1]}/{page}",
                    "--quiet",
                    f"--chrome-flags={flags}",
                    "--only-categories=performance,accessibility",
                    "--output=json",
                    f"--output-path={report}",
                ],
                env={**ENV, "CHROME_PATH": chrome()},
                capture_output=True,
                timeout=300,
                check=False,
            )
            categories = json.loads(report.read_text())["categories"] if report.exists() else {}
            scores[name] = {key: (categories.get(key) or {}).get("score") for key in ("performance", "accessibility")}
    finally:
        server.shutdown()
    return scores


def synthetic_project(target: Path, pages: int) -> Path:
    """A copy of the project with `pages` generated guide pages added to the navigation."""
    for name in ("docs", "data", "site_model", "macros", "checks", "overrides", "schemas", "mkdocs.yml"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, target / name)
    folder = target / "docs" / "synthetic"
    folder.mkdir()
    entries = []
    for number in range(pages):
        (folder / f"page-{number:04d}.md").write_text(
            f"---\ntitle: Synthetic page {number}\ndescription: A generated page used only to measure build speed.\n"
            "strand: workload\nkind: guide\naudience: [team-managers]\nlast_reviewed: 2026-11-22\n"
            "review_due: 2027-11-22\nsources:\n  - {title: A source, publisher: DfE, url: 'https://example.org'}\n---\n\n"
            "This page has a short introduction, so it reads like a real page of guidance for team managers.\n\n"
            '## What to do\n\n{{ checklist(["Agree the plan.", "Book supervision."]) }}\n\n'
            'The average caseload was {{ statistic("census-caseload-2024") }}.\n\n{{ sources_section() }}\n',
            encoding="utf-8",
        )
        entries.append(f"      - synthetic/page-{number:04d}.md\n")
    config = target / "mkdocs.yml"
    config.write_text(
        config.read_text().replace("  - About:\n", "  - Synthetic:\n" + "".join(entries) + "  - About:\n")
    )
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--synthetic", type=int, default=0)
    parser.add_argument("--no-plain", action="store_true")
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--no-check", action="store_true", help="skip timing make check (two runs of it)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="benchmark-") as temp:
        work = Path(temp)
        site, reports = work / "site", work / "reports"
        print("Benchmark (wall-clock seconds on this machine; goals from the issues, not enforced):")
        row(
            "set-up when already installed (make install)",
            f"{timed(['make', '--no-print-directory', 'install']):.1f} s",
        )
        build_s = build(ROOT, site)
        pages = len(list(site.rglob("*.html")))
        row(f"strict build ({pages} HTML pages)", f"{build_s:.1f} s", f"{1000 * build_s / pages:.0f} ms a page")
        purge_s = purge(site)
        row("unused CSS removed (PurgeCSS)", f"{purge_s:.1f} s")
        pdfs_s = timed(
            [
                str(BIN / "python"),
                str(ROOT / "pdfs" / "make_pdfs.py"),
                "--site",
                str(site),
                "--pages",
                str(ROOT / "build" / "pages.json"),
                "--chrome",
                chrome(),
                "--jobs",
                "2",
            ]
        )
        row("PDF of every resource", f"{pdfs_s:.1f} s")
        cache = work / "gate-cache"
        gate_s = gate(site, reports, cache)
        row("accessibility gate, every page (empty cache)", f"{gate_s:.1f} s", f"{gate_s / pages:.2f} s a page")
        changed = site / "retention" / "standard-5-supervision.html"
        changed.write_text(
            changed.read_text(encoding="utf-8").replace("</main>", "<p>Changed.</p></main>", 1), encoding="utf-8"
        )
        regate_s = gate(site, work / "reports-again", cache)
        row(
            "gate again after one page changed",
            f"{regate_s:.1f} s",
            f"goal: under 15 s ({'met' if regate_s < 15 else 'not met'})",
        )
        shutil.copytree(reports, work / "bundle-build" / "reports")
        shutil.copy2(ROOT / "build" / "pages.json", work / "bundle-build" / "pages.json")
        bundle_s = timed(
            [
                str(BIN / "python"),
                "-m",
                "handover.bundle",
                "--site",
                str(site),
                "--build",
                str(work / "bundle-build"),
                "--dist",
                str(work / "dist"),
                "--node-modules",
                str(VENV / "gate" / "node_modules"),
                "--chrome",
                chrome(),
            ]
        )
        row("handover bundle", f"{bundle_s:.1f} s")
        total = build_s + purge_s + pdfs_s + gate_s + bundle_s
        multiple = total / build_s
        row(
            "build + PDFs + gate + bundle (make bundle)",
            f"{total:.1f} s",
            f"{multiple:.1f}x the strict build; goal: 12x or less ({'met' if multiple <= 12 else 'not met'})",
        )
        views = first_views(site)
        for name, page in TEMPLATES.items():
            first, used = views[page]["first"], views[page]["used"]
            weight = kilobytes(first, "html", "css", "js")
            row(
                f"first view, {name} (HTML+CSS+JS, gzip)",
                f"{weight:.1f} KB",
                f"goal: at most 50 KB ({'met' if weight <= 50 else 'not met'});"
                f" {kilobytes(first):.1f} KB with images and data",
            )
            row(
                f"  after the first scroll, {name}",
                f"{kilobytes(used, 'html', 'css', 'js'):.1f} KB",
                f"{kilobytes(used):.1f} KB with images and data (Material's script and the search index)",
            )
        if not args.no_lighthouse:
            scores = lighthouse(site, work)
            if scores is None:
                row("Lighthouse", "not installed", "make benchmark installs it into .venv/benchmark")
            for name, score in (scores or {}).items():
                perf, a11y = score["performance"], score["accessibility"]
                met = perf is not None and a11y is not None and perf >= 0.98 and a11y >= 1
                row(
                    f"Lighthouse, {name}: performance / accessibility",
                    f"{perf if perf is not None else '-'} / {a11y if a11y is not None else '-'}",
                    f"goal: 0.98 / 1.0 ({'met' if met else 'not met'})",
                )
        if not args.no_plain:
            plain_s = plain_pa11y_ci(site, work)
            ratio = (plain_s / pages) / (gate_s / pages)
            row("plain pa11y-ci, default config, serial", f"{plain_s:.1f} s", f"{plain_s / pages:.2f} s a page")
            row(
                "gate speed against plain pa11y-ci",
                f"{ratio:.2f}x",
                f"gate {gate_s / pages:.2f} s a page; goal: 1x or better ({'met' if ratio >= 1 else 'not met'})",
            )
        if not args.no_check:
            timed(["make", "--no-print-directory", "check"])  # the first run fills the gate's cache
            check_s = timed(["make", "--no-print-directory", "check"])
            row(
                "make check, after a first run",
                f"{check_s:.1f} s",
                f"goal: under 180 s ({'met' if check_s < 180 else 'not met'})",
            )
        if args.synthetic:
            project = synthetic_project(work / "synthetic", args.synthetic)
            synthetic_s = build(project, work / "synthetic-site")
            per_page = 1000 * synthetic_s / (args.synthetic + pages)
            row(
                f"strict build with {args.synthetic} extra pages",
                f"{synthetic_s:.1f} s",
                f"{per_page:.1f} ms a page; goal: under 15 ms ({'met' if per_page < 15 else 'not met'})",
            )


if __name__ == "__main__":
    main()
