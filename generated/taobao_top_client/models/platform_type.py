from typing import Literal

PlatformType = Literal[1, 2]

PLATFORM_TYPE_VALUES: set[PlatformType] = {
    1,
    2,
}


def check_platform_type(value: int) -> PlatformType:
    if value in PLATFORM_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PLATFORM_TYPE_VALUES!r}")
