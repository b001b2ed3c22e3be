"""The feed's version follows every write that can alter the feed document.

Statement-level triggers bump ``RegistryChange`` on any write to certificates, and on
the producer and decision columns the feed repeats (a producer's name; a decision's
number, issuer and date), whether the write comes from a form, the admin, a bulk
``UPDATE`` or ``COPY``.
"""

from django.db import migrations, models

BUMP = """
CREATE OR REPLACE FUNCTION registry_feed_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO registry_registrychange (id, version, changed_at) VALUES (1, 1, now())
    ON CONFLICT (id) DO UPDATE
        SET version = registry_registrychange.version + 1, changed_at = now();
    RETURN NULL;
END
$$;
CREATE TRIGGER registry_certificate_feed_changed
    AFTER INSERT OR UPDATE OR DELETE ON registry_certificate
    FOR EACH STATEMENT EXECUTE FUNCTION registry_feed_changed();
CREATE TRIGGER registry_producer_feed_changed
    AFTER UPDATE OF name ON registry_producer
    FOR EACH STATEMENT EXECUTE FUNCTION registry_feed_changed();
CREATE TRIGGER registry_decision_feed_changed
    AFTER UPDATE OF number, issuer, signed_on ON registry_decision
    FOR EACH STATEMENT EXECUTE FUNCTION registry_feed_changed();
"""

DROP = """
DROP TRIGGER IF EXISTS registry_certificate_feed_changed ON registry_certificate;
DROP TRIGGER IF EXISTS registry_producer_feed_changed ON registry_producer;
DROP TRIGGER IF EXISTS registry_decision_feed_changed ON registry_decision;
DROP FUNCTION IF EXISTS registry_feed_changed();
"""


class Migration(migrations.Migration):
    dependencies = [("registry", "0001_initial")]

    operations = [
        migrations.RunSQL(BUMP, DROP),
        migrations.AlterField(
            model_name="certificate",
            name="revoked_on",
            field=models.DateField(blank=True, null=True, verbose_name="revoked from"),
        ),
    ]
