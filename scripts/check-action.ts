// The Marketplace's checks on action.yml, run by CI so a release is never refused at the publish form:
// GitHub validates action.yml at the tag when "Publish this Action to the GitHub Marketplace" is ticked,
// and a refused tag needs a new release to fix.
//
//   node scripts/check-action.ts        prints what passes; exit 1 with every problem found
//
// The rules, from GitHub's "Metadata syntax for GitHub Actions" and "Publishing actions in GitHub
// Marketplace" pages and the publish form's own messages:
// - `name` and `description` are required; the form refuses a description of 125 characters or more
//   ("Description must be less than 125 characters").
// - `branding.color` is one of nine colours; `branding.icon` is one of the v4.28.0 Feather icons the
//   Marketplace supports (brand icons and thirteen others are omitted): the exhaustive list below.
// - one action per repository, its metadata file at the root; a README.
// GitHub documents no length limit for `name`; it is the listing's title and its URL slug, so it is kept
// to NAME_MAX characters here. Whether the name is free (it must not match an existing action, user or
// organization) only the publish form can say.
// And this project's own: `runs.using: node24` with an existing `main`, the author and licence that
// package.json and LICENSE state.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')

export const DESCRIPTION_LIMIT = 125
export const NAME_MAX = 50
export const COLORS = ['white', 'black', 'yellow', 'blue', 'green', 'orange', 'red', 'purple', 'gray-dark']
export const OMITTED_ICONS = ['coffee', 'columns', 'divide-circle', 'divide-square', 'divide', 'frown', 'hexagon', 'key', 'meh', 'mouse-pointer', 'smile', 'tool', 'x-octagon']
/** "Exhaustive list of all currently supported icons", as GitHub's metadata syntax page lists them. */
export const ICONS = `
  activity airplay alert-circle alert-octagon alert-triangle align-center align-justify
  align-left align-right anchor aperture archive arrow-down-circle arrow-down-left
  arrow-down-right arrow-down arrow-left-circle arrow-left arrow-right-circle arrow-right
  arrow-up-circle arrow-up-left arrow-up-right arrow-up at-sign award bar-chart-2 bar-chart
  battery-charging battery bell-off bell bluetooth bold book-open book bookmark box briefcase
  calendar camera-off camera cast check-circle check-square check chevron-down chevron-left
  chevron-right chevron-up chevrons-down chevrons-left chevrons-right chevrons-up circle
  clipboard clock cloud-drizzle cloud-lightning cloud-off cloud-rain cloud-snow cloud code
  command compass copy corner-down-left corner-down-right corner-left-down corner-left-up
  corner-right-down corner-right-up corner-up-left corner-up-right cpu credit-card crop crosshair
  database delete disc dollar-sign download-cloud download droplet edit-2 edit-3 edit
  external-link eye-off eye fast-forward feather file-minus file-plus file-text file film filter
  flag folder-minus folder-plus folder gift git-branch git-commit git-merge git-pull-request
  globe grid hard-drive hash headphones heart help-circle home image inbox info italic layers
  layout life-buoy link-2 link list loader lock log-in log-out mail map-pin map maximize-2
  maximize menu message-circle message-square mic-off mic minimize-2 minimize minus-circle
  minus-square minus monitor moon more-horizontal more-vertical move music navigation-2
  navigation octagon package paperclip pause-circle pause percent phone-call phone-forwarded
  phone-incoming phone-missed phone-off phone-outgoing phone pie-chart play-circle play
  plus-circle plus-square plus pocket power printer radio refresh-ccw refresh-cw repeat rewind
  rotate-ccw rotate-cw rss save scissors search send server settings share-2 share shield-off
  shield shopping-bag shopping-cart shuffle sidebar skip-back skip-forward slash sliders
  smartphone speaker square star stop-circle sun sunrise sunset table tablet tag target terminal
  thermometer thumbs-down thumbs-up toggle-left toggle-right trash-2 trash trending-down
  trending-up triangle truck tv type umbrella underline unlock upload-cloud upload user-check
  user-minus user-plus user-x user users video-off video voicemail volume-1 volume-2 volume-x
  volume watch wifi-off wifi wind x-circle x-square x zap-off zap zoom-in zoom-out
`.split(/\s+/).filter(Boolean)

