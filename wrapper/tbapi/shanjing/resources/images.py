"""`client.images`: image upload for image search (type and size checked before sending)."""

from __future__ import annotations

from typing import Unpack

from tbapi._generated.shanjing_client.api.images import upload_image
from tbapi._generated.shanjing_client.models.upload_image_request import UploadImageRequest
from tbapi._generated.shanjing_client.models.uploaded_image import UploadedImage

from ..._engine.call_options import PerCall
from ..._engine.flow import Flow
from ..._engine.twins import M, twin
from .._core import Core, request
from .._envelope import unwrap_data, wrong_shape
from .._images import ImageInput, image_base64
from .base import ShanjingResource


def uploaded_image_id(core: Core, encoded: str) -> Flow[str]:
    what = "images.upload"
    response = yield from request(core, upload_image, {"body": UploadImageRequest(image_base64=encoded)}, what=what)
    uploaded = unwrap_data(response, UploadedImage, what)
    if (
        not isinstance(uploaded.image_id, str | int)
        or isinstance(uploaded.image_id, bool)
        or not str(uploaded.image_id)
    ):
        raise wrong_shape(what, "no imageId", response.content, int(response.status_code))
    return str(uploaded.image_id)


class Images(ShanjingResource[M]):
    """`client.images`: image upload for image search."""

    def _upload(self, image: ImageInput, **per_call: Unpack[PerCall]) -> Flow[str]:
        """Upload an image for image search; returns its image id (for `items.image_search(image_id=…)`).

        `image` is a path, bytes or a binary file; its type (jpg/jpeg/png/webp, by its first bytes) and
        size (at most 3 MB) are checked before sending. Raises `ValidationError` for a bad image, the
        `APIError` subclasses for service errors, `APIConnectionError`, and `ResponseError` for a bad body.
        """
        return (yield from uploaded_image_id(self._core, image_base64(image)))

    upload = twin(_upload)
