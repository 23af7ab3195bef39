"""The readers of the page segmenter, one module a kind of line: each a small class given the page's facts,
the reading state and the story cutter (and the few other readers it asks), whose methods take a line or a
block and return True when it is of their kind."""
