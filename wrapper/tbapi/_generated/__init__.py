"""The clients openapi-python-client generates from `openapi/*.yaml` (`make generate`), shipped inside tbapi.

`shanjing_client` and `taobao_top_client` are links to the repository's `generated/` folder, where the generator
writes and the drift check (`make check-generated`) looks; the wheel carries them here, so installing tbapi puts
nothing but `tbapi` at the top of site-packages. Never edit them by hand: change the spec and regenerate.
"""
