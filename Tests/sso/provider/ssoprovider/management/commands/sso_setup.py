"""`manage.py sso_setup --redirect-uri URI [--redirect-uri URI ...]`: the fixtures of the test provider.

Idempotent: run it on every start. It makes one RSA signing key (only if there is none, so the `kid`
stays the same on a reused data dir), the confidential client `masterly` with exactly the given
redirect URIs, and the test users (their passwords and emails are reset on every run).
"""
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from oidc_provider.models import Client, ResponseType, RSAKey

CLIENT_ID = "masterly"
CLIENT_SECRET = "masterly-sso-secret"
PASSWORD = "sso-password"
USERS = [
    # username, email, first name, last name
    ("student", "student@school-1.example.org", "Sam", "Student"),
    ("teacher", "teacher@school-1.example.org", "Tess", "Teacher"),
    ("stranger", "stranger@elsewhere.example.org", "Stan", "Stranger"),
]


class Command(BaseCommand):
    help = "Create (or update) the RSA key, the 'masterly' client and the test users."

    def add_arguments(self, parser):
        parser.add_argument("--redirect-uri", action="append", required=True, dest="redirect_uris")

    def handle(self, *args, redirect_uris, **options):
        if not RSAKey.objects.exists():
            call_command("creatersakey", stdout=self.stdout)
        kids = [key.kid for key in RSAKey.objects.all()]

        with transaction.atomic():
            try:
                code = ResponseType.objects.get(value="code")
            except ResponseType.DoesNotExist:
                raise CommandError("response type 'code' missing: did `migrate` run?")
            client, _ = Client.objects.get_or_create(client_id=CLIENT_ID, defaults={"name": "Masterly"})
            client.name = "Masterly"
            client.client_type = "confidential"
            client.client_secret = CLIENT_SECRET
            client.jwt_alg = "RS256"
            client.redirect_uris = redirect_uris
            client.require_consent = False
            client.reuse_consent = True
            client.save()
            client.response_types.set([code])

            User = get_user_model()
            for username, email, first, last in USERS:
                user, _ = User.objects.get_or_create(username=username)
                user.email, user.first_name, user.last_name = email, first, last
                user.is_active = True
                user.set_password(PASSWORD)
                user.save()

        self.stdout.write(
            f"client {CLIENT_ID}: redirect URIs {' '.join(redirect_uris)}; "
            f"users {', '.join(u[0] for u in USERS)}; signing key kid {kids[0]}"
        )
