"""People, organisations and places in one article: names, titles, aliases and coreference.

The small spaCy model mislabels names ("Trump" as ORG about a third of the time), cuts
particle names ("Ursula von der" + "Leyen") and tags places as people ("Kyiv"). This
module repairs name boundaries on the token level, propagates a name's PERSON reading
across the article, splits titles off, and resolves surnames, pronouns and role
descriptions ("the Russian leader", "the two envoys") to the fullest name in the article.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tracker.keys import person_key
from tracker.rules.names import (
    ABBREVIATED_GIVEN_NAMES,
    FAMILY_NAME_FIRST,
    GIVEN_NAME_TITLES,
    HONORIFIC_GENDER,
    HYPHEN_NOT_GIVEN,
    NON_NAME_WORDS,
)
from tracker.rules.nationality import COUNTRY_OF_WORD, KNOWN_OFFICES, KNOWN_PEOPLE
from tracker.rules.titles import (
    CORPORATE_SUFFIXES,
    GROUP_NOUNS,
    HONORIFIC_LEADS,
    HONORIFIC_SEQUELS,
    NAME_PARTICLES,
    NAME_PREFIXES,
    NOT_NAMES,
    PRONOUNS,
    ROLE_NOUNS,
    ROLE_SYNONYMS,
    ROYAL_TITLES,
    STYLE_NOUNS,
    SUBORDINATE_RANKS,
    TITLE_WORDS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["ArticlePeople", "PersonEntity", "find_people", "person_key"]

_PLACE_LABELS = {"GPE", "LOC", "FAC"}
# titles held only by people, so the capitalised words after them are a person's name
_PERSONAL_TITLES = frozenset(
    """president minister secretary envoy spokesman spokeswoman spokesperson ambassador
    chancellor senator governor adviser advisor aide negotiator commissioner chairman
    chairwoman chairperson premier mr. mrs. ms. dr. mr mrs ms dr""".split()
)
_ORG_LABELS = {"ORG"}
# last words of the names of buildings and sites, which are never a person's
_FACILITY_ENDS = {
    (w,)
    for w in """base airport airbase station stadium cathedral mosque embassy consulate
    harbour harbor""".split()
}
# ... and so is one whose first word names the building: "Qasr Al Watan" (a palace)
_FACILITY_STARTS = {(w,) for w in ("qasr", "palacio", "palazzo", "schloss", "chateau")}
_NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "both": 2
}
_PLACE_PREPS = {"in", "at", "from", "to", "near", "into", "across", "outside", "toward"}


@dataclass(frozen=True)
class PersonEntity:
    """One person, organisation or place of an article, named by its fullest form."""

    name: str
    kind: str  # person | org | place
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()


_PAST_HOLDER = frozenset({"then", "former", "ex", "late"})


def _past_holder(doc: Doc, i: int) -> bool:
    """A mention as the role's past holder ("then-president Joko Widodo", "former prime
    minister X"): not one of "the two leaders" of today's story."""
    j = i - 1
    while j >= 0 and j >= i - 6 and (doc[j].is_alpha or doc[j].text == "-"):
        if doc[j].lower_ in _PAST_HOLDER:
            return True
        j -= 1
    return False


def _mislabelled_given(tok: Token) -> bool:
    """A given name the model took for a place or a body, in a person's slot ("which Prabowo
    signed", "after Sjafrie held talks", "spoke by telephone to Hun Manet and then to
    Phumtham"); a country's own name never is one."""
    return (
        tok.ent_type_ in ("GPE", "ORG")
        and tok.dep_ in ("nsubj", "nsubjpass", "pobj", "dobj", "conj")
        and _fold(tok.text) not in COUNTRY_OF_WORD
    )


def _fold(text: str) -> str:
    return person_key(text)


@dataclass
class _Draft:
    kind: str
    forms: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    role_words: set[str] = field(default_factory=set)
    owners: set[str] = field(default_factory=set)  # "trump" for "Trump's special envoy"
    countries: set[str] = field(default_factory=set)  # "russia" for "Russian President X"
    first: int = 10**9


