"""Grid Dispatch Workstation: domain, services, persistence and adapters (no Qt here)."""
