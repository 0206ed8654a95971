"""Dutch word lists the rules share, each in one place."""

from __future__ import annotations

import re
from functools import lru_cache

# Titles, functions and roles written before a name; they are not part of it ("Kamerlid Fleur Agema").
TITLE_WORDS = frozenset("""
    minister premier president vicepremier vicepresident kanselier staatssecretaris eurocommissaris
    kamerlid kamerleden europarlementariër europarlementariërs senator raadslid statenlid
    wethouder burgemeester gouverneur commissaris ambassadeur consul diplomaat secretaris-generaal
    fractievoorzitter fractieleider partijleider partijvoorzitter lijsttrekker voorzitter voorzitster
    topman topvrouw ceo cfo directeur directrice bestuurder bestuursvoorzitter baas oprichter eigenaar
    koning koningin prins prinses kroonprins kroonprinses hertog hertogin graaf gravin keizer sultan emir sjeik
    paus kardinaal bisschop aartsbisschop dominee pastoor priester imam rabbijn ayatollah pater zuster broeder
    trainer coach bondscoach assistent-trainer aanvoerder spits keeper doelman verdediger middenvelder
    aanvaller renner wielrenner schaatser tennisser voetballer international
    zanger zangeres rapper acteur actrice regisseur schrijver schrijfster auteur dichter kunstenaar
    journalist verslaggever correspondent columnist presentator presentatrice
    advocaat advocate officier rechter aanklager notaris agent hoofdcommissaris
    generaal kolonel majoor kapitein luitenant sergeant korporaal soldaat admiraal commandant opperbevelhebber
    dokter arts chirurg huisarts psychiater psycholoog professor hoogleraar onderzoeker wetenschapper
    woordvoerder woordvoerster politicus politica leider chef dictator
    mevrouw meneer heer mevr. dhr. sir lord lady dr. prof. mr. ir. drs. ing. ds. st.
""".split())
TITLE_PREFIXES = ("oud-", "ex-", "vice-", "interim-", "waarnemend-", "adjunct-", "co-", "mede-")
# Titles long enough to head a compound title ("Onderwijsminister", "Rechtbankvoorzitter", "Oranje-international");
# shorter ones would match surnames ("Swarts", "Hoogenbaas").
COMPOUND_TITLE_HEADS = tuple(sorted(word for word in TITLE_WORDS if len(word) >= 8))


@lru_cache(maxsize=65536)
def is_title_word(word: str) -> bool:
    """Whether ``word`` is a title or function before a name, also with a prefix ("oud-minister") or as the
    head of a compound ("Rechtbankvoorzitter")."""
    word = word.lower()
    for prefix in TITLE_PREFIXES:
        if word.startswith(prefix) and len(word) > len(prefix):
            word = word[len(prefix):]
            break
    return word in TITLE_WORDS or any(word.endswith(head) and len(word) >= len(head) + 3 for head in COMPOUND_TITLE_HEADS)

# Only lower-case determiners are trimmed from a name: capitalised ones belong to it ("De Morgen", "Den Haag").
LEADING_WORDS = frozenset("de het een 't deze dit die dat zijn haar hun ons onze mijn".split())
# Geographic nouns that make the name after them a place ("de rivier Tigris"). "gemeente" is left out: "de
# gemeente Amsterdam" is as often the organisation as the place.
PLACE_NOUNS = tuple(
    "rivier berg eiland provincie stad hoofdstad dorp deelstaat woestijn vallei baai kanaal schiereiland "
    "gebergte regio streek wijk".split()
)
# Prepositions after which a name the NER took for a person is a place: in ned.train, of the names right after
# "in" (any case) 577 are places and 5 persons; after "uit" 44 and none.
PERSON_PLACE_PREPOSITIONS = ("in", "uit")

# Lower-case words a name may start with: "van Gogh", "de Jong", "ter Horst", "al-Baghdadi", "von Trapp".
NAME_PARTICLES = frozenset("van de der den het ter ten te op in 't von zu la le les di da du des del della dos al el bin ibn abu ben".split())

# Last words that make a name an organisation, whatever the NER said ("Ledeboer Investments", "Willem van
# Oranje Scholengroep"): the generic words among the last words of the Alpino organisation list (8 names or
# more, 90% of them organisations), with the kinds of institution the annotation guideline counts as one.
ORGANISATION_HEADS = frozenset("""
    Groep Group Holding Holdings Company Corporation Corp Corp. Inc Inc. Ltd Ltd. Limited BV NV Bv Nv bv nv
    B.V. N.V. AG GmbH Gmbh plc PLC SA CVBA cvba
    International Records Services Systems Media Foundation Airlines Airways Industries Communications
    Telecom Fund Products Entertainment Solutions Research Institute Productions Technologies Networks
    Electronics Securities Trust Software Motors Engineering Aerospace Logistics Finance Consultants Partners
    Investments Enterprises Capital Bank Association Society Council Commission Organisation Organization
    University College Academy Hospital Museum Orchestra Ensemble Quartet Quintet Trio Party FC
    Partij Volkspartij Instituut Fonds Orkest Kwartet Ziekenhuis Beheer Stichting Maatschappij Vereniging
    Organisatie Academie Verbond Lyceum Comité Genootschap Dienst Commissie Agentschap Omroep Autoriteit
    Advocaten Universiteit Hogeschool Scholengroep Bond Federatie Ministerie Kliniek Loterij Zaken
""".split())
# the names of God are no person names (docs/annotation.md: "Not: God, gods")
DEITIES = frozenset({"God", "Allah", "Jahweh", "Jehova", "GOD"})
# acronyms of common nouns are no names (docs/annotation.md): conditions, measures, taxes, school types, roles
COMMON_NOUN_ACRONYMS = frozenset(
    "adhd iq dna hiv aids copd ptss ptsd ocd bmi mri tbs btw cao pvc gps sms usb pdf cv bsn lhbti lhbt lhbtiq zzp "
    "ceo cfo cto coo bbp hbo mbo vwo havo vmbo ict wifi bmx bn".split()
)
# a name whose last word is a compound on these is a street or square, a place: "Jan van Galenstraat", "Olympiaplein"
# (not "weg" or "dijk": "Hoogeweg" and "Eikendijk" are surnames too)
STREET_SUFFIXES = ("straat", "laan", "plein", "gracht", "kade", "singel", "dreef", "steeg", "boulevard")
# surnames glue a particle to a street word: "Versteeg", "Verkade", "Verlaan", "Terlaan"
STREET_SURNAME_PREFIXES = frozenset({"ver", "van", "ter", "ten", "der"})


def is_street_name(word: str) -> bool:
    """Whether a capitalised word is a street or square compound ("Coenstraat"; not "Boulevard" alone, nor the
    surname "Versteeg")."""
    lower = word.lower()
    return word[:1].isupper() and any(
        lower.endswith(s) and len(lower) > len(s) + 1 and lower[: -len(s)] not in STREET_SURNAME_PREFIXES
        for s in STREET_SUFFIXES)


