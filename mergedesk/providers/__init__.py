"""CRM clients behind one Provider protocol, on one shared httpx transport. No Qt."""
