# The last good feed also kept parsed, in compact form, so a fresh process does not parse it again.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('ocop_certification', '0002_remove_syncrun_status_skipped'),
    ]

    operations = [
        migrations.AddField(
            model_name='feedstate',
            name='packed',
            field=models.BinaryField(blank=True, null=True),
        ),
    ]
