"""The shapes of the kinds of line the page segmenter recognises, one module a kind: pure predicates on a
line, a block or the blocks around it, asked by the readers (`storage.ingest.segmenter.readers`)."""
