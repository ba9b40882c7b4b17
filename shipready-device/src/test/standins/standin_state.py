"""The stand-ins' state folder: one subfolder per unit, each holding a small JSON state file.

Every stand-in tool and standin-device use this module, so they agree on where a
unit lives, how it is locked while it changes, and how its faults fire.

    $SHIPREADY_STANDIN_STATE/
      packages.json               image packages registered with `standin-device package`
      <unit key, %-encoded>/      e.g. 192.168.35.2, %2Fdev%2FttyACM0, 683012345
        state.json                the unit (written to a temporary file, then renamed)
        .lock                     held (flock) by whichever tool is changing the unit
        blobs/<sha256>.bin        flash contents and flashed modules, by content
        calls.log                 one line per tool call that reached the unit

Readers take no lock: a rename replaces state.json whole, so a reader sees the state before a
change or after it, never half of one. Writers hold the unit's lock from reading to writing, so
two slots' tools never lose each other's changes.
"""

import contextlib
import datetime
import hashlib
import json
import os
import sys
import tempfile
import time
import urllib.parse

STATE_ENV = "SHIPREADY_STANDIN_STATE"
SPEED_ENV = "SHIPREADY_STANDIN_SPEED"
STATE_FILE = "state.json"
PACKAGES_FILE = "packages.json"

# The kinds of unit, and how each tool names one.
FAMILIES = {
    "azure-sphere": "an Azure Sphere chip; azsphere --device takes its connection path, IP address or device id",
    "particle": "a Particle device on USB; particle takes its serial port or device id",
    "probe": "a chip behind a debug probe; JLinkExe, nrfjprog, nrfutil and openocd take the probe serial",
    "esp": "an Espressif chip on a serial port; esptool --port takes the port",
}

# Faults a unit can carry, by family. A fault persists until cleared, or fires `times` times.
FAULTS = {
    "azure-sphere": {
        "not-attached": "the chip is not listed by list-attached; device commands cannot connect",
        "not-responding": "listed, but every device command says the device is not responding",
        "not-trusted": "stale trusted keystore: sideloads fail with 'Image not trusted by device' until a keystore image is deployed",
        "recover-fails": "recovery stops after erasing the flash",
        "slow-write": "sideload and recovery take --seconds longer",
        "no-ethernet": "the board's Ethernet controller does not answer: eth0 stays absent after the board configuration and a restart",
    },
    "particle": {
        "not-attached": "no device on the port: identify and flash find nothing",
        "flash-fails": "the transfer fails after it started",
        "slow-write": "flashing takes --seconds longer",
        "overcurrent": "a short on the board: the fixture's supply (standin-scpi) measures 250 mA idle",
        "no-cloud": "never reaches the cloud (SIM not activated, no coverage): cloud-status stays connecting",
        "slow-cloud": "reaches the cloud --seconds (real seconds) after it starts its firmware",
    },
    "probe": {
        "probe-not-found": "no probe with this serial number is connected",
        "no-target": "the probe is there but the chip does not answer (unpowered, cable)",
        "write-fails": "the flash write fails (the region is erased, not written)",
        "verify-mismatch": "the write completes but one byte reads back wrong, so verification fails",
        "locked": "readback/access-port protection is on: reads and writes are refused until a recover",
        "slow-write": "each write takes --seconds longer",
        "instrument-silent": "the slot's SCPI instruments (standin-scpi) answer nothing, as a hung supply",
        "low-supply": "the fixture supplies the chip 2.1 V, below its range: J-Link reports VTref=2.100V",
        "weak-radio": "an Afero module's radio is heard 30 dB weaker by the RSSI receiver stand-in",
    },
    "esp": {
        "not-attached": "the serial port does not exist",
        "no-chip": "the port exists but the chip does not answer (not in download mode)",
        "write-fails": "the flash write fails (the region is erased, not written)",
        "verify-mismatch": "the write completes but one byte reads back wrong, so the digest check fails",
        "locked": "Secure Download Mode: flash cannot be read back or digest-checked",
        "slow-write": "each write takes --seconds longer",
    },
}


class ToolError(Exception):
    """A failure the tool reports in its own words; the unit's state is still saved."""


def fail(tool, message, code=2):
    """Ends a stand-in with a message of its own (not the real tool's), for misuse of the stand-in."""
    sys.stderr.write(f"{tool} (stand-in): {message}\n")
    sys.exit(code)


def state_root(tool):
    """The state folder from SHIPREADY_STANDIN_STATE; refuses to run without it."""
    value = os.environ.get(STATE_ENV, "").strip()
    if not value:
        fail(
            tool,
            f"{STATE_ENV} is not set; set it to the stand-ins' state folder "
            "(units are created there with 'standin-device create').",
        )
    return os.path.abspath(value)


def speed(tool="stand-in"):
    """How real device durations are scaled: 0 (the default) does not wait, 1 waits as long as a
    real unit would take, 0.1 a tenth of it."""
    text = os.environ.get(SPEED_ENV, "").strip() or "0"
    try:
        value = float(text)
    except ValueError:
        fail(tool, f"{SPEED_ENV} is '{text}'; give a number, e.g. 0 (no waiting) or 1 (real time)")
    if value < 0:
        fail(tool, f"{SPEED_ENV} is {value}; it cannot be negative")
    return value


def wait(nominal_seconds, tool="stand-in"):
    """Sleeps for a real device's duration, scaled by SHIPREADY_STANDIN_SPEED."""
    seconds = nominal_seconds * speed(tool)
    if seconds > 0:
        time.sleep(seconds)


