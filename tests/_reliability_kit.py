"""Hostile workbooks for the reliability campaign (tests/test_reliability_*.py).

Each case is built from a real template (``iku template``, filled in) by changing
what an attacker or a damaged copy would change, and names the findings it must
give. ``python tests/_reliability_kit.py`` reads every case, and a few made right
at the reader's limits, each in a process of its own, and prints the time and the
peak memory (maximum resident set size) of each: the figures in the README's
"Reliability" section come from there.
"""

from __future__ import annotations

import functools
import io
import re
import struct
import sys
import tempfile
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _reader_kit import ole2, submission, write_ods  # noqa: E402
from iku_cli.core.catalogue import Catalogue  # noqa: E402
from iku_cli.loading.catalogue_file import load  # noqa: E402

SHIPPED = ROOT / "indicators.yaml"
MB = 1024 * 1024
OWNER = "Biro POD"
SHEET = "xl/worksheets/sheet3.xml"  # the Data sheet of a template
SST = "xl/sharedStrings.xml"

# codes that only a defect gives (read_workbook's last-resort guard)
DEFECT = "file-unreadable"


@functools.lru_cache(maxsize=1)
def catalogue() -> Catalogue:
    return load(SHIPPED)


@functools.lru_cache(maxsize=1)
def template() -> bytes:
    """Biro POD's TW4 2025 template, as ``iku template`` writes it, with every Nilai filled."""
    from iku_cli.outputs.template import write_template

    with tempfile.TemporaryDirectory() as folder:
        path = write_template(catalogue(), 2025, "TW4", OWNER, Path(folder), "id")
        data = path.read_bytes()
    parts = members(data)
    # every Nilai cell (column F under the header on row 4) gets 10: numerator = denominator
    parts[SHEET] = re.sub(
        rb'<c r="F([5-9]|[1-9][0-9])"( s="\d+")?/>',
        rb'<c r="F\1"\2><v>10</v></c>',
        parts[SHEET],
    )
    return zip_bytes(parts)


@functools.lru_cache(maxsize=1)
def ods_seed() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        return write_ods(Path(folder) / "s.ods", submission(owner=OWNER)).read_bytes()


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {i.filename: archive.read(i) for i in archive.infolist()}


def zip_bytes(parts: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, raw in parts.items():
            if name == "mimetype":  # ods: stored, first
                archive.writestr(zipfile.ZipInfo("mimetype"), raw)
            else:
                archive.writestr(name, raw)
    return buffer.getvalue()


@dataclass(frozen=True)
class RawMember:
    """A member written as given: compressed bytes and the sizes and CRC it declares."""

    name: bytes
    data: bytes
    usize: int
    crc: int = 0
    method: int = 8
    flags: int = 0


def raw_zip(items: list[RawMember], repeat_last: int = 1) -> bytes:
    """A zip archive built byte by byte, so that it can lie; the last member's directory
    entry is written ``repeat_last`` times, each pointing at the same data."""
    out = bytearray()
    central = bytearray()
    entries = 0
    for n, item in enumerate(items):
        offset = len(out)
        out += struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, 20, item.flags, item.method, 0, 0, item.crc,
            len(item.data), item.usize, len(item.name), 0,
        )  # fmt: skip
        out += item.name + item.data
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, item.flags, item.method, 0, 0,
            item.crc, len(item.data), item.usize, len(item.name), 0, 0, 0, 0, 0, offset,
        )  # fmt: skip
        central += item.name
        entries += 1
        if n == len(items) - 1 and repeat_last > 1:
            entry = central[-(46 + len(item.name)) :]
            central += entry * (repeat_last - 1)
            entries += repeat_last - 1
    start = len(out)
    out += central
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, entries, entries, len(central), start, 0)
    return bytes(out)


def honest(parts: dict[str, bytes]) -> list[RawMember]:
    """Members deflated with their true sizes and CRCs."""
    items = []
    for name, raw in parts.items():
        packer = zlib.compressobj(6, zlib.DEFLATED, -15)
        items.append(
            RawMember(
                name.encode(), packer.compress(raw) + packer.flush(), len(raw), zlib.crc32(raw)
            )
        )
    return items


