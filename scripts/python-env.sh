# SPDX-License-Identifier: MIT
# Sourced by scripts/install-deps.sh, test.sh and check-stubs.sh: `linkequity_python_env ROOT`
# sets PY to the Python that pip installs into and the tests run with, so that the scripts work
# where the system Python refuses `pip install` outside a virtual environment (PEP 668: Debian 12,
# Ubuntu 23.04+). In order:
#   - PYTHON=... names the interpreter (default python3);
#   - if that interpreter runs in a virtual environment (an active one, VIRTUAL_ENV, or a venv's
#     bin/python given as PYTHON), it is used as it is;
#   - otherwise ROOT/build/venv is created from it (--system-site-packages: packages the system
#     already has are reused, not downloaded again) and activated for the rest of the script.
#     It is re-created when PYTHON names another interpreter than the one it was made from.
# Needs the venv module (Debian: python3-venv, which scripts/install-deps.sh installs).

linkequity_python_env() {
  local root=$1
  local base=${PYTHON:-python3}
  if [ -z "${PYTHON:-}" ] && [ -n "${VIRTUAL_ENV:-}" ] && [ -x "$VIRTUAL_ENV/bin/python" ]; then
    base=$VIRTUAL_ENV/bin/python
  fi
  command -v "$base" > /dev/null || { echo "python-env: $base not found" >&2; return 1; }
  if "$base" -c 'import sys; sys.exit(sys.prefix == sys.base_prefix)'; then
    PY=$base  # already inside a virtual environment
    return 0
  fi
  local venv=$root/build/venv
  local exe
  exe=$("$base" -c 'import os, sys; print(os.path.realpath(sys.executable))')
  if [ ! -x "$venv/bin/python" ] || [ "$(cat "$venv/.base-python" 2> /dev/null)" != "$exe" ]; then
    echo "python-env: creating $venv from $exe"
    "$base" -m venv --clear --system-site-packages "$venv" || {
      echo "python-env: '$base -m venv' failed; on Debian/Ubuntu: apt-get install python3-venv" >&2
      return 1
    }
    echo "$exe" > "$venv/.base-python"
  fi
  export VIRTUAL_ENV=$venv
  export PATH="$venv/bin:$PATH"
  PY=$venv/bin/python
}