def folder_name(key):
    """The unit's folder: its key with every character but letters, digits and ._-~ %-encoded, so
    /dev/ttyACM0 is %2Fdev%2FttyACM0 and 192.168.35.2 stays as it is."""
    return urllib.parse.quote(key, safe="")


def now():
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")


def sha256(data):
    return hashlib.sha256(data).hexdigest()


class Device:
    """One unit's folder and state."""

    def __init__(self, root, folder, state):
        self.root = root
        self.folder = folder
        self.state = state

    @property
    def family(self):
        return self.state["family"]

    @property
    def key(self):
        return self.state["id"]

    def aliases(self):
        """Every name a tool may select this unit by."""
        names = [self.key] + [self.state.get(k, "") for k in ("device_id", "ip_address", "connection_path", "name")]
        return [n for n in names if n]

    def matches(self, name):
        return any(name.lower() == alias.lower() for alias in self.aliases())

    # -- reading and writing -------------------------------------------------------------

    def reload(self):
        self.state = read_state(self.folder)

    def save(self):
        atomic_write(os.path.join(self.folder, STATE_FILE), json.dumps(self.state, indent=2, sort_keys=True) + "\n")

    @contextlib.contextmanager
    def locked(self):
        """Holds the unit's lock, with the state read afresh; saves it on the way out, also when the
        tool exits or reports a ToolError from inside, but not when an unexpected error escapes."""
        with open(os.path.join(self.folder, ".lock"), "a+") as lock:
            _lock(lock)
            try:
                self.reload()
                try:
                    yield self
                except (SystemExit, ToolError):
                    self.save()
                    raise
                self.save()
            finally:
                _unlock(lock)

    # -- faults -------------------------------------------------------------------------

    def fault(self, name):
        """The fault's settings when it is planted, else None. Does not use it up."""
        return self.state.get("faults", {}).get(name)

    def fire(self, name):
        """The fault's settings when it acts now, using up one of its times; call under the lock."""
        faults = self.state.setdefault("faults", {})
        fault = faults.get(name)
        if fault is None:
            return None
        times = fault.get("times")
        if times is not None:
            if times <= 1:
                del faults[name]
            else:
                fault["times"] = times - 1
        return fault

    def slow_write(self):
        """Sleeps for a planted slow-write fault: real seconds, not scaled, so a test can overrun a
        driver's time limit."""
        fault = self.fault("slow-write")
        if fault:
            time.sleep(float(fault.get("seconds", 30)))

    # -- contents -----------------------------------------------------------------------

    def put_blob(self, data):
        digest = sha256(data)
        blobs = os.path.join(self.folder, "blobs")
        os.makedirs(blobs, exist_ok=True)
        path = os.path.join(blobs, digest + ".bin")
        if not os.path.exists(path):
            atomic_write(path, data)
        return digest

    def get_blob(self, digest):
        with open(os.path.join(self.folder, "blobs", digest + ".bin"), "rb") as f:
            return f.read()

    def log(self, tool, argv):
        line = json.dumps({"time": now(), "tool": tool, "args": list(argv)}) + "\n"
        with open(os.path.join(self.folder, "calls.log"), "a", encoding="utf-8") as f:
            f.write(line)


def _lock(handle):
    if os.name == "nt":
        import msvcrt

        handle.seek(0)
        while True:
            try:
                msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)
                return
            except OSError:
                time.sleep(0.05)
    import fcntl

    fcntl.flock(handle.fileno(), fcntl.LOCK_EX)


def _unlock(handle):
    if os.name == "nt":
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def atomic_write(path, content):
    """Writes a temporary file beside the target and renames it over the target."""
    folder = os.path.dirname(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    fd, temp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def read_state(folder):
    with open(os.path.join(folder, STATE_FILE), encoding="utf-8") as f:
        return json.load(f)


def devices(root, families=None):
    """Every unit in the state folder (of the given families), in folder-name order."""
    if not os.path.isdir(root):
        return []
    found = []
    for name in sorted(os.listdir(root)):
        folder = os.path.join(root, name)
        if not os.path.isfile(os.path.join(folder, STATE_FILE)):
            continue
        try:
            state = read_state(folder)
        except (OSError, ValueError):
            continue
        if families is None or state.get("family") in families:
            found.append(Device(root, folder, state))
    return found


def find(root, families, name):
    """The unit a tool names: by its folder first, then by any of its aliases."""
    folder = os.path.join(root, folder_name(name))
    if os.path.isfile(os.path.join(folder, STATE_FILE)):
        device = Device(root, folder, read_state(folder))
        if device.family in families:
            return device
    for device in devices(root, families):
        if device.matches(name):
            return device
    return None


ABSENT = {"azure-sphere": "not-attached", "particle": "not-attached", "probe": "probe-not-found", "esp": "not-attached"}


def attached(root, family):
    """The family's units that are plugged in: those without the fault that unplugs them."""
    return [d for d in devices(root, [family]) if not d.fault(ABSENT[family])]


def find_attached(root, family, name):
    """The plugged-in unit a tool names, or None."""
    device = find(root, [family], name)
    return None if device is None or device.fault(ABSENT[family]) else device


def packages(root):
    """Image packages registered with `standin-device package`, by SHA-256 of their bytes."""
    path = os.path.join(root, PACKAGES_FILE)
    if not os.path.isfile(path):
        return {}
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def derived(key, purpose, length):
    """Stable hex derived from a unit's key, for identities the trainer did not give."""
    digest = hashlib.sha512(f"{purpose}:{key}".encode("utf-8")).hexdigest()
    while len(digest) < length:
        digest += hashlib.sha512(digest.encode("ascii")).hexdigest()
    return digest[:length]


def derived_digits(key, purpose, length):
    return "".join(str(int(c, 16) % 10) for c in derived(key, purpose, length))
