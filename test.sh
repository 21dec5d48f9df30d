#!/usr/bin/env bash
# The project's test command: builds the solution and runs every test project.
set -euo pipefail
cd "$(dirname "$0")"
dotnet build Serverless.sln -c Release
dotnet test Serverless.sln -c Release --no-build
