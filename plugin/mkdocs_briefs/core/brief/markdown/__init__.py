"""markdown-it-py rules for the brief format, one module per rule."""
