// Entry point of the command-line bundle (dist/cli.js, the `defectdojo-reimport` bin).
import { runCli } from './shells/cli.js'
import { VERSION } from './version.js'

process.exitCode = await runCli(process.argv.slice(2), process.env, process.cwd(), { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) }, VERSION)