# A country's name ending a name of several words makes it that country's branch or body ("Greenpeace Nederland",
# "Soa Aids Nederland", "Veilig Verkeer Nederland"), but not after a preposition ("Hart van Nederland").
BRANCH_COUNTRIES = frozenset({"Nederland", "België"})  # not "Vlaanderen", a surname too
BRANCH_BLOCKERS = frozenset({"van", "in", "voor", "uit", "door", "naar", "der"})
# Capitalised compounds of these names of parliaments are MISC by the guideline, written as one word or not
# ("Statenverkiezingen", "Kamerleden", "Kamercommissie").
PARLIAMENT_COMPOUND_PREFIXES = ("Kamer", "Staten")
PARLIAMENT_COMPOUND_RE = re.compile(rf"^(?:{'|'.join(PARLIAMENT_COMPOUND_PREFIXES)})-?[a-zà-ÿ]{{3,}}$")


def is_parliament_compound(word: str) -> bool:
    """Whether ``word`` is a capitalised compound of Kamer or Staten ("Statenverkiezingen", "Kamer-meerderheid")."""
    return bool(PARLIAMENT_COMPOUND_RE.match(word))

# Heads of one-word compound names ("Zoogdiervereniging", "Minimapartij", "Rijksmuseum"); a compound of a
# name ("Likud-partij") or of Kamer or Staten ("Kamercommissie") is MISC by the guideline, not one of these.
ORGANISATION_COMPOUND_HEADS = (
    "vereniging", "partij", "ziekenhuis", "instituut", "maatschappij", "omroep", "museum", "universiteit",
    "hogeschool", "genootschap", "orkest", "federatie", "academie", "stichting", "groep", "kliniek", "commissie",
)


def names_an_organisation(words: list[str]) -> bool:
    """Whether a name's last word makes it an organisation ("Ledeboer Investments", "Rijksmuseum", "Greenpeace
    Nederland")."""
    if len(words) > 1:
        return words[-1] in ORGANISATION_HEADS or words[-1] in BRANCH_COUNTRIES and words[-2] not in BRANCH_BLOCKERS
    word = words[0] if words else ""
    lower = word.lower()
    if "-" in word or is_parliament_compound(word):
        return False
    return word[:1].isupper() and any(
        lower.endswith(head) and len(lower) > len(head) + 2 for head in ORGANISATION_COMPOUND_HEADS
    )

# Nouns for a kind of organisation, alone or heading a compound, that name the kind of the name after them
# ("ziekenhuis Rijnstate", "onderzoeksbureau Telecompaper", "de waterschappen Vechtstromen en ...").
ORGANISATION_NOUNS = (
    "bedrijf", "bedrijven", "bureau", "concern", "fabrikant", "producent", "keten", "bank", "verzekeraar",
    "maatschappij", "krant", "dagblad", "tijdschrift", "weekblad", "omroep", "zender", "partij", "partijen",
    "club", "clubs", "vereniging", "stichting", "hogeschool", "hogescholen", "universiteit", "ziekenhuis",
    "waterschap", "waterschappen", "instituut", "uitgeverij", "supermarkt", "supermarkten", "vakbond",
    "organisatie", "brouwerij", "detacheerder", "scheepsbouwer", "winkel", "winkels", "ketens", "warenhuis",
)
# Nouns for a work, alone or heading a compound, that make a quoted title after them a name ("de Hollywoodfilm
# 'Something's Gotta Give'", "het onderzoek 'Seks onder je 25ste'"); not "actie" ("reactie") nor "app" ("WhatsApp").
WORK_NOUNS = (
    "film", "boek", "roman", "bundel", "onderzoek", "rapport", "studie", "programma", "documentaire", "serie",
    "reeks", "campagne", "lespakket", "thema", "album", "single", "lied", "liedje", "voorstelling", "musical",
    "tentoonstelling", "expositie", "project", "convenant", "motto", "slogan", "titel", "podcast", "column",
    "essay", "gedicht", "toneelstuk", "opera", "show", "game", "rubriek", "getiteld",
)


def names_a_work(word: str) -> bool:
    """Whether ``word`` (lower case) is a kind of work ("film", "Hollywoodfilm", "verkiezingsprogramma")."""
    return word.isalpha() and word.endswith(WORK_NOUNS)


# Nouns for a ship, aircraft or spacecraft, alone or heading a compound, that make the name after them the vessel's
# (MISC): "het bergingsschip Geosund", "het jacht Celestial Hope", "het cruiseschip Viking Sky".
VESSEL_NOUNS = ("schip", "jacht", "boot", "vliegtuig", "tanker", "fregat", "raket", "satelliet", "ruimtesonde")


def names_a_vessel(word: str) -> bool:
    """Whether ``word`` (lower case) is a kind of vessel ("schip", "bergingsschip", "cruiseschip")."""
    return word.isalpha() and word.endswith(VESSEL_NOUNS)


# words that open the names of a kind: "biowinkels (Marqt, EkoPlaza en Odin)", "supermarkten als Dirk en Vomar"
KIND_LIST_OPENERS = frozenset(("(", "als", "zoals"))  # not ":", which opens a speaker or a quote


def names_an_organisation_kind(word: str) -> bool:
    """Whether ``word`` (lower case) is a kind of organisation ("bank", "zorgverzekeraar", "ict-detacheerder")."""
    return word.endswith(ORGANISATION_NOUNS) and word.isalpha() or word.rsplit("-", 1)[-1] in ORGANISATION_NOUNS

# ---- nationality: adjectives and inhabitants of countries (corpus entities, pipeline/aliases.py) ----