class ArticlePeople:
    """Entities of one article and which tokens refer to which entity."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.entities: list[PersonEntity] = []
        self._token_entity: dict[int, int] = {}  # name tokens, pronouns, descriptions
        self._groups: dict[int, tuple[int, ...]] = {}  # "the two envoys" -> entities
        self.name_spans: list[tuple[int, int, int]] = []  # token start, end, entity

    # -- lookups used by events.py ------------------------------------------------------
    def entity(self, idx: int) -> PersonEntity:
        return self.entities[idx]

    def resolve(self, token: Token) -> tuple[int, ...]:
        """Entities a token stands for: its name, its appositive name, pronoun or group."""
        i = token.i
        if i in self._token_entity:
            return (self._token_entity[i],)
        if i in self._groups:
            return self._groups[i]
        for child in token.children:
            if child.dep_ in ("appos", "compound") and child.i in self._token_entity:
                return (self._token_entity[child.i],)
        return ()

    def stranded_before(self, token: Token) -> tuple[int, ...]:
        """Names coordinated before a subject that the parser cut off ("Bessent and He
        first met": "Bessent" parsed as a separate root): the entities to add."""
        doc = self.doc
        j = token.left_edge.i
        out: list[int] = []
        while j >= 2 and doc[j - 1].lower_ in ("and", "&", ","):
            k = j - 2
            if k not in self._token_entity:
                break
            name = doc[k]
            if name.dep_ not in ("ROOT", "dep", "npadvmod", "amod") or name.head.i > token.i:
                break
            while k - 1 >= 0 and self._token_entity.get(k - 1) == self._token_entity[k]:
                k -= 1
            out.append(self._token_entity[j - 2])
            j = k
        return tuple(reversed(out))

    def is_name_token(self, token: Token) -> bool:
        return token.i in self._token_entity and token.pos_ not in ("PRON", "NOUN")

    def mention_tokens(self, start: int, end: int) -> list[int]:
        return [i for i in range(start, end) if i in self._token_entity or i in self._groups]


# ----------------------------------------------------------------------------------------
def _is_cap(tok: Token) -> bool:
    t = tok.text
    return bool(t) and t[0].isupper() and any(c.isalpha() for c in t)


def _is_title(tok: Token) -> bool:
    low = tok.text.casefold().rstrip(",")
    if low in TITLE_WORDS:
        return True
    doc, i = tok.doc, tok.i
    if low in HONORIFIC_SEQUELS:  # "Datuk Seri", "Dato' Sri", "Tan Sri"
        return i > 0 and doc[i - 1].lower_ in HONORIFIC_LEADS
    if low == "tan" or low == "'":  # "Tan Sri", the apostrophe of "Dato' Sri"
        return i + 1 < len(doc) and doc[i + 1].lower_ in HONORIFIC_SEQUELS
    if low in ("his", "her"):  # "His Highness Sheikh Mohamed"
        return i + 1 < len(doc) and doc[i + 1].lower_ in STYLE_NOUNS
    return False


def _particle_run_end(doc: Doc, i: int, limit: int) -> int | None:
    """If doc[i] starts 'von der Leyen' / 'el-Sissi' / 'do Lago', the index after it."""
    j = i
    seen = False
    while j < limit and (doc[j].lower_ in NAME_PARTICLES or doc[j].text in ("-", "‑")):
        seen = seen or doc[j].lower_ in NAME_PARTICLES
        j += 1
    if seen and j < limit and _is_cap(doc[j]) and doc[j].is_alpha:
        return j + 1
    return None


def _hyphen_tail_end(doc: Doc, i: int, limit: int, lower_only: bool = False) -> int | None:
    """If doc[i] is a hyphen joining the name part before it to a given-name part ("Han-koo",
    "Jong-un", "Willem-Alexander"), the index after that part; never "Trump-era"."""
    if i + 1 >= limit or i == 0 or doc[i].text not in ("-", "‑"):
        return None
    before, tail = doc[i - 1], doc[i + 1]
    if doc[i].whitespace_ or before.whitespace_ or not tail.is_alpha or not _is_cap(before):
        return None
    if tail.is_lower:
        ok = len(tail.text) <= 6 and len(before.text) <= 6 and tail.lower_ not in HYPHEN_NOT_GIVEN
    else:
        ok = not lower_only and _is_cap(tail) and tail.pos_ == "PROPN"
    if not ok or (i + 2 < limit and doc[i + 2].text in ("-", "‑") and not tail.whitespace_):
        return None  # "Kim-Trump-style", "anti-Kim-led": a compound, not a name
    return i + 2


def _name_like(tok: Token, norp: bool = False) -> bool:
    """A capitalised word that may be part of a name; norp: even if tagged a nationality."""
    return (
        _is_cap(tok)
        and tok.pos_ in ("PROPN", "NOUN", "ADJ", "X", "AUX", "VERB")
        and tok.lower_ not in NOT_NAMES
        and not _is_title(tok)
        and tok.ent_type_ not in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT")
        and (norp or tok.ent_type_ != "NORP")
        and tok.text not in ("'s", "’s")
    )


def _surname_taken_for_place(doc: Doc, start: int, end: int, sent_end: int) -> bool:
    """After a titled name of two or more tokens, a lone capitalised word the model labelled
    a place or an organisation, followed by no other name word, ends the name."""
    if end >= sent_end or end - start < 2 or start == 0:
        return False
    tok, before = doc[end], doc[start - 1]
    if not (_is_title(before) or before.lower_ in ROLE_NOUNS):
        return False
    nxt = doc[end + 1] if end + 1 < sent_end else None
    return (
        tok.pos_ == "PROPN"
        and tok.is_alpha
        and _is_cap(tok)
        and tok.ent_type_ in ("GPE", "ORG")
        and tok.ent_iob_ == "B"
        and (nxt is None or (nxt.ent_iob_ != "I" and nxt.pos_ != "PROPN"))
        and not countries_in(tok.text)
        and tok.lower_ not in NOT_NAMES
    )


def _abbreviated_given_end(doc: Doc, i: int, limit: int) -> int | None:
    """If doc[i] starts an abbreviated given name followed by another name word ("Ma." of
    "Ma. Theresa Lazaro", "Md." of "Md. Touhid Hossain"), the index of that name word."""
    tok = doc[i]
    if not _is_cap(tok) or tok.lower_.rstrip(".") not in ABBREVIATED_GIVEN_NAMES:
        return None
    if i > 0 and doc[i - 1].ent_type_ == "PERSON" and _is_cap(doc[i - 1]):
        return None  # "Jack Ma." ending a sentence: a surname, not an abbreviation
    j = i + 1
    if not tok.text.endswith("."):
        if j >= limit or doc[j].text != "." or tok.whitespace_:
            return None
        j += 1
    if j < limit and _is_cap(doc[j]) and doc[j].is_alpha and doc[j].pos_ == "PROPN":
        return j
    return None


def _repair(doc: Doc, start: int, end: int, sent_start: int, sent_end: int) -> tuple[int, int]:
    """Grow a PERSON span over particles and name tokens the model cut off."""
    if end - start == 1:
        # the parser often ends a sentence at the abbreviation's full stop, so look past it
        nxt = _abbreviated_given_end(doc, start, len(doc))
        if nxt is not None:
            end = nxt + 1  # "Ma" tagged alone before "Theresa Lazaro"
            sent_end = max(sent_end, doc[nxt].sent.end)
    while end < sent_end:
        nxt = _particle_run_end(doc, end, sent_end)
        if nxt is not None:
            end = nxt
            continue
        nxt = _hyphen_tail_end(doc, end, sent_end, lower_only=True)
        if nxt is not None and end - start >= 2:
            end = nxt  # "Moon Jae" + "-in": a hyphenated given name the model cut off
            continue
        tok = doc[end]
        if (
            _name_like(tok)
            and tok.ent_type_ in ("", "PERSON", "ORG", "GPE")
            and (tok.ent_type_ in ("", "PERSON") or doc[end - 1].lower_ in NAME_PARTICLES)
        ):
            if tok.pos_ in ("PROPN", "X"):
                end += 1
                continue
        if _surname_taken_for_place(doc, start, end, sent_end):
            end += 1  # "Foreign Minister Amir Khan Muttaqi" with "Muttaqi" labelled GPE
        break
    for k in (start - 1, start - 2):
        # "Md." before "Touhid Hossain", even where the parser ended a sentence at its stop
        if k >= 0 and _abbreviated_given_end(doc, k, len(doc)) == start:
            return k, end
    while start > sent_start:
        prev = doc[start - 1]
        if prev.lower_ in NAME_PARTICLES and start - 2 >= sent_start and _is_cap(doc[start - 2]):
            start -= 1
            continue
        if _name_like(prev) and prev.pos_ == "PROPN" and prev.ent_type_ in ("", "PERSON"):
            start -= 1
            continue
        break
    return start, end


_QUESTION_AUX = frozenset({"will", "can", "could", "would", "should", "did", "does", "do"})


def _strip(doc: Doc, start: int, end: int) -> tuple[int, int, int]:
    """Split titles off the front and a possessive or an adjective's hyphen ("Narendra
    Modi-" of "Modi-led", "Donald Trump-era") off the end: (title_start, start, end)."""
    while start < end and doc[start].is_punct:  # "--- Geraldine Brooks" tagged whole
        start += 1
    if end - start >= 2 and doc[start].is_sent_start and doc[start].lower_ in _QUESTION_AUX:
        start += 1  # "Will Carney and Trump meet again?": a question, not "Will Carney"
    title_start = start
    while end > start and doc[end - 1].text in ("'s", "’s", "'", "’", ",", ".", "-", "‑"):
        end -= 1
    if (
        end - start >= 3
        and doc[end - 1].lower_ in HYPHEN_NOT_GIVEN
        and doc[end - 2].text in ("-", "‑")
    ):
        end -= 2  # "Donald Trump-era" tagged PERSON
    while start < end - 1 and (
        _is_title(doc[start])
        or doc[start].lower_ in ROLE_NOUNS  # "Historian Benjamin Stora" tagged whole
        or (
            doc[start].lower_ in NOT_NAMES
            and not (doc[start].pos_ == "PROPN" and doc[start].ent_type_ == "PERSON")
        )
    ):
        start += 1
    if start < end and _is_title(doc[start]) and end - start == 1:
        start = end
    return title_start, start, end


def _title_before(doc: Doc, start: int, sent_start: int) -> tuple[str, set[str], set[str]]:
    """The title phrase right before a name: ("special envoy", {"envoy"}, {"trump"})."""
    j = start
    while j > sent_start:
        tok = doc[j - 1]
        low = tok.text.casefold()
        if (
            _is_title(tok)
            or low in ROLE_NOUNS
            or (
                tok.pos_ in ("ADJ", "NOUN", "PROPN")
                and tok.dep_ in ("amod", "compound", "nmod")
                and tok.head.i > tok.i
                and tok.ent_type_ not in ("PERSON",)
            )
        ):
            j -= 1
            continue
        break
    owners: set[str] = set()
    if j - 2 >= sent_start and doc[j - 1].text in ("'s", "’s"):
        owners.add(_fold(doc[j - 2].text))
    words = [t.text for t in doc[j:start]]
    roles = {w.casefold() for w in words if w.casefold() in ROLE_NOUNS | TITLE_WORDS}
    return " ".join(words), roles, owners


def _is_role(tok: Token) -> bool:
    return tok.lower_ in ROLE_NOUNS or _is_title(tok)


def _titled_name(doc: Doc, i: int, sent_start: int, sent_end: int, taken: set[int]) -> int | None:
    """End of a name of two or more capitalised words right after a title or role, whatever
    the model's label: "Defence Minister Rustem Umerov" (tagged ORG), "Vice-Premier He
    Lifeng", and the appositive "South Korea's trade minister, Yeo Han-koo," ("Han" tagged
    NORP, "Han-koo" split by the tokenizer). None when there is no such name."""
    prev = doc[i - 1]
    appositive = False
    if (
        prev.lower_ == "elect"
        and i - 3 >= sent_start
        and doc[i - 2].text in ("-", "‑")
        and _is_role(doc[i - 3])
    ):
        prev = doc[i - 3]  # "President-elect Netumbo Nandi-Ndaitwah"
    if prev.text == "," and i - 2 >= sent_start and _is_role(doc[i - 2]):
        appositive, prev = True, doc[i - 2]
    elif not _is_role(prev):
        return None
    # "Defence Minister Rustem Umerov" tagged ORG: a personal title decides
    labels = {"", "PERSON", "NORP"}
    # and so does an appositive closed by punctuation ("commissioner, Dmytro Lubinets,")
    if prev.lower_ in _PERSONAL_TITLES:
        labels.update(("ORG", "FAC"))
    e = i
    norp = 0
    while e < sent_end and e not in taken:
        tok = doc[e]
        if not (tok.pos_ == "PROPN" and tok.ent_type_ in labels):
            break
        if not _name_like(tok, norp=True):
            # "Vice-Premier He Lifeng": a pronoun or month word capitalised mid-sentence
            # opens a name only when another name word follows
            nxt = doc[e + 1] if e + 1 < sent_end else None
            if not (
                e == i
                and tok.lower_ in NOT_NAMES
                and tok.ent_type_ in ("", "PERSON")
                and _is_cap(tok)
                and nxt is not None
                and nxt.pos_ == "PROPN"
                and _name_like(nxt)
            ):
                break
        norp += tok.ent_type_ == "NORP"
        e += 1
        # a hyphenated given name the tokenizer split: "King Willem-Alexander", "Han-koo"
        tail = _hyphen_tail_end(doc, e, sent_end)
        if tail is not None:
            e = tail
    if e - i < 2 or (e < sent_end and doc[e].pos_ == "PROPN"):
        return None
    if appositive:
        # the name must be the role's apposition, closed by punctuation
        last = doc[e - 1]
        if last.dep_ != "appos" or last.head.i != prev.i:
            return None
        if e < sent_end and not doc[e].is_punct:
            return None
    elif norp and norp == sum(1 for k in range(i, e) if doc[k].is_alpha):
        return None  # "President Chinese ...": nationality words alone are no name
    return e


def _who_name(doc: Doc, i: int, sent_end: int, taken: set[int]) -> int | None:
    """End of an untagged two- or three-word name opening a sentence and followed by
    ", who": "Rustem Umerov, who was appointed secretary in July, said ..." (the model
    gave it no label). None otherwise."""
    e = i
    while e < sent_end and e - i < 3 and e not in taken:
        tok = doc[e]
        if not (tok.pos_ == "PROPN" and tok.ent_type_ in ("", "PERSON") and _name_like(tok)):
            break
        if tok.lower_ in NOT_NAMES or tok.lower_ in TITLE_WORDS:
            return None
        e += 1
    if e - i < 2 or e + 1 >= sent_end:
        return None
    if doc[e].text != "," or doc[e + 1].lower_ != "who":
        return None
    return e


def find_people(doc: Doc) -> ArticlePeople:
    """People, organisations and places of an article, with titles split off and
    surnames, pronouns and role descriptions resolved to the fullest name."""
    ap = ArticlePeople(doc)
    sent_of: dict[int, Span] = {}
    for sent in doc.sents:
        for tk in sent:
            sent_of[tk.i] = sent

    # 1. name spans from NER PERSON, repaired and stripped of titles
    raw: list[tuple[int, int, int]] = []  # (title_start, start, end)
    taken: set[int] = set()
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        sent = sent_of[ent.start]
        s, e = _repair(doc, ent.start, ent.end, sent.start, sent.end)
        ts, s, e = _strip(doc, s, e)
        if s >= e or any(i in taken for i in range(s, e)):
            continue
        if _prefixed(doc, s):
            continue  # "Anti-Castro demonstrators"
        if all(doc[i].lower_ in NOT_NAMES or not _is_cap(doc[i]) for i in range(s, e)):
            continue
        if any(doc[i].lower_ in NON_NAME_WORDS for i in range(ent.start, ent.end)):
            continue  # "World War III"
        raw.append((ts, s, e))
        taken.update(range(s, e))

    for sent in doc.sents:
        for i in range(sent.start + 1, sent.end - 1):
            if i in taken:
                continue
            span = _titled_name(doc, i, sent.start, sent.end, taken)
            if span is not None:
                raw.append((i, i, span))
                taken.update(range(i, span))
        span = _who_name(doc, sent.start, sent.end, taken)
        if span is not None:
            raw.append((sent.start, sent.start, span))
            taken.update(range(sent.start, span))

    # each token's folded name parts, once: spans are folded many times while matching
    parts = [tuple(_fold(t.text).split()) for t in doc]

    def toks(s: int, e: int) -> tuple[str, ...]:
        if e - s == 1:
            return parts[s]
        out: list[str] = []
        for i in range(s, e):
            out.extend(parts[i])
        return tuple(out)

    # a country is never a person, whatever the model says ("Solomon Islands Prime Minister"),
    # nor is a named building or site ("Manuel Kasiepo Air Force Base")
    raw = [
        r
        for r in raw
        if " ".join(toks(r[1], r[2])) not in COUNTRY_OF_WORD
        and not (r[2] - r[1] > 2 and toks(r[2] - 1, r[2])[-1:] in _FACILITY_ENDS)
        and not (r[2] - r[1] > 1 and toks(r[1], r[2])[:1] in _FACILITY_STARTS)
    ]

    # 2. full names: multi-token forms, merged when one is a contiguous part of another
    multi = sorted(
        {toks(s, e) for _, s, e in raw if len(toks(s, e)) >= 2}, key=lambda f: (-len(f), f)
    )  # deterministic: the same article always gives the same entities
    full: list[tuple[str, ...]] = []
    for form in multi:
        containers = [f for f in full if _contains(f, form)]
        if not containers:
            full.append(form)

    def surname_forms(f: tuple[str, ...]) -> set[tuple[str, ...]]:
        out = {f[-1:]}
        if f[0] in FAMILY_NAME_FIRST and len(f) <= 3:
            out.add(f[:1])  # "Wang Yi" -> "Wang"
        k = len(f) - 1
        while k > 0 and f[k - 1] in NAME_PARTICLES:
            k -= 1
            out.add(f[k:])
        return out

    # 3. propagation: find every further occurrence of a known full name or surname,
    #    whatever label the model gave it
    known: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for fi, f in enumerate(full):
        known[f].append(fi)
        for sf in surname_forms(f):
            if fi not in known[sf]:
                known[sf].append(fi)
    for fi, f in enumerate(full):
        if f[0] in NOT_NAMES or f[0] in PRONOUNS:
            known.setdefault(f[:1], []).append(fi)  # "Bessent and He first met"
    # a given name used alone, as Thai and Indonesian reports do ("Anutin" for Anutin
    # Charnvirakul): only when one full name starts with it and nothing else is so called
    given_only: set[tuple[str, ...]] = set()
    starts = defaultdict(list)
    for fi, f in enumerate(full):
        if len(f) >= 2 and f[0] not in NAME_PARTICLES and len(f[0]) > 2:
            starts[f[:1]].append(fi)
    for g, fis in starts.items():
        if len(fis) == 1 and g not in known and g[0] not in NOT_NAMES and g[0] not in PRONOUNS:
            known[g].append(fis[0])
            given_only.add(g)
    # a single word the model itself tagged as a name and that only one full name holds
    # ("Lula" of Luiz Inácio Lula da Silva): the article's own short form, wherever it recurs
    for _ts, s, e in raw:
        t = toks(s, e)
        if len(t) != 1 or t in known or t[0] in NAME_PARTICLES or len(t[0]) < 3:
            continue
        if t[0] in NOT_NAMES or t[0] in PRONOUNS or doc[s].ent_type_ != "PERSON":
            continue
        holders = [fi for fi, f in enumerate(full) if len(f) >= 2 and t[0] in f]
        if len(holders) == 1:
            known[t].append(holders[0])
    max_len = max((len(k) for k in known), default=0)
    for sent in doc.sents:
        i = sent.start
        while i < sent.end:
            if i in taken or not _is_cap(doc[i]) and doc[i].lower_ not in NAME_PARTICLES:
                i += 1
                continue
            if _prefixed(doc, i):
                i += 1
                continue
            hit = None
            for n in range(min(max_len + 3, sent.end - i), 0, -1):
                e = i + n
                if any(j in taken for j in range(i, e)):
                    continue
                t = toks(i, e)
                if len(t) == 1 and t[0] in NOT_NAMES and (i == sent.start or doc[i - 1].is_punct):
                    continue
                if n == 1 and t[0] in PRONOUNS and not _midsentence_capital(doc, i, sent.start):
                    continue
                if (
                    t in given_only
                    and doc[i].ent_type_ not in ("", "PERSON")
                    and not _mislabelled_given(doc[i])
                ):
                    continue  # "Israel" is the country, not Israel Katz
                if t in known and _is_cap(doc[e - 1]):
                    hit = e
                    break
            if hit is None and i > sent.start and doc[i - 1].lower_ in GIVEN_NAME_TITLES:
                given = [f for f in full if len(f) >= 2 and f[0] == _fold(doc[i].text)]
                if len(given) == 1:
                    hit = i + 1  # "Sir Keir" after "Keir Starmer"
            if hit is not None:
                s0 = i
                t_hit = toks(i, hit)
                if t_hit not in full and i > sent.start and i - 1 not in taken:
                    prev = doc[i - 1]
                    if _name_like(prev) and prev.pos_ == "PROPN" and i - 1 >= sent.start:
                        s0 = i - 1  # "Marina Silva" is not "Luiz Inácio Lula da Silva"
                raw.append((s0, s0, hit))
                taken.update(range(s0, hit))
                i = hit
            else:
                i += 1
    raw.sort(key=lambda r: r[1])

    # 4. assign every span to an entity; singles to the nearest full name containing them
    drafts: list[_Draft] = []
    full_idx: dict[tuple[str, ...], int] = {}
    for f in full:
        full_idx[f] = len(drafts)
        drafts.append(_Draft("person"))
    last_seen: dict[int, int] = {}
    pending: list[tuple[int, int, int, tuple[int, ...]]] = []
    for ts, s, e in raw:
        t = toks(s, e)
        cands = [full_idx[f] for f in full if _contains(f, t)]
        if len(t) == 1 and s > 0 and doc[s - 1].lower_ in ROYAL_TITLES | GIVEN_NAME_TITLES:
            # "King Hussein": a regnal name matches a full name only as its first name
            cands = [full_idx[f] for f in full if f[0] == t[0] and len(f) > 1 and f != t]
        if len(cands) == 1:
            _add_span(ap, drafts, cands[0], doc, ts, s, e, sent_of)
            last_seen[cands[0]] = s
        elif cands:
            pending.append((ts, s, e, tuple(cands)))
        else:
            if not _keep_single(doc, s, e, sent_of):
                continue
            key = t
            if key not in full_idx:
                full_idx[key] = len(drafts)
                full.append(key)
                drafts.append(_Draft("person"))
            _add_span(ap, drafts, full_idx[key], doc, ts, s, e, sent_of)
    # ambiguous singles ("Kim", "Bolsonaro", "Mr Trump"): see _pick_homonym
    occurrences: dict[int, list[int]] = defaultdict(list)
    for s, _e, idx in ap.name_spans:
        occurrences[idx].append(s)
    sticky: dict[tuple[str, ...], int] = {}
    for ts, s, e, options in pending:
        best = _pick_homonym(doc, drafts, occurrences, sticky, ts, s, e, options, sent_of)
        sticky[toks(s, e)] = best
        occurrences[best].append(s)
        _add_span(ap, drafts, best, doc, ts, s, e, sent_of)

    _companies_to_orgs(doc, drafts, full)

    # 5. organisations and places (kept as actors, never persons)
    for ent in doc.ents:
        if ent.label_ not in _PLACE_LABELS | _ORG_LABELS:
            continue
        if any(i in ap._token_entity for i in range(ent.start, ent.end)):
            continue
        s, e = ent.start, ent.end
        while s < e and doc[s].lower_ in ("the",):
            s += 1
        while e > s and doc[e - 1].text in ("'s", "’s"):
            e -= 1
        if s >= e:
            continue
        key = ("#", *toks(s, e))
        if key not in full_idx:
            full_idx[key] = len(drafts)
            full.append(key)
            drafts.append(_Draft("place" if ent.label_ in _PLACE_LABELS else "org"))
        idx = full_idx[key]
        drafts[idx].forms.append(doc[s:e].text)
        drafts[idx].first = min(drafts[idx].first, s)
        for i in range(s, e):
            ap._token_entity[i] = idx
        ap.name_spans.append((s, e, idx))

    # 6. finalize entities
    for d, key in zip(drafts, full, strict=False):
        if d.kind == "person":
            d.countries |= countries_in(" ".join([*d.titles, *d.owners, *d.role_words]))
            if not d.countries and " ".join(key) in KNOWN_PEOPLE:
                d.countries.add(KNOWN_PEOPLE[" ".join(key)])
            office = KNOWN_OFFICES.get(" ".join(key))
            if office and not d.role_words & ROLE_NOUNS:
                d.role_words |= set(office.split())  # "the prime minister": Keir Starmer
    for d in drafts:
        forms = sorted(set(d.forms), key=lambda f: (-len(f.split()), -len(f), f))
        name = forms[0] if forms else ""
        aliases = tuple(f for f in forms[1:] if person_key(f) != person_key(name))
        titles = tuple(dict.fromkeys(t for t in d.titles if t))
        ap.entities.append(PersonEntity(name, d.kind, aliases, titles))
    ap.name_spans.sort()

    _resolve_references(ap, drafts, sent_of)
    return ap


def _mention_gender(doc: Doc, ts: int, s: int) -> str | None:
    """Gender an honorific before a mention fixes: "Mr Trump" -> "m", "Mrs Trump" -> "f"."""
    for i in range(max(0, min(ts, s - 1)), s):
        g = HONORIFIC_GENDER.get(doc[i].lower_)
        if g:
            return g
    return None


def _draft_gender(d: _Draft) -> str | None:
    if d.role_words & _FEMININE:
        return "f"
    if d.role_words & _MASCULINE:
        return "m"
    return None


def _pick_homonym(
    doc: Doc,
    drafts: list[_Draft],
    occurrences: dict[int, list[int]],
    sticky: dict[tuple[str, ...], int],
    ts: int,
    s: int,
    e: int,
    options: tuple[int, ...],
    sent_of: dict[int, Span],
) -> int:
    """Which of several people sharing a surname a bare mention names.

    An honorific's gender must agree ("Mr Trump" is not "the first lady, Melania Trump").
    Otherwise news keeps a bare surname for one person once it has been given to them
    (the father "Duterte" after "Sara Duterte" and "Paolo Duterte" are introduced), unless
    another bearer was just named in this sentence, or in the previous one when the bare
    name is a subject; the first bare mention is the most recently named bearer."""
    g = _mention_gender(doc, ts, s)
    if g:
        agreeing = tuple(c for c in options if _draft_gender(drafts[c]) in (None, g))
        options = agreeing or options
    last: dict[int, int] = {}
    for c in options:
        before = [p for p in occurrences[c] if p < s]
        last[c] = max(before) if before else -(10**8) - min(occurrences[c], default=0)
    recent = max(options, key=lambda c: last[c])
    key = tuple(_fold(doc[i].text) for i in range(s, e))
    held = sticky.get(key)
    if held is None or held not in options or held == recent:
        return recent
    sent = sent_of[s]
    subject = doc[e - 1].dep_.startswith("nsubj")
    if last[recent] >= sent.start:
        named = doc[last[recent]]
        while named.dep_ in ("compound", "flat") and named.head.i != named.i:
            named = named.head
        if subject and not named.dep_.startswith("nsubj") and len(occurrences[held]) > 1:
            # "Xi invited him and first lady Melania Trump ..., and Trump returned the
            # invitation": a bearer named in passing does not take over the subject's name
            return held
        return recent
    # "Eduardo Bolsonaro spoke. Bolsonaro added": the subject continues the last sentence
    prev_start = sent_of[sent.start - 1].start if sent.start > 0 else sent.start
    return recent if subject and last[recent] >= prev_start else held


def countries_in(text: str) -> set[str]:
    """Countries named in a title or description: 'Russian President' -> {'russia'}."""
    words = _fold(text).split()
    out: set[str] = set()
    for n in (1, 2, 3):
        for i in range(len(words) - n + 1):
            c = COUNTRY_OF_WORD.get(" ".join(words[i : i + n]))
            if c:
                out.add(c)
    return out


def _prefixed(doc: Doc, i: int) -> bool:
    """'Anti-Castro', 'pro-Kremlin': the name is part of an adjective, not a person."""
    if i + 2 < len(doc) and doc[i].lower_ in NAME_PREFIXES and doc[i + 1].text == "-":
        return True
    return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in NAME_PREFIXES


def _midsentence_capital(doc: Doc, i: int, sent_start: int) -> bool:
    """A capitalised 'He' after 'Bessent and' is a name (He Lifeng), not the pronoun."""
    if i <= sent_start:
        return False
    prev = doc[i - 1]
    return not (prev.is_punct or prev.is_space or prev.is_quote)


def _corporate_prefixes(doc: Doc) -> set[tuple[str, ...]]:
    """Word sequences that begin a company name with a legal suffix ("Magna" and "Magna
    International" from "Magna International Inc.")."""
    out: set[tuple[str, ...]] = set()
    for i, tok in enumerate(doc):
        if tok.lower_ not in CORPORATE_SUFFIXES or i == 0:
            continue
        j = i
        while j > 0 and j > i - 6:
            prev = doc[j - 1]
            if _is_cap(prev) or prev.text in ("-", "&", "'") or prev.lower_ in NAME_PARTICLES:
                j -= 1
                continue
            break
        words: list[str] = []
        for k in range(j, i):
            words.extend(_fold(doc[k].text).split())
            if words:
                out.add(tuple(words))
    return out


def _companies_to_orgs(doc: Doc, drafts: list[_Draft], full: list[tuple[str, ...]]) -> None:
    """An untitled "person" whose name also begins a company name with a legal suffix in
    this article is the company: "Magna shares closed up" beside "Magna International Inc."."""
    prefixes = _corporate_prefixes(doc)
    if not prefixes:
        return
    for d, key in zip(drafts, full, strict=False):
        if d.kind != "person" or d.role_words:
            continue
        forms = {tuple(_fold(f).split()) for f in d.forms} | {key}
        if forms & prefixes:
            d.kind = "org"


# "Khaled bin Mohamed bin Zayed Al Nahyan" holds his father's name after "bin": that part is
# another man ("Mohamed bin Zayed Al Nahyan"), never a short form of the son's name.
_PATRONYMIC = frozenset({"bin", "ibn", "bint", "ben", "ould"})


def _contains(big: tuple[str, ...], small: tuple[str, ...]) -> bool:
    n = len(small)
    return any(
        big[i : i + n] == small and not (i > 0 and big[i - 1] in _PATRONYMIC)
        for i in range(len(big) - n + 1)
    )


def _place_texts(doc: Doc) -> frozenset[str]:
    """Texts labelled as places anywhere in the doc, computed once per doc (linear cost)."""
    cached = doc.user_data.get("tracker_place_texts")
    if cached is None:
        cached = frozenset(ent.text for ent in doc.ents if ent.label_ in _PLACE_LABELS)
        doc.user_data["tracker_place_texts"] = cached
    return cached


def _keep_single(doc: Doc, s: int, e: int, sent_of: dict[int, Span]) -> bool:
    """A lone one-word PERSON that matches no full name is often a place ("Kyiv", "Goma")."""
    if e - s > 1:
        return True
    tok = doc[s]
    if tok.dep_ == "compound" and tok.head.ent_type_ != "PERSON":
        return False
    if tok.head.lower_ in _PLACE_PREPS and tok.dep_ == "pobj":
        return False
    if e < len(doc) and doc[e].text in ("'s", "’s") and doc[e].head.i == s:
        head = tok.head
        if head.text.casefold() in TITLE_WORDS | ROLE_NOUNS:
            return False
    # the same word labelled as a place elsewhere in the article
    if tok.text in _place_texts(doc):
        return False
    # a country, capital or seat of government acting as a speaker ("Kyiv said on Saturday")
    if tok.text.casefold() in COUNTRY_OF_WORD:
        return False
    return tok.dep_ in ("nsubj", "nsubjpass", "poss") or s > 0 and _is_title(doc[s - 1])


def _add_span(
    ap: ArticlePeople,
    drafts: list[_Draft],
    idx: int,
    doc: Doc,
    ts: int,
    s: int,
    e: int,
    sent_of: dict[int, Span],
) -> None:
    d = drafts[idx]
    d.forms.append(doc[s:e].text)
    d.first = min(d.first, s)
    sent = sent_of[s]
    title, roles, owners = _title_before(doc, s, sent.start)
    if ts < s:
        title = doc[ts:s].text if not title else title
        roles |= {doc[i].text.casefold() for i in range(ts, s)}
    if title:
        d.titles.append(title)
    d.role_words |= roles
    d.owners |= owners
    # "King Hussein of Jordan", "President Hashemi Rafsanjani of Iran"
    k = e + 1 if e < len(doc) and doc[e].lower_ == "of" else -1
    if 0 < k < len(doc) and doc[k].lower_ == "the":
        k += 1
    if 0 < k < len(doc) and doc[k].ent_type_ in ("GPE", "NORP"):
        d.countries |= countries_in(doc[k : k + 3].text)
    # appositive descriptions: "Jared Kushner, the president's son-in-law," / "the envoy, X"
    root = doc[e - 1]
    for other in [*root.children, root.head] if root.dep_ == "appos" else list(root.children):
        if other.dep_ == "appos" or (root.dep_ == "appos" and other.i == root.head.i):
            if other.pos_ == "NOUN":
                d.role_words.add(other.lemma_.casefold())
                for c in other.children:
                    if c.dep_ in ("compound", "amod"):
                        d.role_words.add(c.text.casefold())
                    if c.dep_ == "poss":
                        d.owners.add(_fold(c.text))
                d.titles.append(
                    " ".join(
                        t.text
                        for t in other.subtree
                        if t.dep_ != "punct"
                        and t.i < (other.i + 1)
                        and t.lower_ not in ("the", "a", "an")
                    )
                )
    for i in range(s, e):
        ap._token_entity[i] = idx
    ap.name_spans.append((s, e, idx))


def _resolve_references(ap: ArticlePeople, drafts: list[_Draft], sent_of: dict[int, Span]) -> None:
    """Pronouns, role descriptions and 'the two envoys' to the entities they refer to."""
    doc = ap.doc
    persons = {i for i, e in enumerate(ap.entities) if e.kind == "person"}
    history: list[tuple[int, int, str, int]] = []  # (token, entity, dep, sentence start)
    span_at = {s: (s, e, idx) for s, e, idx in ap.name_spans if idx in persons}
    sents = list(doc.sents)
    gender: dict[int, str] = {}
    for idx, d in enumerate(drafts):
        if d.role_words & _FEMININE:
            gender[idx] = "f"
        elif d.role_words & _MASCULINE:
            gender[idx] = "m"
    # (sentence start, persons, token): groups that "they" may refer to
    subject_groups: list[tuple[int, tuple[int, ...], int]] = []
    last_plural = -1  # the latest unresolved plural of people ("two Libyan agents")
    for si, sent in enumerate(sents):
        i = sent.start
        while i < sent.end:
            tok = doc[i]
            if i in span_at:
                s, e, idx = span_at[i]
                head = doc[e - 1]
                dep = head.dep_
                if dep in ("compound", "appos") and head.head.dep_.startswith("nsubj"):
                    dep = head.head.dep_
                elif (
                    s == sent.start
                    and dep in ("ROOT", "dep", "npadvmod", "appos")
                    and e < sent.end
                    and doc[e].text == ","
                ):  # "Sharaa, whose offensive toppled Assad, has since courted ...": the
                    # parser loses the subject behind the clause; the opening name is it
                    dep = "nsubj"
                history.append((i, idx, dep, sent.start))
                i = e
                continue
            low = tok.lower_
            if low in PRONOUNS and tok.pos_ == "PRON":
                ant = _pronoun_antecedent(history, tok, sent.start, sents, si, gender)
                if ant is not None:
                    ap._token_entity[i] = ant
                    gender.setdefault(ant, PRONOUNS[low])
                    if tok.dep_ != "poss":
                        history.append((i, ant, tok.dep_, sent.start))
            elif tok.pos_ == "NOUN" and _is_announcing_role(tok):
                ref = _named_next(ap, drafts, tok, persons, sents, si)
                if ref is not None:
                    ap._token_entity[i] = ref
                    history.append((i, ref, tok.dep_, sent.start))
            elif tok.pos_ == "NOUN" and _is_description(tok):
                ref = _description_referent(ap, drafts, history, tok, persons, sents, si)
                if ref is not None:
                    ap._token_entity[i] = ref
                    history.append((i, ref, tok.dep_, sent.start))
            elif (
                tok.pos_ == "NOUN"
                and tok.lower_ in GROUP_NOUNS
                or (low == "two" and tok.dep_.startswith("nsubj"))
            ):
                grp = _group_referents(ap, drafts, history, tok, persons, sents, si)
                if grp:
                    ap._groups[i] = grp
                    subject_groups.append((sent.start, grp, i))
                else:
                    last_plural = i
            elif low in ("they", "them") and tok.pos_ == "PRON":
                window = sents[max(0, si - 2)].start
                for ss, grp, pos in reversed(subject_groups):
                    if ss < window or pos < last_plural:
                        break
                    if ss < sent.start:
                        ap._groups[i] = grp
                        break
            elif _plural_people(tok):
                last_plural = i
            i += 1
        subj = _subject_persons(ap, sent, persons)
        if len(subj) >= 2:
            subject_groups.append((sent.start, subj, sent.start))


_PEOPLE_PLURALS = frozenset(
    """agents relatives people soldiers troops members students workers demonstrators
    protesters delegates citizens children residents refugees civilians hostages prisoners
    militants rebels guerrillas police investigators lawyers judges voters fighters parents
    families reporters journalists authorities employees suspects victims""".split()
)


def _plural_people(tok: Token) -> bool:
    """An unnamed plural of people that 'they' may refer to instead of a named group."""
    if tok.pos_ == "NUM" and tok.dep_.startswith("nsubj"):
        return True  # "The two were removed"
    if tok.tag_ not in ("NNS", "NNPS") or not tok.dep_.startswith(("nsubj", "dobj", "pobj")):
        return False
    return tok.lower_ in _PEOPLE_PLURALS or any(c.dep_ == "nummod" for c in tok.children)


def _pronoun_antecedent(
    history: list[tuple[int, int, str, int]],
    tok: Token,
    sent_start: int,
    sents: list[Span],
    si: int,
    gender: dict[int, str],
) -> int | None:
    """Subject of this sentence before the pronoun, else any earlier person of this
    sentence, else the subject of one of the two sentences before; gender must agree."""
    if not history:
        return None
    g = PRONOUNS[tok.lower_]

    def agrees(idx: int) -> bool:
        return gender.get(idx, g) == g

    same = [h for h in history if h[3] == sent_start and agrees(h[1])]
    subj = [h for h in same if h[2].startswith("nsubj")]
    if subj:
        return subj[0][1]
    if same:
        return same[0][1]
    prev_starts = sorted({h[3] for h in history if h[3] < sent_start}, reverse=True)[:2]
    for ps in prev_starts:
        subj = [h for h in history if h[3] == ps and h[2].startswith("nsubj") and agrees(h[1])]
        if subj:
            return subj[0][1]
    for ps in prev_starts[:1]:
        cands = [h for h in history if h[3] == ps and agrees(h[1])]
        if cands:
            return cands[0][1]
    return None


_FEMININE = {
    "sister",
    "wife",
    "daughter",
    "queen",
    "princess",
    "mother",
    "chairwoman",
    "spokeswoman",
    "congresswoman",
    "lady",
    "mrs",
    "ms",
    "mrs.",
    "ms.",
    "dame",
    "sheikha",
    "daughter-in-law",
}
_MASCULINE = {
    "brother",
    "husband",
    "son",
    "king",
    "prince",
    "father",
    "chairman",
    "spokesman",
    "congressman",
    "mr",
    "mr.",
    "sir",
    "lord",
    "son-in-law",
    "emir",
    "sheikh",
}


def _is_description(tok: Token) -> bool:
    """'the Russian leader', 'The envoy', 'the president's son-in-law' (not 'a leader')."""
    if tok.lemma_.casefold() not in ROLE_NOUNS and tok.lower_ not in ROLE_NOUNS:
        return False
    if tok.tag_ in ("NNS", "NNPS"):
        return False
    if any(c.dep_ == "appos" for c in tok.children) or tok.dep_ in ("compound", "appos"):
        return False
    dets = [c for c in tok.children if c.dep_ in ("det", "poss")]
    return any(c.lower_ == "the" or c.dep_ == "poss" for c in dets)


def _is_announcing_role(tok: Token) -> bool:
    """'a government spokesperson said ...': an indefinite role as the subject of a speech
    verb, which wire copy names in the next sentence ("spokesperson Stefan Kornelius")."""
    if tok.lemma_.casefold() not in ROLE_NOUNS or tok.tag_ in ("NNS", "NNPS"):
        return False
    if not tok.dep_.startswith("nsubj") or tok.head.lemma_.lower() not in _SPEECH_LEMMAS:
        return False
    if any(c.dep_ in ("appos", "compound") and c.pos_ == "PROPN" for c in tok.children):
        return False
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children)


