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
    from ..models.feature import Feature


T = TypeVar("T", bound="FeatureList")


@_attrs_define
class FeatureList:
    """TOP's list wrapper `features.feature[]`."""

    feature: list[Feature] | None = None

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        feature = self.feature
        if feature is not None:
            field_dict["feature"] = [item.to_dict() for item in feature]
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        feature = d.pop("feature", None)
        if feature is not None:
            feature = (
                [
                    Feature.from_dict(item) if type(item) is dict else as_model(Feature, item, "FeatureList", "feature")
                    for item in feature
                ]
                if type(feature) is list
                else as_model_list(Feature, feature, "FeatureList", "feature", bare_one=True)
            )

        if cls is FeatureList:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.feature = feature
            instance_.additional_properties = d
            return instance_
        feature_list = cls(
            feature,
        )
        feature_list.additional_properties = d
        return feature_list

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


from ..models.feature import Feature  # noqa: E402
