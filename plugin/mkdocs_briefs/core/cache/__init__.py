"""The build cache in .briefs-cache/: signed records, never trusted for paths or HTML."""
