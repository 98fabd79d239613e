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


T = TypeVar("T", bound="TokenResponse")


@_attrs_define
class TokenResponse:
    """The flat token record of createToken and refreshToken (no envelope). Fields as on the refresh page;
    `refresh_expires_in` was shown as a string there and is an integer upstream, so both are accepted.
    `error_code` is documented (non-empty on failure). An error body may instead (or also) carry the
    envelope fields `errorCode` / `errorMsg` of the other operations (inferred); they are not declared
    here (their Python names would clash with `error_code`) and are kept in `additional_properties`.

    """

    access_token: str | None = None
    """ The Bearer token to send on every call. """

    refresh_token: str | None = None
    """ The token to pass to refreshToken before `expires_in` runs out. """

    expires_in: int | None = None
    """ Seconds until the access token expires. """

    refresh_expires_in: int | None = None
    """ Seconds until the refresh token expires (a string in the doc example, an integer upstream). """

    account_id: str | None = None

    user_id: str | None = None
    """ The user id (sic casing). """

    seller_id: str | None = None
    """ The seller id (sic casing). """

    short_code: str | None = None

    account_platform: str | None = None

    account: str | None = None

    error_code: str | None = None
    """ Non-empty when the call failed. """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        access_token = self.access_token
        if access_token is not None:
            field_dict["access_token"] = access_token
        refresh_token = self.refresh_token
        if refresh_token is not None:
            field_dict["refresh_token"] = refresh_token
        expires_in = self.expires_in
        if expires_in is not None:
            field_dict["expires_in"] = expires_in
        refresh_expires_in = self.refresh_expires_in
        if refresh_expires_in is not None:
            field_dict["refresh_expires_in"] = refresh_expires_in
        account_id = self.account_id
        if account_id is not None:
            field_dict["account_id"] = account_id
        user_id = self.user_id
        if user_id is not None:
            field_dict["user_Id"] = user_id
        seller_id = self.seller_id
        if seller_id is not None:
            field_dict["seller_Id"] = seller_id
        short_code = self.short_code
        if short_code is not None:
            field_dict["short_code"] = short_code
        account_platform = self.account_platform
        if account_platform is not None:
            field_dict["account_platform"] = account_platform
        account = self.account
        if account is not None:
            field_dict["account"] = account
        error_code = self.error_code
        if error_code is not None:
            field_dict["error_code"] = error_code
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        access_token = d.pop("access_token", None)
        if type(access_token) is not str and access_token is not None:
            access_token = as_str(access_token, "TokenResponse", "access_token")

        refresh_token = d.pop("refresh_token", None)
        if type(refresh_token) is not str and refresh_token is not None:
            refresh_token = as_str(refresh_token, "TokenResponse", "refresh_token")

        expires_in = d.pop("expires_in", None)
        if type(expires_in) is not int and expires_in is not None:
            expires_in = as_int(expires_in, "TokenResponse", "expires_in")

        refresh_expires_in = d.pop("refresh_expires_in", None)
        if type(refresh_expires_in) is not int and refresh_expires_in is not None:
            refresh_expires_in = as_int(refresh_expires_in, "TokenResponse", "refresh_expires_in")

        account_id = d.pop("account_id", None)
        if type(account_id) is not str and account_id is not None:
            account_id = as_str(account_id, "TokenResponse", "account_id")

        user_id = d.pop("user_Id", None)
        if type(user_id) is not str and user_id is not None:
            user_id = as_str(user_id, "TokenResponse", "user_Id")

        seller_id = d.pop("seller_Id", None)
        if type(seller_id) is not str and seller_id is not None:
            seller_id = as_str(seller_id, "TokenResponse", "seller_Id")

        short_code = d.pop("short_code", None)
        if type(short_code) is not str and short_code is not None:
            short_code = as_str(short_code, "TokenResponse", "short_code")

        account_platform = d.pop("account_platform", None)
        if type(account_platform) is not str and account_platform is not None:
            account_platform = as_str(account_platform, "TokenResponse", "account_platform")

        account = d.pop("account", None)
        if type(account) is not str and account is not None:
            account = as_str(account, "TokenResponse", "account")

        error_code = d.pop("error_code", None)
        if type(error_code) is not str and error_code is not None:
            error_code = as_str(error_code, "TokenResponse", "error_code")

        if cls is TokenResponse:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.access_token = access_token
            instance_.refresh_token = refresh_token
            instance_.expires_in = expires_in
            instance_.refresh_expires_in = refresh_expires_in
            instance_.account_id = account_id
            instance_.user_id = user_id
            instance_.seller_id = seller_id
            instance_.short_code = short_code
            instance_.account_platform = account_platform
            instance_.account = account
            instance_.error_code = error_code
            instance_.additional_properties = d
            return instance_
        token_response = cls(
            access_token,
            refresh_token,
            expires_in,
            refresh_expires_in,
            account_id,
            user_id,
            seller_id,
            short_code,
            account_platform,
            account,
            error_code,
        )
        token_response.additional_properties = d
        return token_response

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
