/**
 * The title DefectDojo stores: Finding.save() runs `titlecase(title[:511])` (the `titlecase` 2.4.1 package,
 * John Gruber's title-case rules) on every finding it saves, so a parser's "Use of exec detected." is read
 * back as "Use of Exec Detected." (docs/defectdojo-api.md §m, measured in the conformance recording).
 * Written here from the rules, not from the package's code:
 *  - small words (a, an, and, as, at, but, by, en, for, if, in, of, on, or, the, to, v, via, vs) stay
 *    lower case, except first and last in a line and after ": . ; ? ! -" and a space;
 *  - a word with an inner period (ast.literal_eval, a.go) or, unless the line is all capitals, a capital
 *    after its first letters (PyPI, SSL, resolvingPromise) is kept as it is;
 *  - words joined by "/" or "-" are cased piece by piece; a word of consonants only (longer than two
 *    letters) is an acronym and upper-cased; Mc/Mac-names and d'/o'/l' prefixes get their inner capital;
 *  - in an all-capitals line every other word is lower-cased before it is capitalised;
 *  - everything else gets its first letter (after leading punctuation) capitalised.
 */

const SMALL = 'a|an|and|as|at|but|by|en|for|if|in|of|on|or|the|to|v\\.?|via|vs\\.?'
const PUNCT = '!"“#$%&\'‘()*+,\\-–‒—―./:;?@[\\\\\\]_`{|}~'

const SMALL_WORDS = new RegExp(`^(${SMALL})$`, 'i')
const INLINE_PERIOD = /[\p{L}\p{N}_][.][\p{L}\p{N}_]/u
const UC_ELSEWHERE = new RegExp(`^[${PUNCT}]*?[a-zA-Z]+[A-Z]+?`)
const CAPFIRST = new RegExp(`^([${PUNCT}]*?)([\\p{L}\\p{N}_])`, 'u')
const SMALL_FIRST = new RegExp(`^([${PUNCT}]*)(${SMALL})\\b`, 'i')
const SMALL_LAST = new RegExp(`\\b(${SMALL})[${PUNCT}]?$`, 'i')
const SUBPHRASE = new RegExp(`([:.;?!\\-–‒—―][ ])(${SMALL})`, 'g')
const APOS_SECOND = /^[dol]['‘][a-z]+(?:['s]{2})?$/i
const UC_INITIALS = /^(?:[A-Z]\.|[A-Z]\.[A-Z])+$/
const MAC_MC = /^([Mm]c|MC)([\p{L}\p{N}_].+)/u
const MR_MRS_MS_DR = /^((m((rs?)|s))|Dr)$/i
const CONSONANTS = /^[bcdfghjklmnpqrstvwxz]+$/i
const ALL_CAPS = new RegExp(`^[A-Z\\s\\d${PUNCT}]+$`)

const capitalize = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase()

function titlecaseWord(word: string, allCaps: boolean, smallFirstLast: boolean): string {
  if (allCaps && UC_INITIALS.test(word)) return word
  if (APOS_SECOND.test(word)) {
    const first = 'aeiouAEIOU'.includes(word[0]!) ? word[0]!.toUpperCase() : word[0]!.toLowerCase()
    return first + word[1]! + word[2]!.toUpperCase() + word.slice(3)
  }
  const mac = MAC_MC.exec(word)
  if (mac) return capitalize(mac[1]!) + titlecase(mac[2]!, smallFirstLast)
  if (MR_MRS_MS_DR.test(word)) return word[0]!.toUpperCase() + word.slice(1)
  if (INLINE_PERIOD.test(word) || (!allCaps && UC_ELSEWHERE.test(word))) return word
  if (SMALL_WORDS.test(word)) return word.toLowerCase()
  if (word.includes('/') && !word.includes('//')) return word.split('/').map((t) => titlecase(t, false)).join('/')
  if (word.includes('-')) return word.split('-').map((t) => titlecase(t, smallFirstLast)).join('-')
  const lowered = allCaps ? word.toLowerCase() : word
  if (CONSONANTS.test(lowered) && lowered.length > 2) return lowered.toUpperCase()
  return lowered.replace(CAPFIRST, (_m, punct: string, ch: string) => punct + ch.toUpperCase())
}

/** titlecase(text) as Finding.save() applies it. */
export function titlecase(text: string, smallFirstLast = true): string {
  return text.split(/[\r\n]+/).map((line) => {
    const allCaps = ALL_CAPS.test(line)
    const words = line.split(/[\t ]/).map((word) => titlecaseWord(word, allCaps, smallFirstLast))
    if (smallFirstLast && words.length > 0) {
      words[0] = words[0]!.replace(SMALL_FIRST, (_m, punct: string, small: string) => punct + capitalize(small))
      words[words.length - 1] = words.at(-1)!.replace(SMALL_LAST, (m: string) => capitalize(m))
    }
    return words.join(' ').replace(SUBPHRASE, (_m, sep: string, small: string) => sep + capitalize(small))
  }).join('\n')
}

/** The title Finding.save() stores for a parser's title. */
export const storedTitle = (title: string): string => titlecase(title.slice(0, 511))
