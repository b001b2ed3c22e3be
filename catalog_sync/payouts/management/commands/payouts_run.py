from catalog_sync.payouts.commands import RunCommand as Command  # noqa: F401