# ISO 3166 code → (adjectives, inhabitant nouns), each a space-separated list of base forms. The inflected
# adjective ("Syrische") and the plural ("Syriërs") are derived; irregular plurals are not needed here.
DEMONYMS: dict[str, tuple[str, str]] = {
    "NL": ("Nederlands Hollands", "Nederlander Hollander"), "BE": ("Belgisch Vlaams Waals", "Belg Vlaming Waal"),
    "DE": ("Duits", "Duitser"), "FR": ("Frans", "Fransman"), "GB": ("Brits Engels Schots", "Brit Engelsman Schot"),
    "IE": ("Iers", "Ier"), "US": ("Amerikaans", "Amerikaan"), "CA": ("Canadees", "Canadees"),
    "MX": ("Mexicaans", "Mexicaan"), "BR": ("Braziliaans", "Braziliaan"), "AR": ("Argentijns", "Argentijn"),
    "VE": ("Venezolaans", "Venezolaan"), "CU": ("Cubaans", "Cubaan"), "CO": ("Colombiaans", "Colombiaan"),
    "CL": ("Chileens", "Chileen"), "PE": ("Peruaans", "Peruaan"), "SR": ("Surinaams", "Surinamer"),
    "ES": ("Spaans", "Spanjaard"), "PT": ("Portugees", "Portugees"), "IT": ("Italiaans", "Italiaan"),
    "GR": ("Grieks", "Griek"), "TR": ("Turks", "Turk"), "CH": ("Zwitsers", "Zwitser"),
    "AT": ("Oostenrijks", "Oostenrijker"), "LU": ("Luxemburgs", "Luxemburger"), "DK": ("Deens", "Deen"),
    "SE": ("Zweeds", "Zweed"), "NO": ("Noors", "Noor"), "FI": ("Fins", "Fin"), "IS": ("IJslands", "IJslander"),
    "PL": ("Pools", "Pool"), "CZ": ("Tsjechisch", "Tsjech"), "SK": ("Slowaaks", "Slowaak"),
    "HU": ("Hongaars", "Hongaar"), "RO": ("Roemeens", "Roemeen"), "BG": ("Bulgaars", "Bulgaar"),
    "RS": ("Servisch", "Serviër"), "HR": ("Kroatisch", "Kroaat"), "SI": ("Sloveens", "Sloveen"),
    "BA": ("Bosnisch", "Bosniër"), "AL": ("Albanees", "Albanees"), "MK": ("Macedonisch", "Macedoniër"),
    "UA": ("Oekraïens", "Oekraïner"), "BY": ("Wit-Russisch", "Wit-Rus"), "RU": ("Russisch", "Rus"),
    "EE": ("Estisch", "Est"), "LV": ("Lets", "Let"), "LT": ("Litouws", "Litouwer"), "GE": ("Georgisch", "Georgiër"),
    "AM": ("Armeens", "Armeniër"), "IL": ("Israëlisch", "Israëliër"), "PS": ("Palestijns", "Palestijn"),
    "SY": ("Syrisch", "Syriër"), "LB": ("Libanees", "Libanees"), "JO": ("Jordaans", "Jordaniër"),
    "IQ": ("Iraaks", "Irakees"), "IR": ("Iraans", "Iraniër"), "SA": ("Saudisch Saoedisch", "Saudiër Saoediër"),
    "YE": ("Jemenitisch", "Jemeniet"), "QA": ("Qatarees", "Qatarees"), "EG": ("Egyptisch", "Egyptenaar"),
    "LY": ("Libisch", "Libiër"), "TN": ("Tunesisch", "Tunesiër"), "DZ": ("Algerijns", "Algerijn"),
    "MA": ("Marokkaans", "Marokkaan"), "SD": ("Soedanees", "Soedanees"), "ET": ("Ethiopisch", "Ethiopiër"),
    "ER": ("Eritrees", "Eritreeër"), "SO": ("Somalisch", "Somaliër"), "KE": ("Keniaans", "Keniaan"),
    "NG": ("Nigeriaans", "Nigeriaan"), "GH": ("Ghanees", "Ghanees"), "ZA": ("Zuid-Afrikaans", "Zuid-Afrikaan"),
    "CD": ("Congolees", "Congolees"), "AF": ("Afghaans", "Afghaan"), "PK": ("Pakistaans", "Pakistaan"),
    "IN": ("Indiaas", "Indiër"), "CN": ("Chinees", "Chinees"), "JP": ("Japans", "Japanner"),
    "KR": ("Zuid-Koreaans", "Zuid-Koreaan"), "KP": ("Noord-Koreaans", "Noord-Koreaan"),
    "VN": ("Vietnamees", "Vietnamees"), "TH": ("Thais", "Thai"), "ID": ("Indonesisch", "Indonesiër"),
    "PH": ("Filipijns", "Filipijn"), "MY": ("Maleisisch", "Maleisiër"), "AU": ("Australisch", "Australiër"),
    "NZ": ("Nieuw-Zeelands", "Nieuw-Zeelander"), "TW": ("Taiwanees", "Taiwanees"),
}
# Lower-case words that join a name's head to what qualifies it: "Forum voor Democratie" is also "Forum".
QUALIFYING_WORDS = frozenset("van voor der of for".split())

# ---- time: the words of Dutch date expressions and what they mean (pipeline/timex) ----

MONTHS = {
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7, "augustus": 8,
    "september": 9, "oktober": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mrt": 3, "apr": 4,
    "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "okt": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"maandag": 0, "dinsdag": 1, "woensdag": 2, "donderdag": 3, "vrijdag": 4, "zaterdag": 5, "zondag": 6}
DAYPARTS = {"ochtend": "MO", "morgen": "MO", "middag": "AF", "avond": "EV", "nacht": "NI"}
ORDINALS = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "1e": 1, "2e": 2, "3e": 3, "4e": 4, "1ste": 1, "2de": 2, "3de": 3, "4de": 4}
DECADES = {"twintig": 2, "dertig": 3, "veertig": 4, "vijftig": 5, "zestig": 6, "zeventig": 7, "tachtig": 8, "negentig": 9}
CENTURY_WORDS = {
    "elfde": 11, "twaalfde": 12, "dertiende": 13, "veertiende": 14, "vijftiende": 15, "zestiende": 16,
    "zeventiende": 17, "achttiende": 18, "negentiende": 19, "twintigste": 20, "eenentwintigste": 21,
}
MODS = {
    "begin": "START", "begin van": "START", "het begin van": "START", "aan het begin van": "START", "vroeg in": "START",
    "eind": "END", "einde": "END", "eind van": "END", "einde van": "END", "het eind van": "END", "het einde van": "END",
    "aan het eind van": "END", "aan het einde van": "END", "laat in": "END", "eind van het": "END",
    "half": "MID", "medio": "MID", "midden": "MID", "halverwege": "MID", "midden van": "MID",
    "rond": "APPROX", "omstreeks": "APPROX", "rondom": "APPROX",
    "voor": "BEFORE", "vóór": "BEFORE", "na": "AFTER",
}
# a preposition before a date bounds it; it decides the mod even before a part word ("tot eind mei")
PREPOSITION_MODS = {
    "sinds": "ON_OR_AFTER", "sedert": "ON_OR_AFTER", "vanaf": "ON_OR_AFTER", "met ingang van": "ON_OR_AFTER",
    "per": "ON_OR_AFTER", "op zijn vroegst": "ON_OR_AFTER", "op zijn vroegst op": "ON_OR_AFTER",
    "tot en met": "ON_OR_BEFORE", "t/m": "ON_OR_BEFORE", "tot": "ON_OR_BEFORE", "uiterlijk": "ON_OR_BEFORE",
    "tegen": "ON_OR_BEFORE", "niet later dan": "ON_OR_BEFORE", "op zijn laatst": "ON_OR_BEFORE",
    "voor": "BEFORE", "vóór": "BEFORE", "na": "AFTER",
}
# words that make a counted distance approximate: "bijna dertig jaar geleden" (mod APPROX)
APPROX_WORDS = ("bijna", "ruim", "zo'n", "zo’n", "ongeveer", "circa", "pakweg", "ruwweg", "nog geen", "meer dan", "minder dan")
UNIT_DELTAS = {
    "dag": ("days", "day"), "dagen": ("days", "day"), "week": ("weeks", "week"), "weken": ("weeks", "week"),
    "maand": ("months", "month"), "maanden": ("months", "month"), "jaar": ("years", "year"), "jaren": ("years", "year"),
}
DURATION_CODES = {"days": "D", "weeks": "W", "months": "M", "years": "Y", "hours": "H"}
REFS = {
    "onlangs": "PAST_REF", "recentelijk": "PAST_REF", "kort geleden": "PAST_REF",
    "vroeger": "PAST_REF", "destijds": "PAST_REF", "eertijds": "PAST_REF", "lang geleden": "PAST_REF",
    "momenteel": "PRESENT_REF", "op dit moment": "PRESENT_REF", "tegenwoordig": "PRESENT_REF", "thans": "PRESENT_REF",
    "vandaag de dag": "PRESENT_REF", "op het moment": "PRESENT_REF",
    "binnenkort": "FUTURE_REF", "straks": "FUTURE_REF", "in de toekomst": "FUTURE_REF", "spoedig": "FUTURE_REF",
    "op termijn": "FUTURE_REF", "in de nabije toekomst": "FUTURE_REF", "op korte termijn": "FUTURE_REF",
    "op lange termijn": "FUTURE_REF", "op middellange termijn": "FUTURE_REF",
    "voorheen": "PAST_REF", "toendertijd": "PAST_REF", "in het verleden": "PAST_REF", "jaren geleden": "PAST_REF",
    "de afgelopen periode": "PAST_REF", "de afgelopen tijd": "PAST_REF", "de laatste tijd": "PAST_REF",
    "in deze tijd": "PRESENT_REF", "in onze tijd": "PRESENT_REF",
    "de komende jaren": "FUTURE_REF", "de komende maanden": "FUTURE_REF", "de komende weken": "FUTURE_REF",
    "de komende dagen": "FUTURE_REF", "de komende tijd": "FUTURE_REF", "de komende periode": "FUTURE_REF",
    "de korte termijn": "FUTURE_REF", "de lange termijn": "FUTURE_REF", "afgelopen tijd": "PAST_REF",
    "de vorige periode": "PAST_REF", "eerdere periodes": "PAST_REF",
    "recent": "PAST_REF", "in die tijd": "PAST_REF", "de toekomst": "FUTURE_REF",
}
# "deze kabinetsperiode", "deze barre tijden": the present, with a word for the period
PRESENT_PERIODS = ("tijd", "tijden", "periode", "collegeperiode", "kabinetsperiode", "regeerperiode", "zittingsperiode", "dagen")
# references with a bound: (value, mod)
BOUNDED_REFS = {
    "voortaan": ("PRESENT_REF", "ON_OR_AFTER"), "vanaf nu": ("PRESENT_REF", "ON_OR_AFTER"),
    "tot nu toe": ("PRESENT_REF", "ON_OR_BEFORE"), "tot nog toe": ("PRESENT_REF", "ON_OR_BEFORE"),
    "tot dusver": ("PRESENT_REF", "ON_OR_BEFORE"), "tot op heden": ("PRESENT_REF", "ON_OR_BEFORE"),
    "tot heden": ("PRESENT_REF", "ON_OR_BEFORE"), "sinds kort": ("PAST_REF", "ON_OR_AFTER"),
}
DURATION_UNITS = {
    "seconde": "S", "seconden": "S", "minuut": "MIN", "minuten": "MIN", "kwartier": "Q", "uur": "H", "uren": "H",
    "dag": "D", "dagen": "D", "etmaal": "D", "etmalen": "D", "week": "W", "weken": "W", "maand": "M", "maanden": "M",
    "jaar": "Y", "jaren": "Y", "jaartje": "Y", "decennium": "DE", "decennia": "DE", "eeuw": "CE", "eeuwen": "CE",
    "kwarteeuw": "QC", "halfjaar": "HY",
}
VAGUE_DURATIONS = {
    "jarenlang": "Y", "maandenlang": "M", "wekenlang": "W", "dagenlang": "D", "urenlang": "H",
    "decennialang": "DE", "eeuwenlang": "CE", "decennia": "DE", "eeuwen": "CE",
}
DURATION_MODS = {
    "ruim": "MORE_THAN", "meer dan": "MORE_THAN", "langer dan": "MORE_THAN", "bijna": "LESS_THAN", "krap": "LESS_THAN",
    "minder dan": "LESS_THAN", "nog geen": "LESS_THAN", "korter dan": "LESS_THAN", "minstens": "EQUAL_OR_MORE",
    "minimaal": "EQUAL_OR_MORE", "ten minste": "EQUAL_OR_MORE", "zeker": "EQUAL_OR_MORE",
    "hooguit": "EQUAL_OR_LESS", "maximaal": "EQUAL_OR_LESS", "ten hoogste": "EQUAL_OR_LESS", "binnen": "EQUAL_OR_LESS",
    "ongeveer": "APPROX", "circa": "APPROX", "zo'n": "APPROX", "zo’n": "APPROX", "pakweg": "APPROX", "rond de": "APPROX",
}
SET_UNITS = {"seconde": "PT1S", "minuut": "PT1M", "uur": "PT1H", "dag": "P1D", "nacht": "P1D", "week": "P1W",
             "maand": "P1M", "kwartaal": "P3M", "jaar": "P1Y", "seizoen": "P1Y"}
