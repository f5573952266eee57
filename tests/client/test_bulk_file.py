"""The bulk-update input and journal, without a server: JSON lines and CSV read alike, line
numbers as an editor shows them, and a journal whose last write a kill cut short."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest

from carecycle_client.bulk_file import BulkFileError, read_bulk_file
from carecycle_client.journal import APPLIED, Entry, Journal, applied_updates

CAMPAIGN = str(uuid.uuid4())


def test_json_lines_are_checked_as_csv_is(tmp_path: Path) -> None:
    customer = str(uuid.uuid4())
    lines = [
        json.dumps({"customerId": customer, "campaignId": CAMPAIGN, "status": "completed"}),
        "",
        json.dumps(
            {"customer_id": str(uuid.uuid4()), "campaign_id": CAMPAIGN.upper(), "status": "failed"}
        ),
        "[1, 2]",
        "{not json",
        json.dumps({"customerId": customer, "campaignId": CAMPAIGN.upper(), "status": "failed"}),
        json.dumps({"customerId": 7, "campaignId": CAMPAIGN, "status": None}),
    ]
    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(lines) + "\n")
    checked = read_bulk_file(path)
    assert [row.line for row in checked.rows] == [3]
    assert [str(problem).split(":")[0] for problem in checked.problems] == [
        "line 1",
        "line 4",
        "line 5",
        "line 6",
        "line 7",
    ]
    assert "sets the enrollment of line 1 again" in str(checked.problems[3])
    assert "customer_id 7 is not a UUID" in str(checked.problems[4])
    assert "no status" in str(checked.problems[4])


def test_csv_line_numbers_count_quoted_newlines_and_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    customer = str(uuid.uuid4())
    path.write_text(
        f'\ufeffCustomer ID,note,campaign_id,STATUS\n\n{customer},"two\nlines",{CAMPAIGN},completed\n'
        f"{uuid.uuid4()},x,{CAMPAIGN},completed,extra\n"
    )
    checked = read_bulk_file(path)
    assert [(row.line, row.customer_id) for row in checked.rows] == [(3, customer)]
    assert [str(problem) for problem in checked.problems] == [
        "line 5: the row has 5 fields, the header 4"
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [("", "the file is empty"), ("id,status\n", "needs the columns"), (b"\xff\xfe", "not UTF-8")],
)
def test_a_file_without_rows_to_read_is_refused(
    tmp_path: Path, content: str | bytes, message: str
) -> None:
    path = tmp_path / "rows.csv"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content)
    with pytest.raises(BulkFileError, match=message):
        read_bulk_file(path)


def test_a_partial_last_journal_line_is_ignored_and_cut_off(tmp_path: Path) -> None:
    path = tmp_path / "journal.jsonl"
    first = Entry(2, str(uuid.uuid4()), CAMPAIGN, "completed", APPLIED, "pending", "r1")
    with Journal(path) as journal:
        journal.write(first)
    with path.open("ab") as file:
        file.write(b'{"line": 3, "customerId": "')  # what kill -9 left of a write
    assert applied_updates(path) == {first.update}
    second = Entry(3, str(uuid.uuid4()), CAMPAIGN, "failed", APPLIED, "pending", "r2")
    with Journal(path) as journal:
        journal.write(second)
    assert [json.loads(line)["line"] for line in path.read_text().splitlines()] == [2, 3]
    assert applied_updates(path) == {first.update, second.update}
