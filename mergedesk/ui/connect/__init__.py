"""Connecting to a CRM: saved profiles, the connection dialog, opening a provider."""
