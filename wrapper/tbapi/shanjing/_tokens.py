"""The Shanjing token lifecycle: records, stores, the Bearer auth and the single-flight refresh.

The store is the one source of truth: every request reads the current token from it (`BearerAuth`),
so a token refreshed by another thread, task, client or process is used from the next request on.
A refresh is single-flight: a `threading.Lock` (sync) or an `asyncio.Lock` (async) serialises the
refreshes of one client, and the store's own `lock()` (a file lock for `FileTokenStore`) those of
several clients and processes. Whoever gets the locks first refreshes; the others find a token in
the store that differs from the one that failed, and use it without asking the service again.
Every wait for a lock is bounded by the client's timeout (`LockTimeoutError`): a holder that is
stopped (SIGSTOP) or stuck cannot block the others forever; one that died released its file lock.
A refreshed token is never lost (with refresh tokens that rotate, losing one locks every client out): an
async refresh finishes and saves even when the call waiting on it is cancelled, and a record the store
fails to save stays in memory as the current one, saved again on every later read (`TokenManager.save`).
The decision logic is one flow (`TokenManager._refresh_flow`) driven by both drivers.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import stat
import threading
import time
from collections.abc import AsyncGenerator, Callable, Generator, Iterator
from pathlib import Path
from typing import Any, ClassVar, Protocol

import attrs
import filelock
import httpx

from .._engine import call_options
from .._engine.flow import EffectOn, Flow, run_async, run_sync
from .._exceptions import APIError, AuthenticationError, LockTimeoutError, TbapiError, ValidationError
from .._logs import REDACTED, logger, register_secret
from .._support.files import write_atomically
from .._support.validation import credential
from .._telemetry.calls import token_refreshed

# A call's token was refused and none can replace it; an explicit refresh with nothing to refresh with.
STALE_AND_NO_REFRESH_TOKEN = "The access token is invalid or expired, and there is no refresh token"
NO_REFRESH_TOKEN = (
    "There is no refresh token to refresh with: pass refresh_token= to the client or to auth.refresh(), "
    "or set TBAPI_SHANJING_REFRESH_TOKEN"
)

# Refresh this long before `expires_in` runs out (or at 10 % of the lifetime left, for short-lived tokens).
REFRESH_MARGIN_S = 300.0
# After a failed refresh-ahead (the token still works), wait this long before trying ahead again.
AHEAD_RETRY_PAUSE_S = 30.0


def _access_token(value: object) -> str:
    """Checked like every credential (`tbapi._support.validation.credential`); empty until a first refresh."""
    return credential("access_token", value, allow_empty=True)


def _refresh_token(value: object) -> str | None:
    return None if value is None else credential("refresh_token", value, allow_empty=True) or None


@attrs.frozen(repr=False)
class TokenRecord:
    """An access token, its refresh token and when they expire (epoch seconds; None when unknown).

    Its `repr` never shows the tokens.
    """

    access_token: str = attrs.field(converter=_access_token)
    refresh_token: str | None = attrs.field(default=None, converter=_refresh_token)
    expires_at: float | None = None
    refresh_expires_at: float | None = None
    obtained_at: float | None = None

    def __repr__(self) -> str:
        refresh = None if self.refresh_token is None else REDACTED
        return (
            f"TokenRecord(access_token={REDACTED!r}, refresh_token={refresh!r}, "
            f"expires_at={self.expires_at!r}, refresh_expires_at={self.refresh_expires_at!r})"
        )

    def expired(self, now: float | None = None) -> bool:
        """True once `expires_at` has passed (never when it is unknown)."""
        return self.expires_at is not None and (time.time() if now is None else now) >= self.expires_at

    def due_for_refresh(self, now: float | None = None, margin: float = REFRESH_MARGIN_S) -> bool:
        """True within `margin` seconds (or the last 10 % of the lifetime, if shorter) of `expires_at`."""
        if self.expires_at is None:
            return False
        now = time.time() if now is None else now
        if self.obtained_at is not None:
            margin = min(margin, max(0.0, (self.expires_at - self.obtained_at) / 10))
        return now >= self.expires_at - margin

    def to_json(self) -> dict[str, Any]:
        return attrs.asdict(self)

    @classmethod
    def from_json(cls, data: Any) -> TokenRecord:
        if not isinstance(data, dict) or not isinstance(data.get("access_token"), str):
            raise ValueError("not a token record")
        for name in _TIMES:  # compared with the clock on every call: anything but a number would fail there
            value = data.get(name)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int | float) or value != value):
                raise ValueError(f"its {name} is not a time")
        fields = {f.name for f in attrs.fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in fields})


_TIMES = ("expires_at", "refresh_expires_at", "obtained_at")


class TokenStore(Protocol):
    """Where a client keeps its tokens. `lock()` guards a refresh across clients and processes.

    The context manager `lock(timeout)` returns may be entered in one thread and left in another (the
    async client waits for it in a worker thread); `save` is called while it is held. Entering it waits
    at most `timeout` seconds (None: no bound) and then raises `tbapi.LockTimeoutError`. The async client
    calls `load` (once or twice a call) and `save` in a worker thread, so a store that waits on the network never
    blocks its event loop; only the in-memory and file stores, which answer in microseconds, are read inline.
    """

    def load(self) -> TokenRecord | None: ...

    def save(self, record: TokenRecord) -> None: ...

    def lock(self, timeout: float | None = None) -> contextlib.AbstractContextManager[object]: ...


@contextlib.contextmanager
def held(lock: threading.Lock, timeout: float | None, what: str) -> Iterator[None]:
    """`with lock:` waiting at most `timeout` seconds (None: no bound), else `LockTimeoutError` naming `what`."""
    if not lock.acquire(timeout=-1 if timeout is None else timeout):
        raise LockTimeoutError(what, timeout or 0.0)
    try:
        yield
    finally:
        lock.release()


class InMemoryTokenStore:
    """The default store: the tokens live in this object, shared by the clients given the same instance.

    Args:
        record: The tokens to start with (default: none).
    """

    def __init__(self, record: TokenRecord | None = None) -> None:
        self._record = record
        self._lock = threading.Lock()

    def load(self) -> TokenRecord | None:
        return self._record

    def save(self, record: TokenRecord) -> None:
        self._record = record

    def lock(self, timeout: float | None = None) -> contextlib.AbstractContextManager[object]:
        return held(self._lock, timeout, "the in-memory token store's lock")

    def __repr__(self) -> str:
        return f"InMemoryTokenStore(has_token={self._record is not None})"


class FileTokenStore:
    """Tokens in a JSON file (mode 0600), shared by every client and process that uses the same path.

    `path` may start with `~` (the user's home). Missing parent directories are created mode 0700. An
    existing file that group or others may read is tightened to 0600, with a warning in the log (every
    save writes 0600 anyway). Writes are atomic (a temporary file in the same directory, then
    `os.replace`) and refreshes are serialised by a lock file next to it (`<path>.lock`, via `filelock`),
    so several processes share one refreshed token and never refresh twice; a process waits for that lock
    at most its client's timeout (`tbapi.LockTimeoutError`), and a holder that died released it. Reads
    are cached until the file changes. Raises `ValidationError` (param `path`) for a path that is a directory,
    and (param `token_store`) when the file cannot be read or written or is not a token file.

    Args:
        path: The token file; `~` is the user's home. It need not exist yet.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path).expanduser()
        if self.path.is_dir():
            raise ValidationError("path", f"{self.path} is a directory, not a token file")
        self.lock_path = f"{self.path}.lock"
        self._file_lock = filelock.FileLock(self.lock_path, thread_local=False)
        self._thread_lock = threading.Lock()  # FileLock(thread_local=False) is re-entrant across threads
        self._cache: tuple[tuple[int, int, int], TokenRecord | None] | None = None

    def load(self) -> TokenRecord | None:
        try:
            info = self.path.stat()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise self._unusable(exc) from None
        key = (info.st_ino, info.st_mtime_ns, info.st_size)
        cache = self._cache
        if cache is not None and cache[0] == key:
            return cache[1]
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError) as exc:
            raise self._unusable(exc) from None
        try:
            record = TokenRecord.from_json(json.loads(text))
        except (ValueError, TypeError, RecursionError) as exc:
            raise ValidationError("token_store", f"{self.path} is not a tbapi token file ({exc})") from None
        _tighten(self.path, info.st_mode)
        self._cache = (key, record)
        return record

    def save(self, record: TokenRecord) -> None:
        try:
            _make_private_dirs(self.path.parent)
            write_atomically(self.path, [json.dumps(record.to_json()).encode()], mode=0o600)
        except OSError as exc:
            raise self._unusable(exc) from None

    @contextlib.contextmanager
    def lock(self, timeout: float | None = None) -> Generator[object, None, None]:
        """The lock file, waited for at most `timeout` seconds (None: no bound), else `LockTimeoutError`."""
        deadline = None if timeout is None else time.monotonic() + timeout
        with held(self._thread_lock, timeout, self.lock_path):
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            try:
                _make_private_dirs(self.path.parent)
                self._file_lock.acquire(timeout=-1 if left is None else left)
            except filelock.Timeout:
                raise LockTimeoutError(self.lock_path, timeout or 0.0) from None
            except OSError as exc:
                raise self._unusable(exc) from None
            try:
                yield self
            finally:
                self._file_lock.release()

    def _unusable(self, exc: OSError | UnicodeDecodeError) -> ValidationError:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else type(exc).__name__
        return ValidationError("token_store", f"{self.path} cannot be used as a token file ({reason})")

    def __repr__(self) -> str:
        return f"FileTokenStore({str(self.path)!r})"


