"""Dutch word lists the rules share, each in one place."""

from __future__ import annotations

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


def is_title_word(word: str) -> bool:
    """Whether ``word`` is a title or function before a name, also with a prefix ("oud-minister")."""
    word = word.lower()
    for prefix in TITLE_PREFIXES:
        if word.startswith(prefix) and len(word) > len(prefix):
            word = word[len(prefix):]
            break
    return word in TITLE_WORDS or word.endswith("minister") and len(word) > len("minister")

# Lower-case words a name may start with: "van Gogh", "de Jong", "ter Horst", "al-Baghdadi", "von Trapp".
NAME_PARTICLES = frozenset("van de der den het ter ten te op in 't von zu la le les di da du des del della dos al el bin ibn abu ben".split())
