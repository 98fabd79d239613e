"""Find look-alike Taobao/Tmall items for a photo on your disk (Shanjing image search).

    python examples/image_search.py                         # the bundled mock, examples/assets/shoe.png
    python examples/image_search.py ./my-shoe.jpg --live    # your TBAPI_SHANJING_ACCESS_TOKEN

tbapi checks the image (jpg/png/webp, at most 3 MB), uploads it, then searches by its image id.
"""

from __future__ import annotations

from pathlib import Path

import _support

import tbapi

DEFAULT_IMAGE = Path(__file__).resolve().parent / "assets" / "shoe.png"


def look_alikes(image: Path, language: str = "en") -> list[tbapi.types.SearchItem]:
    with tbapi.ShanjingClient() as client:
        return client.items.image_search(image=image, exclude_filters=["used_item"], language=language)  # type: ignore[arg-type]


def main() -> None:
    parser = _support.parser(__doc__.splitlines()[0])
    parser.add_argument("image", nargs="?", type=Path, default=DEFAULT_IMAGE, help="a jpg, png or webp file")
    args = parser.parse_args()
    with _support.services(args.live):
        items = look_alikes(args.image)
    print(f"Image search for {args.image.name}: {len(items)} look-alike item(s)")
    for item in items[:10]:
        print(f"  {item.tb_item_id}  ¥{item.price}  {item.title}  ({item.shop_name})")


if __name__ == "__main__":
    main()
