"""The TOP resources, each method written once as a flow; its sync, async and raw twins come from it.

`top.products`, `top.itemcats`, `top.itemprops`, `top.itempropvalues` are one class each, generic in the
client's mode (`_engine/twins.py`: `Products[Sync]` on `TopClient`, `Products[RawAsync]` behind
`AsyncTopClient.with_raw_response` …), each public method declared once next to its flow
(`search = twin(_search)`). `Top` here is what all four of those hold: the resources and
`call = twin(_call)`. Each method's parameters are declared once, in its flow's signature: the flow checks them
(`_params.py`) into the generated request model and sends it (`_calls.operation_flow`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Unpack

from ..._base_client import ResourceAttribute
from ..._engine.call_options import PerCall
from ..._engine.flow import Flow
from ..._engine.twins import M, Moded, twin
from ..._logs import register_secret
from ..._support.validation import credential
from .._calls import Core, any_method_flow
from .._params import business_params, top_method
from .base import TopResource
from .itemcats import Itemcats
from .itemprops import Itemprops
from .itempropvalues import Itempropvalues
from .products import Products

__all__ = ["Itemcats", "Itemprops", "Itempropvalues", "Products", "RawResponses", "Top"]


class Top(Moded[M]):
    """The TOP resources and `top.call`, declared once for both clients (`Sync` / `Async`) and their
    `with_raw_response` (`RawSync` / `RawAsync`): each resource made on first use from the owner's `_core`,
    in the owner's mode."""

    _core: Core
    products: ResourceAttribute[Products[M]] = ResourceAttribute(Products)
    itemcats: ResourceAttribute[Itemcats[M]] = ResourceAttribute(Itemcats)
    itemprops: ResourceAttribute[Itemprops[M]] = ResourceAttribute(Itemprops)
    itempropvalues: ResourceAttribute[Itempropvalues[M]] = ResourceAttribute(Itempropvalues)

    def _call(
        self,
        method: str,
        params: Mapping[str, object] | None = None,
        *,
        session: str | None = None,
        **per_call: Unpack[PerCall],
    ) -> Flow[dict[str, Any]]:
        """Call any TOP method, signed and error-mapped; returns its `…_response` object as a dict.

        `params` are the business parameters: None and empty values are not sent, booleans become
        `true`/`false`, lists are joined with `,` (lists of dicts and dicts become JSON), datetimes
        `yyyy-MM-dd HH:mm:ss` in Asia/Shanghai time. `session` overrides the client's session for this call.
        Read methods (names ending in `.get`, `.search`, `.query`, `.list`, `.count`) are retried after
        server faults; other methods only when the request provably never arrived or was rate-limited.

        Raises:
            tbapi.ValidationError: a bad method name, `params` that is not a mapping, a system parameter in
                `params`, an unsendable value.
            tbapi.AuthenticationError, tbapi.PermissionDeniedError, tbapi.RateLimitError,
            tbapi.InvalidRequestError, tbapi.ServerError: the gateway's `error_response`.
            tbapi.APIConnectionError / tbapi.APITimeoutError: no answer after the retries.
            tbapi.ResponseError: the answer is neither a `…_response` nor an `error_response`.
        """
        method = top_method(method)
        business = business_params(params)
        if session is not None:
            register_secret(session)
            session = credential("session", session)
            register_secret(session)
        return (yield from any_method_flow(self._core, method, business, session))

    call = twin(_call)


class RawResponses(Top[M], TopResource[M]):
    """`top.with_raw_response`: each resource method, and `call`, returning the `tbapi.RawResponse` of its answer
    (awaitable on the async client); `iter_search` has no raw twin."""
