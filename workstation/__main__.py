"""`python -m workstation` is the same as the `workstation` command."""

from workstation.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
