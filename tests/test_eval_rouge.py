"""newsfuse.eval.rouge on hand-checked cases: right answers score high, wrong ones low.

Tokens as rouge-score makes them: lowercased, non-alphanumerics dropped, Porter stemmer on
words longer than 3 letters ("killed" -> "kill", "was" stays "was").
"""

import pytest

from newsfuse.eval import PRF, Rouge, mean_rouge, rouge, truncate_words
from newsfuse.eval.rouge import sentence_lines

pytest.importorskip("rouge_score")


def approx(value: float) -> object:
    return pytest.approx(value, abs=1e-9)


# --- truncation ----------------------------------------------------------------------------


def test_truncate_keeps_exactly_n_words() -> None:
    assert truncate_words("one two three four", 2) == "one two"
    assert truncate_words("  one   two three ", 3) == "one   two three"
    assert truncate_words("one two", 5) == "one two"
    assert truncate_words("one two", 0) == ""
    assert truncate_words("one two", None) == "one two"
    # 100 words in, exactly 100 out, the 101st gone.
    text = " ".join(f"w{i}" for i in range(150))
    cut = truncate_words(text, 100)
    assert len(cut.split()) == 100 and cut.split()[-1] == "w99"


def test_truncate_keeps_line_breaks_between_kept_words() -> None:
    assert truncate_words("a b.\nc d.\ne f.", 3) == "a b.\nc"


def test_truncate_rejects_negative() -> None:
    with pytest.raises(ValueError):
        truncate_words("a", -1)


def test_words_past_the_budget_do_not_count() -> None:
    # Reference "alpha beta gamma"; the only matching word is the summary's 3rd.
    refs = ["alpha beta gamma"]
    assert rouge("delta epsilon alpha", refs, ["rouge1"], words=2)["rouge1"].recall == 0.0
    # words=3 keeps it: 1 of 3 reference unigrams -> recall 1/3.
    assert rouge("delta epsilon alpha", refs, ["rouge1"], words=3)["rouge1"].recall == approx(1 / 3)


def test_padding_a_summary_does_not_buy_recall_past_the_budget() -> None:
    # The reference words after 50 junk words: invisible at a 50-word budget.
    ref = "the cabinet suspended the vote"
    padded = " ".join(["junk"] * 50) + " " + ref
    assert rouge(padded, [ref], ["rouge1"], words=50)["rouge1"].recall == 0.0
    assert rouge(padded, [ref], ["rouge1"])["rouge1"].recall == 1.0  # untruncated: all found


# --- scores on hand-checked cases ----------------------------------------------------------


def test_identical_and_stemmed_summaries_score_one() -> None:
    # "killed" and "kill" both stem to "kill": identical token lists.
    s = rouge("police kill the gunman", ["Police killed the gunman."])
    assert all(v == PRF(1.0, 1.0, 1.0) for v in s.values())


def test_stemmer_off_counts_inflections_as_different() -> None:
    # Tokens police, kill, the, gunman vs police, killed, the, gunman: 3 of 4 match.
    s = rouge("police kill the gunman", ["police killed the gunman"], ["rouge1"], stemmer=False)
    assert s["rouge1"].recall == approx(3 / 4)


def test_partial_overlap_by_hand() -> None:
    # ref: the cat sat on the mat (6 unigrams, 5 bigrams); summary: the cat ate (3, 2).
    # rouge1: overlap the + cat = 2 -> P 2/3, R 2/6, F 2PR/(P+R) = (4/9)/1 = 4/9.
    # rouge2: overlap "the cat" = 1 -> P 1/2, R 1/5, F (1/5)/(7/10) = 2/7.
    # rougeL: LCS "the cat" = 2 -> as rouge1.
    s = rouge("the cat ate", ["the cat sat on the mat"])
    assert (s["rouge1"].precision, s["rouge1"].recall) == (approx(2 / 3), approx(1 / 3))
    assert s["rouge1"].f1 == approx(4 / 9)
    assert (s["rouge2"].precision, s["rouge2"].recall) == (approx(1 / 2), approx(1 / 5))
    assert s["rouge2"].f1 == approx(2 / 7)
    assert s["rougeL"] == s["rouge1"]


