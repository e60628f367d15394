"""schemathesis hooks (SCHEMATHESIS_HOOKS=fuzz_hooks): point generated requests at data that exists, so fuzzing
reaches the checks behind 'which network', 'which signal' and 'which case' instead of stopping at 403/404. The values
come from fuzz_api.py through the environment."""
import os

import schemathesis

NETWORK = os.environ.get("REGIE_FUZZ_NETWORK", "")
SIGNAL = os.environ.get("REGIE_FUZZ_SIGNAL", "")
HOUSEHOLD = os.environ.get("REGIE_FUZZ_HOUSEHOLD", "")


@schemathesis.hook
def map_body(ctx, body):
    if isinstance(body, dict) and "network" in body and NETWORK:
        body["network"] = NETWORK
    return body


@schemathesis.hook
def map_path_parameters(ctx, parameters):
    path = getattr(getattr(ctx, "operation", None), "path", "")
    if parameters and "id" in parameters and SIGNAL and path.startswith("/api/v1/signals/"):
        parameters["id"] = SIGNAL
    if parameters and "id" in parameters and HOUSEHOLD and path.startswith("/api/v1/cases/"):
        parameters["id"] = HOUSEHOLD
    return parameters
