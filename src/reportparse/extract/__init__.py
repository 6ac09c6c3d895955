"""Extractors: each takes the text (and its folded twin) and returns mentions with spans."""
