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


def _parse_annotations(doc):  # type: ignore[no-untyped-def]
    return [(t.text, t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in doc]


@pytest.mark.parametrize("path", sorted(REALISTIC.glob("*.txt"))[::12], ids=lambda p: p.stem)
def test_tracker_pipeline_annotates_as_spacy_ships_it(nlp, shipped_nlp, path: Path) -> None:  # type: ignore[no-untyped-def]
    # tracker's pipeline runs the same networks with NumPy's BLAS (tracker.matmul): every
    # tag, arc and entity must be the one spaCy's own BLIS products give
    text = path.read_text(encoding="utf-8")
    ours = nlp(paragraph_doc(nlp, text))
    theirs = shipped_nlp(paragraph_doc(shipped_nlp, text))
    assert _parse_annotations(ours) == _parse_annotations(theirs)


def test_tracker_pipeline_runs_on_matmul_ops(nlp, shipped_nlp) -> None:  # type: ignore[no-untyped-def]
    from tracker.matmul import MatmulOps

    for name in ("tok2vec", "ner"):
        ours, theirs = nlp.get_pipe(name).model, shipped_nlp.get_pipe(name).model
        assert all(isinstance(node.ops, MatmulOps) for node in ours.walk())
        assert not any(isinstance(node.ops, MatmulOps) for node in theirs.walk())


@pytest.mark.parametrize("trans1", [False, True])
@pytest.mark.parametrize("trans2", [False, True])
def test_matmul_gemm_equals_thincs(trans1: bool, trans2: bool) -> None:
    import numpy
    from thinc.api import NumpyOps

    from tracker.matmul import MatmulOps

    rng = numpy.random.default_rng(7)
    x = rng.standard_normal((40, 30) if not trans1 else (30, 40)).astype("float32")
    y = rng.standard_normal((30, 20) if not trans2 else (20, 30)).astype("float32")
    want = NumpyOps().gemm(x, y, trans1=trans1, trans2=trans2)
    got = MatmulOps().gemm(x, y, trans1=trans1, trans2=trans2)
    assert got.dtype == want.dtype and got.shape == want.shape
    numpy.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-5)
    out = numpy.empty_like(want)
    assert MatmulOps().gemm(x, y, out=out, trans1=trans1, trans2=trans2) is out
    numpy.testing.assert_allclose(out, want, rtol=1e-5, atol=1e-5)
