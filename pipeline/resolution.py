"""Corpus entities: the document-level entities of all documents resolved into one entity per thing.

Extraction resolves names within one document; an article that says only "Rutte" never states the
full name. Here, over the whole ``entities`` table (vectorized pandas, linear in its size):

1. **Label by vote.** A name (its canonical form, case and diacritics folded) takes the label of two
   thirds of its mentions in the corpus (else each document keeps its own), each mention weighted by
   the model's ``confidence`` where the table has one. Mentions inside a compound ("IS-strijders",
   labelled as what the compound names) do not vote, and an entity of compounds only keeps its label:
   IS-strijders are not IS. A document where the words around a name set its label keeps it ("in
   Geetbets", "de gemeente Geetbets", "het bedrijf Heesen", "het schip Geosund", "het programma 'Project
   Rembrandt'", a dateline: ``CONTEXT_SOURCES``).
2. **Aliases** of the same label, each resolved only when one name in the corpus takes it (or one
   holds ``DOMINANT_SHARE`` of the mentions of all that do; the others are then rare namesakes, whose
   own articles name them in full) and the corpus supports it (:func:`supported`); otherwise the
   alias stays apart, counted as ambiguous when several names could take it:
   a surname is its full person name ("Rutte" → "Mark Rutte"); the head of a name before a
   qualifying word is that name ("Forum" → "Forum voor Democratie"); an acronym is its expansion
   ("EU" → "Europese Unie", "PvdA" → "Partij van de Arbeid"); a plural of a MISC name is that name
   ("Nederlanders" → "Nederlander"); place names of one GeoNames place are one ("Köln", "Keulen").
3. Names joined by aliases form one corpus entity, named after the member no alias points away from
   (the full name, the expansion, the singular, the Dutch name of a place), its id
   :func:`pipeline.names.entity_id` of that label and name.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .aliases import acronym_forms, is_acronym, leading_form, plural_forms, surname_form
from .names import COMPOUND_RE, entity_id
from .places import dutch_names, is_official_name, lookup_place_nl, place_key
from .schema import empty_frame

COMBINING_RE = "[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
DOMINANT_SHARE = 0.9
LABEL_MAJORITY = 2 / 3  # a name split more evenly between labels keeps each document's label
# rules that label a name from the words around it; within a document the preposition rule is only a guess
# beside the others (canonical.GUESSING_SOURCES), but against other documents' votes it is what this one says
CONTEXT_SOURCES = ("nl_place_context", "nl_place_prepositions", "nl_organisation_context", "nl_vessel_names",
                   "nl_work_titles", "nl_datelines")
LINK_RULES = ("acronym", "surname", "short form", "plural", "place")  # when a name has several, the first wins
MAX_HOPS = 50  # rounds of joining linked names; each round at least halves the distance to the smallest


@dataclass
class Resolution:
    """The corpus entities of an ``entities`` table.

    ``links``: one row per document-level entity (doc_id, entity_id) with its corpus_id, corpus_label,
    corpus_canonical and the rule that linked it (empty when it is its own corpus entity unchanged).
    ``corpus``: one row per corpus entity (corpus_id, label, canonical, ambiguous: how many entities an
    alias among its names could have been, when that was more than one).
    """

    links: pd.DataFrame
    corpus: pd.DataFrame


def fold(values: pd.Series) -> pd.Series:
    """:func:`match_key` of each value, with pandas string methods."""
    decomposed = values.astype("string").str.normalize("NFKD")
    return decomposed.str.replace(COMBINING_RE, "", regex=True).str.casefold()


def per_value(values: pd.Series, function) -> pd.Series:
    """``function`` of each value, computed once per distinct value (missing values give None)."""
    codes, uniques = pd.factorize(values)
    results = np.array([function(value) for value in uniques] + [None], dtype=object)
    return pd.Series(results[codes], index=values.index, dtype=object)


def mention_weights(entities: pd.DataFrame) -> pd.Series:
    """Each mention's weight in the label vote: the model's confidence where the table has it, else 1."""
    if "confidence" in entities.columns:
        return entities["confidence"].astype("float64").fillna(1.0)
    return pd.Series(1.0, index=entities.index)


def mention_frame(entities: pd.DataFrame) -> pd.DataFrame:
    """The mentions with their folded text and name, vote weight and context flag."""
    key, text_key = fold(entities["canonical"]), fold(entities["text"])
    compound = entities["text"].str.match(COMPOUND_RE.pattern).fillna(False) & (text_key != key)
    return entities[["doc_id", "entity_id", "label", "canonical"]].assign(
        key=key,
        text_key=text_key,
        weight=mention_weights(entities).where(~compound, 0.0),
        context=entities["source"].isin(CONTEXT_SOURCES),
    )


def attested_pairs(mentions: pd.DataFrame) -> pd.DataFrame:
    """(alias, key) pairs an article itself joined: a mention written one way, resolved to another name."""
    pairs = mentions.loc[mentions["text_key"] != mentions["key"], ["text_key", "key"]].drop_duplicates()
    return pairs.rename(columns={"text_key": "source_key", "key": "target_key"}).assign(attested=True)


def document_entities(mentions: pd.DataFrame) -> pd.DataFrame:
    """One row per (doc_id, entity_id): label, canonical, folded key, mentions, vote weight, context flag."""
    return mentions.groupby(["doc_id", "entity_id"], sort=False).agg(
        label=("label", "first"), canonical=("canonical", "first"), key=("key", "first"),
        mentions=("label", "size"), weight=("weight", "sum"), context=("context", "any"),
    ).reset_index()


def voted_labels(docs: pd.DataFrame) -> pd.Series:
    """Folded name → the label with the largest summed weight, where it holds ``LABEL_MAJORITY`` of it."""
    votes = docs[docs["weight"] > 0].groupby(["key", "label"], as_index=False)["weight"].sum()
    votes["share"] = votes["weight"] / votes.groupby("key")["weight"].transform("sum")
    votes = votes.sort_values(["key", "weight", "label"], ascending=[True, False, True]).drop_duplicates("key")
    return votes[votes["share"] >= LABEL_MAJORITY].set_index("key")["label"]


def name_table(docs: pd.DataFrame) -> pd.DataFrame:
    """One row per (label, key) name: its most frequent capitalised canonical form, its mentions and documents."""
    forms = docs.groupby(["label", "key", "canonical"], as_index=False)["mentions"].sum()
    forms["capitalised"] = forms["canonical"].str[:1].str.isupper().astype(int)  # "Brexit" over a more frequent "brexit"
    forms = forms.sort_values(["label", "key", "capitalised", "mentions", "canonical"],
                              ascending=[True, True, False, False, True])
    names = forms.groupby(["label", "key"], as_index=False).agg(canonical=("canonical", "first"), mentions=("mentions", "sum"))
    names["documents"] = docs.groupby(["label", "key"])["doc_id"].nunique().reindex(
        pd.MultiIndex.from_frame(names[["label", "key"]])).to_numpy()
    names["words"] = names["canonical"].str.count(" ") + 1
    return names


def as_list(forms: str | set[str] | None) -> list[str]:
    """The forms a form function gave, as a sorted list."""
    return [] if forms is None else [forms] if isinstance(forms, str) else sorted(forms)


def no_candidates() -> pd.DataFrame:
    """An empty frame of (source, target, rule) candidate links."""
    return pd.DataFrame({"source": pd.Series([], dtype="int64"), "target": pd.Series([], dtype="int64"),
                         "rule": pd.Series([], dtype="string")})


def candidates_by_form(names: pd.DataFrame, full: pd.DataFrame, form, rule: str) -> pd.DataFrame:
    """(source, target, rule) rows: each name whose key is ``form`` of a ``full`` name of the same label."""
    forms = pd.DataFrame([(name, f) for name in full["canonical"].unique() for f in as_list(form(name))],
                         columns=["canonical", "form"], dtype="string")
    if forms.empty:
        return no_candidates()
    targets = full[["label", "canonical"]].assign(target=full.index).merge(forms, on="canonical")
    pairs = targets.assign(key=fold(targets["form"]))[["label", "key", "target"]].merge(
        names[["label", "key"]].assign(source=names.index), on=["label", "key"])
    return pairs.loc[pairs["source"] != pairs["target"], ["source", "target"]].assign(rule=rule)


def acronym_candidates(names: pd.DataFrame) -> pd.DataFrame:
    """(source, target, rule) rows: acronyms and the multi-word names of the same label they abbreviate."""
    full = names[(names["label"] != "PER") & (names["words"] > 1)]
    pairs = candidates_by_form(names, full, acronym_forms, "acronym")
    written_as_acronym = per_value(names["canonical"], is_acronym).astype(bool)
    return pairs[written_as_acronym.reindex(pairs["source"]).to_numpy()]


def place_candidates(names: pd.DataFrame) -> pd.DataFrame:
    """(source, target, rule) rows: place names of one GeoNames place, each to the place's preferred name
    (its Dutch name when that is among them, else the one with the most mentions)."""
    places = names[names["label"] == "LOC"]

    def official_id(name: str) -> int | None:
        place = lookup_place_nl(name)
        return place.geonames_id if place is not None and is_official_name(name, place) else None

    gid = per_value(places["canonical"], official_id)
    places = places.assign(gid=gid.astype("Int64")).dropna(subset=["gid"])
    places = places[places.groupby("gid")["key"].transform("nunique") > 1]
    if places.empty:
        return no_candidates()
    dutch = places["gid"].map(lambda g: place_key(dutch_names().get(int(g), "")))
    preferred = places.assign(dutch=(per_value(places["canonical"], place_key) == dutch).astype(int), idx=places.index)
    preferred = preferred.sort_values(["gid", "dutch", "mentions", "canonical"], ascending=[True, False, False, True])
    target = preferred.drop_duplicates("gid").set_index("gid")["idx"]
    pairs = pd.DataFrame({"source": places.index, "target": places["gid"].map(target).to_numpy()})
    return pairs[pairs["source"] != pairs["target"]].assign(rule="place")


def supported(candidates: pd.DataFrame, names: pd.DataFrame, attested: pd.DataFrame) -> pd.DataFrame:
    """The candidates the corpus supports.

    An article that joins the two names attests a pair. Otherwise the full name must occur in two
    documents or more; a head must not be more frequent alone than its full name ("Eerste Kamer" is no
    short form of a one-off "Eerste Kamer van Algerije"); a surname must not be a first name in the
    corpus ("Kim" of "Kim Jong-un", "Henk" of "Henk Krol").
    """
    first_names = names.loc[(names["label"] == "PER") & (names["words"] > 1), "canonical"].str.split(" ").str[0]
    first_keys = set(fold(first_names))
    cands = candidates.assign(
        source_key=names["key"].reindex(candidates["source"]).to_numpy(),
        target_key=names["key"].reindex(candidates["target"]).to_numpy(),
        source_mentions=names["mentions"].reindex(candidates["source"]).to_numpy(),
        target_mentions=names["mentions"].reindex(candidates["target"]).to_numpy(),
        target_documents=names["documents"].reindex(candidates["target"]).to_numpy(),
    ).merge(attested, on=["source_key", "target_key"], how="left")
    attested_pair = cands["attested"].fillna(False).astype(bool)
    alias_rule = cands["rule"].isin(["acronym", "surname", "short form"])
    weak = alias_rule & (cands["target_documents"] < 2)
    weak |= (cands["rule"] == "short form") & (cands["target_mentions"] < cands["source_mentions"])
    weak |= (cands["rule"] == "surname") & cands["source_key"].isin(first_keys)
    return cands.loc[attested_pair | ~weak, ["source", "target", "rule"]]


def choose_links(candidates: pd.DataFrame, names: pd.DataFrame) -> tuple[pd.DataFrame, pd.Series]:
    """The link of each source whose candidates one name dominates, and the candidate count of the others."""
    if candidates.empty:
        return candidates, pd.Series(dtype="int64")
    cands = candidates.drop_duplicates(["source", "target"]).assign(
        weight=lambda f: names["mentions"].reindex(f["target"]).to_numpy(),
        order=lambda f: f["rule"].map({rule: i for i, rule in enumerate(LINK_RULES)}),
    )
    first_rule = cands.groupby("source")["order"].transform("min")
    cands = cands[cands["order"] == first_rule]
    group = cands.groupby("source")["weight"]
    cands = cands.assign(total=group.transform("sum"), n=group.transform("size"))
    best = cands.sort_values(["source", "weight", "target"], ascending=[True, False, True]).drop_duplicates("source")
    dominant = best["weight"] >= DOMINANT_SHARE * best["total"]
    ambiguous = best.loc[~dominant].set_index("source")["n"]
    return best.loc[dominant, ["source", "target", "rule"]], ambiguous


def components(n: int, links: pd.DataFrame) -> np.ndarray:
    """Connected-component id (the smallest member index) of each of ``n`` names joined by ``links``."""
    component = np.arange(n)
    source, target = links["source"].to_numpy(dtype="int64"), links["target"].to_numpy(dtype="int64")
    for _ in range(MAX_HOPS):
        joined = np.minimum(component[source], component[target])
        updated = component.copy()
        np.minimum.at(updated, source, joined)
        np.minimum.at(updated, target, joined)
        updated = updated[updated]  # jump to the component of the component
        if np.array_equal(updated, component):
            break
        component = updated
    return component


def corpus_labels(docs: pd.DataFrame) -> pd.DataFrame:
    """``docs`` with the label the corpus voted for each name (``voted``) and the one each document
    entity takes (``corpus_label``): the vote, unless its context or compounds only decide."""
    voted = docs["key"].map(voted_labels(docs))
    fixed = docs["context"] | (docs["weight"] == 0) | voted.isna()
    return docs.assign(voted=voted, corpus_label=docs["label"].where(fixed, voted).astype("string"))


def alias_links(names: pd.DataFrame, mentions: pd.DataFrame) -> tuple[pd.DataFrame, pd.Series]:
    """The (source, target, rule) links between names, and the candidate count of ambiguous names."""
    person = names[(names["label"] == "PER") & (names["words"] > 1)]
    headed = names[names["label"].isin(["ORG", "LOC"]) & (names["words"] > 2)]
    singular = names[(names["label"] == "MISC") & (names["words"] == 1)]
    candidates = pd.concat([
        acronym_candidates(names),
        candidates_by_form(names, person, surname_form, "surname"),
        candidates_by_form(names, headed, leading_form, "short form"),
        candidates_by_form(names, singular, plural_forms, "plural"),
        place_candidates(names),
    ], ignore_index=True)
    return choose_links(supported(candidates, names, attested_pairs(mentions)), names)


def corpus_names(names: pd.DataFrame, links: pd.DataFrame, ambiguous: pd.Series) -> pd.DataFrame:
    """``names`` with their corpus entity: the names joined by links are one, named after the member
    no link leaves (the full name, the expansion, the singular), the most mentioned if several."""
    component = pd.Series(components(len(names), links), index=names.index)
    rule = pd.Series("", index=names.index, dtype="string")
    rule.loc[links["source"].to_numpy()] = links["rule"].to_numpy()
    members = names.assign(component=component, linked=(rule != "").astype(int))
    head = members.sort_values(["component", "linked", "mentions", "canonical"], ascending=[True, True, False, True])
    head = head.drop_duplicates("component").set_index("component")
    label, canonical = component.map(head["label"]), component.map(head["canonical"])
    return names.assign(
        corpus_label=label,
        corpus_canonical=canonical,
        corpus_id=per_value(label + "\x1f" + canonical, lambda pair: entity_id(*pair.split("\x1f", 1))),
        rule=rule,
        ambiguous=ambiguous.reindex(names.index).fillna(0).astype("int64"),
    )


def document_links(docs: pd.DataFrame, names: pd.DataFrame) -> pd.DataFrame:
    """The corpus entity of each document entity, with the rule that linked it: an alias rule, ``label``
    (relabelled by the vote), ``context`` (kept its label against the vote) or empty."""
    linked = docs.merge(names[["label", "key", "corpus_id", "corpus_canonical", "rule"]],
                        left_on=["corpus_label", "key"], right_on=["label", "key"], suffixes=("", "_name"))
    unlinked = linked["rule"] == ""
    overruled = linked["context"] & (linked["voted"] != linked["label"]).fillna(False)
    rule = linked["rule"].mask(unlinked & (linked["corpus_label"] != linked["label"]), "label")
    linked["rule"] = rule.mask(unlinked & overruled, "context")
    return linked[["doc_id", "entity_id", "corpus_id", "corpus_label", "corpus_canonical", "rule"]]


def resolve_entities(entities: pd.DataFrame) -> Resolution:
    """Resolve the document-level entities of ``entities`` into corpus entities."""
    if entities.empty:
        corpus = pd.DataFrame({"corpus_id": [], "label": [], "canonical": [], "ambiguous": []})
        return Resolution(empty_frame("entity_links"), corpus.astype({"ambiguous": "int64"}))
    mentions = mention_frame(entities)
    docs = corpus_labels(document_entities(mentions))
    names = name_table(docs.drop(columns="label").rename(columns={"corpus_label": "label"}))
    names = corpus_names(names, *alias_links(names, mentions))
    corpus = names.groupby("corpus_id", as_index=False).agg(
        label=("corpus_label", "first"), canonical=("corpus_canonical", "first"), ambiguous=("ambiguous", "max"))
    return Resolution(document_links(docs, names).reset_index(drop=True), corpus)
