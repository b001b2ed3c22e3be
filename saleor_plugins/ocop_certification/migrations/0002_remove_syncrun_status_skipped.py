# A run is never recorded as skipped: a run that cannot start raises instead (SyncRefused).

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('ocop_certification', '0001_initial'),
    ]

    operations = [
        migrations.AlterField(
            model_name='syncrun',
            name='status',
            field=models.CharField(choices=[('running', 'Running'), ('done', 'Done'), ('held', 'Held'), ('dry_run', 'Dry Run'), ('failed', 'Failed')], default='running', max_length=16),
        ),
    ]
