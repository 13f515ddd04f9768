"""The lead image as a figure: on the brief's page, and on the front page's lead.

`width` and `height` come from the file, so nothing shifts while it loads. An
image at the top of a page loads at once; one further down (`eager=False`)
loads when the reader scrolls near it.
"""

from __future__ import annotations

from mkdocs_briefs.core.brief.model import Brief
from mkdocs_briefs.core.text import esc


def render_lead_image(brief: Brief, url: str, *, eager: bool = True) -> str:
    """`url`: the image's address from the page showing it."""
    image, lead = brief.image, brief.lead
    if image is None or lead is None:
        return ""
    loading = 'loading="eager" fetchpriority="high"' if eager else 'loading="lazy"'
    parts = [
        f'<img src="{esc(url)}" alt="{esc(image.alt)}" width="{lead.size.width}" '
        f'height="{lead.size.height}" {loading} decoding="async">'
    ]
    caption = []
    if image.caption:
        caption.append(f'<span class="brief-image__caption">{esc(image.caption)}</span>')
    if image.credit:
        caption.append(f'<span class="brief-image__credit">{esc(image.credit)}</span>')
    if caption:
        parts.append(f"<figcaption>{' '.join(caption)}</figcaption>")
    return '<figure class="brief-image">' + "".join(parts) + "</figure>\n"
