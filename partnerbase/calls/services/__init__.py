"""Writes for calls and applications; every domain record goes through record_save
(history). An account request is not one: it lives until its email is confirmed."""

from .applicants import (
    account_request_confirm,
    applicant_add,
    applicant_register,
    applicants_admit,
    call_takes_accounts,
)
from .applications import (
    application_save,
    application_start,
    application_submit,
    application_withdraw,
    eligibility_failures,
)
from .editing import (
    call_close,
    call_delete,
    call_delete_refusal,
    call_update,
    question_move,
    question_remove,
    rule_move,
    rule_update,
)
from .restore import application_restore
from .setup import (
    call_create,
    question_add,
    question_update,
    rule_add,
    rule_remove,
)

__all__ = [
    "account_request_confirm",
    "applicant_add",
    "applicant_register",
    "applicants_admit",
    "application_restore",
    "application_save",
    "application_start",
    "application_submit",
    "application_withdraw",
    "call_close",
    "call_create",
    "call_delete",
    "call_delete_refusal",
    "call_update",
    "call_takes_accounts",
    "eligibility_failures",
    "question_add",
    "question_move",
    "question_remove",
    "question_update",
    "rule_add",
    "rule_move",
    "rule_remove",
    "rule_update",
]
