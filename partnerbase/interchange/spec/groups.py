"""Working groups (members, meetings, ideas) and pledges (1.3)."""

from .fields import (
    Spec,
    day,
    decimal,
    money,
    nested,
    ref,
    refs,
    text,
    value,
)

SPECS = [
    Spec(
        # Archived once its members, meetings and ideas are in: an archived group takes none.
        "working_groups",
        "working group",
        (
            ref("challenge_area", "challenge_areas"),
            text("name"),
            text("purpose"),
            day("archived_on", arg=None),
        ),
        model="workinggroups.WorkingGroup",
        blame={"on": "archived_on"},
        service="workinggroups.services:working_group_create",
        programme=True,
        finish="workinggroups:working_group_archived",
    ),
    Spec(
        # The member's account as its email: import finds it by email or creates it.
        "working_group_members",
        "working-group member",
        (
            ref("working_group", "working_groups"),
            ref("person", "people"),
            text("account_email", None, arg=None, write=lambda m: m.user.email if m.user else None),
            day("joined_on"),
            day("left_on"),
            value("lead", False, attr="is_lead", arg="is_lead"),
        ),
        model="workinggroups.WorkingGroupMember",
        service="workinggroups.services:working_group_member_add",
        scope="working_group__programme",
        select=("user",),
        build="workinggroups:working_group_member",
    ),
    Spec(
        "working_group_meetings",
        "working-group meeting",
        (
            ref("working_group", "working_groups"),
            day("held_on"),
            text("notes"),
            refs("attendees", "working_group_members"),
        ),
        model="workinggroups.WorkingGroupMeeting",
        scope="working_group__programme",
        service="workinggroups.services:meeting_record",
    ),
    Spec(
        # Brought to its status by the moves the pages make (importer/workinggroups.PATHS).
        "ideas",
        "idea",
        (
            ref("working_group", "working_groups"),
            text("title"),
            text("description"),
            ref("proposed_by", "working_group_members"),
            day("proposed_on"),
            text("status", "idea", arg=None),
            day("status_changed_on", arg=None),
            ref("project", "collaborative_projects", arg=None),
        ),
        model="workinggroups.Idea",
        scope="working_group__programme",
        service="workinggroups.services:idea_propose",
        build="workinggroups:idea",
    ),
    Spec(
        # Replayed: recorded, confirmed, each delivery, lapsed.
        "pledges",
        "pledge",
        (
            ref("organisation", "organisations"),
            ref("champion", "champions"),
            text("kind"),
            text("title"),
            text("description"),
            decimal("quantity"),
            text("unit"),
            money("estimated_value", "estimated_value_minor", "estimated_value_currency"),
            ref("challenge_area", "challenge_areas"),
            ref("project", "collaborative_projects"),
            ref("decision", "decisions"),
            day("pledged_on"),
            day("due_on"),
            text("status", "pledged"),
            day("confirmed_on"),
            day("delivered_on"),
            day("lapsed_on"),
            text("lapse_reason"),
            # In the order they were recorded: each delivery's value depends on those before.
            nested(
                "deliveries",
                Spec(
                    "pledge_deliveries",
                    "pledge delivery",
                    (
                        day("delivered_on"),
                        decimal("quantity"),
                        money("value", "value_minor", "pledge.estimated_value_currency"),
                        text("notes"),
                    ),
                    related="deliveries",
                    order=lambda d: (d.delivered_on, d.pk),
                ),
            ),
        ),
        model="pledges.Pledge",
        build="pledges:pledge",
    ),
]
