"""What every layer leans on: configuration from arguments and environment, input checks, Redis connections.

- `config`: explicit arguments first, then `TBAPI_*` environment variables, then defaults.
- `validation`: checks of documented constraints, run before anything is sent.
- `files`: the one atomic file write (the token file, the CLI's bulk output).
- `redis`: the optional redis-py import, connections, and Redis failures as tbapi errors.
"""
