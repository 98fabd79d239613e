"""Image search and upload: the request the documentation publishes, image input checks, upload-then-search."""

from __future__ import annotations

import base64
import io
import os
from collections import Counter
from pathlib import Path
from urllib.parse import parse_qsl

import httpx
import pytest

import tbapi
from tbapi.shanjing._images import read_image

from .conftest import TOKEN, FakeShanjing, ok, search_item

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32
WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x00" * 32
SEED_QUERY = (
    "filters=24shipping&excludeFilters=used_item&excludeFilters=customized_item"
    "&pic_url=https%3A%2F%2Fimg.alicdn.com%2Fbao%2Fuploaded%2Fi3%2F684174095%2FO1CN019WLF1n1g7YYWtonEu_!!0-item_pic.jpg"
    "&include_tags=activity_202311_1_tb_manjian&language=en&image_id=1616108138716568543"
)
IMGSEARCH = "/rest/taobao-global/traffic/item/imgsearch"
UPLOAD = "/rest/taobao-global/upload/image"


def test_seed_image_search_sends_exactly_the_seed_query_pairs_with_bearer(
    fake: FakeShanjing, client: tbapi.ShanjingClient
) -> None:
    fake.route(IMGSEARCH, ok([search_item(1)]))

    items = client.items.image_search(
        pic_url="https://img.alicdn.com/bao/uploaded/i3/684174095/O1CN019WLF1n1g7YYWtonEu_!!0-item_pic.jpg",
        image_id="1616108138716568543",
        filters=["24shipping"],
        exclude_filters=["used_item", "customized_item"],
        include_tags=["activity_202311_1_tb_manjian"],
        language="en",
    )

    (request,) = fake.requests
    assert request.method == "GET"
    assert request.url.path == IMGSEARCH
    assert Counter(parse_qsl(request.url.query.decode())) == Counter(parse_qsl(SEED_QUERY))
    assert request.headers["Authorization"] == f"Bearer {TOKEN}"
    assert [item.tb_item_id for item in items] == [1]


@pytest.mark.parametrize("kind", ["path", "bytes", "file"])
def test_image_search_by_image_uploads_then_searches_by_its_id(
    fake: FakeShanjing, client: tbapi.ShanjingClient, tmp_path: Path, kind: str
) -> None:
    fake.route(UPLOAD, ok({"imageId": "42"}))
    fake.route(IMGSEARCH, ok([search_item(7)]))
    path = tmp_path / "shirt.png"
    path.write_bytes(PNG)
    images: dict[str, Path | bytes | io.BytesIO] = {"path": path, "bytes": PNG, "file": io.BytesIO(PNG)}
    image = images[kind]

    items = client.items.image_search(image=image, language="en")

    upload, search = fake.requests
    assert upload.url.path == UPLOAD
    assert f'name="image_base64"\r\nContent-Type: text/plain\r\n\r\n{base64.b64encode(PNG).decode()}\r\n'.encode() in (
        upload.content
    )
    assert dict(parse_qsl(search.url.query.decode())) == {"image_id": "42", "language": "en"}
    assert [item.tb_item_id for item in items] == [7]


@pytest.mark.parametrize("image", [PNG, JPEG, WEBP], ids=["png", "jpeg", "webp"])
def test_upload_accepts_png_jpeg_and_webp_by_magic_bytes(
    fake: FakeShanjing, client: tbapi.ShanjingClient, image: bytes
) -> None:
    fake.route(UPLOAD, ok({"imageId": "1616108138716568543"}))

    assert client.images.upload(image) == "1616108138716568543"


@pytest.mark.parametrize(
    ("image", "problem"),
    [
        (b"GIF89a" + b"\x00" * 20, "not a jpg"),
        (b"", "empty"),
        (PNG + b"\x00" * (3 * 1024 * 1024), "at most"),
        (io.StringIO("text"), "text mode"),
        (12345, "must be a path"),
    ],
    ids=["gif", "empty", "over-3MB", "text-file", "not-an-image-input"],
)
def test_upload_refuses_a_bad_image_before_sending(
    fake: FakeShanjing, client: tbapi.ShanjingClient, image: object, problem: str
) -> None:
    with pytest.raises(tbapi.ValidationError, match=problem) as caught:
        client.images.upload(image)  # type: ignore[arg-type]

    assert caught.value.param == "image"
    assert fake.requests == []


