from pathlib import Path

from newsfuse.fusion.screen import MIN_WORDS, detect_language, screen
from newsfuse.models import Article

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
ENGLISH = (FIXTURES / "english.txt").read_text(encoding="utf-8")
GERMAN = (FIXTURES / "german.txt").read_text(encoding="utf-8")
VIETNAMESE = (FIXTURES / "vietnamese.txt").read_text(encoding="utf-8")


def cleaned(id: str, text: str) -> Article:
    return Article(id=id, text=text, clean_text=text)


def test_english_article_is_kept_with_its_language():
    usable, rejected = screen([cleaned("en", ENGLISH)])
    assert [a.id for a in usable] == ["en"]
    assert usable[0].language == "en"
    assert rejected == []


def test_german_and_vietnamese_are_rejected_with_the_detected_language():
    usable, rejected = screen(
        [cleaned("de", GERMAN), cleaned("en", ENGLISH), cleaned("vi", VIETNAMESE)]
    )
    assert [a.id for a in usable] == ["en"]
    assert [(s.input, s.reason) for s in rejected] == [
        ("de", "not English (detected: de)"),
        ("vi", "not English (detected: vi)"),
    ]


def test_no_text_left_after_cleaning():
    # the raw text had words, but the cleaner removed them all: screening reads the clean text
    article = Article(id="chrome", text="Home | World | Sport\nSubscribe now", clean_text="  \n")
    usable, rejected = screen([article])
    assert usable == []
    assert [(s.input, s.reason) for s in rejected] == [("chrome", "no text left after cleaning")]


def test_too_short_to_summarise():
    caption = "Smoke rises over Kaesong on Tuesday. Photo: Yonhap."
    usable, rejected = screen([cleaned("caption", caption)])
    assert usable == []
    assert [(s.input, s.reason) for s in rejected] == [
        ("caption", f"too short to summarise (8 words; at least {MIN_WORDS} needed)")
    ]


def test_just_enough_words_is_kept():
    text = "North Korea blew up the liaison office in Kaesong on Tuesday, officials in Seoul said."
    assert len(text.split()) == MIN_WORDS
    usable, _ = screen([cleaned("short", text)])
    assert [a.id for a in usable] == ["short"]


def test_duplicate_id_keeps_the_first():
    first = cleaned("a", ENGLISH)
    second = cleaned("a", ENGLISH.replace("Tuesday", "Wednesday"))
    usable, rejected = screen([first, second])
    assert usable == [first.model_copy(update={"language": "en"})]
    assert [(s.input, s.reason) for s in rejected] == [
        ("a", "duplicate id: another article already has the id 'a'")
    ]


def test_rejected_article_does_not_reserve_its_id():
    usable, rejected = screen([cleaned("a", ""), cleaned("a", ENGLISH)])
    assert [a.text for a in usable] == [ENGLISH]
    assert [s.reason for s in rejected] == ["no text left after cleaning"]


def test_input_articles_are_not_changed():
    article = cleaned("en", ENGLISH)
    screen([article])
    assert article.language is None


def test_language_is_detected_from_the_start_of_a_long_text():
    # English opening, then a long German tail: the first ~2000 characters decide
    text = ENGLISH * 6 + GERMAN * 50
    assert detect_language(text) == "en"


def test_chinese_article_is_not_english_even_when_cleaning_left_nothing():
    # Written without spaces, Chinese lines look like fragments to the English line rules, so
    # the clean text can be empty: the reason must still name the language.
    from newsfuse.fusion.clean import clean

    text = (FIXTURES / "chinese.txt").read_text(encoding="utf-8")
    usable, rejected = screen([clean(Article(id="zh", text=text))])
    assert usable == []
    assert [(s.input, s.reason) for s in rejected] == [("zh", "not English (detected: zh)")]


def test_short_chinese_and_japanese_reports_are_named_by_language():
    # A few dozen characters of these scripts are a whole sentence or two (fewer than the 100
    # characters a guess needs in a spaced script): the reason must still be the language.
    zh = "朝鲜周二炸毁了位于开城的朝韩联络办公室，韩国统一部证实了这一消息。该办公室于2018年设立，耗资数十亿韩元。"
    ja = "北朝鮮は16日、開城にある南北共同連絡事務所を爆破した。韓国統一省が確認した。"
    usable, rejected = screen([Article(id="zh", text=zh), Article(id="ja", text=ja)])
    assert usable == []
    assert [(s.input, s.reason) for s in rejected] == [
        ("zh", "not English (detected: zh)"),
        ("ja", "not English (detected: ja)"),
    ]


def test_plain_english_is_known_without_the_classifier(monkeypatch):
    import py3langid

    def fail(text):
        raise AssertionError("the classifier should not be needed for plain English")

    monkeypatch.setattr(py3langid, "classify", fail)
    assert detect_language(ENGLISH) == "en"


def test_french_still_goes_to_the_classifier():
    french = (
        "Le bureau de liaison intercoréen a été détruit mardi par la Corée du Nord, a indiqué "
        "le ministère de l'Unification à Séoul, qui a dénoncé une décision regrettable et "
        "appelé Pyongyang à revenir au dialogue avec ses voisins."
    )  # written for this test
    assert detect_language(french) == "fr"