def _make_private_dirs(directory: Path) -> None:
    """Create `directory` and its missing parents, each mode 0700 (`mkdir -p` would leave them 0755)."""
    missing: list[Path] = []
    while not directory.exists():
        missing.append(directory)
        if directory.parent == directory:
            break
        directory = directory.parent
    for path in reversed(missing):
        with contextlib.suppress(FileExistsError):
            path.mkdir(mode=0o700)


def _tighten(path: Path, mode: int) -> None:
    """A token file that group or others may read is made 0600 (warned about: someone widened it)."""
    if not mode & (stat.S_IRWXG | stat.S_IRWXO):
        return
    try:
        os.chmod(path, 0o600)
    except OSError as exc:
        logger.warning(
            "the token file %s is readable by others (mode %o) and could not be tightened (%s)",
            path,
            stat.S_IMODE(mode),
            exc.strerror,
        )
        return
    logger.warning("the token file %s was readable by others (mode %o); tightened it to 0600", path, stat.S_IMODE(mode))


Refresher = Callable[[str], Flow[TokenRecord]]


@attrs.define
class TokenState:
    """What a client's token managers share besides the store (a sync client's `get_many` loop has a manager of
    its own, `TokenManager.sibling`): a record the store failed to take, whether a token was held, and a pause of
    the refreshes ahead of expiry after one failed."""

    unsaved: TokenRecord | None = None  # the current record until the store takes it
    held_a_token: bool = False  # the client was given a token, or its store held one: it may not vanish
    ahead_paused_until: float = 0.0


