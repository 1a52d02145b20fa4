"""What the support check says of a claim that no source supports: the claim and its cited
sentences in, a message out that names what is missing and where the articles do say it.
"""

from __future__ import annotations

from generator.checks.claimdates import when_text
from generator.checks.claims import Cited, Claim
from generator.checks.statementrules import StatementRules
from generator.checks.words import among, contains, content_words, forms, without_initials
from generator.facts.schema import Entity


class SupportMessages(StatementRules):
    """The messages of unsupported claims, from the rules that found them unsupported."""

    def _problem(self, claim: Claim, cited: list[Cited]) -> str:
        label = _label(claim)
        if not cited:
            return f"{label}: it cites no sentence that can be checked; cite one that says it"
        if claim.kind == "name":
            return f"{label}: {self._nowhere(repr(claim.value), claim.value, claim=claim)}"
        if claim.kind in ("mention", "speaker"):
            entity = self.entities.get(claim.value)
            name = entity.name if entity else claim.value
            return (
                f"{label}: no cited sentence names {name}"
                f"{self._elsewhere(entity)}; cite one that does"
            )
        if claim.kind == "role":
            assert claim.subject is not None
            return self._role_problem(label, claim, cited)
        if claim.kind == "stage":
            return (
                f"{label}: no cited sentence says the event is {claim.value}; cite the sentence "
                "(of the latest article) that does"
            )
        if claim.kind == "date":
            assert claim.when is not None
            return (
                f"{label}: no cited sentence holds a time expression that resolves to "
                f"{when_text(claim.when)}; cite the sentence that dates it, or an outside source"
            )
        missing = self._missing_words(claim.value, cited)
        shown = ", ".join(f"'{word}'" if not word.startswith('"') else word for word in missing)
        where = self._nowhere(shown, missing[0].strip('"'), len(missing) > 1, claim)
        return f"{label}: {where}"

    def _role_problem(self, label: str, claim: Claim, cited: list[Cited]) -> str:
        assert claim.subject is not None
        entity = self.entities[claim.subject]
        if not any(self._refers_to(c, claim.subject) for c in cited):
            return (
                f"{label}: no cited sentence names {entity.name}; cite the one that gives the role"
            )
        absent = min(
            (
                [w for w in content_words(claim.value) if not among(w, window)]
                for c in cited
                if self._refers_to(c, claim.subject)
                for window in [self._role_window(c, claim.subject)]
            ),
            key=len,
        )
        return (
            f"{label}: no cited sentence says it of {entity.name} "
            f"({', '.join(repr(w) for w in absent)} not said of them); cite the one that does"
        )

    def _nowhere(
        self, shown: str, probe: str, several: bool = False, claim: Claim | None = None
    ) -> str:
        verb = "appear" if several else "appears"
        found = self._find(probe) or self._find(without_initials(probe))
        if found:
            advice = _how(claim, found)
            return f"{shown} {verb} in no cited sentence; {probe!r} is in {found}: {advice}"
        return (
            f"{shown} {verb} in no cited sentence nor anywhere in the articles; "
            "cite an outside source or drop it"
        )

    def _elsewhere(self, entity: Entity | None) -> str:
        if entity is None:
            return ""
        for form in forms(entity):
            found = self._find(form)
            if found:
                return f" (it is named in {found})"
        return ""

    def _find(self, words: str) -> str | None:
        several = len(self.articles) > 1
        for article_id, sentences in self.sentences.items():
            for sentence in sentences:
                if contains(sentence.text, words):
                    return f"{article_id}#{sentence.id}" if several else sentence.id
        return None


def _how(claim: Claim | None, reference: str) -> str:
    """How to cite ``reference`` for this claim alone."""
    if claim is None or claim.explicit or claim.key[0] not in ("entity", "event"):
        return "cite it"
    name = claim.key[2]
    if name == "alias":
        return f"cite it as `cite: {{aliases: {{{claim.value}: [{reference}]}}}}`"
    if name == "participant":
        return f"cite it as `cite: {{participants: {{{claim.value}: [{reference}]}}}}`"
    return f"cite it as `cite: {{{name}: [{reference}]}}`"


def _label(claim: Claim) -> str:
    kind, item = claim.key[0], claim.key[1]
    what = claim.key[2] if len(claim.key) > 2 else "text"
    names = {
        "alias": f"alias '{claim.value}'",
        "name": "name",
        "role": f"role '{claim.value}'",
        "when": "date",
        "participant": f"participant '{claim.value}'",
        "reported_by": "relayer",
        "stage": f"stage '{claim.value}'",
        "notes": "note",
        "agenda": "agenda point",
        "names": "note on its names",
    }
    if kind in ("summary", "background"):
        return f"{kind} statement {int(item) + 1}"
    return f"{kind} '{item}', {names.get(what, what)}"
