"""The one exception publishing raises: a reason not to publish, for whoever meets it."""

from __future__ import annotations


class PublishError(Exception):
    """A reason not to publish, worded for the person who meets it.

    Refusals about the notice (its versions, its text, the files in docs/, the working tree)
    are in Swedish, as the build's messages: editors read them in CI's log, and those they can
    meet after a merge (``browser``) end with how to fix them in the browser. Refusals about
    the deployment (settings such as site_url and CONTACT_FORM_ACTION, NOTICE_TODAY, git,
    mike, origin) are in English, for whoever sets up and runs the deployment.
    """

    def __init__(self, message: str, *, browser: bool = False) -> None:
        super().__init__(message)
        self.browser = browser

    def __str__(self) -> str:
        message = super().__str__()
        return f"{message}\n{IN_THE_BROWSER}" if self.browser else message


# How editors fix what stopped publishing after a merge (REDIGERA.md says it step by step).
IN_THE_BROWSER = (
    "Så rättar du det i webbläsaren: skapa en ny gren från main på GitHub, rätta där och öppna "
    "en ny pull request. Granskningen säger när den kan publiceras (REDIGERA.md, ”Om "
    "publiceringen stoppas”)."
)
