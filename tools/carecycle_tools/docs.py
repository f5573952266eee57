"""`make docs`: the documentation site a consuming team browses, written to site/.

    python -m carecycle_tools.docs [--out DIR]

- `http-api.html`: the HTTP API, from openapi.yaml, by Redocly's `build-docs` (one
  self-contained page);
- `python/`: the Python API of carecycle-client and carecycle-mock, from their
  docstrings and annotations, by pdoc;
- the packages' READMEs and the CHANGELOG, as pages, rendered with pdoc's Markdown;
- `index.html`, linking them.

pdoc rather than mkdocs with mkdocstrings: it needs no configuration or page tree to
keep in step with the code, renders type annotations as they are, and its own Markdown
renderer serves the README pages, so the site needs one Python dependency.
"""

from __future__ import annotations

import argparse
import html
import importlib
import os
import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import pdoc
import pdoc.render_helpers

SPEC = Path("openapi.yaml")
REDOCLY = Path("node_modules") / ".bin" / "redocly"
PACKAGES = ("carecycle_client", "carecycle_mock")
# (title, page, source): the Markdown pages of the site.
PAGES = (
    ("carecycle-client: the user manual", "client.html", Path("generated") / "README.md"),
    ("carecycle-mock: the mock and its pytest kit", "mock.html", Path("mock") / "README.md"),
    ("Changelog", "changelog.html", Path("CHANGELOG.md")),
)
# Links between the Markdown sources, pointed at their pages instead.
LINKS = {str(source): page for _, page, source in PAGES} | {
    "../generated/README.md": "client.html",
    "../mock/README.md": "mock.html",
}

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem;
       line-height: 1.5; color: #1b1f24; }}
nav a {{ margin-right: 1rem; }}
pre {{ background: #f4f5f7; padding: .75rem; overflow-x: auto; }}
code {{ font-size: .9em; }}
table {{ border-collapse: collapse; }}
th, td {{ border: 1px solid #d0d4d9; padding: .3rem .6rem; vertical-align: top; }}
</style>
</head>
<body>
<nav>{navigation}</nav>
<main>
{body}
</main>
</body>
</html>
"""


def navigation() -> str:
    links = [("index.html", "Home"), ("http-api.html", "HTTP API")]
    links += [(f"python/{package}.html", package) for package in PACKAGES]
    links += [
        (page, source.name if source.name != "README.md" else source.parent.name)
        for _, page, source in PAGES
    ]
    return " ".join(f'<a href="{href}">{html.escape(text)}</a>' for href, text in links)


def markdown_page(title: str, source: Path) -> str:
    text = source.read_text(encoding="utf-8")
    for target, page in LINKS.items():
        text = text.replace(f"]({target})", f"]({page})")
    body = pdoc.render_helpers.to_html(text)
    return PAGE.format(title=html.escape(title), navigation=navigation(), body=body)


def index_page() -> str:
    items = [
        (
            "http-api.html",
            "HTTP API reference",
            "both operations, every status and body, from openapi.yaml",
        ),
        *(
            (
                f"python/{package}.html",
                f"Python API: {package}",
                "modules, classes and functions, from the docstrings",
            )
            for package in PACKAGES
        ),
        *((page, title, str(source)) for title, page, source in PAGES),
    ]
    listed = "\n".join(
        f'<li><a href="{href}">{html.escape(text)}</a>: {html.escape(what)}</li>'
        for href, text, what in items
    )
    body = f"<h1>careCycle client and mock</h1>\n<ul>\n{listed}\n</ul>"
    return PAGE.format(title="careCycle client and mock", navigation=navigation(), body=body)


def modules(package: str) -> list[str]:
    """The package and each of its public modules: pdoc lists only what `__all__` names."""
    found = [package]
    path = importlib.import_module(package).__path__
    for module in pkgutil.walk_packages(path, prefix=f"{package}."):
        if not any(part.startswith("_") for part in module.name.split(".")):
            found.append(module.name)
    return found


def build(out: Path) -> None:
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    subprocess.run(
        [str(REDOCLY), "build-docs", str(SPEC), "--output", str(out / "http-api.html")],
        check=True,
        capture_output=True,
        env=dict(os.environ, REDOCLY_TELEMETRY="off", REDOCLY_SUPPRESS_UPDATE_NOTICE="true"),
    )
    pdoc.render.configure(docformat="markdown", show_source=False)
    pdoc.pdoc(
        *(name for package in PACKAGES for name in modules(package)),
        output_directory=out / "python",
    )
    for title, page, source in PAGES:
        (out / page).write_text(markdown_page(title, source), encoding="utf-8")
    (out / "index.html").write_text(index_page(), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("site"), help="where to write the site")
    args = parser.parse_args(argv)
    try:
        build(args.out)
    except (subprocess.CalledProcessError, OSError) as error:
        print(f"make docs: {error}", file=sys.stderr)
        return 1
    pages = sum(1 for path in args.out.rglob("*.html"))
    print(f"make docs: {pages} pages in {args.out}/ (open {args.out}/index.html)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
