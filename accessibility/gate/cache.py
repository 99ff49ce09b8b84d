"""The cache: pa11y's results for pages whose inputs have not changed since an earlier run.

A page's result depends on its HTML, the files it loads, the runners, the pa11y config and the
tools. When none of those changed, pa11y's issues from an earlier run are reused as they are:
ignores, judging and reports then treat them exactly like a fresh result.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import html
import json
import os
import re
import tempfile
import time
import urllib.parse
from pathlib import Path
from typing import Any

from accessibility.gate.results import PageResult
from accessibility.gate.runners import (
    EQUAL_ACCESS_RUNNER,
    RUNNER_HELPER,
    RUNNERS,
    WCAG22_RUNNER,
    pa11y_config,
    runner_name,
)
from site_model.theme import MATERIAL_SCRIPT_ATTRIBUTE

# Bump when a cache entry's shape or what its key covers changes: old entries then never match.
CACHE_FORMAT = 1
# Entries are only ever added (a changed page gets a new key): drop those unused for this long.
CACHE_MAX_AGE_S = 30 * 24 * 3600
# Elements and attributes through which a page loads a file that can change its result. Links to
# other pages (<a href>, <link rel="next">) are left out: the page does not render them.
ASSET_ATTRIBUTES = {
    "script": ("src", MATERIAL_SCRIPT_ATTRIBUTE),  # app.js loads Material's script (site_model/theme.py)
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
    "link": ("href",),
    "base": ("href",),
}
LOADED_LINK_RELS = {"stylesheet", "preload", "modulepreload", "icon"}
# Regular expressions rather than html.parser: ten times faster on big pages. A false match (a tag
# inside a script string or a comment) only adds a file to the key, so it can never reuse a stale result.
ASSET_TAG_RE = re.compile(r"<(" + "|".join(ASSET_ATTRIBUTES) + r")\b((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", re.IGNORECASE)
ATTRIBUTE_RE = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?""")
# url(...) and @import in stylesheets, <style> blocks and style attributes alike.
CSS_URL_RE = re.compile(
    r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]+))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE
)


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
        attributes = {
            m[1].lower(): next((g for g in m.groups()[1:] if g is not None), "")
            for m in ATTRIBUTE_RE.finditer(match[2])
        }
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
        "runner_helper": file_digest(RUNNER_HELPER),
        "pa11y_config": config,
        "served": args.serve,  # 404.html renders differently over file:// and http://.
        "tools": versions,
        # Every installed Node package and version (puppeteer too), as npm recorded them.
        "node_modules": file_digest(args.node_modules / ".package-lock.json"),
    }


def page_key(site: Path, page: str, fingerprint: dict[str, Any]) -> str:
    record = {"gate": fingerprint, "page": page, "files": page_files(site, page)}
    return hashlib.sha256(json.dumps(record, sort_keys=True).encode("utf-8")).hexdigest()


def look_up(
    cache_dir: Path, site: Path, pages: list[str], args: argparse.Namespace, versions: dict[str, str | None]
) -> tuple[dict[str, Any], dict[str, str], dict[str, list[dict[str, Any]]]]:
    """The run's fingerprint, every page's key, and pa11y's issues for each page found in the cache."""
    fingerprint = gate_fingerprint(args, versions)
    keys = {page: page_key(site, page, fingerprint) for page in pages}
    return fingerprint, keys, read_cache(cache_dir, keys)


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
    if not (
        isinstance(entry, dict)
        and entry.get("format") == CACHE_FORMAT
        and entry.get("key") == key
        and entry.get("page") == page
        and isinstance(results, list)
        and all(isinstance(item, dict) and "code" in item for item in results)
    ):
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


def store_results(
    cache_dir: Path, site: Path, pages: list[PageResult], keys: dict[str, str], fingerprint: dict[str, Any]
) -> None:
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
