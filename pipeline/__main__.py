"""`python -m pipeline` is the same as the `lodpipe` command."""

from pipeline.cli import main

main()
