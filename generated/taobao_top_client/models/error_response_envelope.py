from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import (
    as_model,
    model_repr,
)

_new_instance = object.__new__  # from_dict's instances of the model itself (see there)


if TYPE_CHECKING:
    from ..models.error_response import ErrorResponse


T = TypeVar("T", bound="ErrorResponseEnvelope")


@_attrs_define
class ErrorResponseEnvelope:
    """A TOP error, delivered with HTTP 200."""

    error_response: ErrorResponse
    """ A TOP error. Codes below 100 other than 15/40/41 are failed basic checks (signature, session, app
    key, timestamp, limits) and the number decides. For codes 15, 40 and 41 the `sub_code` prefix decides,
    as for business errors under other codes (50, 530 …, msg "Remote service error"): `isp.*` is a
    server-side fault worth retrying (e.g. 15 `isp.top-remote-service-unavailable`), `isv.*` a caller
    error not to retry unchanged (40 `isv.missing-parameter`, 41 `isv.invalid-parameter`). Code 7 with
    `accesscontrol.limited-by-api-access-count` carries `sub_msg` "This ban will last for N more seconds".
     """

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        error_response = self.error_response
        field_dict["error_response"] = error_response.to_dict()
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        error_response = d.pop("error_response")
        error_response = (
            ErrorResponse.from_dict(error_response)
            if type(error_response) is dict
            else as_model(ErrorResponse, error_response, "ErrorResponseEnvelope", "error_response")
        )

        if cls is ErrorResponseEnvelope:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.error_response = error_response
            return instance_
        error_response_envelope = cls(
            error_response,
        )
        return error_response_envelope

    def __repr__(self) -> str:
        return model_repr(self)


from ..models.error_response import ErrorResponse  # noqa: E402