class TokenManager:
    """Reads the current token from the store and refreshes it single-flight (see the module docstring).

    `lock_timeout` bounds every wait for the in-process and the store locks (the client's timeout).
    """

    def __init__(
        self, store: TokenStore, *, margin: float = REFRESH_MARGIN_S, lock_timeout: float | None = None
    ) -> None:
        self.store = store
        # Only an in-memory store answers at once; a file, Redis or a user's own store waits on the disk or the
        # network, so the async side reads and saves it in a worker thread, never on the event loop.
        self.blocking = not isinstance(store, InMemoryTokenStore)
        self.margin = margin
        self.lock_timeout = lock_timeout
        self.refresher: Refresher | None = None  # set by the client: one refresh call as a flow
        self._thread_lock = threading.Lock()
        self._async_lock: asyncio.Lock | None = None
        self._async_lock_loop: asyncio.AbstractEventLoop | None = None
        self._state = TokenState()
        self._refreshes: set[asyncio.Future[TokenRecord]] = set()  # async refreshes that outlive their waiter

    def sibling(self) -> TokenManager:
        """A manager of the same store and `TokenState`, whose refreshes go through another connection (the sync
        client's `get_many` loop sets its own `refresher`): what one keeps in memory, the other uses."""
        twin = TokenManager(self.store, margin=self.margin, lock_timeout=self.lock_timeout)
        twin._state = self._state
        return twin

    @property
    def held_a_token(self) -> bool:
        return self._state.held_a_token

    def current(self) -> TokenRecord | None:
        """The current record: the store's, or one it failed to take (saved again first, on every read)."""
        unsaved = self._state.unsaved
        if unsaved is None:
            record = self.store.load()
            if record is not None:
                self._state.held_a_token = True
            return record
        self.save(unsaved)
        return unsaved

    def vanished(self) -> AuthenticationError:
        """The error for a store that comes back empty after it held a token (a Redis key deleted, expired or
        flushed; a token file removed): the store is at fault, not the client's arguments."""
        return AuthenticationError(
            f"The token store {self.store!r} holds no token any more (it held one earlier: was it deleted, "
            "expired or flushed?); save a token in it again (auth.create_token, or a new client with "
            "access_token=/refresh_token= seeds an empty store)"
        )

    async def current_async(self) -> TokenRecord | None:
        """`current()` without blocking the event loop on a store that waits on the disk or the network."""
        return await asyncio.to_thread(self.current) if self.blocking else self.current()

    def save(self, record: TokenRecord) -> None:
        """`store.save(record)`; when the store fails, the record is not lost: it is kept here as the current one,
        `current()` saves it again on every later read until the store takes it, and the log says so."""
        try:
            self.store.save(record)
        except Exception as error:  # a user's store may raise anything: the record must outlive it
            if self._state.unsaved is not record:
                logger.error(
                    "the access token was refreshed but %r could not save it (%s: %s); it is kept in memory and"
                    " saved again on every call until the store takes it",
                    self.store,
                    type(error).__name__,
                    error,
                )
            self._state.unsaved = record
            return
        kept, self._state.unsaved = self._state.unsaved, None  # a newer record saved supersedes a kept one
        if kept is record:
            logger.warning("the refreshed access token kept in memory is now saved in %r", self.store)

    async def save_async(self, record: TokenRecord) -> None:
        """`save(record)` without blocking the event loop on a store that waits on the disk or the network."""
        if self.blocking:
            await asyncio.to_thread(self.save, record)
        else:
            self.save(record)

    def access_token(self) -> str | None:
        record = self.current()
        return record.access_token if record else None

    async def access_token_async(self) -> str | None:
        record = await self.current_async()
        return record.access_token if record else None

    def seed(self, record: TokenRecord) -> None:
        """Use `record` when the store holds nothing yet (a shared store's newer token wins)."""
        register_secret(record.access_token)
        register_secret(record.refresh_token)
        self._state.held_a_token = True
        if self.store.load() is not None:
            return  # no lock needed to keep what is there (a stuck lock holder cannot block the client's creation)
        with self.store.lock(self.lock_timeout):
            if self.store.load() is None:
                self.store.save(record)

    def adopt(self, record: TokenRecord) -> None:
        """Make `record` the current token (after createToken or an explicit refresh); never lost (see `save`)."""
        register_secret(record.access_token)
        register_secret(record.refresh_token)
        with contextlib.ExitStack() as locked:
            with contextlib.suppress(TbapiError):  # a store that cannot be locked must not lose the record either
                locked.enter_context(self.store.lock(self.lock_timeout))
            self.save(record)

    def wants_refresh_ahead(self, record: TokenRecord | None) -> bool:
        return (
            record is not None
            and record.refresh_token is not None
            and record.due_for_refresh(margin=self.margin)
            and time.monotonic() >= self._state.ahead_paused_until
        )

    # -- the decision, written once -------------------------------------------------------------------

    def _refresh_flow(self, stale: str | None, *, ahead: bool, force: bool) -> Flow[TokenRecord]:
        """Refresh unless someone else already did. Runs with the in-process lock and the store lock held."""
        record: TokenRecord | None = yield CurrentTokens(self)
        if (
            not force
            and record is not None
            and record.access_token != stale
            and not (ahead and record.due_for_refresh(margin=self.margin))
        ):
            return record  # another thread, task, client or process refreshed it meanwhile
        if record is None and self.held_a_token:
            raise self.vanished()
        if record is None or not record.refresh_token:
            raise AuthenticationError(NO_REFRESH_TOKEN if force else STALE_AND_NO_REFRESH_TOKEN)
        if self.refresher is None:
            raise AuthenticationError("This client cannot refresh tokens")
        try:
            fresh = yield from self.refresher(record.refresh_token)
        except TbapiError as error:
            token_refreshed(ahead=ahead, error=error)
            if ahead and not record.expired():
                self._state.ahead_paused_until = time.monotonic() + AHEAD_RETRY_PAUSE_S
                logger.warning("refreshing the access token ahead of expiry failed (%s); using it until then", error)
                return record
            raise refresh_failed(error) from error
        token_refreshed(ahead=ahead, error=None)
        if fresh.refresh_token is None:
            fresh = attrs.evolve(fresh, refresh_token=record.refresh_token)
        register_secret(fresh.access_token)
        register_secret(fresh.refresh_token)
        yield SaveTokens(self, fresh)
        logger.info("access token refreshed%s", " ahead of expiry" if ahead else "")
        return fresh

    # -- the two drivers --------------------------------------------------------------------------------

    def refresh_sync(self, stale: str | None, *, ahead: bool = False, force: bool = False) -> TokenRecord:
        deadline = _deadline(self.lock_timeout)
        try:
            # The store lock's wait is what the in-process lock's wait left of the timeout.
            with held(self._thread_lock, self.lock_timeout, _lock_name(self.store)), self.store.lock(_left(deadline)):
                return run_sync(self._refresh_flow(stale, ahead=ahead, force=force))
        except LockTimeoutError as error:
            return run_sync(self._unlocked(ahead, error))

    async def refresh_async(self, stale: str | None, *, ahead: bool = False, force: bool = False) -> TokenRecord:
        """The refresh runs as a task of its own, shielded from its waiter: a waiter cancelled mid-refresh
        (`asyncio.wait_for`, a web framework's timeout) does not stop it, so the token the service handed out —
        its refresh token possibly rotated — is always saved, and the next caller finds it."""
        refresh = asyncio.ensure_future(self._refresh_async(stale, ahead=ahead, force=force))
        self._refreshes.add(refresh)
        refresh.add_done_callback(self._refresh_done)
        return await asyncio.shield(refresh)

    def _refresh_done(self, refresh: asyncio.Future[TokenRecord]) -> None:
        self._refreshes.discard(refresh)
        if not refresh.cancelled():
            refresh.exception()  # retrieved: a refresh whose waiter left raises to nobody (its caller's next call sees it)

    async def _refresh_async(self, stale: str | None, *, ahead: bool, force: bool) -> TokenRecord:
        deadline = _deadline(self.lock_timeout)
        lock = self._lock_for_this_loop()
        try:
            await asyncio.wait_for(lock.acquire(), self.lock_timeout)
        except TimeoutError:
            timed_out = LockTimeoutError(_lock_name(self.store), self.lock_timeout or 0.0)
            return await run_async(self._unlocked(ahead, timed_out))
        try:
            async with _entered_in_thread(self.store.lock(_left(deadline))):
                return await run_async(self._refresh_flow(stale, ahead=ahead, force=force))
        except LockTimeoutError as error:
            return await run_async(self._unlocked(ahead, error))
        finally:
            lock.release()

    def _unlocked(self, ahead: bool, error: LockTimeoutError) -> Flow[TokenRecord]:
        """After a lock wait timed out: a refresh ahead of expiry goes on with the token that still works (read
        through `CurrentTokens`, like every read of the flows: off the event loop for a store that waits)."""
        record: TokenRecord | None = yield CurrentTokens(self)
        if ahead and record is not None and record.access_token and not record.expired():
            logger.warning("the token lock is held elsewhere; using the current access token until it expires")
            return record
        raise error

    def _lock_for_this_loop(self) -> asyncio.Lock:
        loop = asyncio.get_running_loop()
        if self._async_lock is None or self._async_lock_loop is not loop:
            self._async_lock, self._async_lock_loop = asyncio.Lock(), loop
        return self._async_lock


