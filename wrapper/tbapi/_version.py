"""The distribution: its version, and the name pip knows it by (`tbapi` on PyPI is an unrelated project)."""

__version__ = "0.1.0"
DISTRIBUTION = "tbapi-sdk"


def install_command(extra: str) -> str:
    """The pip command that installs an extra of this installation: `pip install 'tbapi-sdk[cli]'`, or for
    tbapi installed from a folder (a clone) that folder — `pip install -e '/path/to/tbapi[cli]'`."""
    return f"pip install {requirement(extra, _direct_url())}"


def requirement(extra: str, direct_url: str | None) -> str:
    """What pip installs `extra` of tbapi from, given the `direct_url.json` pip wrote when it installed tbapi
    (PEP 610; None when there is none). A clone's own folder comes first: PyPI's tbapi-sdk is another version
    of tbapi, or not published yet."""
    import json
    from pathlib import Path
    from urllib.parse import urlsplit
    from urllib.request import url2pathname

    try:
        record = json.loads(direct_url or "null")
    except ValueError:
        record = None
    if isinstance(record, dict) and isinstance(record.get("dir_info"), dict):
        url = urlsplit(str(record.get("url", "")))
        folder = Path(url2pathname(url.path))
        if url.scheme == "file" and (folder / "pyproject.toml").is_file():
            editable = "-e " if record["dir_info"].get("editable") else ""
            return f"{editable}'{folder}[{extra}]'"
    return f"'{DISTRIBUTION}[{extra}]'"


def _direct_url() -> str | None:
    from importlib import metadata  # here: only an error message needs it, never `import tbapi`

    try:
        return metadata.distribution(DISTRIBUTION).read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        return None