@functools.lru_cache(maxsize=4)
def deflated_zeros(megabytes: int) -> bytes:
    """A raw deflate stream of ``megabytes`` MB of zero bytes, made in milliseconds: after
    a full flush the compressor starts afresh, so each further megabyte is the same bytes."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    one = packer.compress(bytes(MB)) + packer.flush(zlib.Z_FULL_FLUSH)
    return one * megabytes + packer.flush()


def declare_size(data: bytes, member: str, size: int) -> bytes:
    """Rewrite a member's uncompressed size in the central directory and local header."""
    out = bytearray(data)
    encoded = member.encode()
    at = out.find(b"PK\x01\x02")
    while at != -1:
        name_len = struct.unpack_from("<H", out, at + 28)[0]
        if bytes(out[at + 46 : at + 46 + name_len]) == encoded:
            struct.pack_into("<I", out, at + 24, size)
            local = struct.unpack_from("<I", out, at + 42)[0]
            struct.pack_into("<I", out, local + 22, size)
        at = out.find(b"PK\x01\x02", at + 4)
    return bytes(out)


def laughs(levels: int = 9, width: int = 10) -> bytes:
    """A DOCTYPE whose entity &lol9; would expand to 10^9 "lol"s ("billion laughs")."""
    entities = [b'<!ENTITY lol0 "lol">']
    for n in range(1, levels + 1):
        entities.append(b'<!ENTITY lol%d "%s">' % (n, b"&lol%d;" % (n - 1) * width))
    return b"<!DOCTYPE lolz [" + b"".join(entities) + b"]>"


def with_dtd(xml: bytes, dtd: bytes) -> bytes:
    """``xml`` with a DOCTYPE after its declaration."""
    if xml.startswith(b"<?xml"):
        end = xml.index(b"?>") + 2
        return xml[:end] + dtd + xml[end:]
    return dtd + xml


def edit(member: str, change: Callable[[bytes], bytes], seed: bytes | None = None) -> bytes:
    parts = members(template() if seed is None else seed)
    parts[member] = change(parts[member])
    return zip_bytes(parts)


def sheet_rows(xml: bytes, rows: bytes) -> bytes:
    """The sheet XML with its rows replaced."""
    return re.sub(
        rb"<sheetData>.*</sheetData>", b"<sheetData>" + rows + b"</sheetData>", xml, flags=re.S
    )


def with_shared_strings(extra: bytes, unique: int | None = None, name: str = SST) -> bytes:
    """The template with ``extra`` texts after its own in the shared-strings table, which
    declares ``unique`` texts (the true count when None)."""
    parts = members(template())
    table = parts.pop(SST)
    own = table[table.index(b"<si>") : table.rindex(b"</sst>")]
    count = own.count(b"<si>") + extra.count(b"<si>") if unique is None else unique
    head = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    parts[name] = (
        head + b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        b'count="%d" uniqueCount="%d">' % (count, count) + own + extra + b"</sst>"
    )
    return zip_bytes(parts)


def renamed_member(data: bytes, old: bytes, new: bytes, utf8_flag: bool = False) -> bytes:
    """Rename a member in place (same length) in both headers, optionally flagged UTF-8."""
    assert len(old) == len(new)
    out = bytearray(data.replace(old, new))
    if utf8_flag:
        for signature, flag_at in ((b"PK\x01\x02", 8), (b"PK\x03\x04", 6)):
            at = out.find(signature)
            while at != -1:
                flags = struct.unpack_from("<H", out, at + flag_at)[0]
                struct.pack_into("<H", out, at + flag_at, flags | 0x800)
                at = out.find(signature, at + 4)
    return bytes(out)


def _xls_with_filepass() -> bytes:
    """The xls fixture with its first record after the BOF turned into FILEPASS (encrypted)."""
    data = bytearray((Path(__file__).parent / "data" / "reader" / "submission.xls").read_bytes())
    bof = data.find(b"\x09\x08")  # BOF record of the workbook stream
    length = struct.unpack_from("<H", data, bof + 2)[0]
    nxt = bof + 4 + length
    struct.pack_into("<H", data, nxt, 0x002F)
    return bytes(data)


