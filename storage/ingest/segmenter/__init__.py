"""What the page segmenter (`storage.ingest.page_segmenter`) is built from, in layers: the readers of each
kind of line (`readers`), the story cutter that opens and closes stories and drops lines (`cutter`), the
page's facts computed once (`page_facts`) and the reading state (`reading`), the pure shapes of lines the
readers ask (`shapes`), and the result (`cut`)."""