def _deadline(timeout: float | None) -> float | None:
    return None if timeout is None else time.monotonic() + timeout


def _left(deadline: float | None) -> float | None:
    return None if deadline is None else max(0.0, deadline - time.monotonic())


def _lock_name(store: TokenStore) -> str:
    """What a `LockTimeoutError` names: the lock file of a `FileTokenStore`, else the store."""
    return str(getattr(store, "lock_path", None) or repr(store))


def refresh_failed(error: TbapiError) -> AuthenticationError:
    if isinstance(error, APIError):
        return AuthenticationError(
            f"Refreshing the access token failed: {error.reason}",  # the tail (code=…) is added once, below
            code=error.code,
            sub_code=error.sub_code,
            sub_message=error.sub_message,
            http_status=error.http_status,
            request_id=error.request_id,
            body=error.body,
            request=error.request,
            response=error.response,
        )
    return AuthenticationError(f"Refreshing the access token failed: {error.message}")


@contextlib.asynccontextmanager
async def _entered_in_thread(manager: contextlib.AbstractContextManager[object]) -> Any:
    """Enter a blocking context manager (a file lock) in a worker thread, without blocking the loop.

    If the waiting task is cancelled, the lock is released as soon as the worker gets it.
    """
    entering = asyncio.ensure_future(asyncio.to_thread(manager.__enter__))
    try:
        await asyncio.shield(entering)
    except asyncio.CancelledError:
        entering.add_done_callback(
            lambda f: None if f.cancelled() or f.exception() else manager.__exit__(None, None, None)
        )
        raise
    try:
        yield
    finally:
        manager.__exit__(None, None, None)


