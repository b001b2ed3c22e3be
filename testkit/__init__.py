"""What the tests and the benchmarks share: a real Saleor 3.23 with our plugin (``saleor_harness``), loopback
servers (``servers``), the OCOP catalogue built through Saleor's API (``catalogue``), builders of read-model
records (``catalogue_builders``), hostile annex files (``hostile``) and the shopper of the buying journeys
(``shopper``). Nothing here imports ``tests``."""
