from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    as_model,
    as_model_list,
    as_str,
    model_repr,
)

_new_instance = object.__new__  # from_dict's instances of the model itself (see there)


if TYPE_CHECKING:
    from ..models.item_property import ItemProperty
    from ..models.sku_translation import SkuTranslation


T = TypeVar("T", bound="ItemTranslation")


@_attrs_define
class ItemTranslation:
    """The translated texts of an item (`materialI18nVO`; upstream `multi_language_info`). On item detail the
    upstream translation also carries the translated `properties` and `sku_properties`.

    """

    title: str | None = None

    main_image: str | None = None

    language: str | None = None

    properties: list[ItemProperty] | None = None
    """ The item's properties, translated (item detail; upstream `multi_language_info.properties`). """

    sku_properties: list[SkuTranslation] | None = None
    """ Each SKU's properties, translated (item detail; upstream `multi_language_info.sku_properties`). The
    camelCase name follows Shanjing's renames of the other upstream fields (inferred).
     """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        title = self.title
        if title is not None:
            field_dict["title"] = title
        main_image = self.main_image
        if main_image is not None:
            field_dict["mainImage"] = main_image
        language = self.language
        if language is not None:
            field_dict["language"] = language
        properties = self.properties
        if properties is not None:
            field_dict["properties"] = [item.to_dict() for item in properties]
        sku_properties = self.sku_properties
        if sku_properties is not None:
            field_dict["skuProperties"] = [item.to_dict() for item in sku_properties]
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title", None)
        if type(title) is not str and title is not None:
            title = as_str(title, "ItemTranslation", "title")

        main_image = d.pop("mainImage", None)
        if type(main_image) is not str and main_image is not None:
            main_image = as_str(main_image, "ItemTranslation", "mainImage")

        language = d.pop("language", None)
        if type(language) is not str and language is not None:
            language = as_str(language, "ItemTranslation", "language")

        properties = d.pop("properties", None)
        if properties is not None:
            properties = (
                [
                    ItemProperty.from_dict(item)
                    if type(item) is dict
                    else as_model(ItemProperty, item, "ItemTranslation", "properties")
                    for item in properties
                ]
                if type(properties) is list
                else as_model_list(ItemProperty, properties, "ItemTranslation", "properties")
            )

        sku_properties = d.pop("skuProperties", None)
        if sku_properties is not None:
            sku_properties = (
                [
                    SkuTranslation.from_dict(item)
                    if type(item) is dict
                    else as_model(SkuTranslation, item, "ItemTranslation", "skuProperties")
                    for item in sku_properties
                ]
                if type(sku_properties) is list
                else as_model_list(SkuTranslation, sku_properties, "ItemTranslation", "skuProperties")
            )

        if cls is ItemTranslation:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.title = title
            instance_.main_image = main_image
            instance_.language = language
            instance_.properties = properties
            instance_.sku_properties = sku_properties
            instance_.additional_properties = d
            return instance_
        item_translation = cls(
            title,
            main_image,
            language,
            properties,
            sku_properties,
        )
        item_translation.additional_properties = d
        return item_translation

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
from ..models.sku_translation import SkuTranslation  # noqa: E402
