"""Reading authors' files: text, front matter, YAML with positions, mis-decoding."""
