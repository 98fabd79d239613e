"""Image input for upload and image search: a path, bytes or a binary file, checked before sending."""

from __future__ import annotations

import base64
import os
import stat
from pathlib import Path
from typing import IO, Any, TypeAlias

from .._exceptions import ValidationError

ImageInput: TypeAlias = "str | os.PathLike[str] | bytes | bytearray | memoryview | IO[bytes]"

MAX_IMAGE_BYTES = 3 * 1024 * 1024  # the documented 3 MB


def sniff_image_type(data: bytes) -> str | None:
    """`jpeg`, `png` or `webp` from the magic bytes; None for anything else."""
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    return None


def read_image(image: ImageInput, param: str = "image") -> bytes:
    """The bytes of a path, bytes-like object or binary file; checked for type (magic bytes) and size."""
    data = _read(image, param)
    if not data:
        raise ValidationError(param, "the image is empty")
    if len(data) > MAX_IMAGE_BYTES:
        raise ValidationError(param, f"the image is {len(data)} bytes; at most {MAX_IMAGE_BYTES} (3 MB) are accepted")
    if sniff_image_type(data) is None:
        raise ValidationError(param, "not a jpg, jpeg, png or webp image (checked by its first bytes)")
    return data


def image_base64(image: ImageInput, param: str = "image") -> str:
    """The checked image as Base64 text (no `data:` prefix), as `image_base64` wants it."""
    return base64.b64encode(read_image(image, param)).decode("ascii")


def _read(image: Any, param: str) -> bytes:
    if isinstance(image, bytes | bytearray | memoryview):
        return bytes(image)
    if isinstance(image, str | os.PathLike):
        return _read_file(Path(image), param)
    read = getattr(image, "read", None)
    if callable(read):
        data = read(MAX_IMAGE_BYTES + 1)
        if isinstance(data, str):
            raise ValidationError(param, "the file is open in text mode; open it with 'rb'")
        if not isinstance(data, bytes | bytearray):
            raise ValidationError(param, f"the file's read() returned {type(data).__name__}, not bytes")
        return bytes(data)
    raise ValidationError(param, f"must be a path, bytes or a binary file, got {type(image).__name__}")


def _read_file(path: Path, param: str) -> bytes:
    """A regular file's bytes, never more than `MAX_IMAGE_BYTES` + 1 of them.

    Opened without blocking (a FIFO with no writer would wait for one) and checked on the open file, so a path
    that is or becomes a FIFO, a device or a directory is refused at once instead of read from forever.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise ValidationError(param, f"cannot read {path}: {exc.strerror or exc}") from exc
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ValidationError(param, f"{path} is not a regular file (a FIFO, a device or a directory?)")
        if info.st_size > MAX_IMAGE_BYTES:
            raise ValidationError(
                param, f"{path} is {info.st_size} bytes; at most {MAX_IMAGE_BYTES} (3 MB) are accepted"
            )
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read(MAX_IMAGE_BYTES + 1)  # a file that grew meanwhile is refused by the size check after
    except OSError as exc:
        raise ValidationError(param, f"cannot read {path}: {exc.strerror or exc}") from exc
    finally:
        os.close(fd)
