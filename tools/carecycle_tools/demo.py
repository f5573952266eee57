"""`make demo`: the client against the mock server, start to finish.

Starts the mock server in a child process with its packaged data set, then uses the
client as a service would: configured from the environment alone, it reads a campaign
with and without client information, marks an enrollment completed and shows the
counts change, then shows what a non-terminal status, a bad UUID, a wrong key and a
read-only key get back. The server is stopped on the way out, whatever happens.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from carecycle_client import (
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    CareCycle,
    PermissionDeniedError,
    UnprocessableEntityError,
)
from carecycle_client.models import GetCampaignResponse
from carecycle_client.types import Unset
from carecycle_mock.data import READ, WRITE, Dataset, load_dataset
from carecycle_mock.process import MockProcess

TERMINAL = {"completed", "failed"}


def heading(text: str) -> None:
    print(f"\n== {text}")


def show(label: str, value: object) -> None:
    print(f"   {label:<26} {value}")


def status_counts(response: GetCampaignResponse) -> dict[str, float]:
    stats = response.campaign.customer_stats
    if isinstance(stats, Unset) or isinstance(stats.status_counts, Unset):
        return {}
    counts = stats.status_counts.to_dict()
    return {status: count for status, count in counts.items() if count}


@contextmanager
def explained(expected: type[APIStatusError]) -> Iterator[None]:
    """Print the error a call raises; anything but `expected` is a failure of the demo."""
    try:
        yield
    except expected as error:
        show("raised", f"{type(error).__name__} (HTTP {error.status_code}, code {error.code})")
        show("message", error.message)
        if isinstance(error, UnprocessableEntityError):
            for issue in error.errors:
                show("  issue", f"{'.'.join(issue.path)}: {issue.code}: {issue.message}")
    else:
        raise AssertionError(f"expected {expected.__name__}")


def run(base_url: str, dataset: Dataset) -> None:
    writer = dataset.key(permissions={READ, WRITE})
    reader = dataset.key(permissions={READ}, organisation_id=writer.organisation_id)
    campaign = dataset.campaigns_of(writer.organisation_id)[0]
    enrollment = next(
        enrollment
        for enrollment in dataset.enrollments_of(writer.organisation_id)
        if enrollment.campaign_id == campaign.id and enrollment.status not in TERMINAL
    )

    # Nothing but environment variables, as a deployed service would be configured.
    os.environ["CARECYCLE_API_KEY"] = writer.key
    os.environ["CARECYCLE_BASE_URL"] = base_url
    with CareCycle() as carecycle:
        heading("A client configured from CARECYCLE_API_KEY and CARECYCLE_BASE_URL")
        show("client", repr(carecycle))

        heading(f"GET /v2/campaigns/{campaign.id}")
        before = carecycle.campaigns.get(campaign.id)
        show("name", before.campaign.name)
        show("status", before.campaign.status)
        show(
            "client information",
            "absent" if isinstance(before.campaign.client, Unset) else "present",
        )
        show("enrollments by status", status_counts(before))

        heading("... with includeClient=true")
        with_client = carecycle.campaigns.get(campaign.id, include_client=True)
        client = with_client.campaign.client
        show("client information", "absent" if isinstance(client, Unset) else f"id {client.id}")

        heading(f"PATCH enrollment of customer {enrollment.customer_id} to completed")
        result = carecycle.customers.update_campaign_status(
            customer_id=enrollment.customer_id, campaign_id=campaign.id, status="completed"
        )
        show("status", f"{result.previous_status} -> {result.new_status}")
        show("enrollment", result.customer_campaign_id)
        after = carecycle.campaigns.get(campaign.id)
        show("enrollments by status", status_counts(after))

        heading("PATCH to a non-terminal status (pending)")
        with explained(BadRequestError):
            carecycle.customers.update_campaign_status(
                customer_id=enrollment.customer_id, campaign_id=campaign.id, status="pending"
            )

        heading("GET with a UUID the API's pattern refuses (version nibble 0)")
        with explained(UnprocessableEntityError):
            carecycle.campaigns.get("497f6eca-6276-0993-bfeb-53cbbbba6f08")

        heading("GET with something that is no UUID at all")
        try:
            carecycle.campaigns.get("not-a-uuid")
        except ValueError as error:
            show("raised before sending", f"ValueError: {error}")

    heading("A wrong key")
    with CareCycle("cc_this_key_does_not_exist_0000", base_url=base_url) as wrong:
        show("client", repr(wrong))
        with explained(AuthenticationError):
            wrong.campaigns.get(campaign.id)

    heading("A read-only key on PATCH")
    with CareCycle(reader.key, base_url=base_url) as read_only, explained(PermissionDeniedError):
        read_only.customers.update_campaign_status(
            customer_id=enrollment.customer_id, campaign_id=campaign.id, status="failed"
        )


def main() -> int:
    dataset = load_dataset()
    with MockProcess() as mock:
        print(f"carecycle-mock is serving its packaged data set at {mock.base_url}")
        run(mock.base_url, dataset)
    print("\ncarecycle-mock stopped. Demo complete.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
