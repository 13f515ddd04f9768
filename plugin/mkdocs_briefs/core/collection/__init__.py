"""Loading a whole site: every brief (in parallel, through the cache) and the glossary."""
