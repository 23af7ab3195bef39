"""`benchmarks.ocrweb`'s screenshots in a real headless Chromium: the same HTML gives the same image,
whichever page the browser showed before it and whether the browser is new, so that the cache key a page's
HTML names always points to the one image.

Needs Debian's `chromium` and `chromium-driver` (`.ci/run` installs them) and selenium; without them the
test is skipped with the reason.
"""

from __future__ import annotations

import hashlib
import io
import random
import shutil

import pytest

from benchmarks import ocrweb
from tests.test_benchmark_ocrweb import _articles

pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install '.[test]')")
pytest.importorskip("PIL", reason="Pillow is not installed (the bench extra)")

pytestmark = pytest.mark.skipif(
    (shutil.which("chromium") or shutil.which("chromium-browser")) is None
    or shutil.which("chromedriver") is None,
    reason="headless Chromium not available: install Debian's chromium and chromium-driver (.ci/run does)",
)


def test_a_page_renders_to_the_same_image_whatever_was_rendered_before_it():
    from PIL import Image

    small = ocrweb.layout(_articles(), random.Random(3), "2020-02-29", 4).html
    other = ocrweb.layout(_articles()[:2], random.Random(8), "2020-01-22", 2).html
    browser = ocrweb.Browser()
    try:
        first = browser.screenshot(small)
        browser.screenshot(other)
        again = browser.screenshot(small)
    finally:
        browser.close()
    fresh = ocrweb.Browser()
    try:
        anew = fresh.screenshot(small)
    finally:
        fresh.close()
    image = Image.open(io.BytesIO(first))
    assert image.mode == "L" and image.width == ocrweb.PAGE_WIDTH * ocrweb.SCALE
    assert tuple(round(d) for d in image.info["dpi"]) == (300, 300)
    assert hashlib.sha256(again).digest() == hashlib.sha256(first).digest()
    assert hashlib.sha256(anew).digest() == hashlib.sha256(first).digest()
