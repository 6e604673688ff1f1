"""The synthetic provincial unions and friendship associations, as organisation rows."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from datastore.reference.provinces import REFORM_DATE
from seed.names import SYNTHETIC, VUFO, association_name, place
from seed.synthetic.plan import Plan
from seed.synthetic.reference import country_names


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


def successor_rows(plan: Plan) -> list[dict[str, Any]]:
    """The associations of the 34 units, founded on 1 July 2025, each succeeding its old ones.

    A new unit's association for a partner country succeeds every association of its old
    provinces for that country (district ones too, whose members it sums); in a province that
    did not merge, the one it replaces. These are the associations the 2025 reports name.
    """
    predecessors: dict[tuple[str, str], list[str]] = defaultdict(list)
    for province in plan.provinces:
        for association in province.associations:
            if association.founded_on < REFORM_DATE:
                key = (province.record.current_code, association.country)
                predecessors[key].append(association.name)
    names = country_names()
    return [
        {
            "kind": "friendship_association",
            "organization": association_name(names[country], place(plan.current_units[code])),
            "province": plan.current_units[code].short_name,
            "partner_country": country,
            "founded_on": REFORM_DATE,
            "source": SYNTHETIC,
            "succeeds": "; ".join(sorted(predecessors[(code, country)])),
        }
        for code, country in sorted(predecessors)
    ]
