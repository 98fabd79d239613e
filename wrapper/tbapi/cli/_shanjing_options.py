"""The options a Shanjing command and a fleet command share — the credentials and `--language` — declared
without importing the Shanjing client (a fleet command that calls nothing starts without it)."""

from __future__ import annotations

import click

from ._app import credential
from ._params import SpecChoice

access_token_option = credential(
    "--access-token", metavar="TOKEN", help="Access token [env TBAPI_SHANJING_ACCESS_TOKEN]."
)
refresh_token_option = credential(
    "--refresh-token", metavar="TOKEN", help="Refresh token [env TBAPI_SHANJING_REFRESH_TOKEN]."
)
base_url_option = credential("--base-url", metavar="URL", help="API base URL [env TBAPI_SHANJING_BASE_URL].")
language_option = click.option("--language", type=SpecChoice("language"), help="Translate the texts.")