SEASONS = {"lente": ("SP", 4), "voorjaar": ("SP", 4), "zomer": ("SU", 7), "herfst": ("FA", 10), "najaar": ("FA", 10),
           "winter": ("WI", 13)}  # the month in the middle; a winter is named after the year it starts in
# days counted from the day the story is at ("Op 13 juni ... De volgende dag ...")
ANAPHORIC_DAYS = {
    "de volgende dag": 1, "de dag erna": 1, "de dag daarna": 1, "de dag daarop": 1, "de vorige dag": -1,
    "de dag ervoor": -1, "de dag daarvoor": -1, "dezelfde dag": 0, "diezelfde dag": 0, "die dag": 0,
}
# the time the story is at, named again ("tot die tijd", "sindsdien"): the mod each word carries
STORY_TIMES = {"die tijd": "", "sindsdien": "ON_OR_AFTER", "sedertdien": "ON_OR_AFTER"}
# a stretch right after or before the time the story is at ("in de dagen daarna"): a vague duration
AFTER_WORDS = ("erna", "daarna", "nadien", "daarop", "ervoor", "daarvoor", "daaraan voorafgaand")
DEICTIC_DAYS = {
    "eergisteren": (-2, ""), "gisteren": (-1, ""), "vandaag": (0, ""), "morgen": (1, ""), "overmorgen": (2, ""),
    "vannacht": (0, "NI"), "vanochtend": (0, "MO"), "vanmorgen": (0, "MO"), "vanmiddag": (0, "AF"),
    "vanavond": (0, "EV"), "gisteravond": (-1, "EV"), "gisterochtend": (-1, "MO"), "gistermorgen": (-1, "MO"),
    "gistermiddag": (-1, "AF"), "gisternacht": (-1, "NI"), "morgenochtend": (1, "MO"), "morgenmiddag": (1, "AF"),
    "morgenavond": (1, "EV"), "morgenvroeg": (1, "MO"), "eergisteravond": (-2, "EV"), "eergisterochtend": (-2, "MO"),
    "eergistermorgen": (-2, "MO"), "eergistermiddag": (-2, "AF"), "eergisternacht": (-2, "NI"), "morgennacht": (1, "NI"),
    "overmorgenavond": (2, "EV"),
}
FIXED_HOLIDAYS = {
    "kerstmis": (12, 25), "kerst": (12, 25), "eerste kerstdag": (12, 25), "tweede kerstdag": (12, 26),
    "kerstavond": (12, 24), "oudejaarsavond": (12, 31), "oudjaarsavond": (12, 31), "oudejaarsdag": (12, 31),
    "nieuwjaarsdag": (1, 1), "nieuwjaar": (1, 1), "bevrijdingsdag": (5, 5), "dodenherdenking": (5, 4),
    "valentijnsdag": (2, 14), "pakjesavond": (12, 5), "sinterklaas": (12, 5), "sinterklaasavond": (12, 5),
    "koninginnedag": (4, 30), "halloween": (10, 31), "jaarwisseling": (12, 31), "oudjaar": (12, 31),
    "sinterklaasfeest": (12, 5),
}
EASTER_HOLIDAYS = {
    "pasen": 0, "eerste paasdag": 0, "paaszondag": 0, "tweede paasdag": 1, "paasmaandag": 1, "goede vrijdag": -2,
    "hemelvaart": 39, "hemelvaartsdag": 39, "pinksteren": 49, "eerste pinksterdag": 49, "tweede pinksterdag": 50,
    "palmzondag": -7, "witte donderdag": -3, "stille zaterdag": -1, "paaszaterdag": -1, "aswoensdag": -46,
    "pinkstermaandag": 50, "pinksterzondag": 49,
}
# "de hele nacht", "het hele jaar": one whole unit as a duration
WHOLE_UNITS = {"dag": "P1D", "nacht": "PTNI", "ochtend": "PTMO", "middag": "PTAF", "avond": "PTEV", "week": "P1W",
               "weekend": "P1WE", "maand": "P1M", "jaar": "P1Y", "zomer": "P1SU", "winter": "P1WI"}
