"""Write the handover bundle for the DfE web team: run only after the build and the gate have passed.

dist/ then holds:
  social-work-workforce-resources.zip   the site, manifest, build information and accessibility reports
  manifest.json                         every page: path, source, title, sha256, review dates
  build-info.json                       commit and tool versions
  govspeak/                             each resource in Govspeak, to paste into Whitehall publisher
  HANDOVER.md                           what is inside, how to host and publish it, review dates, changes
  reports/                              the accessibility reports
  SHA256SUMS                            the zip's checksum, to check it after it is moved

It is written into a temporary folder beside dist/ and renamed into place at the end, so a failed
run never leaves a half-written bundle. Zip entries are sorted and dated from the last commit, so
two bundles of the same commit are byte for byte the same.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from handover.govspeak import GovspeakError, write_govspeak
from handover.notes import changelog, handover_notes
from site_model.contract import read_contract, read_pages
from toolchain.source_date import source_date_epoch
from toolchain.versions import command_version, npm_package_version

BUNDLE_NAME = "social-work-workforce-resources"
PYTHON_TOOLS = ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "mkdocs-print-site-plugin", "pymdown-extensions")
NODE_TOOLS = ("pa11y-ci", "pa11y", "axe-core")
EARLIEST_ZIP_TIME = 315532800  # 1980-01-01: zip files cannot store an earlier date


class BundleError(Exception):
    """The bundle cannot be written; the message says why."""


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def site_files(site: Path) -> list[Path]:
    return sorted(path for path in site.rglob("*") if path.is_file())


def check_gate_passed(site: Path, report_path: Path) -> dict[str, Any]:
    """The gate's report, if it passed and tested exactly the pages now in site/."""
    if not report_path.exists():
        raise BundleError(f"no accessibility report at {report_path}: run the gate first (make bundle does).")
    report = json.loads(report_path.read_text(encoding="utf-8"))
    if not report.get("passed"):
        raise BundleError(
            "the accessibility gate did not pass: no bundle is written. See build/reports/accessibility.html."
        )
    built = {path.relative_to(site).as_posix() for path in site.rglob("*.html")}
    tested = {page.get("url") for page in report.get("pages", [])}
    if built != tested:
        raise BundleError(
            "the site changed after the accessibility gate ran (pages built but not tested: "
            f"{sorted(built - tested)[:5]}; tested but no longer built: {sorted(tested - built)[:5]}). Run make bundle again."
        )
    return report


def git(*args: str) -> str:
    try:
        return subprocess.run(["git", *args], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""


def commit_time() -> int:
    """Seconds since 1970 of the last commit (or SOURCE_DATE_EPOCH), the one date the bundle carries."""
    epoch = source_date_epoch()
    if epoch is not None:
        return epoch
    committed = git("log", "-1", "--format=%ct")
    return int(committed) if committed else EARLIEST_ZIP_TIME


def build_info(node_modules: Path, chrome: str, built_at: int) -> dict[str, Any]:
    return {
        "commit": git("rev-parse", "HEAD") or "unknown",
        "uncommitted_changes": bool(git("status", "--porcelain", "--untracked-files=no")),
        "commit_date": datetime.fromtimestamp(built_at, tz=UTC).isoformat(),
        "python": platform.python_version(),
        "python_packages": {name: metadata.version(name) for name in PYTHON_TOOLS},
        "node_packages": {name: npm_package_version(node_modules, name) or "not installed" for name in NODE_TOOLS},
        "browser": command_version([chrome, "--version"]) or "unknown",
    }


def manifest(site: Path, pages_file: Path) -> dict[str, Any]:
    """Every HTML page in the site with its checksum, and one checksum for the whole site.

    Authored pages carry their source, title and review dates from build/pages.json; generated ones (the
    print page and print views, the 404 page) are listed too, with source null.
    """
    pages = {page["html"]: page for page in read_pages(pages_file)}
    files = site_files(site)
    entries = []
    for path in files:
        relative = path.relative_to(site).as_posix()
        if relative in pages:
            page = pages[relative]
            entries.append(
                {
                    "path": relative,
                    "source": page["source"],
                    "title": page["title"],
                    "sha256": sha256_of(path),
                    "last_reviewed": page["last_reviewed"],
                    "review_due": page["review_due"],
                }
            )
        elif path.suffix == ".html":
            entries.append(
                {
                    "path": relative,
                    "source": None,
                    "title": _html_title(path),
                    "sha256": sha256_of(path),
                    "last_reviewed": None,
                    "review_due": None,
                }
            )
    site_digest = hashlib.sha256()
    for path in files:
        site_digest.update(f"{path.relative_to(site).as_posix()}\0{sha256_of(path)}\n".encode())
    return {"bundle": BUNDLE_NAME, "site_sha256": site_digest.hexdigest(), "file_count": len(files), "pages": entries}


def _html_title(path: Path) -> str:
    match = re.search(r"<title>(.*?)</title>", path.read_text(encoding="utf-8"), re.S)
    return html.unescape(match.group(1).strip()) if match else path.name


def write_zip(target: Path, members: list[tuple[str, Path]], timestamp: int) -> None:
    """A zip whose bytes depend only on the members' names and contents."""
    date_time = datetime.fromtimestamp(max(timestamp, EARLIEST_ZIP_TIME), tz=UTC).timetuple()[:6]
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, source in sorted(members):
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, source.read_bytes(), compresslevel=9)


