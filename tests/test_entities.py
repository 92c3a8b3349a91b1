"""Entities: names found cheaply, typed by NER on tiny windows, spellings merged, sources counted.

The fixtures are sentences copied verbatim from the five Kaesong articles (cleaned text), so the
spellings are the real ones: "Kim Yo Jong" in three articles and "Kim Yo-jong" in a fourth,
"President Moon" next to "Moon Jae-in", KCNA written only as an acronym.
"""

from pathlib import Path

import pytest

from newsfuse.fusion import entities as entities_module
from newsfuse.fusion.entities import entities
from newsfuse.models import Article, Entity, Family

FIXTURES = Path(__file__).parent / "fixtures" / "entities"

# Families as syndication finds them on the full articles: 001, 002 and 004 are Reuters copies.
FAMILIES = (
    Family(id=1, members=("000",)),
    Family(id=2, members=("001", "002", "004")),
    Family(id=3, members=("003",)),
)


def _article(id: str, text: str) -> Article:
    return Article(id=id, text=text, clean_text=text)


def _kaesong() -> list[Article]:
    # kaesong_000_vn_translation.txt -> id "000"
    return [_article(p.stem.split("_")[1], p.read_text()) for p in sorted(FIXTURES.glob("*.txt"))]


@pytest.fixture(scope="module")
def found() -> dict[str, Entity]:
    return {e.name: e for e in entities(_kaesong(), FAMILIES)}


def _having(found: dict[str, Entity], spelling: str) -> Entity:
    matches = [e for e in found.values() if spelling == e.name or spelling in e.variants]
    assert len(matches) == 1, f"{spelling!r} in {sorted(found)}"
    return matches[0]


def test_the_main_names_are_found(found):
    for name in [
        "North Korea",
        "South Korea",
        "Kaesong",
        "Pyongyang",
        "Seoul",
        "Kim Yo Jong",
        "Kim Jong Un",
        "Moon Jae-in",
        "KCNA",
        "Reuters",
        "Yonhap",
    ]:
        assert name in found, sorted(found)


def test_hyphenated_spelling_merges_and_counts_its_article(found):
    kim = found["Kim Yo Jong"]
    assert kim.variants == ("Kim Yo-jong",)
    assert kim.sources == ("000", "001", "002", "003")
    assert kim.independent_sources == 3
    assert kim.mentions == 4
    assert found["Kim Jong Un"].variants == ("Kim Jong-un",)  # "Kim Jong Un's": possessive off


def test_surname_merges_into_the_only_full_name_containing_it(found):
    moon = found["Moon Jae-in"]  # "South Korea's President Moon urged" in 004
    assert "Moon" in moon.variants
    assert moon.sources == ("001", "002", "004")
    assert moon.independent_sources == 1  # all three are Reuters copies


def test_ambiguous_short_name_is_not_merged(found):
    # "agreements he reached with Kim in 2018": Kim Yo Jong or Kim Jong Un? Neither, safely.
    assert "Kim" not in found["Kim Yo Jong"].variants
    assert "Kim" not in found["Kim Jong Un"].variants


def test_types_of_obvious_names(found):
    assert {found[n].type for n in ["Kim Yo Jong", "Kim Jong Un", "Moon Jae-in"]} == {"person"}
    assert {found[n].type for n in ["North Korea", "Kaesong", "Pyongyang", "Seoul"]} == {"place"}
    assert found["Reuters"].type == "organisation"


def test_no_capitalised_common_words(found):
    junk = {
        "The",
        "Tuesday",
        "Saturday",
        "Monday",
        "June",
        "January",
        "September",
        "Meanwhile",
        "Tensions",
        "Responding",
        "Last",
        "On",
        "North Korean",
        "South Korean",
        "North Koreans",
    }
    assert not junk & {s for e in found.values() for s in (e.name, *e.variants)}


def test_ranked_by_independent_sources_then_sources_then_mentions():
    found = entities(_kaesong(), FAMILIES)
    keys = [(-e.independent_sources, -len(e.sources), -e.mentions) for e in found]
    assert keys == sorted(keys)
    assert found[0].independent_sources == 3
    assert len(entities(_kaesong(), FAMILIES, limit=3)) == 3


