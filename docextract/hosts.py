"""Whether an address is on this machine: documents go elsewhere only when the user allows it
(``--allow-remote``), whether to an OpenAI-compatible server or to a Ray cluster."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

__all__ = ["is_local_host", "is_local_url"]


def is_local_url(url: str) -> bool:
    """True when ``url`` (``scheme://host:port/...`` or ``host:port``) points at this machine."""
    return is_local_host(urlsplit(url if "//" in url else f"//{url}").hostname or "")


def is_local_host(host: str) -> bool:
    """True for ``localhost``, ``*.localhost``, loopback IPs and ``0.0.0.0``. Names are not
    resolved (that would ask the network), so a host name or this machine's own LAN address
    counts as elsewhere."""
    host = host.lower().rstrip(".")
    if host in ("localhost", "localhost.localdomain") or host.endswith(".localhost"):
        return True
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return False
    return ip.is_loopback or ip.is_unspecified
