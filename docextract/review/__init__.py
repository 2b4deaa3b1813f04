"""Review extracted fields and correct them: a corrections file beside the results, and a local page.

:class:`~docextract.review.store.ReviewStore` reads a results JSONL file with its corrections applied
(no web dependencies); :mod:`docextract.review.app` is the page's ASGI app (``docextract[review]``).
RESULTS is never rewritten: each saved edit is one line appended to ``RESULTS.corrections.jsonl``.
"""

from __future__ import annotations

from docextract.review.store import ReviewedDocument, ReviewStore, corrections_path

__all__ = ["ReviewStore", "ReviewedDocument", "corrections_path"]
