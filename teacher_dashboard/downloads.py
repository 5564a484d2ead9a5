"""Files the dashboard hands out (exports, the conversation sheet), with names any browser
and any server can carry.

A header is Latin-1 at most: a pupil called `Agent-Yıldız` once made the export hang
with 0 bytes. The name goes in twice (RFC 6266 with RFC 5987): an ASCII fallback and
the exact name as `filename*=UTF-8''...`.
"""

from __future__ import annotations

import unicodedata
from urllib.parse import quote

from flask import Response


def ascii_name(name: str) -> str:
    """The name without accents, anything else unusual as '_' (for old clients)."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in plain) or "download"


def disposition(name: str) -> str:
    return f"attachment; filename=\"{ascii_name(name)}\"; filename*=UTF-8''{quote(name, safe='')}"


def attachment(body: bytes, mimetype: str, name: str) -> Response:
    return Response(body, mimetype=mimetype, headers={"Content-Disposition": disposition(name)})
