from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    as_int,
    as_list,
    as_model,
    as_model_list,
    as_str,
    model_repr,
)

_new_instance = object.__new__  # from_dict's instances of the model itself (see there)


if TYPE_CHECKING:
    from ..models.product_sku import ProductSku


T = TypeVar("T", bound="Product")


@_attrs_define
class Product:
    """The 撞库 record. `quantity` … `itemId` are documented; the later fields come from a sibling wrapper
    of the same upstream API. `mpId` is the `itemId` to order with. Prices in fen.

    """

    quantity: int | None = None

    category_path: str | None = None

    shop_name: str | None = None

    description: str | None = None

    product_unit: str | None = None
    """ The unit of sale (e.g. 件); `null` when absent in public wrappers of the same upstream. """

    pic_urls: list[str] | None = None

    title: str | None = None

    mp_id: str | None = None
    """ The orderable item id (RenderItem/OrderLine `itemId`). A string on the 撞库 page; a number is the same
    id, and tbapi's model holds the string.
     """

    category_name: str | None = None

    item_id: int | None = None
    """ The Taobao item id that was looked up. Sources disagree on its JSON type (a number, or a string of digits in
    public wrappers of the same upstream); tbapi's model holds an int. """

    user_nick: str | None = None

    price: int | None = None
    """ Price in fen. Sources disagree on its JSON type (a number, or a string of digits in public wrappers of the
    same upstream); tbapi's model holds an int. """

    begin_amount: int | None = None
    """ Minimum order quantity. """

    status: str | None = None

    promotion_price: int | None = None
    """ Promotion price in fen. Sources disagree on its JSON type (a number, or a string of digits in public
    wrappers of the same upstream); tbapi's model holds an int. """

    shop_id: int | None = None
    """ The shop id. Sources disagree on its JSON type (a number, or a string of digits in public wrappers of the
    same upstream); tbapi's model holds an int. """

    category_id: int | None = None
    """ The leaf category id. Sources disagree on its JSON type (a number, or a string of digits in public wrappers
    of the same upstream); tbapi's model holds an int. """

    item_type: str | None = None

    sku_list: list[ProductSku] | None = None

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        quantity = self.quantity
        if quantity is not None:
            field_dict["quantity"] = quantity
        category_path = self.category_path
        if category_path is not None:
            field_dict["categoryPath"] = category_path
        shop_name = self.shop_name
        if shop_name is not None:
            field_dict["shopName"] = shop_name
        description = self.description
        if description is not None:
            field_dict["description"] = description
        product_unit = self.product_unit
        if product_unit is not None:
            field_dict["productUnit"] = product_unit
        pic_urls = self.pic_urls
        if pic_urls is not None:
            field_dict["picUrls"] = pic_urls
        title = self.title
        if title is not None:
            field_dict["title"] = title
        mp_id = self.mp_id
        if mp_id is not None:
            field_dict["mpId"] = mp_id
        category_name = self.category_name
        if category_name is not None:
            field_dict["categoryName"] = category_name
        item_id = self.item_id
        if item_id is not None:
            field_dict["itemId"] = item_id
        user_nick = self.user_nick
        if user_nick is not None:
            field_dict["userNick"] = user_nick
        price = self.price
        if price is not None:
            field_dict["price"] = price
        begin_amount = self.begin_amount
        if begin_amount is not None:
            field_dict["beginAmount"] = begin_amount
        status = self.status
        if status is not None:
            field_dict["status"] = status
        promotion_price = self.promotion_price
        if promotion_price is not None:
            field_dict["promotionPrice"] = promotion_price
        shop_id = self.shop_id
        if shop_id is not None:
            field_dict["shopId"] = shop_id
        category_id = self.category_id
        if category_id is not None:
            field_dict["categoryId"] = category_id
        item_type = self.item_type
        if item_type is not None:
            field_dict["itemType"] = item_type
        sku_list = self.sku_list
        if sku_list is not None:
            field_dict["skuList"] = [item.to_dict() for item in sku_list]
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        quantity = d.pop("quantity", None)
        if type(quantity) is not int and quantity is not None:
            quantity = as_int(quantity, "Product", "quantity")

        category_path = d.pop("categoryPath", None)
        if type(category_path) is not str and category_path is not None:
            category_path = as_str(category_path, "Product", "categoryPath")

        shop_name = d.pop("shopName", None)
        if type(shop_name) is not str and shop_name is not None:
            shop_name = as_str(shop_name, "Product", "shopName")

        description = d.pop("description", None)
        if type(description) is not str and description is not None:
            description = as_str(description, "Product", "description")

        product_unit = d.pop("productUnit", None)
        if type(product_unit) is not str and product_unit is not None:
            product_unit = as_str(product_unit, "Product", "productUnit")

        pic_urls = d.pop("picUrls", None)
        if pic_urls is not None:
            pic_urls = as_list(pic_urls, str, as_str, "Product", "picUrls")

        title = d.pop("title", None)
        if type(title) is not str and title is not None:
            title = as_str(title, "Product", "title")

        mp_id = d.pop("mpId", None)
        if type(mp_id) is not str and mp_id is not None:
            mp_id = as_str(mp_id, "Product", "mpId")

        category_name = d.pop("categoryName", None)
        if type(category_name) is not str and category_name is not None:
            category_name = as_str(category_name, "Product", "categoryName")

        item_id = d.pop("itemId", None)
        if type(item_id) is not int and item_id is not None:
            item_id = as_int(item_id, "Product", "itemId")

        user_nick = d.pop("userNick", None)
        if type(user_nick) is not str and user_nick is not None:
            user_nick = as_str(user_nick, "Product", "userNick")

        price = d.pop("price", None)
        if type(price) is not int and price is not None:
            price = as_int(price, "Product", "price")

        begin_amount = d.pop("beginAmount", None)
        if type(begin_amount) is not int and begin_amount is not None:
            begin_amount = as_int(begin_amount, "Product", "beginAmount")

        status = d.pop("status", None)
        if type(status) is not str and status is not None:
            status = as_str(status, "Product", "status")

        promotion_price = d.pop("promotionPrice", None)
        if type(promotion_price) is not int and promotion_price is not None:
            promotion_price = as_int(promotion_price, "Product", "promotionPrice")

        shop_id = d.pop("shopId", None)
        if type(shop_id) is not int and shop_id is not None:
            shop_id = as_int(shop_id, "Product", "shopId")

        category_id = d.pop("categoryId", None)
        if type(category_id) is not int and category_id is not None:
            category_id = as_int(category_id, "Product", "categoryId")

        item_type = d.pop("itemType", None)
        if type(item_type) is not str and item_type is not None:
            item_type = as_str(item_type, "Product", "itemType")

        sku_list = d.pop("skuList", None)
        if sku_list is not None:
            sku_list = (
                [
                    ProductSku.from_dict(item)
                    if type(item) is dict
                    else as_model(ProductSku, item, "Product", "skuList")
                    for item in sku_list
                ]
                if type(sku_list) is list
                else as_model_list(ProductSku, sku_list, "Product", "skuList")
            )

        if cls is Product:
            # `instance_`: no field's name (the generator gives a trailing _ to keywords and builtins only)
            instance_ = _new_instance(cls)
            instance_.quantity = quantity
            instance_.category_path = category_path
            instance_.shop_name = shop_name
            instance_.description = description
            instance_.product_unit = product_unit
            instance_.pic_urls = pic_urls
            instance_.title = title
            instance_.mp_id = mp_id
            instance_.category_name = category_name
            instance_.item_id = item_id
            instance_.user_nick = user_nick
            instance_.price = price
            instance_.begin_amount = begin_amount
            instance_.status = status
            instance_.promotion_price = promotion_price
            instance_.shop_id = shop_id
            instance_.category_id = category_id
            instance_.item_type = item_type
            instance_.sku_list = sku_list
            instance_.additional_properties = d
            return instance_
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


from ..models.product_sku import ProductSku  # noqa: E402
