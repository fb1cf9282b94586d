"""How a case's text becomes search terms, and a typed search a query (domain.search)."""

from __future__ import annotations

from workstation.domain.search import REVERSED, index_terms, matches, matches_terms, parse_query


def test_chinese_is_pairs_and_numbers_are_words() -> None:
    terms = index_terms("2026112500093", ["彩云北路55号", "井盖破损", "jdy001"]).split()
    assert terms[:2] == ["2026112500093", REVERSED + "3900052116202"]  # by its start or end
    assert terms[2:8] == ["彩云", "云北", "北路", "路", "55", "号"]
    assert terms[8:] == ["井盖", "盖破", "破损", "损", "jdy001"]


def test_a_report_has_few_terms() -> None:
    # The index is written in each report's transaction: its cost follows the terms.
    texts = ["马金铺街道和湾社区附近 55号网格", "人行道上井盖破损，有安全隐患", "jdy001"]
    terms = index_terms("2026112500093", texts).split()
    assert len(terms) <= 32


def test_a_query_asks_pairs_prefixes_and_words() -> None:
    q = parse_query("吴家营 占道 00093 Ｊdy 盖")
    assert q.phrases == (("吴家", "家营"), ("占道",))
    assert q.prefixes == ("盖",)
    assert q.words == ("00093", "jdy")  # full-width folded, lower case
    assert q.literal == ("吴家营", "占道", "00093", "jdy", "盖")
    assert q.indexed
    assert not parse_query("%_ ！").indexed


def test_the_final_check_is_a_plain_substring_test() -> None:
    texts = ["2026112500093", "彩云北路", "井盖破损", "jdy001"]
    assert matches(parse_query("00093 井盖"), texts)
    assert not matches(parse_query("井盖 100%"), texts)  # % is no wildcard


def test_terms_answer_a_query_as_the_index_does() -> None:
    terms = index_terms("202611250093", ["彩云北路12号", "人行道井盖破损", None])
    assert matches_terms(parse_query("井盖"), terms)
    assert matches_terms(parse_query("井盖破损 北路"), terms)  # every word
    assert matches_terms(parse_query("损"), terms)  # one character: the start of a term
    assert matches_terms(parse_query("0093"), terms)  # the end of the case number
    assert matches_terms(parse_query("2026"), terms)  # the start of a word
    assert matches_terms(parse_query("1"), terms)
    assert not matches_terms(parse_query("盖井"), terms)  # the pairs in order
    assert not matches_terms(parse_query("道井盖破损x"), terms)
    assert not matches_terms(parse_query("1125"), terms)  # not the middle of a number
    assert not matches_terms(parse_query("井盖 彩云南"), terms)
