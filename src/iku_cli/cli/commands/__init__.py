"""The CLI's commands, one module per command group; ``iku_cli.cli.app`` assembles them."""
