"""The machine-readable copy of each version (TILT, hooks/notice/tilt.py): valid against TILT's
own schema when SEOM has supplied everything, with nothing in it that SEOM did not supply, in
both languages, kept in each published version's folder and linked from every page."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import posixpath
import shutil
from pathlib import Path
from urllib.parse import urljoin

import pytest
from jsonschema import Draft7Validator

import archives
from archives import A, B
from conftest import NOTICE_DOCS, pages, soup
from notice import changes, gdpr, reading, tilt
from notice.model import Notice

LANGUAGES = ["sv", "en"]
TODAY = dt.date(2026, 11, 28)
SCHEMA = json.loads((Path(__file__).parent / "upstream/tilt/tilt-schema.json").read_text())
VALIDATOR = Draft7Validator(SCHEMA, format_checker=Draft7Validator.FORMAT_CHECKER)
BASES = {"a": "consent", "b": "contract", "c": "legal obligation", "f": "legitimate interests"}
RIGHTS = ("access", "information", "rectification", "portability", "consent", "complaint")
# What the site says of each right (overrides/partials/texts/): a name stands for it here.
TEXTS = {"purposes": {"bases": BASES}, "tilt": {"rights": {name: name for name in RIGHTS}}}
HOME = "https://integritet.example.se/2026-12-01/en/"


def entries_of(doc: dict) -> dict[str, dict]:
    return {entry["_id"]: entry for entry in doc["dataDisclosed"]}


def errors(doc: dict) -> list[str]:
    """What the schema finds wrong, as "path: message"."""
    return sorted(
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in VALIDATOR.iter_errors(doc)
    )


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    return Path(shutil.copytree(NOTICE_DOCS, tmp_path / "docs"))


def load(docs: Path) -> Notice:
    notice = reading.load(docs, LANGUAGES, today=TODAY)
    assert notice.problems == []
    return notice


def document(notice: Notice, locale: str = "en") -> dict:
    return tilt.document(notice, locale, TEXTS, home=HOME, rights=HOME + "rattigheter/")


def edit(docs: Path, name: str, old: str, new: str) -> None:
    text = (docs / name).read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {name}"
    (docs / name).write_text(text.replace(old, new, 1), encoding="utf-8")


def no_dpo(docs: Path) -> None:
    """SEOM has appointed no DPO: dpo_email replaced by no_dpo."""
    edit(docs, "controller.yml", "dpo_email: dataskyddsombud@example.se\n", "")
    with (docs / "controller.yml").open("a", encoding="utf-8") as file:
        file.write("no_dpo:\n  sv: Vi har inget.\n  en: We have none.\n")


# The copy of a complete notice, in process


def test_a_complete_notice_s_copy_is_valid_tilt_in_both_languages(docs: Path) -> None:
    archives.complete(docs)
    notice = load(docs)
    assert notice.controller.missing == [] and notice.purposes_missing == []
    for locale in LANGUAGES:
        doc = document(notice, locale)
        assert errors(doc) == []
        assert doc["meta"]["language"] == locale
        # Each purpose is one entry, with SEOM's words in the page's language.
        assert [entry["_id"] for entry in doc["dataDisclosed"]] == ["leverans", "marknadsforing"]
    doc = document(notice, "sv")
    delivery, marketing = doc["dataDisclosed"]
    assert delivery["purposes"][0]["purpose"] == "Leverera de tjänster du har avtal om"
    assert delivery["legalBases"] == [{"reference": "GDPR-6-1-b", "description": "contract"}]
    assert delivery["legitimateInterests"] == [{"exists": False}]
    assert marketing["legitimateInterests"] == [
        {"exists": True, "reasoning": "Att berätta för våra kunder om våra tjänster."}
    ]
    assert marketing["storage"] == [
        {"aggregationFunction": "max", "purposeConditional": ["Så länge du är kund."]}
    ]
    assert doc["controller"] == {
        "name": "Sollentuna Energi & Miljö AB",
        "address": "Box 0, 000 00 Testby",
        "country": "SE",
        "representative": {"name": "Test Testsson", "email": "dataskydd@example.se"},
    }
    assert doc["dataProtectionOfficer"] == {
        "name": "Dataskyddsombudet Testsson",
        "address": "Box 1, 000 00 Testby",
        "country": "SE",
        "email": "dataskyddsombud@example.se",
    }
    authority = doc["rightToComplain"]["supervisoryAuthority"]
    assert authority["name"] == "Integritetsskyddsmyndigheten"
    assert authority["email"] == "imy@imy.se"
    assert doc["meta"]["name"] == "Sollentuna Energi & Miljö AB"  # TILT: the controller's
    assert doc["thirdCountryTransfers"] == []  # every purpose: third_countries: nej
    assert [entry["description"] for entry in doc["sources"]] == ["Från dig.", "Från dig."]


def test_the_hash_is_of_the_document_without_it(docs: Path) -> None:
    archives.complete(docs)
    doc = document(load(docs))
    given = doc["meta"].pop("_hash")
    canonical = json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    assert given == hashlib.sha256(canonical.encode()).hexdigest()


# Nothing SEOM did not supply


def test_what_seom_has_not_supplied_is_absent_not_made_up(docs: Path) -> None:
    """The example notice as SEOM's file has it today: the copy says only what is there, and
    the schema names exactly what SEOM still has to supply."""
    notice = load(docs)
    doc = document(notice)
    assert doc["controller"] == {"name": "Sollentuna Energi & Miljö AB"}
    assert "dataProtectionOfficer" not in doc  # neither dpo_email nor no_dpo yet
    # Nothing said of transfers, of every purpose's source, or of whether one is marketing.
    assert "thirdCountryTransfers" not in doc and "sources" not in doc
    assert "directMarketing" not in entries_of(doc)["utveckling"]
    entries = {entry["_id"]: entry for entry in doc["dataDisclosed"]}
    # No basis yet: no legal basis, no interest, and no answer on portability and consent.
    assert "legalBases" not in entries["marknadsforing"]
    assert "legitimateInterests" not in entries["marknadsforing"]
    assert "nonDisclosure" not in entries["leverans"]  # obligation is SEOM's to say
    assert "available" not in doc["rightToDataPortability"]
    assert "available" not in doc["rightToWithdrawConsent"]
    assert "recipients" not in entries["leverans"]
    found = errors(doc)
    assert "controller: 'country' is a required property" in found
    assert "controller: 'representative' is a required property" in found
    assert "dataDisclosed/0: 'nonDisclosure' is a required property" not in found  # anyOf
    assert any(line.startswith("dataDisclosed/0:") for line in found)
    assert ": 'dataProtectionOfficer' is a required property" in found


def test_no_dpo_leaves_tilt_without_one(docs: Path) -> None:
    """TILT cannot say that none is appointed: its entry is absent, not filled with SEOM."""
    archives.complete(docs)
    edit(docs, "controller.yml", "dpo_name: Dataskyddsombudet Testsson\n", "")
    edit(docs, "controller.yml", "dpo_address: Box 1, 000 00 Testby\n", "")
    no_dpo(docs)
    notice = load(docs)
    assert notice.controller.missing == []
    doc = document(notice)
    assert "dataProtectionOfficer" not in doc
    assert errors(doc) == [": 'dataProtectionOfficer' is a required property"]


# Policy: what the legal bases say of the rights, and what obligation says


@pytest.mark.parametrize(
    ("bases", "portability", "consent"),
    [(("b", "f"), True, False), (("c", "f"), False, False), (("a", "c"), True, True)],
)
def test_portability_and_withdrawing_consent_follow_the_legal_bases(
    docs: Path, bases: tuple[str, str], portability: bool, consent: bool
) -> None:
    archives.complete(docs)
    edit(docs, "purposes.yml", "legal_basis: b\n", f"legal_basis: {bases[0]}\n")
    if bases[1] != "f":
        edit(docs, "purposes.yml", "legal_basis: f\n", f"legal_basis: {bases[1]}\n")
        edit(docs, "purposes.yml", archives.INTEREST, "")
    doc = document(load(docs))
    assert doc["rightToDataPortability"]["available"] is portability
    assert doc["rightToWithdrawConsent"]["available"] is consent
    assert doc["accessAndDataPortability"]["available"] is True
    assert errors(doc) == []


@pytest.mark.parametrize(
    ("obligation", "flags"),
    [("lag", (True, False, True)), ("avtal", (False, True, False)), ("nej", (False, False, False))],
)
def test_obligation_says_whether_the_person_must_provide_the_data(
    docs: Path, obligation: str, flags: tuple[bool, bool, bool]
) -> None:
    archives.complete(docs)
    edit(docs, "purposes.yml", "obligation: avtal\n", f"obligation: {obligation}\n")
    terms = document(load(docs))["dataDisclosed"][0]["nonDisclosure"]
    assert (
        terms["legalRequirement"],
        terms["contractualRegulation"],
        terms["obligationToProvide"],
    ) == flags
    assert terms["consequences"] == "Yes, without them we cannot deliver the service."


@pytest.mark.parametrize(("phone", "given"), [("08-000 000 00", True), ("08-000 (000) 00", False)])
def test_a_phone_number_tilt_cannot_read_is_left_out(docs: Path, phone: str, given: bool) -> None:
    archives.complete(docs)
    edit(docs, "authority.yml", "email: imy@imy.se\n", f"email: imy@imy.se\nphone: {phone}\n")
    doc = document(load(docs))
    assert ("phone" in doc["rightToComplain"]["supervisoryAuthority"]) is given
    assert errors(doc) == []


def test_transfers_are_listed_by_country_with_the_purposes_they_concern(docs: Path) -> None:
    archives.complete(docs)
    edit(docs, "purposes.yml", "third_countries: nej\n", "third_countries: US, IN\n")
    edit(docs, "purposes.yml", "third_countries: nej\n", "third_countries: US\n")
    doc = document(load(docs))
    assert doc["thirdCountryTransfers"] == [
        {"country": "IN", "dataDisclosed": ["leverans"]},
        {"country": "US", "dataDisclosed": ["leverans", "marknadsforing"]},
    ]
    assert errors(doc) == []


def test_a_detail_only_the_copy_shows_is_still_the_notices_text(docs: Path) -> None:
    """Changing obligation or third_countries changes the notice: it needs a new version
    (what a published version's copy says never changes)."""
    archives.complete(docs)
    before = changes.reader_text(load(docs))
    for old, new in (
        ("obligation: avtal\n", "obligation: lag\n"),
        ("countries: nej\n", "countries: US\n"),
    ):
        edit(docs, "purposes.yml", old, new)
        after = changes.reader_text(load(docs))
        assert after != before, new
        before = after


def test_an_announced_version_s_copy_is_inactive_until_its_date(docs: Path) -> None:
    archives.complete(docs)
    for today, status in ((dt.date(2026, 11, 30), "inactive"), (dt.date(2026, 12, 1), "active")):
        notice = reading.load(docs, LANGUAGES, today=today)
        assert document(notice)["meta"]["status"] == status, today


# Published: each version's folder keeps its copy, and every page links to it


def test_each_published_version_keeps_its_own_valid_copy(two_versions) -> None:
    """A (version 1) and B (version 2) in the archive, after both were published: each folder
    holds the copy of its own notice, in each language, valid TILT, and every page of the
    version links to the copy in its language."""
    archive = two_versions
    for number, version in enumerate((A, B), start=1):
        for prefix, locale in (("", "sv"), ("en/", "en")):
            doc = json.loads(archive.show(f"{version}/{prefix}{tilt.FILE}"))
            assert errors(doc) == [], (version, locale)
            assert doc["meta"]["validFrom"] == version
            assert doc["meta"]["version"] == number
            assert doc["meta"]["language"] == locale
            assert doc["meta"]["url"].endswith(f"/{version}/{prefix}")
        for page in archives.ALL_PAGES:
            link = archive.soup(f"{version}/{page}index.html").select_one(".seom-footer-tilt a")
            prefix = "en/" if page.startswith("en/") else ""
            target = posixpath.normpath(posixpath.join(version, page, link["href"]))
            assert target == f"{version}/{prefix}{tilt.FILE}", page
    english = json.loads(archive.show(f"{B}/en/{tilt.FILE}"))
    assert english["meta"]["title"] == "How we protect your personal data"


def test_every_page_links_to_the_copy_in_its_language(site) -> None:
    """The plain build: the link on every page (404 too) reaches the copy, over HTTP."""
    for path in pages(site):
        link = soup(site, path).select_one("footer .seom-footer-tilt a")
        assert link is not None, path
        root = site.url.rstrip("/") + "/"
        url = urljoin(root + path, link["href"])
        english = path.startswith("en/")
        assert url == root + ("en/" if english else "") + tilt.FILE, path
        assert link.get_text() == (
            "This notice in machine-readable form (TILT, JSON)"
            if english
            else "Det här meddelandet i maskinläsbar form (TILT, JSON)"
        )
    for prefix in ("", "en/"):
        doc = json.loads((site.site_dir / prefix / tilt.FILE).read_text(encoding="utf-8"))
        assert doc["meta"]["language"] == ("en" if prefix else "sv")


# SEOM's details that the copy needs (docs/controller.yml, docs/purposes.yml)


def problems(docs: Path) -> list[str]:
    return reading.load(docs, LANGUAGES, today=TODAY).problems


@pytest.mark.parametrize(
    ("name", "old", "new", "message"),
    [
        (
            "purposes.yml",
            "obligation: avtal\n",
            "obligation: kanske\n",
            "docs/purposes.yml, ändamål 1 (leverans): obligation är 'kanske', men ska vara lag, "
            "avtal eller nej: lag om en lag kräver att personen lämnar uppgifterna, avtal om ett "
            "avtal kräver det eller det behövs för att ingå avtalet, annars nej.",
        ),
        (
            "controller.yml",
            "country: SE\n",
            "country: Sverige\n",
            "docs/controller.yml: country är 'Sverige', men ska vara landet där SEOM finns, som "
            "landskod med två stora bokstäver (ISO 3166-1), till exempel 'country: SE'.",
        ),
    ],
)
def test_a_detail_for_the_copy_written_wrong_stops_the_build(
    docs: Path, name: str, old: str, new: str, message: str
) -> None:
    archives.complete(docs)
    edit(docs, name, old, new)
    assert problems(docs) == [message]


def test_obligation_left_empty_is_missing(docs: Path) -> None:
    archives.complete(docs)
    edit(docs, "purposes.yml", "obligation: avtal\n", "obligation:\n")
    notice = reading.load(docs, LANGUAGES, today=TODAY)
    assert notice.problems == []
    assert [m.split(" (lag om")[0] for m in notice.purposes_missing] == [
        "docs/purposes.yml, ändamål 1 (leverans): obligation saknas"
    ]


def test_the_dpo_s_name_and_address_are_asked_for_only_with_a_dpo(docs: Path) -> None:
    archives.complete(docs)
    edit(docs, "controller.yml", "dpo_name: Dataskyddsombudet Testsson\n", "")
    notice = reading.load(docs, LANGUAGES, today=TODAY)
    assert [m.split(" (")[0] for m in notice.controller.missing] == [
        "docs/controller.yml: dpo_name saknas"
    ]
    # With no_dpo instead, neither is asked for, and one written is a mistake.
    no_dpo(docs)
    assert problems(docs) == [
        "docs/controller.yml: dpo_address är ifylld, men no_dpo säger att SEOM inte har något "
        "dataskyddsombud. Ta bort den, eller fyll i dpo_email i stället för no_dpo."
    ]
    edit(docs, "controller.yml", "dpo_address: Box 1, 000 00 Testby\n", "")
    notice = reading.load(docs, LANGUAGES, today=TODAY)
    assert (notice.problems, notice.controller.missing) == ([], [])


def test_the_report_counts_13_2_e_only_with_obligation_said(docs: Path) -> None:
    """Art. 13(2)(e) asks whether providing the data is a statutory or contractual
    requirement: the words of ``required`` say it to readers, ``obligation`` as data."""
    archives.complete(docs)
    assert gdpr.items(load(docs), "sv")["13.2.e"][0] == gdpr.CHECKED
    edit(docs, "purposes.yml", "obligation: avtal\n", "obligation:\n")
    assert gdpr.items(reading.load(docs, LANGUAGES, today=TODAY), "sv")["13.2.e"] == (
        gdpr.UNANSWERED,
        "uppgifter saknas i docs/purposes.yml: leverans (obligation)",
    )
