"""Names are listed in the order a reader of Vietnamese expects: Đ among the Ds, marked letters beside bare ones."""

from rater_desktop.collation import name_key, without_marks


def test_vietnamese_letters_fold_to_their_bare_letters():
    assert without_marks("Đà Nẵng") == "Da Nang"
    assert without_marks("Chi nhánh Hồ Chí Minh, đường Lê Lợi") == "Chi nhanh Ho Chi Minh, duong Le Loi"


def test_names_sort_by_their_letters_not_by_code_point():
    names = ["Zeta", "Đà Nẵng", "airport", "Ánh", "An", "Bình", "đông", "Yến", "Dung"]
    assert sorted(names)[-3:] == ["Ánh", "Đà Nẵng", "đông"]        # code point: after z
    assert sorted(names, key=name_key) == ["airport", "An", "Ánh", "Bình", "Đà Nẵng", "đông", "Dung", "Yến", "Zeta"]


def test_names_that_fold_alike_keep_one_order_whatever_order_they_come_in():
    names = ["Lan", "Lân", "LAN", "lan", "Lãn"]
    assert sorted(names, key=name_key) == sorted(reversed(names), key=name_key)
    assert len({name_key(n) for n in names}) == len(names)
