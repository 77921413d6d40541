"""Helpers for the tests: a sample document for the EPUB tests, checker scripts."""
