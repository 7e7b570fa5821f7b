"""One sharded ingestion: N ``privrag ingest PATH --shard I/N`` workers on one store and one database.

For N shards to end in the state of one run, they act as one job (see anonymize/pseudonymizer.py on
determinism):

- They share one vault *mark*, the vault's state when the first of them started (whichever it is, even at the
  same moment as another: the mark is added once, atomically, in the catalog). Each shard pseudonymizes its
  files against that mark, as one run would, and a shard re-run after a crash reuses it.
- Only the last shard to finish sweeps (``Ingestor.sweep`` from the mark: every value the N shards found, in
  every stored chunk), as the one run sweeps once at its end. Earlier shards leave it to the last.
- The run's rows are then cleared, so the next sharded run of the same folders starts a new one.

With the vault's ``keyed`` numbering a value's surrogate does not depend on which shard saw it first, so the
chunk texts match a single run's. A run is identified by the names of the folders given (not their mount
points), the groups and N: the same command on every machine.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ingest.catalog import Catalog
from ingest.sharding import Shard

_PREFIX = "ingest_shards"


@dataclass(frozen=True)
class ShardedRun:
    name: str  # catalog state name of the run; ``<name>:done:<I>`` once shard I finished
    shard: Shard
    mark: int

    @classmethod
    def join(
        cls,
        catalog: Catalog,
        shard: Shard,
        paths: Sequence[Path | str],
        groups: Sequence[str],
        vault_mark: Callable[[], int],
    ) -> ShardedRun:
        """The run this shard belongs to: started now (mark = the vault now) unless a shard started it."""
        key = json.dumps([sorted(Path(p).name for p in paths), sorted(groups), shard.count])
        name = f"{_PREFIX}:{hashlib.sha256(key.encode()).hexdigest()[:16]}"
        # The folder names stay out of the database (a folder can be named after a person): only their hash.
        digest = hashlib.sha256(key.encode()).hexdigest()
        state = json.dumps({"key": digest, "vault_mark": int(vault_mark())})
        held = json.loads(catalog.add_state(name, state))
        return cls(name=name, shard=shard, mark=int(held["vault_mark"]))

    def finish(self, catalog: Catalog) -> list[int]:
        """Record this shard as finished; the shards finished so far (this one included), sorted."""
        catalog.set_state(f"{self.name}:done:{self.shard.index}", "1")
        return self.finished(catalog)

    def finished(self, catalog: Catalog) -> list[int]:
        done = catalog.states(f"{self.name}:done:")
        return sorted(int(name.rsplit(":", 1)[1]) for name in done)

    def complete(self, finished: Sequence[int]) -> bool:
        return len(set(finished)) >= self.shard.count

    def close(self, catalog: Catalog) -> None:
        """Forget the run (after its sweep): its done rows first, its mark last."""
        for name in catalog.states(f"{self.name}:done:"):
            catalog.set_state(name, None)
        catalog.set_state(self.name, None)
