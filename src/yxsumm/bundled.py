"""Where the folders shipped in ``models/`` are: installed package data or the source checkout."""

from __future__ import annotations

import os
from pathlib import Path


def bundled_path(name: str, environment_variable: str) -> Path:
    """A folder shipped in ``models/``: ``$ENVIRONMENT_VARIABLE`` if set, else the installed or project copy."""
    override = os.environ.get(environment_variable)
    if override:
        return Path(override)
    here = Path(__file__).resolve().parent
    candidates = [
        here / "bundled" / name,  # wheel / sdist install: models/ is packaged as yxsumm.bundled
        here.parents[1] / "models" / name,  # source checkout / editable install
        Path.cwd() / "models" / name,
    ]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[0]
