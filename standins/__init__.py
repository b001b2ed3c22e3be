"""Stand-ins for outside services the store talks to, run locally and in tests (pure Python, no Django)."""
