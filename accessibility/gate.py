#!/usr/bin/env python3
"""The accessibility gate: run pa11y-ci over every built HTML page and fail on any issue.

    python accessibility/gate.py --site site --reports reports --chrome /usr/bin/chromium \
        --node /usr/bin/node --node-modules .venv/gate/node_modules \
        [--source-map site-source-map.json] [--ignores accessibility/ignores.yml] [--today YYYY-MM-DD] \
        [--cache build/gate-cache | --no-cache]

Exit status: 0 when clean, 1 on any issue or failure (see README.md next to this file).
Standard library and PyYAML only, so it runs in the project's virtual environment.
"""

from __future__ import annotations

import argparse
import datetime as dt
import fnmatch
import functools
import hashlib
import html
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
DEFAULT_IGNORES = HERE / "ignores.yml"
WCAG22_RUNNER = HERE / "runners" / "wcag22.js"
EQUAL_ACCESS_RUNNER = HERE / "runners" / "equal-access.js"
STANDARD = "WCAG2AA"
# All four run in one page load: pa11y injects every runner into the page and runs them there.
RUNNERS = ["axe", "htmlcs", str(WCAG22_RUNNER), str(EQUAL_ACCESS_RUNNER)]
# IBM Equal Access results that a person must judge: listed in the reports, never failing the gate.
REVIEW_LEVELS = {"needs-review", "recommendation"}
IGNORE_KEYS = {"rule", "selector", "pages", "reason", "review_by"}
# Generous: a page's run includes Chromium opening a tab, three runners and our focus checks.
BASE_TIMEOUT_MS = 60_000
# Big pages (the print page) take far longer: axe needed about 100 s for a 2.2 MB print page.
TIMEOUT_MS_PER_KB = 150
# Two pages at once in one Chromium: 1.4 times as fast as one on 2 cores, and as fast as two
# pa11y-ci processes side by side (README.md, "Speed"). One core gets one.
DEFAULT_CONCURRENCY = min(2, os.cpu_count() or 1)

# Bump when a cache entry's shape or what its key covers changes: old entries then never match.
CACHE_FORMAT = 1
# Entries are only ever added (a changed page gets a new key): drop those unused for this long.
CACHE_MAX_AGE_S = 30 * 24 * 3600
# Elements and attributes through which a page loads a file that can change its result. Links to
# other pages (<a href>, <link rel="next">) are left out: the page does not render them.
ASSET_ATTRIBUTES = {
    "script": ("src",), "img": ("src", "srcset"), "source": ("src", "srcset"), "video": ("src", "poster"),
    "audio": ("src",), "track": ("src",), "iframe": ("src",), "frame": ("src",), "embed": ("src",),
    "object": ("data",), "input": ("src",), "image": ("href", "xlink:href"), "use": ("href", "xlink:href"),
    "link": ("href",), "base": ("href",),
}
LOADED_LINK_RELS = {"stylesheet", "preload", "modulepreload", "icon"}
# Regular expressions rather than html.parser: ten times faster on big pages. A false match (a tag
# inside a script string or a comment) only adds a file to the key, so it can never reuse a stale result.
ASSET_TAG_RE = re.compile(r"<(" + "|".join(ASSET_ATTRIBUTES) + r")\b((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", re.IGNORECASE)
ATTRIBUTE_RE = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?""")
# url(...) and @import in stylesheets, <style> blocks and style attributes alike.
CSS_URL_RE = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]+))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')""",
                        re.IGNORECASE)


class GateError(Exception):
    """A problem with the gate's inputs: reported as one clear line, exit status 1."""


@dataclass
class Ignore:
    """One entry of ignores.yml."""

    index: int
    rule: str
    reason: str
    review_by: dt.date
    selector: str | None = None
    pages: list[str] = field(default_factory=list)
    matched: int = 0

    def matches(self, page: str, issue: dict[str, Any]) -> bool:
        # HTML_CodeSniffer codes are long ("WCAG2AA.Principle1....H37"): allow the technique alone.
        code = issue.get("code", "")
        if code != self.rule and not code.endswith("." + self.rule):
            return False
        if self.selector is not None and not selector_matches(self.selector, str(issue.get("selector") or "")):
            return False
        return not self.pages or any(fnmatch.fnmatchcase(page, glob) for glob in self.pages)


def selector_matches(pattern: str, selector: str) -> bool:
    """An ignore's selector is exact, or a glob when it holds a "*" ("* > figure* > div > svg > *").

    Only "*" makes a glob: printed selectors can hold "[" and "?", which must still match themselves.
    """
    if "*" not in pattern:
        return selector == pattern
    return re.fullmatch(".*".join(map(re.escape, pattern.split("*"))), selector, flags=re.S) is not None


@dataclass
class PageResult:
    path: str  # site-relative, e.g. "retention/standard-5-supervision/index.html"
    source: str
    issues: list[dict[str, Any]] = field(default_factory=list)
    ignored: list[dict[str, Any]] = field(default_factory=list)
    review: list[dict[str, Any]] = field(default_factory=list)  # for a person to check; never fails the gate
    error: str | None = None
    tested: bool = False
    from_cache: bool = False
    raw: list[dict[str, Any]] = field(default_factory=list, repr=False)  # pa11y's issues, as cached


