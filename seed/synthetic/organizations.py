"""The synthetic provincial unions and friendship associations, as organisation rows."""

from __future__ import annotations

from typing import Any

from seed.names import SYNTHETIC, VUFO
from seed.synthetic.plan import Plan


def union_rows(plan: Plan) -> list[dict[str, Any]]:
    """The synthetic provincial unions (the documented ones are in seed.documented)."""
    return [
        {
            "kind": "provincial_union",
            "organization": province.union,
            "province": province.record.short_name,
            "founded_on": province.union_founded_on,
            "parent": VUFO,
            "source": SYNTHETIC,
        }
        for province in plan.provinces
        if not province.union_documented
    ]


def association_rows(plan: Plan) -> list[dict[str, Any]]:
    """The synthetic friendship associations, each under its province's union."""
    return [
        {
            "kind": "friendship_association",
            "organization": association.name,
            "province": province.record.short_name,
            "partner_country": association.country,
            "founded_on": association.founded_on,
            "parent": province.union,
            "source": SYNTHETIC,
        }
        for province in plan.provinces
        for association in province.associations
        if not association.documented
    ]
