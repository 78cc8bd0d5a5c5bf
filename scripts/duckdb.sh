#!/usr/bin/env bash
# The DuckDB command-line tool for the warehouse tests and docs/warehouse.md: installed from PyPI
# (the `duckdb-cli` package) into a private venv on first use, then only found. Prints the path of
# the duckdb binary on stdout; what pip says goes to stderr. Idempotent: a second run installs
# nothing. Exit 1 when it cannot be had (no python3 -m venv, no network to PyPI).
#
#   scripts/duckdb.sh            # prints e.g. /root/.cache/gov-duckdb-venv/bin/duckdb
#
# Environment:
#   GOV_DUCKDB_VENV   where the venv lives   [${XDG_CACHE_HOME:-$HOME/.cache}/gov-duckdb-venv]
#   GOV_DUCKDB        a duckdb binary to use instead (printed as is when it runs)
set -euo pipefail
if [[ -n ${GOV_DUCKDB:-} ]]; then
  "$GOV_DUCKDB" -version >/dev/null
  echo "$GOV_DUCKDB"
  exit 0
fi
venv=${GOV_DUCKDB_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/gov-duckdb-venv}
bin=$venv/bin/duckdb
if [[ ! -x $bin ]] || ! "$bin" -version >/dev/null 2>&1; then
  echo "installing the DuckDB CLI from PyPI into $venv (once)…" >&2
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install -q --disable-pip-version-check duckdb-cli >&2
fi
"$bin" -version >/dev/null
echo "$bin"