@attrs.frozen
class CurrentTokens(EffectOn[TokenManager]):
    """The effect "read the current record from the store of `subject`, a `TokenManager`" (the async driver
    does not block its loop on a file or Redis)."""

    def run_sync(self) -> TokenRecord | None:
        return self.subject.current()

    async def run_async(self) -> TokenRecord | None:
        return await self.subject.current_async()


@attrs.frozen
class SaveTokens(EffectOn[TokenManager]):
    """The effect "save `record` in the store" (like `CurrentTokens`, off the event loop for a remote store)."""

    record: TokenRecord

    def run_sync(self) -> None:
        self.subject.save(self.record)

    async def run_async(self) -> None:
        await self.subject.save_async(self.record)


@attrs.frozen
class Refresh:
    """The effect "refresh the token that failed (`stale`)": single-flight, returns the current record."""

    manager: TokenManager
    stale: str | None
    ahead: bool = False
    force: bool = False
    blocking: ClassVar[bool] = True

    # Without the per-call options of the call that asked: the refresh serves every call waiting for it.

    def run_sync(self) -> TokenRecord:
        with call_options.outside():
            return self.manager.refresh_sync(self.stale, ahead=self.ahead, force=self.force)

    async def run_async(self) -> TokenRecord:
        with call_options.outside():
            return await self.manager.refresh_async(self.stale, ahead=self.ahead, force=self.force)


def _bearing(request: httpx.Request, token: str | None) -> httpx.Request:
    if token:
        request.headers["Authorization"] = f"Bearer {token}"
    return request


class BearerAuth(httpx.Auth):
    """`Authorization: Bearer <token>` with the store's current token, read for every request."""

    def __init__(self, manager: TokenManager) -> None:
        self._manager = manager

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        yield _bearing(request, self._manager.access_token())

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        yield _bearing(request, await self._manager.access_token_async())

    def __repr__(self) -> str:
        return "BearerAuth()"
