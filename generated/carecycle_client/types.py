# Generated from runtime/carecycle_client/types.py by make generate: edit that, not this file.
"""The types users of the package meet, each defined in the module of its concern.

- `Unset`, `UNSET`: an absent optional value (`_unset`).
- `File`, `FileTypes`, `RequestFiles`: uploads (`_file`).
- `Response`, `status_of`: what the generated functions return (`_response`).
- `ApiKey`: the key that never shows itself (`_api_key`).
- `OpenStrEnum`: the base of the string enums, open to values the spec does not list (`_open_enum`).
- `as_enum`, `as_uuid`, `expect_type`: the facade's checks of its arguments (`_arguments`).
- `JsonModel`, `LazyField`: the base of the models, which reads and writes them by their
  field declarations (`_fields`), and its lazy reading (`_lazy_model`).
"""

from ._api_key import ApiKey
from ._arguments import as_enum, as_uuid, expect_type
from ._file import File, FileTypes, RequestFiles
from ._lazy_model import JsonModel, LazyField
from ._open_enum import OpenStrEnum
from ._response import Response, status_of
from ._unset import UNSET, Unset

__all__ = [
    "UNSET",
    "ApiKey",
    "File",
    "FileTypes",
    "JsonModel",
    "LazyField",
    "OpenStrEnum",
    "RequestFiles",
    "Response",
    "Unset",
    "as_enum",
    "as_uuid",
    "expect_type",
    "status_of",
]
