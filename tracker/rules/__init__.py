"""Vocabularies and rules as data; every table carries examples that a test runs."""
