import unicodedata

import pytest

from catalog_sync.domain.producers import OrganisationType, organisation_type_from_name

COOPERATIVE = OrganisationType.COOPERATIVE
COMPANY = OrganisationType.COMPANY
HOUSEHOLD = OrganisationType.HOUSEHOLD
OTHER = OrganisationType.OTHER


def test_organisation_type_values():
    assert [(t.name, t.value) for t in OrganisationType] == [
        ("COOPERATIVE", "cooperative"),
        ("COMPANY", "company"),
        ("HOUSEHOLD", "household"),
        ("OTHER", "other"),
    ]


NAMES = [
    # cooperatives
    ("Hợp tác xã nông sản Khe Sanh", COOPERATIVE),
    ("Hợp tác xã Bưởi da xanh Giồng Trôm", COOPERATIVE),
    ("HTX Sông Đầm", COOPERATIVE),
    ("HTX chế biến, thương mại, dịch vụ nuôi trồng thủy sản Cái Bát", COOPERATIVE),
    ("H.T.X Sông Đầm", OTHER),  # dotted initials are not recognised
    ("Liên hiệp Hợp tác xã Thương mại TP.HCM", COOPERATIVE),
    ("Tổ hợp tác Sang Trọng", COOPERATIVE),  # documented choice: a collective, not a family
    # companies
    ("Công ty TNHH Trà Vinh FARM", COMPANY),
    ("Công ty Cổ phần thương mại Khải Hoàn", COMPANY),
    ("CÔNG TY CỔ PHẦN MẬT ONG TÍN PHÁT", COMPANY),
    ("Công ty TNHH Dịch vụ và thương mại Minh Thảo – Chi nhánh III", COMPANY),
    ("Cty TNHH Hải Nam", COMPANY),
    ("Cty. CP Kim Bôi", COMPANY),
    ("CTCP Nông nghiệp DKM", COMPANY),
    ("Doanh nghiệp tư nhân Ba Con Gấu", COMPANY),
    ("DNTN Ba Con Gấu", COMPANY),
    ("Chi nhánh Công ty TNHH ICHIFOODS", COMPANY),
    ("Tổng công ty Lâm nghiệp", COMPANY),
    # households
    ("Hộ kinh doanh Ngọc Giàu", HOUSEHOLD),
    ("Hộ kinh doanh cơ sở sản xuất và kinh doanh Phú An Khương", HOUSEHOLD),
    ("HKD Yến Khoa", HOUSEHOLD),
    ("Hộ ông Nguyễn Văn Thà", HOUSEHOLD),
    ("Hộ gia đình bà Lê Thị Hoa", HOUSEHOLD),
    ("Cơ sở Quang Long", HOUSEHOLD),
    ("Cơ sở sản xuất nem chả Cô Hiển", HOUSEHOLD),
    # other
    ("Hồ Văn Nghị", OTHER),  # the surname Hồ is not "Hộ"
    ("Ho Van Nghi", OTHER),
    ("Trà Vinh FARM", OTHER),
    ("(producer not named in source)", OTHER),
    ("UBND xã Tân Phú", OTHER),
    ("Nông trại 3 Tình", OTHER),
    ("", OTHER),
    # English names
    ("Vinh Phat Cooperative", COOPERATIVE),
    ("Daisy International Co., Ltd", COMPANY),
    ("Tin Phat Honey JSC", COMPANY),
]


@pytest.mark.parametrize(("name", "expected"), NAMES)
def test_organisation_type_from_name(name, expected):
    assert organisation_type_from_name(name) is expected


@pytest.mark.parametrize(("name", "expected"), [(n, e) for n, e in NAMES if n])
def test_organisation_type_from_decomposed_unicode_is_the_same(name, expected):
    assert organisation_type_from_name(unicodedata.normalize("NFD", name)) is expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Hop tac xa nong san Khe Sanh", COOPERATIVE),
        ("HOP TAC XA BUOI DA XANH", COOPERATIVE),
        ("htx song dam", COOPERATIVE),
        ("To hop tac Sang Trong", COOPERATIVE),
        ("Cong ty TNHH Tra Vinh FARM", COMPANY),
        ("CONG TY CO PHAN MAT ONG TIN PHAT", COMPANY),
        ("cty cp kim boi", COMPANY),
        ("Doanh nghiep tu nhan Ba Con Gau", COMPANY),
        ("Ho kinh doanh Ngoc Giau", HOUSEHOLD),
        ("HO KINH DOANH NGOC GIAU", HOUSEHOLD),
        ("Ho gia dinh ba Le Thi Hoa", HOUSEHOLD),
        ("Ho san xuat Nguyen Van A", HOUSEHOLD),
        ("Co so Quang Long", HOUSEHOLD),
        # without diacritics "Hộ ông" cannot be told from the surname "Hồ"
        ("Ho ong Nguyen Van Tha", OTHER),
    ],
)
def test_organisation_type_from_name_without_diacritics(name, expected):
    assert organisation_type_from_name(name) is expected


def test_leading_legal_form_decides_over_later_words():
    # a household whose trade name mentions a company
    assert organisation_type_from_name("Hộ kinh doanh Công ty nhỏ") is HOUSEHOLD
    # a cooperative named after a company word
    assert organisation_type_from_name("HTX Công ty cũ") is COOPERATIVE
    # legal-form words later in the name do not count
    assert organisation_type_from_name("Trang trại Hợp tác xã cũ") is OTHER
