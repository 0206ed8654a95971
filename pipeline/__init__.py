"""Dutch news entity extraction: people, places, organisations, dates and figures as tables.

>>> import pipeline
>>> tables = pipeline.extract_texts(["Het Iraakse leger rukt op in Mosul."], dates=["2017-06"])
>>> tables.entities[["text", "label"]]
"""

from .aggregate import aggregate
from .extract import extract_texts, run
from .model import load_nlp
from .store import Tables, load
from .version import __version__

__all__ = ["Tables", "__version__", "aggregate", "extract_texts", "load", "load_nlp", "run"]
