"""The bearer scheme and the grouping of endpoints in the OpenAPI schema."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema


class BearerTokenScheme(OpenApiAuthenticationExtension):
    target_class = "partnerbase.api.authentication.BearerTokenAuthentication"
    name = "bearerAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "A token from your account page or `partnerbase tokens create`.",
        }


class AreaSchema(AutoSchema):
    """Group the endpoints by the area of the programme their records belong to
    (Brokering, Funding, …), not all under "programmes": the documentation stays
    readable with sixty kinds of record."""

    def get_tags(self) -> list[str]:
        model = _model(self.get_response_serializers())
        if model is None:
            return ["Programmes"] if "programmes" in self.path else super().get_tags()
        return [str(model._meta.app_config.verbose_name)]


def _model(serializer):
    if isinstance(serializer, dict):  # {status: serializer} from extend_schema
        serializer = next((s for s in serializer.values() if s is not None), None)
    meta = getattr(serializer, "Meta", None)
    return getattr(meta, "model", None)
