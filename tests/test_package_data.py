"""Every data file the packages read ships in the wheel (the Docker image installs with ``pip install .``, not
in editable mode, so a message catalog or weights file left out of ``package-data`` is missing there)."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_package_data_covers_every_data_file() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]
    left_out = []
    for package in ("assistant", "tools"):
        base = ROOT / package
        shipped = {p for pattern in patterns.get(package, []) for p in base.glob(pattern)}
        for path in base.rglob("*"):
            data = path.is_file() and path.suffix not in (".py", ".pyc", ".md") and "__pycache__" not in path.parts
            if data and path not in shipped:
                left_out.append(str(path.relative_to(ROOT)))
    assert not left_out, f"add to [tool.setuptools.package-data]: {left_out}"
