"""What the importer reads: releases (the sources it cites) and the rows they state."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Release:
    """A file the importer reads: an official statistics release or the report scrape."""

    id: str
    title: str
    url: str | None
    published: str | None
    official: bool = True
    """False for the third-party scrape: its records are provisional, it never overrides."""
    cutoff: str | None = None
    """The day by which reports had to be published to be in the release (ISO)."""
    publisher: str = "Ofsted"
    kind: str = "official_statistics"
    notes: str | None = None

    def source(self) -> dict[str, object]:
        """The source record that cites this release."""
        record: dict[str, object] = {
            "id": self.id,
            "title": self.title,
            "publisher": self.publisher,
        }
        if self.url:
            record["url"] = self.url
        if self.published:
            record["published"] = self.published
        if self.cutoff:
            record["cutoff"] = self.cutoff
        record["kind"] = self.kind
        if self.notes:
            record["notes"] = self.notes
        return record


@dataclass
class Row:
    """One inspection or visit as a file states it."""

    release: Release
    where: str
    """'title, sheet S row N', for messages."""
    council_name: str
    framework: str
    ons_code: str | None = None
    urn: str | None = None
    region: str | None = None
    former: bool = False
    start: str | None = None
    end: str | None = None
    published: str | None = None
    theme: str | None = None
    lead_inspector: str | None = None
    judgements: dict[str, str] = field(default_factory=dict)
    link: str | None = None
    """The report's own address (the scrape gives it)."""
    link_title: str | None = None
