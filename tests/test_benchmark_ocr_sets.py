"""The OCR'd sets of `benchmarks.parsing`: each is skipped, saying why, when its pages are neither in
the cache nor readable by Tesseract here."""

from __future__ import annotations

from benchmarks import ocrpages, parsing


def test_an_ocr_set_neither_cached_nor_readable_is_skipped_with_its_reason(monkeypatch, capsys):
    def unavailable(count: int, seed: int) -> list[ocrpages.OcrPage]:
        raise ocrpages.OcrUnavailable(f"tesseract is not installed and page {seed}-0 is not in the cache")

    monkeypatch.setattr(ocrpages, "make_pages", unavailable)
    parsing._ocr_sets(quick=True)
    assert capsys.readouterr().out == (
        "rmrb_ocr skipped: tesseract is not installed and page 1-0 is not in the cache\n"
    )


def test_the_tuned_ocr_sets_are_seeds_1_3_and_4_and_the_untuned_one_seed_2():
    assert [(name, seed) for name, seed, _count in ocrpages.TUNED_SETS] == [
        ("rmrb_ocr", 1),
        ("rmrb_ocr3", 3),
        ("rmrb_ocr4", 4),
    ]
    assert ocrpages.UNTUNED[1] == 2


def test_a_page_not_in_the_cache_without_tesseract_raises(monkeypatch, tmp_path):
    monkeypatch.setattr(ocrpages, "CACHE", tmp_path)
    monkeypatch.setattr(ocrpages.shutil, "which", lambda name: None)
    try:
        ocrpages.ocr(b"not a page")
    except ocrpages.OcrUnavailable as error:
        assert "not in" in str(error)
    else:
        raise AssertionError("expected OcrUnavailable")
