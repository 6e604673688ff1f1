"""Every page of the dashboard, declared once; the entry file, tests and benchmark read it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageEntry:
    """One page: its name (the file under pages/ and its address), and who may open it."""

    name: str
    editors_only: bool = False

    @property
    def path(self) -> str:
        """The page script, relative to the project root."""
        return f"pages/{self.name}.py"

    @property
    def url_path(self) -> str:
        """Its address after the host: the overview is the default page at the root."""
        return "" if self.name == "overview" else self.name

    @property
    def title_key(self) -> str:
        """The text key of its title in the navigation."""
        return f"page.{self.name}"


PAGES: tuple[PageEntry, ...] = (
    PageEntry("overview"),
    PageEntry("members"),
    PageEntry("aid"),
    PageEntry("exchanges"),
    PageEntry("data"),
    PageEntry("completeness"),
    PageEntry("province"),
    PageEntry("report"),
    PageEntry("about"),
    PageEntry("import_data", editors_only=True),
)
PUBLIC_PAGES = tuple(page for page in PAGES if not page.editors_only)
