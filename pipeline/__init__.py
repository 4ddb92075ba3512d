"""lodpipe: Latvian delegation reports in, Linked Open Data out."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("lodpipe")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

__all__ = ["__version__"]