def _named_next(
    ap: ArticlePeople,
    drafts: list[_Draft],
    tok: Token,
    persons: set[int],
    sents: list[Span],
    si: int,
) -> int | None:
    """The one person first named in the next two sentences with the same role word."""
    role = tok.lemma_.casefold()
    wanted = ROLE_SYNONYMS.get(role, frozenset({role}))
    found: set[int] = set()
    for later in sents[si + 1 : si + 3]:
        for s, _e, idx in ap.name_spans:
            if later.start <= s < later.end and idx in persons:
                d = drafts[idx]
                if d.first >= later.start and d.role_words & wanted:
                    found.add(idx)
        if found:
            break
    return found.pop() if len(found) == 1 else None


def _description_referent(
    ap: ArticlePeople,
    drafts: list[_Draft],
    history: list[tuple[int, int, str, int]],
    tok: Token,
    persons: set[int],
    sents: list[Span],
    si: int,
) -> int | None:
    """'the Russian leader' -> the latest earlier person with a leader's title whose country
    is Russia; a person with no known country only when no prepositional phrase makes the
    description specific ("the Iraqi ambassador to Venezuela" is someone new)."""
    role = tok.lemma_.casefold()
    wanted = ROLE_SYNONYMS.get(role, frozenset({role}))
    poss = [c for c in tok.children if c.dep_ == "poss"]
    owners = {_fold(c.text) for c in poss if not countries_in(c.text)}
    modifiers = [c.text for c in tok.children if c.dep_ in ("amod", "compound")]
    of_phrase = [
        g.text
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
        if g.ent_type_ in ("GPE", "NORP")
    ]
    countries = countries_in(" ".join([*modifiers, *of_phrase, *(c.text for c in poss)]))
    specific = any(c.dep_ == "prep" for c in tok.children)
    in_sentence = {h[1] for h in history if h[3] == tok.sent.start}
    # "the prime minister": title words of the description the person's title must have
    qualifiers = {m.casefold() for m in modifiers} & TITLE_WORDS

    def ok(idx: int, strict: bool, ranks: bool = False) -> bool:
        d = drafts[idx]
        if not (d.role_words & wanted):
            return False
        if not ranks and (d.role_words & SUBORDINATE_RANKS) - qualifiers:
            return False  # "the minister" is not the deputy prime minister
        if strict and qualifiers and not qualifiers <= d.role_words:
            return False
        if owners and d.owners and not (owners & d.owners):
            return False
        if countries:
            if d.countries:
                return bool(d.countries & countries)
            return not strict and not specific
        return True

    # an exact description of someone in this sentence beats a loose one of someone else
    passes = ((True, False, False), (True, True, False), (False, False, False))
    for strict, same_sentence, ranks in (*passes, (False, False, True)):
        cands = [
            h
            for h in history
            if h[1] in persons
            and (h[1] in in_sentence) == same_sentence
            and ok(h[1], strict, ranks)
        ]
        if cands:
            return _salient(cands)
    # a lede that names its subject only in a following sentence
    if si > 2:
        return None
    mentioned = {h[1] for h in history}
    for later in sents[si + 1 : si + 3]:
        for s, _e, idx in ap.name_spans:
            if later.start <= s < later.end and idx in persons and drafts[idx].first >= later.start:
                d = drafts[idx]
                if owners and d.owners and not owners & d.owners:
                    continue
                if countries and d.countries and not countries & d.countries:
                    continue
                if idx not in mentioned:
                    return idx
    return None


