"""Faults on demand, for testing clients: error statuses, dropped connections, latency.

A plan has a script, consumed one step per matching request and in order, then rates,
drawn per request from a seeded generator, and may add a fixed latency to every request.
A plan is global or scoped to one API key; a request follows its key's plan while
that has faults left (script steps, rates or latency), else the global plan. Plans live in
the volatile state (volatile.py), which every server process shares, so all follow one script.

A step is an error status answered with the body the spec documents for it, a drop
(the response starts, then the connection closes: the client sees a transport error,
or `ConnectionDropped` raised from `httpx.ASGITransport` in process), a delay (then
normal handling) or a pass (`{}`: normal handling).
"""

from __future__ import annotations

import json
import random
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import anyio
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from carecycle_mock.auth import key_digest
from carecycle_mock.errors import ERROR_STATUSES, rate_limited
from carecycle_mock.schemas import CompiledSchema, Issue, SchemaDocuments
from carecycle_mock.volatile import VolatileState

FAULT_PLAN_URI = "urn:carecycle-mock:fault-plan"
RATE_KINDS = (*(str(status) for status in ERROR_STATUSES), "drop", "delay")
MAX_DELAY_SECONDS = 60
INJECTED = "Injected fault"
DEFAULT_DELAY_SECONDS = 0.5

FAULT_PLAN_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": FAULT_PLAN_URI,
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "apiKey": {"type": "string", "minLength": 1},
        "script": {"type": "array", "maxItems": 100_000, "items": {"$ref": "#/$defs/fault"}},
        "rates": {
            "type": "object",
            "propertyNames": {"enum": list(RATE_KINDS)},
            "additionalProperties": {"type": "number", "minimum": 0, "maximum": 1},
        },
        "delaySeconds": {"type": "number", "minimum": 0, "maximum": MAX_DELAY_SECONDS},
        "latency": {"type": "number", "minimum": 0, "maximum": MAX_DELAY_SECONDS},
        "seed": {"type": ["integer", "null"]},
    },
    "$defs": {
        "fault": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "status": {"enum": list(ERROR_STATUSES)},
                "retryAfter": {"type": "integer", "minimum": 0, "maximum": 3600},
                "drop": {"const": True},
                "delay": {"type": "number", "minimum": 0, "maximum": MAX_DELAY_SECONDS},
            },
            "dependentRequired": {"retryAfter": ["status"]},
            "maxProperties": 2,
            "not": {
                "anyOf": [
                    {"required": ["status", "drop"]},
                    {"required": ["status", "delay"]},
                    {"required": ["drop", "delay"]},
                ]
            },
        }
    },
}


class ConnectionDropped(Exception):
    """Raised after a response has started, to close the connection without finishing it."""


@dataclass(frozen=True)
class StatusFault:
    status: int
    retry_after: int = 1


@dataclass(frozen=True)
class DropFault:
    pass


@dataclass(frozen=True)
class DelayFault:
    seconds: float


@dataclass(frozen=True)
class PassFault:
    pass


Fault = StatusFault | DropFault | DelayFault | PassFault


@dataclass(frozen=True)
class FaultPlan:
    """What to inject; `api_key` scopes it to requests with that key (None: all requests)."""

    script: tuple[Fault, ...] = ()
    rates: Mapping[str, float] = field(default_factory=dict)
    delay_seconds: float = DEFAULT_DELAY_SECONDS
    latency: float = 0.0
    seed: int | None = None
    api_key: str | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        # The bounds are the schema's; only what JSON Schema cannot say is checked here.
        issues = _plan_schema().issues(self.to_json())
        if issues:
            raise ValueError(not_a_plan(issues))
        if sum(self.rates.values()) > 1:
            raise ValueError("fault rates are probabilities of one draw: together at most 1")

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> FaultPlan:
        """A plan from the body of `PUT /_mock/faults`, already checked against its schema."""
        return cls(
            script=tuple(_fault(step) for step in data.get("script", [])),
            rates=dict(data.get("rates", {})),
            delay_seconds=float(data.get("delaySeconds", DEFAULT_DELAY_SECONDS)),
            latency=float(data.get("latency", 0.0)),
            seed=data.get("seed"),
            api_key=data.get("apiKey"),
        )

    def to_json(self) -> dict[str, Any]:
        """The plan as stored: everything but the key, which is stored as its digest only."""
        return {
            "script": [_step(fault) for fault in self.script],
            "rates": dict(self.rates),
            "delaySeconds": self.delay_seconds,
            "latency": self.latency,
            "seed": self.seed,
        }

    def draw(self, generator: random.Random) -> Fault | None:
        """One draw against the rates, in the fixed order of RATE_KINDS."""
        if not self.rates:
            return None
        roll = generator.random()
        for kind in RATE_KINDS:
            roll -= self.rates.get(kind, 0.0)
            if roll < 0:
                return _rated(kind, self.delay_seconds)
        return None


