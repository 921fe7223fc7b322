"""The public page's accessibility statement and privacy notice: the team's own text, or a
standard one after GOV.UK's model statements. Pure Python.

Text is plain: paragraphs separated by blank lines, a line starting "## " is a heading.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Block:
    kind: str  # "heading" or "paragraph"
    text: str


def blocks(text: str) -> list[Block]:
    found = []
    for chunk in text.replace("\r\n", "\n").split("\n\n"):
        chunk = chunk.strip()
        if not chunk:
            continue
        if chunk.startswith("## "):
            heading, _, rest = chunk[3:].partition("\n")
            found.append(Block("heading", heading.strip()))
            if rest.strip():
                found.append(Block("paragraph", " ".join(rest.split())))
        else:
            found.append(Block("paragraph", " ".join(chunk.split())))
    return found


def _contact(contact: str, department: str) -> str:
    return contact or f"{department or 'the programme team'} through its usual contact details"


def default_accessibility_statement(*, programme: str, department: str, contact: str) -> str:
    return f"""This accessibility statement applies to the public page of {programme}: its \
figures, stories, projects, competitions and downloads.

We want as many people as possible to be able to use this page. You should be able to \
change colours, contrast levels and fonts using your browser or device settings, zoom in up \
to 400% without the text spilling off the screen, navigate the page using just a keyboard or \
speech recognition software, and listen to it using a screen reader.

## How accessible this page is

The page is built with the GOV.UK Design System and checked with automated accessibility \
tests (axe). Charts have their figures in text beside them. Downloads in CSV and JSON are \
data files; the report PDF may not be fully accessible to screen readers.

## Feedback and contact information

If you need information on this page in a different format, or find a problem not listed \
here, contact {_contact(contact, department)}. We will consider your request and get back \
to you within 10 working days.

## Enforcement procedure

The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public \
Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018. If \
you are not happy with how we respond to your complaint, contact the Equality Advisory and \
Support Service (EASS).

## Compliance status

This page is partially compliant with the Web Content Accessibility Guidelines version 2.2 \
AA standard, because of the PDF described above.
"""


def default_privacy_notice(*, programme: str, department: str, contact: str) -> str:
    owner = department or "the programme team"
    return f"""This privacy notice explains how information is used when you visit the \
public page of {programme}, which {owner} publishes.

## What this page collects

The page sets no cookies other than those strictly necessary to run the website, and asks \
you for no personal data. The web server keeps a record of requests (including your IP \
address) for up to 30 days to keep the service secure.

## What this page publishes

The figures, stories, projects and competitions are about organisations: how much funding \
they received, whom they work with and what changed. They name organisations, not private \
individuals. The 360Giving data lists grants and prizes to organisations.

## Who is responsible

The data controller for information about the programme: {owner}. The lawful basis for \
publishing it is the performance of a task carried out in the public interest.

## Your rights

You can ask to see the personal data held about you, and ask for it to be corrected or \
erased. Contact {_contact(contact, department)}. If you are not happy with how your data \
has been handled, you can complain to the Information Commissioner's Office (ico.org.uk).
"""
