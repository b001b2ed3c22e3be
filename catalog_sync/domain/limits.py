"""How long the texts of a certificate record may be: one place, used by the importers'
checks and by the registry's database columns, so that a row the importer accepts always
fits the column it is stored in.

Vietnamese producer names are long ("Hợp tác xã Dịch vụ Nông nghiệp và Tiêu thụ Sản phẩm
..."), but none of the published lists comes near 300 characters; a longer cell is a
pasted paragraph or an attack, and its row is rejected rather than cut.
"""

PRODUCT_NAME_MAX_LENGTH = 300
PRODUCER_NAME_MAX_LENGTH = 300
ADDRESS_MAX_LENGTH = 300
DECISION_NUMBER_MAX_LENGTH = 60
ISSUER_MAX_LENGTH = 200
PROVINCE_AS_WRITTEN_MAX_LENGTH = 100
