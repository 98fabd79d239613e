"""A client library for accessing Taobao Open Platform (TOP) — product, category and property methods"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
