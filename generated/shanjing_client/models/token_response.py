from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TokenResponse")


@_attrs_define
class TokenResponse:
    """The flat token record of createToken and refreshToken (no envelope). Fields as on the refresh page;
    `refresh_expires_in` was shown as a string there and is an integer upstream, so both are accepted.
    `error_code` is documented (non-empty on failure). An error body may instead (or also) carry the
    envelope fields `errorCode` / `errorMsg` of the other operations (inferred); they are not declared
    here (their Python names would clash with `error_code`) and are kept in `additional_properties`.

    """

    access_token: str | Unset = UNSET
    """ The Bearer token to send on every call. """
    refresh_token: str | Unset = UNSET
    """ The token to pass to refreshToken before `expires_in` runs out. """
    expires_in: int | Unset = UNSET
    """ Seconds until the access token expires. """
    refresh_expires_in: int | str | Unset = UNSET
    """ Seconds until the refresh token expires (a string in the doc example, an integer upstream). """
    account_id: str | Unset = UNSET
    user_id: str | Unset = UNSET
    """ The user id (sic casing). """
    seller_id: str | Unset = UNSET
    """ The seller id (sic casing). """
    short_code: str | Unset = UNSET
    account_platform: str | Unset = UNSET
    account: str | Unset = UNSET
    error_code: None | str | Unset = UNSET
    """ Non-empty when the call failed. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        access_token = self.access_token

        refresh_token = self.refresh_token

        expires_in = self.expires_in

        refresh_expires_in: int | str | Unset
        if isinstance(self.refresh_expires_in, Unset):
            refresh_expires_in = UNSET
        else:
            refresh_expires_in = self.refresh_expires_in

        account_id = self.account_id

        user_id = self.user_id

        seller_id = self.seller_id

        short_code = self.short_code

        account_platform = self.account_platform

        account = self.account

        error_code: None | str | Unset
        if isinstance(self.error_code, Unset):
            error_code = UNSET
        else:
            error_code = self.error_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if access_token is not UNSET:
            field_dict["access_token"] = access_token
        if refresh_token is not UNSET:
            field_dict["refresh_token"] = refresh_token
        if expires_in is not UNSET:
            field_dict["expires_in"] = expires_in
        if refresh_expires_in is not UNSET:
            field_dict["refresh_expires_in"] = refresh_expires_in
        if account_id is not UNSET:
            field_dict["account_id"] = account_id
        if user_id is not UNSET:
            field_dict["user_Id"] = user_id
        if seller_id is not UNSET:
            field_dict["seller_Id"] = seller_id
        if short_code is not UNSET:
            field_dict["short_code"] = short_code
        if account_platform is not UNSET:
            field_dict["account_platform"] = account_platform
        if account is not UNSET:
            field_dict["account"] = account
        if error_code is not UNSET:
            field_dict["error_code"] = error_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        access_token = d.pop("access_token", UNSET)

        refresh_token = d.pop("refresh_token", UNSET)

        expires_in = d.pop("expires_in", UNSET)

        def _parse_refresh_expires_in(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        refresh_expires_in = _parse_refresh_expires_in(d.pop("refresh_expires_in", UNSET))

        account_id = d.pop("account_id", UNSET)

        user_id = d.pop("user_Id", UNSET)

        seller_id = d.pop("seller_Id", UNSET)

        short_code = d.pop("short_code", UNSET)

        account_platform = d.pop("account_platform", UNSET)

        account = d.pop("account", UNSET)

        def _parse_error_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error_code = _parse_error_code(d.pop("error_code", UNSET))

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