# the part of a period a frequency word counts in: "tweewekelijks" P2W, "halfjaarlijks" P6M
FREQUENCY_UNITS = {"dagelijks": "D", "wekelijks": "W", "maandelijks": "M", "jaarlijks": "Y"}

# ---- tense: the words that tell whether a clause speaks of the past or the future (pipeline/dates) ----

FUTURE_AUX = frozenset("zal zullen zult".split())
# "zou/zouden" with a plain infinitive is the future seen from the past ("De wet zou op 1 juli ingaan")
CONDITIONAL_AUX = frozenset("zou zouden".split())
# a present modal with a perfect infinitive is a future perfect ("moet het voor juli hebben goedgekeurd")
MODAL_AUX = frozenset("moet moeten kan kunnen mag mogen wil willen hoeft hoeven".split())
PERFECT_AUX = frozenset("heb hebt heeft hebben is ben bent zijn".split())
PASSIVE_AUX = frozenset("word wordt worden werd werden".split())
# a reporting verb in the present tells what was said, before the article ("Een woordvoerder zegt dinsdag dat")
REPORTING_VERBS = frozenset("""
    zegt zeggen meldt melden schrijft schrijven verklaart verklaren bevestigt bevestigen ontkent ontkennen erkent
    erkennen waarschuwt waarschuwen reageert reageren
""".split())
# infinitives that stand for a participle in a perfect ("heeft laten weten", "is gaan roken")
IPP_VERBS = frozenset("laten gaan komen blijven willen moeten kunnen mogen zien horen helpen beginnen proberen".split())
# participles of planning: a date after them is the planned one ("heeft het gepland op 9 juni")
SCHEDULING_PARTICIPLES = frozenset("""
    gepland ingepland aangekondigd vastgesteld vastgelegd gekozen afgesproken geprogrammeerd geagendeerd
    uitgesteld verschoven verplaatst verlengd toegezegd beloofd besloten voorzien
""".split())
# words that open a new clause, whose verbs are not the date's
CLAUSE_OPENERS = frozenset("""
    omdat als wanneer terwijl nadat voordat zodat toen doordat hoewel indien zodra totdat maar want waardoor
    waarna waarin waarop die dat wat wie
""".split())
FUTURE_WORDS = frozenset(
    "zal zullen zult gaat gaan komende volgende binnenkort straks morgen overmorgen verwacht wil willen gepland".split()
)
PAST_WORDS = frozenset("werd werden was waren had hadden zei zeiden meldde meldden liet lieten kwam kwamen ging gingen".split())

# ---- numbers: Dutch number words, figure qualifiers and the units figures are measured in ----

ONE_SPELLINGS = ("een", "één", "eén", "éen")  # the article and the number look alike; accents mark the number
COMMON_ONE_SPELLINGS = ONE_SPELLINGS[:2]  # without the misspelt accents
NUMBER_WORDS = {
    **dict.fromkeys(ONE_SPELLINGS, 1), "nul": 0, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7,
    "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15,
    "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19,
}
TENS_WORDS = {
    "twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70, "tachtig": 80, "negentig": 90,
}
HUNDRED_WORDS = {"honderd": 100, "duizend": 1000}  # written into compounds: "tweehonderdvijftig"
FRACTION_WORDS = {"half": 0.5, "halve": 0.5, "kwart": 0.25, "anderhalf": 1.5, "anderhalve": 1.5, "driekwart": 0.75}
# the denominator of a fraction written in words: "drie vijfde", "een zesde", "twee derde"
DENOMINATORS = {
    "derde": 3, "derden": 3, "vierde": 4, "vierden": 4, "vijfde": 5, "vijfden": 5, "zesde": 6, "zevende": 7,
    "achtste": 8, "negende": 9, "tiende": 10, "tienden": 10, "twaalfde": 12, "twintigste": 20, "honderdste": 100,
    "duizendste": 1000,
}
SCALE_WORDS = {
    "duizend": 1e3, "miljoen": 1e6, "miljoenen": 1e6, "mln": 1e6, "mln.": 1e6, "mio": 1e6, "mio.": 1e6,
    "miljard": 1e9, "mld": 1e9, "mld.": 1e9, "mrd": 1e9, "mrd.": 1e9, "biljoen": 1e12, "bln": 1e12, "bln.": 1e12,
}
SCALE_PLURALS = {"duizenden": 1e3, "miljoenen": 1e6, "miljarden": 1e9}
# vague counts and their lower bound: "tientallen" 10, "honderden" 100; "tonnen" of money are hundreds of thousands
VAGUE_COUNTS = {
    "tientallen": 10, "honderden": 100, "duizenden": 1e3, "tienduizenden": 1e4, "honderdduizenden": 1e5,
    "miljoenen": 1e6, "miljarden": 1e9, "tonnen": 1e5,
}
# words between two vague counts of which the second names the multiplier and unit: "honderden of duizenden
# miljarden euro's", "duizenden, zo niet tienduizenden euro's"
VAGUE_PAIR_LINKS = frozenset({("of",), (",", "zo", "niet"), ("zo", "niet"), ("of", "zelfs"), (",", "of", "zelfs")})
# a multiple in one word: "tweemaal", "driedubbel", "vijfvoud"
MULTIPLE_SUFFIXES = ("maal", "dubbel", "voudig", "voud")
# "1 op de 4", "vier op de tien", "14 van de 20": a share of a group
RATIO_LINKS = (("op", "de"), ("van", "de"), ("op", "het"), ("op",))  # "zes op tien Gelderlanders"
RANGE_WORDS = frozenset({"à", "a", "á", "tot", "-", "–"})
# a number and the one after it, joined by "of", is a range: "één of twee", "twee of drie"
ALTERNATIVE_WORDS = frozenset({"of"})
# words that join two figures of which the second names the unit: "van 20 en 35 procent", "van 19 naar 7 meter",
# "(50,9 tegen 47,1 procent)"
SHARED_UNIT_LINKS = frozenset({"en", "of", "naar", ",", "tot", "tegenover", "tegen"})

