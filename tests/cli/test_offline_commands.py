"""Every `tbapi` command through `CliRunner`, answered offline from the specs' examples (`--offline`)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import Run, parsed
from tests.order_data import FULL_RECEIVER

RECEIVER = json.dumps(FULL_RECEIVER, ensure_ascii=False)
LINE = '{"itemId": "7202402671453", "skuId": "7202402671454", "orderLineNo": "1", "quantity": 2, "price": 3590}'
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6364f8ff3f0000050001a5f645400000000049454e44ae426082"
)


def test_image_search_by_url_prints_a_table_of_items(run: Run) -> None:
    args = ("shanjing", "image-search", "--pic-url", "https://img.alicdn.com/x.jpg", "--language", "en", "--offline")
    result = run(*args, env={"COLUMNS": "160"})  # wide enough for whole ids
    assert result.exit_code == 0
    assert "689542173310" in result.stdout
    assert "tb_item_id" in result.stdout


def test_image_search_by_local_file_uploads_it_first(run: Run, tmp_path: Path) -> None:
    image = tmp_path / "shoe.png"
    image.write_bytes(PNG)
    result = run("shanjing", "image-search", "--image", str(image), "--offline", "--json")
    assert [item["tbItemId"] for item in parsed(result)] == [689542173310, 701234567891]


def test_item_get_prints_the_item_as_json(run: Run) -> None:
    assert parsed(run("--offline", "--json", "shanjing", "item-get", "689542173310"))["tbItemId"] == 689542173310


def test_search_prints_one_page(run: Run) -> None:
    page = parsed(run("shanjing", "search", "纯棉短袖T恤", "--offline", "--json"))
    assert (len(page["items"]), page["page_no"]) == (3, 1)


def test_search_all_walks_the_pages_into_one_list(run: Run) -> None:
    assert len(parsed(run("shanjing", "search", "纯棉", "--all", "--offline", "--json"))) == 3


def test_search_max_items_stops_early(run: Run) -> None:
    assert len(parsed(run("shanjing", "search", "纯棉", "--max-items", "2", "--offline", "--json"))) == 2


def test_upload_image_prints_the_image_id(run: Run, tmp_path: Path) -> None:
    image = tmp_path / "shoe.png"
    image.write_bytes(PNG)
    assert parsed(run("shanjing", "upload-image", str(image), "--offline", "--json")) == {
        "image_id": "1616108138716568543"
    }


def test_product_get_prints_the_mp_id(run: Run) -> None:
    assert parsed(run("shanjing", "product-get", "689542173310", "--offline", "--json"))["mpId"] == "7202402671453"


def test_order_render_accepts_the_item_shorthand(run: Run) -> None:
    args = ("--item", "7202402671453:7202402671454:2", "--receiver", RECEIVER)
    result = parsed(run("shanjing", "order-render", *args, "--offline", "--json"))
    assert result["total_real_pay_price"]["amount"] == 7980


def test_order_create_prints_the_purchase_id(run: Run) -> None:
    args = ("--outer-purchase-id", "SJ1", "--amount", "7980", "--line", LINE, "--receiver", RECEIVER)
    result = parsed(run("shanjing", "order-create", *args, "--offline", "--json"))
    assert result["order_list"][0]["purchase_id"] == 3012459876543210


def test_order_cancel_prints_the_acceptance(run: Run) -> None:
    result = run("shanjing", "order-cancel", "3012459876543210", "--reason", "不要了", "--offline", "--json")
    assert parsed(result)["success"] is True


def test_order_query_all_lists_the_orders(run: Run) -> None:
    orders = parsed(run("shanjing", "order-query", "--all", "--offline", "--json"))
    assert [o["purchase_id"] for o in orders] == [3012459876543210]


def test_token_create_never_prints_the_tokens(run: Run, tmp_path: Path) -> None:
    token_file = str(tmp_path / "tokens.json")
    result = run("shanjing", "token-create", "0_501419_code", "--offline", "--json", "--token-file", token_file)
    assert parsed(result)["access_token"] == "[redacted]"
    assert "50000601" not in result.output


def test_token_create_keeps_the_tokens_in_the_token_file(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "tokens.json"
    run("shanjing", "token-create", "0_501419_code", "--token-file", str(path), "--offline")
    assert json.loads(path.read_text())["access_token"].startswith("50000601")


def test_token_refresh_uses_the_refresh_token(run: Run) -> None:
    result = run("shanjing", "token-refresh", "--refresh-token", "cli-test-refresh-token-0001", "--offline", "--json")
    assert parsed(result)["refresh_token"] == "[redacted]"


def test_token_refresh_without_a_refresh_token_exits_2_naming_the_flag(run: Run) -> None:
    result = run("shanjing", "token-refresh", "--access-token", "cli-test-access-token-0001", "--offline")
    assert result.exit_code == 2
    assert "--refresh-token: missing: pass --refresh-token TOKEN, or --token-file PATH" in result.stderr


def test_products_search_prints_the_products(run: Run) -> None:
    result = run("top", "products-search", "--q", "优衣库", "--fields", "product_id,name", "--offline")
    assert result.exit_code == 0
    assert "优衣库 男装" in result.stdout
    assert "108 product(s) in all" in result.stdout


def test_products_search_json_has_the_total(run: Run) -> None:
    assert parsed(run("top", "products-search", "--q", "优衣库", "--offline", "--json"))["total_results"] == 108


def test_products_search_all_walks_the_pages(run: Run) -> None:
    assert len(parsed(run("top", "products-search", "--q", "优衣库", "--max-items", "2", "--offline", "--json"))) == 2


def test_itemcats_get_lists_the_categories(run: Run) -> None:
    cats = parsed(run("top", "itemcats-get", "--parent-cid", "0", "--offline", "--json"))
    assert [c["name"] for c in cats] == ["T恤", "夹克", "羽绒服"]


def test_itemprops_get_lists_the_properties(run: Run) -> None:
    props = parsed(run("top", "itemprops-get", "--cid", "50000436", "--key-prop", "--offline", "--json"))
    assert props[0]["pid"] == 20000


def test_itempropvalues_get_lists_the_values(run: Run) -> None:
    values = parsed(run("top", "itempropvalues-get", "--cid", "50000436", "--offline", "--json"))
    assert values[0]["name"] == "Uniqlo/优衣库"


def test_call_sends_key_value_parameters(run: Run) -> None:
    response = parsed(run("top", "call", "taobao.itemcats.get", "parent_cid=0", "--offline", "--json"))
    assert "item_cats" in response


def test_help_lists_both_apis(run: Run) -> None:
    result = run("--help")
    assert "shanjing" in result.stdout
    assert "top" in result.stdout
    assert "Exit codes" in result.stdout
