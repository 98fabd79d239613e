from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    as_int,
    as_str,
    model_repr,
)

_new_instance = object.__new__  # from_dict's instances of the model itself (see there)


T = TypeVar("T", bound="ErrorResponse")


@_attrs_define
class ErrorResponse:
    """A TOP error. Codes below 100 other than 15/40/41 are failed basic checks (signature, session, app
    key, timestamp, limits) and the number decides. For codes 15, 40 and 41 the `sub_code` prefix decides,
    as for business errors under other codes (50, 530 …, msg "Remote service error"): `isp.*` is a
    server-side fault worth retrying (e.g. 15 `isp.top-remote-service-unavailable`), `isv.*` a caller
    error not to retry unchanged (40 `isv.missing-parameter`, 41 `isv.invalid-parameter`). Code 7 with
    `accesscontrol.limited-by-api-access-count` carries `sub_msg` "This ban will last for N more seconds".

    """

    code: int
    """ Error code (e.g. 7 App Call Limited, 15 Remote Service Error, 25 Invalid signature, 27 Invalid session,
    40/41 missing/invalid arguments). A JSON number in the gateway's answers, but the official SDKs type it
    String (Java `TaobaoResponse`: `@ApiField("code") String errorCode`) and the doc page's examples are
    XML (`<code>50</code>`), so a string of the number is accepted as the same code (tbapi reads both).
     """

    msg: str
    """ Error message for the code. """

    sub_code: str | None = None
    """ Detailed error code, e.g. `isv.invalid-parameter:barcode_str`, `isp.top-remote-service-unavailable`. """

    sub_msg: str | None = None
    """ Detailed error message (often Chinese). """

    request_id: str | None = None
    """ Gateway request id, to quote to Taobao support. """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        code = self.code
        field_dict["code"] = code
        msg = self.msg
        field_dict["msg"] = msg
        sub_code = self.sub_code
        if sub_code is not None:
            field_dict["sub_code"] = sub_code
        sub_msg = self.sub_msg
        if sub_msg is not None:
            field_dict["sub_msg"] = sub_msg
        request_id = self.request_id
        if request_id is not None:
            field_dict["request_id"] = request_id
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")
        if type(code) is not int:
            code = as_int(code, "ErrorResponse", "code")

        msg = d.pop("msg")
        if type(msg) is not str:
            msg = as_str(msg, "ErrorResponse", "msg")

        sub_code = d.pop("sub_code", None)
        if type(sub_code) is not str and sub_code is not None:
            sub_code = as_str(sub_code, "ErrorResponse", "sub_code")

        sub_msg = d.pop("sub_msg", None)
        if type(sub_msg) is not str and sub_msg is not None:
            sub_msg = as_str(sub_msg, "ErrorResponse", "sub_msg")

        request_id = d.pop("request_id", None)
        if type(request_id) is not str and request_id is not None:
            request_id = as_str(request_id, "ErrorResponse", "request_id")

        if cls is ErrorResponse:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.code = code
            instance_.msg = msg
            instance_.sub_code = sub_code
            instance_.sub_msg = sub_msg
            instance_.request_id = request_id
            instance_.additional_properties = d
            return instance_
        error_response = cls(
            code,
            msg,
            sub_code,
            sub_msg,
            request_id,
        )
        error_response.additional_properties = d
        return error_response

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
