"""A unit's flash memory, kept in its folder: what the probe tools and esptool write, read back,
verify and erase.

Flash behaves as NOR flash does: erased bytes read 0xFF, erasing works on whole pages, and a
write can only clear bits, so writing over unerased bytes without an erase leaves old & new.
Pages that are not fully erased are stored as runs of consecutive pages, one blob per run,
listed in the unit's state under "flash".
"""

PAGE = 4096

# Factory information configuration registers of nRF51/nRF52 chips: read-only, written by Nordic.
# DEVICEID[0..1] at 0x060, DEVICEADDRTYPE at 0x0A0 (1: random static), DEVICEADDR[0..1] at 0x0A4.
FICR = 0x10000000
FICR_SIZE = 0x400


def ficr(device):
    """The unit's FICR bytes, derived from its key (or its state's "ficr" {deviceid, deviceaddr}),
    so the same unit always tells the same device id and address."""
    import standin_state as st

    given = device.state.get("ficr", {})
    device_id = given.get("deviceid") or st.derived(device.key, "ficr_deviceid", 16).upper()
    address = given.get("deviceaddr") or st.derived(device.key, "ficr_deviceaddr", 12).upper()
    data = bytearray(b"\xff" * FICR_SIZE)
    # DEVICEID[1] holds the upper half of the 64-bit id, DEVICEID[0] the lower, little-endian words.
    data[0x60:0x64] = int(device_id[8:], 16).to_bytes(4, "little")
    data[0x64:0x68] = int(device_id[:8], 16).to_bytes(4, "little")
    data[0xA0:0xA4] = (0xFFFFFFFF).to_bytes(4, "little")  # bit 0 set: a random static address
    data[0xA4:0xA8] = int(address[4:], 16).to_bytes(4, "little")
    data[0xA8:0xAC] = (0xFFFF0000 | int(address[:4], 16)).to_bytes(4, "little")
    return bytes(data)


class FlashError(Exception):
    """A write or read outside the chip's flash."""


