"""make serve rebuilds when a data file changes, shows the error, keeps serving, and recovers once it is fixed."""

from __future__ import annotations

import re
import socket
import subprocess
import time
from pathlib import Path

import pytest

from tests.support import VENV_BIN, copy_project, project_env

pytestmark = pytest.mark.slow  # a live server through three builds of the real site

CENSUS = Path("data") / "statistics" / "workforce-census.yml"


def wait_for(log: Path, text: str, count: int = 1, seconds: float = 240) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        output = log.read_text(encoding="utf-8", errors="replace")
        if output.count(text) >= count:
            return output
        time.sleep(0.5)
    raise AssertionError(f"{text!r} did not appear {count} times within {seconds} s:\n{log.read_text()[-3000:]}")


def test_a_data_error_is_shown_while_serving_and_fixing_it_rebuilds(tmp_path):
    project = copy_project(tmp_path / "project")
    log = tmp_path / "serve.log"
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    census = project / CENSUS
    good = census.read_text(encoding="utf-8")
    with log.open("w") as output:
        server = subprocess.Popen(
            [str(VENV_BIN / "mkdocs"), "serve", "-a", f"127.0.0.1:{port}"],
            cwd=project,
            env=project_env(project),
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_for(log, "Serving on")
            census.write_text(good.replace('value: "14.2%"', 'value: "14.2 percent"', 1), encoding="utf-8")
            shown = wait_for(log, "An error happened during the rebuild")
            assert re.search(
                r"data/statistics/workforce-census.yml:\d+: figures, entry \d+, value: '14.2 percent' is not "
                r"how a percent is written here",
                shown,
            )
            assert server.poll() is None  # still serving
            census.write_text(good, encoding="utf-8")
            wait_for(log, "Documentation built", count=2)
        finally:
            server.terminate()
            server.wait(timeout=20)
