"""Words as the support check compares them: tokens, inflections and demonyms, the forms that
name an entity, and the words of a statement that must come from its sources."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

from generator.checks.quotetext import normalise_quote
from generator.facts.schema import Entity

_WORD = re.compile(r"[^\W_]+(?:['’][^\W\d_]+)*")
MINOR_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "the",
        "to",
        "with",
        "its",
        "his",
        "her",
        "their",
    ]
)
NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "hundred": 100, "thousand": 1000, "million": 10**6,
    "billion": 10**9,
}  # fmt: skip


_DEMONYMS = {
    "france": "french", "netherlands": "dutch", "britain": "british", "kingdom": "british",
    "switzerland": "swiss", "greece": "greek", "turkey": "turkish", "poland": "polish",
    "spain": "spanish", "denmark": "danish", "sweden": "swedish", "finland": "finnish",
    "ireland": "irish", "wales": "welsh", "scotland": "scottish", "england": "english",
    "philippines": "filipino", "portugal": "portuguese", "japan": "japanese",
    "vietnam": "vietnamese", "thailand": "thai", "iceland": "icelandic", "norway": "norwegian",
    "germany": "german", "belgium": "belgian", "cyprus": "cypriot", "yemen": "yemeni",
    "pakistan": "pakistani", "afghanistan": "afghan", "madagascar": "malagasy",
    "argentina": "argentine", "peru": "peruvian", "uzbekistan": "uzbek",
    "kazakhstan": "kazakh", "tajikistan": "tajik", "kyrgyzstan": "kyrgyz",
    "turkmenistan": "turkmen", "mongolia": "mongolian", "slovakia": "slovak",
    "czechia": "czech", "croatia": "croatian", "serbia": "serbian", "iraq": "iraqi",
}  # fmt: skip
"""Country names whose adjective shares too little of the name to be found by spelling."""


def tokens(text: str) -> list[str]:
    """The words of ``text``, a possessive ``'s`` cut off."""
    return list(_tokens(text))


@functools.lru_cache(maxsize=65_536)
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(_POSSESSIVE.sub("", word) for word in _WORD.findall(text))


_POSSESSIVE = re.compile(r"['’]s$")


def same_word(a: str, b: str) -> bool:
    """One word, allowing for an inflection or a demonym (``minister``/``ministers``,
    ``Armenia``/``Armenian``, ``Ukraine``/``Ukrainian``)."""
    a, b = a.lower(), b.lower()
    if a == b or _DEMONYMS.get(a) == b or _DEMONYMS.get(b) == a:
        return True
    if a[:4] != b[:4] or abs(len(a) - len(b)) > 3 or a.isdecimal() or b.isdecimal():
        return False  # most pairs end here: an inflection keeps the first four letters
    shorter = min(len(a), len(b))
    return len(_common_prefix(a, b)) >= max(4, shorter - 1)


def _common_prefix(a: str, b: str) -> str:
    end = 0
    while end < min(len(a), len(b)) and a[end] == b[end]:
        end += 1
    return a[:end]


_COUNTRIES = {demonym: country for country, demonym in _DEMONYMS.items()}


class Vocabulary:
    """Words to look a word up in as :func:`same_word` compares them, without comparing it
    with each: an inflection keeps the first four letters, a demonym is looked up."""

    def __init__(self, words: Iterable[str]) -> None:
        self.exact = {word.lower() for word in words}
        self.by_start: dict[str, list[str]] = {}
        for word in self.exact:
            self.by_start.setdefault(word[:4], []).append(word)

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        lower = word.lower()
        if lower in self.exact or {_DEMONYMS.get(lower), _COUNTRIES.get(lower)} & self.exact:
            return True
        return any(same_word(lower, other) for other in self.by_start.get(lower[:4], ()))

    def __iter__(self) -> Iterator[str]:
        return iter(self.exact)


