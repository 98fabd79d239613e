"""A client library for accessing Shanjing Ecommerce API (Taobao & Tmall)"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
