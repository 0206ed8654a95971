"""The package version, read from the installed metadata, and the version of the code that made a run's rows."""

import hashlib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

try:
    __version__ = version("pipeline")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+source"


def source_digest(root: Path = Path(__file__).parent) -> str:
    """A short hash of the Python source under ``root``: a rule changed without a release changes it."""
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


# what the manifest records and incremental runs compare: rows made by other code are made again
PIPELINE_VERSION = f"{__version__}+{source_digest()}"