class NameIndex:
    """Entities by the last word of each of their forms, so that only those a sentence may
    name are compared with it (an archive's story may name thousands). A sentence that names
    an entity by any form holds that form's last word: its name's for "the union"."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self._entities = list(entities)
        self._forms = [[_tokens(form) for form in forms(e)] for e in self._entities]
        self._by_key: dict[str, list[int]] = {}
        for position, entity in enumerate(self._entities):
            for key in sorted(self._keys(entity, self._forms[position])):
                self._by_key.setdefault(key, []).append(position)

    @staticmethod
    def _keys(entity: Entity, form_words: list[tuple[str, ...]]) -> set[str]:
        keys = set()
        for words in (*form_words, _tokens(entity.name)):
            lower = words[-1].lower() if words else ""
            for variant in (lower, _DEMONYMS.get(lower), _COUNTRIES.get(lower)):
                if variant:
                    keys.add(variant[:4])
        return keys

    def candidates(self, words: Iterable[str]) -> list[Entity]:
        """The entities ``words`` may name (a person: each word of one of its forms is among
        them), in the order they were given."""
        words = list(words)
        keys = {word.lower()[:4] for word in words}
        positions = sorted({p for key in keys for p in self._by_key.get(key, ())})
        vocabulary = Vocabulary(words if positions else ())
        return [
            self._entities[p]
            for p in positions
            if self._entities[p].type != "person"
            or any(all(word in vocabulary for word in form) for form in self._forms[p] if form)
        ]


def among(word: str, words: Vocabulary | set[str] | list[str]) -> bool:
    """Whether ``word`` is one of ``words`` as :func:`same_word` compares them."""
    if isinstance(words, Vocabulary):
        return word in words
    return any(same_word(word, other) for other in words)


@functools.lru_cache(maxsize=262_144)
def contains(text: str, phrase: str) -> bool:
    """Whether ``phrase`` occurs in ``text`` as whole words, each allowing an inflection."""
    wanted = _tokens(phrase)
    have = _tokens(text)
    if not wanted:
        return False
    return any(
        all(same_word(wanted[i], have[start + i]) for i in range(len(wanted)))
        for start in range(len(have) - len(wanted) + 1)
    )


def without_initials(name: str) -> str:
    return " ".join(word for word in tokens(name) if len(word) > 1)


def definite_head(text: str, entity: Entity, qualified: bool = False) -> bool:
    """Whether ``text`` refers to an organisation, group or place by the last word of its name
    after "the" ("the union", "the dockers' union"); ``qualified``: with another word of the
    name before it ("the port authority" for the Valmar port authority)."""
    words = tokens(entity.name)
    if entity.type == "person" or len(words) < 2:
        return False
    head = re.escape(words[-1])
    found = re.search(rf"\bthe\s+((?:[\w'’]+\s+){{0,2}}){head}\b", text, re.IGNORECASE)
    if found is None:
        return False
    return not qualified or any(among(word, words[:-1]) for word in tokens(found.group(1)))


def spans(words: list[str], entity: Entity) -> list[tuple[int, int]]:
    """Where ``entity`` is named among ``words``, by name, alias or surname (longest first)."""
    found: list[tuple[int, int]] = []
    candidates = [form for form in forms(entity) if form != entity.role]
    for form in sorted(candidates, key=lambda form: -len(tokens(form))):
        wanted = tokens(form)
        for start in range(len(words) - len(wanted) + 1):
            span = (start, start + len(wanted))
            if all(same_word(wanted[i], words[start + i]) for i in range(len(wanted))) and not any(
                overlaps(span, other) for other in found
            ):
                found.append(span)
    return sorted(found)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def forms(entity: Entity) -> list[str]:
    """The ways a sentence may name ``entity``: name, aliases, and a person's surnames."""
    forms = [entity.name, *entity.aliases]
    if entity.type == "person" and not entity.anonymous:
        # A surname, from the forms that are personal names ("US Secretary of State" is not).
        forms += [
            form.split()[-1]
            for form in forms
            if len(form.split()) > 1
            and all(word[:1].isupper() for word in form.split())
            and form != entity.role
        ]
    if entity.type == "person" and entity.role and len(entity.role.split()) > 1:
        forms.append(entity.role)  # a title names its holder: "the US Secretary of State"
    return forms


def content_words(text: str) -> list[str]:
    return [word for word in tokens(text) if word.lower() not in MINOR_WORDS]


def checked_words(statement: str, entity_words: frozenset[str]) -> list[str]:
    """Numbers, date words and names: capitalised words not opening a sentence, and opening
    words that name an entity of the story or are numbers."""
    found = []
    for sentence in re.split(r"(?<=[.!?;:])\s+", normalise_quote(statement)):
        for position, word in enumerate(tokens(sentence.strip("\"' ("))):
            lower = word.lower()
            if (
                word[0].isdecimal()
                or lower in NUMBER_WORDS
                or (
                    word[0].isupper()
                    and word != "I"
                    and lower not in MINOR_WORDS
                    and (position or lower in entity_words)
                )
            ):
                found.append(word)
    return found


def number_in(word: str, words: set[str]) -> bool:
    """Whether a number written in words is in ``words`` in figures, or the other way."""
    value = NUMBER_WORDS.get(word.lower())
    if value is not None:
        return str(value) in words
    if not word.isdecimal():
        return False
    return any(NUMBER_WORDS.get(other.lower()) == int(word) for other in words)
