from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.product_sku import ProductSku


T = TypeVar("T", bound="Product")


@_attrs_define
class Product:
    """The 撞库 record. `quantity` … `itemId` are documented; the later fields come from a sibling wrapper
    of the same upstream API. `mpId` is the `itemId` to order with. Prices in fen.

    """

    quantity: int | Unset = UNSET
    category_path: str | Unset = UNSET
    shop_name: str | Unset = UNSET
    description: str | Unset = UNSET
    product_unit: str | Unset = UNSET
    pic_urls: list[str] | Unset = UNSET
    title: str | Unset = UNSET
    mp_id: str | Unset = UNSET
    """ The orderable item id (RenderItem/OrderLine `itemId`). """
    category_name: str | Unset = UNSET
    item_id: int | Unset = UNSET
    """ The Taobao item id that was looked up. """
    user_nick: str | Unset = UNSET
    price: int | Unset = UNSET
    begin_amount: int | Unset = UNSET
    """ Minimum order quantity. """
    status: str | Unset = UNSET
    promotion_price: int | Unset = UNSET
    shop_id: int | Unset = UNSET
    category_id: int | Unset = UNSET
    item_type: str | Unset = UNSET
    sku_list: list[ProductSku] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        quantity = self.quantity

        category_path = self.category_path

        shop_name = self.shop_name

        description = self.description

        product_unit = self.product_unit

        pic_urls: list[str] | Unset = UNSET
        if not isinstance(self.pic_urls, Unset):
            pic_urls = self.pic_urls

        title = self.title

        mp_id = self.mp_id

        category_name = self.category_name

        item_id = self.item_id

        user_nick = self.user_nick

        price = self.price

        begin_amount = self.begin_amount

        status = self.status

        promotion_price = self.promotion_price

        shop_id = self.shop_id

        category_id = self.category_id

        item_type = self.item_type

        sku_list: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.sku_list, Unset):
            sku_list = []
            for sku_list_item_data in self.sku_list:
                sku_list_item = sku_list_item_data.to_dict()
                sku_list.append(sku_list_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if quantity is not UNSET:
            field_dict["quantity"] = quantity
        if category_path is not UNSET:
            field_dict["categoryPath"] = category_path
        if shop_name is not UNSET:
            field_dict["shopName"] = shop_name
        if description is not UNSET:
            field_dict["description"] = description
        if product_unit is not UNSET:
            field_dict["productUnit"] = product_unit
        if pic_urls is not UNSET:
            field_dict["picUrls"] = pic_urls
        if title is not UNSET:
            field_dict["title"] = title
        if mp_id is not UNSET:
            field_dict["mpId"] = mp_id
        if category_name is not UNSET:
            field_dict["categoryName"] = category_name
        if item_id is not UNSET:
            field_dict["itemId"] = item_id
        if user_nick is not UNSET:
            field_dict["userNick"] = user_nick
        if price is not UNSET:
            field_dict["price"] = price
        if begin_amount is not UNSET:
            field_dict["beginAmount"] = begin_amount
        if status is not UNSET:
            field_dict["status"] = status
        if promotion_price is not UNSET:
            field_dict["promotionPrice"] = promotion_price
        if shop_id is not UNSET:
            field_dict["shopId"] = shop_id
        if category_id is not UNSET:
            field_dict["categoryId"] = category_id
        if item_type is not UNSET:
            field_dict["itemType"] = item_type
        if sku_list is not UNSET:
            field_dict["skuList"] = sku_list

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        quantity = d.pop("quantity", UNSET)

        category_path = d.pop("categoryPath", UNSET)

        shop_name = d.pop("shopName", UNSET)

        description = d.pop("description", UNSET)

        product_unit = d.pop("productUnit", UNSET)

        pic_urls = cast(list[str], d.pop("picUrls", UNSET))

        title = d.pop("title", UNSET)

        mp_id = d.pop("mpId", UNSET)

        category_name = d.pop("categoryName", UNSET)

        item_id = d.pop("itemId", UNSET)

        user_nick = d.pop("userNick", UNSET)

        price = d.pop("price", UNSET)

        begin_amount = d.pop("beginAmount", UNSET)

        status = d.pop("status", UNSET)

        promotion_price = d.pop("promotionPrice", UNSET)

        shop_id = d.pop("shopId", UNSET)

        category_id = d.pop("categoryId", UNSET)

        item_type = d.pop("itemType", UNSET)

        _sku_list = d.pop("skuList", UNSET)
        sku_list: list[ProductSku] | Unset = UNSET
        if _sku_list is not UNSET:
            sku_list = []
            if isinstance(_sku_list, Mapping):  # a one-element list sent as its element
                _sku_list = [_sku_list]
            for sku_list_item_data in _sku_list:
                sku_list_item = ProductSku.from_dict(sku_list_item_data)

                sku_list.append(sku_list_item)

        product = cls(
            quantity,
            category_path,
            shop_name,
            description,
            product_unit,
            pic_urls,
            title,
            mp_id,
            category_name,
            item_id,
            user_nick,
            price,
            begin_amount,
            status,
            promotion_price,
            shop_id,
            category_id,
            item_type,
            sku_list,
        )

        product.additional_properties = d
        return product

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


from ..models.product_sku import ProductSku  # noqa: E402
