"""The distribution: its version, and the name pip knows it by (`tbapi` on PyPI is an unrelated project)."""

__version__ = "0.1.0"
DISTRIBUTION = "tbapi-sdk"


def install_command(extra: str) -> str:
    """The pip command that installs an extra of this distribution: `pip install 'tbapi-sdk[cli]'`."""
    return f"pip install '{DISTRIBUTION}[{extra}]'"
