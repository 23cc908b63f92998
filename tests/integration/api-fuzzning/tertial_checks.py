"""The house rule schemathesis does not know: every 4xx is an application/problem+json whose status is the response's."""

import json

import schemathesis


@schemathesis.check
def problem_json_for_4xx(ctx, response, case):
    if not 400 <= response.status_code < 500:
        return None
    content_type = (response.headers.get("content-type") or [""])[0]
    if not content_type.startswith("application/problem+json"):
        raise AssertionError(f"{response.status_code} answered with content-type {content_type!r}, not application/problem+json")
    try:
        problem = json.loads(response.content)
    except ValueError as error:
        raise AssertionError(f"{response.status_code}: the problem is not JSON ({error})")
    if not isinstance(problem, dict) or not isinstance(problem.get("title"), str) or not isinstance(problem.get("type"), str):
        raise AssertionError(f"{response.status_code}: the problem has no type and title: {response.content[:200]!r}")
    if problem.get("status") != response.status_code:
        raise AssertionError(f"{response.status_code}: the problem says status {problem.get('status')!r}")
    return None