def test_sources_follow_article_order_and_unfamilied_articles_count_alone():
    articles = _kaesong()
    found = {e.name: e for e in entities(articles[::-1], [])}
    assert found["Kim Yo Jong"].sources == ("003", "002", "001", "000")
    assert found["Kim Yo Jong"].independent_sources == 4


def test_currency_codes_are_not_names():
    articles = [
        _article(
            "000",
            "According to NK News , South Korea spent nearly 8.6 million USD to "
            "renovate inter-Korean liaison office.",
        ),
        _article(
            "002",
            "South Korea spent at least 9.78 billion won (US$8.6 million) in 2018 to "
            "renovate the building, which stood as a gleaming four-storey blue glass "
            "structure amid the otherwise drab industrial city.",
        ),
    ]
    found = {e.name: e for e in entities(articles, [])}
    assert found["South Korea"].sources == ("000", "002")
    assert not {"US", "USD"} & set(found)


def test_acronym_merges_with_the_name_it_abbreviates():
    articles = [
        _article(
            "a",
            "North Korea's official Korean Central News Agency said the office was "
            'destroyed. The Korean Central News Agency called defectors "human scum".',
        ),
        _article("b", "KCNA said the office was blown up. Later KCNA quoted the military."),
        _article("c", "North Korean state news agency KCNA reported the explosion."),
    ]
    agency = _having({e.name: e for e in entities(articles, [])}, "KCNA")
    assert agency.name == "Korean Central News Agency"  # the full form, though used less
    assert agency.sources == ("a", "b", "c")
    assert agency.mentions == 5


def test_accents_and_middle_initials_do_not_split_a_name():
    articles = [
        _article(
            "a",
            "Vietnam's Communist Party chief Nguyễn Phú Trọng met President Moon "
            "Jae-in in Hanoi on Tuesday. Donald J. Trump was not there.",
        ),
        _article(
            "b",
            "Nguyen Phu Trong, the party chief, told reporters in Hanoi that ties with "
            "Donald Trump were strong.",
        ),
    ]
    found = {e.name: e for e in entities(articles, [])}
    assert _having(found, "Nguyen Phu Trong").sources == ("a", "b")
    assert _having(found, "Donald Trump").sources == ("a", "b")


@pytest.mark.parametrize(
    "texts",
    [
        [],
        [""],
        ["   \n\n\t"],
        ["only lower case words here, no names at all. none."],
        ["!!! ??? 123 456 ... ----- $$$ 2:50 p.m. 9.78"],
        ["NORTH KOREA BLEW UP THE LIAISON OFFICE IN KAESONG ON TUESDAY, KCNA SAID.\nKIM WARNED."],
        ["The This These However Tuesday June NEWLINE_CHAR NEWLINE_CHAR A B C. I. O. U."],
        [
            "military sentiment towards Korea ”. local openers that they were willing to join "
            'hands "to blow up" the . Keasong Industrial Park is a special economic zone'
        ],
        ["Ông Nguyễn Phú Trọng gặp Tổng thống Moon Jae-in tại Hà Nội. Ελλάδα и Москва 北京"],
        ["\x00\x01 ÄÖÜ ß “”’— " * 50, "Zürich São Paulo Łódź " * 30],
    ],
)
def test_robust_on_odd_text(texts):
    articles = [_article(str(i), t) for i, t in enumerate(texts)]
    found = entities(articles, [])
    assert len(found) <= 25
    for e in found:
        assert e.name and e.mentions >= 1 and set(e.sources) <= {a.id for a in articles}


def test_no_model_needed_when_nothing_looks_like_a_name(monkeypatch):
    def no_model(*args, **kwargs):
        raise AssertionError("the NER model should not be run")

    monkeypatch.setattr(entities_module.nlp, "pipe", no_model)
    assert entities([_article("a", "nothing capitalised here. or here.")], []) == ()
    assert entities([_article("a", "North Korea")], [], limit=0) == ()


# --- types checked against the cluster's own use of a name ---------------------------------------


def _folder(name: str) -> list[Article]:
    return [_article(p.stem, p.read_text()) for p in sorted((FIXTURES / name).glob("*.txt"))]


