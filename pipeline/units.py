"""Units of measure in Dutch news: what each unit measures and its SI value via pint.

The spellings of the units are Dutch words and live in :data:`pipeline.lexicon.UNIT_SPELLINGS`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import pint

from .lexicon import CURRENCY_SIGNS, UNIT_SPELLINGS


@dataclass(frozen=True)
class Unit:
    """A unit as a figure reports it: its symbol, what it measures, the factor that turns an amount in
    the written unit into the reported one ("40 cent" is 0.4 EUR), and its pint expression for SI values."""

    symbol: str
    quantity: str
    factor: float = 1.0
    pint: str = ""


def _units(quantity: str, **pints: str) -> dict[str, Unit]:
    return {name: Unit(name, quantity, pint=expression) for name, expression in pints.items()}


UNITS: dict[str, Unit] = {
    **_units("area", km2="km**2", m2="m**2", ha="hectare"),
    **_units("length", km="km", m="m", cm="cm", mm="mm", mi="mile", nmi="nautical_mile", ft="foot", ly="light_year",
             **{"in": "inch"}),
    **_units("volume", m3="m**3", l="liter", dl="deciliter", cl="centiliter", ml="milliliter", hl="hectoliter"),
    **_units("mass", kg="kg", g="g", mg="milligram", t="tonne", kt="kilotonne", Mt="megatonne"),
    "ons": Unit("g", "mass", 100.0, "g"),
    "pond": Unit("g", "mass", 500.0, "g"),  # a Dutch pound is half a kilo
    "%": Unit("%", "percentage"),
    "pp": Unit("pp", "percentage"),
    "‰": Unit("‰", "percentage"),
    **_units("money", EUR="", USD="", GBP="", NOK="", SEK="", DKK="", CHF="", JPY="", CNY="", RUB="", TRY="", INR="",
             NLG="", BTC=""),
    "ct": Unit("EUR", "money", 0.01),
    **_units("temperature", **{"°C": "degC", "°F": "degF"}),
    "deg": Unit("deg", "angle", pint="degree"),
    **_units("speed", **{"km/h": "km/hour", "mph": "mile/hour", "m/s": "m/s", "kn": "knot"}),
    **_units("power", W="watt", kW="kilowatt", MW="megawatt", GW="gigawatt"),
    **_units("energy", kWh="kilowatt_hour", MWh="megawatt_hour", GWh="gigawatt_hour", TWh="terawatt_hour"),
    **_units("data", kB="", MB="", GB="", TB=""),
    **_units("duration", s="second", min="minute", h="hour", d="day", wk="week", mo="month", a="year"),
    "tientje": Unit("EUR", "money", 10.0),
    "ton": Unit("EUR", "money", 1e5),  # "een ton" in a sentence of money
    "kwarteeuw": Unit("a", "duration", 25.0, "year"),
    "halfjaar": Unit("a", "duration", 0.5, "year"),
    "halfuur": Unit("h", "duration", 0.5, "hour"),
}
# spelling (lower case, tokens joined by one space) -> unit
UNIT_FORMS: dict[str, Unit] = {form: UNITS[name] for name, forms in UNIT_SPELLINGS.items() for form in forms}
MAX_UNIT_TOKENS = max(len(form.split()) for form in UNIT_FORMS)
SIGN_UNITS = {sign: UNITS[name] for sign, name in CURRENCY_SIGNS.items()}
PINT_BY_SYMBOL = {unit.symbol: unit.pint for unit in UNITS.values() if unit.pint and unit.factor == 1.0}
SI_SYMBOLS = {
    "meter ** 2": "m2", "meter": "m", "meter ** 3": "m3", "kilogram": "kg", "kelvin": "K",
    "meter / second": "m/s", "second": "s", "radian": "rad", "kilogram * meter ** 2 / second ** 3": "W",
    "kilogram * meter ** 2 / second ** 2": "J",
}


@lru_cache(maxsize=1 << 16)
def unit_for(form: str) -> Unit | None:
    """The unit written as ``form``, or None.

    Short symbols must be written as they are ("5 g", not "5G" the network, nor "3 M"); two-letter
    symbols of power and data are upper case ("12 MW", "4 GB").
    """
    form = " ".join(form.split())
    if len(form) == 1:
        return UNIT_FORMS.get(form)
    unit = UNIT_FORMS.get(form) or UNIT_FORMS.get(form.lower())
    if unit is not None and unit.quantity in ("power", "data") and len(form) <= 3 and form.lower() == form:
        return None  # "mw" is mevrouw, "gb" nothing: these symbols are written in capitals
    return unit


def unit_opening(words: Sequence[str]) -> tuple[Unit, int] | None:
    """The unit whose form opens ``words`` (token texts), longest form first, and how many words it takes."""
    for length in range(min(MAX_UNIT_TOKENS, len(words)), 0, -1):
        found = unit_for(" ".join(words[:length]))
        if found is not None:
            return found, length
    return None


@lru_cache(maxsize=1)
def registry() -> pint.UnitRegistry:
    """The process-wide pint registry (building one is slow)."""
    return pint.UnitRegistry(autoconvert_offset_to_baseunit=True)


@lru_cache(maxsize=None)
def _si_factor(unit: str) -> tuple[str, float, float] | None:
    """(SI symbol, factor, offset) such that si = value * factor + offset."""
    expression = PINT_BY_SYMBOL.get(unit)
    if not expression:
        return None
    ureg = registry()
    zero = ureg.Quantity(0.0, expression).to_base_units()
    one = ureg.Quantity(1.0, expression).to_base_units()
    symbol = SI_SYMBOLS.get(str(one.units))
    if symbol is None:
        return None
    return symbol, float(one.magnitude - zero.magnitude), float(zero.magnitude)


def to_si(value: float | None, unit: str) -> tuple[float | None, str]:
    """The value in SI base units and its symbol (3 km2 → 3e6 m2; 20 °C → 293.15 K), or (None, "")."""
    if value is None or not unit:
        return None, ""
    conversion = _si_factor(unit)
    if conversion is None:
        return None, ""
    symbol, factor, offset = conversion
    return value * factor + offset, symbol
