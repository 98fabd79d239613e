"""What every layer leans on: configuration from arguments and environment, input checks, Redis connections.

- `config`: explicit arguments first, then `TBAPI_*` environment variables, then defaults.
- `validation`: checks of documented constraints, run before anything is sent.
- `files`: the one atomic file write (the token file, the CLI's bulk output).
- `context`: a context variable set for the length of a block.
- `redis`: the optional redis-py import, connections, and Redis failures as tbapi errors.
- `lazy`: a package's exports imported on first use (`tbapi`, `tbapi.shanjing`).
"""
