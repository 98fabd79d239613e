from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.feature import Feature


T = TypeVar("T", bound="FeatureList")


@_attrs_define
class FeatureList:
    """TOP's list wrapper `features.feature[]`."""

    feature: list[Feature] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        feature: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.feature, Unset):
            feature = []
            for feature_item_data in self.feature:
                feature_item = feature_item_data.to_dict()
                feature.append(feature_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if feature is not UNSET:
            field_dict["feature"] = feature

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _feature = d.pop("feature", UNSET)
        feature: list[Feature] | Unset = UNSET
        if _feature is not UNSET:
            feature = []
            if isinstance(_feature, Mapping):  # a one-element list sent as its element
                _feature = [_feature]
            for feature_item_data in _feature:
                feature_item = Feature.from_dict(feature_item_data)

                feature.append(feature_item)

        feature_list = cls(
            feature,
        )

        feature_list.additional_properties = d
        return feature_list

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
