from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.money import Money
    from ..models.rendered_item import RenderedItem
    from ..models.unavailable_sku import UnavailableSku


T = TypeVar("T", bound="RenderResult")


@_attrs_define
class RenderResult:
    """The render result. x-source inferred: the upstream field names are assumed to be passed through."""

    render_item_list: list[RenderedItem] | Unset = UNSET
    unavailable_sku_list: list[UnavailableSku] | Unset = UNSET
    total_real_pay_price: Money | Unset = UNSET
    """ An amount in fen with its currency. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        render_item_list: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.render_item_list, Unset):
            render_item_list = []
            for render_item_list_item_data in self.render_item_list:
                render_item_list_item = render_item_list_item_data.to_dict()
                render_item_list.append(render_item_list_item)

        unavailable_sku_list: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.unavailable_sku_list, Unset):
            unavailable_sku_list = []
            for unavailable_sku_list_item_data in self.unavailable_sku_list:
                unavailable_sku_list_item = unavailable_sku_list_item_data.to_dict()
                unavailable_sku_list.append(unavailable_sku_list_item)

        total_real_pay_price: dict[str, Any] | Unset = UNSET
        if not isinstance(self.total_real_pay_price, Unset):
            total_real_pay_price = self.total_real_pay_price.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if render_item_list is not UNSET:
            field_dict["render_item_list"] = render_item_list
        if unavailable_sku_list is not UNSET:
            field_dict["unavailable_sku_list"] = unavailable_sku_list
        if total_real_pay_price is not UNSET:
            field_dict["total_real_pay_price"] = total_real_pay_price

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _render_item_list = d.pop("render_item_list", UNSET)
        render_item_list: list[RenderedItem] | Unset = UNSET
        if _render_item_list is not UNSET:
            render_item_list = []
            if isinstance(_render_item_list, Mapping):  # a one-element list sent as its element
                _render_item_list = [_render_item_list]
            for render_item_list_item_data in _render_item_list:
                render_item_list_item = RenderedItem.from_dict(render_item_list_item_data)

                render_item_list.append(render_item_list_item)

        _unavailable_sku_list = d.pop("unavailable_sku_list", UNSET)
        unavailable_sku_list: list[UnavailableSku] | Unset = UNSET
        if _unavailable_sku_list is not UNSET:
            unavailable_sku_list = []
            if isinstance(_unavailable_sku_list, Mapping):  # a one-element list sent as its element
                _unavailable_sku_list = [_unavailable_sku_list]
            for unavailable_sku_list_item_data in _unavailable_sku_list:
                unavailable_sku_list_item = UnavailableSku.from_dict(unavailable_sku_list_item_data)

                unavailable_sku_list.append(unavailable_sku_list_item)

        _total_real_pay_price = d.pop("total_real_pay_price", UNSET)
        total_real_pay_price: Money | Unset
        if isinstance(_total_real_pay_price, Unset):
            total_real_pay_price = UNSET
        else:
            total_real_pay_price = Money.from_dict(_total_real_pay_price)

        render_result = cls(
            render_item_list,
            unavailable_sku_list,
            total_real_pay_price,
        )

        render_result.additional_properties = d
        return render_result

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