def test_upload_refuses_a_missing_file(fake: FakeShanjing, client: tbapi.ShanjingClient, tmp_path: Path) -> None:
    with pytest.raises(tbapi.ValidationError, match="cannot read"):
        client.images.upload(tmp_path / "missing.jpg")
    assert fake.requests == []


def test_image_search_requires_an_image_source(fake: FakeShanjing, client: tbapi.ShanjingClient) -> None:
    with pytest.raises(tbapi.ValidationError, match="one image source is required"):
        client.items.image_search(language="en")
    assert fake.requests == []


def test_image_search_refuses_image_together_with_another_source(
    fake: FakeShanjing, client: tbapi.ShanjingClient
) -> None:
    with pytest.raises(tbapi.ValidationError) as caught:
        client.items.image_search(image=PNG, pic_url="https://img.alicdn.com/a.jpg")
    assert caught.value.param == "image"
    assert fake.requests == []


@pytest.mark.parametrize(
    "url", ["HTTPS://img.alicdn.com/a.jpg", "//img.alicdn.com/bao/uploaded/i3/684174095/O1CN019WLF1n1g7YYWtonEu.jpg"]
)
def test_image_search_sends_an_upper_case_or_scheme_relative_pic_url_as_given(
    fake: FakeShanjing, client: tbapi.ShanjingClient, url: str
) -> None:
    fake.route(IMGSEARCH, ok([search_item(1)]))

    client.items.image_search(pic_url=url)

    assert fake.requests[0].url.params["pic_url"] == url


@pytest.mark.parametrize(
    "url", ["ftp://img.alicdn.com/a.jpg", "file:///etc/passwd", "img.alicdn.com/a.jpg", "//", "///a.jpg", ""]
)
def test_image_search_pic_url_must_be_http_or_https(fake: FakeShanjing, client: tbapi.ShanjingClient, url: str) -> None:
    with pytest.raises(tbapi.ValidationError) as caught:
        client.items.image_search(pic_url=url)
    assert caught.value.param == "pic_url"
    assert fake.requests == []


def test_image_search_with_a_bad_data_shape_raises_response_error(
    fake: FakeShanjing, client: tbapi.ShanjingClient
) -> None:
    fake.route(IMGSEARCH, ok({"not": "a list"}))

    with pytest.raises(
        tbapi.ResponseError, match=r"ImageSearchResponse\.data: expected a list of SearchItem, got dict"
    ):
        client.items.image_search(image_id="1")


async def test_async_image_search_by_file_uploads_then_searches(fake: FakeShanjing, no_sleep: list[float]) -> None:
    from .conftest import make_async_client

    fake.route(UPLOAD, ok({"imageId": "42"}))
    fake.route(IMGSEARCH, ok([search_item(7)]))
    async with make_async_client(fake) as client:
        items = await client.items.image_search(image=io.BytesIO(JPEG))

    assert [r.url.path for r in fake.requests] == [UPLOAD, IMGSEARCH]
    assert dict(parse_qsl(fake.requests[1].url.query.decode())) == {"image_id": "42"}
    assert [item.tb_item_id for item in items] == [7]


def test_upload_is_multipart_with_only_the_image_field(fake: FakeShanjing, client: tbapi.ShanjingClient) -> None:
    fake.route(UPLOAD, ok({"imageId": "9"}))

    client.images.upload(JPEG)

    (request,) = fake.requests
    assert request.headers["Content-Type"].startswith("multipart/form-data")
    assert request.content.count(b"Content-Disposition: form-data") == 1
    assert isinstance(request, httpx.Request)


def test_an_image_path_that_is_a_fifo_is_refused_without_opening_it_for_long(tmp_path: Path) -> None:
    fifo = tmp_path / "image.fifo"
    os.mkfifo(fifo)  # no writer: a blocking open would wait for one
    with pytest.raises(tbapi.ValidationError, match="not a regular file"):
        read_image(fifo)


def test_an_image_path_that_is_a_device_is_refused() -> None:
    with pytest.raises(tbapi.ValidationError, match="not a regular file"):
        read_image("/dev/zero")