def _salient(cands: list[tuple[int, int, str, int]]) -> int:
    """The latest mentioned of the candidates, unless it was named only once and in
    passing (never as a subject) while another is the article's subject of that role
    (named more often, once at least as a subject): "The minister" after "X co-chaired a
    session with Deputy Minister Y" is X, the visiting minister of the story."""
    latest = cands[-1][1]
    mentions: dict[int, int] = {}
    subject: set[int] = set()
    for h in cands:
        mentions[h[1]] = mentions.get(h[1], 0) + 1
        if h[2].startswith("nsubj"):
            subject.add(h[1])
    if mentions[latest] > 1 or latest in subject:
        return latest
    best = max(mentions, key=lambda e: (e in subject, mentions[e]))
    return best if best in subject and mentions[best] > 1 else latest


def _subject_persons(ap: ArticlePeople, sent: Span, persons: set[int]) -> tuple[int, ...]:
    """Persons of the main subject when it is a coordination ("Bessent and He met")."""
    root = sent.root
    out: list[int] = []
    # the root's subject, or a main verb's when the parser rooted the sentence elsewhere
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")] or [
        t
        for t in sent
        if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ in ("ROOT", "conj", "dep", "parataxis")
    ][:1]
    for c in subjects:
        if c.dep_ in ("nsubj", "nsubjpass"):
            out.extend(e for e in ap.stranded_before(c) if e in persons and e not in out)
            stack = [c]
            while stack:
                t = stack.pop()
                for e in ap.resolve(t):
                    if e in persons and e not in out:
                        out.append(e)
                stack.extend(x for x in t.children if x.dep_ in ("conj", "compound", "appos"))
    return tuple(out)


