"""HTML fragments of a brief page, escaped and host-independent."""
