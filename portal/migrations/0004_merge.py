from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0003_change_values_as_text"),
        ("portal", "0003_order_lines"),
    ]

    operations = []
