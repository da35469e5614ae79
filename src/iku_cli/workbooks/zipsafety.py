"""The zip container: its directory, members inflated within bounds, zip bombs refused."""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from typing import NamedTuple

from .limits import (
    DEFLATE_LIMIT,
    MAX_MEMBERS,
    MAX_RATIO,
    MAX_SHARED_STRINGS,
    RATIO_FLOOR,
    WorkbookProblem,
    _detail,
    _mb,
)

_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    KeyError,
    OSError,
    EOFError,
    ValueError,
    NotImplementedError,
    RuntimeError,
)


class _Member(NamedTuple):
    name: str
    method: int
    flags: int
    crc: int
    csize: int
    usize: int
    offset: int


_new_member = tuple.__new__


class _Zip:
    """A zip archive in memory: its directory, and members inflated with every bound checked.

    The central directory is read with ``struct`` (Python's zipfile takes longer
    than parsing a small workbook); zip64 and archives with a prefix fall back
    to zipfile for the directory only.
    """

    def __init__(self, data: bytes) -> None:
        self.data = data
        listed = _fast_directory(data)
        if listed is None:
            listed = _zipfile_directory(data)
        self.listed = listed
        # a name listed twice means its first member (reversed: the first is set last)
        self.members: dict[str, _Member] = {m.name: m for m in reversed(listed)}

    def read(self, name: str) -> bytes:
        """The member's bytes; raises WorkbookProblem when missing, damaged or encrypted."""
        member = self.members.get(name)
        if member is None:
            raise WorkbookProblem("file-corrupt", detail=f"{name} missing")
        return self.inflate(member)

    def stored(self, name: str) -> tuple[int, int, int, int, bytes] | None:
        """What identifies the member's content: its compression, CRC, size and
        compressed bytes (None when missing)."""
        member = self.members.get(name)
        if member is None:
            return None
        raw = self._compressed(member)
        if raw is None:
            return None
        return (member.method, member.flags, member.crc, member.usize, raw)

    def _compressed(self, member: _Member) -> bytes | None:
        """The member's bytes as stored (None when its local header is not where listed)."""
        data, at = self.data, member.offset
        if data[at : at + 4] != b"PK\x03\x04" or at + 30 > len(data):
            return None
        name_len, extra_len = struct.unpack_from("<HH", data, at + 26)
        start = at + 30 + name_len + extra_len
        return data[start : start + member.csize]

    def peek(self, member: _Member, size: int) -> bytes:
        """The first ``size`` bytes of the member, inflating no more than that."""
        if member.flags & 0x1:
            raise WorkbookProblem("file-encrypted")
        raw = self._compressed(member)
        if raw is None:
            raise WorkbookProblem("file-corrupt", detail=f"{member.name}: bad local header")
        if member.method == 0:
            return raw[:size]
        if member.method != 8:
            raise WorkbookProblem(
                "file-corrupt", detail=f"{member.name}: compression {member.method}"
            )
        try:
            return zlib.decompressobj(-15).decompress(raw, size)
        except zlib.error as exc:
            raise WorkbookProblem("file-corrupt", detail=f"{member.name}: {exc}") from None

    def inflate(self, member: _Member) -> bytes:
        if member.flags & 0x1:
            raise WorkbookProblem("file-encrypted")
        raw = self._compressed(member)
        if raw is None:
            raise WorkbookProblem("file-corrupt", detail=f"{member.name}: bad local header")
        if len(raw) != member.csize:
            raise WorkbookProblem("file-corrupt", detail=f"{member.name}: truncated")
        if member.method == 0:
            out = raw
        elif member.method == 8:
            inflater = zlib.decompressobj(-15)
            try:
                # never more than declared (+1 to notice a member that lies)
                out = inflater.decompress(raw, member.usize + 1)
            except zlib.error as exc:
                raise WorkbookProblem("file-corrupt", detail=f"{member.name}: {exc}") from None
        else:
            raise WorkbookProblem(
                "file-corrupt", detail=f"{member.name}: compression {member.method}"
            )
        if len(out) != member.usize or zlib.crc32(out) != member.crc:
            raise WorkbookProblem("file-corrupt", detail=f"{member.name}: size or CRC mismatch")
        return out


# a central directory entry from its signature on, skipping the fields not read
# (versions, time and date, disk, attributes)
_CENTRAL = struct.Struct("<I4xHH4xIIIHHH8xI")
_CENTRAL_SIGNATURE = 0x02014B50
_ZIP64 = 0xFFFFFFFF


