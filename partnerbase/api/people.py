"""Who holds which role in a programme, for its convening team: the people page's list
(accounts.queries.people_list, behind can_manage_people). Each person carries what that
page shows them: their name, email address and roles, and no more."""

from rest_framework import generics, serializers

from partnerbase.accounts.models import Membership
from partnerbase.accounts.permissions import can_manage_people
from partnerbase.accounts.queries import people_list

from .access import LoginFree, programme_for


class RoleSerializer(serializers.ModelSerializer):
    class Meta:
        model = Membership
        fields = ["role", "organisation"]
        read_only_fields = fields


class PersonSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="user.pk", read_only=True, help_text="The user's id")
    full_name = serializers.CharField(source="user.full_name", read_only=True)
    email = serializers.EmailField(source="user.email", read_only=True)
    roles = RoleSerializer(source="memberships", many=True, read_only=True)


class PeopleList(LoginFree, generics.ListAPIView):
    """Everyone holding a role in the programme, by name, with their roles (and the
    organisation each role acts for): the people page's list, for the convening team."""

    serializer_class = PersonSerializer
    queryset = Membership.objects.none()
    filter_backends: list = []  # a list of people, not a queryset: the page has no filters

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return self.queryset
        programme = programme_for(self.request, self.kwargs["slug"], can_manage_people)
        return people_list(programme=programme)