def test_a_wrong_summary_scores_low() -> None:
    ref = "A car bomb exploded near a Jerusalem market, killing the two suicide bombers."
    right = "Two suicide bombers were killed when their car bomb exploded at a Jerusalem market."
    wrong = "Stocks rose sharply on Friday as investors welcomed the central bank's rate cut."
    r, w = rouge(right, [ref]), rouge(wrong, [ref])
    # The reference's 13 unigrams: a car bomb exploded near a jerusalem market killing the two
    # suicide bombers. right shares a (once), car, bomb, exploded, jerusalem, market,
    # killing/killed (both "kill"), two, suicide, bombers = 10; wrong shares only "the" = 1.
    assert r["rouge1"].recall == approx(10 / 13)
    assert w["rouge1"].recall == approx(1 / 13)
    assert w["rouge2"].f1 == 0.0
    assert r["rouge2"].f1 > w["rouge2"].f1


def test_empty_summary_scores_zero() -> None:
    s = rouge("", ["the gunman was killed"])
    assert all(v == PRF(0.0, 0.0, 0.0) for v in s.values())


def test_several_references_are_averaged_or_maxed() -> None:
    # "the cat" against "the cat" (R1 recall 1) and "a dog" (0): mean 0.5, max 1.
    refs = ["the cat", "a dog"]
    assert rouge("the cat", refs, ["rouge1"])["rouge1"].recall == approx(0.5)
    assert rouge("the cat", refs, ["rouge1"], multi_ref="max")["rouge1"].recall == 1.0


def test_references_must_be_given_as_a_list() -> None:
    scorer = Rouge(["rouge1"])
    with pytest.raises(ValueError):
        scorer.score("the cat", [])
    with pytest.raises(TypeError):  # a bare string would be scored character by character
        scorer.score("the cat", "the cat")


def test_unknown_metric_is_refused() -> None:
    with pytest.raises(ValueError):
        Rouge(["rouge-l"])
    with pytest.raises(ValueError):
        Rouge(["rouge1"], multi_ref="min")  # type: ignore[arg-type]


# --- ROUGE-Lsum and sentences --------------------------------------------------------------


def test_rouge_lsum_scores_sentences_in_any_order() -> None:
    # Tokens ref: the cat sat the dog ran; summary: the dog ran the cat sat.
    # rougeL: LCS over the whole text is 3 ("the dog ran" or "the cat sat") -> 3/6 = 0.5.
    # rougeLsum: each reference sentence's LCS with the summary sentences is complete -> 1.
    s = rouge("The dog ran. The cat sat.", ["The cat sat. The dog ran."], ["rougeL", "rougeLsum"])
    assert s["rougeL"].f1 == approx(0.5)
    assert s["rougeLsum"].f1 == approx(1.0)


def test_sentence_lines_puts_one_sentence_per_line_and_keeps_breaks() -> None:
    assert sentence_lines("The dog ran. The cat sat.\nA bird sang") == (
        "The dog ran.\nThe cat sat.\nA bird sang"
    )


def test_summary_as_sentences_equals_summary_as_text() -> None:
    scorer = Rouge(["rouge1", "rougeLsum"], words=4)
    ref = ["The cat sat. The dog ran."]
    # Both cut to "The dog ran. The": 4 words.
    assert scorer.prepare(["The dog ran.", "The cat sat."]) == "The dog ran.\nThe"
    assert scorer.score(["The dog ran.", "The cat sat."], ref) == scorer.score(
        "The dog ran. The cat sat.", ref
    )


def test_mean_rouge_averages_each_field() -> None:
    a = {"rouge1": PRF(1.0, 0.5, 0.6)}
    b = {"rouge1": PRF(0.0, 0.5, 0.2)}
    assert mean_rouge([a, b]) == {"rouge1": PRF(0.5, 0.5, 0.4)}
    with pytest.raises(ValueError):
        mean_rouge([])
