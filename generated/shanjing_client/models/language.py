from typing import Literal

Language = Literal["en", "ja", "ko", "ru", "vi"]

LANGUAGE_VALUES: set[Language] = {
    "en",
    "ja",
    "ko",
    "ru",
    "vi",
}


def check_language(value: str) -> Language:
    if value in LANGUAGE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LANGUAGE_VALUES!r}")
