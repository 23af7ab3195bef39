"""What the line splitter (`storage.ingest.page_line_split`) is built from: the measures of one line read
across columns (`cells`), the readers that put lines read across columns in reading order (`side_by_side`
over `modules`, `rows_after_columns`, `lines_across` and `bands`), the passes over the lines in reading
order (`unwrapped`, `head_lines`), the misreadings put right (`misreadings`) and the lines a column wrapped
put back on one line (`wrapped_lines`)."""
