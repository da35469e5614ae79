"""The command line: the Typer app, one module per command, and the console script."""