def test_outlets_are_organisations():
    # Sentences of five Multi-News clusters. NER alone, on its tiny windows, read every one of
    # these outlets as a place; the text says they report, are told things and credit.
    found = {e.name: e.type for e in entities(_folder("outlets"), ())}
    for outlet in ("Fairfax", "Sun", "KCTV", "Bloomberg", "Bloomberg News"):
        assert found[outlet] == "organisation", (outlet, found)
    assert found["London"] == "place"


def test_news_agencies_and_papers_of_the_kaesong_reports_are_organisations(found):
    assert found["KCNA"].type == "organisation"  # "KCNA reported", "KCNA state news said"
    paper = [
        "On the morning of the same day, Rodong Sinmun of North Korea threatened "
        '"that the useless thing called the North-South joint liaison office will disappear '
        'without a trace".',
        "In a June 15 article in the Rodong Sinmun newspaper, a North Korean Labor Party "
        'mouthpiece, Pyongyang called South Korea the "enemy".',
    ]
    typed = {
        e.name: e.type for e in entities([_article("a", paper[0]), _article("b", paper[1])], ())
    }
    assert typed["Rodong Sinmun"] == "organisation"  # NER: a person; "Sinmun" is a newspaper


def test_a_drug_is_neither_place_nor_person():
    # Sentences of the Timeline17 Michael Jackson pages: the cluster writes "propofol" in lower
    # case more often than capitalised, as a common noun (NER read "Propofol" as a person).
    found = {e.name: e.type for e in entities(_folder("propofol"), ())}
    assert found["Propofol"] == "other"
    assert found["Conrad Murray"] == "person" and found["Los Angeles"] == "place"


def test_a_name_with_digits_is_not_a_person():
    texts = [
        "The H1N1 virus spread to Mexico City on Friday, officials in Mexico said.",
        "Doctors in Mexico said the H1N1 strain was new. H1N1 has killed 20 people.",
        "Experts said H1N1 spread fast in Mexico City and the H5N1 strain did not.",
    ]
    found = {
        e.name: e.type for e in entities([_article(str(i), t) for i, t in enumerate(texts)], ())
    }
    assert found.get("H1N1", "other") != "person"


def test_a_compass_compound_names_no_place():
    # kaesong 000 (a machine translation): "North-South" qualifies the office, it is no place.
    texts = [
        "On the morning of the same day, Rodong Sinmun of North Korea threatened "
        '"that the useless thing called the North-South joint liaison office will disappear '
        'without a trace".',
        "North Korea blew up the liaison office in Kaesong, South Korea said.",
    ]
    names = {e.name for e in entities([_article("a", texts[0]), _article("b", texts[1])], ())}
    assert "North-South" not in names
    assert {"North Korea", "South Korea"} <= names


def test_a_capitalised_saint_in_a_dateline_stays_one_name():
    # GVA (KMOX): "ST. LOUIS" was the place "ST" and a stray "LOUIS"
    texts = [
        "ST. LOUIS (KMOX) – Three armed men walked into a south St. Louis bar late Tuesday "
        "hoping to pull off a robbery.",
        "St. Louis police said six people were shot in the bar in St. Louis on Tuesday.",
    ]
    found = {e.name: e for e in entities([_article("a", texts[0]), _article("b", texts[1])], ())}
    assert "ST" not in found and "LOUIS" not in found
    assert found["St. Louis"].type == "place"


def test_a_short_form_of_two_places_is_not_listed_as_a_third(found):
    # 000 writes "managed by Korea and North Korea" (it means South Korea) and "Workers'
    # Party of Korea"; the cluster's places are North Korea and South Korea.
    assert "Korea" not in found
    assert found["North Korea"].type == found["South Korea"].type == "place"


def test_a_short_form_as_cited_as_its_longer_places_stays():
    texts = [
        "Korea was divided in 1945 into North Korea and South Korea.",
        "North Korea and South Korea both claim all of Korea, historians in Korea say.",
    ]
    names = {e.name for e in entities([_article("a", texts[0]), _article("b", texts[1])], ())}
    assert {"Korea", "North Korea", "South Korea"} <= names
