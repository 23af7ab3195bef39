"""What a script prints when run in a real process of its own under a given string-hash seed
(`PYTHONHASHSEED`): the page tests that check a result does not follow the order sets are read in."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def printed_under_hash_seed(script: str, hash_seed: int) -> str:
    """`script`'s output, stripped, run by this Python with the checkout importable and `hash_seed` set."""
    environment = {**os.environ, "PYTHONHASHSEED": str(hash_seed), "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", script], env=environment, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()
