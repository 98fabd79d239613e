"""The purchase flow on Shanjing: 撞库 → render → create → query → cancel.

    python examples/order_flow.py            # the bundled mock (nothing is bought)
    python examples/order_flow.py --live     # REAL orders on your account: read it first

1. `products.get` maps a Taobao item to its orderable `mpId` / `mpSkuId` (撞库);
2. `orders.render` prices the order (lines that can be bought, shipping);
3. `orders.create` places it — `outer_purchase_id` is your idempotency key: tbapi never sends it twice;
4. `orders.query` finds it by that id;
5. `orders.cancel` asks to cancel it (asynchronous: poll `orders.query` for TRADE_CLOSED).
"""

from __future__ import annotations

import time

import _support

import tbapi

ITEM_ID = 689542173310
RECEIVER = {
    "name": "张伟",
    "mobile_phone": "13800138000",
    "country": "CN",
    "state": "浙江省",
    "city": "杭州市",
    "district": "余杭区",
    "address": "五常街道文一西路998号",
    "zip": "311121",
}


def orderable_line(client: tbapi.ShanjingClient, item_id: int, quantity: int) -> dict[str, object]:
    product = client.products.get(item_id)
    sku = product.sku_list[0]  # type: ignore[index]
    print(f"撞库: item {item_id} → mpId {product.mp_id}, mpSkuId {sku.mp_sku_id}")
    return {"itemId": product.mp_id, "skuId": sku.mp_sku_id, "quantity": quantity}


def place_order(client: tbapi.ShanjingClient, line: dict[str, object], outer_id: str) -> int:
    rendered = client.orders.render(items=[line], receiver_address=RECEIVER)
    amount = rendered.total_real_pay_price.amount  # type: ignore[union-attr]
    print(f"render: total {amount} fen")
    created = client.orders.create(
        outer_purchase_id=outer_id,
        purchase_amount=amount,  # type: ignore[arg-type]
        receiver=RECEIVER,
        order_lines=[{**line, "orderLineNo": "1", "price": amount}],
    )
    purchase_id = created.order_list[0].purchase_id  # type: ignore[index]
    print(f"create: purchase {purchase_id} for {outer_id}")
    return purchase_id  # type: ignore[return-value]


def main() -> None:
    args = _support.parser(__doc__.splitlines()[0]).parse_args()
    outer_id = f"tbapi-example-{int(time.time())}"
    with _support.services(args.live), tbapi.ShanjingClient() as client:
        purchase_id = place_order(client, orderable_line(client, ITEM_ID, 1), outer_id)
        for order in client.orders.query(purchase_ids=[purchase_id]).items:
            print(f"query: {order.purchase_id} is {order.status}")
        accepted = client.orders.cancel(purchase_id, cancel_reason="tbapi example")
        print(f"cancel: accepted={accepted.success} (asynchronous: poll orders.query for TRADE_CLOSED)")


if __name__ == "__main__":
    main()
