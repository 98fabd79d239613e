from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    as_bool,
    as_model,
    as_str,
    model_repr,
)

_new_instance = object.__new__  # from_dict's instances of the model itself (see there)


if TYPE_CHECKING:
    from ..models.purchase_order_page import PurchaseOrderPage


T = TypeVar("T", bound="QueryOrdersResponse")


@_attrs_define
class QueryOrdersResponse:
    """The envelope of queryOrders (inferred — the same envelope as the documented order operations)."""

    success: bool | None = None

    error_code: str | None = None
    """ Empty or null on success; the error code otherwise (e.g. `IllegalAccessToken`). """

    error_msg: str | None = None
    """ The error message, when `errorCode` is set. """

    data: PurchaseOrderPage | None = None

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        success = self.success
        if success is not None:
            field_dict["success"] = success
        error_code = self.error_code
        if error_code is not None:
            field_dict["errorCode"] = error_code
        error_msg = self.error_msg
        if error_msg is not None:
            field_dict["errorMsg"] = error_msg
        data = self.data
        if data is not None:
            field_dict["data"] = data.to_dict()
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        success = d.pop("success", None)
        if type(success) is not bool and success is not None:
            success = as_bool(success, "QueryOrdersResponse", "success")

        error_code = d.pop("errorCode", None)
        if type(error_code) is not str and error_code is not None:
            error_code = as_str(error_code, "QueryOrdersResponse", "errorCode")

        error_msg = d.pop("errorMsg", None)
        if type(error_msg) is not str and error_msg is not None:
            error_msg = as_str(error_msg, "QueryOrdersResponse", "errorMsg")

        data = d.pop("data", None)
        if data is not None:
            data = (
                PurchaseOrderPage.from_dict(data)
                if type(data) is dict
                else as_model(PurchaseOrderPage, data, "QueryOrdersResponse", "data")
            )

        if cls is QueryOrdersResponse:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.success = success
            instance_.error_code = error_code
            instance_.error_msg = error_msg
            instance_.data = data
            instance_.additional_properties = d
            return instance_
        query_orders_response = cls(
            success,
            error_code,
            error_msg,
            data,
        )
        query_orders_response.additional_properties = d
        return query_orders_response

    def __repr__(self) -> str:
        return model_repr(self)

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


from ..models.purchase_order_page import PurchaseOrderPage  # noqa: E402
