"""The search vocabulary keeps words of every length (it kept four letters and more).

Typos are now read from three letters, and run-together syllables are split into words of any
length, so the words of the products already in the read model are collected again.
"""

from django.db import migrations

COLLECT = """
INSERT INTO catalogue_searchword (word, length)
SELECT DISTINCT u.lexeme, length(u.lexeme)
FROM catalogue_product p CROSS JOIN LATERAL unnest(p.document) AS u
WHERE length(u.lexeme) BETWEEN 1 AND 100
ON CONFLICT (word) DO NOTHING
"""


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0004_producer_story"),
    ]

    operations = [migrations.RunSQL(COLLECT, reverse_sql=migrations.RunSQL.noop)]
