"""The seed data set: organisations, their API keys, customers, campaigns and enrollments.

A data set is a JSON file (`default_dataset.json` in this package unless `--data` names
another). Loading checks it against `dataset.schema.json`, whose campaign documents,
ids and statuses are the spec's own schemas, and then checks that every reference
points at something of the same organisation. A data set that fails says why and where.

Tests use the typed objects to find ids and keys instead of hard-coding them, e.g.
`dataset.key(permissions={"read"})` or `dataset.enrollments_of(org.id)`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

from carecycle_mock.spec import ApiSpec

DATASET_URI = "urn:carecycle-mock:dataset"
READ = "read"
WRITE = "write"


class DatasetError(ValueError):
    """The data set file is not one the mock can serve."""


@dataclass(frozen=True)
class Organisation:
    """A careCycle client: every key, customer and campaign belongs to one."""

    id: str
    name: str
    sms_company_name: str


@dataclass(frozen=True)
class ApiKey:
    """An API key; `key` is the secret a request sends, kept out of the repr."""

    label: str
    key: str = field(repr=False)
    organisation_id: str
    permissions: frozenset[str]


@dataclass(frozen=True)
class Customer:
    id: str
    organisation_id: str
    name: str


@dataclass(frozen=True)
class Campaign:
    """A campaign: `document` is the spec's `Campaign` object as seeded.

    The server adds `customerStats.total` and `statusCounts` (from the enrollments) and
    `client` (when asked) to it when it answers.
    """

    id: str
    organisation_id: str
    name: str
    document: Mapping[str, Any] = field(repr=False)


@dataclass(frozen=True)
class Enrollment:
    """A customer's enrollment in a campaign (`customerCampaignId`), with its seed status."""

    id: str
    customer_id: str
    campaign_id: str
    status: str


@dataclass(frozen=True)
class Dataset:
    organisations: tuple[Organisation, ...]
    api_keys: tuple[ApiKey, ...]
    customers: tuple[Customer, ...]
    campaigns: tuple[Campaign, ...]
    enrollments: tuple[Enrollment, ...]
    fingerprint: str = field(repr=False)
    """sha256 of the file's canonical JSON: a database remembers which data set seeded it."""

    def key(self, *, permissions: Iterable[str], organisation_id: str | None = None) -> ApiKey:
        """The first key with exactly these permissions (of this organisation, if given)."""
        wanted = frozenset(permissions)
        for api_key in self.api_keys:
            if api_key.permissions == wanted and organisation_id in (None, api_key.organisation_id):
                return api_key
        raise LookupError(f"no key with permissions {sorted(wanted)}")

    def organisation(self, organisation_id: str) -> Organisation:
        return self._organisations[organisation_id]

    def campaign(self, campaign_id: str, organisation_id: str) -> Campaign | None:
        """The campaign if it exists *and* belongs to the organisation: tenancy in one place."""
        campaign = self._campaigns.get(campaign_id)
        return campaign if campaign and campaign.organisation_id == organisation_id else None

    def customer(self, customer_id: str, organisation_id: str) -> Customer | None:
        customer = self._customers.get(customer_id)
        return customer if customer and customer.organisation_id == organisation_id else None

    def campaigns_of(self, organisation_id: str) -> tuple[Campaign, ...]:
        return tuple(c for c in self.campaigns if c.organisation_id == organisation_id)

    def enrollments_of(self, organisation_id: str) -> tuple[Enrollment, ...]:
        """The enrollments in this organisation's campaigns."""
        mine = {c.id for c in self.campaigns_of(organisation_id)}
        return tuple(e for e in self.enrollments if e.campaign_id in mine)

    @cached_property
    def _organisations(self) -> dict[str, Organisation]:
        return {o.id: o for o in self.organisations}

    @cached_property
    def _campaigns(self) -> dict[str, Campaign]:
        return {c.id: c for c in self.campaigns}

    @cached_property
    def _customers(self) -> dict[str, Customer]:
        return {c.id: c for c in self.customers}


