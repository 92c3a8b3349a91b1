"""Entity types for the names that matter (branch qa, issue 7): a town read from "X police" is
a place, a title inside a run of names opens the next name, a surname NER typed alone joins
the person named in full, and "the two Koreas" is no place of its own."""

from __future__ import annotations

from pathlib import Path

from newsfuse.fusion.clean import clean
from newsfuse.fusion.entities import entities
from newsfuse.models import Article, Entity

QA = Path(__file__).parent / "fixtures" / "entities" / "qa"
KAESONG = Path(__file__).parent.parent / "examples" / "kaesong"


def _found(paths: list[Path]) -> dict[str, Entity]:
    articles = [clean(Article(id=p.stem, text=p.read_text(encoding="utf-8"))) for p in paths]
    return {e.name: e for e in entities(articles, [])}


def test_a_town_read_as_its_police_is_a_place_and_a_title_opens_the_next_name():
    found = _found(sorted(QA.glob("gva_vallejo_*.txt")))
    assert found["Vallejo"].type == "place"  # it was an organisation ("Vallejo police")
    assert found["Kenny Park"].type == "person"
    # "Vallejo Lt. Kenny Park said" held the person "Vallejo Lt."
    assert not [name for name in found if "Lt" in name.split()[-1]]
    assert found["Humboldt Street"].type == "place"
    # organisations named after the town stay organisations
    assert found["Vallejo High School"].type == "organisation"


def test_a_surname_typed_alone_joins_the_person_named_in_full():
    found = _found(sorted(QA.glob("multinews_8ad91bc1_*.txt")))
    person = found["Greg Gianforte"]
    assert person.type == "person" and "Gianforte" in person.variants
    assert "Gianforte" not in found  # it was an organisation of its own
    assert len(person.sources) == 2


def test_the_two_koreas_is_not_a_place_beside_north_and_south_korea():
    found = _found(sorted(KAESONG.glob("*.txt")))
    assert "Koreas" not in found
    assert found["North Korea"].type == found["South Korea"].type == "place"
    assert found["Kaesong"].type == "place"
    for outlet in ("KCNA", "Yonhap", "Reuters", "Rodong Sinmun"):
        assert found[outlet].type == "organisation", outlet


def test_a_pronoun_with_a_curly_apostrophe_names_no_one():
    found = _found(sorted(QA.glob("multinews_6db38079_*.txt")))
    assert not [name for name in found if name.startswith("I’") or name.startswith("I'")]
    assert "Trump" in found and "Iran" in found


def test_a_sea_is_a_place_not_a_person():
    found = _found(sorted(QA.glob("multinews_60e83cb1_*.txt")))
    assert found["Java Sea"].type == "place"
