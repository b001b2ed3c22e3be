"""The OCOP domain as plain Python: no Django, no Saleor, standard library only.

Modules:

- ``text``: Unicode normalisation and the folded keys used for search and matching.
- ``stars``: star level from an evaluation score; which levels are certified.
- ``validity``: a certificate's last valid day (Civil Code 2015, Art. 147-148), its status
  on a day, and the Vietnam-time instant it stops being sellable.
- ``groups``: the 6 OCOP product groups and 26 product sets (Decision 148/QĐ-TTg, 2023)
  with stable slugs, and tolerant matching of how annexes write them.
- ``provinces``: the 34 provinces in force from 1 July 2025 and the 63 former ones.
- ``producers``: the kind of organisation a producer (chủ thể) is, from its name.
- ``decisions``: the level (district, province, central) of the authority that issued a
  recognition decision, from its name.
- ``limits``: how long a record's texts may be (the registry's columns use the same values).

Every rule here is sourced in docs/design.md ("The OCOP rules") or in the module itself.
"""
