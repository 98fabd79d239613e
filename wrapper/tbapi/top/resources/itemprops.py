"""`top.itemprops`: `taobao.itemprops.get`, the properties of a category."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Unpack

from tbapi._generated.taobao_top_client.api.itemprops import itemprops_get
from tbapi._generated.taobao_top_client.models import (
    ItemProp,
    ItempropsGetRequest,
    ItempropsGetResponseEnvelope,
)

from ..._engine.call_options import PerCall
from ..._engine.flow import Flow
from ..._engine.twins import M, twin
from .. import _params as params
from .._calls import Operation, operation_flow
from .._params import CommaList
from .._types import unwrap
from .base import TopResource, with_api_errors

ITEMPROPS_GET = Operation("taobao.itemprops.get", itemprops_get, ItempropsGetResponseEnvelope)


class Itemprops(TopResource[M]):
    """`top.itemprops`: `taobao.itemprops.get`, the properties of a category."""

    @with_api_errors
    def _get(
        self,
        *,
        cid: int | str,
        fields: CommaList | None = None,
        pid: int | str | None = None,
        parent_pid: int | str | None = None,
        is_key_prop: bool | None = None,
        is_sale_prop: bool | None = None,
        is_color_prop: bool | None = None,
        is_enum_prop: bool | None = None,
        is_input_prop: bool | None = None,
        is_item_prop: bool | None = None,
        child_path: str | Mapping[int, int] | None = None,
        attr_keys: CommaList | None = None,
        type: int | str | None = None,
        **per_call: Unpack[PerCall],
    ) -> Flow[list[ItemProp]]:
        """Properties of the leaf category `cid` (`taobao.itemprops.get`).

        Args:
            cid: leaf category id (required).
            fields: ItemProp fields (service default `pid,name,must,multi,prop_values`).
            pid, parent_pid, child_path: narrow to a property, its children, or a child path (`pid:vid;…`).
            is_key_prop, is_sale_prop, is_color_prop, is_enum_prop, is_input_prop, is_item_prop: bool filters.
            attr_keys: feature keys to return (at most 50).
            type: 1 (Taobao, default) or 2 (Tmall).

        Returns:
            The properties as a plain list (`[]` when none).
        """
        body = ItempropsGetRequest(
            cid=params.positive_id("cid", cid),
            fields=params.optional(fields, params.comma_list, "fields"),
            pid=params.optional(pid, params.positive_id, "pid"),
            parent_pid=params.optional(parent_pid, params.positive_id, "parent_pid", low=0),
            is_key_prop=params.optional(is_key_prop, params.flag, "is_key_prop"),
            is_sale_prop=params.optional(is_sale_prop, params.flag, "is_sale_prop"),
            is_color_prop=params.optional(is_color_prop, params.flag, "is_color_prop"),
            is_enum_prop=params.optional(is_enum_prop, params.flag, "is_enum_prop"),
            is_input_prop=params.optional(is_input_prop, params.flag, "is_input_prop"),
            is_item_prop=params.optional(is_item_prop, params.flag, "is_item_prop"),
            child_path=params.optional(child_path, params.pid_vid_pairs, "child_path"),
            attr_keys=params.optional(
                attr_keys, params.comma_list, "attr_keys", max_items=params.MAX_ITEMPROPS_ATTR_KEYS
            ),
            type_=params.optional(type, params.platform_type_value),
        )
        response = yield from operation_flow(self._core, ITEMPROPS_GET, body)
        return unwrap(response.item_props, lambda wrapper: wrapper.item_prop)

    get = twin(_get)
