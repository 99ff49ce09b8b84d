"""Running pa11y-ci: its configuration, the Node and Chromium it runs under, and the local server for --serve.

pa11y-ci runs once over every page to test, in its own process group and temporary folder, and its
JSON results are read back keyed by URL (results.py matches them to the pages).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import tempfile
import threading
import urllib.parse
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from accessibility.gate import GateError
from toolchain.chromium import chromium_flags
from toolchain.versions import command_version, npm_package_version

RUNNERS_DIR = Path(__file__).resolve().parents[1] / "runners"
WCAG22_RUNNER = RUNNERS_DIR / "wcag22.js"
EQUAL_ACCESS_RUNNER = RUNNERS_DIR / "equal-access.js"
RUNNER_HELPER = RUNNERS_DIR / "package-path.js"  # both runners find their packages with it
STANDARD = "WCAG2AA"
# All four run in one page load: pa11y injects every runner into the page and runs them there.
RUNNERS = ["axe", "htmlcs", str(WCAG22_RUNNER), str(EQUAL_ACCESS_RUNNER)]
# Generous: a page's run includes Chromium opening a tab, three runners and our focus checks.
BASE_TIMEOUT_MS = 60_000
# Big pages (the print page) take far longer: axe needed about 100 s for a 2.2 MB print page.
TIMEOUT_MS_PER_KB = 150
# Two pages at once in one Chromium: 1.4 times as fast as one on 2 cores, and as fast as two
# pa11y-ci processes side by side (README.md, "Speed"). One core gets one.
DEFAULT_CONCURRENCY = min(2, os.cpu_count() or 1)


def page_timeout(size_bytes: int, base_ms: int) -> int:
    return base_ms + (size_bytes // 1024) * TIMEOUT_MS_PER_KB


def chrome_args(user_data_dir: Path) -> list[str]:
    # The shared flags keep Chromium off the network and out of the home folder; /dev/shm is small in containers.
    return chromium_flags(user_data_dir, "--disable-dev-shm-usage")


def pa11y_config(
    urls: list[dict[str, Any]],
    chrome: str,
    work: Path,
    report_file: Path,
    concurrency: int,
    protocol_timeout_ms: int = BASE_TIMEOUT_MS * 3,
) -> dict[str, Any]:
    return {
        "defaults": {
            "standard": STANDARD,
            "runners": RUNNERS,
            "includeNotices": False,
            "includeWarnings": False,
            "timeout": BASE_TIMEOUT_MS,
            "concurrency": concurrency,
            # Keep one browser context per page: without them, pages tested side by side share one
            # window, and a background tab never has focus, which our focus check needs.
            "useIncognitoBrowserContext": True,
            # Puppeteer gives up on one call into the page after 180 s by default, and the runners run
            # in one call: the big print page needs longer, so allow as long as the slowest page may take.
            "chromeLaunchConfig": {
                "executablePath": chrome,
                "args": chrome_args(work / "chrome-profile"),
                "protocolTimeout": protocol_timeout_ms,
            },
            "reporters": [["json", {"fileName": str(report_file)}]],
        },
        "urls": urls,
    }


def page_url(base: str, page: str) -> str:
    """base is the site folder's file:// URI or the loopback server's address, ending in "/"."""
    return base + urllib.parse.quote(page)


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass  # One line per asset request would bury the gate's own output.


def start_server(site: Path) -> ThreadingHTTPServer:
    # Port 0: the system picks a free port, so gates running side by side never collide.
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def pa11y_command(args: argparse.Namespace, config_file: Path) -> list[str]:
    # Call Node explicitly: pa11y-ci's "#!/usr/bin/env node" would pick whatever Node the host has.
    return [args.node, str(args.node_modules / "pa11y-ci" / "bin" / "pa11y-ci.js"), "--config", str(config_file)]


def pa11y_env(args: argparse.Namespace, work: Path) -> dict[str, str]:
    # NODE_PATH lets our runner (outside node_modules) find axe-core; the XDG folders keep
    # Chromium from writing into the home folder.
    return dict(
        os.environ,
        PUPPETEER_SKIP_DOWNLOAD="1",
        NODE_PATH=str(args.node_modules),
        XDG_CONFIG_HOME=str(work / "xdg-config"),
        XDG_CACHE_HOME=str(work / "xdg-cache"),
    )


def kill_group(process: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)  # pa11y-ci and its Chromium together.
    except ProcessLookupError:
        pass  # It had finished already.


def wait_for(process: subprocess.Popen[bytes], timeout_s: float, report_file: Path, log_file: Path) -> str | None:
    """Wait for pa11y-ci; return a failure message, or None when it produced a report."""
    try:
        returncode = process.wait(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        kill_group(process)
        process.wait()
        return f"pa11y-ci did not finish within {timeout_s:.0f} s and was stopped"
    # pa11y-ci exits 2 when pages have issues (that is for us to judge) and 1 when it crashed.
    if returncode in (0, 2) and report_file.exists():
        return None
    tail = (
        log_file.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-15:] if log_file.exists() else []
    )
    return "pa11y-ci failed (exit status {}){}".format(returncode, ":\n    " + "\n    ".join(tail) if tail else "")


def read_results(report_file: Path) -> dict[str, list[dict[str, Any]]]:
    try:
        return dict(json.loads(report_file.read_text(encoding="utf-8"))["results"])
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise GateError(f"cannot read pa11y-ci results {report_file}: {error}") from error


def run_pa11y_ci(
    pages: list[str], site: Path, base: str, args: argparse.Namespace
) -> tuple[dict[str, list], list[str]]:
    """Run pa11y-ci once over all pages; return its results keyed by URL and any run failure."""
    sizes = {page: (site / page).stat().st_size for page in pages}
    # Biggest first, so a slow print page starts at once instead of finishing last. Each URL is an
    # object: with plain strings pa11y-ci shares one config object between concurrent pages, which
    # made concurrency 2 fail at random ("No target with given id found").
    urls = [
        {"url": page_url(base, page), "timeout": page_timeout(sizes[page], args.timeout)}
        for page in sorted(pages, key=lambda page: (-sizes[page], page))
    ]
    timeout_s = sum(url["timeout"] for url in urls) / 1000 / args.concurrency + 120
    with tempfile.TemporaryDirectory(prefix="accessibility-gate-") as tmp_name:
        # pa11y-ci runs inside the temporary folder: a folder named like the config file without
        # ".json" in its working directory would break config loading.
        work = Path(tmp_name)
        report_file, log_file, config_file = work / "results.json", work / "pa11y-ci.log", work / "pa11y-ci.json"
        config = pa11y_config(
            urls, args.chrome, work, report_file, args.concurrency, max(url["timeout"] for url in urls)
        )
        config_file.write_text(json.dumps(config, indent=2), encoding="utf-8")
        with open(log_file, "wb") as log:
            output = None if args.verbose else log
            process = subprocess.Popen(
                pa11y_command(args, config_file),
                cwd=work,
                env=pa11y_env(args, work),
                stdout=output,
                stderr=subprocess.STDOUT if output else None,
                start_new_session=True,
            )  # Its own process group, so a hang can be killed whole.
            try:
                failure = wait_for(process, timeout_s, report_file, log_file)
            except BaseException:
                # Ctrl-C or SIGTERM: pa11y-ci has its own process group, which neither reaches, so
                # stop it and its Chromium here rather than leave them running.
                kill_group(process)
                raise
        return ({}, [failure]) if failure else (read_results(report_file), [])


def run_pages(pages: list[str], site: Path, args: argparse.Namespace) -> tuple[str, dict[str, list], list[str]]:
    """Test `pages` (none: no browser starts); return the base URL they were opened under, pa11y-ci's
    results keyed by URL, and any run failure."""
    server = start_server(site) if args.serve and pages else None
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/" if server else site.as_uri() + "/"
        results, failures = run_pa11y_ci(pages, site, base, args) if pages else ({}, [])
    finally:
        if server:
            server.shutdown()
    return base, results, failures


def runner_name(runner: str) -> str:
    # Custom runners are loaded by absolute path; show "wcag22", not the whole path.
    return Path(runner).stem if runner.endswith(".js") else runner


def tool_versions(args: argparse.Namespace) -> dict[str, str | None]:
    """The version of every tool a page's result depends on: for the reports and the cache key."""
    return {
        "pa11y-ci": npm_package_version(args.node_modules, "pa11y-ci"),
        "pa11y": npm_package_version(args.node_modules, "pa11y"),
        "axe-core": npm_package_version(args.node_modules, "axe-core"),
        "accessibility-checker-engine": npm_package_version(args.node_modules, "accessibility-checker-engine"),
        "html_codesniffer": npm_package_version(args.node_modules, "@pa11y/html_codesniffer"),
        "node": command_version([args.node, "--version"]),
        "chromium": command_version([args.chrome, "--version"]),
    }


def check_tools(args: argparse.Namespace) -> None:
    # Fail early with a clear line rather than a Node stack trace.
    if not (args.node_modules / "pa11y-ci" / "bin" / "pa11y-ci.js").is_file():
        raise GateError(f"pa11y-ci not found under {args.node_modules} (run the Makefile's gate install)")
    if not (args.node_modules / "axe-core").is_dir():
        raise GateError(f"axe-core not found under {args.node_modules}")
    if not (args.node_modules / "accessibility-checker-engine" / "ace.js").is_file():
        raise GateError(
            f"accessibility-checker-engine not found under {args.node_modules} (run the Makefile's gate install)"
        )
    for name, command in (("Chromium", args.chrome), ("Node", args.node)):
        if not Path(command).is_file():
            raise GateError(f"{name} not found at {command}")