def default_dataset_path() -> Path:
    return Path(str(resources.files("carecycle_mock") / "default_dataset.json"))


def dataset_schema() -> dict[str, Any]:
    text = (resources.files("carecycle_mock") / "dataset.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def load_dataset(path: Path | None = None, *, spec: ApiSpec | None = None) -> Dataset:
    """Read and check a data set file (default: the packaged one)."""
    source = path or default_dataset_path()
    try:
        raw = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise DatasetError(f"cannot read data set {source}: {error}") from error
    spec = spec or ApiSpec.load(extra={DATASET_URI: dataset_schema()})
    problems = spec.schemas.compile_ref(DATASET_URI, formats=True).issues(raw)
    if problems:
        listed = "; ".join(
            f"{'/'.join(p['path']) or '(root)'}: {p['message']}" for p in problems[:10]
        )
        raise DatasetError(f"data set {source} does not match dataset.schema.json: {listed}")
    dataset = _build(raw, canonical=json.dumps(raw, sort_keys=True, separators=(",", ":")))
    _check_references(dataset)
    return dataset


def _build(raw: dict[str, Any], canonical: str) -> Dataset:
    return Dataset(
        organisations=tuple(
            Organisation(o["id"], o["name"], o["smsCompanyName"]) for o in raw["organisations"]
        ),
        api_keys=tuple(
            ApiKey(k["label"], k["key"], k["organisationId"], frozenset(k["permissions"]))
            for k in raw["apiKeys"]
        ),
        customers=tuple(
            Customer(c["id"], c["organisationId"], c["name"]) for c in raw["customers"]
        ),
        campaigns=tuple(
            Campaign(c["campaign"]["id"], c["organisationId"], c["campaign"]["name"], c["campaign"])
            for c in raw["campaigns"]
        ),
        enrollments=tuple(
            Enrollment(e["id"], e["customerId"], e["campaignId"], e["status"])
            for e in raw["enrollments"]
        ),
        fingerprint=hashlib.sha256(canonical.encode()).hexdigest(),
    )


def _check_references(dataset: Dataset) -> None:
    """Ids unique, references resolvable, and nothing crossing organisations."""
    problems: list[str] = []
    for kind, ids in (
        ("organisation", [o.id for o in dataset.organisations]),
        ("API key", [k.key for k in dataset.api_keys]),
        ("customer", [c.id for c in dataset.customers]),
        ("campaign", [c.id for c in dataset.campaigns]),
        ("enrollment", [e.id for e in dataset.enrollments]),
        ("enrollment pair", [f"{e.customer_id}/{e.campaign_id}" for e in dataset.enrollments]),
    ):
        if len(set(ids)) != len(ids):
            problems.append(f"duplicate {kind}" + ("" if kind == "API key" else " ids"))
    owners = {o.id for o in dataset.organisations}
    owned = [
        *((f"API key {k.label!r}", k.organisation_id) for k in dataset.api_keys),
        *((f"customer {c.id}", c.organisation_id) for c in dataset.customers),
        *((f"campaign {c.id}", c.organisation_id) for c in dataset.campaigns),
    ]
    problems += [
        f"{name} has an unknown organisation" for name, owner in owned if owner not in owners
    ]
    customers = {c.id: c.organisation_id for c in dataset.customers}
    campaigns = {c.id: c.organisation_id for c in dataset.campaigns}
    for enrollment in dataset.enrollments:
        customer_org = customers.get(enrollment.customer_id)
        campaign_org = campaigns.get(enrollment.campaign_id)
        if customer_org is None or campaign_org is None or customer_org != campaign_org:
            problems.append(
                f"enrollment {enrollment.id} does not join a customer and a campaign of one organisation"
            )
    if problems:
        raise DatasetError("data set is inconsistent: " + "; ".join(problems[:10]))


__all__ = [
    "READ",
    "WRITE",
    "ApiKey",
    "Campaign",
    "Customer",
    "Dataset",
    "DatasetError",
    "Enrollment",
    "Organisation",
    "load_dataset",
]
