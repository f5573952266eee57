"""The seed data set: organisations, their API keys, customers, campaigns and enrollments.

A data set is a JSON file (`default_dataset.json` in this package unless `--data` names
another). Loading checks it against `dataset.schema.json`, whose campaign documents,
ids and statuses are the spec's own schemas, and then checks that every reference
points at something of the same organisation. A data set that fails says why and where.

Drift: the spec's schemas are relaxed for a data set in exactly two ways, so that it can
carry what the live API may add before the spec knows it: objects admit properties the
spec does not name (`additionalProperties: false` dropped), and enums are open (any
value of the enum's type). A campaign of status `archived_v2` with a field `priority`
loads, and the mock serves it as it is. Requests are still checked against the spec
as written.

Tests use the typed objects to find ids and keys instead of hard-coding them, e.g.
`dataset.tenant().read_write_key`, `dataset.key(permissions={"read"})` or
`dataset.enrollments_of(org.id)`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from carecycle_mock.schemas import SchemaDocuments
from carecycle_mock.spec import SPEC_URI, ApiSpec

DATASET_URI = "urn:carecycle-mock:dataset"
RELAXED_SPEC_URI = "urn:carecycle:openapi-relaxed"
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
class Tenant:
    """One organisation and what belongs to it: its keys, customers, campaigns, enrollments.

    Lookups take a name or an id and fail with LookupError naming what there is, e.g.
    `tenant.campaign("Spring Cleaning Reminders")`, `tenant.enrollment(status="pending")`.
    """

    organisation: Organisation
    api_keys: tuple[ApiKey, ...]
    customers: tuple[Customer, ...]
    campaigns: tuple[Campaign, ...]
    enrollments: tuple[Enrollment, ...]

    @property
    def id(self) -> str:
        return self.organisation.id

    @property
    def name(self) -> str:
        return self.organisation.name

    @property
    def read_write_key(self) -> ApiKey:
        """Its first key with the read and write permissions."""
        return self._key({READ, WRITE})

    @property
    def read_only_key(self) -> ApiKey:
        """Its first key with the read permission only."""
        return self._key({READ})

    def campaign(self, name_or_id: str | None = None) -> Campaign:
        """The campaign of that name or id (the first one when None)."""
        return _pick(self.campaigns, name_or_id, f"campaign of {self.name}")

    def customer(self, name_or_id: str | None = None) -> Customer:
        """The customer of that name or id (the first one when None)."""
        return _pick(self.customers, name_or_id, f"customer of {self.name}")

    def enrollments_in(self, campaign_id: str) -> tuple[Enrollment, ...]:
        return tuple(e for e in self.enrollments if e.campaign_id == campaign_id.lower())

    def enrollment(
        self,
        *,
        status: str | None = None,
        campaign_id: str | None = None,
        customer_id: str | None = None,
    ) -> Enrollment:
        """The first enrollment with this seed status, in this campaign, of this customer."""
        for enrollment in self.enrollments:
            if (
                status in (None, enrollment.status)
                and (campaign_id is None or enrollment.campaign_id == campaign_id.lower())
                and (customer_id is None or enrollment.customer_id == customer_id.lower())
            ):
                return enrollment
        seeded = sorted({e.status for e in self.enrollments})
        raise LookupError(
            f"{self.name} has no enrollment with status={status}, campaign_id={campaign_id}, "
            f"customer_id={customer_id}; its seed statuses: {', '.join(seeded)}"
        )

    def _key(self, permissions: set[str]) -> ApiKey:
        for api_key in self.api_keys:
            if api_key.permissions == permissions:
                return api_key
        raise LookupError(f"{self.name} has no key with permissions {sorted(permissions)}")


Named = TypeVar("Named", Campaign, Customer)


def _pick(items: tuple[Named, ...], name_or_id: str | None, kind: str) -> Named:
    for item in items:
        if (
            name_or_id is None
            or name_or_id in (item.name, item.id)
            or name_or_id.lower() == item.id
        ):
            return item
    names = ", ".join(repr(item.name) for item in items) or "none"
    raise LookupError(f"no {kind} named or with id {name_or_id!r}; there are: {names}")


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

    @cached_property
    def tenants(self) -> tuple[Tenant, ...]:
        """Each organisation with what belongs to it, in the data set's order."""
        return tuple(
            Tenant(
                organisation,
                tuple(k for k in self.api_keys if k.organisation_id == organisation.id),
                tuple(c for c in self.customers if c.organisation_id == organisation.id),
                self.campaigns_of(organisation.id),
                self.enrollments_of(organisation.id),
            )
            for organisation in self.organisations
        )

    def tenant(self, name_or_id: str | None = None) -> Tenant:
        """The organisation of that name or id; when None, the first that has both a
        read+write and a read-only key (the first of all if none has)."""
        if name_or_id is None:
            for tenant in self.tenants:
                permissions = {k.permissions for k in tenant.api_keys}
                if {frozenset({READ, WRITE}), frozenset({READ})} <= permissions:
                    return tenant
            return self.tenants[0]
        for tenant in self.tenants:
            if name_or_id in (tenant.name, tenant.id) or name_or_id.lower() == tenant.id:
                return tenant
        names = ", ".join(repr(t.name) for t in self.tenants)
        raise LookupError(f"no organisation named or with id {name_or_id!r}; there are: {names}")

    @property
    def read_write_key(self) -> ApiKey:
        """The read+write key of `tenant()`."""
        return self.tenant().read_write_key

    @property
    def read_only_key(self) -> ApiKey:
        """The read-only key of `tenant()`, the same organisation as `read_write_key`."""
        return self.tenant().read_only_key

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
    spec = spec or ApiSpec.load()
    problems = relaxed_dataset_schemas(spec).compile_ref(DATASET_URI, formats=True).issues(raw)
    if problems:
        listed = "; ".join(
            f"{'/'.join(p['path']) or '(root)'}: {p['message']}" for p in problems[:10]
        )
        raise DatasetError(f"data set {source} does not match dataset.schema.json: {listed}")
    dataset = _build(raw, canonical=json.dumps(raw, sort_keys=True, separators=(",", ":")))
    _check_references(dataset)
    return dataset