def not_a_plan(issues: Sequence[Issue]) -> str:
    """What is wrong with a plan, issue by issue, for a ValueError."""
    listed = "; ".join(f"{'/'.join(i['path']) or '(plan)'}: {i['message']}" for i in issues)
    return f"not a fault plan ({listed}); see PUT /_mock/faults in the mock's README"


@cache
def _plan_schema() -> CompiledSchema:
    return SchemaDocuments({FAULT_PLAN_URI: FAULT_PLAN_SCHEMA}).compile_ref(FAULT_PLAN_URI)


def parse_fault(step: str, delay_seconds: float = DEFAULT_DELAY_SECONDS) -> Fault:
    """A step of `--fault-script`: a status (`500`, `429`), `drop`, `delay` or `pass`."""
    if step == "pass":
        return PassFault()
    if step in RATE_KINDS:
        return _rated(step, delay_seconds)
    raise ValueError(f"unknown fault {step!r}; use one of {', '.join(RATE_KINDS)}, pass")


def _rated(kind: str, delay_seconds: float) -> Fault:
    if kind == "drop":
        return DropFault()
    if kind == "delay":
        return DelayFault(delay_seconds)
    return StatusFault(int(kind))


def _fault(step: Mapping[str, Any]) -> Fault:
    if "status" in step:
        return StatusFault(step["status"], step.get("retryAfter", 1))
    if step.get("drop"):
        return DropFault()
    if "delay" in step:
        return DelayFault(float(step["delay"]))
    return PassFault()


def _step(fault: Fault) -> dict[str, Any]:
    match fault:
        case StatusFault(status, retry_after):
            return {"status": status, "retryAfter": retry_after}
        case DropFault():
            return {"drop": True}
        case DelayFault(seconds):
            return {"delay": seconds}
        case PassFault():
            return {}


class FaultInjector:
    """Installs plans and picks the fault, if any, for each request."""

    def __init__(self, volatile: VolatileState) -> None:
        self._volatile = volatile
        self._plans: dict[str, tuple[str, FaultPlan, random.Random]] = {}

    def install(self, plan: FaultPlan) -> None:
        scope = key_digest(plan.api_key.encode()) if plan.api_key else ""
        self._volatile.put_plan(scope, secrets.token_hex(8), json.dumps(plan.to_json()))

    def clear(self) -> None:
        self._volatile.delete_plans()

    def next(self, key: str) -> tuple[Fault, ...]:
        """The faults for a request with this key digest, in order: latency, then a script
        step if one is left (claimed for this request), else a draw against the rates."""
        for stored in self._volatile.plans_for(key):
            plan, generator = self._decoded(stored.scope, stored.version, stored.plan)
            step = None
            if stored.position < len(plan.script):
                index = self._volatile.take_step(stored.scope, stored.version, len(plan.script))
                step = None if index is None else plan.script[index]
            elif not (plan.rates or plan.latency):
                continue  # spent: the global plan, if any, applies
            drawn = step or plan.draw(generator)
            latency = (DelayFault(plan.latency),) if plan.latency else ()
            return latency if drawn is None else (*latency, drawn)
        return ()

    def _decoded(self, scope: str, version: str, text: str) -> tuple[FaultPlan, random.Random]:
        """The plan of a stored version, with this process's generator for its rates."""
        cached = self._plans.get(scope)
        if cached is None or cached[0] != version:
            plan = FaultPlan.from_json(json.loads(text))
            cached = (version, plan, random.Random(plan.seed))  # noqa: S311 - not for secrets
            self._plans[scope] = cached
        return cached[1], cached[2]


async def injected_response(fault: Fault) -> Response | None:
    """The response a fault answers with, or None to go on (after any delay)."""
    match fault:
        case DelayFault(seconds):
            await anyio.sleep(seconds)
            return None
        case StatusFault(429, retry_after):
            return rate_limited(retry_after, INJECTED).response()
        case StatusFault(status):
            return ERROR_STATUSES[status].factory(INJECTED).response()
        case DropFault():
            return DroppedResponse()
        case PassFault():
            return None


class DroppedResponse(Response):
    """Starts a response that promises a body, then drops the connection instead."""

    def __init__(self) -> None:
        super().__init__(status_code=500)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await send(
            {
                "type": "http.response.start",
                "status": self.status_code,
                "headers": [(b"content-type", b"application/json"), (b"content-length", b"64")],
            }
        )
        raise ConnectionDropped("connection dropped by an injected fault")
