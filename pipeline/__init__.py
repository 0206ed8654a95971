"""Dutch news entity extraction: people, places, organisations, dates and figures as tables.

>>> import pipeline
>>> tables = pipeline.extract_texts(["Het Iraakse leger rukt op in Mosul."], dates=["2017-06"])
>>> tables.entities[["text", "label"]]
"""

from importlib import import_module
from typing import Any

from .aggregate import aggregate
from .store import Tables, load
from .version import __version__

# loaded on first use: they load spaCy, which reading written tables does not need
LAZY = {"extract_texts": "extract", "run": "extract", "load_nlp": "model"}

__all__ = ["Tables", "__version__", "aggregate", "extract_texts", "load", "load_nlp", "run"]


def __getattr__(name: str) -> Any:
    if name in LAZY:
        return getattr(import_module(f".{LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
