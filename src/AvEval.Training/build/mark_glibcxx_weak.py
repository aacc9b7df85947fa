#!/usr/bin/env python3
"""Marks the GLIBCXX_3.4.32 version requirement of libLibTorchSharp.so weak (VER_FLG_WEAK in .gnu.version_r).

TorchSharp 0.107.0's libLibTorchSharp.so asks for GLIBCXX_3.4.32 (GCC 13); Debian 12 has up to 3.4.30, so the
dynamic loader refuses the library. Only one symbol (_ZSt21ios_base_library_initv) carries that version and no
relocation uses it (STACK.md), so a weak requirement lets it load. Run by AvEval.Training's build step on the COPY
in a build or publish folder, never on the NuGet cache: the file is rewritten through a temporary file and renamed,
which also breaks any hard link to the cache. Idempotent. Standard library only.

Usage: mark_glibcxx_weak.py FILE...   (files that do not exist are skipped)
"""
import os
import struct
import sys
import tempfile

VERSION = b"GLIBCXX_3.4.32"
SHT_GNU_VERNEED = 0x6FFFFFFE
VER_FLG_WEAK = 0x2


def patch(path):
    with open(path, "rb") as f:
        data = bytearray(f.read())
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        raise SystemExit(f"{path}: not a 64-bit little-endian ELF file; nothing patched")
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = []
    for i in range(shnum):
        base = shoff + i * shentsize
        _name, sh_type, _flags, _addr, offset, size, link, info = struct.unpack_from("<IIQQQQII", data, base)
        sections.append((sh_type, offset, size, link, info))
    changed = found = 0
    for sh_type, offset, _size, link, count in sections:
        if sh_type != SHT_GNU_VERNEED:
            continue
        strtab = sections[link][1]
        entry = offset
        for _ in range(count):
            _ver, aux_count, _file, aux, nxt = struct.unpack_from("<HHIII", data, entry)
            at = entry + aux
            for _ in range(aux_count):
                _hash, flags, _other, name, aux_next = struct.unpack_from("<IHHII", data, at)
                start = strtab + name
                end = data.index(b"\x00", start)
                if bytes(data[start:end]) == VERSION:
                    found += 1
                    if not flags & VER_FLG_WEAK:
                        struct.pack_into("<H", data, at + 4, flags | VER_FLG_WEAK)
                        changed += 1
                at += aux_next
                if aux_next == 0:
                    break
            entry += nxt
            if nxt == 0:
                break
    if changed:
        mode = os.stat(path).st_mode
        folder = os.path.dirname(os.path.abspath(path))
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".patch-")
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    state = "marked weak" if changed else ("already weak" if found else "not required")
    print(f"{path}: {VERSION.decode()} {state}")


if __name__ == "__main__":
    for target in sys.argv[1:]:
        if os.path.isfile(target):
            patch(target)
