"""The address pupils' games use to reach this dashboard on the school network.

A teacher who starts `main.py dashboard --host 0.0.0.0` and opens the page on the same
PC sees it at 127.0.0.1, which is no use to a pupil: the Klassen page shows the PC's
own network addresses instead. Found without sending anything: the host name's
addresses (Windows, macOS), and on Linux each interface's address.
"""

from __future__ import annotations

import socket
import struct
import sys

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
ANY_HOSTS = frozenset({"0.0.0.0", "::", ""})


def lan_addresses() -> list[str]:
    """This machine's IPv4 addresses other than loopback and link-local, sorted."""
    found: set[str] = set()
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.add(str(info[4][0]))
    except OSError:
        pass
    if sys.platform.startswith("linux"):
        found.update(_linux_interface_addresses())
    return sorted(a for a in found if not a.startswith(("127.", "169.254.", "0.")))


def _linux_interface_addresses() -> set[str]:
    import fcntl  # Linux only

    siocgifaddr = 0x8915
    out: set[str] = set()
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:  # never sends
        for _index, name in socket.if_nameindex():
            try:
                packed = fcntl.ioctl(probe.fileno(), siocgifaddr,
                                     struct.pack("256s", name[:15].encode()))
            except OSError:
                continue  # an interface without an IPv4 address
            out.add(socket.inet_ntoa(packed[20:24]))
    return out


def pupil_server_urls(listen_host: str, port: str) -> list[str]:
    """The URLs to put after `--server` for pupils, best first (empty: only local)."""
    if listen_host in LOCAL_HOSTS:
        return []
    hosts = lan_addresses() if listen_host in ANY_HOSTS else [listen_host]
    return [f"http://{host}:{port}" for host in hosts]
