from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.item_property import ItemProperty
    from ..models.sku_translation import SkuTranslation


T = TypeVar("T", bound="ItemTranslation")


@_attrs_define
class ItemTranslation:
    """The translated texts of an item (`materialI18nVO`; upstream `multi_language_info`). On item detail the
    upstream translation also carries the translated `properties` and `sku_properties`.

    """

    title: str | Unset = UNSET
    main_image: str | Unset = UNSET
    language: str | Unset = UNSET
    properties: list[ItemProperty] | Unset = UNSET
    """ The item's properties, translated (item detail; upstream `multi_language_info.properties`). """
    sku_properties: list[SkuTranslation] | Unset = UNSET
    """ Each SKU's properties, translated (item detail; upstream `multi_language_info.sku_properties`). The
    camelCase name follows Shanjing's renames of the other upstream fields (inferred).
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        main_image = self.main_image

        language = self.language

        properties: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.properties, Unset):
            properties = []
            for properties_item_data in self.properties:
                properties_item = properties_item_data.to_dict()
                properties.append(properties_item)

        sku_properties: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.sku_properties, Unset):
            sku_properties = []
            for sku_properties_item_data in self.sku_properties:
                sku_properties_item = sku_properties_item_data.to_dict()
                sku_properties.append(sku_properties_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if title is not UNSET:
            field_dict["title"] = title
        if main_image is not UNSET:
            field_dict["mainImage"] = main_image
        if language is not UNSET:
            field_dict["language"] = language
        if properties is not UNSET:
            field_dict["properties"] = properties
        if sku_properties is not UNSET:
            field_dict["skuProperties"] = sku_properties

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title", UNSET)

        main_image = d.pop("mainImage", UNSET)

        language = d.pop("language", UNSET)

        _properties = d.pop("properties", UNSET)
        properties: list[ItemProperty] | Unset = UNSET
        if _properties is not UNSET:
            properties = []
            if isinstance(_properties, Mapping):  # a one-element list sent as its element
                _properties = [_properties]
            for properties_item_data in _properties:
                properties_item = ItemProperty.from_dict(properties_item_data)

                properties.append(properties_item)

        _sku_properties = d.pop("skuProperties", UNSET)
        sku_properties: list[SkuTranslation] | Unset = UNSET
        if _sku_properties is not UNSET:
            sku_properties = []
            if isinstance(_sku_properties, Mapping):  # a one-element list sent as its element
                _sku_properties = [_sku_properties]
            for sku_properties_item_data in _sku_properties:
                sku_properties_item = SkuTranslation.from_dict(sku_properties_item_data)

                sku_properties.append(sku_properties_item)

        item_translation = cls(
            title,
            main_image,
            language,
            properties,
            sku_properties,
        )

        item_translation.additional_properties = d
        return item_translation

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
from ..models.sku_translation import SkuTranslation  # noqa: E402
