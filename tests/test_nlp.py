"""The fast attribute/lemma stage must annotate exactly as spaCy's own components do."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tracker.nlp import (
    FastAttributes,
    _predicate,
    _Unsupported,
    fast_attributes,
    paragraph_doc,
    parse,
)

REALISTIC = Path(__file__).parent / "fixtures" / "realistic"

ODD_TEXT = (
    "Y'all gonna see: there is a deal, ain't it? Let's go, c'mon. We gotta go.\n\n"
    "  \t The minister's aides, who'd met him, said something to nobody. I can't.\n"
)


def _annotations(doc):  # type: ignore[no-untyped-def]
    return [
        (t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_) for t in doc
    ]


@pytest.mark.parametrize("path", sorted(REALISTIC.glob("*.txt"))[:4], ids=lambda p: p.stem)
def test_fast_attributes_match_spacy_on_articles(nlp, path: Path) -> None:  # type: ignore[no-untyped-def]
    text = path.read_text(encoding="utf-8")
    # the same input for both: the text with its paragraph breaks as sentence starts
    assert _annotations(parse(text)) == _annotations(nlp(paragraph_doc(nlp, text)))


def test_fast_attributes_match_spacy_on_rare_patterns(nlp) -> None:  # type: ignore[no-untyped-def]
    # two-token patterns ("gon na", "there is"), contractions and whitespace tokens
    assert _annotations(parse(ODD_TEXT)) == _annotations(nlp(paragraph_doc(nlp, ODD_TEXT)))


def test_fast_attributes_replace_the_two_components() -> None:
    fast = fast_attributes()
    assert isinstance(fast, FastAttributes)
    assert fast.replaces == ("attribute_ruler", "lemmatizer")


def test_matcher_predicates() -> None:
    assert _predicate("NN", re)("NN")
    assert not _predicate({"IN": ["a", "b"]}, re)("c")
    assert _predicate({"NOT_IN": ["a"]}, re)("c")
    assert _predicate({"REGEX": "^n'?t$"}, re)("n't")
    with pytest.raises(_Unsupported):
        _predicate({">=": 3}, re)


def test_rules_it_cannot_replay_are_refused(nlp) -> None:  # type: ignore[no-untyped-def]
    # fast_attributes() then returns None and the pipeline's own components run
    import spacy

    blank = spacy.blank("en")
    ruler = blank.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "talks", "OP": "+"}]], {"POS": "NOUN"})
    with pytest.raises(_Unsupported):
        FastAttributes(ruler, nlp.get_pipe("lemmatizer"))


def test_the_pipelines_own_lemmatizer_is_left_alone(nlp) -> None:  # type: ignore[no-untyped-def]
    fast = fast_attributes()
    assert fast is not None
    own = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert all(isinstance(words, list) for words in own.values())


def test_paragraph_breaks_start_sentences() -> None:
    text = (
        "Timeline\n\n- May 16: Aliyev and Pashinyan speak briefly in Tirana.\n\n"
        "- July 10: Aliyev and Pashinyan hold a summit in Abu Dhabi."
    )
    sentences = [s.text for s in parse(text).sents]
    assert not any("Tirana" in s and "Abu Dhabi" in s for s in sentences), sentences
