"""A synthetic corpus for the scale benchmark: N stories × M articles with facts that validate.

Each story is a running story: M wire articles a day apart, each with eight paragraphs naming its
people, countries and places, a quote and a dated meeting. Its facts file has a summary, a
background, about twelve entities (drawn from shared pools, so that stories share actors and
places as real ones do), one event per article (the first has its own page), one quote per
article and a changelog entry per article, every item citing sentences of the articles
(``article-id#p1s1``). Deterministic for a given seed.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import yaml

SYLLABLES = ("ar", "bel", "cor", "dan", "el", "fen", "gar", "hal", "ir", "jan", "kel", "lor")
SYLLABLES += ("mar", "nor", "os", "per", "quin", "ros", "sal", "tor", "ul", "var", "wen", "zar")
PHRASES = (
    "a constructive first step",
    "frank and difficult",
    "the best chance in years",
    "not enough to end the dispute",
    "a sign that both sides want peace",
    "too early to speak of progress",
)
START = datetime(2023, 1, 2, 9, 0)


class _NoAliases(yaml.SafeDumper):
    """Writes repeated values out in full: facts files refuse YAML aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _name(rng: random.Random, words: int) -> str:
    return " ".join(
        "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        for _ in range(words)
    )


def _slug(text: str) -> str:
    return "-".join(text.lower().split())


def _pools(rng: random.Random) -> dict[str, list[dict[str, str]]]:
    countries = [{"name": _name(rng, 1) + "ia"} for _ in range(30)]
    people = [{"name": _name(rng, 2)} for _ in range(150)]
    places = [{"name": _name(rng, 1) + " Valley"} for _ in range(60)]
    for pool in (countries, people, places):
        unique = {item["name"]: item for item in pool}
        pool[:] = list(unique.values())
        for item in pool:
            item["id"] = _slug(item["name"])
    return {"countries": countries, "people": people, "places": places}


def write_corpus(target: Path, stories: int, articles: int, seed: int = 1) -> Path:
    """Write ``target/content/story-NNN/...`` for ``stories`` × ``articles``; return content/."""
    rng = random.Random(seed)
    pools = _pools(rng)
    content = target / "content"
    for number in range(stories):
        _write_story(content / f"story-{number + 1:03d}", number, articles, rng, pools)
    return content


def _cast(rng: random.Random, pools: dict[str, list[dict[str, str]]]) -> dict[str, Any]:
    countries = rng.sample(pools["countries"], 2)
    people = rng.sample(pools["people"], 6)
    places = rng.sample(pools["places"], 3)
    return {"countries": countries, "people": people, "places": places}


def _write_story(
    folder: Path, number: int, articles: int, rng: random.Random, pools: dict[str, Any]
) -> None:
    cast = _cast(rng, pools)
    (folder / "articles").mkdir(parents=True, exist_ok=True)
    ids = [f"s{number + 1:03d}-a{index + 1:03d}" for index in range(articles)]
    start = START + timedelta(days=number)
    for index, article_id in enumerate(ids):
        published = start + timedelta(days=index)
        text = _article(cast, index, published, rng)
        (folder / "articles" / f"{article_id}.txt").write_text(text, "utf-8")
    a, b = (c["name"] for c in cast["countries"])
    story = {
        "title": f"{a}–{b} talks",
        "description": f"Talks between {a} and {b} over the {cast['places'][0]['name']}.",
        "articles": [{"id": i, "source": "Synthetic wire"} for i in ids],
    }
    _dump(folder / "story.yml", story)
    _dump(folder / "facts.yml", _facts(cast, ids, start, rng))


def _article(cast: dict[str, Any], index: int, published: datetime, rng: random.Random) -> str:
    people = [p["name"] for p in cast["people"]]
    a, b = (c["name"] for c in cast["countries"])
    place = cast["places"][index % 3]["name"]
    paragraphs = [
        f"{people[0]}, the foreign minister of {a}, met {people[1]}, the foreign minister of "
        f"{b}, in the {place} on {published:%A}. The talks are expected to last "
        f"{2 + index % 4} days.",
        f"{a} and {b} have disputed the {cast['places'][1]['name']} for {10 + index} years.",
        f"{people[2]} said the meeting was “{PHRASES[index % len(PHRASES)]}”.",
        f"{people[3]} of {b} told reporters that {a} had moved {rng.randint(3, 90)} trucks of "
        f"aid through the {cast['places'][2]['name']}.",
        f"Observers from {a} counted {rng.randint(100, 900)} people at the crossing. "
        "Most of them were waiting to return home.",
        f"{people[4]} called for a new round of talks within {rng.randint(2, 6)} weeks.",
        f"{people[5]}, an adviser to {people[0]}, declined to comment on the next steps.",
        f"The previous meeting, {index + 1} days earlier, ended without a joint statement.",
    ]
    return "\n".join(paragraphs) + f"\n#talks #{_slug(a)}\n{published:%Y-%m-%d %H:%M:%S}\n"


