from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ErrorResponse")


@_attrs_define
class ErrorResponse:
    """A TOP error. Codes below 100 other than 15/40/41 are failed basic checks (signature, session, app
    key, timestamp, limits); a `sub_code` starting with `isp.` is a server-side fault worth retrying;
    `isv.*` sub-codes and codes 15/40/41 are caller errors. Business errors also arrive under other codes
    (50, 530 …) with msg "Remote service error": decide on `sub_code`. Code 7 with
    `accesscontrol.limited-by-api-access-count` carries `sub_msg` "This ban will last for N more seconds".

    """

    code: int
    """ Error code (e.g. 7 App Call Limited, 15 Remote Service Error, 25 Invalid signature, 27 Invalid session,
    40/41 missing/invalid arguments). """
    msg: str
    """ Error message for the code. """
    sub_code: str | Unset = UNSET
    """ Detailed error code, e.g. `isv.invalid-parameter:barcode_str`, `isp.top-remote-service-unavailable`. """
    sub_msg: str | Unset = UNSET
    """ Detailed error message (often Chinese). """
    request_id: str | Unset = UNSET
    """ Gateway request id, to quote to Taobao support. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        msg = self.msg

        sub_code = self.sub_code

        sub_msg = self.sub_msg

        request_id = self.request_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "msg": msg,
            }
        )
        if sub_code is not UNSET:
            field_dict["sub_code"] = sub_code
        if sub_msg is not UNSET:
            field_dict["sub_msg"] = sub_msg
        if request_id is not UNSET:
            field_dict["request_id"] = request_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        msg = d.pop("msg")

        sub_code = d.pop("sub_code", UNSET)

        sub_msg = d.pop("sub_msg", UNSET)

        request_id = d.pop("request_id", UNSET)

        error_response = cls(
            code,
            msg,
            sub_code,
            sub_msg,
            request_id,
        )

        error_response.additional_properties = d
        return error_response

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
