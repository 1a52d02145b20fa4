"""Slugs: readable, stable, ASCII, URL-safe ids from names in any script."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.facts.fieldtypes import ARTICLE_ID_PATTERN, ID_PATTERN
from generator.reading.slugs import MAX_LENGTH, is_slug, slug


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Արարատ Միրզոյան", "ararat-mirzoyan"),
        ("Նիկոլ Փաշինյան", "nikol-pashinyan"),
        ("Ceyhun Bayramov", "ceyhun-bayramov"),
        ("Jeyhun Bayramov", "jeyhun-bayramov"),
        ("İlham Əliyev", "ilham-eliyev"),
        ("Xankəndi", "xankendi"),
        ("Şuşa", "susa"),
        ("Miroslav Lajčák", "miroslav-lajcak"),
        ("Пашинян", "pashinyan"),
        ("Łódź", "lodz"),
        ("Straße", "strasse"),
        ("../etc", "etc"),
        ("../../etc/passwd", "etc-passwd"),
        ("a/b", "a-b"),
        ("New  York", "new-york"),
        ("U.S. Department of State", "u-s-department-of-state"),
        ("nikol-pashinyan", "nikol-pashinyan"),
        ("Nikol_Pashinyan", "nikol-pashinyan"),
        ("O’Brien", "obrien"),
        ("Côte d'Ivoire", "cote-divoire"),
    ],
)
def test_slug_is_readable_ascii(name: str, expected: str) -> None:
    assert slug(name) == expected


def test_spellings_that_differ_keep_different_slugs() -> None:
    assert slug("Ceyhun Bayramov") != slug("Jeyhun Bayramov")


def test_composed_and_decomposed_forms_give_the_same_slug() -> None:
    composed = "Miroslav Lajčák"
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    assert slug(composed) == slug(decomposed) == "miroslav-lajcak"


def test_text_without_letters_gets_a_stable_hashed_slug() -> None:
    assert slug("!!!") == slug("!!!")
    assert re.fullmatch(r"item-[0-9a-f]{8}", slug("!!!"))
    assert slug("/") != slug("!!!")


def test_long_names_are_cut_at_a_word_boundary() -> None:
    name = " ".join(["Organisation"] * 20)
    result = slug(name)
    assert len(result) <= MAX_LENGTH
    assert result.endswith("organisation")


def test_article_ids_may_keep_underscores() -> None:
    assert slug("000_D5E6E064", keep_underscores=True) == "000_d5e6e064"
    assert slug("000_D5E6E064") == "000-d5e6e064"
    assert is_slug("000_d5e6e064", keep_underscores=True)
    assert not is_slug("000_d5e6e064")


@pytest.mark.parametrize("text", ["../x", "a/b", "a b", "Upper", "ararat_", "ə", "-a", "a--b", ""])
def test_is_slug_refuses_what_needs_changing(text: str) -> None:
    assert not is_slug(text)


@given(st.text(max_size=200))
def test_every_slug_is_a_valid_id_and_its_own_slug(text: str) -> None:
    result = slug(text)
    assert re.fullmatch(ID_PATTERN, result)
    assert len(result) <= MAX_LENGTH
    assert slug(result) == result


@given(st.text(max_size=200))
def test_every_article_slug_is_a_valid_article_id(text: str) -> None:
    result = slug(text, keep_underscores=True)
    assert re.fullmatch(ARTICLE_ID_PATTERN, result)
    assert slug(result, keep_underscores=True) == result
