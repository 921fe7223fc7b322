"""What the project and competition pages share."""

NAV = "projects"
