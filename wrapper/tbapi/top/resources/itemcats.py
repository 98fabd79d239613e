"""`top.itemcats`: `taobao.itemcats.get`, the category tree."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Unpack

from tbapi._generated.taobao_top_client.api.itemcats import itemcats_get
from tbapi._generated.taobao_top_client.models import (
    ItemCat,
    ItemcatsGetRequest,
    ItemcatsGetResponseEnvelope,
)

from ..._engine.call_options import PerCall
from ..._engine.flow import Flow
from ..._engine.twins import M, twin
from .. import _params as params
from .._calls import Operation, operation_flow
from .._params import CommaList
from .._types import unwrap
from .base import TopResource, with_api_errors

ITEMCATS_GET = Operation("taobao.itemcats.get", itemcats_get, ItemcatsGetResponseEnvelope)


class Itemcats(TopResource[M]):
    """`top.itemcats`: `taobao.itemcats.get`, standard item categories."""

    @with_api_errors
    def _get(
        self,
        *,
        cids: int | str | Iterable[int | str] | None = None,
        parent_cid: int | str | None = None,
        fields: CommaList | None = None,
        **per_call: Unpack[PerCall],
    ) -> Flow[list[ItemCat]]:
        """Standard categories (`taobao.itemcats.get`): those in `cids`, or the children of `parent_cid`.

        Args:
            cids: category ids (a list, one id, or a comma string such as `"50000436,50011167"`; at most 1000).
            parent_cid: a parent category id; 0 gives the root categories. Give `cids` or `parent_cid`.
            fields: ItemCat fields, from `cid, parent_cid, name, is_parent, status, sort_order, features,
                taosir_cat`, at most 20 (service default `cid,parent_cid,name,is_parent`).

        Returns:
            The categories as a plain list (`[]` when none).
        """
        params.at_least_one_of({"cids": cids, "parent_cid": parent_cid})
        body = ItemcatsGetRequest(
            cids=params.optional(cids, params.id_list, "cids", max_items=params.MAX_CIDS),
            parent_cid=params.optional(parent_cid, params.positive_id, "parent_cid", low=0),
            fields=params.optional(
                fields, params.comma_list, "fields", allowed=params.ITEMCAT_FIELDS, max_items=params.MAX_FIELDS
            ),
        )
        response = yield from operation_flow(self._core, ITEMCATS_GET, body)
        return unwrap(response.item_cats, lambda wrapper: wrapper.item_cat)

    get = twin(_get)
