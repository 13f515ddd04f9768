"""What needs every brief: same-as events, stories, authors, the archive."""
