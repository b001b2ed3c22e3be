"""The search vocabulary keeps words of every length (it kept four letters and more), each marked
``named`` when it is in a product's name or its producer's (the words a typo may stand for).

Typos are now read from three letters, and run-together syllables are split into words of any
length, so the words of the products already in the read model are collected again.
"""

from django.db import migrations, models

COLLECT = """
INSERT INTO catalogue_searchword (word, length, named)
SELECT u.lexeme, length(u.lexeme), bool_or(u.weights && ARRAY['A', 'B'])
FROM catalogue_product p CROSS JOIN LATERAL unnest(p.document) AS u
WHERE length(u.lexeme) BETWEEN 1 AND 100
GROUP BY u.lexeme
ON CONFLICT (word) DO UPDATE SET named = catalogue_searchword.named OR excluded.named
"""


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0004_producer_story"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchword",
            name="named",
            field=models.BooleanField(default=False),
        ),
        migrations.RunSQL(COLLECT, reverse_sql=migrations.RunSQL.noop),
    ]