def _distances(ap: ArticlePeople, i: int) -> dict[int, int]:
    """Each entity's distance in tokens from token i to its nearest name mention."""
    out: dict[int, int] = {}
    for s, e, idx in ap.name_spans:
        d = s - i if s > i else max(0, i - e + 1)
        if d < out.get(idx, 10**9):
            out[idx] = d
    return out


def _group_referents(
    ap: ArticlePeople,
    drafts: list[_Draft],
    history: list[tuple[int, int, str, int]],
    tok: Token,
    persons: set[int],
    sents: list[Span],
    si: int,
) -> tuple[int, ...]:
    """'the foreign ministers of Congo and Rwanda' -> the person of each country with that
    role, wherever the article names them; 'the two envoys' -> the last two persons named
    in this or the two sentences before, never the speaker who reports on them."""
    # "the prime ministers of Spain and Norway, Pedro Sanchez and Jonas Gahr Store": the
    # names in apposition are the group
    named: list[int] = []
    for c in tok.children:
        # (the parser may hang the names on the countries: "of Spain and Norway, Pedro
        # Sanchez and Jonas Gahr Store")
        if c.dep_ == "appos" or (c.dep_ == "prep" and c.lower_ == "of"):
            for g in c.subtree:
                for e in ap.resolve(g):
                    if e in persons and e not in named:
                        named.append(e)
    if len(named) >= 2:
        return tuple(named)
    countries: list[str] = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for g in c.subtree:
                if g.ent_type_ in ("GPE", "NORP") and g.dep_ in ("pobj", "conj"):
                    # the whole name: "Korea" alone is no country, "South Korea" is
                    ent = next((e for e in g.doc.ents if e.start <= g.i < e.end), None)
                    countries.extend(sorted(countries_in(ent.text if ent else g.text)))
    if len(countries) >= 2:
        role = tok.lemma_.casefold()
        wanted = ROLE_SYNONYMS.get(role, frozenset({role})) | {"counterpart"}
        portfolio = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound")}
        found: list[int] = []
        near: dict[int, int] | None = None
        for country in dict.fromkeys(countries):
            cands = [
                i
                for i in persons
                if country in drafts[i].countries and drafts[i].role_words & wanted
            ]
            # "the foreign ministers of Japan, China and South Korea": the foreign minister,
            # not the prime minister, when the article tells them apart
            fitting = [i for i in cands if drafts[i].role_words & portfolio]
            if portfolio and not fitting:
                # the home side's minister is often named without a nationality
                fitting = [
                    i
                    for i in persons
                    if not drafts[i].countries and drafts[i].role_words & portfolio
                ]
                fitting = fitting if len(fitting) == 1 and fitting[0] not in found else []
            if portfolio and fitting:
                cands = fitting
            if len(cands) > 1:
                # "Thai Prime Minister Anutin" named next to the group, not the former acting
                # prime minister four paragraphs on
                if near is None:
                    near = _distances(ap, tok.i)
                cands.sort(key=lambda i: near.get(i, 10**9))
                if near.get(cands[0], 10**9) == near.get(cands[1], 10**9):
                    continue
            if cands:
                found.append(cands[0])
        return tuple(found) if len(found) >= 2 else ()
    n = 0
    if tok.lower_ == "two":
        n = 2
    for c in tok.children:
        if c.lower_ in _NUMBER_WORDS:
            n = _NUMBER_WORDS[c.lower_]
    if not n or not any(c.lower_ == "the" for c in tok.children):
        return ()
    doc = ap.doc
    # "the two leaders" / "the two ministers": the latest n persons who hold that role, even
    # when others without it were named in between ("... met Commerce Minister Goyal. The
    # two leaders last met in October 2024.")
    role = tok.lemma_.casefold()
    if role in ROLE_SYNONYMS:
        wanted = ROLE_SYNONYMS[role]
        # "Xi hosted the same five leaders": the subject is not one of its own objects
        actors: set[int] = set()
        if tok.dep_ in ("dobj", "pobj", "conj"):
            verb = tok.head.head if tok.dep_ == "pobj" else tok.head
            for c in verb.children:
                if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i:
                    actors.update(ap.resolve(c))
                    for g in c.children:  # "Macron and Starmer joined the two leaders"
                        if g.dep_ == "conj":
                            actors.update(ap.resolve(g))
        listed = _listed_together(ap.doc, history, n, persons, actors, drafts, wanted)
        if listed:
            return listed
        if n == 2:
            pair = _acting_pair(ap, history, persons, sents[max(0, si - 3)].start, tok)
            if pair and not actors.intersection(pair):
                return pair
        name_starts: dict[int, list[int]] = defaultdict(list)
        for s0, _e0, idx in ap.name_spans:
            name_starts[idx].append(s0)
        former = {
            idx for idx, starts in name_starts.items() if all(_past_holder(doc, s) for s in starts)
        }
        picked: list[int] = []
        for h in reversed(history):
            if h[1] in actors or h[1] in former:
                continue
            if h[1] in persons and h[1] not in picked and drafts[h[1]].role_words & wanted:
                picked.append(h[1])
            if len(picked) == n:
                return tuple(reversed(picked))
    window = sents[max(0, si - 2)].start
    out: list[int] = []
    for h in reversed(history):
        if h[3] < window:
            break
        name = doc[h[0]]
        while name.dep_ == "compound" and name.head.i > name.i:
            name = name.head  # "Omar Said" -> "Said", whose head is the verb
        speaker = (
            h[3] == tok.sent.start
            and h[2].startswith("nsubj")
            and name.head.lemma_.lower() in _SPEECH_LEMMAS
            and name.head.i < tok.i
        )
        if h[1] in persons and h[1] not in out and h[2] != "poss" and not speaker:
            out.append(h[1])
        if len(out) == n:
            return tuple(reversed(out))
    return ()