FIGURE_QUALIFIERS = {
    "approx": ["ongeveer", "circa", "ca.", "ca", "zo'n", "zo’n", "rond", "rond de", "rondom", "naar schatting",
               "pakweg", "een stuk of", "zowat", "ruwweg", "bij benadering", "omstreeks", "grofweg", "om en nabij",
               "ongeveer een", "zo’n beetje", "plusminus", "+/-", "±", "tot zo'n", "tot zo’n", "een paar",
               "ergens rond de", "in de orde van", "in de orde van grootte van"],
    "more_than": ["ruim", "meer dan", "ruim over", "boven de", "dik", "ruimschoots", "méér dan", "boven",
                  "ruim meer dan", "bijna ruim", "over de", "na ruim", "een dikke", "een ruime", "groter dan",
                  "hoger dan", "langer dan", "verder dan", "zwaarder dan", "ouder dan", "ouder zijn dan", "boven de grens van",
                  "meer als"],
    "less_than": ["bijna", "minder dan", "nog geen", "krap", "onder de", "net geen", "amper", "nauwelijks",
                  "ruim minder dan", "ternauwernood", "nog niet", "een kleine", "kleiner dan", "lager dan",
                  "korter dan", "jonger dan", "jonger zijn dan", "lichter dan", "net onder de", "minder als"],
    "at_least": ["minstens", "ten minste", "tenminste", "minimaal", "zeker", "op zijn minst", "minimum",
                 "niet minder dan", "niet lager dan", "niet kleiner dan", "niet korter dan", "vanaf",
                 "niet lager zijn dan", "niet minder zijn dan"],
    "at_most": ["hooguit", "maximaal", "tot", "niet meer dan", "ten hoogste", "hoogstens", "tot wel", "maximum",
                "tot maximaal", "niet hoger dan", "niet groter dan", "niet langer dan", "niet verder dan",
                "niet ouder dan", "binnen", "tot een maximum van", "op zijn hoogst", "niet hoger zijn dan",
                "niet meer zijn dan", "niet groter zijn dan"],
}
# after the number: "65 jaar of ouder", "40 of meer", "drie of minder"
FIGURE_QUALIFIERS_AFTER = {
    "of meer": "at_least", "of ouder": "at_least", "of langer": "at_least", "of hoger": "at_least",
    "en meer": "at_least", "en ouder": "at_least", "of minder": "at_most", "of jonger": "at_most",
    "of korter": "at_most", "of lager": "at_most", "en minder": "at_most", "plus": "at_least",
    "maximaal": "at_most", "hooguit": "at_most", "hoogstens": "at_most", "ten hoogste": "at_most",
    "op zijn hoogst": "at_most", "minimaal": "at_least", "minstens": "at_least", "ten minste": "at_least",
    "tenminste": "at_least", "op zijn minst": "at_least",
}
# particles of separable verbs that may stand between a noun and the "van" of its amount: "draagt de commissie af
# van ruim 3 ton", "zit een gevangenisstraf uit van veertien jaar", "maakte heffingen bekend van 2,8 miljard euro"
SEPARABLE_PARTICLES = frozenset("af uit op aan in door mee toe terug bekend vast over weg neer bij".split())
# separable verbs whose own complement is "van": "ging de bank uit van 5 procent groei" is no "bank van 5 procent"
VAN_PARTICLE_VERBS = frozenset(
    "uitgaan afhangen afkomen afzien afstappen afwijken opkijken afblijven afhouden afraken".split()
)
# a preposition and noun that with "van" make one preposition: "zes in plaats van drie maanden", "ten opzichte
# van 30 procent"; the noun is no owner of the amount after "van"
COMPOUND_PREPOSITIONS = frozenset({
    ("in", "plaats"), ("ten", "opzichte"), ("in", "vergelijking"), ("op", "basis"), ("met", "behulp"),
    ("naar", "aanleiding"), ("ten", "koste"), ("ten", "behoeve"), ("het", "kader"), ("op", "grond"), ("in", "ruil"),
})
# words between "van" and the amount that leave the noun before "van" its owner: "een leegstand van nog maar
# 5,8 procent", "een winst van maar liefst 20 miljoen"
FOCUS_WORDS = frozenset("nog maar slechts liefst zelfs pas al wel ook net toch dan even".split())
# vague counts that are money when nothing counted follows them: "kost miljoenen", "verdient tonnen"
MONEY_SCALE_PLURALS = frozenset({"miljoenen", "miljarden", "tonnen"})
# nouns of money: an amount of them without a unit is money ("miljarden aan geld")
MONEY_NOUNS = frozenset(
    "geld belastinggeld overheidsgeld subsidie staatssteun investering winst omzet schuld kapitaal vermogen "
    "budget".split()
)

