"""`python -m tbapi`: the `tbapi` command."""

from tbapi.cli import main

if __name__ == "__main__":
    main()
