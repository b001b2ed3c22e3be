"""The catalogue's words and the keystrokes a query may carry: how one folded query word is read."""

from catalog_sync.catalogue.search import keystrokes
from catalog_sync.catalogue.search.base import Term, query_terms
from catalog_sync.catalogue.search.vocabulary import Vocabulary, edit_distance

WORDS = Vocabulary(["nuoc", "mam", "mat", "ong", "u", "minh", "dua", "ky", "son", "sam", "sim", "san", "arabica",
                    "chocolate", "ngoc", "quoc"])


def test_a_swap_of_two_neighbouring_letters_is_one_edit():
    assert edit_distance("tio", "toi", 2) == 1
    assert edit_distance("mamm", "mam", 2) == 1
    assert edit_distance("chokolade", "chocolate", 2) == 2
    assert edit_distance("arbca", "arabica", 1) == 2  # more than the limit: limit + 1


def test_typo_neighbours_are_catalogue_words_of_three_letters_or_more():
    assert WORDS.neighbours("sam", 1) == ["mam", "san", "sim"]
    assert WORDS.neighbours("nuoc", 1) == ["ngoc", "quoc"]
    assert WORDS.neighbours("chokolade", 2) == ["chocolate"]
    assert WORDS.neighbours("arbca", 1) == []
    assert WORDS.neighbours("un", 1) == []  # "u" is a word, but too short to be read as a typo


def test_telex_and_vni_keys_are_read_as_the_syllable_they_stand_for():
    assert [keystrokes.telex(w) for w in ("nuowcs", "mawms", "duwaf", "ddaf", "sam", "farms")] == [
        "nuoc", "mam", "dua", "da", None, None]
    assert [keystrokes.vni(w) for w in ("nu7o7c1", "ma8m1", "du7a2", "d9a2", "st25", "40")] == [
        "nuoc", "mam", "dua", "da", None, None]
    assert keystrokes.other_y_or_i("ki") == "ky" and keystrokes.other_y_or_i("quy") == "qui"
    assert keystrokes.other_y_or_i("tuy") is None  # "uy" is not "ui"


def test_a_query_is_read_against_the_catalogues_words():
    assert query_terms("nuowcs ma8m1", WORDS) == [Term("nuoc", (), 1, prefix=False), Term("mam", (), 1, prefix=False)]
    # a catalogue word followed by another is finished: whole, not a prefix; the last one may be cut short
    assert query_terms("nuocmam", WORDS) == [Term("nuoc", (), 1, prefix=False), Term("mam", (), 1)]
    assert query_terms("uminh", WORDS) == [Term("u", (), 0, prefix=False), Term("minh", (), 1)]
    assert query_terms("mattong", WORDS) == [Term("mat", (), 1, prefix=False), Term("ong", (), 1)]  # doubled too
    assert query_terms("nuocma", WORDS) == [Term("nuoc", (), 1, prefix=False), Term("ma", (), 0)]  # still typing
    assert query_terms("ki son", WORDS) == [Term("ky", (), 0, prefix=False), Term("son", (), 1)]
    assert query_terms("b mam", WORDS) == [Term("b", (), 0), Term("mam", (), 1)]  # not a word: a prefix
    assert query_terms("arabica", WORDS) == [Term("arabica", (), 1)]
    assert query_terms("chocolatte", WORDS) == [Term("chocolatte", (), 2)]
