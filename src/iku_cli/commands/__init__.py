"""The CLI's commands, one module per command group; ``iku_cli.cli`` assembles them."""
