from django.apps import AppConfig


class SsoProviderConfig(AppConfig):
    name = "ssoprovider"
    default_auto_field = "django.db.models.BigAutoField"