def _acting_pair(
    ap: ArticlePeople,
    history: list[tuple[int, int, str, int]],
    persons: set[int],
    window: int,
    tok: Token,
) -> tuple[int, ...]:
    """'The two leaders meet again' after 'Aliyev and Pashinyan initial the agreement, with
    Trump as host': the latest two persons who acted together as one coordinated subject,
    in this or the three sentences before (a bullet may stand as a sentence of its own)."""
    doc = ap.doc
    for i, ent, dep, sent_start in reversed(history):
        if sent_start < window:
            break
        if i >= tok.i or not dep.startswith("nsubj") or ent not in persons:
            continue
        name = doc[i]
        while name.dep_ == "compound" and name.head.i > name.i:
            name = name.head
        partners = [
            e
            for c in name.children
            if c.dep_ == "conj"
            for e in ap.resolve(c)
            if e in persons and e != ent
        ]
        if len(partners) == 1:
            return (ent, partners[0])
    return ()


def _listed_together(
    doc: Doc,
    history: list[tuple[int, int, str, int]],
    n: int,
    persons: set[int],
    actors: set[int],
    drafts: list[_Draft],
    wanted: frozenset[str],
) -> tuple[int, ...]:
    """'the same five leaders': the latest list that named exactly n persons of the role
    side by side ("Tokayev, Mirziyoyev, Japarov, Rahmon and Berdimuhamedov"), when n > 2
    (for two, the latest two named are the pair)."""
    if n < 3:
        return ()
    lists: dict[int, list[int]] = {}
    for i, ent, _dep, _sent in history:
        if ent not in persons or ent in actors or not drafts[ent].role_words & wanted:
            continue
        head = doc[i]
        while head.dep_ in ("conj", "compound", "appos") and head.head.i != head.i:
            head = head.head
        members = lists.setdefault(head.i, [])
        if ent not in members:
            members.append(ent)
    for members in reversed(list(lists.values())):
        if len(members) == n:
            return tuple(members)
    return ()


_SPEECH_LEMMAS = frozenset({"say", "tell", "report", "add", "write", "announce", "confirm"})
