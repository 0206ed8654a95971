"""Model loading, in one place: the shipped Dutch pipeline or any installed spaCy pipeline, loaded once per
process, and the name, version and fingerprint a run records of it."""

from __future__ import annotations

import hashlib
import json
import logging
import warnings
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from . import canonical, dates, entities, figures, gazetteer, lemmas  # noqa: F401  (registers the factories)
from .tokenizer import apply_news_rules

log = logging.getLogger(__name__)

MODELS_DIR = Path(__file__).parent / "models"
DEFAULT_MODEL = "nl_news"
BLANK_MODEL = "blank"

EXTRACTION_COMPONENTS = (
    "nl_entity_labels", "nl_entity_cleaner", "nl_common_words", "nl_place_context", "nl_place_prepositions", "nl_known_places", "nl_datelines", "nl_organisation_context", "nl_organisation_heads", "nl_name_compounds", "nl_place_words", "nl_vessel_names", "nl_work_titles",
    "nl_canonical", "nl_dates", "nl_figures",
)


def shipped_model_path(name: str = DEFAULT_MODEL) -> Path:
    """Where a pipeline shipped inside the package lives."""
    return MODELS_DIR / name


def load_base(model: str | None = None) -> Language:
    """Load the bare spaCy pipeline: shipped (default), ``blank``, an installed package name or a path."""
    name = model or DEFAULT_MODEL
    if name == BLANK_MODEL:
        return spacy.blank("nl")
    shipped = shipped_model_path(name)
    if shipped.is_dir():
        return spacy.load(shipped)
    if name == DEFAULT_MODEL:
        warnings.warn(
            f"the default model is not built yet ({shipped}); using a blank Dutch pipeline "
            "without NER (run `make model`)",
            stacklevel=2,
        )
        return spacy.blank("nl")
    return spacy.load(name)


def model_fingerprint(model: str | None) -> str:
    """Name, version and a hash of the meta of the pipeline ``model``, without loading it."""
    name = model or DEFAULT_MODEL
    if name == BLANK_MODEL:
        return f"blank-nl-spacy{spacy.__version__}"
    folder = shipped_model_path(name)
    if not folder.is_dir():
        folder = Path(name) if Path(name).is_dir() else None
    if folder is None:
        try:
            folder = spacy.util.get_package_path(name)
        except Exception:  # not installed: the default falls back to blank Dutch
            return f"{name}-missing-spacy{spacy.__version__}"
    meta = folder / "meta.json"
    digest = hashlib.sha256(meta.read_bytes()).hexdigest()[:12] if meta.exists() else "nometa"
    return f"{name}-{digest}"


def model_info(nlp: Language, requested: str | None) -> dict[str, str]:
    """Name and version of the pipeline for run.json."""
    meta = nlp.meta
    return {
        "requested": requested or "default",
        "name": f"{meta.get('lang', 'nl')}_{meta.get('name', 'pipeline')}",
        "version": str(meta.get("version", "")),
        "fingerprint": model_fingerprint(requested),
        "components": list(nlp.pipe_names),
    }


def model_meta(model: str | None) -> dict[str, str]:
    """Name and version of a pipeline from its meta.json, without loading it (a run that reused everything)."""
    info = {"requested": model or "default", "fingerprint": model_fingerprint(model)}
    folder = shipped_model_path(model or DEFAULT_MODEL)
    meta_path = folder / "meta.json" if folder.is_dir() else Path(model or "") / "meta.json"
    if meta_path.is_file():
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        info.update(name=f"{meta.get('lang', 'nl')}_{meta.get('name', 'pipeline')}", version=str(meta.get("version", "")))
    return info


def lemmatizer_name(nlp: Language) -> str | None:
    """The name of the pipeline's lemmatizer, if it has one."""
    return next((n for n in nlp.pipe_names if nlp.get_pipe(n).__class__.__name__.endswith("Lemmatizer")), None)


def add_extraction_components(nlp: Language) -> Language:
    """Complete a pipeline with sentences, lemmas and our entity, figure and date components."""
    if not nlp.has_pipe("parser") and not nlp.has_pipe("senter") and not nlp.has_pipe("sentencizer"):
        nlp.add_pipe("sentencizer", first=True)
    if lemmatizer_name(nlp) is None:
        mode = "rule" if nlp.has_pipe("morphologizer") or nlp.has_pipe("tagger") else "lookup"
        lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": mode})
        lemmatizer.initialize()
    if (nlp.has_pipe("morphologizer") or nlp.has_pipe("tagger")) and not nlp.has_pipe("nl_noun_lemmas"):
        nlp.add_pipe("nl_noun_lemmas", after=lemmatizer_name(nlp))
    for component in EXTRACTION_COMPONENTS:
        if not nlp.has_pipe(component):
            nlp.add_pipe(component)
    return nlp


def load_nlp(model: str | None = None) -> Language:
    """The full extraction pipeline on top of ``model`` (see :func:`load_base`)."""
    nlp = load_base(model)
    apply_news_rules(nlp)
    add_extraction_components(nlp)
    nlp.meta.setdefault("requested_model", model or DEFAULT_MODEL)
    return nlp


@lru_cache(maxsize=4)
def get_nlp(model: str | None) -> Language:
    """The extraction pipeline for ``model``, loaded once per process."""
    return load_nlp(model)
