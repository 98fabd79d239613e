"""Without OpenTelemetry installed tbapi works in full (the hooks too); `import tbapi` never imports it."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_importing_tbapi_imports_nothing_of_opentelemetry() -> None:
    loaded = run(
        """
        import sys
        import tbapi, tbapi.top, tbapi.shanjing
        print(sorted(name for name in sys.modules if name.startswith("opentelemetry")))
        """
    )

    assert loaded == "[]"


def test_without_opentelemetry_a_client_calls_and_its_hooks_report() -> None:
    shown = run(
        """
        import sys
        sys.modules["opentelemetry"] = None  # as if not installed: `import opentelemetry` raises ImportError
        import httpx, tbapi

        def gateway(request):
            return httpx.Response(200, json={"products_search_response": {"total_results": 3, "request_id": "r"}})

        calls = []
        http = httpx.Client(transport=httpx.MockTransport(gateway))
        with tbapi.TopClient(app_key="k", app_secret="s", http_client=http, on_call=calls.append) as top:
            result = top.products.search(fields=["name"], q="shirt")
        loaded = [name for name, module in sys.modules.items() if name.startswith("opentelemetry") and module]
        print(result.total_results, [call.outcome for call in calls], loaded)
        """
    )

    assert shown == "3 ['ok'] []"
