from catalog_sync.payouts.commands import StatementCommand as Command  # noqa: F401
