"""The brief format: its model, and reading one brief file into it."""
