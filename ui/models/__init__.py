"""Qt item models: thin adapters over lists of service DTOs."""
