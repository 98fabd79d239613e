"""Where a client's own pool connects, and how: its proxy and its TLS settings, for both pools.

The proxy is the `proxy=` option, else the one the environment names for the client's base URL, read as an
`httpx.Client` with `trust_env` reads it (`HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY`, `NO_PROXY`, through
`urllib.request.getproxies()`): httpx switches that off for a client given a transport, which the clients'
own pools are. A client sends to its base URL only (redirects are not followed), so its pool's route is
chosen once, when the pool is made. TLS is `verify=` (True, False, a CA bundle file or directory, or an
`ssl.SSLContext`) with an optional client certificate (`cert=`), made into one `ssl.SSLContext` that every
connection of the pool uses.
"""

from __future__ import annotations

import ipaddress
import os
import re
import ssl
import urllib.request
from typing import TypeAlias

import attrs
import httpx

from .._exceptions import ValidationError
from .._logs import register_secret

Verify: TypeAlias = bool | str | os.PathLike[str] | ssl.SSLContext
Cert: TypeAlias = str | tuple[str, str] | tuple[str, str, str]
ProxyOption: TypeAlias = str | httpx.URL | httpx.Proxy


@attrs.frozen
class Network:
    """The proxy (None: direct) and the TLS context of a client's own pool."""

    tls: ssl.SSLContext
    proxy: httpx.Proxy | None = None

    @property
    def proxy_is_http(self) -> bool:
        """No proxy, or an `http://` / `https://` one: what aiohttp (the async pool) can send through."""
        return self.proxy is None or self.proxy.url.scheme in ("http", "https")

    @property
    def proxy_address(self) -> str | None:
        """`host:port` of the proxy, as an error names it (never its credentials)."""
        if self.proxy is None:
            return None
        url = self.proxy.url
        return f"{url.host}:{url.port or (443 if url.scheme == 'https' else 80)}"


def network(base_url: str, *, proxy: ProxyOption | None, verify: Verify, cert: Cert | None) -> Network:
    """The checked `proxy=` / `verify=` / `cert=` of a client sending to `base_url` (`ValidationError` naming the
    bad one); without `proxy=`, the proxy the environment names for `base_url`."""
    chosen = checked_proxy("proxy", proxy) if proxy is not None else environment_proxy(httpx.URL(base_url))
    return Network(tls_context(verify, cert), chosen)


def checked_proxy(param: str, proxy: ProxyOption) -> httpx.Proxy:
    """`proxy` as an `httpx.Proxy`, its password registered as a secret first (so no message shows it)."""
    if isinstance(proxy, httpx.Proxy):
        parsed = proxy
    elif isinstance(proxy, str | httpx.URL):
        try:
            url = httpx.URL(proxy)
        except httpx.InvalidURL:
            raise ValidationError(param, "is not a valid URL") from None
        register_secret(url.password)
        try:
            parsed = httpx.Proxy(url)
        except ValueError as exc:
            raise ValidationError(param, str(exc)) from None
    else:
        raise ValidationError(param, f"must be a URL or an httpx.Proxy, got {type(proxy).__name__}")
    if parsed.auth is not None:
        register_secret(parsed.auth[1])
    if not parsed.url.host:
        raise ValidationError(param, "names no host")
    return parsed


def environment_proxy(url: httpx.URL) -> httpx.Proxy | None:
    """The proxy an `httpx.Client(trust_env=True)` uses for `url`: the most specific of the environment's
    routes (a `NO_PROXY` host before the schemes' proxies) that matches it."""
    for route, proxy in sorted(_environment_routes().items(), key=lambda item: item[0].priority):
        if route.matches(url):
            return None if proxy is None else checked_proxy("proxy (from the environment)", proxy)
    return None


def _environment_routes() -> dict[_Route, str | None]:
    """The environment's routes as httpx makes them: a proxy per scheme (`http`, `https`, `all`), and no proxy
    for each `NO_PROXY` entry (`*`: none at all)."""
    found = urllib.request.getproxies()
    routes: dict[str, str | None] = {}
    for scheme in ("http", "https", "all"):
        if found.get(scheme):
            value = found[scheme]
            routes[f"{scheme}://"] = value if "://" in value else f"http://{value}"
    for entry in (entry.strip() for entry in found.get("no", "").split(",")):
        if entry == "*":
            return {}
        if entry:
            routes[_no_proxy_pattern(entry)] = None
    return {_Route.of(pattern): proxy for pattern, proxy in routes.items()}


