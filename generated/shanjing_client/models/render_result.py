from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    as_model,
    as_model_list,
    model_repr,
)

_new_instance = object.__new__  # from_dict's instances of the model itself (see there)


if TYPE_CHECKING:
    from ..models.money import Money
    from ..models.rendered_item import RenderedItem
    from ..models.unavailable_sku import UnavailableSku


T = TypeVar("T", bound="RenderResult")


@_attrs_define
class RenderResult:
    """The render result. x-source inferred: the upstream field names are assumed to be passed through."""

    render_item_list: list[RenderedItem] | None = None

    unavailable_sku_list: list[UnavailableSku] | None = None

    total_real_pay_price: Money | None = None
    """ An amount in fen with its currency. """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        render_item_list = self.render_item_list
        if render_item_list is not None:
            field_dict["render_item_list"] = [item.to_dict() for item in render_item_list]
        unavailable_sku_list = self.unavailable_sku_list
        if unavailable_sku_list is not None:
            field_dict["unavailable_sku_list"] = [item.to_dict() for item in unavailable_sku_list]
        total_real_pay_price = self.total_real_pay_price
        if total_real_pay_price is not None:
            field_dict["total_real_pay_price"] = total_real_pay_price.to_dict()
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        render_item_list = d.pop("render_item_list", None)
        if render_item_list is not None:
            render_item_list = (
                [
                    RenderedItem.from_dict(item)
                    if type(item) is dict
                    else as_model(RenderedItem, item, "RenderResult", "render_item_list")
                    for item in render_item_list
                ]
                if type(render_item_list) is list
                else as_model_list(RenderedItem, render_item_list, "RenderResult", "render_item_list")
            )

        unavailable_sku_list = d.pop("unavailable_sku_list", None)
        if unavailable_sku_list is not None:
            unavailable_sku_list = (
                [
                    UnavailableSku.from_dict(item)
                    if type(item) is dict
                    else as_model(UnavailableSku, item, "RenderResult", "unavailable_sku_list")
                    for item in unavailable_sku_list
                ]
                if type(unavailable_sku_list) is list
                else as_model_list(UnavailableSku, unavailable_sku_list, "RenderResult", "unavailable_sku_list")
            )

        total_real_pay_price = d.pop("total_real_pay_price", None)
        if total_real_pay_price is not None:
            total_real_pay_price = (
                Money.from_dict(total_real_pay_price)
                if type(total_real_pay_price) is dict
                else as_model(Money, total_real_pay_price, "RenderResult", "total_real_pay_price")
            )

        if cls is RenderResult:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.render_item_list = render_item_list
            instance_.unavailable_sku_list = unavailable_sku_list
            instance_.total_real_pay_price = total_real_pay_price
            instance_.additional_properties = d
            return instance_
        render_result = cls(
            render_item_list,
            unavailable_sku_list,
            total_real_pay_price,
        )
        render_result.additional_properties = d
        return render_result

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


from ..models.money import Money  # noqa: E402
from ..models.rendered_item import RenderedItem  # noqa: E402
from ..models.unavailable_sku import UnavailableSku  # noqa: E402