def relaxed_dataset_schemas(spec: ApiSpec) -> SchemaDocuments:
    """dataset.schema.json, its references to the spec pointed at the relaxed spec."""
    schema = _retarget(dataset_schema(), f"{SPEC_URI}#", f"{RELAXED_SPEC_URI}#")
    return SchemaDocuments({RELAXED_SPEC_URI: relaxed(spec.document), DATASET_URI: schema})


def relaxed(node: Any) -> Any:
    """A copy of a schema (or a document of schemas) that admits drift: no
    `additionalProperties: false`, and each `enum` replaced by the type of its values."""
    if isinstance(node, list):
        return [relaxed(item) for item in node]
    if not isinstance(node, dict):
        return node
    copy = {
        name: relaxed(value)
        for name, value in node.items()
        if not (name == "additionalProperties" and value is False)
        and not (name == "enum" and isinstance(value, list))
    }
    if isinstance(node.get("enum"), list) and "type" not in node:
        types = sorted({_json_type(value) for value in node["enum"]})
        copy["type"] = types[0] if len(types) == 1 else types
    return copy


def _json_type(value: Any) -> str:
    """The JSON Schema type of an enum member (`number` covers integers)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def _retarget(node: Any, old: str, new: str) -> Any:
    if isinstance(node, dict):
        return {
            name: (
                value.replace(old, new, 1)
                if name == "$ref" and isinstance(value, str)
                else _retarget(value, old, new)
            )
            for name, value in node.items()
        }
    if isinstance(node, list):
        return [_retarget(item, old, new) for item in node]
    return node


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
    "Tenant",
    "load_dataset",
]