def _encrypted_member() -> bytes:
    items = honest(members(template()))
    items = [
        RawMember(i.name, i.data, i.usize, i.crc, i.method, 0x1) if i.name == SHEET.encode() else i
        for i in items
    ]
    return raw_zip(items)


def _overlapping() -> bytes:
    """One 10 MB member listed 200 times in the directory (David Fifield's overlap trick)."""
    bomb = RawMember(b"xl/media/image1.bin", deflated_zeros(10), 10 * MB)
    return raw_zip([*honest(members(template())), bomb], repeat_last=200)


def _too_many_members() -> bytes:
    parts = members(template())
    for n in range(10_050):
        parts[f"xl/media/p{n}.bin"] = b""
    return zip_bytes(parts, zipfile.ZIP_STORED)


def _nested_zip() -> bytes:
    inner = zip_bytes({"a.bin": bytes(MB)})
    for _ in range(3):
        inner = zip_bytes({"inner.zip": inner})
    parts = members(template())
    parts["xl/embeddings/oleObject1.bin"] = inner
    return zip_bytes(parts)


def _numbers(count: int) -> bytes:
    return b"".join(b"<si><t>%d</t></si>" % n for n in range(count))


def _deep(depth: int, tag: bytes = b"x") -> bytes:
    return b"<%s>" % tag * depth + b"</%s>" % tag * depth


def _ods_content(change: Callable[[bytes], bytes]) -> bytes:
    return edit("content.xml", change, ods_seed())


@dataclass(frozen=True)
class Case:
    """A hostile file: its kind (for counting), how to build it, what it must give.

    ``expect`` holds finding codes of which at least one must be given; empty means the
    file must still be read as a submission (the hostile part is ignored, never used).
    """

    kind: str
    build: Callable[[], bytes]
    expect: frozenset[str]
    suffix: str = ".xlsx"


def case(kind: str, build: Callable[[], bytes], *codes: str, suffix: str = ".xlsx") -> Case:
    return Case(kind, build, frozenset(codes), suffix)


XXE = b'<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>'
_NUMERIC_F5 = re.compile(rb'<c r="F5"( s="\d+")?><v>10</v></c>')