# ---- inputs -------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Run the accessibility gate (pa11y-ci) over a built site.")
    parser.add_argument("--site", required=True, type=Path, help="the built site folder")
    parser.add_argument("--reports", required=True, type=Path, help="where to write accessibility.json and .html")
    parser.add_argument("--chrome", required=True, help="the Chromium or Chrome binary")
    parser.add_argument("--node", required=True, help="the Node binary (20 or newer) that runs pa11y-ci")
    parser.add_argument("--node-modules", required=True, type=Path,
                        help="node_modules holding pa11y-ci, axe-core and accessibility-checker-engine")
    parser.add_argument("--source-map", type=Path, help="JSON object: site-relative HTML path -> Markdown source")
    parser.add_argument("--ignores", type=Path, help=f"ignores file (default {DEFAULT_IGNORES.name} next to gate.py)")
    parser.add_argument("--today", type=dt.date.fromisoformat,
                        help="date for ignore expiry (default: REVIEW_DATE from the environment, else today)")
    parser.add_argument("--generated-for", help="label for the report (default: SOURCE_DATE_EPOCH as a UTC time)")
    parser.add_argument("--concurrency", type=int, default=DEFAULT_CONCURRENCY, choices=(1, 2, 3, 4),
                        help=f"pages tested at once, each in its own browser context (default {DEFAULT_CONCURRENCY}: "
                             "2, or 1 on a one-core machine)")
    parser.add_argument("--cache", type=Path, metavar="DIR",
                        help="reuse the results of unchanged pages from DIR and store new ones there (default: no cache)")
    parser.add_argument("--no-cache", action="store_true",
                        help="a clean run: test every page, neither reading nor writing --cache (for release bundles)")
    parser.add_argument("--timeout", type=int, default=BASE_TIMEOUT_MS, help="per-page timeout in ms, before size allowance")
    parser.add_argument("--serve", action="store_true",
                        help="test pages over http://127.0.0.1 instead of file:// (404.html and the print page "
                             "use /-absolute asset URLs that file:// cannot resolve)")
    parser.add_argument("--verbose", action="store_true", help="show pa11y-ci's own output")
    args = parser.parse_args(argv)
    # pa11y-ci runs in a temporary folder, so relative paths must be made absolute first.
    args.node_modules = args.node_modules.resolve()
    args.chrome = _absolute_command(args.chrome)
    args.node = _absolute_command(args.node)
    return args


def _absolute_command(command: str) -> str:
    # "node" alone is looked up on PATH; "bin/node" is relative to where the gate was started.
    # abspath, not resolve: a symlinked shim (nodeenv) must keep its own name.
    if os.sep in command:
        return os.path.abspath(command)
    return shutil.which(command) or command


def find_html_files(site: Path) -> list[str]:
    """Every *.html under the site, site-relative with forward slashes, sorted for stable output."""
    if not site.is_dir():
        raise GateError(f"site folder not found: {site}")
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html") if path.is_file())


def load_source_map(path: Path | None) -> dict[str, str]:
    """HTML path -> Markdown source. Two shapes are accepted: a flat JSON object
    {"x/index.html": "docs/x.md"}, or the build's page list {"pages": [{"html": ..., "source": ...}]}."""
    if path is None:
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise GateError(f"cannot read source map {path}: {error}") from error
    if isinstance(data, dict) and isinstance(data.get("pages"), list):
        pages = data["pages"]
        if not all(isinstance(page, dict) and isinstance(page.get("html"), str) and isinstance(page.get("source"), str)
                   for page in pages):
            raise GateError(f"source map {path}: every entry of \"pages\" needs \"html\" and \"source\" strings")
        data = {page["html"]: page["source"] for page in pages}
    if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
        raise GateError(f"source map {path} must map HTML paths to Markdown paths (see README.md)")
    # Tolerate "/x/index.html" and "./x/index.html" keys: the gate uses bare site-relative paths.
    return {key.removeprefix("./").lstrip("/"): value for key, value in data.items()}


def _entry_error(path: Path, index: int, entry: Any, problem: str) -> GateError:
    rule = f' (rule "{entry["rule"]}")' if isinstance(entry, dict) and isinstance(entry.get("rule"), str) else ""
    return GateError(f"{path}: entry {index}{rule}: {problem}")


