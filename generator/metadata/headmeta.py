"""Each page's head: front matter keys that the theme (``theme/explainer-head.html``) turns into
``<head>`` tags, and its sitemap template (``theme/sitemap.xml``) into ``<lastmod>``.

- ``jsonld``: the page's schema.org JSON-LD (:mod:`generator.metadata.structured`), one line of JSON
  in a YAML block (a string MkDocs reads in one piece: a mapping of mappings took a sixth of a
  large build to read) with ``<``, ``>``, ``&`` and ``'`` escaped (:func:`script_json`); the
  theme prints it as it is, so no text in it can end the ``<script>`` element;
- ``lastmod``: the day the page last changed, ``YYYY-MM-DD``;
- ``image`` and ``image_alt``: the share card's path in the site and its text, when the site
  has an address (and so cards, :mod:`generator.metadata.sharecards`);
- ``description``: the story's description, on a story page that has none of its own.
"""

from __future__ import annotations

import json
from typing import Any

from generator.corpus import Corpus, Story
from generator.layout import HOME, REFERENCE, SHARED_INDEX, paths_for, shared_path
from generator.metadata.pageaddress import Addresses
from generator.metadata.schemaorg import Node, StoryNodes
from generator.metadata.sharecards import card_path
from generator.metadata.structured import CONTEXT, story_structured_data
from generator.pages import mdtext
from generator.pages.sharing import shared_entities
from generator.pages.storyview import StoryView

Head = dict[str, Any]

_story_heads: dict[str, tuple[tuple[object, ...], dict[str, Head]]] = {}
"""The last heads made for each story, with the key they were made for."""


_pages_with_heads: dict[str, tuple[str, Head, str]] = {}
"""Each page's last Markdown and head, with the page made of them: a page whose Markdown and
head are unchanged is the very same string (as :func:`generator.pages.render.render_stories` keeps
an unchanged story's pages)."""


def with_heads(pages: dict[str, str], heads: dict[str, Head]) -> dict[str, str]:
    """``pages`` with each page's head keys added to its front matter (a key the page sets
    itself is kept)."""
    made = {}
    for path, text in pages.items():
        head = heads.get(path, {})
        kept = _pages_with_heads.get(path)
        if kept is None or kept[0] is not text or kept[1] != head:
            kept = (text, head, _with_head(text, head))
            _pages_with_heads[path] = kept
        made[path] = kept[2]
    return made


def _with_head(markdown: str, head: Head) -> str:
    if not head:
        return markdown
    if markdown.startswith("---\n"):
        end = markdown.index("\n---\n", 3) + 1
        front, body = markdown[4:end], markdown[end:]
    else:
        front, body = "", "---\n\n" + markdown
    present = {line.partition(":")[0] for line in front.splitlines() if ":" in line}
    added = "".join(
        f"{key}: |-\n  {script_json(value)}\n"
        if key == "jsonld"
        else f"{key}: {json.dumps(value, sort_keys=True)}\n"
        for key, value in head.items()
        if key not in present
    )
    return f"---\n{front}{added}{body}"


_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "'": "\\u0027"})


def script_json(value: Any) -> str:
    """``value`` as one line of JSON that a ``<script>`` element can hold: ASCII, with ``<``,
    ``>``, ``&`` and ``'`` written as ``\\u003c``… (JSON has them only inside strings), so no
    ``</script>`` or ``<!--`` in a name can end the element or hide what follows."""
    return json.dumps(value, sort_keys=True).translate(_SCRIPT_SAFE)


def page_heads(corpus: Corpus, addresses: Addresses) -> dict[str, Head]:
    """The head keys of every generated page, by its docs path."""
    cards = addresses.site_url is not None
    heads: dict[str, Head] = {}
    for story in corpus.stories:
        key = (story.fingerprint, addresses, cards)
        kept = _story_heads.get(story.slug)
        if kept is None or kept[0] != key or not story.fingerprint:
            kept = (key, _story_page_heads(story, addresses, cards))
            _story_heads[story.slug] = kept
        heads.update(kept[1])
    heads.update(_site_heads(corpus, addresses, cards))
    return heads


