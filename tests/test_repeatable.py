"""Two builds of the same input are byte-for-byte identical."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from support import ROOT

# 2025-07-05 12:00 UTC: the date MkDocs writes into the sitemap for ordinary pages.
EPOCH = "1751716800"


def build(site: Path, hash_seed: str) -> None:
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": EPOCH,
        # A different hash seed per build: output must not depend on set or dict order.
        "PYTHONHASHSEED": hash_seed,
    }
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_two_builds_of_the_shipped_site_are_byte_identical(tmp_path):
    build(tmp_path / "first", "1")
    build(tmp_path / "second", "2")
    first, second = files(tmp_path / "first"), files(tmp_path / "second")
    assert sorted(first) == sorted(second)
    differing = [name for name in sorted(first) if first[name] != second[name]]
    assert differing == [], f"these files differ between two builds: {differing}"
    assert len(first) > 20


def test_dates_in_the_sitemap_come_from_the_briefs_and_source_date_epoch(tmp_path):
    build(tmp_path / "site", "0")
    sitemap = (tmp_path / "site" / "sitemap.xml").read_text(encoding="utf-8")
    # The brief's last change is its publication date; other pages take SOURCE_DATE_EPOCH.
    brief = sitemap[sitemap.index("trump-zelensky-air-defense/") :]
    assert brief.split("<lastmod>", 1)[1].startswith("2025-07-04</lastmod>")
    assert "<lastmod>2025-07-05</lastmod>" in sitemap
    with gzip.open(tmp_path / "site" / "sitemap.xml.gz") as packed:
        assert packed.read().decode("utf-8") == sitemap
    # The gzip header's time is the newest page date (MkDocs' choice), never the clock.
    header = (tmp_path / "site" / "sitemap.xml.gz").read_bytes()[:10]
    newest = datetime(2025, 7, 5, tzinfo=UTC).timestamp()
    assert int.from_bytes(header[4:8], "little") == newest
