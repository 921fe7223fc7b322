import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    """Membership.updated_at: the version the role form opened, so a stale save is refused.
    Existing roles take the time of the migration."""

    dependencies = [
        ("accounts", "0004_api_token"),
    ]

    operations = [
        migrations.AddField(
            model_name="membership",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, default=django.utils.timezone.now),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="historicalmembership",
            name="updated_at",
            field=models.DateTimeField(blank=True, default=django.utils.timezone.now, editable=False),
            preserve_default=False,
        ),
    ]