# the spellings of each unit after a number (lower case, tokens joined by one space); pipeline/units.py
# holds what each unit measures
UNIT_SPELLINGS = {
    "km2": ["km²", "km2", "vierkante kilometer", "vierkante kilometers", "vierkante km"],
    "m2": ["m²", "m2", "vierkante meter", "vierkante meters", "vierkante m"],
    "ha": ["ha", "hectare", "hectares", "hectaren"],
    "km": ["km", "kilometer", "kilometers"],
    "m": ["m", "meter", "meters"],
    "cm": ["cm", "centimeter", "centimeters"],
    "mm": ["mm", "millimeter", "millimeters"],
    "mi": ["mijl", "mijlen", "engelse mijl", "engelse mijlen"],
    "nmi": ["zeemijl", "zeemijlen"],
    "ft": ["voet", "ft"],
    "in": ["inch", "inches", "duim"],
    "ly": ["lichtjaar", "lichtjaren"],
    "m3": ["m³", "m3", "kubieke meter", "kubieke meters", "kuub"],
    "l": ["l", "liter", "liters"],
    "dl": ["dl", "deciliter"],
    "cl": ["cl", "centiliter"],
    "ml": ["ml", "milliliter"],
    "hl": ["hl", "hectoliter", "hectoliters"],
    "kg": ["kg", "kilo", "kilo's", "kilogram", "kilogrammen", "kilootjes"],
    "g": ["g", "gr", "gram", "grammen"],
    "mg": ["mg", "milligram"],
    "t": ["ton", "tonnen", "tonne"],
    "kt": ["kiloton", "kilotonne", "kilotonnen", "kt"],
    "Mt": ["megaton", "megatonne", "megatonnen", "mt"],
    "ons": ["ons", "onsjes"],
    "pond": ["pond", "ponden"],
    "%": ["%", "procent", "pct", "pct.", "percent"],
    "‰": ["‰", "promille"],
    "pp": ["procentpunt", "procentpunten", "procentpuntje", "%-punt", "pp"],
    "EUR": ["euro", "euro's", "€", "eur"],
    "ct": ["cent", "cents", "eurocent", "eurocenten"],
    "USD": ["dollar", "dollars", "$", "usd", "amerikaanse dollar", "amerikaanse dollars", "us-dollar"],
    "GBP": ["pond sterling", "£", "gbp", "britse pond", "britse ponden"],
    "NOK": ["noorse kroon", "noorse kronen", "nok"],
    "SEK": ["zweedse kroon", "zweedse kronen", "sek"],
    "DKK": ["deense kroon", "deense kronen", "dkk"],
    "CHF": ["zwitserse frank", "zwitserse franken", "chf"],
    "JPY": ["yen", "japanse yen", "jpy"],
    "CNY": ["yuan", "chinese yuan", "renminbi", "cny"],
    "RUB": ["roebel", "roebels", "russische roebel", "rub"],
    "TRY": ["lira", "turkse lira", "try"],
    "INR": ["roepie", "roepies", "indiase roepie", "inr"],
    "NLG": ["gulden", "guldens", "ƒ", "fl", "fl.", "piek"],
    "BTC": ["bitcoin", "bitcoins", "btc"],
    "°C": ["°c", "° c", "graden celsius", "graden c", "°", "graad celsius"],
    "°F": ["°f", "° f", "graden fahrenheit", "graad fahrenheit", "fahrenheit"],
    "km/h": ["km/u", "km/h", "kilometer per uur", "km per uur", "kmh", "kilometer per uur"],
    "mph": ["mijl per uur", "mph"],
    "m/s": ["m/s", "meter per seconde"],
    "kn": ["knopen", "knoop"],
    "W": ["watt"],
    "kW": ["kw", "kilowatt"],
    "MW": ["mw", "megawatt"],
    "GW": ["gw", "gigawatt"],
    "kWh": ["kwh", "kilowattuur"],
    "MWh": ["mwh", "megawattuur"],
    "GWh": ["gwh", "gigawattuur"],
    "TWh": ["twh", "terawattuur"],
    "kB": ["kb", "kilobyte", "kilobytes"],
    "MB": ["mb", "megabyte", "megabytes"],
    "GB": ["gb", "gigabyte", "gigabytes"],
    "TB": ["tb", "terabyte", "terabytes"],
    "s": ["seconde", "seconden", "sec", "sec.", "secondje", "secondjes"],
    "min": ["minuut", "minuten", "min", "min.", "minuutje", "minuutjes"],
    "h": ["uur", "uren", "uurtje", "uurtjes"],
    "d": ["dag", "dagen", "etmaal", "etmalen", "dagje", "dagjes"],
    "wk": ["week", "weken", "weekje", "weekjes"],
    "mo": ["maand", "maanden"],
    "a": ["jaar", "jaren", "jaartje", "jr.", "jr"],
    # a whole amount in one word: "een tientje" is ten euros, "een kwarteeuw" 25 years
    "tientje": ["tientje", "tientjes", "joetje", "joetjes"],
    "kwarteeuw": ["kwarteeuw", "kwart eeuw"],
    "halfjaar": ["halfjaar"],
    "halfuur": ["halfuur"],
}
CURRENCY_SIGNS = {"€": "EUR", "$": "USD", "£": "GBP", "eur": "EUR", "usd": "USD", "gbp": "GBP", "ƒ": "NLG", "fl.": "NLG"}
# "graden" is °C in weather text, an angle elsewhere ("360 graden draaien")
TEMPERATURE_WORDS = frozenset(
    "temperatuur temperaturen warm warmer warmste koud kouder koudste vriest vriezen vorst hitte graden celsius "
    "kwik thermometer dooi weer weerbericht tropisch zomers ijskoud hittegolf nachtvorst wind zon zonnig bui buien "
    "regen bewolking bewolkt sneeuw mist onweer zuidwestenwind westenwind noordenwind oostenwind zeewater "
    "nul horrorwinter opwarming".split()
)
# a pound in these sentences weighs: "de baby's wogen vier pond"
WEIGHT_WORDS = frozenset("weegt wegen woog wogen gewicht zwaar zwaarder lichter geboortegewicht kilo gram".split())
# "een ton" is a hundred thousand euros in a sentence of money: "ruim een ton planschade betalen"
MONEY_WORDS = frozenset(
    "betalen betaalt betaald betaalde kost kosten kostte euro schade schadegeld planschade bedrag subsidie salaris "
    "boete verdienen verdient verdiende verdiend verdienden betaalden gekost kostten tekort winst verlies omzet schuld "
    "schulden geld resultaat uitgeven uitgegeven investeren investeert geïnvesteerd bezuinigen bezuinigd begroting "
    "kabinet bedragen fiscus geïncasseerd".split()
)
# a verb after these is an infinitive: "de boete kan oplopen tot 2500 euro" states a ceiling
MODAL_VERBS = frozenset("kan kunnen kon konden zal zullen zou zouden mag mogen mocht mochten moet moeten moest "
                        "moesten wil willen wilde wilden".split())