def _fast_directory(data: bytes) -> list[_Member] | None:
    """The central directory; None when it needs zipfile (zip64, a prefix, a comment)."""
    eocd = data.rfind(b"PK\x05\x06", max(0, len(data) - 22 - 65_535))
    if eocd < 0 or eocd + 22 > len(data):
        raise WorkbookProblem("file-corrupt", detail="no zip directory (truncated?)")
    disk, cd_disk, count_here, count, cd_size, cd_offset, comment = struct.unpack_from(
        "<HHHHIIH", data, eocd + 4
    )
    if (
        disk
        or cd_disk
        or count_here != count
        or count == 0xFFFF
        or cd_offset == 0xFFFFFFFF
        or cd_offset + cd_size != eocd
        or eocd + 22 + comment != len(data)
    ):
        return None
    if count > MAX_MEMBERS:
        raise WorkbookProblem("zip-bomb", member=f"{count} members", size="-", limit=MAX_MEMBERS)
    members = []
    at = cd_offset
    for _ in range(count):
        if at + 46 > eocd:
            raise WorkbookProblem("file-corrupt", detail="damaged zip directory")
        (signature, flags, method, crc, csize, usize, name_len, extra_len, comment_len,
         offset) = _CENTRAL.unpack_from(data, at)  # fmt: skip
        if signature != _CENTRAL_SIGNATURE:
            raise WorkbookProblem("file-corrupt", detail="damaged zip directory")
        if csize == _ZIP64 or usize == _ZIP64 or offset == _ZIP64:
            return None
        raw_name = data[at + 46 : at + 46 + name_len]
        # an ASCII name reads the same in both encodings, and decoding it as ASCII is
        # eight times quicker than cp437's table (a third of this loop's time)
        name = (
            raw_name.decode("ascii")
            if raw_name.isascii()
            else raw_name.decode("utf-8" if flags & 0x800 else "cp437", errors="replace")
        )
        # tuple.__new__ as NamedTuple's _make does, without its Python frame
        members.append(_new_member(_Member, (name, method, flags, crc, csize, usize, offset)))
        at += 46 + name_len + extra_len + comment_len
    return members


def _zipfile_directory(data: bytes) -> list[_Member]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except _ZIP_ERRORS as exc:
        raise WorkbookProblem("file-corrupt", detail=_detail(exc)) from None
    if len(infos) > MAX_MEMBERS:
        raise WorkbookProblem(
            "zip-bomb", member=f"{len(infos)} members", size="-", limit=MAX_MEMBERS
        )
    return [
        _Member(
            i.filename,
            i.compress_type,
            i.flag_bits,
            i.CRC,
            i.compress_size,
            i.file_size,
            i.header_offset,
        )
        for i in infos
    ]


_UNIQUE_COUNT = re.compile(rb"""\buniqueCount\s*=\s*["'](\d+)""")


def _check_shared_strings(archive: _Zip) -> None:
    """Refuse a shared-strings table that declares or holds more than MAX_SHARED_STRINGS
    texts: calamine reserves memory for the declared count before reading one (a table
    declaring two billion ended the process) and holds every text it finds."""
    for member in archive.listed:
        if not member.name.lower().endswith("sharedstrings.xml"):
            continue
        head = archive.peek(member, 4096)
        if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
            head = head.decode("utf-16", errors="ignore").encode("utf-8")
        match = _UNIQUE_COUNT.search(head)
        digits = match.group(1) if match else b"0"
        count = int(digits) if len(digits) <= 12 else 10**12
        # each text takes at least 5 bytes ("<si/>"): a smaller member cannot hold too many
        if member.usize > MAX_SHARED_STRINGS * 5:
            xml = archive.inflate(member)
            count = max(count, xml.count(b"<si") + xml.count(b":si"))
        if count > MAX_SHARED_STRINGS:
            raise WorkbookProblem("too-many-strings", count=count, limit=MAX_SHARED_STRINGS)


def _check_zip(archive: _Zip, max_unzipped: int) -> None:
    """Refuse what is encrypted or would inflate too far, before anything is parsed."""
    total = compressed = 0
    for member in archive.listed:
        if member.flags & 0x1:
            raise WorkbookProblem("file-encrypted")
        usize = member.usize
        total += usize
        compressed += member.csize
        if total > max_unzipped:
            raise WorkbookProblem(
                "zip-bomb", member=member.name, size=_mb(total), limit=_mb(max_unzipped)
            )
        if usize > RATIO_FLOOR and usize / max(member.csize, 1) > MAX_RATIO:
            raise WorkbookProblem(
                "zip-bomb", member=member.name, size=_mb(usize), limit=f"{MAX_RATIO}x"
            )
    # Declared sizes can lie, and calamine believes what the data says. When the
    # compressed data could inflate past the limit, inflate every member here:
    # never past its declared size, and a member that lies fails its check.
    if compressed * DEFLATE_LIMIT > max_unzipped:
        for member in archive.listed:
            archive.inflate(member)
