from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    as_int,
    as_model,
    as_model_list,
    model_repr,
)

_new_instance = object.__new__  # from_dict's instances of the model itself (see there)


if TYPE_CHECKING:
    from ..models.item_property import ItemProperty


T = TypeVar("T", bound="SkuTranslation")


@_attrs_define
class SkuTranslation:
    """The translated properties of one SKU (upstream `sku_properties[{sku_id, properties}]`, camelCase inferred)."""

    sku_id: int | None = None

    properties: list[ItemProperty] | None = None

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        sku_id = self.sku_id
        if sku_id is not None:
            field_dict["skuId"] = sku_id
        properties = self.properties
        if properties is not None:
            field_dict["properties"] = [item.to_dict() for item in properties]
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        sku_id = d.pop("skuId", None)
        if type(sku_id) is not int and sku_id is not None:
            sku_id = as_int(sku_id, "SkuTranslation", "skuId")

        properties = d.pop("properties", None)
        if properties is not None:
            properties = (
                [
                    ItemProperty.from_dict(item)
                    if type(item) is dict
                    else as_model(ItemProperty, item, "SkuTranslation", "properties")
                    for item in properties
                ]
                if type(properties) is list
                else as_model_list(ItemProperty, properties, "SkuTranslation", "properties")
            )

        if cls is SkuTranslation:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.sku_id = sku_id
            instance_.properties = properties
            instance_.additional_properties = d
            return instance_
        sku_translation = cls(
            sku_id,
            properties,
        )
        sku_translation.additional_properties = d
        return sku_translation

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


from ..models.item_property import ItemProperty  # noqa: E402
