"""The installed svodka version: the only thing store/, corpus/ and web/ take from the package
root, so that none of them loads the analysis stack by asking for it."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("svodka")
except PackageNotFoundError:  # a source tree on sys.path without an install
    __version__ = "0.0.0+unknown"
