"""Deterministic NPZ files: the same arrays always give the same bytes.

``np.savez_compressed`` stamps each member with the current time, so two trainings of the same
model would differ byte for byte; shipped model files are written with :func:`npz_bytes`.

Examples
--------
>>> import numpy as np
>>> npz_bytes({"w": np.arange(3)}) == npz_bytes({"w": np.arange(3)})
True
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping

import numpy as np

__all__ = ["npz_bytes"]

_FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def npz_bytes(arrays: Mapping[str, np.ndarray]) -> bytes:
    """A compressed NPZ with fixed timestamps (``np.savez_compressed`` stamps the time)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(arrays):
            member = io.BytesIO()
            np.lib.format.write_array(member, np.ascontiguousarray(arrays[name]), allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=_FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, member.getvalue(), compresslevel=9)
    return buffer.getvalue()