CASES: dict[str, Case] = {
    # -- zip bombs: members declaring, or inflating to, a gigabyte
    "bomb: 1 GB of zeros, declared": case(
        "zip bomb",
        lambda: raw_zip(
            [
                *honest(members(template())),
                RawMember(b"xl/media/a.bin", deflated_zeros(1024), 1024 * MB),
            ]
        ),
        "zip-bomb",
    ),
    "bomb: 1 GB of zeros declaring 1 kB": case(
        "zip bomb",
        lambda: raw_zip(
            [*honest(members(template())), RawMember(b"xl/media/a.bin", deflated_zeros(1024), 1000)]
        ),
        "file-corrupt",
    ),
    "bomb: the Data sheet inflating to 1 GB, declaring its own size": case(
        "zip bomb",
        lambda: raw_zip(
            [
                RawMember(i.name, deflated_zeros(1024), i.usize, i.crc)
                if i.name == SHEET.encode()
                else i
                for i in honest(members(template()))
            ]
        ),
        "file-corrupt",
    ),
    "bomb: 4 GB declared in the directory only": case(
        "zip bomb", lambda: declare_size(template(), SHEET, 0xFFFFFFF0), "zip-bomb", "file-corrupt"
    ),
    "bomb: ratio 1000x over 3 MB": case(
        "zip bomb",
        lambda: zip_bytes({**members(template()), "xl/media/pad.bin": bytes(3 * MB)}),
        "zip-bomb",
    ),
    "bomb: one member listed 200 times": case("zip bomb", _overlapping, "zip-bomb", "file-corrupt"),
    "bomb: 10,050 members": case("zip bomb", _too_many_members, "zip-bomb"),
    "bomb: zips nested in an embedded object (never opened)": case("zip bomb", _nested_zip),
    # -- XML entity expansion
    "laughs: in an inline string of the sheet": case(
        "entity expansion",
        lambda: edit(
            SHEET,
            lambda x: with_dtd(x, laughs()).replace(
                b'<c r="A1" s="2" t="s"><v>1</v></c>',
                b'<c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c>',
            ),
        ),
        "file-corrupt",
    ),
    "laughs: in a number cell (read as empty, never expanded)": case(
        "entity expansion",
        lambda: edit(
            SHEET,
            lambda x: _NUMERIC_F5.sub(rb'<c r="F5"\1><v>&lol9;</v></c>', with_dtd(x, laughs())),
        ),
    ),
    "laughs: in the shared strings": case(
        "entity expansion",
        lambda: edit(SST, lambda x: with_dtd(x, laughs()).replace(b"<t>", b"<t>&lol9;", 1)),
        "file-corrupt",
    ),
    "laughs: in workbook.xml (a sheet name)": case(
        "entity expansion",
        lambda: edit(
            "xl/workbook.xml",
            lambda x: with_dtd(x, laughs()).replace(b'name="Data"', b'name="&lol9;"'),
        ),
        "file-corrupt",
    ),
    "laughs: in an ods content.xml": case(
        "entity expansion",
        lambda: _ods_content(
            lambda x: with_dtd(x, laughs()).replace(
                b"<text:p>Biro</text:p>", b"<text:p>&lol9;</text:p>", 1
            )
        ),
        "file-corrupt",
        suffix=".ods",
    ),
    "quadratic blowup: a 100 kB entity used 5,000 times in an ods": case(
        "entity expansion",
        lambda: _ods_content(
            lambda x: with_dtd(x, b'<!DOCTYPE x [<!ENTITY a "' + b"a" * 100_000 + b'">]>').replace(
                b"<text:p>Biro</text:p>", b"<text:p>" + b"&a;" * 5000 + b"</text:p>", 1
            )
        ),
        "file-corrupt",
        suffix=".ods",
    ),
    "external entity (XXE) in the sheet": case(
        "entity expansion",
        lambda: edit(
            SHEET,
            lambda x: with_dtd(x, XXE).replace(
                b'<c r="A1" s="2" t="s"><v>1</v></c>',
                b'<c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c>',
            ),
        ),
        "file-corrupt",
    ),
    "external entity (XXE) in an ods": case(
        "entity expansion",
        lambda: _ods_content(
            lambda x: with_dtd(x, XXE).replace(
                b"<text:p>Biro</text:p>", b"<text:p>&xxe;</text:p>", 1
            )
        ),
        "file-corrupt",
        suffix=".ods",
    ),
    # -- shared-strings tables
    "shared strings: two billion declared": case(
        "shared strings", lambda: with_shared_strings(b"", 2_000_000_000), "too-many-strings"
    ),
    "shared strings: a 40-digit count": case(
        "shared strings", lambda: with_shared_strings(b"", 10**40), "too-many-strings"
    ),
    "shared strings: 600,000 held, 68 declared": case(
        "shared strings",
        lambda: with_shared_strings(_numbers(600_000), 68),
        "too-many-strings",
    ),
    "shared strings: two billion declared, name in other case": case(
        "shared strings",
        lambda: with_shared_strings(b"", 2_000_000_000, name="xl/SharedStrings.xml"),
        "too-many-strings",
    ),
    "shared strings: 300,000 held (under the limit: read)": case(
        "shared strings", lambda: with_shared_strings(_numbers(300_000))
    ),
    # -- sheets declaring the whole grid
    "rows: a cell on row 1,048,576": case(
        "huge sheet",
        lambda: edit(
            SHEET,
            lambda x: x.replace(
                b"</sheetData>",
                b'<row r="1048576"><c r="A1048576"><v>1</v></c>'
                b'<c r="H1048576"><v>1</v></c></row></sheetData>',
            ),
        ),
        "sheet-too-large",
    ),
    "rows: dimension A1:XFD1048576 (ignored)": case(
        "huge sheet",
        lambda: edit(
            SHEET,
            lambda x: re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', x),
        ),
    ),
    "rows: cells at A1 and XFD1048576": case(
        "huge sheet",
        lambda: edit(
            SHEET,
            lambda x: x.replace(
                b"</sheetData>",
                b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>',
            ),
        ),
        "sheet-too-large",
    ),
    "rows: 1,048,576 repeated rows in an ods": case(
        "huge sheet",
        lambda: _ods_content(
            lambda x: x.replace(
                b"</table:table>",
                b'<table:table-row table:number-rows-repeated="1048576">'
                b'<table:table-cell table:number-columns-repeated="20" office:value-type="float"'
                b' office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>'
                b"</table:table>",
                1,
            )
        ),
        "sheet-too-large",
        suffix=".ods",
    ),
    "rows: 1,048,576 empty repeated rows in an ods (read)": case(
        "huge sheet",
        lambda: _ods_content(
            lambda x: x.replace(
                b"</table:table>",
                b'<table:table-row table:number-rows-repeated="1048576">'
                b'<table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
                b"</table:table>",
                1,
            )
        ),
        suffix=".ods",
    ),
    "rows: 50,000 data rows under the header": case(
        "huge sheet",
        lambda: edit(
            SHEET,
            lambda x: x.replace(
                b"</sheetData>",
                b"".join(
                    b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>1.1</t></is></c>'
                    b'<c r="F%d"><v>1</v></c></row>' % (r, r, r)
                    for r in range(20, 50_020)
                )
                + b"</sheetData>",
            ),
        ),
        "too-many-rows",
    ),
    # -- deeply nested XML
    "deep: 100,000 nested elements after the sheet data": case(
        "deep xml",
        lambda: edit(SHEET, lambda x: x.replace(b"</sheetData>", b"</sheetData>" + _deep(100_000))),
    ),
    "deep: 100,000 nested elements inside a cell": case(
        "deep xml",
        lambda: edit(
            SHEET,
            lambda x: _NUMERIC_F5.sub(rb'<c r="F5"\1><v>10</v>' + _deep(100_000) + b"</c>", x),
        ),
        "file-corrupt",
    ),
    "deep: 100,000 nested elements in workbook.xml": case(
        "deep xml",
        lambda: edit(
            "xl/workbook.xml", lambda x: x.replace(b"</workbook>", _deep(100_000) + b"</workbook>")
        ),
    ),
    "deep: 100,000 nested elements in the shared strings": case(
        "deep xml", lambda: edit(SST, lambda x: x.replace(b"</sst>", _deep(100_000) + b"</sst>"))
    ),
    "deep: 30,000 nested spans in an ods cell": case(
        "deep xml",
        lambda: _ods_content(
            lambda x: x.replace(
                b"<text:p>Biro</text:p>",
                b"<text:p>Biro" + _deep(30_000, b"text:span") + b"</text:p>",
                1,
            )
        ),
        suffix=".ods",
    ),
    # -- names inside the zip that are not UTF-8
    "names: cp437 bytes in the sheet's member name": case(
        "zip names",
        lambda: renamed_member(template(), b"worksheets/sheet3", b"worksheets/sh\x82\xff\xfe3"),
        "file-corrupt",
    ),
    "names: invalid UTF-8 flagged as UTF-8": case(
        "zip names",
        lambda: renamed_member(
            template(), b"worksheets/sheet3", b"worksheets/sh\xc3\x28\xa03", utf8_flag=True
        ),
        "file-corrupt",
    ),
    "names: invalid UTF-8 in a sheet name": case(
        "zip names",
        lambda: edit("xl/workbook.xml", lambda x: x.replace(b'name="Data"', b'name="D\xff\xfeta"')),
        "file-corrupt",
    ),
    "names: a member named ../../etc/passwd (never written)": case(
        "zip names", lambda: zip_bytes({**members(template()), "../../etc/passwd": b"x"})
    ),
    # -- not what the name says
    "csv saved as .xlsx (UTF-16)": case(
        "not a workbook", lambda: "Kode IKU;Nilai\n1.1;12\n".encode("utf-16"), "file-not-a-workbook"
    ),
    "HTML with a BOM saved as .xls": case(
        "not a workbook",
        lambda: (
            b"\xef\xbb\xbf<html><body><table><tr><td>1.1</td><td>12</td></tr></table></body></html>"
        ),
        "file-not-a-workbook",
        suffix=".xls",
    ),
    "Excel 2003 XML spreadsheet saved as .xls": case(
        "not a workbook",
        lambda: (
            b'<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?>'
            b'<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>'
        ),
        "file-not-a-workbook",
        suffix=".xls",
    ),
    "a Word document saved as .xlsx": case(
        "not a workbook",
        lambda: zip_bytes({"word/document.xml": b"<w:document/>"}),
        "file-not-a-workbook",
    ),
    "a zip holding only a mimetype of ods": case(
        "not a workbook",
        lambda: zip_bytes({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"}),
        "file-corrupt",
        suffix=".ods",
    ),
    # -- password-protected
    "password: an encrypted member in the zip": case(
        "password", _encrypted_member, "file-encrypted"
    ),
    "password: xls with a FILEPASS record": case(
        "password", _xls_with_filepass, "file-encrypted", suffix=".xls"
    ),
    "password: Excel's encrypted package (OLE2)": case(
        "password",
        lambda: ole2(
            {"EncryptionInfo": b"\x04\x00\x04\x00" + bytes(60), "EncryptedPackage": bytes(5000)}
        ),
        "file-encrypted",
    ),
}


@dataclass
class Outcome:
    codes: set[str]
    read: bool  # gave a submission
    messages: list[str]


def read_case(name: str, folder: Path) -> Outcome:
    from iku_cli.workbooks.reader import read_workbook

    item = CASES[name]
    path = folder / f"case{item.suffix}"
    path.write_bytes(item.build())
    sub, found = read_workbook(path, path.name, catalogue())
    return Outcome({f.code for f in found}, sub is not None, [f.message("id") for f in found])


# --------------------------------------------------------------------------- measuring


def _at_the_limits() -> dict[str, tuple[bytes, str]]:
    """Files just inside the reader's limits: the worst that is still read. (The bound on
    a sheet's area counts a template's 9 <col> elements as cells too: 3,000,000 cells
    means rows x (columns + 9).)"""
    from iku_cli.workbooks.cells import column_letter

    def grid(rows: int, cols: int) -> bytes:
        letters = [column_letter(c).encode() for c in range(1, cols + 1)]
        return b"".join(
            b'<row r="%d">' % r
            + b"".join(b'<c r="%s%d"><v>%d</v></c>' % (c, r, r) for c in letters)
            + b"</row>"
            for r in range(1, rows + 1)
        )

    texts = b"".join(b"<si><t>%s%d</t></si>" % (b"x" * 150, n) for n in range(499_000))
    return {
        "limit: 5,000 rows x 590 columns": (
            edit(SHEET, lambda x: sheet_rows(x, grid(5000, 590))),
            ".xlsx",
        ),
        "limit: 270,000 rows x 2 columns": (
            edit(SHEET, lambda x: sheet_rows(x, grid(270_000, 2))),
            ".xlsx",
        ),
        "limit: 499,000 shared texts of 150 characters": (with_shared_strings(texts), ".xlsx"),
        "limit: 50 MB of random bytes": (bytes(range(256)) * (50 * MB // 256 - 1), ".xlsx"),
    }


def hostile_catalogues() -> dict[str, bytes]:
    """Catalogues built to exhaust the loader (tests/test_reliability_catalogues.py)."""
    valid = (SHIPPED).read_text(encoding="utf-8")
    bomb = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    bomb += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 10)]
    return {
        "18 MB list of 4.5 million numbers": ("schema: 1\nx:\n" + "- 1\n" * 4_500_000).encode(),
        "1.2 million keys": (
            "schema: 1\n" + "".join(f"k{n}: {n}\n" for n in range(1_200_000))
        ).encode(),
        "19 MB of one text": ("schema: 1\norganisation: " + "a" * 19_000_000 + "\n").encode(),
        "alias bomb (10^9 nodes)": (valid + "\n".join(bomb) + "\n").encode(),
        "5,000 nested brackets": ("a: " + "[" * 5000 + "]" * 5000 + "\n").encode(),
        "a 5,000-digit target": valid.replace("schema: 1", "schema: " + "9" * 5000).encode(),
        "25 MB file": b"#" * (25 * MB),
    }


def _measure(path: Path, what: str = "workbook") -> tuple[float, float, str]:
    """Seconds, peak MB (maxrss) and the finding codes of reading ``path`` in a new process."""
    import os
    import subprocess

    code = (
        "import sys, time; sys.path.insert(0, sys.argv[2]);"
        "from _reliability_kit import catalogue;"
        "from iku_cli.workbooks.reader import read_workbook;"
        "from pathlib import Path; c = catalogue(); t = time.perf_counter();"
        "s, f = read_workbook(Path(sys.argv[1]), 'x', c);"
        "print(round(time.perf_counter() - t, 3), ','.join(sorted({x.code for x in f})) or 'read')"
    )
    if what == "catalogue":
        code = (
            "import sys, time; from iku_cli.loading.catalogue_file import load;"
            " from iku_cli.core.errors import "
            "CatalogueError; t = time.perf_counter()\ntry:\n    load(sys.argv[1]); out = 'loaded'\n"
            "except CatalogueError as e:\n    out = ','.join(sorted({p.key for p in e.problems}))\n"
            "print(round(time.perf_counter() - t, 3), out)"
        )
    # the peak is read inside the child: on Linux a child's ru_maxrss starts from the size
    # of the parent at fork, which here holds every case built so far
    code += "\nimport resource\n" + (
        "try:\n    peak = next(int(l.split()[1]) for l in open('/proc/self/status') "
        "if l.startswith('VmHWM'))\n"
        "except OSError:\n    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "print('PEAK', peak)"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", code, str(path), str(Path(__file__).parent)],
        stdout=subprocess.PIPE,
        text=True,
    )
    out = child.stdout.read() if child.stdout else ""
    _, status, _ = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    first, _, last = out.strip().partition("\nPEAK ")
    seconds, _, codes = first.partition(" ")
    peak = int(last) / 1024 if last else float("nan")
    return float(seconds or "nan"), peak, codes or f"exit {child.returncode}"


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        rows: list[tuple[str, str, float, float, str]] = []
        for name, item in CASES.items():
            path = Path(folder) / f"case{item.suffix}"
            path.write_bytes(item.build())
            rows.append((item.kind, name, *_measure(path)))
        for name, (data, suffix) in _at_the_limits().items():
            path = Path(folder) / f"limit{suffix}"
            path.write_bytes(data)
            rows.append(("at the limits", name, *_measure(path)))
        for name, text in hostile_catalogues().items():
            path = Path(folder) / "indicators.yaml"
            path.write_bytes(text)
            rows.append(("catalogue", name, *_measure(path, "catalogue")))
        idle = _measure(Path(folder) / "missing.xlsx")
    print(
        f"{'kind':18} {'s':>6} {'MB':>6}  case -> findings"
        f"   (a process reading nothing: {idle[1]:.0f} MB)"
    )
    for kind, name, seconds, peak, codes in rows:
        print(f"{kind:18} {seconds:6.2f} {peak:6.0f}  {name} -> {codes}")
    kinds: dict[str, list[tuple[float, float]]] = {}
    for kind, _, seconds, peak, _ in rows:
        kinds.setdefault(kind, []).append((seconds, peak))
    print()
    for kind, values in kinds.items():
        print(
            f"{kind:18} {len(values):3} case(s); worst {max(v[0] for v in values):.2f} s,"
            f" {max(v[1] for v in values):.0f} MB"
        )


if __name__ == "__main__":
    main()
