"""Shared fixtures."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.telegram_emulator import TelegramEmulator


@pytest.fixture
def telegram_emulator() -> Iterator[TelegramEmulator]:
    """A local Bot API server (tests/telegram_emulator.py) on 127.0.0.1, random port, for one test."""
    emulator = TelegramEmulator().start()
    try:
        yield emulator
    finally:
        emulator.stop()
