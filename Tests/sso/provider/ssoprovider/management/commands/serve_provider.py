"""`manage.py serve_provider --noreload 127.0.0.1:PORT`: Django's runserver, plus the line `provider ready`
on stdout once the socket is bound and listening (the app and URLs are loaded and checked before that)."""
from django.core.management.commands.runserver import Command as RunserverCommand


class Command(RunserverCommand):
    help = "runserver that prints 'provider ready' once it listens"

    def on_bind(self, server_port):
        super().on_bind(server_port)
        self.stdout.write("provider ready")
        self.stdout.flush()