# "pond" is a British pound in money text, half a kilo elsewhere ("een pond gehakt")
STERLING_WORDS = frozenset(
    "brits britse brexit londen engeland engelse schotland schotse sterling bank betaald betaalt kost kosten "
    "kostte miljoen miljard boete salaris transfer transfersom premier league vk".split()
)
# a compound of a number and a unit names a thing of that size; some heads make the unit a speed
SPEED_HEADS = ("zone", "zones", "weg", "wegen", "norm", "gebied", "gebieden", "limiet", "grens", "straat", "straten")
PLUS_WORDS = ("plusser", "plussers")  # "65-plussers", "vijftigplussers": ages from a number on
# words before a four-digit number that make it a year ("in 1995", "sinds 2010")
YEAR_CONTEXT = frozenset(
    "in sinds van tot uit rond begin eind medio voor na vanaf jaar jaren seizoen eeuw najaar voorjaar zomer "
    "winter herfst lente anno circa sedert t/m tot-en-met vóór".split()
)
# words before a four-digit number that make it a year for figures, when nothing counted follows it
# ("Vergeleken met 2007", "de cijfers over 2018", "in heel 2016"; "tot aan 2030" too)
YEAR_LEAD_WORDS = frozenset("met over heel tegenover".split())
YEAR_ONLY_CONTEXT = frozenset("in sinds sedert vanaf anno begin eind medio najaar voorjaar zomer winter herfst lente".split())
# words that make a year approximate between its preposition and the year: "sinds grofweg 2000"
YEAR_APPROX_WORDS = frozenset("grofweg ongeveer circa ca. omstreeks pakweg ruwweg zowat".split())
# words after which a number names something: "Deel 4", "artikel 5", "ringlijn 50", "groep 8"
IDENTIFIER_NOUNS = frozenset(
    "deel artikel hoofdstuk aflevering fase stap nummer pagina bladzijde lijn ringlijn buslijn tramlijn tram bus "
    "route paragraaf level groep klas versie editie etappe game afrit uitgang spoor perron gate categorie "
    "niveau pier poort terminal top chroom nr. nr no. punt plek nummers huisnummer cirkel".split()
)
# marks before a page reference: "→ 12", "blz. 4"
REFERENCE_MARKS = frozenset({"→", "->", "blz.", "blz", "pag.", "p."})
# verbs of a place in a ranking: "staat de ooglift op één en het weghalen van borstvorming op twee"
RANK_VERBS = frozenset(
    "staat staan stond stonden eindigt eindigde eindigden komt kwam kwamen belandt belandde prijkt prijkte".split()
)
# units that name a thing too: "als haringen in een ton" is a barrel, not a weight
UNIT_THINGS = frozenset({"ton", "knoop", "voet", "duim", "pond"})
PLACE_PREPOSITIONS = frozenset("in uit onder naast achter bovenop".split())
# a digit after "een" and before these is a school mark: "een 6 als eindcijfer", "een 8 voor inzet"
GRADE_LINKS = frozenset({"als", "voor"})
# "in acht nemen" (to heed): "in acht genomen", "neem dat in acht.", "in acht te nemen" hold no eight
HEED_WORDS = frozenset("nemen neem neemt nam namen genomen te".split())
CLOCK_WORDS = frozenset({"half", "kwart"})  # "half drie", "kwart over vier": clock times
TIME_UNIT_WORDS = frozenset("seconde seconden minuut minuten uur uren dag dagen week weken maand maanden jaar jaren".split())
FIGURE_FUNCTION_WORDS = frozenset(
    "de het een en of in op aan van voor met bij uit tot naar over door om te als dan dat die dit deze er "
    "is was zijn waren wordt werd worden hebben heeft had niet nog al ook wel maar want dus per jaar "
    "keer maal procent uur bovenop erbovenop erbij eraf erop terug omhoog omlaag vooruit achteruit".split()
)
# the noun an amount is of follows it after these: "5 miljoen euro aan subsidie", "20 procent van het salaris"
SUBJECT_LINKS = frozenset({"aan", "van"})
# a figure after one of these shares the subject of the figure before: "de snelheid van 50 naar 30"
SUBJECT_SHARE_LINKS = frozenset({"en", "of", "naar", "tot", "à", "bij", ",", "tegenover"})
# "drie van zijn patiënten", "vijftien van deze collega's": a count of part of a group
PARTITIVE_DETERMINERS = frozenset("de het zijn haar hun deze die onze mijn uw jullie".split())
# nouns after a duration that are not what it measures: "twaalf maanden tijd"
DURATION_NON_SUBJECTS = frozenset({"tijd", "lang", "geleden"})
# nouns of fixed phrases after a figure that are not what it counts: "met 225 miljoen euro aan kop"
NON_SUBJECTS = frozenset({"kop", "macht", "hand", "orde", "beurt"})
# a count of times: "2988 maal" counts "keer"
TIMES_WORDS = frozenset({"maal", "keer"})
# verbs that give a measure to the noun before them: "de werkloosheid steeg naar 35 procent", "de rente is bijna nul"
MEASURE_VERBS = frozenset(
    "is was zijn waren bedraagt bedroeg bedragen bedroegen ligt lag liggen lagen steeg stijgt stegen stijgen daalde "
    "daalt daalden dalen groeide groeit groeiden kromp krimpt viel valt vielen kost kostte kostten beloopt beliep "
    "bleef blijft blijven komt kwam uitkomt uitkwam gekost kosten gestegen gedaald gegroeid gebleven oplopen "
    "opgelopen staat stond staan stonden".split()
)
# "tot" after these names a result, not a ceiling: "leidde tot honderden klachten", "veroordeeld werd tot 22 maanden"
LEAD_VERBS = frozenset("leidt leidde leidden leiden geleid veroordeeld veroordeelt veroordeelde veroordeelden".split())
# words of a change to a number: "van 366 in 2001, naar 1462 nu"
CHANGE_WORDS = frozenset({"naar", "tot"})
MEASURE_LINKS = frozenset("naar met tot op van nog gemiddeld slechts maar ruim bijna al zo'n ongeveer circa".split())
# nouns that only say a figure is a number: "het aantal doden is 12" counts doden, "het getal van 261" nothing
# nouns whose dictionary form is the plural: "de kosten"
PLURAL_NOUNS = frozenset("kosten onkosten".split())
# plurals of adjectives used as nouns for people, which the lexicon lists as plurals of other nouns (arm, rijk)
NOMINALISED_PLURALS = {"armen": "arme", "rijken": "rijke"}
CONTAINER_NOUNS = frozenset("aantal totaal getal percentage aandeel hoeveelheid".split())
# words between a measure and the noun it is of: "32 procent meer sollicitanten", "15,8 procent te zware kinderen"
COMPARISON_WORDS = frozenset("meer méér minder te extra".split())
# pronouns whose clause ends the figure's noun: "het schip, dat 30 miljoen euro heeft gekost"
RELATIVE_PRONOUNS = frozenset({"dat", "die"})
# a bare number said of a person is an age: "hij is nog maar 17", "Dertig was hij toen"
PERSONAL_PRONOUNS = frozenset("ik jij je hij zij ze u".split())
SINGULAR_COPULAS = frozenset("ben bent is was".split())  # not "werd": "hij werd 2" is a place
# a number of years a person is or becomes is an age: "Hij werd 95 jaar", "Als je 95 jaar wordt"
AGE_VERBS = SINGULAR_COPULAS | frozenset("zijn waren word wordt worden werd werden".split())
# a bare number after these and "van" is an age: "je zoon van 7"
CHILD_NOUNS = frozenset(
    "zoon zoontje dochter dochtertje kind kindje jongen jongetje meisje baby broer broertje zus zusje "
    "kleinzoon kleindochter kleinkind neef nicht peuter kleuter".split()
)
# people a bracketed number after is an age of: "een man (50)", "de verdachte (23)"
PERSON_NOUNS = frozenset(
    "man vrouw mens persoon vader moeder stiefvader stiefmoeder opa oma grootvader grootmoeder echtgenoot echtgenote "
    "partner vriend vriendin ex verdachte dader slachtoffer bestuurder automobilist fietser voetganger motorrijder "
    "scooterrijder bromfietser inwoner bewoner buurman buurvrouw collega werknemer medewerker student scholier "
    "leerling patiënt klant passagier bezoeker toerist getuige vluchteling asielzoeker".split()
)
OBJECT_PRONOUNS = frozenset("mij mijzelf hem haar hemzelf haarzelf".split())  # "komt mij (80) van pas"
# a distance in these sentences is a speed: "hoger dan die 30 kilometer" (of a speed), "30 km in de bebouwde kom"
SPEED_WORDS = ("snelheid", "snelheden", "bebouwde")
DRIVE_VERBS = frozenset("rijden rijdt rijd reed reden gereden".split())  # "geen 30 rijden": a speed
CALL_WORDS = frozenset("bel belt belde belden bellen gebeld alarmnummer noodnummer telefoonnummer".split())
PER_HOUR = ("per", "uur")
TOO_FAST = ("te", "hard")  # "rijdt 20 à 25 km te hard": a speed
# words that count pieces of what follows: "honderd stuks melkvee" counts melkvee
COUNTER_NOUNS = frozenset({"stuks"})
# clock times: "om 8 uur", "tegen vier uur", "16.30 uur"
CLOCK_UNITS = frozenset({"uur", "u", "u."})
CLOCK_PREPOSITIONS = frozenset("om rond tot vanaf voor na tegen van".split())
DEFINITE_ARTICLES = frozenset({"de", "het"})
# a capitalised noun with these endings after an age is an inhabitant, not a name: "de 45-jarige Amsterdammer"
INHABITANT_SUFFIXES = ("er", "aan", "ees", "naar", "se")  # "Bredanaar", "Almelose"
AGE_WORDS = frozenset({"oud", "jong", "leeftijd"})  # "44 jaar oud", "op de leeftijd van 86 jaar", "pensioenleeftijd"
# an age before these and a noun is the noun's age: "een dertien jaar oud voorstel", "een 40 jaar oude boom"
ATTRIBUTIVE_AGE_WORDS = frozenset({"oud", "oude"})
BELOW_ZERO = ("onder", "nul")  # "36 graden onder nul" is -36 °C
CENT_WORDS = frozenset({"cent", "eurocent"})
# words before an age range or limit that belongs to the people named first: "kinderen tot 12 jaar"
AGE_RANGE_STARTS = frozenset({"tot", "tussen", "van", "vanaf", "ouder", "jonger"})
# comparisons that make a figure an age: "ouder dan veertien maanden", "jonger dan 30", "65 jaar of ouder"
AGE_COMPARATIVES = frozenset({"ouder", "jonger"})
