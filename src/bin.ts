#!/usr/bin/env node
// The `musalaha` command of the package's `bin` (`npx musalaha ask …`): the command line, compiled.
import './cli.ts'