def _story_page_heads(story: Story, addresses: Addresses, cards: bool) -> dict[str, Head]:
    image = card_path(story.slug) if cards else None
    shared: Head = {}
    if image:
        shared["image"] = image
        shared["image_alt"] = mdtext.html_text(_card_text(story.info.title, StoryView(story)))
    if story.info.description:
        shared["description"] = mdtext.html_text(story.info.description)
    heads: dict[str, Head] = {}
    for path, (document, changed) in story_structured_data(story, addresses, image).items():
        heads[path] = {"jsonld": document, **({"lastmod": changed} if changed else {}), **shared}
    return heads


def _card_text(title: str, view: StoryView) -> str:
    dated = view.latest_update_label()
    return f"{title}, as of {dated}" if dated else title


def _site_heads(corpus: Corpus, addresses: Addresses, cards: bool) -> dict[str, Head]:
    """The home page, the facts reference and the pages of entities in several stories."""
    views = [StoryView(story) for story in corpus.stories]
    latest = max((v.latest_update() or "" for v in views), default="") or None
    home: Node = {"@type": "CollectionPage", **_page(addresses, HOME, "Explainers")}
    if views:
        home["mainEntity"] = {"@type": "ItemList", "itemListElement": _story_list(views, addresses)}
    graphs: dict[str, list[Node]] = {HOME: [home]}
    if addresses.site_url is not None:
        name = addresses.site_name or "Explainer"
        graphs[HOME].append({"@type": "WebSite", "name": name, "url": addresses.site_url})
    graphs[REFERENCE] = [{"@type": "WebPage", **_page(addresses, REFERENCE, "Facts reference")}]
    shared = shared_entities(corpus)
    if shared:
        members = [_page(addresses, shared_path(i), i) for i in sorted(shared)]
        index = {"@type": "CollectionPage", **_page(addresses, SHARED_INDEX, "In several stories")}
        graphs[SHARED_INDEX] = [{**index, "hasPart": [{"@id": m["@id"]} for m in members]}]
    for entity_id, appearances in shared.items():
        graphs[shared_path(entity_id)] = [_shared_entity(entity_id, appearances, addresses)]
    heads: dict[str, Head] = {}
    for path, graph in graphs.items():
        head: Head = {"jsonld": {"@context": CONTEXT, "@graph": graph}}
        if latest and path != REFERENCE:
            head["lastmod"] = latest
        if cards:
            head["image"] = card_path(None)
            head["image_alt"] = mdtext.html_text(addresses.site_name or "Explainer")
        heads[path] = head
    return heads


def _page(addresses: Addresses, path: str, name: str) -> Node:
    url = addresses.url(path, here=path)
    return {"@id": url, "url": url, "name": name}


def _story_list(views: list[StoryView], addresses: Addresses) -> list[Node]:
    """The stories as the home page lists them, most recently updated first."""
    ordered = sorted(views, key=lambda v: (v.latest_update() or "", v.story.slug), reverse=True)
    return [
        {
            "@type": "ListItem",
            "position": number,
            "name": view.story.info.title,
            "url": addresses.url(paths_for(view.story)["overview"], here=HOME),
        }
        for number, view in enumerate(ordered, 1)
    ]


def _shared_entity(entity_id: str, stories: list[Story], addresses: Addresses) -> Node:
    here = shared_path(entity_id)
    story = stories[0]
    nodes = StoryNodes(story, StoryView(story), paths_for(story), addresses)
    nodes.here = here
    node = nodes.entity(story.entity(entity_id))
    node["url"] = addresses.url(here, here=here)
    node["@id"] = f"{node['url']}#{entity_id}"
    node["subjectOf"] = [
        {"@id": addresses.url(paths_for(s)["overview"], here=here)} for s in stories
    ]
    return node