class Flash:
    def __init__(self, device):
        self.device = device
        self.size = int(device.state.get("flash_size", 1 << 20))
        self.pages = {}
        for run in device.state.get("flash", []):
            data = device.get_blob(run["blob"])
            for offset in range(0, len(data), PAGE):
                self.pages[(run["start"] + offset) // PAGE] = bytearray(data[offset : offset + PAGE])

    def check(self, address, length):
        if address < 0 or address + length > self.size:
            raise FlashError(
                f"0x{address:08x}..0x{address + length:08x} is outside the flash (0x0..0x{self.size:08x})"
            )

    def read(self, address, length):
        if FICR <= address and address + length <= FICR + FICR_SIZE:
            return ficr(self.device)[address - FICR : address - FICR + length]
        self.check(address, length)
        out = bytearray()
        at, end = address, address + length
        while at < end:
            offset = at % PAGE
            n = min(PAGE - offset, end - at)
            page = self.pages.get(at // PAGE)
            out += page[offset : offset + n] if page is not None else b"\xff" * n
            at += n
        return bytes(out)

    def pages_touched(self, address, length, page_size=PAGE):
        if length <= 0:
            return []
        first = address // page_size
        last = (address + length - 1) // page_size
        return [p * page_size for p in range(first, last + 1)]

    def erase(self, address, length, page_size=PAGE):
        """Erases every page the range touches; returns the erased pages' addresses."""
        self.check(address, length)
        erased = self.pages_touched(address, length, page_size)
        for start in erased:
            at, end = start, start + page_size
            while at < end:
                offset = at % PAGE
                n = min(PAGE - offset, end - at)
                page = self.pages.get(at // PAGE)
                if page is not None:
                    page[offset : offset + n] = b"\xff" * n
                at += n
        return erased

    def erase_all(self):
        self.pages.clear()

    def write(self, address, data):
        """Programs bytes: each bit can only go from 1 to 0."""
        self.check(address, len(data))
        for i, value in enumerate(data):
            index = (address + i) // PAGE
            page = self.pages.get(index)
            if page is None:
                if value == 0xFF:
                    continue
                page = self.pages[index] = bytearray(b"\xff" * PAGE)
            page[(address + i) % PAGE] &= value

    def corrupt(self, address, length):
        """One byte that does not hold its value (the verify-mismatch fault): the one at offset
        0x10 of the write, or its last byte when shorter. Returns its address."""
        offset = min(0x10, length - 1)
        target = address + offset
        index = target // PAGE
        page = self.pages.setdefault(index, bytearray(b"\xff" * PAGE))
        page[target % PAGE] ^= 0x01
        return target

    def not_erased(self, address, length):
        """True when some byte in the range is not 0xFF."""
        return any(b != 0xFF for b in self.read(address, length))

    def first_difference(self, address, data):
        """The address of the first byte that differs from data, or None."""
        actual = self.read(address, len(data))
        for i, (want, got) in enumerate(zip(data, actual)):
            if want != got:
                return address + i, want, got
        return None

    def used(self):
        """(start, bytes) runs of flash that hold something."""
        runs = []
        for index in sorted(self.pages):
            data = bytes(self.pages[index])
            if runs and runs[-1][0] + len(runs[-1][1]) == index * PAGE:
                runs[-1] = (runs[-1][0], runs[-1][1] + data)
            else:
                runs.append((index * PAGE, data))
        return runs

    def store(self):
        """Writes the contents into the unit's state (the caller saves the state)."""
        for index in [i for i, page in self.pages.items() if page.count(0xFF) == PAGE]:
            del self.pages[index]
        self.device.state["flash"] = [
            {"start": start, "length": len(data), "blob": self.device.put_blob(data)} for start, data in self.used()
        ]


# -- Intel HEX ---------------------------------------------------------------------------


def parse_hex(text):
    """Intel HEX to (address, bytes) runs; raises ValueError naming the bad line."""
    runs = []
    upper = 0
    ended = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if not line.startswith(":") or len(line) < 11:
            raise ValueError(f"line {number} is not an Intel HEX record")
        try:
            record = bytes.fromhex(line[1:])
        except ValueError:
            raise ValueError(f"line {number} has characters that are not hex digits")
        length, kind = record[0], record[3]
        if len(record) != length + 5:
            raise ValueError(f"line {number} has the wrong length")
        if sum(record) & 0xFF:
            raise ValueError(f"line {number} has a bad checksum")
        data = record[4 : 4 + length]
        offset = (record[1] << 8) | record[2]
        if kind == 0x00:
            address = upper + offset
            if runs and runs[-1][0] + len(runs[-1][1]) == address:
                runs[-1] = (runs[-1][0], runs[-1][1] + data)
            else:
                runs.append((address, bytes(data)))
        elif kind == 0x01:
            ended = True
            break
        elif kind == 0x02:
            upper = ((data[0] << 8) | data[1]) << 4
        elif kind == 0x04:
            upper = ((data[0] << 8) | data[1]) << 16
        elif kind in (0x03, 0x05):
            continue
        else:
            raise ValueError(f"line {number} has an unknown record type {kind:02X}")
    if not ended:
        raise ValueError("there is no end-of-file record")
    return runs


def to_hex(runs):
    """(address, bytes) runs to Intel HEX text."""
    lines = []
    upper = None

    def record(address, kind, data):
        body = bytes([len(data), (address >> 8) & 0xFF, address & 0xFF, kind]) + bytes(data)
        lines.append(":" + (body + bytes([(-sum(body)) & 0xFF])).hex().upper())

    for start, data in runs:
        offset = 0
        while offset < len(data):
            address = start + offset
            if address >> 16 != upper:
                upper = address >> 16
                record(0, 0x04, bytes([(upper >> 8) & 0xFF, upper & 0xFF]))
            chunk = min(16, len(data) - offset, 0x10000 - (address & 0xFFFF))
            record(address & 0xFFFF, 0x00, data[offset : offset + chunk])
            offset += chunk
    record(0, 0x01, b"")
    return "\n".join(lines) + "\n"


def words(data, address, width=4, per_line=4):
    """A memory dump as the probe tools print it: 0x00027000: 04030201 FFFFFFFF ..."""
    lines = []
    step = width * per_line
    for offset in range(0, len(data), step):
        chunk = data[offset : offset + step]
        cells = []
        for i in range(0, len(chunk), width):
            cells.append(chunk[i : i + width][::-1].hex().upper())
        lines.append(f"0x{address + offset:08X}: " + " ".join(cells))
    return lines


class WriteFailed(Exception):
    """The write-fails fault acted: the pages were erased, nothing was written."""


def program(device, flash, address, data, erase=True, page_size=PAGE, bytes_per_second=100_000):
    """Writes one run as the tools do, with the unit's faults; call under the unit's lock.

    The erase is saved before the data is written, so a tool stopped during a slow write leaves
    the pages erased, as a real chip would. Returns the addresses of the erased pages."""
    from standin_state import wait

    flash.check(address, len(data))
    erased = flash.erase(address, len(data), page_size) if erase else []
    flash.store()
    device.save()
    device.slow_write()
    wait(len(data) / bytes_per_second)
    if device.fire("write-fails"):
        raise WriteFailed(f"write at 0x{address:08x} failed")
    flash.write(address, data)
    if device.fire("verify-mismatch"):
        flash.corrupt(address, len(data))
    flash.store()
    return erased