def _no_proxy_pattern(entry: str) -> str:
    if "://" in entry:
        return entry
    try:
        address = ipaddress.ip_address(entry)
    except ValueError:
        return f"all://{entry}" if entry.lower() == "localhost" else f"all://*{entry}"
    return f"all://[{entry}]" if address.version == 6 else f"all://{entry}"


@attrs.frozen
class _Route:
    """A pattern of URLs (`all://*example.com`, `https://`), matched as httpx matches its mounts."""

    scheme: str  # "" for any
    host: str  # "" for any
    port: int | None
    host_pattern: re.Pattern[str] | None

    @classmethod
    def of(cls, pattern: str) -> _Route:
        url = httpx.URL(pattern)
        scheme = "" if url.scheme == "all" else url.scheme
        host = "" if url.host == "*" else url.host
        return cls(scheme, host, url.port, _host_pattern(host))

    @property
    def priority(self) -> tuple[int, int, int]:
        """Most specific first: a port, then a longer host, then a longer scheme."""
        return (0 if self.port is not None else 1, -len(self.host), -len(self.scheme))

    def matches(self, url: httpx.URL) -> bool:
        if self.scheme and self.scheme != url.scheme:
            return False
        if self.host_pattern is not None and not self.host_pattern.match(url.host):
            return False
        return self.port is None or self.port == url.port


def _host_pattern(host: str) -> re.Pattern[str] | None:
    if not host:
        return None
    if host.startswith("*."):  # subdomains only
        return re.compile(f"^.+\\.{re.escape(host[2:])}$")
    if host.startswith("*"):  # the domain and its subdomains
        return re.compile(f"^(.+\\.)?{re.escape(host[1:])}$")
    return re.compile(f"^{re.escape(host)}$")


def tls_context(verify: Verify, cert: Cert | None) -> ssl.SSLContext:
    """The `ssl.SSLContext` of `verify` (True: the CA bundle httpx uses, or `SSL_CERT_FILE` / `SSL_CERT_DIR`),
    with the client certificate `cert` (a file holding certificate and key, or (certificate, key[, password]))."""
    if isinstance(verify, ssl.SSLContext):
        if cert is not None:
            raise ValidationError("cert", "with verify=<ssl.SSLContext>, load the certificate into that context")
        return verify
    if isinstance(verify, bool):
        context = httpx.create_ssl_context(verify=verify)
    elif isinstance(verify, str | os.PathLike):
        context = _bundle_context(os.fspath(verify))
    else:
        raise ValidationError("verify", f"must be True, False, a CA bundle path or an ssl.SSLContext, got {verify!r}")
    if cert is not None:
        _load_cert(context, cert)
    return context


def _bundle_context(path: str) -> ssl.SSLContext:
    try:
        if os.path.isdir(path):
            return ssl.create_default_context(capath=path)
        return ssl.create_default_context(cafile=path)
    except (OSError, ssl.SSLError) as exc:
        raise ValidationError("verify", f"no usable CA bundle at {path!r} ({exc})") from None


def _load_cert(context: ssl.SSLContext, cert: Cert) -> None:
    if isinstance(cert, str):
        files: tuple[str, ...] = (cert,)
    elif isinstance(cert, tuple) and len(cert) in (2, 3) and all(isinstance(part, str) for part in cert):
        files = cert
    else:
        raise ValidationError("cert", "must be a file path, or (certificate, key) or (certificate, key, password)")
    password = files[2] if len(files) == 3 else None
    register_secret(password)
    try:
        context.load_cert_chain(files[0], files[1] if len(files) > 1 else None, password)
    except (OSError, ssl.SSLError) as exc:
        raise ValidationError("cert", f"could not load the client certificate ({type(exc).__name__})") from None