def _as_date(value: Any) -> dt.date | None:
    # YAML turns 2026-01-31 into a date already; accept a quoted ISO string too.
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def _nonempty_str(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def parse_ignore(path: Path, index: int, entry: Any) -> Ignore:
    """Validate one entry; every ignore must say why and when to look again."""
    if not isinstance(entry, dict):
        raise _entry_error(path, index, entry, "must be a mapping with rule, reason and review_by")
    unknown = sorted(set(map(str, entry)) - IGNORE_KEYS)
    if unknown:
        raise _entry_error(path, index, entry, f"unknown key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(IGNORE_KEYS))}")
    if not _nonempty_str(entry.get("rule")):
        raise _entry_error(path, index, entry, "'rule' is required: the issue code, e.g. color-contrast or H32.2")
    if not _nonempty_str(entry.get("reason")):
        raise _entry_error(path, index, entry, "'reason' is required: say why the issue cannot be fixed now")
    review_by = _as_date(entry.get("review_by"))
    if review_by is None:
        raise _entry_error(path, index, entry, "'review_by' is required and must be a date (YYYY-MM-DD)")
    selector = entry.get("selector")
    if selector is not None and not _nonempty_str(selector):
        raise _entry_error(path, index, entry, "'selector' must be a non-empty string when given")
    pages = entry.get("pages", [])
    if not isinstance(pages, list) or not all(_nonempty_str(glob) for glob in pages):
        raise _entry_error(path, index, entry, "'pages' must be a list of globs on site-relative paths")
    return Ignore(index=index, rule=entry["rule"].strip(), reason=entry["reason"].strip(),
                  review_by=review_by, selector=selector, pages=list(pages))


def load_ignores(path: Path | None) -> list[Ignore]:
    if path is None:
        # The default file is optional; a file named on the command line must exist.
        if not DEFAULT_IGNORES.exists():
            return []
        path = DEFAULT_IGNORES
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise GateError(f"cannot read ignores file {path}: {error}") from error
    if data is None:
        return []
    if not isinstance(data, list):
        raise GateError(f"{path}: must be a YAML list of ignores (use [] for none)")
    return [parse_ignore(path, index, entry) for index, entry in enumerate(data, start=1)]


def generated_for(label: str | None) -> str | None:
    """The only time-like value in the reports, so that two runs of one build compare equal."""
    if label:
        return label
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return None


# ---- running pa11y-ci ---------------------------------------------------------------------------


def page_timeout(size_bytes: int, base_ms: int) -> int:
    return base_ms + (size_bytes // 1024) * TIMEOUT_MS_PER_KB


def chrome_args(user_data_dir: Path) -> list[str]:
    # Chromium refuses to start as root without --no-sandbox; keep the sandbox otherwise.
    args = ["--no-sandbox"] if os.geteuid() == 0 else []
    return args + [
        "--disable-gpu",
        "--disable-dev-shm-usage",  # /dev/shm is small in containers.
        "--no-first-run",
        "--disable-background-networking",  # The gate must make no network requests of its own.
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={user_data_dir}",  # A fresh profile: nothing written to the home folder.
    ]


def pa11y_config(urls: list[dict[str, Any]], chrome: str, work: Path, report_file: Path,
                 concurrency: int, protocol_timeout_ms: int = BASE_TIMEOUT_MS * 3) -> dict[str, Any]:
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
            "chromeLaunchConfig": {"executablePath": chrome, "args": chrome_args(work / "chrome-profile"),
                                   "protocolTimeout": protocol_timeout_ms},
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
    return dict(os.environ, PUPPETEER_SKIP_DOWNLOAD="1", NODE_PATH=str(args.node_modules),
                XDG_CONFIG_HOME=str(work / "xdg-config"), XDG_CACHE_HOME=str(work / "xdg-cache"))


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
    tail = log_file.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-15:] if log_file.exists() else []
    return "pa11y-ci failed (exit status {}){}".format(returncode, ":\n    " + "\n    ".join(tail) if tail else "")


def read_results(report_file: Path) -> dict[str, list[dict[str, Any]]]:
    try:
        return dict(json.loads(report_file.read_text(encoding="utf-8"))["results"])
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise GateError(f"cannot read pa11y-ci results {report_file}: {error}") from error


def run_pa11y_ci(pages: list[str], site: Path, base: str,
                 args: argparse.Namespace) -> tuple[dict[str, list], list[str]]:
    """Run pa11y-ci once over all pages; return its results keyed by URL and any run failure."""
    sizes = {page: (site / page).stat().st_size for page in pages}
    # Biggest first, so a slow print page starts at once instead of finishing last. Each URL is an
    # object: with plain strings pa11y-ci shares one config object between concurrent pages, which
    # made concurrency 2 fail at random ("No target with given id found").
    urls = [{"url": page_url(base, page), "timeout": page_timeout(sizes[page], args.timeout)}
            for page in sorted(pages, key=lambda page: (-sizes[page], page))]
    timeout_s = sum(url["timeout"] for url in urls) / 1000 / args.concurrency + 120
    with tempfile.TemporaryDirectory(prefix="accessibility-gate-") as tmp_name:
        # pa11y-ci runs inside the temporary folder: a folder named like the config file without
        # ".json" in its working directory would break config loading.
        work = Path(tmp_name)
        report_file, log_file, config_file = work / "results.json", work / "pa11y-ci.log", work / "pa11y-ci.json"
        config = pa11y_config(urls, args.chrome, work, report_file, args.concurrency,
                              max(url["timeout"] for url in urls))
        config_file.write_text(json.dumps(config, indent=2), encoding="utf-8")
        with open(log_file, "wb") as log:
            output = None if args.verbose else log
            process = subprocess.Popen(pa11y_command(args, config_file), cwd=work, env=pa11y_env(args, work),
                                       stdout=output, stderr=subprocess.STDOUT if output else None,
                                       start_new_session=True)  # Its own process group, so a hang can be killed whole.
            try:
                failure = wait_for(process, timeout_s, report_file, log_file)
            except BaseException:
                # Ctrl-C or SIGTERM: pa11y-ci has its own process group, which neither reaches, so
                # stop it and its Chromium here rather than leave them running.
                kill_group(process)
                raise
        return ({}, [failure]) if failure else (read_results(report_file), [])


# ---- the cache ----------------------------------------------------------------------------------
# A page's result depends on its HTML, the files it loads, the runners, the pa11y config and the
# tools. When none of those changed, pa11y's issues from an earlier run are reused as they are:
# ignores, judging and reports then treat them exactly like a fresh result.


@functools.cache
def file_digest(path: Path) -> str | None:
    """sha256 of a file's bytes; None when it is missing. Memoised: every page loads the same CSS."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def resolve_local(site: Path, folder: Path, ref: str) -> Path | None:
    """The file in the site that a URL written in `folder` loads; None if it is not a local file."""
    # Unescaped and unquoted: a style attribute may hold url(&quot;bg.png&quot;).
    parts = urllib.parse.urlsplit(html.unescape(ref).strip().strip("\"'").strip())
    if parts.scheme or parts.netloc or not parts.path:
        return None  # Another site, a data: URL, or a fragment of the page itself.
    path = urllib.parse.unquote(parts.path)
    # "/assets/x.css" is the site's own root when served; under file:// it loads nothing, and
    # counting it anyway only costs a re-test.
    target = Path(os.path.normpath(site / path.lstrip("/") if path.startswith("/") else folder / path))
    return target if target.is_relative_to(site) else None


def css_refs(text: str) -> list[str]:
    return [next(group for group in match.groups() if group is not None) for match in CSS_URL_RE.finditer(text)]


def html_refs(text: str) -> tuple[str | None, list[str]]:
    """The page's <base href>, if any, and every URL through which it loads a file."""
    base, refs = None, css_refs(text)  # <style> blocks and style attributes.
    for match in ASSET_TAG_RE.finditer(text):
        tag = match[1].lower()
        attributes = {m[1].lower(): next((g for g in m.groups()[1:] if g is not None), "")
                      for m in ATTRIBUTE_RE.finditer(match[2])}
        if tag == "base":
            base = base or attributes.get("href")
            continue
        if tag == "link" and not LOADED_LINK_RELS & set(attributes.get("rel", "").lower().split()):
            continue
        for name in ASSET_ATTRIBUTES[tag]:
            value = attributes.get(name)
            if value and name == "srcset":
                refs += [candidate.split()[0] for candidate in value.split(",") if candidate.strip()]
            elif value:
                refs.append(value)
    return base, refs


@functools.cache
def local_refs(site: Path, path: Path) -> tuple[Path, ...]:
    """The local files that an HTML page (or a frame in it) or a stylesheet loads directly."""
    suffix = path.suffix.lower()
    if suffix not in (".html", ".htm", ".css"):
        return ()
    try:
        text = path.read_bytes().decode("utf-8", errors="replace")
    except OSError:
        return ()
    folder = path.parent
    if suffix == ".css":
        refs = css_refs(text)
    else:
        base, refs = html_refs(text)
        if base is not None:
            target = resolve_local(site, folder, base)
            if target is None:
                return ()  # Everything resolves against another site.
            folder = target if base.rstrip().endswith("/") else target.parent
    return tuple(sorted({target for ref in refs if (target := resolve_local(site, folder, ref)) is not None}))


def page_files(site: Path, page: str) -> dict[str, str | None]:
    """The page and every local file it loads, followed through stylesheets and frames:
    site-relative path -> sha256 (None for a file that is missing, so adding it changes the key)."""
    start = site / page
    seen, todo = {start}, [start]
    while todo:
        for target in local_refs(site, todo.pop()):
            if target not in seen:
                seen.add(target)
                todo.append(target)
    return {path.relative_to(site).as_posix(): file_digest(path) for path in sorted(seen)}


def gate_fingerprint(args: argparse.Namespace, versions: dict[str, str | None]) -> dict[str, Any]:
    """What every page's result depends on besides its own files. The ignores are left out: they
    are applied to cached and fresh issues alike."""
    placeholder = Path("/gate-work")  # The real temporary folder differs on every run.
    config = pa11y_config([], args.chrome, placeholder, placeholder / "results.json", 1)
    # The runner's source is hashed below; its absolute path would tie the cache to one checkout.
    config["defaults"]["runners"] = [runner_name(runner) for runner in RUNNERS]
    # Concurrency only schedules pages: reports were byte-identical at 1 and 2.
    del config["defaults"]["concurrency"]
    return {
        "format": CACHE_FORMAT,
        "runner": file_digest(WCAG22_RUNNER),
        "equal_access_runner": file_digest(EQUAL_ACCESS_RUNNER),
        "pa11y_config": config,
        "served": args.serve,  # 404.html renders differently over file:// and http://.
        "tools": versions,
        # Every installed Node package and version (puppeteer too), as npm recorded them.
        "node_modules": file_digest(args.node_modules / ".package-lock.json"),
    }


def page_key(site: Path, page: str, fingerprint: dict[str, Any]) -> str:
    record = {"gate": fingerprint, "page": page, "files": page_files(site, page)}
    return hashlib.sha256(json.dumps(record, sort_keys=True).encode("utf-8")).hexdigest()


def cache_entry(cache_dir: Path, key: str) -> Path:
    return cache_dir / f"{key}.json"


def read_cached(cache_dir: Path, key: str, page: str) -> list[dict[str, Any]] | None:
    """pa11y's issues for an unchanged page, or None: not cached, or an entry that cannot be trusted."""
    path = cache_entry(cache_dir, key)
    try:
        entry = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as error:
        print(f"accessibility gate: ignoring unreadable cache entry {path} ({error}); testing {page} again")
        return None
    results = entry.get("results") if isinstance(entry, dict) else None
    if not (isinstance(entry, dict) and entry.get("format") == CACHE_FORMAT and entry.get("key") == key
            and entry.get("page") == page and isinstance(results, list)
            and all(isinstance(item, dict) and "code" in item for item in results)):
        print(f"accessibility gate: ignoring malformed cache entry {path}; testing {page} again")
        return None
    try:
        os.utime(path)  # Marks it as used, so pruning keeps it.
    except OSError:
        pass
    return results


def read_cache(cache_dir: Path, keys: dict[str, str]) -> dict[str, list[dict[str, Any]]]:
    """Page -> pa11y's issues, for every page with a usable entry."""
    cached = {}
    for page, key in keys.items():
        results = read_cached(cache_dir, key, page)
        if results is not None:
            cached[page] = results
    return cached


def write_cached(cache_dir: Path, key: str, page: str, results: list[dict[str, Any]]) -> None:
    # Temp file + rename: a gate stopped half-way, or another one running alongside, never leaves
    # a torn entry behind.
    cache_dir.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(dir=cache_dir, prefix=".tmp-", suffix=".json")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump({"format": CACHE_FORMAT, "key": key, "page": page, "results": results}, out)
        os.replace(temp_name, cache_entry(cache_dir, key))
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def store_results(cache_dir: Path, site: Path, pages: list[PageResult], keys: dict[str, str],
                  fingerprint: dict[str, Any]) -> None:
    """Cache every page that pa11y-ci tested without error."""
    # Hash again from disk: a page rebuilt while pa11y-ci ran must not be cached under its old key.
    file_digest.cache_clear()
    local_refs.cache_clear()
    for page in pages:
        if page.from_cache or not page.tested or page.error is not None:
            continue
        if page_key(site, page.path, fingerprint) != keys[page.path]:
            print(f"accessibility gate: {page.path} changed while it was tested; not caching its result")
            continue
        try:
            write_cached(cache_dir, keys[page.path], page.path, page.raw)
        except OSError as error:
            # The cache only saves time: failing to write it must not fail the gate.
            print(f"accessibility gate: cannot write to the cache {cache_dir}: {error}")
            break


def prune_cache(cache_dir: Path) -> None:
    cutoff = time.time() - CACHE_MAX_AGE_S
    for path in cache_dir.glob("*.json"):  # Also finds .tmp-*.json left by a gate that was killed.
        try:
            if path.stat().st_mtime < cutoff:
                path.unlink()
        except OSError:
            pass  # Another gate removed or replaced it first.


# ---- judging the results ------------------------------------------------------------------------


def normalise_url(url: str) -> str:
    # pa11y-ci keys results by the page's own location.href: compare paths, without fragment,
    # query or percent-encoding.
    return urllib.parse.unquote(urllib.parse.urlsplit(url).path)


def runner_name(runner: str) -> str:
    # Custom runners are loaded by absolute path; show "wcag22", not the whole path.
    return Path(runner).stem if runner.endswith(".js") else runner


def clean_issue(issue: dict[str, Any]) -> dict[str, Any]:
    message = " ".join(str(issue.get("message", "")).split())
    extras = issue.get("runnerExtras") or {}
    if extras.get("needsFurtherReview"):
        # axe could not decide (pa11y still counts it as an error): tell the author to look.
        message = f"Needs review, axe could not decide: {message}"
    cleaned = {
        "runner": runner_name(str(issue.get("runner", ""))),
        "code": str(issue.get("code", "")),
        "type": str(issue.get("type", "")),
        "message": message,
        "selector": str(issue.get("selector") or ""),
        "context": str(issue.get("context") or ""),
    }
    if extras.get("level"):  # IBM Equal Access: violation, needs-review or recommendation
        cleaned["level"] = str(extras["level"])
    return cleaned


def record_result(result: PageResult, items: list) -> None:
    errors = [item for item in items if not isinstance(item, dict) or "code" not in item]
    if errors:
        # An error object instead of issues: the page could not be tested at all.
        result.error = "; ".join(str(item.get("message", item)) if isinstance(item, dict) else str(item)
                                 for item in errors)
        return
    result.tested = True
    result.raw = items
    order = lambda i: (i["runner"], i["code"], i["selector"], i["message"])  # noqa: E731
    cleaned = [clean_issue(item) for item in items if item.get("type") == "error"]
    result.issues = sorted((issue for issue in cleaned if issue.get("level") not in REVIEW_LEVELS), key=order)
    result.review = sorted((issue for issue in cleaned if issue.get("level") in REVIEW_LEVELS), key=order)


def collect_pages(pages: list[str], base: str, source_map: dict[str, str], results: dict[str, list],
                  cached: dict[str, list]) -> tuple[list[PageResult], list[str]]:
    """Match pa11y-ci's results back to the HTML files, and add the cached ones; anything unmatched
    is a failure."""
    by_url = {normalise_url(page_url(base, page)): page for page in pages}
    found = {page: PageResult(path=page, source=source_map.get(page, page)) for page in pages}
    failures: list[str] = []
    for url, items in sorted(results.items()):
        page = by_url.get(normalise_url(url))
        if page is None:
            failures.append(f"pa11y-ci returned results for {url}, which is not one of the pages asked for "
                            "(did a page change its own address?)")
        elif page not in cached:  # A cached page gets a fresh result only from a page redirecting to it.
            record_result(found[page], items)
    for page, items in cached.items():
        record_result(found[page], items)
        found[page].from_cache = True
    return [found[page] for page in pages], failures


def apply_ignores(pages: list[PageResult], ignores: list[Ignore]) -> None:
    for page in pages:
        kept = []
        for issue in page.issues:
            ignore = next((entry for entry in ignores if entry.matches(page.path, issue)), None)
            if ignore is None:
                kept.append(issue)
            else:
                ignore.matched += 1
                page.ignored.append(dict(issue, reason=ignore.reason, review_by=ignore.review_by.isoformat()))
        page.issues = kept


def issue_line(page: PageResult, issue: dict[str, Any]) -> str:
    at = issue["selector"] or "the page as a whole"
    return f"{page.source} ({page.path}): [{issue['runner']} {issue['code']}] {issue['message']} — at {at}"


def review_date() -> dt.date:
    """Today, unless REVIEW_DATE says otherwise: the build's review dates and the ignores' share one clock."""
    fixed = os.environ.get("REVIEW_DATE")
    return dt.date.fromisoformat(fixed) if fixed else dt.date.today()


def judge(pages: list[PageResult], found: int, ignores: list[Ignore], today: dt.date,
          run_failures: list[str], ignores_path: str) -> tuple[list[str], list[str]]:
    """Failures (any one fails the gate) and warnings, as lines for the console and reports."""
    failures = list(run_failures)
    for page in pages:
        if page.error is not None:
            first_line = page.error.strip().splitlines()[0] if page.error.strip() else "unknown error"
            failures.append(f"{page.source} ({page.path}): page failed to run: {first_line}")
        elif not page.tested and not run_failures:
            # When pa11y-ci itself failed, its message explains the missing pages already.
            failures.append(f"{page.source} ({page.path}): no result from pa11y-ci for this page (did it redirect to another page?)")
    tested = sum(page.tested for page in pages)
    if tested != found:
        failures.append(f"{found} HTML files found but {tested} pages tested: every page must be tested")
    for ignore in ignores:
        if ignore.review_by < today:
            failures.append(f"{ignores_path}: ignore for {ignore.rule} expired on {ignore.review_by.isoformat()}: review it")
    warnings = [f"{ignores_path}: ignore for {ignore.rule} (entry {ignore.index}) matched nothing: remove it if the issue is fixed"
                for ignore in ignores if ignore.matched == 0]
    return failures, warnings


# ---- reports ------------------------------------------------------------------------------------


def package_version(node_modules: Path, name: str) -> str | None:
    try:
        return json.loads((node_modules / name / "package.json").read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError):
        return None


def command_version(command: list[str]) -> str | None:
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    # Debian's chromium wrapper prints shell noise on stderr; the version is on stdout.
    return done.stdout.strip() or None


def tool_versions(args: argparse.Namespace) -> dict[str, str | None]:
    return {
        "pa11y-ci": package_version(args.node_modules, "pa11y-ci"),
        "pa11y": package_version(args.node_modules, "pa11y"),
        "axe-core": package_version(args.node_modules, "axe-core"),
        "accessibility-checker-engine": package_version(args.node_modules, "accessibility-checker-engine"),
        "html_codesniffer": package_version(args.node_modules, "@pa11y/html_codesniffer"),
        "node": command_version([args.node, "--version"]),
        "chromium": command_version([args.chrome, "--version"]),
    }


def build_report(pages: list[PageResult], failures: list[str], warnings: list[str],
                 versions: dict[str, str | None], label: str | None) -> dict[str, Any]:
    return {
        "generated_for": label,
        "passed": not failures and not any(page.issues for page in pages),
        "tools": versions,
        "standard": STANDARD,
        "runners": [runner_name(runner) for runner in RUNNERS],
        "summary": {
            "pages_found": len(pages),
            "pages_tested": sum(page.tested for page in pages),
            # A release must come from a clean run: this is 0 then (no --cache, or --no-cache).
            "pages_from_cache": sum(page.from_cache for page in pages),
            "issues": sum(len(page.issues) for page in pages),
            "ignored": sum(len(page.ignored) for page in pages),
            "needs_review": sum(len(page.review) for page in pages),
        },
        "failures": failures,
        "warnings": warnings,
        "pages": [{"url": page.path, "source": page.source, "tested": page.tested, "from_cache": page.from_cache,
                   "error": page.error, "issues": page.issues, "ignored": page.ignored, "review": page.review}
                  for page in pages],
    }


HTML_STYLE = """
body { font-family: Arial, sans-serif; color: #0b0c0c; background: #fff; line-height: 1.5; margin: 0 auto;
       max-width: 60rem; padding: 1rem; }
a { color: #1d5aa0; }
a:focus { outline: 3px solid #fd0; background: #fd0; color: #0b0c0c; }
.skip { position: absolute; left: -9999px; }
.skip:focus { position: static; }
table { border-collapse: collapse; margin-bottom: 1.5rem; }
caption { text-align: left; font-weight: bold; padding-bottom: .25rem; }
th, td { border: 1px solid #505a5f; padding: .25rem .5rem; text-align: left; vertical-align: top; }
code { font-family: monospace; background: #f3f2f1; padding: 0 .2rem; overflow-wrap: anywhere; }
.fail { color: #a31d12; font-weight: bold; }
.pass { color: #005a30; font-weight: bold; }
"""


def _message_html(message: str) -> str:
    # axe messages end with "(https://...)": make that a link authors can follow.
    match = re.fullmatch(r"(.*) \((https://[^\s)]+)\)", message)
    if not match:
        return html.escape(message)
    text, url = match.groups()
    return f'{html.escape(text)} (<a href="{html.escape(url)}">rule help</a>)'


def _issue_items(issues: Iterable[dict[str, Any]], ignored: bool) -> list[str]:
    items = []
    for issue in issues:
        where = f"<code>{html.escape(issue['selector'])}</code>" if issue["selector"] else "the page as a whole"
        why = (f"<br>Ignored until {html.escape(issue['review_by'])}: {html.escape(issue['reason'])}" if ignored else "")
        items.append(f"<li><strong>{html.escape(issue['runner'])} <code>{html.escape(issue['code'])}</code></strong>: "
                     f"{_message_html(issue['message'])} — at {where}{why}</li>")
    return items


def _review_items(issues: list[dict[str, Any]]) -> list[str]:
    """One line per rule and message, with every element it names: a page has dozens of these."""
    groups: dict[tuple[str, str, str], list[str]] = {}
    for issue in issues:
        groups.setdefault((issue["runner"], issue["code"], issue["message"]), []).append(issue["selector"])
    items = []
    for (runner, code, message), selectors in groups.items():
        where = ", ".join(f"<code>{html.escape(s)}</code>" if s else "the page as a whole" for s in selectors)
        items.append(f"<li><strong>{html.escape(runner)} <code>{html.escape(code)}</code></strong>: "
                     f"{_message_html(message)} — at {where}</li>")
    return items


def render_html(report: dict[str, Any]) -> str:
    """A small report that itself meets the standard: lang, title, one h1, ordered headings,
    a skip link, table headers with scope and visible focus."""
    summary = report["summary"]
    status = '<span class="pass">passed</span>' if report["passed"] else '<span class="fail">failed</span>'
    label = f" for {html.escape(report['generated_for'])}" if report["generated_for"] else ""
    out = [
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Accessibility gate report: {'passed' if report['passed'] else 'failed'}</title>",
        f"<style>{HTML_STYLE}</style>", "</head>", "<body>",
        '<a class="skip" href="#main">Skip to main content</a>',
        '<main id="main">', f"<h1>Accessibility gate report{label}</h1>",
        f"<p>The gate {status}. Standard: {html.escape(report['standard'])} with the runners "
        f"{html.escape(', '.join(report['runners']))}.</p>",
        "<h2>Summary</h2>", "<table>", "<caption>Summary of this run</caption>",
        '<thead><tr><th scope="col">Measure</th><th scope="col">Count</th></tr></thead>', "<tbody>",
    ]
    for name, value in (("HTML pages found", summary["pages_found"]), ("Pages tested", summary["pages_tested"]),
                        ("Pages whose result came from the cache", summary["pages_from_cache"]),
                        ("Issues", summary["issues"]), ("Issues ignored", summary["ignored"]),
                        ("Results for a person to check", summary["needs_review"]),
                        ("Failures", len(report["failures"])), ("Warnings", len(report["warnings"]))):
        out.append(f'<tr><th scope="row">{name}</th><td>{value}</td></tr>')
    out += ["</tbody>", "</table>"]
    if report["failures"]:
        out += ["<h2>Failures</h2>", "<ul>", *(f"<li>{html.escape(line)}</li>" for line in report["failures"]), "</ul>"]
    if report["warnings"]:
        out += ["<h2>Warnings</h2>", "<ul>", *(f"<li>{html.escape(line)}</li>" for line in report["warnings"]), "</ul>"]
    out += ["<h2>Pages</h2>", "<table>", "<caption>Issues found on each page</caption>",
            '<thead><tr><th scope="col">Source</th><th scope="col">Page</th><th scope="col">Issues</th>'
            '<th scope="col">Ignored</th><th scope="col">From cache</th></tr></thead>', "<tbody>"]
    for page in report["pages"]:
        issues = "not tested" if not page["tested"] else str(len(page["issues"]))
        out.append(f'<tr><th scope="row">{html.escape(page["source"])}</th><td>{html.escape(page["url"])}</td>'
                   f"<td>{issues}</td><td>{len(page['ignored'])}</td><td>{'yes' if page['from_cache'] else 'no'}</td></tr>")
    out += ["</tbody>", "</table>"]
    listed = [page for page in report["pages"] if page["issues"] or page["ignored"]]
    if listed:
        out.append("<h2>Issues by page</h2>")
    for page in listed:
        out.append(f"<h3>{html.escape(page['source'])} ({html.escape(page['url'])})</h3>")
        if page["issues"]:
            out += ["<ul>", *_issue_items(page["issues"], ignored=False), "</ul>"]
        if page["ignored"]:
            out += ["<p>Ignored:</p>", "<ul>", *_issue_items(page["ignored"], ignored=True), "</ul>"]
    reviewed = [page for page in report["pages"] if page["review"]]
    if reviewed:
        out += ["<h2>For a person to check</h2>",
                "<p>IBM Equal Access could not decide these (needs review), or suggests them (recommendation). "
                "They do not fail the gate. Check each one by hand.</p>"]
    for page in reviewed:
        out += [f"<h3>Check: {html.escape(page['source'])} ({html.escape(page['url'])})</h3>", "<ul>",
                *_review_items(page["review"]), "</ul>"]
    out += ["</main>", "</body>", "</html>", ""]
    return "\n".join(out)


def write_reports(report_dir: Path, report: dict[str, Any]) -> None:
    report_dir.mkdir(parents=True, exist_ok=True)
    (report_dir / "accessibility.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (report_dir / "accessibility.html").write_text(render_html(report), encoding="utf-8")


# ---- main ---------------------------------------------------------------------------------------


def check_tools(args: argparse.Namespace) -> None:
    # Fail early with a clear line rather than a Node stack trace.
    if not (args.node_modules / "pa11y-ci" / "bin" / "pa11y-ci.js").is_file():
        raise GateError(f"pa11y-ci not found under {args.node_modules} (run the Makefile's gate install)")
    if not (args.node_modules / "axe-core").is_dir():
        raise GateError(f"axe-core not found under {args.node_modules}")
    if not (args.node_modules / "accessibility-checker-engine" / "ace.js").is_file():
        raise GateError(f"accessibility-checker-engine not found under {args.node_modules} (run the Makefile's gate install)")
    for name, command in (("Chromium", args.chrome), ("Node", args.node)):
        if not Path(command).is_file():
            raise GateError(f"{name} not found at {command}")


def gate(args: argparse.Namespace) -> int:
    ignores_path = str(args.ignores or DEFAULT_IGNORES.relative_to(HERE.parent))
    ignores = load_ignores(args.ignores)
    source_map = load_source_map(args.source_map)
    check_tools(args)
    site = args.site.resolve()
    pages = find_html_files(site)
    if not pages:
        raise GateError(f"no HTML files under {site}: build the site first")
    versions = tool_versions(args)
    cache_dir: Path | None = None if args.no_cache else args.cache
    fingerprint: dict[str, Any] = {}
    keys: dict[str, str] = {}
    cached: dict[str, list[dict[str, Any]]] = {}
    if cache_dir:
        fingerprint = gate_fingerprint(args, versions)
        keys = {page: page_key(site, page, fingerprint) for page in pages}
        cached = read_cache(cache_dir, keys)
    to_test = [page for page in pages if page not in cached]
    from_cache = f"; {len(cached)} unchanged pages from the cache in {cache_dir}" if cache_dir else ""
    print(f"accessibility gate: testing {len(to_test)} pages with pa11y-ci ({STANDARD}; "
          f"{', '.join(runner_name(r) for r in RUNNERS)}){from_cache}", flush=True)

    results: dict[str, list] = {}
    run_failures: list[str] = []
    server = start_server(site) if args.serve and to_test else None
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/" if server else site.as_uri() + "/"
        if to_test:  # With everything cached, no browser starts at all.
            results, run_failures = run_pa11y_ci(to_test, site, base, args)
    finally:
        if server:
            server.shutdown()
    page_results, match_failures = collect_pages(pages, base, source_map, results, cached)
    if cache_dir:
        store_results(cache_dir, site, page_results, keys, fingerprint)
        prune_cache(cache_dir)
    apply_ignores(page_results, ignores)
    failures, warnings = judge(page_results, len(pages), ignores, args.today or review_date(),
                               run_failures + match_failures, ignores_path)

    for page in page_results:
        for issue in page.issues:
            print(issue_line(page, issue))
    for line in failures:
        print(f"FAILED: {line}")
    for line in warnings:
        print(f"warning: {line}")

    report = build_report(page_results, failures, warnings, versions, generated_for(args.generated_for))
    write_reports(args.reports, report)
    summary = report["summary"]
    print(f"accessibility gate: {summary['pages_tested']} pages tested, {summary['issues']} issues, "
          f"{summary['ignored']} ignored" + (f"; {summary['pages_from_cache']} from the cache" if cache_dir else ""))
    return 0 if report["passed"] else 1


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    # SIGTERM (a CI time limit, a killed make) becomes SystemExit, so pa11y-ci is stopped as on Ctrl-C.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    try:
        return gate(args)
    except GateError as error:
        print(f"accessibility gate: error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("accessibility gate: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
