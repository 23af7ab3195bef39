"""What the line splitter (`storage.ingest.page_line_split`) is built from, in layers: the readers of lines
read across columns (`modules`, `rows_after_columns`, `lines_across`, `bands`) and the passes over the lines
in reading order (`unwrapped`, `head_lines`, `wrapped_lines`), over the measures of one line read across
columns (`cells`: seams, cells, the column measure) and the misreadings put right (`misreadings`)."""
