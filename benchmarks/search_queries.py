"""The search benchmark's queries, by kind: each as a shopper on a phone would type it, with the demo
catalogue's products (../shared/data/ocop-certified-products.csv, loaded by ``ocop demo``) it should find.

A query counts as found when every product it names is on the first page (24 results).
"""

from __future__ import annotations

# kind -> [(query, names of the products it should find)]
QUERIES: dict[str, list[tuple[str, tuple[str, ...]]]] = {
    "exact, with diacritics": [
        ("Mật ong ruồi", ("Mật ong ruồi",)),
        ("Sầu riêng Tân Phú", ("Sầu riêng Tân Phú",)),
        ("Mắm tôm Sông Đầm", ("Mắm tôm Sông Đầm",)),
        ("Kẹo dừa gừng", ("Kẹo dừa gừng",)),
        ("Chả lụa Phú Mỹ", ("Chả lụa Phú Mỹ",)),
        ("Cà phê Khe Sanh", ("Cà phê Khe Sanh",)),
    ],
    "without diacritics": [
        ("mat ong ruoi", ("Mật ong ruồi",)),
        ("sau rieng tan phu", ("Sầu riêng Tân Phú",)),
        ("mam tom song dam", ("Mắm tôm Sông Đầm",)),
        ("keo dua gung", ("Kẹo dừa gừng",)),
        ("tra hoa vang ba che", ("Trà hoa vàng Ba Chẽ",)),
        ("nuoc mam thanh quoc", ("Nước mắm Thanh Quốc 43 độ đạm", "Nước mắm Thanh Quốc 40 độ đạm")),
    ],
    "prefix while typing": [
        ("mat ong ru", ("Mật ong ruồi",)),
        ("keo dua gu", ("Kẹo dừa gừng",)),
        ("banh phong ch", ("Bánh phồng chuối",)),
        ("yen sao phuong t", ("Yến sào Phương Toàn",)),
    ],
    "one slip, 3-4 letter syllable": [
        ("mamm tom song dam", ("Mắm tôm Sông Đầm",)),  # doubled
        ("keo dua gungg", ("Kẹo dừa gừng",)),
        ("mucc mot nang", ("Mực một nắng",)),
        ("eko dua gung", ("Kẹo dừa gừng",)),  # swapped
        ("nuco mam ba hai", ("Nước mắm Bà Hai",)),
        ("hta sen tuoi", ("Hạt sen tươi",)),
        ("bui da xanh giao long", ("Bưởi da xanh Giao Long",)),  # dropped
        ("ca phe khe snh", ("Cà phê Khe Sanh",)),
        ("dau dua truyen thng", ("Dầu Dừa Truyền Thống",)),
        ("kep dua gung", ("Kẹo dừa gừng",)),  # changed
        ("sau rieng tan phi", ("Sầu riêng Tân Phú",)),
        ("mam lu lau nem", ("Mắm lú lâu năm",)),
    ],
    "two slips, 8+ letter word": [
        ("ca phe chokolade", ("Cà phê phin giấy chocolate (Chappi Mountains Coffee)",)),
        ("ichifuuds", ("Bột cần tây nguyên chất (Dalat ICHIFOODS)", "Bột rau diếp cá cỏ ngọt (Dalat ICHIFOODS)",
                       "Bột rau má đường phèn (Dalat ICHIFOODS)")),
        ("daisy intrenationl", ("Cà phê phin giấy chocolate (Chappi Mountains Coffee)",)),
    ],
    "Telex keys, input method off": [
        ("nuowcs mawms thanh quoocs", ("Nước mắm Thanh Quốc 43 độ đạm", "Nước mắm Thanh Quốc 40 độ đạm")),
        ("maatj ong ruoofi", ("Mật ong ruồi",)),
        ("keoj duwaf gwngf", ("Kẹo dừa gừng",)),
        ("sauf rieeng tan phus", ("Sầu riêng Tân Phú",)),
    ],
    "VNI keys, input method off": [
        ("nu7o71c ma81m thanh quo61c", ("Nước mắm Thanh Quốc 43 độ đạm", "Nước mắm Thanh Quốc 40 độ đạm")),
        ("ma65t ong ruo62i", ("Mật ong ruồi",)),
        ("ke5o du7a2 gu7ng2", ("Kẹo dừa gừng",)),
        ("sa6u2 rie6ng ta6n phu1", ("Sầu riêng Tân Phú",)),
    ],
    "syllables run together": [
        ("nuocmam thanhquoc", ("Nước mắm Thanh Quốc 43 độ đạm", "Nước mắm Thanh Quốc 40 độ đạm")),
        ("matong ruoi", ("Mật ong ruồi",)),
        ("mattong ruoi", ("Mật ong ruồi",)),
        ("keodua gung", ("Kẹo dừa gừng",)),
        ("saurieng tanphu", ("Sầu riêng Tân Phú",)),
        ("dongtrunghathao", ("Rượu đông trùng hạ thảo", "Rượu yến Đông trùng hạ thảo", "Đông trùng hạ thảo khô – DKM")),
    ],
    "d for đ": [
        ("duong hoa dua", ("Đường hoa dừa",)),
        ("dong trung ha thao kho", ("Đông trùng hạ thảo khô – DKM",)),
        ("Dau dua truyen thong", ("Dầu Dừa Truyền Thống",)),
    ],
    "y for i and back": [
        ("cha lua phu mi", ("Chả lụa Phú Mỹ",)),
        ("kho qua phu mĩ", ("Khổ qua Phú Mỹ",)),
    ],
    "spaces and punctuation": [
        ("nuoc-mam  thanh.quoc", ("Nước mắm Thanh Quốc 43 độ đạm", "Nước mắm Thanh Quốc 40 độ đạm")),
        ("  tom su , the ep ", ("Tôm sú – thẻ ép",)),
        ("bo LĐ-034 binh minh", ("Bơ LĐ 034 Bình Minh",)),
    ],
}


def all_queries() -> list[str]:
    return [query for cases in QUERIES.values() for query, _ in cases]
