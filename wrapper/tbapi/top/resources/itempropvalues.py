"""`top.itempropvalues`: `taobao.itempropvalues.get`, the values of category properties."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Unpack

from tbapi._generated.taobao_top_client.api.itempropvalues import itempropvalues_get
from tbapi._generated.taobao_top_client.models import (
    ItempropvaluesGetRequest,
    ItempropvaluesGetResponseEnvelope,
    PropValue,
)

from ..._engine.call_options import PerCall
from ..._engine.flow import Flow
from ..._engine.twins import M, twin
from .. import _params as params
from .._calls import Operation, operation_flow
from .._params import CommaList
from .._types import unwrap
from .base import TopResource, with_api_errors

ITEMPROPVALUES_GET = Operation("taobao.itempropvalues.get", itempropvalues_get, ItempropvaluesGetResponseEnvelope)


class Itempropvalues(TopResource[M]):
    """`top.itempropvalues`: `taobao.itempropvalues.get`, the values of category properties."""

    @with_api_errors
    def _get(
        self,
        *,
        cid: int | str,
        fields: CommaList = params.PROPVALUE_FIELDS,
        pvs: str | Iterable[str | int] | None = None,
        type: int | str | None = None,
        attr_keys: CommaList | None = None,
        **per_call: Unpack[PerCall],
    ) -> Flow[list[PropValue]]:
        """Values of the properties of category `cid` (`taobao.itempropvalues.get`).

        Args:
            cid: category id (required).
            fields: PropValue fields, at most 20 (default: all of `cid, pid, prop_name, vid, name,
                name_alias, status, sort_order`).
            pvs: pids and/or `pid:vid` pairs to return (`"20000;1627207:28341"` or a list).
            type: 1 (Taobao, default) or 2 (Tmall).
            attr_keys: feature keys to return (at most 20).

        Returns:
            The values as a plain list (`[]` when none).
        """
        body = ItempropvaluesGetRequest(
            cid=params.positive_id("cid", cid),
            fields=params.comma_list("fields", fields, allowed=params.PROPVALUE_FIELDS, max_items=params.MAX_FIELDS),
            pvs=params.optional(pvs, params.pvs_list, "pvs"),
            type_=params.optional(type, params.platform_type_value),
            attr_keys=params.optional(
                attr_keys, params.comma_list, "attr_keys", max_items=params.MAX_ITEMPROPVALUES_ATTR_KEYS
            ),
        )
        response = yield from operation_flow(self._core, ITEMPROPVALUES_GET, body)
        return unwrap(response.prop_values, lambda wrapper: wrapper.prop_value)

    get = twin(_get)
