"""Helpers shared by test modules and by bench/: factories, database set-up, clients,
servers. A test module imports helpers from here, never from another test module; fixtures
stay in tests/conftest.py."""
