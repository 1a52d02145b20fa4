"""Checks on what a story's later articles add: disagreements between sources, and the changelog.

A disagreement's accounts are checked for their sources and values, and the item it disputes for
following one of them; a change for its date, its article and the ids it names.
"""

from __future__ import annotations

from generator.checks.positions import Loc
from generator.checks.refchecks import ReferenceChecks
from generator.facts.editorial import Account, Change, Disagreement
from generator.facts.fieldtypes import When
from generator.facts.schema import Entity, Event
from generator.reading.dates import parse_moment
from generator.reading.frontmatter import did_you_mean


class UpdateChecks(ReferenceChecks):
    """The checks of disagreements and changes, on top of the reference checks."""

    def _check_disagreement(self, loc: Loc, disagreement: Disagreement) -> None:
        for index, account in enumerate(disagreement.accounts):
            account_loc = (*loc, "accounts", index)
            self._check_sources(account_loc, account.sources)
            if getattr(account, disagreement.field) is None:
                self.report(
                    account_loc,
                    "missing-field",
                    f"account {index + 1} of disagreement '{disagreement.id}' does not say which "
                    f"{disagreement.field} its source gives; add '{disagreement.field}'",
                    value=False,
                )
            elif account.when is not None:
                self._check_when((*account_loc, "when"), account.when)
        subject = self._disputed(loc, disagreement)
        values = [_account_value(a, disagreement.field) for a in disagreement.accounts]
        if subject is None or None in values:
            return
        if len(set(values)) < len(values):
            self.report(
                (*loc, "accounts"),
                "disagreement-same",
                f"two accounts of disagreement '{disagreement.id}' give the same "
                f"{disagreement.field}; merge their sources into one account",
                value=False,
            )
        own = _subject_value(subject, disagreement.field)
        if own not in values:
            self.report(
                (*loc, "event" if disagreement.field == "when" else "entity"),
                "disagreement-unlisted",
                f"the {disagreement.field} of '{subject.id}' in the facts is none of the accounts "
                f"of disagreement '{disagreement.id}'; set it to the account it follows",
            )

    def _disputed(self, loc: Loc, disagreement: Disagreement) -> Event | Entity | None:
        if disagreement.field == "when":
            self._check_ref((*loc, "event"), disagreement.event, self.events, "event")
            wanted, other = disagreement.event, disagreement.entity
            subject: Event | Entity | None = self.events.get(wanted or "")
        else:
            self._check_ref((*loc, "entity"), disagreement.entity, self.entities, "entity")
            wanted, other = disagreement.entity, disagreement.event
            subject = self.entities.get(wanted or "")
        kind = "event" if disagreement.field == "when" else "entity"
        if wanted is None or other is not None:
            self.report(
                (*loc, "field"),
                "invalid-value",
                f"a disagreement about '{disagreement.field}' names one {kind} with '{kind}' "
                f"and nothing else",
            )
            return None
        return subject

    def _check_change(self, loc: Loc, change: Change) -> None:
        try:
            if parse_moment(change.date).precision != "day":
                self.report(
                    (*loc, "date"), "invalid-date", "a change is dated to the day: YYYY-MM-DD"
                )
        except ValueError as error:
            self.report((*loc, "date"), "invalid-date", str(error))
        if change.article not in self.articles:
            self.report(
                (*loc, "article"),
                "unknown-article",
                f"no article has the id '{change.article}'"
                f"{did_you_mean(change.article, self.articles)}",
            )
        if change.type == "removed":
            return  # what was removed is gone from the facts, by design
        known = {**self.entities, **self.events, **{q.id: q for q in self.facts.quotes}}
        for index, item in enumerate(change.items):
            if item not in known:
                self.report(
                    (*loc, "items", index),
                    "unknown-id",
                    f"no entity, event or quote has the id '{item}'{did_you_mean(item, known)}",
                )


def _account_value(account: Account, field: str) -> object:
    if field == "when":
        return _when_key(account.when) if account.when else None
    return account.role


def _subject_value(subject: Event | Entity, field: str) -> object:
    if isinstance(subject, Event):
        return _when_key(subject.when)
    return subject.role


def _when_key(when: When) -> tuple[object, ...]:
    """A date without the words it was resolved from: two accounts may word it differently."""
    return (when.date, when.start, when.end, when.part, when.approximate)