def write_json(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def read_previous_manifest(path: Path | None) -> dict[str, Any] | None:
    """The manifest of the bundle handed over last time, to list what changed since; None if there is none."""
    if path is None or not path.exists():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except ValueError as error:
        raise BundleError(f"the previous manifest {path} is not valid JSON ({error}).") from None


def write_bundle(
    site: Path, build: Path, dist: Path, node_modules: Path, chrome: str, previous_manifest: Path | None = None
) -> Path:
    report = check_gate_passed(site, build / "reports" / "accessibility.json")
    previous = read_previous_manifest(previous_manifest)
    timestamp = commit_time()
    staging = Path(tempfile.mkdtemp(prefix=".dist-", dir=dist.resolve().parent))
    try:
        current = manifest(site, build / "pages.json")
        info = build_info(node_modules, chrome, timestamp)
        write_json(staging / "manifest.json", current)
        write_json(staging / "build-info.json", info)
        shutil.copytree(build / "reports", staging / "reports")
        contract = read_contract(build / "pages.json")
        pages = contract["pages"]
        if not contract.get("contact"):
            raise BundleError(
                "build/pages.json has no contact route, so no bundle is written. Set extra.contact "
                "(name, link_text, url) in mkdocs.yml and build again."
            )
        try:
            govspeak = write_govspeak(site, pages, staging / "govspeak")
        except GovspeakError as error:
            raise BundleError(f"the Govspeak export failed, so no bundle is written:\n{error}") from None
        resources = [path.name for path in govspeak if path.suffix == ".md" and path.name != "index.md"]
        notes = handover_notes(
            current, report, info, resources, changelog(previous, current), previous, contract["contact"]
        )
        (staging / "HANDOVER.md").write_text(notes, encoding="utf-8")
        members = [(f"site/{path.relative_to(site).as_posix()}", path) for path in site_files(site)]
        members += [(name, staging / name) for name in ("manifest.json", "build-info.json", "HANDOVER.md")]
        for folder in ("reports", "govspeak"):
            members += [
                (f"{folder}/{path.relative_to(staging / folder).as_posix()}", path)
                for path in sorted((staging / folder).rglob("*"))
                if path.is_file()
            ]
        archive = staging / f"{BUNDLE_NAME}.zip"
        write_zip(archive, members, timestamp)
        (staging / "SHA256SUMS").write_text(f"{sha256_of(archive)}  {archive.name}\n", encoding="utf-8")
        if dist.exists():
            shutil.rmtree(dist)
        staging.rename(dist)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return dist / f"{BUNDLE_NAME}.zip"


def main() -> None:
    parser = argparse.ArgumentParser(description="Write the handover bundle after a passing build and gate.")
    parser.add_argument("--site", type=Path, default=Path("site"))
    parser.add_argument("--build", type=Path, default=Path("build"))
    parser.add_argument("--dist", type=Path, default=Path("dist"))
    parser.add_argument("--node-modules", type=Path, default=Path(".venv/gate/node_modules"))
    parser.add_argument("--chrome", default="chromium")
    parser.add_argument("--previous-manifest", type=Path, help="manifest.json of the last bundle, for the changelog")
    args = parser.parse_args()
    try:
        archive = write_bundle(args.site, args.build, args.dist, args.node_modules, args.chrome, args.previous_manifest)
    except BundleError as error:
        sys.exit(f"bundle: {error}")
    print(f"bundle: wrote {archive} ({archive.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
