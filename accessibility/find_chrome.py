"""Find the Chromium or Chrome the gate uses, installing Debian's `chromium` if there is none.

Order: CHROME_PATH if set; else a Chromium or Chrome on PATH; else, on Debian or Ubuntu as root,
`apt-get install chromium`. Never a browser download by npm (PUPPETEER_SKIP_DOWNLOAD is set).
Prints the path, and writes it to --write when given.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")


def find() -> str | None:
    configured = os.environ.get("CHROME_PATH")
    if configured:
        if not os.access(configured, os.X_OK):
            sys.exit(f"find_chrome: CHROME_PATH is {configured!r}, which is not an executable file.")
        return configured
    for name in NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def install_with_apt() -> None:
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        sys.exit(
            "find_chrome: no Chromium or Chrome found. Install one (on Debian or Ubuntu: "
            "'sudo apt-get install chromium'), or set CHROME_PATH to its executable."
        )
    print("find_chrome: installing Debian's chromium package", file=sys.stderr)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=True, env=env, stdout=subprocess.DEVNULL)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", type=Path, help="file to record the path in (left alone if unchanged)")
    args = parser.parse_args()
    path = find()
    if path is None:
        install_with_apt()
        path = find()
    if path is None:
        sys.exit("find_chrome: chromium was installed but is not on PATH.")
    if args.write and (not args.write.exists() or args.write.read_text().strip() != path):
        args.write.write_text(path + "\n")
    print(path)


if __name__ == "__main__":
    main()
