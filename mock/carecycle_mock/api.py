"""The spec's two operations, on the data set and the enrollment store.

A campaign's answer is the same until a status changes: it is prepared once per
campaign, organisation and `includeClient`, and prepared again once the enrollment
store's generation moves on (see enrollments.py). A prepared response is sent as it is,
its head copied (with the request's id) and nothing of it changed.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any

from starlette.responses import Response

from carecycle_mock.auth import Principal
from carecycle_mock.data import Campaign, Dataset
from carecycle_mock.enrollments import EnrollmentStore
from carecycle_mock.errors import ErrorCode, bad_request, not_found
from carecycle_mock.responses import JsonResponse, encode_json, prepared_json

# "Only terminal statuses (completed, failed) are allowed": the PATCH description.
TERMINAL_STATUSES = ("completed", "failed")


# An operation's handler: called with a request's checked inputs (path and query
# parameters decoded, the body parsed) and who asked.
Handler = Callable[[Mapping[str, Any], Mapping[str, Any], Any, Principal], Awaitable[Response]]


class CampaignApi:
    def __init__(
        self, dataset: Dataset, enrollments: EnrollmentStore, statuses: Sequence[str]
    ) -> None:
        self._dataset = dataset
        self._enrollments = enrollments
        self._statuses = tuple(statuses)
        self._prepared: dict[tuple[str, str, bool], tuple[object, JsonResponse]] = {}

    def handlers(self) -> dict[str, Handler]:
        """Handlers by operationId."""
        return {
            "getCampaign": self.get_campaign,
            "updateCustomerCampaignStatus": self.update_customer_campaign_status,
        }

    async def get_campaign(
        self, path: Mapping[str, Any], query: Mapping[str, Any], body: Any, principal: Principal
    ) -> Response:
        """The seeded campaign, with statistics counted from the enrollments as they are now."""
        campaign_id = path["campaignId"].lower()
        include_client = bool(query.get("includeClient"))
        generation = self._enrollments.generation()
        # Only a campaign of the organisation's is prepared: one found here is theirs.
        key = (campaign_id, principal.organisation_id, include_client)
        prepared = self._prepared.get(key)
        if prepared is None or prepared[0] != generation:
            campaign = self._dataset.campaign(campaign_id, principal.organisation_id)
            if campaign is None:
                raise not_found("Campaign not found")
            body = self._campaign_body(campaign, principal, include_client)
            prepared = (generation, prepared_json(body))
            self._prepared[key] = prepared
        return prepared[1]

    def _campaign_body(
        self, campaign: Campaign, principal: Principal, include_client: bool
    ) -> bytes:
        counts = self._enrollments.status_counts(campaign.id)
        document = dict(campaign.document)
        document["customerStats"] = {
            **document.get("customerStats", {}),
            "total": sum(counts.values()),
            # The spec's statuses always; a drifted one of the data set's as well, since
            # "counts of other statuses may appear as further properties".
            "statusCounts": {status: counts[status] for status in self._statuses}
            | {status: count for status, count in counts.items() if status not in self._statuses},
        }
        document.pop("client", None)
        if include_client:
            organisation = self._dataset.organisation(principal.organisation_id)
            document["client"] = {
                "id": organisation.id,
                "smsCompanyName": organisation.sms_company_name,
            }
        return encode_json({"campaign": document, "assistants": []})

    async def update_customer_campaign_status(
        self, path: Mapping[str, Any], query: Mapping[str, Any], body: Any, principal: Principal
    ) -> Response:
        """Set an enrollment's status; the rule on terminal statuses comes before any lookup."""
        # UUIDs compare case-insensitively (the spec's pattern admits both cases).
        customer_id, campaign_id, status = (
            body["customerId"].lower(),
            body["campaignId"].lower(),
            body["status"],
        )
        if status not in TERMINAL_STATUSES:
            raise bad_request(
                ErrorCode.STATUS_NOT_TERMINAL,
                "Only terminal statuses (completed, failed) are allowed",
            )
        if self._dataset.campaign(campaign_id, principal.organisation_id) is None:
            raise not_found("Campaign not found")
        if self._dataset.customer(customer_id, principal.organisation_id) is None:
            raise not_found("Customer not found")
        changed = await self._enrollments.set_status(customer_id, campaign_id, status)
        if changed is None:
            raise not_found("Customer is not enrolled in this campaign")
        enrollment_id, previous_status = changed
        return JsonResponse(
            {
                "success": True,
                "previousStatus": previous_status,
                "newStatus": status,
                "customerCampaignId": enrollment_id,
            }
        )
