from catalog_sync.payouts.commands import LedgerCatchUpCommand as Command  # noqa: F401