def _dump(path: Path, data: Any) -> None:
    path.write_text(
        yaml.dump(data, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, width=100),
        "utf-8",
    )


def _facts(
    cast: dict[str, Any], ids: list[str], start: datetime, rng: random.Random
) -> dict[str, Any]:
    first, last = ids[0], ids[-1]
    a, b = cast["countries"]
    return {
        "summary": [
            _point(f"{cast['people'][0]['name']} met {cast['people'][1]['name']}.", [first]),
            _point(
                f"The latest talks were held in the {cast['places'][(len(ids) - 1) % 3]['name']}.",
                [last],
            ),
        ],
        "background": [
            _point(f"{a['name']} and {b['name']} dispute a region.", [first], "p2s1", "History"),
            _point("Aid moves through a crossing.", [first], "p4s1", "The crossing"),
        ],
        "entities": _entities(cast, first),
        "events": [_event(cast, ids, index, start) for index in range(len(ids))],
        "quotes": [_quote(cast, article_id, index) for index, article_id in enumerate(ids)],
        "changes": [
            {
                "date": (start + timedelta(days=index)).strftime("%Y-%m-%d"),
                "type": "added",
                "article": article_id,
                "text": f"Added the meeting of day {index + 1} and its quote.",
                "items": [f"meeting-{index + 1}"],
            }
            for index, article_id in enumerate(ids)
        ],
    }


def _point(
    text: str, articles: list[str], sentence: str = "p1s1", topic: str | None = None
) -> dict[str, Any]:
    point: dict[str, Any] = {"text": text, "sources": [f"{a}#{sentence}" for a in articles]}
    if topic:
        point["topic"] = topic
    return point


def _entities(cast: dict[str, Any], first: str) -> list[dict[str, Any]]:
    a, b = cast["countries"]
    disputed = cast["places"][1]["name"]
    found = [
        _entity(c, "country", None, f"{first}#p2s1", f"A party to the dispute over the {disputed}.")
        for c in (a, b)
    ]
    # Where the first article names each person, and the country it ties them to, if any.
    named_in = ("p1s1", "p1s1", "p3s1", "p4s1", "p6s1", "p7s1")
    countries = (a, b, None, b, None, None)
    for index, person in enumerate(cast["people"]):
        country = countries[index]
        side = country["id"] if country else None
        entity = _entity(person, "person", side, f"{first}#{named_in[index]}", None)
        if index < 2 and country:
            entity["role"] = f"Foreign Minister of {country['name']}"
        found.append(entity)
    for place, sentence in zip(cast["places"], ("p1s1", "p2s1", "p4s1"), strict=True):
        found.append(_entity(place, "place", None, f"{first}#{sentence}", "A contested area."))
    return found


def _entity(
    item: dict[str, str], kind: str, side: str | None, source: str, description: str | None
) -> dict[str, Any]:
    entity: dict[str, Any] = {"id": item["id"], "type": kind, "name": item["name"]}
    if side:
        entity["affiliation"] = side
        entity["side"] = side
    if description:
        entity["description"] = description
    entity["sources"] = [source]
    return entity


def _event(cast: dict[str, Any], ids: list[str], index: int, start: datetime) -> dict[str, Any]:
    people = cast["people"]
    event: dict[str, Any] = {
        "id": f"meeting-{index + 1}",
        "title": f"Talks in the {cast['places'][index % 3]['name']}",
        "when": (start + timedelta(days=index)).strftime("%Y-%m-%d"),
        "place": cast["places"][index % 3]["id"],
        "participants": [
            {"entity": people[0]["id"], "role": "party"},
            {"entity": people[1]["id"], "role": "party"},
        ],
        "summary": f"{people[0]['name']} and {people[1]['name']} met.",
        "sources": [f"{ids[index]}#p1s1"],
    }
    if index == 0:
        event["page"] = True
        event["agenda"] = [_point("The disputed region.", [ids[0]], "p2s1")]
    elif index < 4:
        event["preceded_by"] = [f"meeting-{index}"]
    return event


def _quote(cast: dict[str, Any], article_id: str, index: int) -> dict[str, Any]:
    return {
        "id": f"quote-{index + 1}",
        "text": PHRASES[index % len(PHRASES)],
        "speaker": cast["people"][2]["id"],
        "event": f"meeting-{index + 1}",
        "sources": [f"{article_id}#p3s1"],
    }
