"""`client.auth`: creating and refreshing the Bearer token."""

from __future__ import annotations

from typing import Unpack

import attrs

from tbapi._generated.shanjing_client.api.auth import create_token

from ..._engine.call_options import PerCall
from ..._engine.flow import Flow
from ..._engine.twins import M, twin
from ..._exceptions import (
    AuthenticationError,
    TbapiError,
)
from ..._support.validation import credential
from .._core import token_call
from .._tokens import CurrentTokens, Refresh, TokenRecord, refresh_failed
from .base import ShanjingResource


class Auth(ShanjingResource[M]):
    """`client.auth`: tokens."""

    def _create_token(self, code: str, **per_call: Unpack[PerCall]) -> Flow[TokenRecord]:
        """Exchange an OAuth authorization code for tokens; the client uses them from then on.

        Returns the `TokenRecord` (its repr hides the tokens), also saved in the client's token store.
        Raises `ValidationError` for an empty code, `InvalidRequestError` / `AuthenticationError` when the
        service refuses it, `APIConnectionError` / `ResponseError` for transport or shape failures.
        """
        what = "auth.create_token"
        record = yield from token_call(self._core, create_token, {"code": credential("code", code)}, what=what)
        self._core.tokens.adopt(record)
        return record

    create_token = twin(_create_token)

    def _refresh(self, refresh_token: str | None = None, **per_call: Unpack[PerCall]) -> Flow[TokenRecord]:
        """Refresh the access token now; the client uses the new one from then on.

        Without `refresh_token` the client's own is used (single-flight with the automatic refreshes).
        Returns the new `TokenRecord`. Raises `AuthenticationError` when the refresh fails or there is
        no refresh token, `ValidationError` for an empty `refresh_token`.
        """
        core = self._core
        if refresh_token is None:
            current: TokenRecord | None = yield CurrentTokens(core.tokens)
            refreshed: TokenRecord = yield Refresh(core.tokens, current.access_token if current else None, force=True)
            return refreshed
        token = credential("refresh_token", refresh_token)
        assert core.tokens.refresher is not None
        try:
            record = yield from core.tokens.refresher(token)
        except AuthenticationError:
            raise
        except TbapiError as error:
            raise refresh_failed(error) from error
        if record.refresh_token is None:
            record = attrs.evolve(record, refresh_token=token)
        core.tokens.adopt(record)
        return record

    refresh = twin(_refresh)
