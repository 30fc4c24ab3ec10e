"""The notice as a TILT document: the machine-readable copy of one version in one language.

TILT (Transparency Information Language and Toolkit, TU Berlin; the JSON schema is
Transparency-Information-Language/schema, MIT) describes what GDPR Art. 13 and 14 ask for as
JSON. Each build writes one document per language, ``tilt.json`` beside the language's start
page (hooks/versions.py), so each published version keeps the copy of its own notice; every
page's footer links to it (overrides/partials/copyright.html).

Made from the model alone, like the pages: what SEOM has not supplied is absent, never filled
in, and the document then does not validate (publishing waits for the same data: the keys TILT
needs are SEOM's details in docs/controller.yml and docs/purposes.yml). Where SEOM's file says
a thing in words and TILT asks for a structure (transfers by country, sources with an address),
the words stand in an entry without the structure, not a guess at it. The tests validate the
copy of a complete notice against the schema (tests/test_tilt.py).

Mapping decisions:
- ``meta.name`` is the controller's name (TILT: "Name of the data controller").
- ``meta.status`` is "inactive" for a version published before its date, "active" otherwise:
  on its date publishing replaces the announced version's folder with its rendering as in
  force. An earlier version's folder never changes, so it cannot say later that a newer
  version took over; ``validFrom`` (an addition TILT allows) is the version's date, and the
  archive's versions.json says which version is in force.
- ``meta._hash`` is the SHA-256 of the document without ``_hash``: JSON with sorted keys,
  no spaces, UTF-8.
- ``controller.representative`` is the person SEOM names (``representative``), reached at
  SEOM's address for questions about personal data (``email``); absent without the name.
- The DPO's country is SEOM's (``dpo_address`` is asked for in SEOM's country); the entry is
  there only with ``dpo_email``. Without a DPO (``no_dpo``) TILT has nothing to say it with:
  ``dataProtectionOfficer`` is absent.
- ``nonDisclosure``: ``lag`` is a legal requirement the person is obliged by; ``avtal`` a
  contractual one (or needed to enter into the contract), which TILT does not count as an
  obligation on the person (its own example: all false, "the shipment cannot be delivered").
- ``thirdCountryTransfers`` lists each country of ``third_countries`` with the purposes whose
  data go there; it is there once every purpose has said (``nej`` for none). SEOM's words on
  the safeguards stay with each purpose (``transfers``). ``sources`` likewise lists each
  purpose's source in SEOM's words (TILT's entries need an address SEOM has not given), once
  every purpose has said.
- Rights given by the GDPR itself are ``available`` (access, information, rectification or
  erasure, complaint). Portability and withdrawing consent depend on the legal bases (Art. 20:
  consent or contract; Art. 7(3): consent), and are said only when every purpose has one.
- ``storage`` keeps SEOM's words as the one condition (``purposeConditional``); with one
  condition the aggregation (``max``) changes nothing.
- ``changesOfPurpose`` is empty: a change is a new version of the notice.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from notice.model import Notice, Purpose

FILE = "tilt.json"
# TILT's pattern of a phone number; SEOM's and IMY's may be written otherwise.
PHONE = re.compile(r"[+]*[(]{0,1}[0-9]{1,4}[)]{0,1}[-\s\./0-9]*")


def document(
    notice: Notice, locale: str, t: dict[str, Any], *, home: str, rights: str
) -> dict[str, Any]:
    """The TILT document of the newest version in ``locale``. ``t``: the language's texts
    (``purposes.bases``, the name of each legal basis, and ``tilt.rights``, what each right
    is, in the law's words); ``home``: the absolute address of the notice's start page in that
    language; ``rights``: of the rights section."""
    bases = t["purposes"]["bases"]
    said = t["tilt"]["rights"]
    version = notice.versions[0]
    controller = notice.controller.of(locale)
    authority = notice.authority.get(locale, {})
    email = controller.get("email")
    purposes = notice.purposes
    known = all(p.legal_basis for p in purposes)
    index = notice.page("index.md", locale)

    countries = [p.third_countries for p in purposes]
    said_sources = all(p.of(locale).get("source") for p in purposes)

    def right(name: str, available: bool | None) -> dict[str, Any]:
        return {
            "available": available,
            "description": said[name] if available else None,
            "url": rights,
            "email": email,
        }

    out = {
        "meta": {
            "_id": home + FILE,
            "name": controller.get("name"),
            "title": notice.title(index) if index else None,
            "created": notice.versions[-1].id,
            "modified": version.id,
            "validFrom": version.id,
            "version": len(notice.versions),
            "language": locale,
            "status": "inactive" if notice.upcoming else "active",
            "url": home,
        },
        "controller": {
            "name": controller.get("name"),
            "address": controller.get("address"),
            "country": controller.get("country"),
            "representative": {"name": controller["representative"], "email": email}
            if controller.get("representative")
            else None,
        },
        "dataProtectionOfficer": {
            "name": controller.get("dpo_name"),
            "address": controller.get("dpo_address"),
            "country": controller.get("country"),
            "email": controller["dpo_email"],
        }
        if controller.get("dpo_email")
        else None,
        "dataDisclosed": [_disclosed(p, locale, bases) for p in purposes],
        "thirdCountryTransfers": [
            {
                "country": code,
                "dataDisclosed": [p.id for p in purposes if code in (p.third_countries or ())],
            }
            for code in sorted({code for found in countries for code in found or ()})
        ]
        if all(found is not None for found in countries)
        else None,
        "accessAndDataPortability": right("access", True),
        "sources": [
            {
                "_id": p.id,
                "dataCategory": p.of(locale).get("data"),
                "description": p.of(locale)["source"],
                "sources": [],
            }
            for p in purposes
        ]
        if said_sources
        else None,
        "rightToInformation": right("information", True),
        "rightToRectificationOrDeletion": right("rectification", True),
        "rightToDataPortability": right(
            "portability", any(p.legal_basis in ("a", "b") for p in purposes) if known else None
        ),
        "rightToWithdrawConsent": right(
            "consent", any(p.legal_basis == "a" for p in purposes) if known else None
        ),
        "rightToComplain": {
            "available": True,
            "description": said["complaint"],
            "url": authority.get("url"),
            "supervisoryAuthority": {
                "name": authority.get("name"),
                "address": authority.get("address"),
                "email": authority.get("email"),
                "phone": _phone(authority.get("phone")),
            },
        },
        "automatedDecisionMaking": {
            "purposes": [
                {"dataDisclosed": p.id, "description": p.of(locale).get("automated")}
                for p in purposes
            ],
        },
        "changesOfPurpose": [],
    }
    out = _present(out)
    out["meta"]["_hash"] = hashlib.sha256(_canonical(out)).hexdigest()
    return out


def dumps(doc: dict[str, Any]) -> bytes:
    """The file as written: readable, UTF-8, the keys in the order above."""
    return json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"


def _disclosed(purpose: Purpose, locale: str, bases: dict[str, str]) -> dict[str, Any]:
    texts = purpose.of(locale)
    basis = purpose.legal_basis
    obligation = purpose.obligation
    return {
        "_id": purpose.id,
        "category": texts.get("data"),
        "purposes": [{"purpose": texts.get("purpose"), "description": texts.get("purpose")}],
        "legalBases": [{"reference": f"GDPR-6-1-{basis}", "description": bases.get(basis)}]
        if basis
        else None,
        "legitimateInterests": (
            [{"exists": True, "reasoning": texts.get("interest")}]
            if basis == "f"
            else [{"exists": False}]
        )
        if basis
        else None,
        "recipients": [{"category": texts["recipients"]}] if texts.get("recipients") else None,
        "storage": [{"aggregationFunction": "max", "purposeConditional": [texts["retention"]]}]
        if texts.get("retention")
        else None,
        "nonDisclosure": {
            "legalRequirement": obligation == "lag",
            "contractualRegulation": obligation == "avtal",
            "obligationToProvide": obligation == "lag",
            "consequences": texts.get("required"),
        }
        if obligation
        else None,
        "source": texts.get("source"),
        "transfers": texts.get("transfers"),
        "automated": texts.get("automated"),
        "directMarketing": purpose.direct_marketing,  # None (left out) while not said
    }


def _phone(value: str | None) -> str | None:
    return value if value and PHONE.fullmatch(value) else None


def _present(value: Any) -> Any:
    """``value`` without what is not there: None, and an object or entry left empty by it."""
    if isinstance(value, dict):
        kept = {k: _present(v) for k, v in value.items() if v is not None}
        return {k: v for k, v in kept.items() if v != {} and v is not None}
    if isinstance(value, list):
        return [_present(v) for v in value if v is not None]
    return value


def _canonical(doc: dict[str, Any]) -> bytes:
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
