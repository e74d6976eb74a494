"""Canonical URLs: one spelling per page, so the same article fetched twice gets one doc_id."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Query parameters that track a click and never change the page (campaign and click ids).
_TRACKING_PREFIXES = ("utm_", "mc_", "pk_", "_hs")
_TRACKING_NAMES = frozenset({"fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "ref_src", "cmpid",
                             "ocid", "smid", "ito"})
_DEFAULT_PORTS = {"http": 80, "https": 443}


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no www., default port, fragment or tracking parameters; sorted query."""
    raw = url.strip()
    parts = urlsplit(raw)
    if not parts.scheme or not parts.netloc:
        return raw  # not an absolute URL: keep it as given rather than guess
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().removeprefix("www.")
    port = parts.port if parts.port and parts.port != _DEFAULT_PORTS.get(scheme) else None
    netloc = f"{host}:{port}" if port else host
    path = parts.path or "/"
    if len(path) > 1:
        path = path.rstrip("/")
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                   if not k.lower().startswith(_TRACKING_PREFIXES) and k.lower() not in _TRACKING_NAMES)
    return urlunsplit((scheme, netloc, path, urlencode(query), ""))


def is_url(value: str) -> bool:
    """Whether an input names an http(s) URL rather than a path."""
    return value.strip().lower().startswith(("http://", "https://"))
