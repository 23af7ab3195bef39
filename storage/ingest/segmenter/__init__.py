"""The pieces the page segmenter (`storage.ingest.page_segmenter`) is built from: the shapes of the kinds of
line it recognises, one module a kind, and its result (`cut`)."""
