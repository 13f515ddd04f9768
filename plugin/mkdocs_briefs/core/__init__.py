"""The host-independent core: nothing under this package imports MkDocs.

Each sub-package answers one question, and imports point one way, from the
later ones in this list to the earlier ones (never back):

- the modules beside this file: what everything shares (problems, ids,
  did-you-mean, records, compressed text, escaping and dates for readers);
- `source/`: reading authors' files as text, front matter and YAML with positions;
- `glossary/`: the site glossary's terms, and finding them in text;
- `brief/`: the brief format: the model, reading a brief (`brief/parse.py`), dates,
  sourcing, the brief's timeline, and its body syntax (`markdown/`);
- `site/`: what needs every brief: same-as events, stories, authors, the archive;
- `render/`: the HTML of pages and fragments, and the feed;
- `cache/`: the build cache: keys, the signed record store, parses and findings;
- `collection/`: loading a whole site (briefs in parallel, the glossary file);
- `check/`: what `briefs check` needs (`mkdocs.yml` read without MkDocs).
"""
