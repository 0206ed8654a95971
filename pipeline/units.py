"""Units of measure in Dutch news: surface forms → canonical symbol and kind, and SI values via pint."""

from __future__ import annotations

from functools import lru_cache

import pint

# surface form (lower case, tokens joined by one space) → (canonical symbol, quantity)
UNIT_FORMS: dict[str, tuple[str, str]] = {}


def _add(symbol: str, quantity: str, *forms: str) -> None:
    for form in forms:
        UNIT_FORMS[form] = (symbol, quantity)


_add("km2", "area", "km²", "km2", "vierkante kilometer", "vierkante kilometers", "vierkante km")
_add("m2", "area", "m²", "m2", "vierkante meter", "vierkante meters", "vierkante m")
_add("ha", "area", "ha", "hectare", "hectares")
_add("km", "length", "km", "kilometer", "kilometers")
_add("m", "length", "m", "meter", "meters")
_add("cm", "length", "cm", "centimeter", "centimeters")
_add("mm", "length", "mm", "millimeter", "millimeters")
_add("m3", "volume", "m³", "m3", "kubieke meter", "kubieke meters", "kuub")
_add("l", "volume", "l", "liter", "liters")
_add("kg", "mass", "kg", "kilo", "kilo's", "kilogram", "kilogrammen", "kilogram")
_add("g", "mass", "g", "gr", "gram", "grammen")
_add("t", "mass", "ton", "tonnen")
_add("%", "percentage", "%", "procent", "pct", "pct.")
_add("EUR", "money", "euro", "euro's", "€", "eur")
_add("USD", "money", "dollar", "dollars", "$", "usd")
_add("GBP", "money", "pond", "ponden", "£", "gbp", "pond sterling")
_add("°C", "temperature", "°c", "graden celsius", "°")
_add("km/h", "speed", "km/u", "km/h", "kilometer per uur", "km per uur", "kilometer per uur")
_add("s", "duration", "seconde", "seconden", "sec", "sec.")
_add("min", "duration", "minuut", "minuten", "min", "min.")
_add("h", "duration", "uur", "uren")
_add("d", "duration", "dag", "dagen", "etmaal", "etmalen")
_add("wk", "duration", "week", "weken")
_add("mo", "duration", "maand", "maanden")
_add("a", "duration", "jaar", "jaren", "jaartje")

CURRENCY_SIGNS = {"€": "EUR", "$": "USD", "£": "GBP", "eur": "EUR", "usd": "USD", "gbp": "GBP"}
MAX_UNIT_TOKENS = max(len(form.split()) for form in UNIT_FORMS)

PINT_UNITS = {
    "km2": "km**2", "m2": "m**2", "ha": "hectare", "km": "km", "m": "m", "cm": "cm", "mm": "mm",
    "m3": "m**3", "l": "liter", "kg": "kg", "g": "g", "t": "tonne", "°C": "degC", "km/h": "km/hour",
    "s": "second", "min": "minute", "h": "hour", "d": "day", "wk": "week", "mo": "month", "a": "year",
}
SI_SYMBOLS = {
    "meter ** 2": "m2", "meter": "m", "meter ** 3": "m3", "kilogram": "kg", "kelvin": "K",
    "meter / second": "m/s", "second": "s",
}


def unit_for(form: str) -> tuple[str, str] | None:
    """Canonical symbol and quantity of a unit as written, or None.

    Short symbols must be written as they are ("5 g", not "5G" the network, nor "3 M").
    """
    form = " ".join(form.split())
    if len(form) == 1:
        return UNIT_FORMS.get(form)
    return UNIT_FORMS.get(form) or UNIT_FORMS.get(form.lower())


@lru_cache(maxsize=1)
def registry() -> pint.UnitRegistry:
    """The process-wide pint registry (building one is slow)."""
    return pint.UnitRegistry(autoconvert_offset_to_baseunit=True)


@lru_cache(maxsize=None)
def _si_factor(unit: str) -> tuple[str, float, float] | None:
    """(SI symbol, factor, offset) such that si = value * factor + offset."""
    expression = PINT_UNITS.get(unit)
    if expression is None:
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
