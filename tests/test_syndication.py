"""Families: wire copies and rewrites of one text are one independent source."""

from newsfuse import read
from newsfuse.fusion import clean
from newsfuse.fusion.syndication import containment, families, shingles
from newsfuse.models import Article

REUTERS = (
    "North Korea blew up an office set up to foster better ties with South Korea in its border "
    "town of Kaesong on Tuesday after it threatened to take action if North Korean defectors went "
    "ahead with a campaign to send propaganda leaflets into the North. North Korea's KCNA state "
    "news said the liaison office, which had been closed since January over fears of the novel "
    'coronavirus, was "tragically ruined with a terrific explosion". South Korea also said the '
    "office had been blown up."
)
VIETNAMESE_TRANSLATION = (
    "The joint liaison office between South Korea and North Korea in Kaesong, North Korea, was "
    "blown up on June 16. This is the first fixed communication center between the two Korean "
    "peninsulas, with a practical role like an embassy. South Korean officials worked on the "
    "second floor, while North Korean representatives were arranged on the top floor."
)


def _family_sets(articles):
    return {frozenset(f.members) for f in families(articles)}


def test_kaesong_reuters_copies_and_rewrite_are_one_family(kaesong_dir):
    articles = [clean.clean(a) for a in read([kaesong_dir])]
    assert _family_sets(articles) == {
        frozenset({"001_8fa23842f85e5271", "002_24046019265150bb", "004_287fbccee5e1a2b4"}),
        frozenset({"000_a9149104c1ca651c"}),
        frozenset({"003_e677b8c53843b8f0"}),
    }


def test_family_ids_follow_input_order(kaesong_dir):
    articles = [clean.clean(a) for a in read([kaesong_dir])]
    found = families(articles)
    assert [f.id for f in found] == [1, 2, 3]
    assert found[0].members == ("000_a9149104c1ca651c",)


def test_copy_with_extra_paragraphs_joins_its_source():
    extended = REUTERS + " A South Korean military source told Reuters that there had been signs."
    articles = [Article(id="wire", text=REUTERS), Article(id="site", text=extended)]
    assert _family_sets(articles) == {frozenset({"wire", "site"})}


def test_reports_of_one_event_in_other_words_stay_independent():
    articles = [Article(id="reuters", text=REUTERS), Article(id="vn", text=VIETNAMESE_TRANSLATION)]
    assert _family_sets(articles) == {frozenset({"reuters"}), frozenset({"vn"})}


def test_containment_is_share_of_the_smaller_text():
    small, large = shingles(" ".join(REUTERS.split()[:50])), shingles(REUTERS)
    assert containment(small, large) == 1.0
    assert containment(large, small) == 1.0
    assert containment(frozenset(), large) == 0.0