interface ActionYml {
  name?: unknown
  description?: unknown
  author?: unknown
  branding?: { icon?: unknown; color?: unknown }
  runs?: { using?: unknown; main?: unknown }
}

/** Every metadata file of an action in the repository (git's tracked files where git can say). */
function actionFiles(root: string): string[] {
  try {
    return execFileSync('git', ['ls-files', '--', 'action.yml', 'action.yaml', '*/action.yml', '*/action.yaml'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .split('\n')
      .filter(Boolean)
  } catch {
    return ['action.yml', 'action.yaml'].filter((f) => existsSync(join(root, f)))
  }
}

/** Every problem the Marketplace (or this project) would find in the repository's action metadata. */
export function checkAction(root = ROOT): string[] {
  const problems: string[] = []
  const files = actionFiles(root)
  if (!existsSync(join(root, 'action.yml'))) return ['action.yml is missing at the repository root.']
  const others = files.filter((f) => f !== 'action.yml')
  if (others.length > 0) problems.push(`The Marketplace takes one action per repository, with its metadata at the root; also found: ${others.join(', ')}.`)
  const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as ActionYml
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { author?: string; license?: string }

  if (typeof action.name !== 'string' || !action.name.trim()) problems.push('name is missing: the Marketplace requires one.')
  else if (action.name.length > NAME_MAX) problems.push(`name is ${action.name.length} characters; keep it to ${NAME_MAX} (it is the listing's title and URL).`)
  if (typeof action.description !== 'string' || !action.description.trim()) problems.push('description is missing: the Marketplace requires one.')
  else if (action.description.length >= DESCRIPTION_LIMIT) problems.push(`description is ${action.description.length} characters; the Marketplace requires fewer than ${DESCRIPTION_LIMIT}.`)
  if (typeof action.author !== 'string' || !action.author.trim()) problems.push('author is missing.')
  else if (pkg.author !== action.author) problems.push(`author "${action.author}" differs from package.json's "${pkg.author ?? ''}".`)

  const icon = action.branding?.icon
  const color = action.branding?.color
  if (typeof icon !== 'string') problems.push('branding.icon is missing: the Marketplace requires one.')
  else if (OMITTED_ICONS.includes(icon)) problems.push(`branding.icon "${icon}" is one of the Feather icons the Marketplace omits.`)
  else if (!ICONS.includes(icon)) problems.push(`branding.icon "${icon}" is not one of the Marketplace's Feather icons.`)
  if (typeof color !== 'string') problems.push('branding.color is missing: the Marketplace requires one.')
  else if (!COLORS.includes(color)) problems.push(`branding.color "${color}" is not one of ${COLORS.join(', ')}.`)

  if (action.runs?.using !== 'node24') problems.push(`runs.using is ${JSON.stringify(action.runs?.using)}; the action is built for node24.`)
  if (typeof action.runs?.main !== 'string' || !existsSync(join(root, action.runs.main))) problems.push(`runs.main ${JSON.stringify(action.runs?.main)} does not exist (npm run build writes it).`)

  if (!existsSync(join(root, 'README.md'))) problems.push('README.md is missing at the repository root.')
  if (!existsSync(join(root, 'LICENSE'))) problems.push('LICENSE is missing at the repository root.')
  else {
    const licence = readFileSync(join(root, 'LICENSE'), 'utf8')
    if (pkg.license !== 'MIT' || !/^MIT License\b/.test(licence)) problems.push(`LICENSE and package.json's license ("${pkg.license ?? ''}") must both say MIT.`)
    const copyright = /^Copyright \(c\) .*$/m.exec(licence)?.[0]
    if (!copyright) problems.push('LICENSE has no "Copyright (c) …" line.')
    else if (!pkg.author || !copyright.includes(pkg.author)) problems.push(`LICENSE's "${copyright}" does not name "${pkg.author ?? ''}", the author in package.json and action.yml.`)
  }
  return problems
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const problems = checkAction()
  if (problems.length > 0) {
    for (const problem of problems) console.error(`action.yml: ${problem}`)
    process.exitCode = 1
  } else {
    const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYml
    console.log(`action.yml passes the Marketplace checks: name "${String(action.name)}", description ${String(action.description).length}/${DESCRIPTION_LIMIT - 1} characters, icon ${String(action.branding?.icon)}, colour ${String(action.branding?.color)}, runs on ${String(action.runs?.using)}.`)
  }
}
