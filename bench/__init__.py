"""Benchmark of the briefs site against a plain MkDocs site of the same text."""
