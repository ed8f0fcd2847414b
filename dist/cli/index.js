import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 3313:
/***/ ((module) => {

module.exports = Pend;

function Pend() {
  this.pending = 0;
  this.max = Infinity;
  this.listeners = [];
  this.waiting = [];
  this.error = null;
}

Pend.prototype.go = function(fn) {
  if (this.pending < this.max) {
    pendGo(this, fn);
  } else {
    this.waiting.push(fn);
  }
};

Pend.prototype.wait = function(cb) {
  if (this.pending === 0) {
    cb(this.error);
  } else {
    this.listeners.push(cb);
  }
};

Pend.prototype.hold = function() {
  return pendHold(this);
};

function pendHold(self) {
  self.pending += 1;
  var called = false;
  return onCb;
  function onCb(err) {
    if (called) throw new Error("callback called twice");
    called = true;
    self.error = self.error || err;
    self.pending -= 1;
    if (self.waiting.length > 0 && self.pending < self.max) {
      pendGo(self, self.waiting.shift());
    } else if (self.pending === 0) {
      var listeners = self.listeners;
      self.listeners = [];
      listeners.forEach(cbListener);
    }
  }
  function cbListener(listener) {
    listener(self.error);
  }
}

function pendGo(self, fn) {
  fn(pendHold(self));
}


/***/ }),

/***/ 4006:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const pico = __nccwpck_require__(8016);
const utils = __nccwpck_require__(4059);

function picomatch(glob, options, returnState = false) {
  // default to os.platform()
  if (options && (options.windows === null || options.windows === undefined)) {
    // don't mutate the original options object
    options = { ...options, windows: utils.isWindows() };
  }

  return pico(glob, options, returnState);
}

Object.assign(picomatch, pico);
module.exports = picomatch;


/***/ }),

/***/ 5595:
/***/ ((module) => {



const WIN_SLASH = '\\\\/';
const WIN_NO_SLASH = `[^${WIN_SLASH}]`;

const DEFAULT_MAX_EXTGLOB_RECURSION = 0;

/**
 * Posix glob regex
 */

const DOT_LITERAL = '\\.';
const PLUS_LITERAL = '\\+';
const QMARK_LITERAL = '\\?';
const SLASH_LITERAL = '\\/';
const ONE_CHAR = '(?=.)';
const QMARK = '[^/]';
const END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
const START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
const DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
const NO_DOT = `(?!${DOT_LITERAL})`;
const NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
const NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
const NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
const QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
const STAR = `${QMARK}*?`;
const SEP = '/';

const POSIX_CHARS = {
  DOT_LITERAL,
  PLUS_LITERAL,
  QMARK_LITERAL,
  SLASH_LITERAL,
  ONE_CHAR,
  QMARK,
  END_ANCHOR,
  DOTS_SLASH,
  NO_DOT,
  NO_DOTS,
  NO_DOT_SLASH,
  NO_DOTS_SLASH,
  QMARK_NO_DOT,
  STAR,
  START_ANCHOR,
  SEP
};

/**
 * Windows glob regex
 */

const WINDOWS_CHARS = {
  ...POSIX_CHARS,

  SLASH_LITERAL: `[${WIN_SLASH}]`,
  QMARK: WIN_NO_SLASH,
  STAR: `${WIN_NO_SLASH}*?`,
  DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
  NO_DOT: `(?!${DOT_LITERAL})`,
  NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
  NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
  NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
  QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
  START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
  END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
  SEP: '\\'
};

/**
 * POSIX Bracket Regex
 */

const POSIX_REGEX_SOURCE = {
  __proto__: null,
  alnum: 'a-zA-Z0-9',
  alpha: 'a-zA-Z',
  ascii: '\\x00-\\x7F',
  blank: ' \\t',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '\\x21-\\x7E',
  lower: 'a-z',
  print: '\\x20-\\x7E ',
  punct: '\\-!"#$%&\'()\\*+,./:;<=>?@[\\]^_`{|}~',
  space: ' \\t\\r\\n\\v\\f',
  upper: 'A-Z',
  word: 'A-Za-z0-9_',
  xdigit: 'A-Fa-f0-9'
};

module.exports = {
  DEFAULT_MAX_EXTGLOB_RECURSION,
  MAX_LENGTH: 1024 * 64,
  POSIX_REGEX_SOURCE,

  // regular expressions
  REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
  REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
  REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
  REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
  REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
  REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,

  // Replace globs with equivalent patterns to reduce parsing time.
  REPLACEMENTS: {
    __proto__: null,
    '***': '*',
    '**/**': '**',
    '**/**/**': '**'
  },

  // Digits
  CHAR_0: 48, /* 0 */
  CHAR_9: 57, /* 9 */

  // Alphabet chars.
  CHAR_UPPERCASE_A: 65, /* A */
  CHAR_LOWERCASE_A: 97, /* a */
  CHAR_UPPERCASE_Z: 90, /* Z */
  CHAR_LOWERCASE_Z: 122, /* z */

  CHAR_LEFT_PARENTHESES: 40, /* ( */
  CHAR_RIGHT_PARENTHESES: 41, /* ) */

  CHAR_ASTERISK: 42, /* * */

  // Non-alphabetic chars.
  CHAR_AMPERSAND: 38, /* & */
  CHAR_AT: 64, /* @ */
  CHAR_BACKWARD_SLASH: 92, /* \ */
  CHAR_CARRIAGE_RETURN: 13, /* \r */
  CHAR_CIRCUMFLEX_ACCENT: 94, /* ^ */
  CHAR_COLON: 58, /* : */
  CHAR_COMMA: 44, /* , */
  CHAR_DOT: 46, /* . */
  CHAR_DOUBLE_QUOTE: 34, /* " */
  CHAR_EQUAL: 61, /* = */
  CHAR_EXCLAMATION_MARK: 33, /* ! */
  CHAR_FORM_FEED: 12, /* \f */
  CHAR_FORWARD_SLASH: 47, /* / */
  CHAR_GRAVE_ACCENT: 96, /* ` */
  CHAR_HASH: 35, /* # */
  CHAR_HYPHEN_MINUS: 45, /* - */
  CHAR_LEFT_ANGLE_BRACKET: 60, /* < */
  CHAR_LEFT_CURLY_BRACE: 123, /* { */
  CHAR_LEFT_SQUARE_BRACKET: 91, /* [ */
  CHAR_LINE_FEED: 10, /* \n */
  CHAR_NO_BREAK_SPACE: 160, /* \u00A0 */
  CHAR_PERCENT: 37, /* % */
  CHAR_PLUS: 43, /* + */
  CHAR_QUESTION_MARK: 63, /* ? */
  CHAR_RIGHT_ANGLE_BRACKET: 62, /* > */
  CHAR_RIGHT_CURLY_BRACE: 125, /* } */
  CHAR_RIGHT_SQUARE_BRACKET: 93, /* ] */
  CHAR_SEMICOLON: 59, /* ; */
  CHAR_SINGLE_QUOTE: 39, /* ' */
  CHAR_SPACE: 32, /*   */
  CHAR_TAB: 9, /* \t */
  CHAR_UNDERSCORE: 95, /* _ */
  CHAR_VERTICAL_LINE: 124, /* | */
  CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279, /* \uFEFF */

  /**
   * Create EXTGLOB_CHARS
   */

  extglobChars(chars) {
    return {
      '!': { type: 'negate', open: '(?:(?!(?:', close: `))${chars.STAR})` },
      '?': { type: 'qmark', open: '(?:', close: ')?' },
      '+': { type: 'plus', open: '(?:', close: ')+' },
      '*': { type: 'star', open: '(?:', close: ')*' },
      '@': { type: 'at', open: '(?:', close: ')' }
    };
  },

  /**
   * Create GLOB_CHARS
   */

  globChars(win32) {
    return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
  }
};


/***/ }),

/***/ 8265:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const constants = __nccwpck_require__(5595);
const utils = __nccwpck_require__(4059);

/**
 * Constants
 */

const {
  MAX_LENGTH,
  POSIX_REGEX_SOURCE,
  REGEX_NON_SPECIAL_CHARS,
  REGEX_SPECIAL_CHARS_BACKREF,
  REPLACEMENTS
} = constants;

/**
 * Helpers
 */

const expandRange = (args, options) => {
  if (typeof options.expandRange === 'function') {
    return options.expandRange(...args, options);
  }

  args.sort();
  const value = `[${args.join('-')}]`;

  try {
    /* eslint-disable-next-line no-new */
    new RegExp(value);
  } catch (ex) {
    return args.map(v => utils.escapeRegex(v)).join('..');
  }

  return value;
};

/**
 * Create the message for a syntax error
 */

const syntaxError = (type, char) => {
  return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
};

const splitTopLevel = input => {
  const parts = [];
  let bracket = 0;
  let paren = 0;
  let quote = 0;
  let value = '';
  let escaped = false;

  for (const ch of input) {
    if (escaped === true) {
      value += ch;
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      value += ch;
      escaped = true;
      continue;
    }

    if (ch === '"') {
      quote = quote === 1 ? 0 : 1;
      value += ch;
      continue;
    }

    if (quote === 0) {
      if (ch === '[') {
        bracket++;
      } else if (ch === ']' && bracket > 0) {
        bracket--;
      } else if (bracket === 0) {
        if (ch === '(') {
          paren++;
        } else if (ch === ')' && paren > 0) {
          paren--;
        } else if (ch === '|' && paren === 0) {
          parts.push(value);
          value = '';
          continue;
        }
      }
    }

    value += ch;
  }

  parts.push(value);
  return parts;
};

const isPlainBranch = branch => {
  let escaped = false;

  for (const ch of branch) {
    if (escaped === true) {
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      escaped = true;
      continue;
    }

    if (/[?*+@!()[\]{}]/.test(ch)) {
      return false;
    }
  }

  return true;
};

const normalizeSimpleBranch = branch => {
  let value = branch.trim();
  let changed = true;

  while (changed === true) {
    changed = false;

    if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
      value = value.slice(2, -1);
      changed = true;
    }
  }

  if (!isPlainBranch(value)) {
    return;
  }

  return value.replace(/\\(.)/g, '$1');
};

const hasRepeatedCharPrefixOverlap = branches => {
  const values = branches.map(normalizeSimpleBranch).filter(Boolean);

  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      const a = values[i];
      const b = values[j];
      const char = a[0];

      if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
        continue;
      }

      if (a === b || a.startsWith(b) || b.startsWith(a)) {
        return true;
      }
    }
  }

  return false;
};

const parseRepeatedExtglob = (pattern, requireEnd = true) => {
  if ((pattern[0] !== '+' && pattern[0] !== '*') || pattern[1] !== '(') {
    return;
  }

  let bracket = 0;
  let paren = 0;
  let quote = 0;
  let escaped = false;

  for (let i = 1; i < pattern.length; i++) {
    const ch = pattern[i];

    if (escaped === true) {
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      escaped = true;
      continue;
    }

    if (ch === '"') {
      quote = quote === 1 ? 0 : 1;
      continue;
    }

    if (quote === 1) {
      continue;
    }

    if (ch === '[') {
      bracket++;
      continue;
    }

    if (ch === ']' && bracket > 0) {
      bracket--;
      continue;
    }

    if (bracket > 0) {
      continue;
    }

    if (ch === '(') {
      paren++;
      continue;
    }

    if (ch === ')') {
      paren--;

      if (paren === 0) {
        if (requireEnd === true && i !== pattern.length - 1) {
          return;
        }

        return {
          type: pattern[0],
          body: pattern.slice(2, i),
          end: i
        };
      }
    }
  }
};

const buildCharClassStar = chars => {
  const source = chars.length === 1
    ? utils.escapeRegex(chars[0])
    : `[${chars.map(ch => utils.escapeRegex(ch)).join('')}]`;

  return `${source}*`;
};

const getStarExtglobSequenceChars = pattern => {
  let index = 0;
  const chars = [];

  while (index < pattern.length) {
    const match = parseRepeatedExtglob(pattern.slice(index), false);

    if (!match || match.type !== '*') {
      return;
    }

    const branches = splitTopLevel(match.body).map(branch => branch.trim());
    if (branches.length !== 1) {
      return;
    }

    const branch = normalizeSimpleBranch(branches[0]);
    if (!branch || branch.length !== 1) {
      return;
    }

    chars.push(branch);
    index += match.end + 1;
  }

  if (chars.length < 1) {
    return;
  }

  return chars;
};

const repeatedExtglobRecursion = pattern => {
  let depth = 0;
  let value = pattern.trim();
  let match = parseRepeatedExtglob(value);

  while (match) {
    depth++;
    value = match.body.trim();
    match = parseRepeatedExtglob(value);
  }

  return depth;
};

const analyzeRepeatedExtglob = (body, options) => {
  if (options.maxExtglobRecursion === false) {
    return { risky: false };
  }

  const max =
    typeof options.maxExtglobRecursion === 'number'
      ? options.maxExtglobRecursion
      : constants.DEFAULT_MAX_EXTGLOB_RECURSION;

  const branches = splitTopLevel(body).map(branch => branch.trim());

  if (branches.length > 1) {
    if (
      branches.some(branch => branch === '') ||
      branches.some(branch => /^[*?]+$/.test(branch)) ||
      hasRepeatedCharPrefixOverlap(branches)
    ) {
      return { risky: true };
    }
  }

  // A repeated extglob is "risky" (prone to catastrophic backtracking) when a
  // branch is itself a `*(...)` sequence, since that nests an unbounded quantifier
  // inside the outer `+(...)`/`*(...)`. When *every* branch reduces to single
  // characters we can emit one flat, ReDoS-safe character class that preserves the
  // meaning of ALL branches (e.g. `+(*(a)|*(b))` -> `[ab]*`), rather than dropping
  // every branch but the first.
  const safeChars = [];
  let sawStarSequence = false;
  let combinable = true;

  for (const branch of branches) {
    const chars = getStarExtglobSequenceChars(branch);
    if (chars) {
      sawStarSequence = true;
      safeChars.push(...chars);
      continue;
    }

    const literal = normalizeSimpleBranch(branch);
    if (literal && literal.length === 1) {
      safeChars.push(literal);
      continue;
    }

    combinable = false;

    if (repeatedExtglobRecursion(branch) > max) {
      return { risky: true };
    }
  }

  if (sawStarSequence) {
    return combinable
      ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) }
      : { risky: true };
  }

  return { risky: false };
};

/**
 * Parse the given input string.
 * @param {String} input
 * @param {Object} options
 * @return {Object}
 */

const parse = (input, options) => {
  if (typeof input !== 'string') {
    throw new TypeError('Expected a string');
  }

  input = REPLACEMENTS[input] || input;

  const opts = { ...options };
  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;

  let len = input.length;
  if (len > max) {
    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
  }

  const bos = { type: 'bos', value: '', output: opts.prepend || '' };
  const tokens = [bos];

  const capture = opts.capture ? '' : '?:';

  // create constants based on platform, for windows or posix
  const PLATFORM_CHARS = constants.globChars(opts.windows);
  const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);

  const {
    DOT_LITERAL,
    PLUS_LITERAL,
    SLASH_LITERAL,
    ONE_CHAR,
    DOTS_SLASH,
    NO_DOT,
    NO_DOT_SLASH,
    NO_DOTS_SLASH,
    QMARK,
    QMARK_NO_DOT,
    STAR,
    START_ANCHOR
  } = PLATFORM_CHARS;

  const globstar = opts => {
    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
  };

  const nodot = opts.dot ? '' : NO_DOT;
  const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
  let star = opts.bash === true ? globstar(opts) : STAR;

  if (opts.capture) {
    star = `(${star})`;
  }

  // minimatch options support
  if (typeof opts.noext === 'boolean') {
    opts.noextglob = opts.noext;
  }

  const state = {
    input,
    index: -1,
    start: 0,
    dot: opts.dot === true,
    consumed: '',
    output: '',
    prefix: '',
    backtrack: false,
    negated: false,
    brackets: 0,
    braces: 0,
    parens: 0,
    quotes: 0,
    globstar: false,
    tokens
  };

  input = utils.removePrefix(input, state);
  len = input.length;

  const extglobs = [];
  const braces = [];
  const stack = [];
  let prev = bos;
  let value;

  /**
   * Tokenizing helpers
   */

  const eos = () => state.index === len - 1;
  const peek = state.peek = (n = 1) => input[state.index + n];
  const advance = state.advance = () => input[++state.index] || '';
  const remaining = () => input.slice(state.index + 1);
  const consume = (value = '', num = 0) => {
    state.consumed += value;
    state.index += num;
  };

  const append = token => {
    state.output += token.output != null ? token.output : token.value;
    consume(token.value);
  };

  const negate = () => {
    let count = 1;

    while (peek() === '!' && (peek(2) !== '(' || peek(3) === '?')) {
      advance();
      state.start++;
      count++;
    }

    if (count % 2 === 0) {
      return false;
    }

    state.negated = true;
    state.start++;
    return true;
  };

  const increment = type => {
    state[type]++;
    stack.push(type);
  };

  const decrement = type => {
    state[type]--;
    stack.pop();
  };

  /**
   * Push tokens onto the tokens array. This helper speeds up
   * tokenizing by 1) helping us avoid backtracking as much as possible,
   * and 2) helping us avoid creating extra tokens when consecutive
   * characters are plain text. This improves performance and simplifies
   * lookbehinds.
   */

  const push = tok => {
    if (prev.type === 'globstar') {
      const isBrace = state.braces > 0 && (tok.type === 'comma' || tok.type === 'brace');
      const isExtglob = tok.extglob === true || (extglobs.length && (tok.type === 'pipe' || tok.type === 'paren'));

      if (tok.type !== 'slash' && tok.type !== 'paren' && !isBrace && !isExtglob) {
        state.output = state.output.slice(0, -prev.output.length);
        prev.type = 'star';
        prev.value = '*';
        prev.output = star;
        state.output += prev.output;
      }
    }

    if (extglobs.length && tok.type !== 'paren') {
      extglobs[extglobs.length - 1].inner += tok.value;
    }

    if (tok.value || tok.output) append(tok);
    if (prev && prev.type === 'text' && tok.type === 'text') {
      prev.output = (prev.output || prev.value) + tok.value;
      prev.value += tok.value;
      return;
    }

    tok.prev = prev;
    tokens.push(tok);
    prev = tok;
  };

  const extglobOpen = (type, value) => {
    const token = { ...EXTGLOB_CHARS[value], conditions: 1, inner: '' };

    token.prev = prev;
    token.parens = state.parens;
    token.output = state.output;
    token.startIndex = state.index;
    token.tokensIndex = tokens.length;
    const output = (opts.capture ? '(' : '') + token.open;

    increment('parens');
    push({ type, value, output: state.output ? '' : ONE_CHAR });
    push({ type: 'paren', extglob: true, value: advance(), output });
    extglobs.push(token);
  };

  const extglobClose = token => {
    const literal = input.slice(token.startIndex, state.index + 1);
    const body = input.slice(token.startIndex + 2, state.index);
    const analysis = analyzeRepeatedExtglob(body, opts);

    if ((token.type === 'plus' || token.type === 'star') && analysis.risky) {
      const safeOutput = analysis.safeOutput
        ? (token.output ? '' : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput)
        : undefined;
      const open = tokens[token.tokensIndex];

      open.type = 'text';
      open.value = literal;
      open.output = safeOutput || utils.escapeRegex(literal);

      for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
        tokens[i].value = '';
        tokens[i].output = '';
        delete tokens[i].suffix;
      }

      state.output = token.output + open.output;
      state.backtrack = true;

      push({ type: 'paren', extglob: true, value, output: '' });
      decrement('parens');
      return;
    }

    let output = token.close + (opts.capture ? ')' : '');
    let rest;

    if (token.type === 'negate') {
      let extglobStar = star;

      if (token.inner && token.inner.length > 1 && token.inner.includes('/')) {
        extglobStar = globstar(opts);
      }

      if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
        output = token.close = `)$))${extglobStar}`;
      }

      if (token.inner.includes('*') && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
        // Any non-magical string (`.ts`) or even nested expression (`.{ts,tsx}`) can follow after the closing parenthesis.
        // In this case, we need to parse the string and use it in the output of the original pattern.
        // Suitable patterns: `/!(*.d).ts`, `/!(*.d).{ts,tsx}`, `**/!(*-dbg).@(js)`.
        //
        // Disabling the `fastpaths` option due to a problem with parsing strings as `.ts` in the pattern like `**/!(*.d).ts`.
        const expression = parse(rest, { ...options, fastpaths: false }).output;

        output = token.close = `)${expression})${extglobStar})`;
      }

      if (token.prev.type === 'bos') {
        state.negatedExtglob = true;
      }
    }

    push({ type: 'paren', extglob: true, value, output });
    decrement('parens');
  };

  /**
   * Fast paths
   */

  if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
    let backslashes = false;

    let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
      if (first === '\\') {
        backslashes = true;
        return m;
      }

      if (first === '?') {
        if (esc) {
          return esc + first + (rest ? QMARK.repeat(rest.length) : '');
        }
        if (index === 0) {
          return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : '');
        }
        return QMARK.repeat(chars.length);
      }

      if (first === '.') {
        return DOT_LITERAL.repeat(chars.length);
      }

      if (first === '*') {
        if (esc) {
          return esc + first + (rest ? star : '');
        }
        return star;
      }
      return esc ? m : `\\${m}`;
    });

    if (backslashes === true) {
      if (opts.unescape === true) {
        output = output.replace(/\\/g, '');
      } else {
        output = output.replace(/\\+/g, m => {
          return m.length % 2 === 0 ? '\\\\' : (m ? '\\' : '');
        });
      }
    }

    if (output === input && opts.contains === true) {
      state.output = input;
      return state;
    }

    state.output = utils.wrapOutput(output, state, options);
    return state;
  }

  /**
   * Tokenize input until we reach end-of-string
   */

  while (!eos()) {
    value = advance();

    if (value === '\u0000') {
      continue;
    }

    /**
     * Escaped characters
     */

    if (value === '\\') {
      const next = peek();

      if (next === '/' && opts.bash !== true) {
        continue;
      }

      if (next === '.' || next === ';') {
        continue;
      }

      if (!next) {
        value += '\\';
        push({ type: 'text', value });
        continue;
      }

      // collapse slashes to reduce potential for exploits
      const match = /^\\+/.exec(remaining());
      let slashes = 0;

      if (match && match[0].length > 2) {
        slashes = match[0].length;
        state.index += slashes;
        if (slashes % 2 !== 0) {
          value += '\\';
        }
      }

      if (opts.unescape === true) {
        value = advance();
      } else {
        value += advance();
      }

      if (state.brackets === 0) {
        push({ type: 'text', value });
        continue;
      }
    }

    /**
     * If we're inside a regex character class, continue
     * until we reach the closing bracket.
     */

    if (state.brackets > 0 && (value !== ']' || prev.value === '[' || prev.value === '[^')) {
      if (opts.posix !== false && value === ':') {
        const inner = prev.value.slice(1);
        if (inner.includes('[')) {
          prev.posix = true;

          if (inner.includes(':')) {
            const idx = prev.value.lastIndexOf('[');
            const pre = prev.value.slice(0, idx);
            const rest = prev.value.slice(idx + 2);
            const posix = POSIX_REGEX_SOURCE[rest];
            if (posix) {
              prev.value = pre + posix;
              state.backtrack = true;
              advance();

              if (!bos.output && tokens.indexOf(prev) === 1) {
                bos.output = ONE_CHAR;
              }
              continue;
            }
          }
        }
      }

      if ((value === '[' && peek() !== ':') || (value === '-' && peek() === ']')) {
        value = `\\${value}`;
      }

      if (value === ']' && (prev.value === '[' || prev.value === '[^')) {
        value = `\\${value}`;
      }

      if (opts.posix === true && value === '!' && prev.value === '[') {
        value = '^';
      }

      prev.value += value;
      append({ value });
      continue;
    }

    /**
     * If we're inside a quoted string, continue
     * until we reach the closing double quote.
     */

    if (state.quotes === 1 && value !== '"') {
      value = utils.escapeRegex(value);
      prev.value += value;
      append({ value });
      continue;
    }

    /**
     * Double quotes
     */

    if (value === '"') {
      state.quotes = state.quotes === 1 ? 0 : 1;
      if (opts.keepQuotes === true) {
        push({ type: 'text', value });
      }
      continue;
    }

    /**
     * Parentheses
     */

    if (value === '(') {
      increment('parens');
      push({ type: 'paren', value });
      continue;
    }

    if (value === ')') {
      if (state.parens === 0 && opts.strictBrackets === true) {
        throw new SyntaxError(syntaxError('opening', '('));
      }

      const extglob = extglobs[extglobs.length - 1];
      if (extglob && state.parens === extglob.parens + 1) {
        extglobClose(extglobs.pop());
        continue;
      }

      push({ type: 'paren', value, output: state.parens ? ')' : '\\)' });
      decrement('parens');
      continue;
    }

    /**
     * Square brackets
     */

    if (value === '[') {
      if (opts.nobracket === true || !remaining().includes(']')) {
        if (opts.nobracket !== true && opts.strictBrackets === true) {
          throw new SyntaxError(syntaxError('closing', ']'));
        }

        value = `\\${value}`;
      } else {
        increment('brackets');
      }

      push({ type: 'bracket', value });
      continue;
    }

    if (value === ']') {
      if (opts.nobracket === true || (prev && prev.type === 'bracket' && prev.value.length === 1)) {
        push({ type: 'text', value, output: `\\${value}` });
        continue;
      }

      if (state.brackets === 0) {
        if (opts.strictBrackets === true) {
          throw new SyntaxError(syntaxError('opening', '['));
        }

        push({ type: 'text', value, output: `\\${value}` });
        continue;
      }

      decrement('brackets');

      const prevValue = prev.value.slice(1);
      if (prev.posix !== true && prevValue[0] === '^' && !prevValue.includes('/')) {
        value = `/${value}`;
      }

      prev.value += value;
      append({ value });

      // when literal brackets are explicitly disabled
      // assume we should match with a regex character class
      if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
        continue;
      }

      const escaped = utils.escapeRegex(prev.value);
      state.output = state.output.slice(0, -prev.value.length);

      // when literal brackets are explicitly enabled
      // assume we should escape the brackets to match literal characters
      if (opts.literalBrackets === true) {
        state.output += escaped;
        prev.value = escaped;
        continue;
      }

      // when the user specifies nothing, try to match both
      prev.value = `(${capture}${escaped}|${prev.value})`;
      state.output += prev.value;
      continue;
    }

    /**
     * Braces
     */

    if (value === '{' && opts.nobrace !== true) {
      increment('braces');

      const open = {
        type: 'brace',
        value,
        output: '(',
        outputIndex: state.output.length,
        tokensIndex: state.tokens.length
      };

      braces.push(open);
      push(open);
      continue;
    }

    if (value === '}') {
      const brace = braces[braces.length - 1];

      if (opts.nobrace === true || !brace) {
        push({ type: 'text', value, output: value });
        continue;
      }

      let output = ')';

      if (brace.dots === true) {
        const arr = tokens.slice();
        const range = [];

        for (let i = arr.length - 1; i >= 0; i--) {
          tokens.pop();
          if (arr[i].type === 'brace') {
            break;
          }
          if (arr[i].type !== 'dots') {
            range.unshift(arr[i].value);
          }
        }

        output = expandRange(range, opts);
        state.backtrack = true;
      }

      if (brace.comma !== true && brace.dots !== true) {
        const out = state.output.slice(0, brace.outputIndex);
        const toks = state.tokens.slice(brace.tokensIndex);
        brace.value = brace.output = '\\{';
        value = output = '\\}';
        state.output = out;
        for (const t of toks) {
          state.output += (t.output || t.value);
        }
      }

      push({ type: 'brace', value, output });
      decrement('braces');
      braces.pop();
      continue;
    }

    /**
     * Pipes
     */

    if (value === '|') {
      if (extglobs.length > 0) {
        extglobs[extglobs.length - 1].conditions++;
      }
      push({ type: 'text', value });
      continue;
    }

    /**
     * Commas
     */

    if (value === ',') {
      let output = value;

      const brace = braces[braces.length - 1];
      if (brace && stack[stack.length - 1] === 'braces') {
        brace.comma = true;
        output = '|';
      }

      push({ type: 'comma', value, output });
      continue;
    }

    /**
     * Slashes
     */

    if (value === '/') {
      // if the beginning of the glob is "./", advance the start
      // to the current index, and don't add the "./" characters
      // to the state. This greatly simplifies lookbehinds when
      // checking for BOS characters like "!" and "." (not "./")
      if (prev.type === 'dot' && state.index === state.start + 1) {
        state.start = state.index + 1;
        state.consumed = '';
        state.output = '';
        tokens.pop();
        prev = bos; // reset "prev" to the first token
        continue;
      }

      push({ type: 'slash', value, output: SLASH_LITERAL });
      continue;
    }

    /**
     * Dots
     */

    if (value === '.') {
      if (state.braces > 0 && prev.type === 'dot') {
        if (prev.value === '.') prev.output = DOT_LITERAL;
        const brace = braces[braces.length - 1];
        prev.type = 'dots';
        prev.output += value;
        prev.value += value;
        brace.dots = true;
        continue;
      }

      if ((state.braces + state.parens) === 0 && prev.type !== 'bos' && prev.type !== 'slash') {
        push({ type: 'text', value, output: DOT_LITERAL });
        continue;
      }

      push({ type: 'dot', value, output: DOT_LITERAL });
      continue;
    }

    /**
     * Question marks
     */

    if (value === '?') {
      const isGroup = prev && prev.value === '(';
      if (!isGroup && opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        extglobOpen('qmark', value);
        continue;
      }

      if (prev && prev.type === 'paren') {
        const next = peek();
        let output = value;

        if ((prev.value === '(' && !/[!=<:]/.test(next)) || (next === '<' && !/<([!=]|\w+>)/.test(remaining()))) {
          output = `\\${value}`;
        }

        push({ type: 'text', value, output });
        continue;
      }

      if (opts.dot !== true && (prev.type === 'slash' || prev.type === 'bos')) {
        push({ type: 'qmark', value, output: QMARK_NO_DOT });
        continue;
      }

      push({ type: 'qmark', value, output: QMARK });
      continue;
    }

    /**
     * Exclamation
     */

    if (value === '!') {
      if (opts.noextglob !== true && peek() === '(') {
        if (peek(2) !== '?' || !/[!=<:]/.test(peek(3))) {
          extglobOpen('negate', value);
          continue;
        }
      }

      if (opts.nonegate !== true && state.index === 0) {
        negate();
        continue;
      }
    }

    /**
     * Plus
     */

    if (value === '+') {
      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        extglobOpen('plus', value);
        continue;
      }

      if ((prev && prev.value === '(') || opts.regex === false) {
        push({ type: 'plus', value, output: PLUS_LITERAL });
        continue;
      }

      if ((prev && (prev.type === 'bracket' || prev.type === 'paren' || prev.type === 'brace')) || state.parens > 0) {
        push({ type: 'plus', value });
        continue;
      }

      push({ type: 'plus', value: PLUS_LITERAL });
      continue;
    }

    /**
     * Plain text
     */

    if (value === '@') {
      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        push({ type: 'at', extglob: true, value, output: '' });
        continue;
      }

      push({ type: 'text', value });
      continue;
    }

    /**
     * Plain text
     */

    if (value !== '*') {
      if (value === '$' || value === '^') {
        value = `\\${value}`;
      }

      const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
      if (match) {
        value += match[0];
        state.index += match[0].length;
      }

      push({ type: 'text', value });
      continue;
    }

    /**
     * Stars
     */

    if (prev && (prev.type === 'globstar' || prev.star === true)) {
      prev.type = 'star';
      prev.star = true;
      prev.value += value;
      prev.output = star;
      state.backtrack = true;
      state.globstar = true;
      consume(value);
      continue;
    }

    let rest = remaining();
    if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
      extglobOpen('star', value);
      continue;
    }

    if (prev.type === 'star') {
      if (opts.noglobstar === true) {
        consume(value);
        continue;
      }

      const prior = prev.prev;
      const before = prior.prev;
      const isStart = prior.type === 'slash' || prior.type === 'bos';
      const afterStar = before && (before.type === 'star' || before.type === 'globstar');

      if (opts.bash === true && (!isStart || (rest[0] && rest[0] !== '/'))) {
        push({ type: 'star', value, output: '' });
        continue;
      }

      const isBrace = state.braces > 0 && (prior.type === 'comma' || prior.type === 'brace');
      const isExtglob = extglobs.length && (prior.type === 'pipe' || prior.type === 'paren');
      if (!isStart && prior.type !== 'paren' && !isBrace && !isExtglob) {
        push({ type: 'star', value, output: '' });
        continue;
      }

      // strip consecutive `/**/`
      while (rest.slice(0, 3) === '/**') {
        const after = input[state.index + 4];
        if (after && after !== '/') {
          break;
        }
        rest = rest.slice(3);
        consume('/**', 3);
      }

      // A globstar followed only by balanced closing parens is at the logical end of patterns like
      // `test(/utils/**)` and `test?(/utils/**)`. Treat it as EOS so the trailing `/**` can match its
      // parent path, except in negated extglobs where that would change the exclusion semantics.
      const isEnd = eos() || (
        state.parens > 0
        && rest === ')'.repeat(state.parens)
        && !extglobs.some(extglob => extglob.type === 'negate')
      );

      if (prior.type === 'bos' && eos()) {
        prev.type = 'globstar';
        prev.value += value;
        prev.output = globstar(opts);
        state.output = prev.output;
        state.globstar = true;
        consume(value);
        continue;
      }

      if (prior.type === 'slash' && prior.prev.type !== 'bos' && !afterStar && isEnd) {
        state.output = state.output.slice(0, -(prior.output + prev.output).length);
        prior.output = `(?:${prior.output}`;

        prev.type = 'globstar';
        prev.output = globstar(opts) + (opts.strictSlashes ? ')' : '|$)');
        prev.value += value;
        state.globstar = true;
        state.output += prior.output + prev.output;
        consume(value);
        continue;
      }

      if (prior.type === 'slash' && prior.prev.type !== 'bos' && rest[0] === '/') {
        const end = rest[1] !== void 0 ? '|$' : '';

        state.output = state.output.slice(0, -(prior.output + prev.output).length);
        prior.output = `(?:${prior.output}`;

        prev.type = 'globstar';
        prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
        prev.value += value;

        state.output += prior.output + prev.output;
        state.globstar = true;

        consume(value + advance());

        push({ type: 'slash', value: '/', output: '' });
        continue;
      }

      if (prior.type === 'bos' && rest[0] === '/') {
        prev.type = 'globstar';
        prev.value += value;
        prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
        state.output = prev.output;
        state.globstar = true;
        consume(value + advance());
        push({ type: 'slash', value: '/', output: '' });
        continue;
      }

      // remove single star from output
      state.output = state.output.slice(0, -prev.output.length);

      // reset previous token to globstar
      prev.type = 'globstar';
      prev.output = globstar(opts);
      prev.value += value;

      // reset output with globstar
      state.output += prev.output;
      state.globstar = true;
      consume(value);
      continue;
    }

    const token = { type: 'star', value, output: star };

    if (opts.bash === true) {
      token.output = '.*?';
      if (prev.type === 'bos' || prev.type === 'slash') {
        token.output = nodot + token.output;
      }
      push(token);
      continue;
    }

    if (prev && (prev.type === 'bracket' || prev.type === 'paren') && opts.regex === true) {
      token.output = value;
      push(token);
      continue;
    }

    if (state.index === state.start || prev.type === 'slash' || prev.type === 'dot') {
      if (prev.type === 'dot') {
        state.output += NO_DOT_SLASH;
        prev.output += NO_DOT_SLASH;

      } else if (opts.dot === true) {
        state.output += NO_DOTS_SLASH;
        prev.output += NO_DOTS_SLASH;

      } else {
        state.output += nodot;
        prev.output += nodot;
      }

      if (peek() !== '*') {
        state.output += ONE_CHAR;
        prev.output += ONE_CHAR;
      }
    }

    push(token);
  }

  while (state.brackets > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ']'));
    state.output = utils.escapeLast(state.output, '[');
    decrement('brackets');
  }

  while (state.parens > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ')'));
    state.output = utils.escapeLast(state.output, '(');
    decrement('parens');
  }

  while (state.braces > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', '}'));
    state.output = utils.escapeLast(state.output, '{');
    decrement('braces');
  }

  if (opts.strictSlashes !== true && (prev.type === 'star' || prev.type === 'bracket')) {
    push({ type: 'maybe_slash', value: '', output: `${SLASH_LITERAL}?` });
  }

  // rebuild the output if we had to backtrack at any point
  if (state.backtrack === true) {
    state.output = '';

    for (const token of state.tokens) {
      state.output += token.output != null ? token.output : token.value;

      if (token.suffix) {
        state.output += token.suffix;
      }
    }
  }

  return state;
};

/**
 * Fast paths for creating regular expressions for common glob patterns.
 * This can significantly speed up processing and has very little downside
 * impact when none of the fast paths match.
 */

parse.fastpaths = (input, options) => {
  const opts = { ...options };
  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
  const len = input.length;
  if (len > max) {
    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
  }

  input = REPLACEMENTS[input] || input;

  // create constants based on platform, for windows or posix
  const {
    DOT_LITERAL,
    SLASH_LITERAL,
    ONE_CHAR,
    DOTS_SLASH,
    NO_DOT,
    NO_DOTS,
    NO_DOTS_SLASH,
    STAR,
    START_ANCHOR
  } = constants.globChars(opts.windows);

  const nodot = opts.dot ? NO_DOTS : NO_DOT;
  const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
  const capture = opts.capture ? '' : '?:';
  const state = { negated: false, prefix: '' };
  let star = opts.bash === true ? '.*?' : STAR;

  if (opts.capture) {
    star = `(${star})`;
  }

  const globstar = opts => {
    if (opts.noglobstar === true) return star;
    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
  };

  const create = str => {
    switch (str) {
      case '*':
        return `${nodot}${ONE_CHAR}${star}`;

      case '.*':
        return `${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '*.*':
        return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '*/*':
        return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;

      case '**':
        return nodot + globstar(opts);

      case '**/*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;

      case '**/*.*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '**/.*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;

      default: {
        const match = /^(.*?)\.(\w+)$/.exec(str);
        if (!match) return;

        const source = create(match[1]);
        if (!source) return;

        return source + DOT_LITERAL + match[2];
      }
    }
  };

  const output = utils.removePrefix(input, state);
  let source = create(output);

  if (source && opts.strictSlashes !== true) {
    source += `${SLASH_LITERAL}?`;
  }

  return source;
};

module.exports = parse;


/***/ }),

/***/ 8016:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const scan = __nccwpck_require__(1781);
const parse = __nccwpck_require__(8265);
const utils = __nccwpck_require__(4059);
const constants = __nccwpck_require__(5595);
const isObject = val => val && typeof val === 'object' && !Array.isArray(val);

/**
 * Creates a matcher function from one or more glob patterns. The
 * returned function takes a string to match as its first argument,
 * and returns true if the string is a match. The returned matcher
 * function also takes a boolean as the second argument that, when true,
 * returns an object with additional information.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch(glob[, options]);
 *
 * const isMatch = picomatch('*.!(*a)');
 * console.log(isMatch('a.a')); //=> false
 * console.log(isMatch('a.b')); //=> true
 *
 * // For environments without `node.js`, `picomatch/posix` provides you a dependency-free matcher, without automatic OS detection.
 * const picomatch = require('picomatch/posix');
 * // the same API, defaulting to posix paths
 * const isMatch = picomatch('a/*');
 * console.log(isMatch('a\\b')); //=> false
 * console.log(isMatch('a/b')); //=> true
 *
 * // you can still configure the matcher function to accept windows paths
 * const isMatch = picomatch('a/*', { options: windows });
 * console.log(isMatch('a\\b')); //=> true
 * console.log(isMatch('a/b')); //=> true
 * ```
 * @name picomatch
 * @param {String|Array} `globs` One or more glob patterns.
 * @param {Object=} `options`
 * @return {Function=} Returns a matcher function.
 * @api public
 */

const picomatch = (glob, options, returnState = false) => {
  if (Array.isArray(glob)) {
    const fns = glob.map(input => picomatch(input, options, returnState));
    const arrayMatcher = str => {
      for (const isMatch of fns) {
        const state = isMatch(str);
        if (state) return state;
      }
      return false;
    };
    return arrayMatcher;
  }

  const isState = isObject(glob) && glob.tokens && glob.input;

  if (glob === '' || (typeof glob !== 'string' && !isState)) {
    throw new TypeError('Expected pattern to be a non-empty string');
  }

  const opts = options || {};
  const posix = opts.windows;
  const regex = isState
    ? picomatch.compileRe(glob, options)
    : picomatch.makeRe(glob, options, false, true);

  const state = regex.state;
  delete regex.state;

  let isIgnored = () => false;
  if (opts.ignore) {
    const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
    isIgnored = picomatch(opts.ignore, ignoreOpts, returnState);
  }

  const matcher = (input, returnObject = false) => {
    const { isMatch, match, output } = picomatch.test(input, regex, options, { glob, posix });
    const result = { glob, state, regex, posix, input, output, match, isMatch };

    if (typeof opts.onResult === 'function') {
      opts.onResult(result);
    }

    if (isMatch === false) {
      result.isMatch = false;
      return returnObject ? result : false;
    }

    if (isIgnored(input)) {
      if (typeof opts.onIgnore === 'function') {
        opts.onIgnore(result);
      }
      result.isMatch = false;
      return returnObject ? result : false;
    }

    if (typeof opts.onMatch === 'function') {
      opts.onMatch(result);
    }
    return returnObject ? result : true;
  };

  if (returnState) {
    matcher.state = state;
  }

  return matcher;
};

/**
 * Test `input` with the given `regex`. This is used by the main
 * `picomatch()` function to test the input string.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.test(input, regex[, options]);
 *
 * console.log(picomatch.test('foo/bar', /^(?:([^/]*?)\/([^/]*?))$/));
 * // { isMatch: true, match: [ 'foo/', 'foo', 'bar' ], output: 'foo/bar' }
 * ```
 * @param {String} `input` String to test.
 * @param {RegExp} `regex`
 * @return {Object} Returns an object with matching info.
 * @api public
 */

picomatch.test = (input, regex, options, { glob, posix } = {}) => {
  if (typeof input !== 'string') {
    throw new TypeError('Expected input to be a string');
  }

  if (input === '') {
    return { isMatch: false, output: '' };
  }

  const opts = options || {};
  const format = opts.format || (posix ? utils.toPosixSlashes : null);
  let match = input === glob;
  let output = (match && format) ? format(input) : input;

  if (match === false) {
    output = format ? format(input) : input;
    match = output === glob;
  }

  if (match === false || opts.capture === true) {
    if (opts.matchBase === true || opts.basename === true) {
      match = picomatch.matchBase(input, regex, options, posix);
    } else {
      match = regex.exec(output);
    }
  }

  return { isMatch: Boolean(match), match, output };
};

/**
 * Match the basename of a filepath.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.matchBase(input, glob[, options]);
 * console.log(picomatch.matchBase('foo/bar.js', '*.js'); // true
 * ```
 * @param {String} `input` String to test.
 * @param {RegExp|String} `glob` Glob pattern or regex created by [.makeRe](#makeRe).
 * @return {Boolean}
 * @api public
 */

picomatch.matchBase = (input, glob, options, posix = options && options.windows) => {
  const regex = glob instanceof RegExp ? glob : picomatch.makeRe(glob, options);
  return regex.test(utils.basename(input, { windows: posix }));
};

/**
 * Returns true if **any** of the given glob `patterns` match the specified `string`.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.isMatch(string, patterns[, options]);
 *
 * console.log(picomatch.isMatch('a.a', ['b.*', '*.a'])); //=> true
 * console.log(picomatch.isMatch('a.a', 'b.*')); //=> false
 * ```
 * @param {String|Array} str The string to test.
 * @param {String|Array} patterns One or more glob patterns to use for matching.
 * @param {Object} [options] See available [options](#options).
 * @return {Boolean} Returns true if any patterns match `str`
 * @api public
 */

picomatch.isMatch = (str, patterns, options) => picomatch(patterns, options)(str);

/**
 * Parse a glob pattern to create the source string for a regular
 * expression.
 *
 * ```js
 * const picomatch = require('picomatch');
 * const result = picomatch.parse(pattern[, options]);
 * ```
 * @param {String} `pattern`
 * @param {Object} `options`
 * @return {Object} Returns an object with useful properties and output to be used as a regex source string.
 * @api public
 */

picomatch.parse = (pattern, options) => {
  if (Array.isArray(pattern)) return pattern.map(p => picomatch.parse(p, options));
  return parse(pattern, { ...options, fastpaths: false });
};

/**
 * Scan a glob pattern to separate the pattern into segments.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.scan(input[, options]);
 *
 * const result = picomatch.scan('!./foo/*.js');
 * console.log(result);
 * { prefix: '!./',
 *   input: '!./foo/*.js',
 *   start: 3,
 *   base: 'foo',
 *   glob: '*.js',
 *   isBrace: false,
 *   isBracket: false,
 *   isGlob: true,
 *   isExtglob: false,
 *   isGlobstar: false,
 *   negated: true }
 * ```
 * @param {String} `input` Glob pattern to scan.
 * @param {Object} `options`
 * @return {Object} Returns an object with
 * @api public
 */

picomatch.scan = (input, options) => scan(input, options);

/**
 * Compile a regular expression from the `state` object returned by the
 * [parse()](#parse) method.
 *
 * ```js
 * const picomatch = require('picomatch');
 * const state = picomatch.parse('*.js');
 * // picomatch.compileRe(state[, options]);
 *
 * console.log(picomatch.compileRe(state));
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {Object} `state`
 * @param {Object} `options`
 * @param {Boolean} `returnOutput` Intended for implementors, this argument allows you to return the raw output from the parser.
 * @param {Boolean} `returnState` Adds the state to a `state` property on the returned regex. Useful for implementors and debugging.
 * @return {RegExp}
 * @api public
 */

picomatch.compileRe = (state, options, returnOutput = false, returnState = false) => {
  if (returnOutput === true) {
    return state.output;
  }

  const opts = options || {};
  const prepend = opts.contains ? '' : '^';
  const append = opts.contains ? '' : '$';

  let source = `${prepend}(?:${state.output})${append}`;
  if (state && state.negated === true) {
    source = `^(?!${source}).*$`;
  }

  const regex = picomatch.toRegex(source, options);
  if (returnState === true) {
    regex.state = state;
  }

  return regex;
};

/**
 * Create a regular expression from a parsed glob pattern.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.makeRe(state[, options]);
 *
 * const result = picomatch.makeRe('*.js');
 * console.log(result);
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {String} `state` The object returned from the `.parse` method.
 * @param {Object} `options`
 * @param {Boolean} `returnOutput` Implementors may use this argument to return the compiled output, instead of a regular expression. This is not exposed on the options to prevent end-users from mutating the result.
 * @param {Boolean} `returnState` Implementors may use this argument to return the state from the parsed glob with the returned regular expression.
 * @return {RegExp} Returns a regex created from the given pattern.
 * @api public
 */

picomatch.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
  if (!input || typeof input !== 'string') {
    throw new TypeError('Expected a non-empty string');
  }

  let parsed = { negated: false, fastpaths: true };

  if (options.fastpaths !== false && (input[0] === '.' || input[0] === '*')) {
    parsed.output = parse.fastpaths(input, options);
  }

  if (!parsed.output) {
    parsed = parse(input, options);
  }

  return picomatch.compileRe(parsed, options, returnOutput, returnState);
};

/**
 * Create a regular expression from the given regex source string.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.toRegex(source[, options]);
 *
 * const { output } = picomatch.parse('*.js');
 * console.log(picomatch.toRegex(output));
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {String} `source` Regular expression source string.
 * @param {Object} `options`
 * @return {RegExp}
 * @api public
 */

picomatch.toRegex = (source, options) => {
  try {
    const opts = options || {};
    return new RegExp(source, opts.flags || (opts.nocase ? 'i' : ''));
  } catch (err) {
    if (options && options.debug === true) throw err;
    return /$^/;
  }
};

/**
 * Picomatch constants.
 * @return {Object}
 */

picomatch.constants = constants;

/**
 * Expose "picomatch"
 */

module.exports = picomatch;


/***/ }),

/***/ 1781:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const utils = __nccwpck_require__(4059);
const {
  CHAR_ASTERISK,             /* * */
  CHAR_AT,                   /* @ */
  CHAR_BACKWARD_SLASH,       /* \ */
  CHAR_COMMA,                /* , */
  CHAR_DOT,                  /* . */
  CHAR_EXCLAMATION_MARK,     /* ! */
  CHAR_FORWARD_SLASH,        /* / */
  CHAR_LEFT_CURLY_BRACE,     /* { */
  CHAR_LEFT_PARENTHESES,     /* ( */
  CHAR_LEFT_SQUARE_BRACKET,  /* [ */
  CHAR_PLUS,                 /* + */
  CHAR_QUESTION_MARK,        /* ? */
  CHAR_RIGHT_CURLY_BRACE,    /* } */
  CHAR_RIGHT_PARENTHESES,    /* ) */
  CHAR_RIGHT_SQUARE_BRACKET  /* ] */
} = __nccwpck_require__(5595);

const isPathSeparator = code => {
  return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
};

const depth = token => {
  if (token.isPrefix !== true) {
    token.depth = token.isGlobstar ? Infinity : 1;
  }
};

/**
 * Quickly scans a glob pattern and returns an object with a handful of
 * useful properties, like `isGlob`, `path` (the leading non-glob, if it exists),
 * `glob` (the actual pattern), `negated` (true if the path starts with `!` but not
 * with `!(`) and `negatedExtglob` (true if the path starts with `!(`).
 *
 * ```js
 * const pm = require('picomatch');
 * console.log(pm.scan('foo/bar/*.js'));
 * { isGlob: true, input: 'foo/bar/*.js', base: 'foo/bar', glob: '*.js' }
 * ```
 * @param {String} `str`
 * @param {Object} `options`
 * @return {Object} Returns an object with tokens and regex source string.
 * @api public
 */

const scan = (input, options) => {
  const opts = options || {};

  const length = input.length - 1;
  const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
  const slashes = [];
  const tokens = [];
  const parts = [];

  let str = input;
  let index = -1;
  let start = 0;
  let lastIndex = 0;
  let isBrace = false;
  let isBracket = false;
  let isGlob = false;
  let isExtglob = false;
  let isGlobstar = false;
  let braceEscaped = false;
  let backslashes = false;
  let negated = false;
  let negatedExtglob = false;
  let finished = false;
  let braces = 0;
  let prev;
  let code;
  let token = { value: '', depth: 0, isGlob: false };

  const eos = () => index >= length;
  const peek = () => str.charCodeAt(index + 1);
  const advance = () => {
    prev = code;
    return str.charCodeAt(++index);
  };

  while (index < length) {
    code = advance();
    let next;

    if (code === CHAR_BACKWARD_SLASH) {
      backslashes = token.backslashes = true;
      code = advance();

      if (code === CHAR_LEFT_CURLY_BRACE) {
        braceEscaped = true;
      }
      continue;
    }

    if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
      braces++;

      while (eos() !== true && (code = advance())) {
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          advance();
          continue;
        }

        if (code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          continue;
        }

        if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
          isBrace = token.isBrace = true;
          isGlob = token.isGlob = true;
          finished = true;

          if (scanToEnd === true) {
            continue;
          }

          break;
        }

        if (braceEscaped !== true && code === CHAR_COMMA) {
          isBrace = token.isBrace = true;
          isGlob = token.isGlob = true;
          finished = true;

          if (scanToEnd === true) {
            continue;
          }

          break;
        }

        if (code === CHAR_RIGHT_CURLY_BRACE) {
          braces--;

          if (braces === 0) {
            braceEscaped = false;
            isBrace = token.isBrace = true;
            finished = true;
            break;
          }
        }
      }

      if (scanToEnd === true) {
        continue;
      }

      break;
    }

    if (code === CHAR_FORWARD_SLASH) {
      slashes.push(index);
      tokens.push(token);
      token = { value: '', depth: 0, isGlob: false };

      if (finished === true) continue;
      if (prev === CHAR_DOT && index === (start + 1)) {
        start += 2;
        continue;
      }

      lastIndex = index + 1;
      continue;
    }

    if (opts.noext !== true) {
      const isExtglobChar = code === CHAR_PLUS
        || code === CHAR_AT
        || code === CHAR_ASTERISK
        || code === CHAR_QUESTION_MARK
        || code === CHAR_EXCLAMATION_MARK;

      if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
        isGlob = token.isGlob = true;
        isExtglob = token.isExtglob = true;
        finished = true;
        if (code === CHAR_EXCLAMATION_MARK && index === start) {
          negatedExtglob = true;
        }

        if (scanToEnd === true) {
          let parens = 0;

          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }

            if (code === CHAR_LEFT_PARENTHESES) {
              parens++;
              continue;
            }

            if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
              finished = true;
              break;
            }
          }
          continue;
        }
        break;
      }
    }

    if (code === CHAR_ASTERISK) {
      if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
      isGlob = token.isGlob = true;
      finished = true;

      if (scanToEnd === true) {
        continue;
      }
      break;
    }

    if (code === CHAR_QUESTION_MARK) {
      isGlob = token.isGlob = true;
      finished = true;

      if (scanToEnd === true) {
        continue;
      }
      break;
    }

    if (code === CHAR_LEFT_SQUARE_BRACKET) {
      while (eos() !== true && (next = advance())) {
        if (next === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          advance();
          continue;
        }

        if (next === CHAR_RIGHT_SQUARE_BRACKET) {
          isBracket = token.isBracket = true;
          isGlob = token.isGlob = true;
          finished = true;
          break;
        }
      }

      if (scanToEnd === true) {
        continue;
      }

      break;
    }

    if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
      negated = token.negated = true;
      start++;
      continue;
    }

    if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
      isGlob = token.isGlob = true;

      if (scanToEnd === true) {
        let parens = 1;

        while (eos() !== true && (code = advance())) {
          if (code === CHAR_BACKWARD_SLASH) {
            backslashes = token.backslashes = true;
            advance();
            continue;
          }

          if (code === CHAR_LEFT_PARENTHESES) {
            parens++;
            continue;
          }

          if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
            finished = true;
            break;
          }
        }
        continue;
      }
      break;
    }

    if (isGlob === true) {
      finished = true;

      if (scanToEnd === true) {
        continue;
      }

      break;
    }
  }

  if (opts.noext === true) {
    isExtglob = false;
    isGlob = false;
  }

  let base = str;
  let prefix = '';
  let glob = '';

  if (start > 0) {
    prefix = str.slice(0, start);
    str = str.slice(start);
    lastIndex -= start;
  }

  if (base && isGlob === true && lastIndex > 0) {
    base = str.slice(0, lastIndex);
    glob = str.slice(lastIndex);
  } else if (isGlob === true) {
    base = '';
    glob = str;
  } else {
    base = str;
  }

  if (base && base !== '' && base !== '/' && base !== str) {
    if (isPathSeparator(base.charCodeAt(base.length - 1))) {
      base = base.slice(0, -1);
    }
  }

  if (opts.unescape === true) {
    if (glob) glob = utils.removeBackslashes(glob);

    if (base && backslashes === true) {
      base = utils.removeBackslashes(base);
    }
  }

  const state = {
    prefix,
    input,
    start,
    base,
    glob,
    isBrace,
    isBracket,
    isGlob,
    isExtglob,
    isGlobstar,
    negated,
    negatedExtglob
  };

  if (opts.tokens === true) {
    state.maxDepth = 0;
    if (!isPathSeparator(code)) {
      tokens.push(token);
    }
    state.tokens = tokens;
  }

  if (opts.parts === true || opts.tokens === true) {
    let prevIndex;

    for (let idx = 0; idx < slashes.length; idx++) {
      const n = prevIndex !== undefined ? prevIndex + 1 : start;
      const i = slashes[idx];
      const value = input.slice(n, i);
      if (opts.tokens) {
        if (idx === 0 && start !== 0) {
          tokens[idx].isPrefix = true;
          tokens[idx].value = prefix;
        } else {
          tokens[idx].value = value;
        }
        depth(tokens[idx]);
        state.maxDepth += tokens[idx].depth;
      }
      if (i >= start) {
        parts.push(value);
        prevIndex = i;
      }
    }

    const n = prevIndex !== undefined ? prevIndex + 1 : start;
    const value = input.slice(n);
    parts.push(value);

    if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
      tokens[tokens.length - 1].value = value;
      depth(tokens[tokens.length - 1]);
      state.maxDepth += tokens[tokens.length - 1].depth;
    }

    state.slashes = slashes;
    state.parts = parts;
  }

  return state;
};

module.exports = scan;


/***/ }),

/***/ 4059:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

/*global navigator*/


const {
  REGEX_BACKSLASH,
  REGEX_REMOVE_BACKSLASH,
  REGEX_SPECIAL_CHARS,
  REGEX_SPECIAL_CHARS_GLOBAL
} = __nccwpck_require__(5595);

exports.isObject = val => val !== null && typeof val === 'object' && !Array.isArray(val);
exports.hasRegexChars = str => REGEX_SPECIAL_CHARS.test(str);
exports.isRegexChar = str => str.length === 1 && exports.hasRegexChars(str);
exports.escapeRegex = str => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, '\\$1');
exports.toPosixSlashes = str => str.replace(REGEX_BACKSLASH, '/');

exports.isWindows = () => {
  if (typeof navigator !== 'undefined' && navigator.platform) {
    const platform = navigator.platform.toLowerCase();
    return platform === 'win32' || platform === 'windows';
  }

  if (typeof process !== 'undefined' && process.platform) {
    return process.platform === 'win32';
  }

  return false;
};

exports.removeBackslashes = str => {
  return str.replace(REGEX_REMOVE_BACKSLASH, match => {
    return match === '\\' ? '' : match;
  });
};

exports.escapeLast = (input, char, lastIdx) => {
  const idx = input.lastIndexOf(char, lastIdx);
  if (idx === -1) return input;
  if (input[idx - 1] === '\\') return exports.escapeLast(input, char, idx - 1);
  return `${input.slice(0, idx)}\\${input.slice(idx)}`;
};

exports.removePrefix = (input, state = {}) => {
  let output = input;
  if (output.startsWith('./')) {
    output = output.slice(2);
    state.prefix = './';
  }
  return output;
};

exports.wrapOutput = (input, state = {}, options = {}) => {
  const prepend = options.contains ? '' : '^';
  const append = options.contains ? '' : '$';

  let output = `${prepend}(?:${input})${append}`;
  if (state.negated === true) {
    output = `(?:^(?!${output}).*$)`;
  }
  return output;
};

exports.basename = (path, { windows } = {}) => {
  const segs = path.split(windows ? /[\\/]/ : '/');
  const last = segs[segs.length - 1];

  if (last === '') {
    return segs[segs.length - 2];
  }

  return last;
};


/***/ }),

/***/ 4248:
/***/ ((module) => {

// Adapted from https://github.com/brianloveswords/buffer-crc32/blob/v0.2.13/index.js
const CRC_TABLE = new Int32Array([
  0x00000000, 0x77073096, 0xee0e612c, 0x990951ba, 0x076dc419, 0x706af48f, 0xe963a535, 0x9e6495a3,
  0x0edb8832, 0x79dcb8a4, 0xe0d5e91e, 0x97d2d988, 0x09b64c2b, 0x7eb17cbd, 0xe7b82d07, 0x90bf1d91,
  0x1db71064, 0x6ab020f2, 0xf3b97148, 0x84be41de, 0x1adad47d, 0x6ddde4eb, 0xf4d4b551, 0x83d385c7,
  0x136c9856, 0x646ba8c0, 0xfd62f97a, 0x8a65c9ec, 0x14015c4f, 0x63066cd9, 0xfa0f3d63, 0x8d080df5,
  0x3b6e20c8, 0x4c69105e, 0xd56041e4, 0xa2677172, 0x3c03e4d1, 0x4b04d447, 0xd20d85fd, 0xa50ab56b,
  0x35b5a8fa, 0x42b2986c, 0xdbbbc9d6, 0xacbcf940, 0x32d86ce3, 0x45df5c75, 0xdcd60dcf, 0xabd13d59,
  0x26d930ac, 0x51de003a, 0xc8d75180, 0xbfd06116, 0x21b4f4b5, 0x56b3c423, 0xcfba9599, 0xb8bda50f,
  0x2802b89e, 0x5f058808, 0xc60cd9b2, 0xb10be924, 0x2f6f7c87, 0x58684c11, 0xc1611dab, 0xb6662d3d,
  0x76dc4190, 0x01db7106, 0x98d220bc, 0xefd5102a, 0x71b18589, 0x06b6b51f, 0x9fbfe4a5, 0xe8b8d433,
  0x7807c9a2, 0x0f00f934, 0x9609a88e, 0xe10e9818, 0x7f6a0dbb, 0x086d3d2d, 0x91646c97, 0xe6635c01,
  0x6b6b51f4, 0x1c6c6162, 0x856530d8, 0xf262004e, 0x6c0695ed, 0x1b01a57b, 0x8208f4c1, 0xf50fc457,
  0x65b0d9c6, 0x12b7e950, 0x8bbeb8ea, 0xfcb9887c, 0x62dd1ddf, 0x15da2d49, 0x8cd37cf3, 0xfbd44c65,
  0x4db26158, 0x3ab551ce, 0xa3bc0074, 0xd4bb30e2, 0x4adfa541, 0x3dd895d7, 0xa4d1c46d, 0xd3d6f4fb,
  0x4369e96a, 0x346ed9fc, 0xad678846, 0xda60b8d0, 0x44042d73, 0x33031de5, 0xaa0a4c5f, 0xdd0d7cc9,
  0x5005713c, 0x270241aa, 0xbe0b1010, 0xc90c2086, 0x5768b525, 0x206f85b3, 0xb966d409, 0xce61e49f,
  0x5edef90e, 0x29d9c998, 0xb0d09822, 0xc7d7a8b4, 0x59b33d17, 0x2eb40d81, 0xb7bd5c3b, 0xc0ba6cad,
  0xedb88320, 0x9abfb3b6, 0x03b6e20c, 0x74b1d29a, 0xead54739, 0x9dd277af, 0x04db2615, 0x73dc1683,
  0xe3630b12, 0x94643b84, 0x0d6d6a3e, 0x7a6a5aa8, 0xe40ecf0b, 0x9309ff9d, 0x0a00ae27, 0x7d079eb1,
  0xf00f9344, 0x8708a3d2, 0x1e01f268, 0x6906c2fe, 0xf762575d, 0x806567cb, 0x196c3671, 0x6e6b06e7,
  0xfed41b76, 0x89d32be0, 0x10da7a5a, 0x67dd4acc, 0xf9b9df6f, 0x8ebeeff9, 0x17b7be43, 0x60b08ed5,
  0xd6d6a3e8, 0xa1d1937e, 0x38d8c2c4, 0x4fdff252, 0xd1bb67f1, 0xa6bc5767, 0x3fb506dd, 0x48b2364b,
  0xd80d2bda, 0xaf0a1b4c, 0x36034af6, 0x41047a60, 0xdf60efc3, 0xa867df55, 0x316e8eef, 0x4669be79,
  0xcb61b38c, 0xbc66831a, 0x256fd2a0, 0x5268e236, 0xcc0c7795, 0xbb0b4703, 0x220216b9, 0x5505262f,
  0xc5ba3bbe, 0xb2bd0b28, 0x2bb45a92, 0x5cb36a04, 0xc2d7ffa7, 0xb5d0cf31, 0x2cd99e8b, 0x5bdeae1d,
  0x9b64c2b0, 0xec63f226, 0x756aa39c, 0x026d930a, 0x9c0906a9, 0xeb0e363f, 0x72076785, 0x05005713,
  0x95bf4a82, 0xe2b87a14, 0x7bb12bae, 0x0cb61b38, 0x92d28e9b, 0xe5d5be0d, 0x7cdcefb7, 0x0bdbdf21,
  0x86d3d2d4, 0xf1d4e242, 0x68ddb3f8, 0x1fda836e, 0x81be16cd, 0xf6b9265b, 0x6fb077e1, 0x18b74777,
  0x88085ae6, 0xff0f6a70, 0x66063bca, 0x11010b5c, 0x8f659eff, 0xf862ae69, 0x616bffd3, 0x166ccf45,
  0xa00ae278, 0xd70dd2ee, 0x4e048354, 0x3903b3c2, 0xa7672661, 0xd06016f7, 0x4969474d, 0x3e6e77db,
  0xaed16a4a, 0xd9d65adc, 0x40df0b66, 0x37d83bf0, 0xa9bcae53, 0xdebb9ec5, 0x47b2cf7f, 0x30b5ffe9,
  0xbdbdf21c, 0xcabac28a, 0x53b39330, 0x24b4a3a6, 0xbad03605, 0xcdd70693, 0x54de5729, 0x23d967bf,
  0xb3667a2e, 0xc4614ab8, 0x5d681b02, 0x2a6f2b94, 0xb40bbe37, 0xc30c8ea1, 0x5a05df1b, 0x2d02ef8d,
]);

function crc32(buf) {
  let crc = -1;
  for (let x of buf) {
    crc = CRC_TABLE[(crc ^ x) & 0xff] ^ (crc >>> 8);
  }
  return (crc ^ -1) >>> 0;
}

module.exports = crc32;


/***/ }),

/***/ 3502:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

// This was adapted from https://github.com/andrewrk/node-fd-slicer by Andrew Kelley under the MIT License.
var fs = __nccwpck_require__(9896);
var util = __nccwpck_require__(9023);
var stream = __nccwpck_require__(2203);
var Readable = stream.Readable;
var PassThrough = stream.PassThrough;
var Pend = __nccwpck_require__(3313);
var EventEmitter = (__nccwpck_require__(4434).EventEmitter);

exports.BufferSlicer = BufferSlicer;
exports.FdSlicer = FdSlicer;

util.inherits(FdSlicer, EventEmitter);
function FdSlicer(fd) {
  EventEmitter.call(this);

  this.fd = fd;
  this.pend = new Pend();
  this.pend.max = 1;
  this.refCount = 0;
}

FdSlicer.prototype.read = function(buffer, offset, length, position, callback) {
  var self = this;
  self.pend.go(function(cb) {
    fs.read(self.fd, buffer, offset, length, position, function(err, bytesRead, buffer) {
      cb();
      callback(err, bytesRead, buffer);
    });
  });
};

FdSlicer.prototype.createReadStream = function(options) {
  return new ReadStream(this, options);
};

FdSlicer.prototype.ref = function() {
  this.refCount += 1;
};

FdSlicer.prototype.unref = function() {
  var self = this;
  self.refCount -= 1;
  if (self.refCount < 0) throw new Error("invalid unref");
  if (self.refCount > 0) return;

  fs.close(self.fd, onCloseDone);

  function onCloseDone(err) {
    if (err) {
      self.emit('error', err);
    } else {
      self.emit('close');
    }
  }
};

util.inherits(ReadStream, Readable);
function ReadStream(context, options) {
  options = options || {};
  Readable.call(this, options);

  this.context = context;
  this.context.ref();

  this.start = options.start || 0;
  this.endOffset = options.end;
  this.pos = this.start;
}

ReadStream.prototype._read = function(n) {
  var self = this;

  var toRead = Math.min(self._readableState.highWaterMark, n);
  if (self.endOffset != null) {
    toRead = Math.min(toRead, self.endOffset - self.pos);
  }
  if (toRead <= 0) {
    self.push(null);
    this._cleanup();
    return;
  }
  self.context.pend.go(function(cb) {
    var buffer = Buffer.allocUnsafe(toRead);
    fs.read(self.context.fd, buffer, 0, toRead, self.pos, function(err, bytesRead) {
      if (err) {
        self.destroy(err);
      } else if (bytesRead === 0) {
        self.push(null);
        self._cleanup();
      } else {
        self.pos += bytesRead;
        self.push(buffer.slice(0, bytesRead));
      }
      cb();
    });
  });
};

ReadStream.prototype._destroy = function(err, cb) {
  // Node 14+ calls this automatically at EOF.
  this._cleanup();
  cb(err);
};

ReadStream.prototype._cleanup = function() {
  if (this.context != null) {
    this.context.unref();
    this.context = null;
  }
};

util.inherits(BufferSlicer, EventEmitter);
function BufferSlicer(buffer) {
  EventEmitter.call(this);

  this.refCount = 0;
  this.buffer = buffer;
}

BufferSlicer.prototype.read = function(buffer, offset, length, position, callback) {
  if (!(0 <= offset && offset <= buffer.length)) throw new RangeError("offset outside buffer: 0 <= " + offset + " <= " + buffer.length);
  if (position < 0) throw new RangeError("position is negative: " + position);
  if (offset + length > buffer.length) {
    // The caller's buffer can't hold all the bytes they're trying to read.
    // Clamp the length instead of giving an error.
    // The callback will be informed of fewer than expected bytes written.
    length = buffer.length - offset;
  }
  if (position + length > this.buffer.length) {
    // Clamp any attempt to read past the end of the source buffer.
    length = this.buffer.length - position;
  }
  if (length <= 0) {
    // After any clamping, we're fully out of bounds or otherwise have nothing to do.
    // This isn't an error; it's just zero bytes written.
    setImmediate(function() {
      callback(null, 0);
    });
    return;
  }
  this.buffer.copy(buffer, offset, position, position + length);
  setImmediate(function() {
    callback(null, length);
  });
};

BufferSlicer.prototype.createReadStream = function(options) {
  options = options || {};
  var readStream = new PassThrough(options);
  readStream.start = options.start || 0;
  readStream.endOffset = options.end;
  // by the time this function returns, we'll be done.
  readStream.pos = readStream.endOffset || this.buffer.length;

  var entireSlice = this.buffer.slice(readStream.start, readStream.pos);
  // Cut the buffer into smaller slices for better memory usage when streaming into a zlib inflate stream.
  // See https://github.com/thejoshwolfe/yauzl/issues/87
  var maxChunkSize = 0x10000;
  var offset = 0;
  while (true) {
    var nextOffset = offset + maxChunkSize;
    if (nextOffset >= entireSlice.length) {
      // last chunk
      if (offset < entireSlice.length) {
        readStream.write(entireSlice.slice(offset, entireSlice.length));
      }
      break;
    }
    readStream.write(entireSlice.slice(offset, nextOffset));
    offset = nextOffset;
  }

  readStream.end();
  return readStream;
};

BufferSlicer.prototype.ref = function() {
  this.refCount += 1;
};

BufferSlicer.prototype.unref = function() {
  this.refCount -= 1;

  if (this.refCount < 0) {
    throw new Error("invalid unref");
  }
};


/***/ }),

/***/ 663:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var fs = __nccwpck_require__(9896);
var zlib = __nccwpck_require__(3106);
var fd_slicer = __nccwpck_require__(3502);
var util = __nccwpck_require__(9023);
var EventEmitter = (__nccwpck_require__(4434).EventEmitter);
var Transform = (__nccwpck_require__(2203).Transform);
var PassThrough = (__nccwpck_require__(2203).PassThrough);
var Writable = (__nccwpck_require__(2203).Writable);

// Node 20 added zlib.crc32.
const crc32 = typeof zlib.crc32 === "function" ? zlib.crc32 : __nccwpck_require__(4248);

exports.open = open;
exports.fromFd = fromFd;
exports.fromBuffer = fromBuffer;
exports.fromRandomAccessReader = fromRandomAccessReader;
exports.openPromise = openPromise;
exports.fromFdPromise = fromFdPromise;
exports.fromBufferPromise = fromBufferPromise;
exports.fromRandomAccessReaderPromise = fromRandomAccessReaderPromise;

exports.dosDateTimeToDate = dosDateTimeToDate;
exports.getFileNameLowLevel = getFileNameLowLevel;
exports.validateFileName = validateFileName;
exports.parseExtraFields = parseExtraFields;
exports.ZipFile = ZipFile;
exports.Entry = Entry;
exports.LocalFileHeader = LocalFileHeader;
exports.RandomAccessReader = RandomAccessReader;

function openPromise(path, options) {
  return new Promise((resolve, reject) => {
    open(path, {...options, lazyEntries: true}, function(err, zipfile) {
      if (err) return reject(err);
      resolve(zipfile);
    });
  });
}
function fromFdPromise(fd, options) {
  return new Promise((resolve, reject) => {
    fromFd(fd, {...options, lazyEntries: true}, function(err, zipfile) {
      if (err) return reject(err);
      resolve(zipfile);
    });
  });
}
function fromBufferPromise(buffer, options) {
  return new Promise((resolve, reject) => {
    fromBuffer(buffer, {...options, lazyEntries: true}, function(err, zipfile) {
      if (err) return reject(err);
      resolve(zipfile);
    });
  });
}
function fromRandomAccessReaderPromise(reader, totalSize, options) {
  return new Promise((resolve, reject) => {
    fromRandomAccessReader(reader, totalSize, {...options, lazyEntries: true}, function(err, zipfile) {
      if (err) return reject(err);
      resolve(zipfile);
    });
  });
}

function open(path, options, callback) {
  if (typeof options === "function") {
    callback = options;
    options = null;
  }
  if (options == null) options = {};
  if (options.autoClose == null) options.autoClose = true;
  if (options.lazyEntries == null) options.lazyEntries = false;
  if (options.decodeStrings == null) options.decodeStrings = true;
  if (options.validateEntrySizes == null) options.validateEntrySizes = true;
  if (options.strictFileNames == null) options.strictFileNames = false;
  if (callback == null) callback = defaultCallback;
  fs.open(path, "r", function(err, fd) {
    if (err) return callback(err);
    fromFd(fd, options, function(err, zipfile) {
      if (err) fs.close(fd, defaultCallback);
      callback(err, zipfile);
    });
  });
}

function fromFd(fd, options, callback) {
  if (typeof options === "function") {
    callback = options;
    options = null;
  }
  if (options == null) options = {};
  if (options.autoClose == null) options.autoClose = false;
  if (options.lazyEntries == null) options.lazyEntries = false;
  if (options.decodeStrings == null) options.decodeStrings = true;
  if (options.validateEntrySizes == null) options.validateEntrySizes = true;
  if (options.strictFileNames == null) options.strictFileNames = false;
  if (callback == null) callback = defaultCallback;
  fs.fstat(fd, function(err, stats) {
    if (err) return callback(err);
    var reader = new fd_slicer.FdSlicer(fd);
    fromRandomAccessReader(reader, stats.size, options, callback);
  });
}

function fromBuffer(buffer, options, callback) {
  if (typeof options === "function") {
    callback = options;
    options = null;
  }
  if (options == null) options = {};
  options.autoClose = false;
  if (options.lazyEntries == null) options.lazyEntries = false;
  if (options.decodeStrings == null) options.decodeStrings = true;
  if (options.validateEntrySizes == null) options.validateEntrySizes = true;
  if (options.strictFileNames == null) options.strictFileNames = false;
  var reader = new fd_slicer.BufferSlicer(buffer);
  fromRandomAccessReader(reader, buffer.length, options, callback);
}

function fromRandomAccessReader(reader, totalSize, options, callback) {
  if (typeof options === "function") {
    callback = options;
    options = null;
  }
  if (options == null) options = {};
  if (options.autoClose == null) options.autoClose = true;
  if (options.lazyEntries == null) options.lazyEntries = false;
  if (options.decodeStrings == null) options.decodeStrings = true;
  var decodeStrings = !!options.decodeStrings;
  if (options.validateEntrySizes == null) options.validateEntrySizes = true;
  if (options.strictFileNames == null) options.strictFileNames = false;
  if (callback == null) callback = defaultCallback;
  if (typeof totalSize !== "number") throw new Error("expected totalSize parameter to be a number");
  if (totalSize > Number.MAX_SAFE_INTEGER) {
    throw new Error("zip file too large. only file sizes up to 2^52 are supported due to JavaScript's Number type being an IEEE 754 double.");
  }

  // the matching unref() call is in zipfile.close()
  reader.ref();

  // eocdr means End of Central Directory Record.
  // search backwards for the eocdr signature.
  // the last field of the eocdr is a variable-length comment.
  // the comment size is encoded in a 2-byte field in the eocdr, which we can't find without trudging backwards through the comment to find it.
  // as a consequence of this design decision, it's possible to have ambiguous zip file metadata if a coherent eocdr was in the comment.
  // we search backwards for a eocdr signature, and hope that whoever made the zip file was smart enough to forbid the eocdr signature in the comment.
  var eocdrWithoutCommentSize = 22;
  var zip64EocdlSize = 20; // Zip64 end of central directory locator
  var maxCommentSize = 0xffff; // 2-byte size
  var bufferSize = Math.min(zip64EocdlSize + eocdrWithoutCommentSize + maxCommentSize, totalSize);
  var buffer = newBuffer(bufferSize);
  var bufferReadStart = totalSize - buffer.length;
  readAndAssertNoEof(reader, buffer, 0, bufferSize, bufferReadStart, function(err) {
    if (err) return callback(err);
    for (var i = bufferSize - eocdrWithoutCommentSize; i >= 0; i -= 1) {
      if (buffer.readUInt32LE(i) !== 0x06054b50) continue;
      // found eocdr
      var eocdrBuffer = buffer.subarray(i);

      // 0 - End of central directory signature = 0x06054b50
      // 4 - Number of this disk
      var diskNumber = eocdrBuffer.readUInt16LE(4);
      // 6 - Disk where central directory starts
      // 8 - Number of central directory records on this disk
      // 10 - Total number of central directory records
      var entryCount = eocdrBuffer.readUInt16LE(10);
      // 12 - Size of central directory (bytes)
      // 16 - Offset of start of central directory, relative to start of archive
      var centralDirectoryOffset = eocdrBuffer.readUInt32LE(16);
      // 20 - Comment length
      var commentLength = eocdrBuffer.readUInt16LE(20);
      var expectedCommentLength = eocdrBuffer.length - eocdrWithoutCommentSize;
      if (commentLength !== expectedCommentLength) {
        return callback(new Error("Invalid comment length. Expected: " + expectedCommentLength + ". Found: " + commentLength + ". Are there extra bytes at the end of the file? Or is the end of central dir signature `PK☺☻` in the comment?"));
      }
      // 22 - Comment
      // the encoding is always cp437.
      var comment = decodeStrings ? decodeBuffer(eocdrBuffer.subarray(22), false)
                                  : eocdrBuffer.subarray(22);

      // Look for a Zip64 end of central directory locator
      if (i - zip64EocdlSize >= 0 && buffer.readUInt32LE(i - zip64EocdlSize) === 0x07064b50) {
        // ZIP64 format
        var zip64EocdlBuffer = buffer.subarray(i - zip64EocdlSize, i - zip64EocdlSize + zip64EocdlSize);
        // 0 - zip64 end of central dir locator signature = 0x07064b50
        // 4 - number of the disk with the start of the zip64 end of central directory
        // 8 - relative offset of the zip64 end of central directory record
        var zip64EocdrOffset = readUInt64LE(zip64EocdlBuffer, 8);
        // 16 - total number of disks

        // ZIP64 end of central directory record
        var zip64EocdrBuffer = newBuffer(56);
        return readAndAssertNoEof(reader, zip64EocdrBuffer, 0, zip64EocdrBuffer.length, zip64EocdrOffset, function(err) {
          if (err) return callback(err);

          // 0 - zip64 end of central dir signature                           4 bytes  (0x06064b50)
          if (zip64EocdrBuffer.readUInt32LE(0) !== 0x06064b50) {
            return callback(new Error("invalid zip64 end of central directory record signature"));
          }
          // 4 - size of zip64 end of central directory record                8 bytes
          // 12 - version made by                                             2 bytes
          // 14 - version needed to extract                                   2 bytes
          // 16 - number of this disk                                         4 bytes
          diskNumber = zip64EocdrBuffer.readUInt32LE(16);
          if (diskNumber !== 0) {
            // Check this only after zip64 overrides. See #118.
            return callback(new Error("multi-disk zip files are not supported: found disk number: " + diskNumber));
          }
          // 20 - number of the disk with the start of the central directory  4 bytes
          // 24 - total number of entries in the central directory on this disk         8 bytes
          // 32 - total number of entries in the central directory            8 bytes
          entryCount = readUInt64LE(zip64EocdrBuffer, 32);
          // 40 - size of the central directory                               8 bytes
          // 48 - offset of start of central directory with respect to the starting disk number     8 bytes
          centralDirectoryOffset = readUInt64LE(zip64EocdrBuffer, 48);
          // 56 - zip64 extensible data sector                                (variable size)
          return callback(null, new ZipFile(reader, centralDirectoryOffset, totalSize, entryCount, comment, options.autoClose, options.lazyEntries, decodeStrings, options.validateEntrySizes, options.strictFileNames));
        });
      }

      // Not ZIP64 format
      if (diskNumber !== 0) {
        return callback(new Error("multi-disk zip files are not supported: found disk number: " + diskNumber));
      }
      return callback(null, new ZipFile(reader, centralDirectoryOffset, totalSize, entryCount, comment, options.autoClose, options.lazyEntries, decodeStrings, options.validateEntrySizes, options.strictFileNames));

    }

    // Not a zip file.
    callback(new Error("End of central directory record signature not found. Either not a zip file, or file is truncated."));
  });
}

util.inherits(ZipFile, EventEmitter);
function ZipFile(reader, centralDirectoryOffset, fileSize, entryCount, comment, autoClose, lazyEntries, decodeStrings, validateEntrySizes, strictFileNames) {
  var self = this;
  EventEmitter.call(self);
  self.reader = reader;
  // forward close events
  self.reader.on("error", function(err) {
    // error closing the fd
    emitError(self, err);
  });
  self.reader.once("close", function() {
    self.emit("close");
  });
  self.readEntryCursor = centralDirectoryOffset;
  self.fileSize = fileSize;
  self.entryCount = entryCount;
  self.comment = comment;
  self.entriesRead = 0;
  self.autoClose = !!autoClose;
  self.lazyEntries = !!lazyEntries;
  self.decodeStrings = !!decodeStrings;
  self.validateEntrySizes = !!validateEntrySizes;
  self.strictFileNames = !!strictFileNames;
  self.isOpen = true;
  self.emittedError = false;
  self.hasEachEntryBeenCalled = false;

  if (!self.lazyEntries) self._readEntry();
}
ZipFile.prototype.close = function() {
  if (!this.isOpen) return;
  this.isOpen = false;
  this.reader.unref();
};

function emitErrorAndAutoClose(self, err) {
  if (self.autoClose) self.close();
  emitError(self, err);
}
function emitError(self, err) {
  if (self.emittedError) return;
  self.emittedError = true;
  self.emit("error", err);
}

ZipFile.prototype.readEntry = function() {
  if (!this.lazyEntries) throw new Error("readEntry() called without lazyEntries:true");
  this._readEntry();
};
ZipFile.prototype._readEntry = function() {
  var self = this;
  if (self.entryCount === self.entriesRead) {
    // done with metadata
    setImmediate(function() {
      if (self.autoClose) self.close();
      if (self.emittedError) return;
      self.emit("end");
    });
    return;
  }
  if (self.emittedError) return;
  var buffer = newBuffer(46);
  readAndAssertNoEof(self.reader, buffer, 0, buffer.length, self.readEntryCursor, function(err) {
    if (err) return emitErrorAndAutoClose(self, err);
    if (self.emittedError) return;
    var entry = new Entry();
    // 0 - Central directory file header signature
    var signature = buffer.readUInt32LE(0);
    if (signature !== 0x02014b50) return emitErrorAndAutoClose(self, new Error("invalid central directory file header signature: 0x" + signature.toString(16)));
    // 4 - Version made by
    entry.versionMadeBy = buffer.readUInt16LE(4);
    // 6 - Version needed to extract (minimum)
    entry.versionNeededToExtract = buffer.readUInt16LE(6);
    // 8 - General purpose bit flag
    entry.generalPurposeBitFlag = buffer.readUInt16LE(8);
    // 10 - Compression method
    entry.compressionMethod = buffer.readUInt16LE(10);
    // 12 - File last modification time
    entry.lastModFileTime = buffer.readUInt16LE(12);
    // 14 - File last modification date
    entry.lastModFileDate = buffer.readUInt16LE(14);
    // 16 - CRC-32
    entry.crc32 = buffer.readUInt32LE(16);
    // 20 - Compressed size
    entry.compressedSize = buffer.readUInt32LE(20);
    // 24 - Uncompressed size
    entry.uncompressedSize = buffer.readUInt32LE(24);
    // 28 - File name length (n)
    entry.fileNameLength = buffer.readUInt16LE(28);
    // 30 - Extra field length (m)
    entry.extraFieldLength = buffer.readUInt16LE(30);
    // 32 - File comment length (k)
    entry.fileCommentLength = buffer.readUInt16LE(32);
    // 34 - Disk number where file starts
    // 36 - Internal file attributes
    entry.internalFileAttributes = buffer.readUInt16LE(36);
    // 38 - External file attributes
    entry.externalFileAttributes = buffer.readUInt32LE(38);
    // 42 - Relative offset of local file header
    entry.relativeOffsetOfLocalHeader = buffer.readUInt32LE(42);

    if (entry.generalPurposeBitFlag & 0x40) return emitErrorAndAutoClose(self, new Error("strong encryption is not supported"));

    self.readEntryCursor += 46;

    buffer = newBuffer(entry.fileNameLength + entry.extraFieldLength + entry.fileCommentLength);
    readAndAssertNoEof(self.reader, buffer, 0, buffer.length, self.readEntryCursor, function(err) {
      if (err) return emitErrorAndAutoClose(self, err);
      if (self.emittedError) return;
      // 46 - File name
      entry.fileNameRaw = buffer.subarray(0, entry.fileNameLength);
      // 46+n - Extra field
      var fileCommentStart = entry.fileNameLength + entry.extraFieldLength;
      entry.extraFieldRaw = buffer.subarray(entry.fileNameLength, fileCommentStart);
      // 46+n+m - File comment
      entry.fileCommentRaw = buffer.subarray(fileCommentStart, fileCommentStart + entry.fileCommentLength);

      // Parse the extra fields, which we need for processing other fields.
      try {
        entry.extraFields = parseExtraFields(entry.extraFieldRaw);
      } catch (err) {
        return emitErrorAndAutoClose(self, err);
      }

      // Interpret strings according to bit flags, extra fields, and options.
      if (self.decodeStrings) {
        var isUtf8 = (entry.generalPurposeBitFlag & 0x800) !== 0;
        entry.fileComment = decodeBuffer(entry.fileCommentRaw, isUtf8);
        entry.fileName = getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, self.strictFileNames);
        var errorMessage = validateFileName(entry.fileName);
        if (errorMessage != null) return emitErrorAndAutoClose(self, new Error(errorMessage));
      } else {
        entry.fileComment = entry.fileCommentRaw;
        entry.fileName = entry.fileNameRaw;
      }
      // Maintain API compatibility. See https://github.com/thejoshwolfe/yauzl/issues/47
      entry.comment = entry.fileComment;

      self.readEntryCursor += buffer.length;
      self.entriesRead += 1;

      // Check for the Zip64 Extended Information Extra Field.
      for (var i = 0; i < entry.extraFields.length; i++) {
        var extraField = entry.extraFields[i];
        if (extraField.id !== 0x0001) continue;
        // Found it.

        var zip64EiefBuffer = extraField.data;
        var index = 0;
        // 0 - Original Size          8 bytes
        if (entry.uncompressedSize === 0xffffffff) {
          if (index + 8 > zip64EiefBuffer.length) {
            return emitErrorAndAutoClose(self, new Error("zip64 extended information extra field does not include uncompressed size"));
          }
          entry.uncompressedSize = readUInt64LE(zip64EiefBuffer, index);
          index += 8;
        }
        // 8 - Compressed Size        8 bytes
        if (entry.compressedSize === 0xffffffff) {
          if (index + 8 > zip64EiefBuffer.length) {
            return emitErrorAndAutoClose(self, new Error("zip64 extended information extra field does not include compressed size"));
          }
          entry.compressedSize = readUInt64LE(zip64EiefBuffer, index);
          index += 8;
        }
        // 16 - Relative Header Offset 8 bytes
        if (entry.relativeOffsetOfLocalHeader === 0xffffffff) {
          if (index + 8 > zip64EiefBuffer.length) {
            return emitErrorAndAutoClose(self, new Error("zip64 extended information extra field does not include relative header offset"));
          }
          entry.relativeOffsetOfLocalHeader = readUInt64LE(zip64EiefBuffer, index);
          index += 8;
        }
        // 24 - Disk Start Number      4 bytes

        break;
      }

      // validate file size
      if (self.validateEntrySizes && entry.compressionMethod === 0) {
        var expectedCompressedSize = entry.uncompressedSize;
        if (entry.isEncrypted()) {
          // traditional encryption prefixes the file data with a header
          expectedCompressedSize += 12;
        }
        if (entry.compressedSize !== expectedCompressedSize) {
          var msg = "compressed/uncompressed size mismatch for stored file: " + entry.compressedSize + " != " + entry.uncompressedSize;
          return emitErrorAndAutoClose(self, new Error(msg));
        }
      }

      self.emit("entry", entry);

      if (!self.lazyEntries) self._readEntry();
    });
  });
};

ZipFile.prototype.eachEntry = function() {
  const self = this;
  if (!self.lazyEntries) throw new Error("eachEntry() requires lazyEntries: true");
  if (self.hasEachEntryBeenCalled) throw new Error("eachEntry() must only be called once per ZipFile");
  self.hasEachEntryBeenCalled = true;

  let pendingResolveReject = null;
  self.on("entry", onEntry);
  self.on("end", onEnd);
  self.on("error", onError);
  function cleanup() {
    self.removeListener("entry", onEntry);
    self.removeListener("end", onEnd);
    self.removeListener("error", onError);
    if (self.autoClose) self.close();
  }

  function onEntry(entry) {
    let {resolve} = pendingResolveReject;
    pendingResolveReject = null;
    resolve({value: entry});
  }
  function onEnd() {
    let {resolve} = pendingResolveReject;
    pendingResolveReject = null;
    cleanup();
    resolve({done: true});
  }
  function onError(err) {
    let {reject} = pendingResolveReject;
    pendingResolveReject = null;
    cleanup();
    reject(err);
  }

  return {
    [Symbol.asyncIterator]() {
      // Called once by `for await...of`.
      return this;
    },
    next() {
      // Called on each iteration in a `for await...of`.
      const promise = new Promise((resolve, reject) => {
        if (pendingResolveReject != null) throw new Error("next() called before previous Promise was resolved.");
        pendingResolveReject = {resolve, reject};
      });
      self.readEntry();
      return promise;
    },
    return(value) {
      // Called when breaking, returning, throwing out of a `for await...of`.
      cleanup();
      return Promise.resolve({done: true, value});
    },
    throw(value) {
      // Almost never called. Something about `yield*` maybe?
      cleanup();
      return Promise.reject(value);
    },
  };
};

ZipFile.prototype.openReadStream = function(entry, options, callback) {
  var self = this;
  // parameter validation
  var relativeStart = 0;
  var relativeEnd = entry.compressedSize;
  if (callback == null) {
    callback = options;
    options = null;
  }
  if (options == null) {
    options = {};
  } else {
    if (options.decodeFileData === false) {
      // new, simple option
      if (options.decrypt != null) {
        throw new Error("cannot use options.decrypt when options.decodeFileData === false");
      }
      if (options.decompress != null) {
        throw new Error("cannot use options.decompress when options.decodeFileData === false");
      }
      // start and end are allowed
    } else {
      // old, complicated options
      if (options.decrypt != null) {
        if (!entry.isEncrypted()) {
          throw new Error("options.decrypt can only be specified for encrypted entries. See also option decodeFileData.");
        }
        if (options.decrypt !== false) throw new Error("invalid options.decrypt value: " + options.decrypt);
        if (entry.isCompressed()) {
          if (options.decompress !== false) throw new Error("entry is encrypted and compressed, and options.decompress !== false. See also option decodeFileData.");
        }
      }
      if (options.decompress != null) {
        if (!entry.isCompressed()) {
          throw new Error("options.decompress can only be specified for compressed entries. See also option decodeFileData.");
        }
        if (!(options.decompress === false || options.decompress === true)) {
          throw new Error("invalid options.decompress value: " + options.decompress);
        }
        decompress = options.decompress;
      }
    }
    if (options.start != null) {
      relativeStart = options.start;
      if (relativeStart < 0) throw new Error("options.start < 0");
      if (relativeStart > entry.compressedSize) throw new Error("options.start > entry.compressedSize");
    }
    if (options.end != null) {
      relativeEnd = options.end;
      if (relativeEnd < 0) throw new Error("options.end < 0");
      if (relativeEnd > entry.compressedSize) throw new Error("options.end > entry.compressedSize");
      if (relativeEnd < relativeStart) throw new Error("options.end < options.start");
    }
  }
  var rawMode = (
    options.decodeFileData === false || // Explicitly requested raw.
    (
      (entry.compressionMethod === 0 || // Naturally without compression.
        (entry.compressionMethod === 8 && options.decompress === false) // Deprecated compression bypass option.
      ) &&
      (!entry.isEncrypted() || // Naturally without encryption.
        options.decrypt === false // Deprecated encryption bypass option.
      )
    )
  );
  if (options.start != null || options.end != null) {
    // Ensure slicing deals with raw data.
    if (!rawMode) throw new Error("start/end range require options.decodeFileData === false for non-trivial encoded entries.");
  }

  // any further errors can either be caused by the zipfile,
  // or were introduced in a minor version of yauzl,
  // so should be passed to the client rather than thrown.
  if (!self.isOpen) return callback(new Error("closed"));
  if (entry.isEncrypted() && !rawMode) {
    if (options.decrypt !== false) return callback(new Error("entry is encrypted, and options.decodeFileData !== false"));
  }
  var decompress;
  if (rawMode) {
    decompress = false;
  } else if (entry.compressionMethod === 8) {
    // 8 - The file is Deflated
    decompress = options.decodeFileData !== true;
  } else {
    return callback(new Error("unsupported compression method: " + entry.compressionMethod));
  }

  self.readLocalFileHeader(entry, {minimal: true}, function(err, localFileHeader) {
    if (err) return callback(err);
    self.openReadStreamLowLevel(
      localFileHeader.fileDataStart, entry.compressedSize,
      relativeStart, relativeEnd,
      decompress, entry.uncompressedSize,
      callback);
  });
};

ZipFile.prototype.openReadStreamLowLevel = function(fileDataStart, compressedSize, relativeStart, relativeEnd, decompress, uncompressedSize, callback) {
  var self = this;

  var fileDataEnd = fileDataStart + compressedSize;
  var readStream = self.reader.createReadStream({
    start: fileDataStart + relativeStart,
    end: fileDataStart + relativeEnd,
  });
  var endpointStream = readStream;
  if (decompress) {
    var destroyed = false;
    var inflateFilter = zlib.createInflateRaw();
    readStream.on("error", function(err) {
      // setImmediate here because errors can be emitted during the first call to pipe()
      setImmediate(function() {
        if (!destroyed) inflateFilter.emit("error", err);
      });
    });
    readStream.pipe(inflateFilter);

    if (self.validateEntrySizes) {
      endpointStream = new AssertByteCountStream(uncompressedSize);
      inflateFilter.on("error", function(err) {
        // forward zlib errors to the client-visible stream
        setImmediate(function() {
          if (!destroyed) endpointStream.emit("error", err);
        });
      });
      inflateFilter.pipe(endpointStream);
    } else {
      // the zlib filter is the client-visible stream
      endpointStream = inflateFilter;
    }
    // this is part of yauzl's API, so implement this function on the client-visible stream
    installDestroyFn(endpointStream, function() {
      destroyed = true;
      if (inflateFilter !== endpointStream) inflateFilter.unpipe(endpointStream);
      readStream.unpipe(inflateFilter);
      // TODO: the inflateFilter may cause a memory leak. see Issue #27.
      readStream.destroy();
    });
  }
  callback(null, endpointStream);
};

ZipFile.prototype.readLocalFileHeader = function(entry, options, callback) {
  var self = this;
  if (callback == null) {
    callback = options;
    options = null;
  }
  if (options == null) options = {};

  self.reader.ref();
  var buffer = newBuffer(30);
  readAndAssertNoEof(self.reader, buffer, 0, buffer.length, entry.relativeOffsetOfLocalHeader, function(err) {
    try {
      if (err) return callback(err);
      // 0 - Local file header signature = 0x04034b50
      var signature = buffer.readUInt32LE(0);
      if (signature !== 0x04034b50) {
        return callback(new Error("invalid local file header signature: 0x" + signature.toString(16)));
      }

      var fileNameLength = buffer.readUInt16LE(26);
      var extraFieldLength = buffer.readUInt16LE(28);
      var fileDataStart = entry.relativeOffsetOfLocalHeader + 30 + fileNameLength + extraFieldLength;
      // We now have enough information to do this bounds check.
      if (fileDataStart + entry.compressedSize > self.fileSize) {
        return callback(new Error("file data overflows file bounds: " +
            fileDataStart + " + " + entry.compressedSize + " > " + self.fileSize));
      }

      if (options.minimal) {
        return callback(null, {fileDataStart: fileDataStart});
      }

      var localFileHeader = new LocalFileHeader();
      localFileHeader.fileDataStart = fileDataStart;

      // 4 - Version needed to extract (minimum)
      localFileHeader.versionNeededToExtract = buffer.readUInt16LE(4);
      // 6 - General purpose bit flag
      localFileHeader.generalPurposeBitFlag = buffer.readUInt16LE(6);
      // 8 - Compression method
      localFileHeader.compressionMethod = buffer.readUInt16LE(8);
      // 10 - File last modification time
      localFileHeader.lastModFileTime = buffer.readUInt16LE(10);
      // 12 - File last modification date
      localFileHeader.lastModFileDate = buffer.readUInt16LE(12);
      // 14 - CRC-32
      localFileHeader.crc32 = buffer.readUInt32LE(14);
      // 18 - Compressed size
      localFileHeader.compressedSize = buffer.readUInt32LE(18);
      // 22 - Uncompressed size
      localFileHeader.uncompressedSize = buffer.readUInt32LE(22);
      // 26 - File name length (n)
      localFileHeader.fileNameLength = fileNameLength;
      // 28 - Extra field length (m)
      localFileHeader.extraFieldLength = extraFieldLength;
      // 30 - File name
      // 30+n - Extra field

      buffer = newBuffer(fileNameLength + extraFieldLength);
      self.reader.ref();
      readAndAssertNoEof(self.reader, buffer, 0, buffer.length, entry.relativeOffsetOfLocalHeader + 30, function(err) {
        try {
          if (err) return callback(err);
          localFileHeader.fileName = buffer.subarray(0, fileNameLength);
          localFileHeader.extraField = buffer.subarray(fileNameLength);
          return callback(null, localFileHeader);
        } finally {
          self.reader.unref();
        }
      });
    } finally {
      self.reader.unref();
    }
  });
};

ZipFile.prototype.openReadStreamPromise = function(entry, options) {
  return new Promise((resolve, reject) => {
    this.openReadStream(entry, options, function(err, readStream) {
      if (err) return reject(err);
      resolve(readStream);
    });
  });
};
ZipFile.prototype.openReadStreamLowLevelPromise = function(fileDataStart, compressedSize, relativeStart, relativeEnd, decompress, uncompressedSize) {
  return new Promise((resolve, reject) => {
    this.openReadStream(fileDataStart, compressedSize, relativeStart, relativeEnd, decompress, uncompressedSize, function(err, readStream) {
      if (err) return reject(err);
      resolve(readStream);
    });
  });
};
ZipFile.prototype.readLocalFileHeaderPromise = function(entry, options) {
  return new Promise((resolve, reject) => {
    this.readLocalFileHeader(entry, options, function(err, localFileHeader) {
      if (err) return reject(err);
      resolve(localFileHeader);
    });
  });
};

function Entry() {
}
Entry.prototype.getLastModDate = function(options) {
  if (options == null) options = {};

  if (!options.forceDosFormat) {
    // Check extended fields.
    for (var i = 0; i < this.extraFields.length; i++) {
      var extraField = this.extraFields[i];
      if (extraField.id === 0x5455) {
        // Info-ZIP "universal timestamp" extended field (`0x5455` aka `"UT"`).
        // See the Info-ZIP source code unix/unix.c:set_extra_field() and zipfile.c:ef_scan_ut_time().
        var data = extraField.data;
        if (data.length < 5) continue; // Too short.
        // The flags define which of the three fields are present: mtime, atime, ctime.
        // We only care about mtime.
        // Also, ctime is never included in practice.
        // And also, atime is only included in the local file header for some reason
        // despite the flags lying about its inclusion in the central header.
        var flags = data[0];
        var HAS_MTIME = 1;
        if (!(flags & HAS_MTIME)) continue; // This will realistically never happen.
        // Although the positions of all of the fields shift around depending on the presence of other fields,
        // mtime is always first if present, and that's the only one we care about.
        var posixTimestamp = data.readInt32LE(1);
        return new Date(posixTimestamp * 1000);
      } else if (extraField.id === 0x000a) {
        var data = extraField.data;
        if (data.length !== 32) continue; // The length is always the same.
        // 4 bytes reserved
        // 2 bytes Tag
        if (data.readUInt16LE(4) !== 1) continue; // Tag1 is actually the only defined Tag.
        // 2 bytes Size
        if (data.readUInt16LE(6) !== 24) continue; // Size is always 24.
        // 8 bytes Mtime
        var hundredNanoSecondsSince1601 = data.readUInt32LE(8) + 4294967296 * data.readInt32LE(12);
        // Convert from NTFS to POSIX milliseconds.
        // The big number below is the milliseconds between year 1601 and year 1970
        // (i.e. the negative POSIX timestamp of 1601-01-01 00:00:00Z)
        var millisecondsSince1970 = hundredNanoSecondsSince1601 / 10000 - 11644473600000;
        // Note on numeric precision: JavaScript Number objects lose precision above Number.MAX_SAFE_INTEGER,
        // and NTFS timestamps are typically much bigger than that limit.
        // (MAX_SAFE_INTEGER would represent 1629-07-17T23:58:45.475Z.)
        // However, we're losing precision in the conversion from 100nanosecond units to millisecond units anyway,
        // and the time at which we also lose 1-millisecond precision is year 275760, the JavaScript Date limit (by design).
        // Up through the year 2057, this conversion only drops 4 bits of precision,
        // which is well under the 13-14 bits ratio between the milliseconds and 100nanoseconds.
        return new Date(millisecondsSince1970);
      }
    }
  }

  // Fallback to non-extended encoding.
  return dosDateTimeToDate(this.lastModFileDate, this.lastModFileTime, options.timezone);
};

Entry.prototype.canDecodeFileData = function() {
  return (
    !this.isEncrypted() &&
    (this.compressionMethod === 0 || this.compressionMethod === 8)
  );
};
Entry.prototype.isEncrypted = function() {
  return (this.generalPurposeBitFlag & 0x1) !== 0;
};
Entry.prototype.isCompressed = function() {
  return this.compressionMethod === 8;
};

function LocalFileHeader() {
}

function dosDateTimeToDate(date, time, timezone) {
  var day = date & 0x1f; // 1-31
  var month = (date >> 5 & 0xf) - 1; // 1-12, 0-11
  var year = (date >> 9 & 0x7f) + 1980; // 0-128, 1980-2108

  var millisecond = 0;
  var second = (time & 0x1f) * 2; // 0-29, 0-58 (even numbers)
  var minute = time >> 5 & 0x3f; // 0-59
  var hour = time >> 11 & 0x1f; // 0-23

  if (timezone == null || timezone === "local") {
    return new Date(year, month, day, hour, minute, second, millisecond);
  } else if (timezone === "UTC") {
    return new Date(Date.UTC(year, month, day, hour, minute, second, millisecond));
  } else {
    throw new Error("unrecognized options.timezone: " + options.timezone);
  }
}

function getFileNameLowLevel(generalPurposeBitFlag, fileNameBuffer, extraFields, strictFileNames) {
  var fileName = null;

  // check for Info-ZIP Unicode Path Extra Field (0x7075)
  // see https://github.com/thejoshwolfe/yauzl/issues/33
  for (var i = 0; i < extraFields.length; i++) {
    var extraField = extraFields[i];
    if (extraField.id === 0x7075) {
      if (extraField.data.length < 6) {
        // too short to be meaningful
        continue;
      }
      // Version       1 byte      version of this extra field, currently 1
      if (extraField.data.readUInt8(0) !== 1) {
        // > Changes may not be backward compatible so this extra
        // > field should not be used if the version is not recognized.
        continue;
      }
      // NameCRC32     4 bytes     File Name Field CRC32 Checksum
      var oldNameCrc32 = extraField.data.readUInt32LE(1);
      if (crc32(fileNameBuffer) !== oldNameCrc32) {
        // > If the CRC check fails, this UTF-8 Path Extra Field should be
        // > ignored and the File Name field in the header should be used instead.
        continue;
      }
      // UnicodeName   Variable    UTF-8 version of the entry File Name
      fileName = decodeBuffer(extraField.data.subarray(5), true);
      break;
    }
  }

  if (fileName == null) {
    // The typical case.
    var isUtf8 = (generalPurposeBitFlag & 0x800) !== 0;
    fileName = decodeBuffer(fileNameBuffer, isUtf8);
  }

  if (!strictFileNames) {
    // Allow backslash.
    fileName = fileName.replace(/\\/g, "/");
  }
  return fileName;
}

function validateFileName(fileName) {
  if (fileName.indexOf("\\") !== -1) {
    return "invalid characters in fileName: " + fileName;
  }
  if (/^[a-zA-Z]:/.test(fileName) || /^\//.test(fileName)) {
    return "absolute path: " + fileName;
  }
  if (fileName.split("/").indexOf("..") !== -1) {
    return "invalid relative path: " + fileName;
  }
  // all good
  return null;
}

function parseExtraFields(extraFieldBuffer) {
  var extraFields = [];
  var i = 0;
  while (i < extraFieldBuffer.length - 3) {
    var headerId = extraFieldBuffer.readUInt16LE(i + 0);
    var dataSize = extraFieldBuffer.readUInt16LE(i + 2);
    var dataStart = i + 4;
    var dataEnd = dataStart + dataSize;
    if (dataEnd > extraFieldBuffer.length) throw new Error("extra field length exceeds extra field buffer size");
    var dataBuffer = extraFieldBuffer.subarray(dataStart, dataEnd);
    extraFields.push({
      id: headerId,
      data: dataBuffer,
    });
    i = dataEnd;
  }
  return extraFields;
}

function readAndAssertNoEof(reader, buffer, offset, length, position, callback) {
  if (length === 0) {
    // fs.read will throw an out-of-bounds error if you try to read 0 bytes from a 0 byte file
    return setImmediate(function() { callback(null, newBuffer(0)); });
  }
  reader.read(buffer, offset, length, position, function(err, bytesRead) {
    if (err) return callback(err);
    if (bytesRead < length) {
      return callback(new Error("unexpected EOF"));
    }
    callback();
  });
}

util.inherits(AssertByteCountStream, Transform);
function AssertByteCountStream(byteCount) {
  Transform.call(this);
  this.actualByteCount = 0;
  this.expectedByteCount = byteCount;
}
AssertByteCountStream.prototype._transform = function(chunk, encoding, cb) {
  this.actualByteCount += chunk.length;
  if (this.actualByteCount > this.expectedByteCount) {
    var msg = "too many bytes in the stream. expected " + this.expectedByteCount + ". got at least " + this.actualByteCount;
    return cb(new Error(msg));
  }
  cb(null, chunk);
};
AssertByteCountStream.prototype._flush = function(cb) {
  if (this.actualByteCount < this.expectedByteCount) {
    var msg = "not enough bytes in the stream. expected " + this.expectedByteCount + ". got only " + this.actualByteCount;
    return cb(new Error(msg));
  }
  cb();
};

util.inherits(RandomAccessReader, EventEmitter);
function RandomAccessReader() {
  EventEmitter.call(this);
  this.refCount = 0;
}
RandomAccessReader.prototype.ref = function() {
  this.refCount += 1;
};
RandomAccessReader.prototype.unref = function() {
  var self = this;
  self.refCount -= 1;

  if (self.refCount > 0) return;
  if (self.refCount < 0) throw new Error("invalid unref");

  self.close(onCloseDone);

  function onCloseDone(err) {
    if (err) return self.emit('error', err);
    self.emit('close');
  }
};
RandomAccessReader.prototype.createReadStream = function(options) {
  if (options == null) options = {};
  var start = options.start;
  var end = options.end;
  if (start === end) {
    var emptyStream = new PassThrough();
    setImmediate(function() {
      emptyStream.end();
    });
    return emptyStream;
  }
  var stream = this._readStreamForRange(start, end);

  var destroyed = false;
  var refUnrefFilter = new RefUnrefFilter(this);
  stream.on("error", function(err) {
    setImmediate(function() {
      if (!destroyed) refUnrefFilter.emit("error", err);
    });
  });
  installDestroyFn(refUnrefFilter, function() {
    stream.unpipe(refUnrefFilter);
    refUnrefFilter.unref();
    stream.destroy();
  });

  var byteCounter = new AssertByteCountStream(end - start);
  refUnrefFilter.on("error", function(err) {
    setImmediate(function() {
      if (!destroyed) byteCounter.emit("error", err);
    });
  });
  installDestroyFn(byteCounter, function() {
    destroyed = true;
    refUnrefFilter.unpipe(byteCounter);
    refUnrefFilter.destroy();
  });

  return stream.pipe(refUnrefFilter).pipe(byteCounter);
};
RandomAccessReader.prototype._readStreamForRange = function(start, end) {
  throw new Error("not implemented");
};
RandomAccessReader.prototype.read = function(buffer, offset, length, position, callback) {
  var readStream = this.createReadStream({start: position, end: position + length});
  var writeStream = new Writable();
  var written = 0;
  writeStream._write = function(chunk, encoding, cb) {
    chunk.copy(buffer, offset + written, 0, chunk.length);
    written += chunk.length;
    cb();
  };
  writeStream.on("finish", callback);
  readStream.on("error", function(error) {
    callback(error);
  });
  readStream.pipe(writeStream);
};
RandomAccessReader.prototype.close = function(callback) {
  setImmediate(callback);
};

util.inherits(RefUnrefFilter, PassThrough);
function RefUnrefFilter(context) {
  PassThrough.call(this);
  this.context = context;
  this.context.ref();
  this.unreffedYet = false;
}
RefUnrefFilter.prototype._flush = function(cb) {
  this.unref();
  cb();
};
RefUnrefFilter.prototype.unref = function(cb) {
  if (this.unreffedYet) return;
  this.unreffedYet = true;
  this.context.unref();
};

var cp437 = '\u0000☺☻♥♦♣♠•◘○◙♂♀♪♫☼►◄↕‼¶§▬↨↑↓→←∟↔▲▼ !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~⌂ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■ ';
function decodeBuffer(buffer, isUtf8) {
  if (isUtf8) {
    return buffer.toString("utf8");
  } else {
    var result = "";
    for (var i = 0; i < buffer.length; i++) {
      result += cp437[buffer[i]];
    }
    return result;
  }
}

function readUInt64LE(buffer, offset) {
  // There is no native function for this, because we can't actually store 64-bit integers precisely.
  // after 53 bits, JavaScript's Number type (IEEE 754 double) can't store individual integers anymore.
  // but since 53 bits is a whole lot more than 32 bits, we do our best anyway.
  // As of 2020, Node has added support for BigInt, which obviates this whole function,
  // but yauzl hasn't been updated to depend on BigInt (yet?).
  var lower32 = buffer.readUInt32LE(offset);
  var upper32 = buffer.readUInt32LE(offset + 4);
  // we can't use bitshifting here, because JavaScript bitshifting only works on 32-bit integers.
  return upper32 * 0x100000000 + lower32;
  // as long as we're bounds checking the result of this function against the total file size,
  // we'll catch any overflow errors, because we already made sure the total file size was within reason.
}

// Node 10 deprecated new Buffer().
var newBuffer;
if (typeof Buffer.allocUnsafe === "function") {
  newBuffer = function(len) {
    return Buffer.allocUnsafe(len);
  };
} else {
  newBuffer = function(len) {
    return new Buffer(len);
  };
}

// Node 8 introduced a proper destroy() implementation on writable streams.
function installDestroyFn(stream, fn) {
  if (typeof stream.destroy === "function") {
    // New API.
    stream._destroy = function(err, cb) {
      fn();
      if (cb != null) cb(err);
    };
  } else {
    // Old API.
    stream.destroy = fn;
  }
}

function defaultCallback(err) {
  if (err) throw err;
}


/***/ }),

/***/ 5581:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _shells_cli_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7585);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(311);
// Entry point of the command-line bundle (dist/cli.js, the `defectdojo-reimport` bin).


process.exitCode = await (0,_shells_cli_js__WEBPACK_IMPORTED_MODULE_0__/* .runCli */ .ak)(process.argv.slice(2), process.env, process.cwd(), { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) }, _version_js__WEBPACK_IMPORTED_MODULE_1__/* .VERSION */ .x);

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 4389:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   By: () => (/* binding */ inputSubject),
/* harmony export */   Is: () => (/* binding */ logName),
/* harmony export */   Qh: () => (/* binding */ INPUT_NAMES),
/* harmony export */   ZU: () => (/* binding */ sourceInputs),
/* harmony export */   ah: () => (/* binding */ useDialect),
/* harmony export */   mc: () => (/* binding */ INPUTS),
/* harmony export */   mm: () => (/* binding */ inputSpec),
/* harmony export */   pw: () => (/* binding */ inputSetting),
/* harmony export */   u: () => (/* binding */ stepName),
/* harmony export */   y8: () => (/* binding */ theInput),
/* harmony export */   yu: () => (/* binding */ inputName)
/* harmony export */ });
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(182);
// Every input of the action, defined once: its kind, default and description. action.yml, the
// README's input tables (scripts/generate-docs.ts writes both; a test keeps them in step), the
// command line's options and --help, and parseConfig all read this table.

/** `minimum_severity` choices in DefectDojo's spelling, least severe first (docs/defectdojo-api.md §a). */
const SEVERITY_CHOICES = [..._model_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITIES */ .oC].reverse().map(_model_js__WEBPACK_IMPORTED_MODULE_0__/* .severityName */ .vb);
/** `group_by` choices (docs/defectdojo-api.md §a). */
const GROUP_BY_CHOICES = ['component_name', 'component_name+component_version', 'file_path', 'finding_title', 'vuln_id_from_tool'];
const INPUTS = {
    // Where to find reports and where to send them.
    'defectdojo-url': {
        group: 'sources',
        kind: 'url',
        default: '',
        description: 'Base URL of DefectDojo, e.g. https://defectdojo.example.com (a path prefix such as /defectdojo is kept). Plain http:// only for loopback unless allow-insecure-http. Not needed with dry-run.',
        cli: { env: 'DEFECTDOJO_URL', says: 'DEFECTDOJO_URL (or --defectdojo-url)' }
    },
    'defectdojo-token': {
        group: 'sources',
        kind: 'secret',
        default: '',
        description: 'DefectDojo API v2 key, from a secret; masked in every log. Not needed with dry-run.',
        // A key on a command line lands in shell history and process lists: DEFECTDOJO_TOKEN or --defectdojo-token-file.
        cli: { option: false, env: 'DEFECTDOJO_TOKEN', says: 'DEFECTDOJO_TOKEN (or --defectdojo-token-file)' }
    },
    path: {
        group: 'sources',
        kind: 'lines',
        default: '',
        description: 'Reports on disk, one per line: files, folders (searched recursively) or globs, relative to the workspace; a line starting with ! excludes.',
        shownDefault: 'empty',
        cli: { default: '.' }
    },
    artifacts: {
        group: 'sources',
        kind: 'list',
        default: '*',
        description: "Names of this run's artifacts to download and search, as glob patterns separated by newlines or commas; !pattern excludes. Empty downloads nothing.",
        cli: { option: false }
    },
    'run-id': {
        group: 'sources',
        kind: 'text',
        default: '',
        description: 'Download the artifacts of another workflow run (e.g. github.event.workflow_run.id) instead of this one; needs github-token with actions: read.',
        cli: { option: false }
    },
    repository: { group: 'sources', kind: 'text', default: '', description: 'owner/name of the repository of run-id; default this repository.', shownDefault: 'this one', cli: { option: false } },
    'github-token': {
        group: 'sources',
        kind: 'secret',
        default: '${{ github.token }}',
        description: "GitHub token: downloads another run's artifacts (with run-id; needs actions: read) and writes the pull request comment (needs pull-requests: write).",
        shownDefault: 'github.token',
        cli: { option: false }
    },
    'include-tracked-files': {
        group: 'sources',
        kind: 'flag',
        default: 'false',
        description: 'Also upload files that git tracks and that are unchanged from HEAD when path reaches them through a folder or a glob (by default they are left out: sample reports and test fixtures checked into the repository are not this run\'s reports). Files path names explicitly are always looked at.'
    },
    'pr-comment': {
        group: 'sources',
        kind: 'choice',
        default: 'auto',
        choices: ['auto', 'always', 'off'],
        description: 'One comment on the pull request, updated in place on every run, with the findings it introduces and fixes. auto writes it when something is introduced or fixed (and always updates an existing one); always writes it every time; off never.',
        cli: { option: false }
    },
    matrix: {
        group: 'sources',
        kind: 'text',
        default: '${{ toJson(matrix) }}',
        description: "The job's matrix leg, filled in by the runner: the legs of a matrix job each keep a pull request comment of their own. Leave it.",
        shownDefault: 'toJson(matrix)',
        cli: { option: false }
    },
    'keep-downloads': { group: 'sources', kind: 'flag', default: 'false', description: 'Keep the downloaded artifacts under RUNNER_TEMP after the step, for debugging.', cli: { option: false } },
    'scan-types': {
        group: 'sources',
        kind: 'lines',
        default: '',
        description: 'Per-file rules, one per line: "<glob> = <Exact Scan Type or *>[; product=…][; product-type=…][; engagement=…][; test-title=…]". First match wins; takes precedence over recognition.'
    },
    'dry-run': { group: 'sources', kind: 'flag', default: 'false', description: 'Recognise and plan every upload, write the summary and results file, and contact no server; URL and token are not needed.' },
    'if-no-credentials': {
        group: 'sources',
        kind: 'choice',
        default: 'skip',
        choices: ['skip', 'error'],
        description: 'When defectdojo-token is empty on a run GitHub gives no secrets (a pull request from a fork, Dependabot), whatever defectdojo-url holds: skip plans the uploads, sends nothing and passes with a notice; error fails. Elsewhere both are always required.',
        cli: { option: false }
    },
    // Naming and context.
    'product-type': { group: 'naming', kind: 'template', default: '{owner}', description: 'DefectDojo product type (organization) name; a template (see the placeholders below).' },
    product: { group: 'naming', kind: 'template', default: '{repo}', description: 'DefectDojo product (asset) name; a template.' },
    engagement: { group: 'naming', kind: 'template', default: 'CI/CD', description: 'DefectDojo engagement name; one long-running CI/CD engagement by default; a template.' },
    'test-title': { group: 'naming', kind: 'template', default: '{tool}: {report}', description: "Title of each report's DefectDojo test; a template that must give each report its own test." },
    'branch-isolation': {
        group: 'naming',
        kind: 'flag',
        default: 'true',
        description: 'Pull requests, forks and runs on a branch other than the default one upload into an engagement of their own, "<engagement> (<branch>)" (a fork\'s as "<owner>:<branch>"), so they never close the default branch\'s findings.'
    },
    environment: { group: 'naming', kind: 'text', default: 'Development', description: 'DefectDojo environment name (created if missing).' },
    branch: {
        group: 'naming',
        kind: 'text',
        default: '',
        description: "The branch the reports describe, when the run's own context is wrong or silent (default: from the event, the CI's variables or git).",
        shownDefault: 'from the run'
    },
    commit: { group: 'naming', kind: 'text', default: '', description: 'The commit the reports describe (default: the pull request head, the CI\'s variables or git).', shownDefault: 'from the run' },
    'default-branch': {
        group: 'naming',
        kind: 'text',
        default: '',
        description: 'The repository\'s default branch, for branch isolation (default: from the event payload, the CI\'s variables or origin/HEAD; else main and master).',
        shownDefault: 'from the run'
    },
    'if-no-branch': {
        group: 'naming',
        kind: 'choice',
        default: 'error',
        choices: ['error', 'isolate'],
        description: 'When no branch is known (a detached HEAD, a CI whose variables do not say): error stops before any upload; isolate uploads into "<engagement> (no branch)". Never the default branch\'s engagement.'
    },
    version: {
        group: 'naming',
        kind: 'text',
        default: '',
        description: 'Version sent with every upload; default the tag name on tag pushes, else empty.',
        shownDefault: 'tag name',
        // `--version` prints the command's own version.
        cli: { name: 'test-version' }
    },
    service: { group: 'naming', kind: 'text', default: '', description: 'DefectDojo service name; close-old-findings then only touches findings of this service.' },
    mode: {
        group: 'naming',
        kind: 'choice',
        default: 'reimport',
        choices: ['reimport', 'import'],
        description: 'reimport (default; one long-lived test per report, closed and reactivated findings tracked) or import (a new test every run, for one-off uploads).'
    },
    // DefectDojo's own import options: each sent only when set.
    'scan-date': { group: 'options', kind: 'date', default: '', description: "Scan date (YYYY-MM-DD) forced on new findings; default the scanner's own dates. Overrides SLA clocks." },
    'minimum-severity': {
        group: 'options',
        kind: 'choice',
        default: '',
        choices: SEVERITY_CHOICES,
        description: 'Drop findings below this severity: Info, Low, Medium, High or Critical (on reimport, dropped findings count as gone and get closed).'
    },
    active: { group: 'options', kind: 'tristate', default: '', description: "Force new findings active (true) or inactive (false); empty keeps the tool's status." },
    verified: { group: 'options', kind: 'tristate', default: '', description: "Force new findings verified (true) or not (false); empty keeps the tool's status." },
    'close-old-findings': { group: 'options', kind: 'tristate', default: '', description: "Close findings absent from the report (DefectDojo's default true on reimport, false on import)." },
    'close-old-findings-product-scope': { group: 'options', kind: 'tristate', default: '', description: 'With mode import and close-old-findings, close absent findings across the whole product.' },
    'do-not-reactivate': { group: 'options', kind: 'tristate', default: '', description: 'Keep closed findings closed when they reappear (reimport only).' },
    tags: { group: 'options', kind: 'list', default: '', description: "Tags for each test, separated by commas or newlines (no spaces or quotes); on reimport they replace the test's tags." },
    'apply-tags-to-findings': { group: 'options', kind: 'tristate', default: '', description: 'Copy the tags onto the findings.' },
    'apply-tags-to-endpoints': { group: 'options', kind: 'tristate', default: '', description: 'Copy the tags onto the endpoints.' },
    'group-by': {
        group: 'options',
        kind: 'choice',
        default: '',
        choices: GROUP_BY_CHOICES,
        description: 'Create finding groups by component_name, component_name+component_version, file_path, finding_title or vuln_id_from_tool.'
    },
    'create-finding-groups-for-all-findings': { group: 'options', kind: 'tristate', default: '', description: "With group-by, also create groups of a single finding (DefectDojo's default true)." },
    'push-to-jira': { group: 'options', kind: 'tristate', default: '', description: 'Push findings to Jira.' },
    'deduplication-on-engagement': { group: 'options', kind: 'tristate', default: '', description: 'Deduplicate within the engagement only (applies when the action creates the engagement).' },
    'deduplication-execution-mode': {
        group: 'options',
        kind: 'choice',
        default: '',
        choices: ['async', 'async_wait', 'sync'],
        description: "How DefectDojo deduplicates: async (answer first), async_wait (wait up to its DD_DEDUPLICATION_ASYNC_WAIT_TIMEOUT, so the counts reflect deduplication) or sync; default the user's profile setting, else async."
    },
    'engagement-end-date': { group: 'options', kind: 'date', default: '', description: 'End date (YYYY-MM-DD) of an engagement the action creates.' },
    lead: { group: 'options', kind: 'integer', default: '', range: { min: 1, max: Number.MAX_SAFE_INTEGER }, description: 'DefectDojo user id of the test lead.' },
    'api-scan-configuration': {
        group: 'options',
        kind: 'integer',
        default: '',
        range: { min: 1, max: Number.MAX_SAFE_INTEGER },
        description: 'Id of a product API scan configuration, for scan types that use one.'
    },
    // Network and failure handling.
    concurrency: {
        group: 'network',
        kind: 'integer',
        default: '4',
        range: { min: 1, max: 32 },
        description: 'Reports uploaded at the same time. Into an engagement that does not exist yet, its smallest report goes first, alone, and creates it.'
    },
    retries: {
        group: 'network',
        kind: 'integer',
        default: '3',
        range: { min: 0, max: 10 },
        description: 'Further attempts after a connection failure or HTTP 429/502/503/504, with backoff and Retry-After.'
    },
    'timeout-minutes': {
        group: 'network',
        kind: 'number',
        default: '30',
        range: { min: 0.01, max: 360 },
        description: 'Longest wait for one upload; DefectDojo parses a report before answering, large ones take minutes.'
    },
    'max-report-size-mb': {
        group: 'network',
        kind: 'number',
        default: '100',
        range: { min: 0.001, max: 1_000_000 },
        description: "Reports larger than this are not sent (DefectDojo's DD_SCAN_FILE_MAX_SIZE, default 100)."
    },
    'ca-certificates': { group: 'network', kind: 'file', default: '', description: "PEM file of extra CA certificates to trust for DefectDojo (added to Node's roots)." },
    'client-certificate': { group: 'network', kind: 'file', default: '', description: 'PEM client certificate for mutual TLS (with client-key).' },
    'client-key': { group: 'network', kind: 'file', default: '', description: 'PEM private key of client-certificate.' },
    'extra-headers': { group: 'network', kind: 'lines', default: '', description: 'Headers sent with every request, one "Name: value" per line (e.g. Cloudflare Access); values are masked.' },
    'allow-insecure-http': { group: 'network', kind: 'flag', default: 'false', description: 'Allow a plain http:// defectdojo-url other than loopback (the token would travel unencrypted).' },
    // When the step fails.
    'if-no-reports': { group: 'policy', kind: 'choice', default: 'warn', choices: ['warn', 'error', 'ignore'], description: 'What to do when no report is found: warn, error or ignore.' },
    'fail-on-error': {
        group: 'policy',
        kind: 'flag',
        default: 'true',
        description: 'Fail the step when any report was not uploaded: DefectDojo refused it or the upload failed, or DefectDojo could not be used at all (unreachable, DNS, TLS, an HTML page instead of the API, the token rejected). Checked after all reports were tried and the summary written. false keeps uploads from ever blocking the job: one warning, a summary banner and the outputs `failed` and `defectdojo` say what happened. Invalid input values, a collision, a failed artifact listing, `if-no-reports: error` and `fail-on-unrecognized` still fail the step.',
        cli: {
            description: 'Exit with status 1 when any report was not uploaded: DefectDojo refused it or the upload failed, or DefectDojo could not be used at all (unreachable, DNS, TLS, an HTML page instead of the API, the token rejected). Checked after all reports were tried and the summary written. --no-fail-on-error keeps uploads from ever blocking the job: one warning, the summary and DEFECTDOJO_FAILED / DEFECTDOJO_DEFECTDOJO say what happened. Invalid option values, a collision, --if-no-reports error and --fail-on-unrecognized still exit 1.'
        }
    },
    'fail-on-unrecognized': {
        group: 'policy',
        kind: 'flag',
        default: 'false',
        description: 'Fail the step when a file that looks like a report (its format and name or shape) was not recognised. Files for people and build output never count.',
        cli: { description: 'Exit with status 1 when a file that looks like a report (its format and name or shape) was not recognised. Files for people and build output never count.' }
    }
};
const INPUT_NAMES = Object.keys(INPUTS);
/** The spec of one input, widened to InputSpec. */
function inputSpec(name) {
    return INPUTS[name];
}
let dialect = 'action';
/** Chooses how messages name inputs for the rest of this process (each shell calls it once). */
function useDialect(value) {
    dialect = value;
}
/** How the command line names an input: its own phrase, or `--<option>`. */
function cliName(name) {
    const cli = inputSpec(name).cli;
    return cli?.says ?? `\`--${cli?.name ?? name}\``;
}
/** An input as the subject of a sentence: "Input `dry-run`" (on the command line "Option `--dry-run`"). */
function inputSubject(name) {
    if (dialect === 'cli')
        return inputSpec(name).cli?.says ?? `Option ${cliName(name)}`;
    return `Input \`${name}\``;
}
/** An input named inside a sentence: "the `timeout-minutes` input" (on the command line "`--timeout-minutes`"). */
function theInput(name) {
    return dialect === 'cli' ? cliName(name) : `the \`${name}\` input`;
}
/** An input's bare name in backticks: "`defectdojo-url`" (on the command line "`--defectdojo-url`"). */
function inputName(name) {
    return dialect === 'cli' ? cliName(name) : `\`${name}\``;
}
/** What a run is called in messages: the action's "step", the command line's "command" (it may be one line of a job's script). */
function stepName() {
    return dialect === 'cli' ? 'command' : 'step';
}
/** Where every log line of the run is: the step's log, the command's own output. */
function logName() {
    return dialect === 'cli' ? "command's output" : 'step log';
}
/** Where the files come from, for "no files were found": `path` and `artifacts` (the command line has only `--path`). */
function sourceInputs() {
    return dialect === 'cli' ? cliName('path') : `${inputName('path')} and ${inputName('artifacts')}`;
}
/** An input with a value, as the user would write it: "`dry-run: true`" (on the command line "`--dry-run`"). */
function inputSetting(name, value) {
    if (dialect === 'action')
        return `\`${name}: ${value}\``;
    const option = inputSpec(name).cli?.name ?? name;
    if (inputSpec(name).kind === 'flag')
        return value === 'true' ? `\`--${option}\`` : `\`--no-${option}\``;
    return `\`--${option} ${value}\``;
}


/***/ }),

/***/ 6348:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   GO: () => (/* binding */ describeRedirect),
/* harmony export */   IK: () => (/* binding */ behindLogin),
/* harmony export */   Ib: () => (/* binding */ DefectDojoError),
/* harmony export */   Ic: () => (/* binding */ describeFailure),
/* harmony export */   MB: () => (/* binding */ GATEWAY_STATUSES),
/* harmony export */   O1: () => (/* binding */ describeAnswer),
/* harmony export */   Tn: () => (/* binding */ serverText),
/* harmony export */   U3: () => (/* binding */ RETRYABLE_STATUSES),
/* harmony export */   Xq: () => (/* binding */ formatSize),
/* harmony export */   m0: () => (/* binding */ LOGIN_PAGE)
/* harmony export */ });
/* harmony import */ var _config_inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4389);
// DefectDojo's error answers → one clear sentence. Its bodies come in four shapes (docs/defectdojo-api.md §d): a JSON
// list, a DRF field dict (plus a `message` repr and `pro`), `{"message": "['…']"}` from Django
// validation, and a generic 500; a proxy in front may answer HTML. Server text is quoted, shortened
// and stripped of markup before it reaches a log or the summary.

/** A failed request, with whether it is safe to try again. */
class DefectDojoError extends Error {
    status;
    retryable;
    /** Seconds the server asked us to wait (Retry-After), if any. */
    retryAfterSeconds;
    /** True when the request provably never reached DefectDojo (connection refused, DNS failure…). */
    notSent;
    /**
     * True when the request may have been processed although no DefectDojo answer came back (a gateway's
     * 502/503/504 or a non-DefectDojo page after the body was sent, a timeout, a reset): an upload is then
     * looked up before it is sent again (docs/defectdojo-api.md §k).
     */
    ambiguous;
    /** True when DefectDojo's API itself refused the token check (401/403 JSON): the token, not the way to DefectDojo, is wrong. */
    tokenRejected;
    constructor(message, options = {}) {
        super(message);
        this.name = 'DefectDojoError';
        this.status = options.status ?? null;
        this.retryable = options.retryable ?? false;
        this.retryAfterSeconds = options.retryAfterSeconds ?? null;
        this.notSent = options.notSent ?? false;
        this.ambiguous = options.ambiguous ?? false;
        this.tokenRejected = options.tokenRejected ?? false;
    }
}
/** Statuses of gateways that may answer while DefectDojo goes on importing behind them. */
const GATEWAY_STATUSES = new Set([502, 503, 504]);
/** "HTTP 200, text/html, starting "<title>Request Rejected</title>"": what came back, for a reason. */
function describeAnswer(status, contentType, body) {
    // The first line as it came, not read as JSON: `{}` and `[]` must show as what they are.
    const firstLine = (body.trim().split(/\r?\n/)[0] ?? '').replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
    const clipped = firstLine.length > 120 ? `${firstLine.slice(0, 119)}…` : firstLine;
    const start = firstLine === '' ? 'with an empty body' : `starting "${clipped}"`;
    return `HTTP ${status}, ${contentType.split(';')[0].trim() || 'no content type'}, ${start}`;
}
/** Statuses worth another try: rate limiting and gateways in front of a busy or restarting DefectDojo. */
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);
/** One sentence for a non-2xx answer. */
function describeFailure(c) {
    const html = /html/i.test(c.contentType) || /^\s*</.test(c.body);
    const detail = html ? '' : serverText(c.body);
    const quoted = detail ? `: "${detail}"` : '';
    const size = c.fileSize === undefined ? '' : `, report is ${formatSize(c.fileSize)}`;
    if (c.status === 403 && /Invalid token|credentials were not provided|User inactive/i.test(detail)) {
        return `DefectDojo rejected the token (HTTP 403${quoted}): check ${(0,_config_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .theInput */ .y8)('defectdojo-token')} holds a valid API v2 key.`;
    }
    if (c.status === 403) {
        return `DefectDojo refused the upload (HTTP 403${quoted}): the token's user may not ${c.endpoint === 'import-scan' ? 'import' : 'reimport'} into product "${c.product ?? '?'}" or create it.`;
    }
    if (c.status === 413) {
        return html
            ? `The upload was rejected by a proxy in front of DefectDojo (HTTP 413${size}): raise its body size limit (nginx client_max_body_size).`
            : `DefectDojo rejected the report as too large (HTTP 413${size}${quoted}).`;
    }
    if (c.status === 400 && /too large/i.test(detail)) {
        return `DefectDojo rejected the report as too large (HTTP 400${size}${quoted}): raise DD_SCAN_FILE_MAX_SIZE on the server or split the report.`;
    }
    if (c.status === 400 && /file extension/i.test(detail)) {
        return `DefectDojo refused the file name's extension (HTTP 400${quoted}).`;
    }
    if (c.status === 400 && /scan_type/i.test(detail)) {
        return `DefectDojo refused the scan type "${c.scanType ?? '?'}" (HTTP 400${quoted}).`;
    }
    if (c.status === 400)
        return `DefectDojo refused the upload (HTTP 400${quoted}).`;
    if (c.status === 500) {
        return `DefectDojo failed to parse this report as ${c.scanType ?? 'its scan type'} (HTTP 500${quoted}); the report or the scan type is wrong, so it was not retried.`;
    }
    if (c.status === 404)
        return `DefectDojo answered 404 for /api/v2/${c.endpoint}/${quoted}: check \`defectdojo-url\` points at DefectDojo (including any path prefix).`;
    if (html)
        return `DefectDojo or a proxy in front of it answered HTTP ${c.status} with an HTML page.`;
    return `DefectDojo answered HTTP ${c.status}${quoted}.`;
}
/** The human part of an error body, shortened and reduced to plain characters. */
function serverText(body, max = 300) {
    let text = body.trim();
    try {
        text = flatten(JSON.parse(text));
    }
    catch {
        // not JSON: keep the text
    }
    // Django ValidationError reprs look like "['message']": unwrap them.
    text = text.replace(/^\[?'(.*)'\]?$/s, '$1');
    text = text.replace(/[\u0000-\u001f<>`]/g, ' ').replace(/\s+/g, ' ').trim();
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
function flatten(value) {
    if (typeof value === 'string')
        return value;
    if (Array.isArray(value))
        return value.map(flatten).join(' ');
    if (value && typeof value === 'object') {
        const entries = Object.entries(value).filter(([key]) => key !== 'pro' && key !== 'message');
        // `message` repeats the field dict as a Python repr; use it only when nothing else is there.
        if (entries.length === 0 && 'message' in value)
            return flatten(value.message);
        return entries.map(([key, v]) => (key === 'detail' || key === 'non_field_errors' ? flatten(v) : `${key}: ${flatten(v)}`)).join('; ');
    }
    return String(value);
}
const PROFILE_PATH = '/api/v2/user_profile/';
/** Paths of the logins that sit in front of web apps: SSO proxies, identity providers, Cloudflare Access. */
const LOGIN_PATH = /login|signin|sign-in|sso|oauth|openid|saml|auth|cdn-cgi\/access/i;
/**
 * The token check was redirected. DefectDojo's API answers a bad token with 403, never a redirect, so
 * a redirect comes from in front of it: a login (another host, or a login path), or a move (http to
 * https, another path) that the uploads, being POSTs, would not survive.
 */
function describeRedirect(baseUrl, status, location) {
    const target = location && URL.canParse(location, `${baseUrl}${PROFILE_PATH}`) ? new URL(location, `${baseUrl}${PROFILE_PATH}`) : null;
    const where = target ? `${target.origin}${target.pathname}` : 'an address it did not give';
    const base = new URL(baseUrl);
    if (target && target.hostname === base.hostname && !LOGIN_PATH.test(target.pathname) && target.pathname.endsWith(PROFILE_PATH)) {
        const moved = `${target.origin}${target.pathname.slice(0, -PROFILE_PATH.length)}`;
        return `${baseUrl} redirects the API (HTTP ${status}) to ${where}: set ${(0,_config_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .inputName */ .yu)('defectdojo-url')} to ${moved}. The uploads are POSTs, which a redirect does not carry, so it is not followed.`;
    }
    return behindLogin(`was redirected (HTTP ${status}) to ${where}`);
}
/** Words of a login page: an HTML answer to the API that carries them is a login in front of DefectDojo. */
const LOGIN_PAGE = /log\s?in|sign\s?in|single sign-on|\bsso\b|cloudflare access|authenticat/i;
/** The token check met a login in front of DefectDojo; `what` says how ("was redirected … to …"). */
function behindLogin(what) {
    return (`DefectDojo is behind a login: the token check (GET ${PROFILE_PATH}) ${what}, which an API token cannot pass. ` +
        `Send the login's service credentials with ${(0,_config_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .theInput */ .y8)('extra-headers')} (for Cloudflare Access, \`CF-Access-Client-Id: …\` and \`CF-Access-Client-Secret: …\` from secrets; ask whoever runs the login for a service token), or use an address of DefectDojo without the login.`);
}
/** A size a person reads: bytes, KB or MB (binary units), so a small report is never "0.0 MB". */
function formatSize(bytes) {
    if (bytes < 1024)
        return `${bytes} B`;
    if (bytes < 1048576)
        return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
    return `${(bytes / 1048576).toFixed(1)} MB`;
}


/***/ }),

/***/ 182:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BU: () => (/* binding */ NO_FINDINGS),
/* harmony export */   CH: () => (/* binding */ DELTAS),
/* harmony export */   YD: () => (/* binding */ NEW_FINDINGS_LISTED),
/* harmony export */   ZW: () => (/* binding */ deltaTotal),
/* harmony export */   c5: () => (/* binding */ addCounts),
/* harmony export */   oC: () => (/* binding */ SEVERITIES),
/* harmony export */   tr: () => (/* binding */ reportLabel),
/* harmony export */   vb: () => (/* binding */ severityName)
/* harmony export */ });
// The data that flows through one run, stage by stage, as plain immutable values:
//
//   Candidate (a file and where it came from) → Recognition (what it is) → PlannedUpload (where it
//   goes, with every field) → UploadOutcome (what DefectDojo said) → Result (one row per file).
//
// Every file looked at ends as exactly one Result; the results file, the outputs and the job summary
// are three renderings of the same Result[]. This module imports nothing: every stage may use it.
/** Severities, most severe first, as the outputs and statistics name them. */
const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'];
/** DefectDojo's spelling of a severity (`minimum_severity` choices, finding filters). */
function severityName(severity) {
    return severity[0].toUpperCase() + severity.slice(1);
}
/**
 * How a file is named to people: `artifact/path inside it`, the workspace-relative path, or the
 * artifact's name alone when the whole artifact is meant. The summary spaces the separator for reading.
 */
function reportLabel(source, separator = '/') {
    if (!source.displayPath)
        return source.artifact ?? '';
    return source.artifact ? `${source.artifact}${separator}${source.displayPath}` : source.displayPath;
}
/** Zero findings of every severity. */
const NO_FINDINGS = { critical: 0, high: 0, medium: 0, low: 0, info: 0, total: 0 };
/** The sum of two severity counts. */
function addCounts(a, b) {
    return { critical: a.critical + b.critical, high: a.high + b.high, medium: a.medium + b.medium, low: a.low + b.low, info: a.info + b.info, total: a.total + b.total };
}
const DELTAS = ['created', 'closed', 'reactivated', 'untouched'];
/** How many new findings a report lists (the counts by severity are always whole). */
const NEW_FINDINGS_LISTED = 50;
/** One delta's total for a result, or null when DefectDojo did not say. */
function deltaTotal(result, delta) {
    return result.counts?.[delta]?.total ?? result.counts?.totals?.[delta] ?? null;
}


/***/ }),

/***/ 8014:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   GF: () => (/* binding */ contradictionWarning),
/* harmony export */   Y3: () => (/* binding */ ruleText),
/* harmony export */   q1: () => (/* binding */ judgeRule)
/* harmony export */ });
const refuse = (refusal) => ({ refusal, readsAs: null, contradicts: false });
/**
 * Judges `scanType` (from a rule) against the file's head. `recognised` is recognition by content
 * alone, asked only when no row that matches serves the rule's type.
 */
function judgeRule(head, scanType, formats, recognised) {
    if (head.syntax === 'empty')
        return refuse('the file holds only white space: not a report');
    if (head.syntax === 'malformed')
        return refuse(`looks like ${head.expected} but is not valid ${head.expected} (${head.detail}): truncated or broken`);
    const matches = formats.filter((rule) => rule.match(head) !== null);
    const unsafe = matches.find((rule) => rule.unsafe);
    if (unsafe)
        return refuse(unsafe.reasonFrom?.(head) ?? unsafe.reason ?? `${unsafe.format}: not a report`);
    const serves = (rule) => rule.scanType === scanType || (rule.alsoReadBy ?? []).some((a) => a.scanType === scanType);
    // An HTML page where the rule's parser reads no HTML is an error or login page saved as the report.
    if (head.syntax === 'html' && matches.length === 0 && !formats.some((rule) => serves(rule) && rule.extensions.includes('.html'))) {
        return refuse('an HTML page (an error or login page saved in place of the report), not a report');
    }
    // Twins match alike, and a SARIF producer's report matches the SARIF row too: either serves the rule.
    if (matches.some(serves))
        return { refusal: null, readsAs: scanType, contradicts: false };
    if (matches.length === 0)
        return { refusal: null, readsAs: null, contradicts: false };
    const byContent = recognised();
    if (byContent.kind === 'report')
        return { refusal: null, readsAs: byContent.scanType, contradicts: true };
    // One known format that DefectDojo cannot import at all (ZAP JSON, JUnit XML…).
    if (matches.length === 1 && matches[0].scanType === null)
        return { refusal: null, readsAs: matches[0].format, contradicts: true };
    return { refusal: null, readsAs: null, contradicts: false };
}
/** The rule as written in the input: `reports/zap.xml = Bandit Scan`. */
function ruleText(pattern, scanType) {
    return `${pattern} = ${scanType}`;
}
/** The warning for a rule that contradicts the content: both types named. */
function contradictionWarning(label, rule, scanType, readsAs) {
    return `${label}: the \`scan-types\` rule \`${rule}\` sends it as ${scanType}, but its content reads as ${readsAs}, which that parser does not read: DefectDojo may refuse it, or read no findings and close every finding of its test. Uploaded as the rule asks; correct the rule if it is wrong.`;
}


/***/ }),

/***/ 6925:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ looksLikeReport)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
// Whether a file that was not uploaded looks like a report: then it is worth a warning (someone's
// scanner output went missing); otherwise it is build output, vendored data or documentation, and a
// warning would only teach people to ignore warnings. A file looks like a report when it has a report
// format's extension and either a report's name (in its path or its artifact's name) or a report's shape. The rule is documented in the
// README ("Artifacts that are not reports").

const REPORT_EXTENSIONS = new Set(['.json', '.jsonl', '.ndjson', '.sarif', '.xml', '.csv', '.nessus', '.fpr', '.xlsx']);
/** Words scanner reports are named with, and the names of common scanners. */
const REPORT_NAME = /report|result|scan|finding|vuln|audit|sarif|sbom|cyclonedx|spdx|secret|leak|lint|sast|dast|\bsca\b|security|cve|advisor|trivy|grype|semgrep|gitleaks|bandit|zap|snyk|checkov|codeql|sonar|nuclei|kics|tfsec|hadolint|gosec|brakeman|dependency|owasp|burp|nessus|qualys|prowler|anchore|clair|osv|npm-audit|yarn-audit|pip-audit|safety/i;
/** Top-level keys report formats are built around. */
const REPORT_KEYS = /^(results?|findings?|vulnerabilit(y|ies)|vulns|issues?|alerts?|runs|matches|advisories|site|Results|Issues|Vulnerabilities|Findings|scan|report|errors)$/;
function looksLikeReport(candidate, head) {
    const name = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.basename)(candidate.displayPath);
    const extension = name.toLowerCase().endsWith('.sarif.json') ? '.sarif' : (0,node_path__WEBPACK_IMPORTED_MODULE_0__.extname)(name).toLowerCase();
    if (!REPORT_EXTENSIONS.has(extension))
        return false;
    // The name counts with its folders (`reports/inventory.json`) and its artifact's name.
    if (REPORT_NAME.test(candidate.displayPath) || (candidate.artifact !== null && REPORT_NAME.test(candidate.artifact)))
        return true;
    if (!head)
        return false;
    switch (head.syntax) {
        case 'json': {
            const value = head.value;
            const keys = Array.isArray(value) ? Object.keys(value[0] ?? {}) : value && typeof value === 'object' ? Object.keys(value) : [];
            return keys.some((key) => REPORT_KEYS.test(key));
        }
        case 'jsonl':
            return true;
        case 'xml':
            return REPORT_NAME.test(head.root.name) || head.root.children.some((c) => REPORT_KEYS.test(c.name));
        case 'csv':
            return head.header.some((column) => /severity|cve|vulnerab|finding|risk/i.test(column));
        default:
            return false;
    }
}


/***/ }),

/***/ 7585:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  ak: () => (/* binding */ runCli)
});

// UNUSED EXPORTS: EXIT, cliContext

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./src/config/inputs.ts
var config_inputs = __nccwpck_require__(4389);
;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __nccwpck_require__(7975);
;// CONCATENATED MODULE: ./src/context/git.ts
// What `git` says about the working folder: the facts the CLI's context falls back on (ci.ts).


/** owner/repo and the web URL of a git remote (scp-like or URL form); null when it is neither. */
function parseRemote(url) {
    if (!url)
        return null;
    const scp = /^[^@/]+@([^:/]+):(.+?)(?:\.git)?\/?$/.exec(url);
    let host;
    let path;
    if (scp) {
        host = scp[1];
        path = scp[2];
    }
    else {
        try {
            const parsed = new URL(url);
            host = parsed.host;
            path = parsed.pathname.replace(/^\/+/, '').replace(/\.git\/?$/, '').replace(/\/+$/, '');
        }
        catch {
            return null;
        }
    }
    const parts = path.split('/').filter(Boolean);
    if (parts.length < 2)
        return null;
    return { serverUrl: `https://${host}`, owner: parts.slice(0, -1).join('/'), repo: parts.at(-1) };
}
const run = (0,external_node_util_.promisify)(external_node_child_process_namespaceObject.execFile);
async function git(args, cwd) {
    try {
        const { stdout } = await run('git', args, { cwd });
        return stdout.trim() || null;
    }
    catch {
        return null;
    }
}
/** Asks git about the working folder; every field is null where git does not know (or is not installed). */
async function readGitFacts(cwd) {
    const [branch, sha, remoteUrl, originHead, tag, remotes] = await Promise.all([
        git(['rev-parse', '--abbrev-ref', 'HEAD'], cwd),
        git(['rev-parse', 'HEAD'], cwd),
        git(['remote', 'get-url', 'origin'], cwd),
        git(['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'], cwd),
        git(['tag', '--points-at', 'HEAD'], cwd),
        git(['remote'], cwd)
    ]);
    return { branch, sha, remoteUrl, defaultBranch: originHead?.replace(/^origin\//, '') ?? null, tag: tag?.split('\n')[0] ?? null, remotes: remotes?.split('\n') ?? [] };
}

;// CONCATENATED MODULE: ./src/context/values.ts
// Reading loosely typed environment and payload values.
/** The value at `path` inside nested objects, or undefined. */
function get(value, ...path) {
    let current = value;
    for (const step of path) {
        if (typeof current !== 'object' || current === null)
            return undefined;
        current = current[step];
    }
    return current;
}
/** A non-empty string, or null. */
function str(value) {
    return typeof value === 'string' && value !== '' ? value : null;
}

;// CONCATENATED MODULE: ./src/context/ci.ts


// ---------------------------------------------------------------------------------------------------
// Small readers shared by the entries.
/** A whole number from a variable, or null (Gerrit change ids and the like are not numbers). */
function ci_int(value) {
    return value !== undefined && /^\d+$/.test(value) ? Number(value) : null;
}
/** The owner part of `owner/repo` (or `group/sub/repo`); a bare name is taken as the owner. */
function ownerOf(fullName) {
    const cut = fullName.replace(/\/+$/, '').lastIndexOf('/');
    return cut > 0 ? fullName.slice(0, cut) : fullName;
}
function splitFullName(fullName, serverUrl) {
    if (!fullName || !fullName.includes('/'))
        return undefined;
    return { serverUrl, owner: ownerOf(fullName), repo: fullName.slice(fullName.lastIndexOf('/') + 1) };
}
function stripRefsHeads(ref) {
    return ref === null ? null : ref.replace(/^refs\/heads\//, '');
}
/** The tree of a commit on the forge: Bitbucket says /src/, GitHub and GitLab (redirected) /tree/. */
function treeUrl(repository, sha) {
    if (!repository.serverUrl || !repository.owner || !repository.repo || !sha)
        return null;
    const base = `${repository.serverUrl}/${repository.owner}/${repository.repo}`;
    return /^https?:\/\/([^/]+\.)?bitbucket\.org(:\d+)?$/i.test(repository.serverUrl) ? `${base}/src/${sha}` : `${base}/tree/${sha}`;
}
// ---------------------------------------------------------------------------------------------------
// GitLab CI — https://docs.gitlab.com/ci/variables/predefined_variables/
const gitlabProjectUrl = (env) => str(env.CI_PROJECT_URL)?.replace(/\/+$/, '') ?? null;
const gitlabMergeRequestBranch = (env) => str(env.CI_MERGE_REQUEST_SOURCE_BRANCH_NAME);
const GITLAB = {
    name: 'GitLab CI',
    detect: (env) => env.GITLAB_CI === 'true',
    read: {
        eventName: (env) => env.CI_PIPELINE_SOURCE ?? 'push',
        // Merge-request pipelines report the source branch; tag pipelines have none.
        branch: (env) => gitlabMergeRequestBranch(env) ?? str(env.CI_COMMIT_BRANCH) ?? '',
        defaultBranch: (env) => str(env.CI_DEFAULT_BRANCH) ?? undefined,
        // In merged-results pipelines CI_COMMIT_SHA is the merge commit GitLab made; the source branch's
        // head is CI_MERGE_REQUEST_SOURCE_BRANCH_SHA (empty in plain merge-request pipelines).
        sha: (env) => str(env.CI_MERGE_REQUEST_SOURCE_BRANCH_SHA) ?? str(env.CI_COMMIT_SHA) ?? undefined,
        tag: (env) => env.CI_COMMIT_TAG ?? '',
        pr: (env) => (gitlabMergeRequestBranch(env) ? ci_int(env.CI_MERGE_REQUEST_IID) : null),
        pullRequest: (env) => gitlabMergeRequestBranch(env) !== null,
        // A merge request from a fork: its source project is not the project the pipeline runs in.
        fork: (env) => {
            const source = str(env.CI_MERGE_REQUEST_SOURCE_PROJECT_PATH);
            const target = str(env.CI_MERGE_REQUEST_PROJECT_PATH) ?? str(env.CI_PROJECT_PATH);
            return source && target && source.toLowerCase() !== target.toLowerCase() ? ownerOf(source) : null;
        },
        repository: (env) => {
            const [namespace, ...rest] = (env.CI_PROJECT_PATH ?? '').split('/');
            return { serverUrl: (env.CI_SERVER_URL ?? 'https://gitlab.com').replace(/\/+$/, ''), owner: env.CI_PROJECT_NAMESPACE ?? namespace ?? '', repo: env.CI_PROJECT_NAME ?? rest.at(-1) ?? '' };
        },
        runId: (env) => env.CI_PIPELINE_ID ?? '',
        runAttempt: () => '1',
        runNumber: (env) => env.CI_PIPELINE_IID ?? '',
        workflow: (env) => env.CI_PIPELINE_NAME ?? '',
        job: (env) => env.CI_JOB_NAME ?? '',
        runUrl: (env) => env.CI_PIPELINE_URL,
        // The pipeline id, shared by every job of the pipeline.
        buildId: (env) => env.CI_PIPELINE_ID ?? '',
        scmUri: (env) => (sha) => {
            const projectUrl = gitlabProjectUrl(env);
            return projectUrl && sha ? `${projectUrl}/-/tree/${sha}` : null;
        }
    }
};
// ---------------------------------------------------------------------------------------------------
// Jenkins — core variables (BUILD_NUMBER, BUILD_ID, BUILD_URL, JOB_NAME, JENKINS_URL, JENKINS_HOME), as
// every controller lists them at /env-vars.html: https://www.jenkins.io/doc/book/pipeline/jenkinsfile/#using-environment-variables
// Multibranch (BRANCH_NAME, BRANCH_IS_PRIMARY, CHANGE_ID, CHANGE_BRANCH, CHANGE_TARGET, CHANGE_FORK, TAG_NAME):
// https://github.com/jenkinsci/branch-api-plugin/blob/master/src/main/resources/jenkins/branch/BranchNameContributor/buildEnv.properties
// Git plugin (GIT_BRANCH "including remote name, as in origin/master", GIT_LOCAL_BRANCH, GIT_COMMIT,
// GIT_URL): https://plugins.jenkins.io/git/#plugin-content-environment-variables
/** A multibranch job (BRANCH_NAME is set for branches, change requests and tags alike). */
const multibranch = (env) => str(env.BRANCH_NAME) !== null;
const jenkinsChange = (env) => str(env.CHANGE_ID) !== null;
/**
 * GIT_BRANCH of a freestyle or Pipeline job: `<remote>/<branch>` (origin/feature/x), sometimes as a
 * ref (refs/heads/…, refs/remotes/origin/…); a tag as refs/tags/…; `detached` for a bare commit.
 */
function jenkinsGitBranch(value, git) {
    if (!value || value === 'detached')
        return {};
    if (value.startsWith('refs/tags/'))
        return { branch: '', tag: value.slice('refs/tags/'.length) };
    if (value.startsWith('refs/heads/'))
        return { branch: value.slice('refs/heads/'.length) };
    const remoteRef = /^(?:refs\/)?remotes\/[^/]+\/(.+)$/.exec(value);
    if (remoteRef)
        return { branch: remoteRef[1] };
    // The remote's name is the first segment; only strip names this checkout has as remotes, so a
    // branch called feature/x set by hand is not cut to x.
    const slash = value.indexOf('/');
    const remotes = new Set(['origin', ...(git.remotes ?? [])]);
    if (slash > 0 && remotes.has(value.slice(0, slash)))
        return { branch: value.slice(slash + 1) };
    return { branch: value };
}
function jenkinsBranch(env, git) {
    // For a change request BRANCH_NAME is PR-123, not a branch: CHANGE_BRANCH is the source branch.
    if (jenkinsChange(env))
        return str(env.CHANGE_BRANCH) ?? undefined;
    if (str(env.TAG_NAME))
        return '';
    if (multibranch(env))
        return env.BRANCH_NAME;
    const local = str(env.GIT_LOCAL_BRANCH);
    if (local && local !== 'detached')
        return local;
    return jenkinsGitBranch(str(env.GIT_BRANCH), git).branch;
}
function jenkinsTag(env, git) {
    if (str(env.TAG_NAME))
        return env.TAG_NAME;
    // A multibranch job that is not a tag job says so by leaving TAG_NAME unset.
    if (multibranch(env))
        return '';
    return jenkinsGitBranch(str(env.GIT_BRANCH), git).tag;
}
const JENKINS = {
    name: 'Jenkins',
    // JENKINS_URL is set only when the controller's URL is configured; JENKINS_HOME always is.
    detect: (env) => str(env.JENKINS_URL) !== null || str(env.JENKINS_HOME) !== null,
    read: {
        eventName: (env, git) => (jenkinsChange(env) ? 'pull_request' : jenkinsTag(env, git) ? 'tag' : 'push'),
        branch: jenkinsBranch,
        defaultBranch: (env) => (env.BRANCH_IS_PRIMARY === 'true' && !jenkinsChange(env) ? str(env.BRANCH_NAME) ?? undefined : undefined),
        sha: (env) => str(env.GIT_COMMIT) ?? undefined,
        tag: jenkinsTag,
        pr: (env) => (jenkinsChange(env) ? ci_int(env.CHANGE_ID) : null),
        pullRequest: jenkinsChange,
        // "the name of the forked repo": the fork's owner (GitHub), or owner/repo (Bitbucket, GitLab).
        fork: (env) => (jenkinsChange(env) && str(env.CHANGE_FORK) ? ownerOf(env.CHANGE_FORK) : null),
        repository: (env) => parseRemote(str(env.GIT_URL)) ?? undefined,
        runId: (env) => str(env.BUILD_ID) ?? env.BUILD_NUMBER,
        runNumber: (env) => env.BUILD_NUMBER,
        // A multibranch job's name ends with the branch (web/feature%2Fx): the pipeline is its folder.
        workflow: (env) => (multibranch(env) && env.JOB_NAME?.includes('/') ? env.JOB_NAME.slice(0, env.JOB_NAME.lastIndexOf('/')) : env.JOB_NAME),
        runUrl: (env) => str(env.BUILD_URL) ?? undefined,
        buildId: (env) => env.BUILD_NUMBER
    }
};
// ---------------------------------------------------------------------------------------------------
// Azure Pipelines — https://learn.microsoft.com/azure/devops/pipelines/build/variables
// BUILD_SOURCEBRANCH is the full ref (refs/heads/feature/x, refs/pull/7/merge, refs/tags/v1), never
// BUILD_SOURCEBRANCHNAME, which keeps only the last segment (feature/x → x).
const azureRef = (env) => env.BUILD_SOURCEBRANCH ?? '';
const azurePullRequest = (env) => env.BUILD_REASON === 'PullRequest' || str(env.SYSTEM_PULLREQUEST_PULLREQUESTID) !== null || str(env.SYSTEM_PULLREQUEST_PULLREQUESTNUMBER) !== null || /^refs\/pull\/\d+\//.test(azureRef(env));
const azureRepos = (env) => env.BUILD_REPOSITORY_PROVIDER === 'TfsGit';
const withoutUserInfo = (url) => url.replace(/^(https?:\/\/)[^@/]+@/, '$1');
/** Owner of a repository URL: an Azure Repos URL (…/project/_git/repo) gives the project. */
function urlOwner(url) {
    if (!url)
        return null;
    const azure = /\/([^/]+)\/_git\/[^/]+\/?$/.exec(url);
    if (azure)
        return decodeURIComponent(azure[1]);
    return parseRemote(url)?.owner ?? null;
}
const AZURE_PIPELINES = {
    name: 'Azure Pipelines',
    detect: (env) => (env.TF_BUILD ?? '').toLowerCase() === 'true',
    read: {
        eventName: (env) => str(env.BUILD_REASON) ?? undefined,
        branch: (env) => {
            // Azure Repos gives refs/heads/…, GitHub the bare name.
            if (azurePullRequest(env))
                return stripRefsHeads(str(env.SYSTEM_PULLREQUEST_SOURCEBRANCH)) ?? undefined;
            const ref = azureRef(env);
            if (ref.startsWith('refs/heads/'))
                return ref.slice('refs/heads/'.length);
            if (ref.startsWith('refs/tags/'))
                return '';
            return undefined;
        },
        // SYSTEM_PULLREQUEST_SOURCECOMMITID (the head commit of the pull request) is set by the agent but
        // not on the page above (MicrosoftDocs/azure-devops-docs#4588); BUILD_SOURCEVERSION is the merge commit then.
        sha: (env) => (azurePullRequest(env) ? str(env.SYSTEM_PULLREQUEST_SOURCECOMMITID) : null) ?? str(env.BUILD_SOURCEVERSION) ?? undefined,
        tag: (env) => (azureRef(env).startsWith('refs/tags/') ? azureRef(env).slice('refs/tags/'.length) : azureRef(env) ? '' : undefined),
        // GitHub pull requests have an id that is not their number: PULLREQUESTNUMBER is the number.
        pr: (env) => (azurePullRequest(env) ? (ci_int(env.SYSTEM_PULLREQUEST_PULLREQUESTNUMBER) ?? ci_int(env.SYSTEM_PULLREQUEST_PULLREQUESTID) ?? ci_int(/^refs\/pull\/(\d+)\//.exec(azureRef(env))?.[1])) : null),
        pullRequest: azurePullRequest,
        // The owner of the fork's repository when its URL says, else a placeholder so the run is still isolated.
        fork: (env) => (azurePullRequest(env) && (env.SYSTEM_PULLREQUEST_ISFORK ?? '').toLowerCase() === 'true' ? (urlOwner(str(env.SYSTEM_PULLREQUEST_SOURCEREPOSITORYURI)) ?? 'fork') : null),
        repository: (env) => {
            const uri = str(env.BUILD_REPOSITORY_URI);
            const name = str(env.BUILD_REPOSITORY_NAME);
            if (azureRepos(env) || (uri && /\/_git\//.test(uri))) {
                const collection = str(env.SYSTEM_COLLECTIONURI);
                const serverUrl = (collection ?? (uri ? new URL(withoutUserInfo(uri)).origin : '')).replace(/\/+$/, '');
                return name ? { serverUrl, owner: str(env.SYSTEM_TEAMPROJECT) ?? urlOwner(uri) ?? '', repo: name } : undefined;
            }
            // GitHub and other Git hosts: BUILD_REPOSITORY_NAME is owner/repo.
            const remote = parseRemote(uri);
            return splitFullName(name, remote?.serverUrl ?? 'https://github.com') ?? remote ?? undefined;
        },
        runId: (env) => env.BUILD_BUILDID,
        runAttempt: (env) => str(env.SYSTEM_JOBATTEMPT) ?? undefined,
        runNumber: (env) => env.BUILD_BUILDNUMBER,
        workflow: (env) => env.BUILD_DEFINITIONNAME,
        job: (env) => str(env.SYSTEM_JOBDISPLAYNAME) ?? env.SYSTEM_JOBNAME,
        runUrl: (env) => {
            const collection = str(env.SYSTEM_COLLECTIONURI);
            const project = str(env.SYSTEM_TEAMPROJECT);
            const id = str(env.BUILD_BUILDID);
            return collection && project && id ? `${collection.replace(/\/*$/, '/')}${encodeURIComponent(project)}/_build/results?buildId=${id}` : undefined;
        },
        buildId: (env) => env.BUILD_BUILDID,
        scmUri: (env) => {
            const uri = str(env.BUILD_REPOSITORY_URI);
            if (!azureRepos(env) || !uri)
                return undefined;
            return (sha) => (sha ? `${withoutUserInfo(uri).replace(/\/+$/, '')}?version=GC${sha}` : null);
        }
    }
};
// ---------------------------------------------------------------------------------------------------
// Bitbucket Pipelines — https://support.atlassian.com/bitbucket-cloud/docs/variables-and-secrets/
// No variable there names a fork, so `fork` stays null.
const bitbucketServer = (env) => parseRemote(str(env.BITBUCKET_GIT_HTTP_ORIGIN))?.serverUrl ?? 'https://bitbucket.org';
const bitbucketFullName = (env) => str(env.BITBUCKET_REPO_FULL_NAME) ?? (str(env.BITBUCKET_WORKSPACE) && str(env.BITBUCKET_REPO_SLUG) ? `${env.BITBUCKET_WORKSPACE}/${env.BITBUCKET_REPO_SLUG}` : null);
const BITBUCKET_PIPELINES = {
    name: 'Bitbucket Pipelines',
    detect: (env) => str(env.BITBUCKET_BUILD_NUMBER) !== null || str(env.BITBUCKET_COMMIT) !== null,
    read: {
        eventName: (env) => (str(env.BITBUCKET_PR_ID) ? 'pull_request' : str(env.BITBUCKET_TAG) ? 'tag' : 'push'),
        // In pull-request pipelines BITBUCKET_BRANCH is the source branch (BITBUCKET_PR_DESTINATION_BRANCH the target).
        branch: (env) => str(env.BITBUCKET_BRANCH) ?? (str(env.BITBUCKET_TAG) ? '' : undefined),
        sha: (env) => str(env.BITBUCKET_COMMIT) ?? undefined,
        tag: (env) => env.BITBUCKET_TAG ?? '',
        pr: (env) => ci_int(env.BITBUCKET_PR_ID),
        pullRequest: (env) => str(env.BITBUCKET_PR_ID) !== null,
        fork: () => null,
        repository: (env) => splitFullName(bitbucketFullName(env), bitbucketServer(env)),
        runId: (env) => env.BITBUCKET_BUILD_NUMBER,
        runNumber: (env) => env.BITBUCKET_BUILD_NUMBER,
        // The pipeline's page as Bitbucket links it (not on the variables page).
        runUrl: (env) => {
            const fullName = bitbucketFullName(env);
            return fullName && str(env.BITBUCKET_BUILD_NUMBER) ? `${bitbucketServer(env)}/${fullName}/pipelines/results/${env.BITBUCKET_BUILD_NUMBER}` : undefined;
        },
        buildId: (env) => env.BITBUCKET_BUILD_NUMBER
    }
};
// ---------------------------------------------------------------------------------------------------
// CircleCI — https://circleci.com/docs/reference/variables/#built-in-environment-variables
// CIRCLE_PR_NUMBER, CIRCLE_PR_USERNAME and CIRCLE_PR_REPONAME are set only on pull requests from forks.
const circlePullRequest = (env) => str(env.CIRCLE_PULL_REQUEST) !== null || str(env.CIRCLE_PR_NUMBER) !== null;
const CIRCLECI = {
    name: 'CircleCI',
    detect: (env) => env.CIRCLECI === 'true',
    read: {
        eventName: (env) => (circlePullRequest(env) ? 'pull_request' : str(env.CIRCLE_TAG) ? 'tag' : 'push'),
        branch: (env) => str(env.CIRCLE_BRANCH) ?? (str(env.CIRCLE_TAG) ? '' : undefined),
        sha: (env) => str(env.CIRCLE_SHA1) ?? undefined,
        tag: (env) => env.CIRCLE_TAG ?? '',
        // CIRCLE_PULL_REQUEST is the pull request's URL: …/pull/12 (GitHub), …/pull-requests/12 (Bitbucket).
        pr: (env) => ci_int(env.CIRCLE_PR_NUMBER) ?? ci_int(/\/pull(?:-requests)?\/(\d+)\/?$/.exec(env.CIRCLE_PULL_REQUEST ?? '')?.[1]),
        pullRequest: circlePullRequest,
        fork: (env) => str(env.CIRCLE_PR_USERNAME),
        repository: (env) => {
            const remote = parseRemote(str(env.CIRCLE_REPOSITORY_URL));
            const owner = str(env.CIRCLE_PROJECT_USERNAME);
            const repo = str(env.CIRCLE_PROJECT_REPONAME);
            return owner && repo ? { serverUrl: remote?.serverUrl ?? 'https://github.com', owner, repo } : (remote ?? undefined);
        },
        runId: (env) => str(env.CIRCLE_WORKFLOW_ID) ?? env.CIRCLE_BUILD_NUM,
        runNumber: (env) => env.CIRCLE_BUILD_NUM,
        job: (env) => env.CIRCLE_JOB,
        runUrl: (env) => str(env.CIRCLE_BUILD_URL) ?? undefined,
        // The job number: CircleCI puts no pipeline number in the environment.
        buildId: (env) => env.CIRCLE_BUILD_NUM
    }
};
/** Every CI system the CLI knows, first detected wins. */
const CI_SYSTEMS = [GITLAB, JENKINS, AZURE_PIPELINES, BITBUCKET_PIPELINES, CIRCLECI];
/** What git says when nothing is known (no repository, no git). */
const NO_GIT = { branch: null, sha: null, remoteUrl: null, defaultBranch: null, tag: null };
/** The context for one CI system (or git alone when `system` is null). */
function contextFor(system, env, git, workspace) {
    const said = (field) => system?.read[field]?.(env, git);
    const gitBranch = git.branch && git.branch !== 'HEAD' ? git.branch : '';
    const repository = said('repository') ?? parseRemote(git.remoteUrl) ?? { serverUrl: '', owner: '', repo: '' };
    const sha = said('sha') ?? git.sha ?? '';
    const forgeTree = said('scmUri');
    const scmUri = forgeTree ? forgeTree(sha) : treeUrl(repository, sha);
    return {
        owner: repository.owner,
        repo: repository.repo,
        serverUrl: repository.serverUrl,
        eventName: said('eventName') ?? (system ? 'push' : 'local'),
        branch: said('branch') ?? gitBranch,
        defaultBranch: said('defaultBranch') ?? git.defaultBranch,
        sha,
        pr: said('pr') ?? null,
        pullRequest: said('pullRequest') ?? false,
        fork: said('fork') ?? null,
        // Only GitHub withholds secrets from a run; these systems give what the project configured.
        secretsWithheld: null,
        source: system?.name ?? 'git',
        tag: (said('tag') ?? git.tag) || null,
        runId: said('runId') ?? '',
        runAttempt: said('runAttempt') ?? '1',
        runNumber: said('runNumber') ?? '',
        workflow: said('workflow') ?? '',
        job: said('job') ?? '',
        runUrl: said('runUrl') || null,
        buildId: said('buildId') ?? '',
        scmUri,
        workspace
    };
}
/** The CLI's context: the first CI system detected in `env`, filled in from git; git alone elsewhere. */
function deriveCliContext(env, git, workspace) {
    return contextFor(CI_SYSTEMS.find((system) => system.detect(env)) ?? null, env, git, workspace);
}

;// CONCATENATED MODULE: ./src/errors.ts
// The ways a run can stop or fail as a whole, told apart by type (user error vs. server vs. bug), so
// every shell ends it the same way: a configuration problem is the user's to fix (the CLI exits 2), a
// failed token check or artifact listing is the environment's (exit 1), anything else is a bug.
/** A user error in the inputs: the run stops before any upload and says what to change. */
class ConfigError extends Error {
    problems;
    constructor(problems) {
        super(problems.length === 1 ? problems[0] : `${problems.length} inputs are invalid:\n- ${problems.join('\n- ')}`);
        this.name = 'ConfigError';
        this.problems = problems;
    }
}
/** Two or more reports would land in one test and take turns closing each other's findings. */
class CollisionError extends Error {
    constructor(message) {
        super(message);
        this.name = 'CollisionError';
    }
}
/** Whether a fatal failure is the user's to fix in the inputs (the CLI's usage exit code). */
function isUserError(fatal) {
    return fatal !== null && (fatal.kind === 'configuration' || fatal.kind === 'collision');
}
/** For switches that must cover every case: a new case fails to compile here. */
function assertNever(value) {
    throw new Error(`unexpected value ${JSON.stringify(value)}`);
}

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __nccwpck_require__(4006);
var picomatch_default = /*#__PURE__*/__nccwpck_require__.n(picomatch);
;// CONCATENATED MODULE: ./src/scan-types.ts
// Every scan_type string that DefectDojo's import-scan / reimport-scan API accepts, byte for byte.
// Source: DefectDojo/django-DefectDojo @ 7cfa159a6767b0ac6e66f3b1597a997e607e7308 (3.2.0), the serializer's
// scan_type choices (dojo/tools/factory.py get_choices_sorted), as listed in docs/defectdojo-api.md §g.
// There is no alias table on the server: any other string is a 400 (docs/defectdojo-api.md §h).
const SCAN_TYPES = [
    "AIDE Scan",
    "APKLeaks Scan",
    "AWS Inspector2 Scan",
    "AWS Prowler Scan",
    "AWS Prowler V3",
    "AWS Security Finding Format (ASFF) Scan",
    "AWS Security Hub Scan",
    "Acunetix Scan",
    "Alert Logic Scan",
    "Anchore Engine Scan",
    "Anchore Enterprise Policy Check",
    "Anchore Grype",
    "Anchore Grype detailed",
    "AnchoreCTL Policies Report",
    "AnchoreCTL Vuln Report",
    "AppCheck Web Application Scanner",
    "AppSpider Scan",
    "Aqua Scan",
    "Arachni Scan",
    "AuditJS Scan",
    "Azure Security Center Recommendations Scan",
    "Bandit Scan",
    "Bearer CLI",
    "BlackDuck API",
    "Blackduck Binary Analysis",
    "Blackduck Component Risk",
    "Blackduck Hub Scan",
    "Brakeman Scan",
    "BugCrowd Scan",
    "Bugcrowd API Import",
    "Bundler-Audit Scan",
    "Burp Dastardly Scan",
    "Burp Enterprise Scan",
    "Burp GraphQL API",
    "Burp REST API",
    "Burp Scan",
    "Burp Suite DAST Scan",
    "CSAF Scan",
    "CargoAudit Scan",
    "Checkmarx CxFlow SAST",
    "Checkmarx OSA",
    "Checkmarx One Scan",
    "Checkmarx Scan",
    "Checkmarx Scan detailed",
    "Checkov Scan",
    "Chef Inspect Log",
    "Choctaw Hog Scan",
    "Clair Scan",
    "ClamAV Scan",
    "Cloudflare Insights",
    "Cloudsploit Scan",
    "Cobalt.io API Import",
    "Cobalt.io Scan",
    "Codechecker Report native",
    "Composer Audit Scan",
    "Conftest Scan",
    "Contrast Scan",
    "Coverity API",
    "Coverity Scan JSON Report",
    "Cppcheck Scan",
    "Crashtest Security JSON File",
    "Crashtest Security XML File",
    "CredScan Scan",
    "Crunch42 Scan",
    "Cyberwatch scan (Galeax)",
    "CycloneDX Scan",
    "Cycognito Scan",
    "DSOP Scan",
    "DawnScanner Scan",
    "Deepfence Threatmapper Report",
    "Dependency Check Scan",
    "Dependency Track Finding Packaging Format (FPF) Export",
    "Detect-secrets Scan",
    "DevSkim Scan",
    "Dirsearch Scan",
    "Dockle Scan",
    "Dotnet Vulnerable Packages Scan",
    "DrHeader JSON Importer",
    "Duroc Hog Scan",
    "ESLint Scan",
    "Edgescan Scan",
    "Essex Hog Scan",
    "Firmwalker Scan",
    "Flawfinder Scan",
    "Fortify Scan",
    "Fortify Scan v2",
    "Garak Scan",
    "Generic Findings Import",
    "Ggshield Scan",
    "GitLab API Fuzzing Report Scan",
    "GitLab Container Scan",
    "GitLab DAST Report",
    "GitLab Dependency Scanning Report",
    "GitLab SAST Report",
    "GitLab Secret Detection Report",
    "Github SAST Scan",
    "Github Secrets Detection Report Scan",
    "Github Vulnerability Scan",
    "Gitleaks Scan",
    "Gobuster Scan",
    "Google Cloud Artifact Vulnerability Scan",
    "Gosec Scanner",
    "Gottingen Hog Scan",
    "Govulncheck Scanner",
    "Govulncheck Scanner V2",
    "HCL AppScan on Cloud SAST XML",
    "HCLAppScan XML",
    "HackerOne Cases",
    "Hadolint Dockerfile check",
    "Harbor Vulnerability Scan",
    "Horusec Scan",
    "Humble Json Importer",
    "HuskyCI Report",
    "Hydra Scan",
    "IBM AppScan DAST",
    "Immuniweb Scan",
    "Infer Scan",
    "IntSights Report",
    "Invicti Scan",
    "IriusRisk Threats Scan",
    "JFrog Xray API Summary Artifact Scan",
    "JFrog Xray On Demand Binary Scan",
    "JFrog Xray Scan",
    "JFrog Xray Unified Scan",
    "KICS Scan",
    "Kiuwan SCA Scan",
    "Kiuwan Scan",
    "KrakenD Audit Scan",
    "KubeHunter Scan",
    "KubeLinter Scan",
    "Kubeaudit Scan",
    "Kubescape JSON Importer",
    "Legitify Scan",
    "Lynis Scan",
    "MSDefender Parser",
    "Masscan Scan",
    "Mayhem SARIF Report",
    "Mend Scan",
    "Meterian Scan",
    "Microfocus Webinspect Scan",
    "Mix Audit Scan",
    "MobSF Scan",
    "MobSF Scorecard Scan",
    "Mobsfscan Scan",
    "Mozilla Observatory Scan",
    "NPM Audit Scan",
    "NPM Audit v7+ Scan",
    "Naabu Scan",
    "Nancy Scan",
    "Netsparker Scan",
    "Nettacker Scan",
    "NeuVector (REST)",
    "NeuVector (compliance)",
    "Nexpose Scan",
    "Nikto Scan",
    "Nmap Scan",
    "Node Security Platform Scan",
    "Nosey Parker Scan",
    "Nuclei Scan",
    "ORT evaluated model Importer",
    "OSV Scan",
    "OpenReports",
    "OpenVAS Parser",
    "OpenVAS Parser v2",
    "OpenVEX Scan",
    "Openscap Vulnerability Scan",
    "Orca Security Alerts",
    "OssIndex Devaudit SCA Scan Importer",
    "Outpost24 Scan",
    "PHP Security Audit v2",
    "PHP Symfony Security Check",
    "PICUS Scan",
    "PMD Scan",
    "PTART Report",
    "PWN SAST",
    "PingCastle",
    "Polaris Scan",
    "Popeye Scan",
    "Progpilot Scan",
    "Promptfoo Scan",
    "Prowler Scan",
    "QARK Scan",
    "Qualys Hacker Guardian Scan",
    "Qualys Infrastructure Scan (WebGUI XML)",
    "Qualys Scan",
    "Qualys VMDR",
    "Qualys Webapp Scan",
    "Rapplex Scan",
    "Red Hat Satellite",
    "Retire.js Scan",
    "ReversingLabs Spectra Assure",
    "Risk Recon API Importer",
    "Rubocop Scan",
    "Rusty Hog Scan",
    "SARIF",
    "SKF Scan",
    "SPDX Scan",
    "SSH Audit Importer",
    "SSL Labs Scan",
    "SSLyze Scan (JSON)",
    "Scantist Scan",
    "Scout Suite Scan",
    "Secretlint Scan",
    "Semgrep JSON Report",
    "Semgrep Pro JSON Report",
    "Snyk Code Scan",
    "Snyk Issue API Scan",
    "Snyk Scan",
    "Solar Appscreener Scan",
    "SonarQube API Import",
    "SonarQube Scan",
    "SonarQube Scan detailed",
    "Sonatype Application Scan",
    "SpotBugs Scan",
    "Sqlmap Scan",
    "Sslscan",
    "Sslyze Scan",
    "StackHawk HawkScan",
    "Sysdig CLI Report",
    "Sysdig Vulnerability Report",
    "TFSec Scan",
    "Talisman Scan",
    "Tenable Scan",
    "Terrascan Scan",
    "Testssl Scan",
    "Threagile risks report",
    "ThreatComposer Scan",
    "Trivy Operator Scan",
    "Trivy Scan",
    "Trufflehog Scan",
    "Trufflehog3 Scan",
    "Trustwave Fusion API Scan",
    "Trustwave Scan (CSV)",
    "Twistlock Image Scan",
    "VCG Scan",
    "Veracode Scan",
    "Veracode SourceClear Scan",
    "Vulners",
    "WFuzz JSON report",
    "Wapiti Scan",
    "Wazuh",
    "WhatWeb Scan",
    "Whispers Scan",
    "WhiteHat Sentinel",
    "Wiz Scan",
    "Wizcli Dir Scan",
    "Wizcli IaC Scan",
    "Wizcli Img Scan",
    "Wpscan",
    "Xanitizer Scan",
    "Xeol Parser",
    "Xygeni SAST Scan",
    "Xygeni SCA Scan",
    "Xygeni Secrets Scan",
    "YARA Scan",
    "Yarn Audit Scan",
    "ZAP Scan",
    "Zora Parser",
    "cfn-lint Scan",
    "cfn-nag Scan",
    "chkrootkit Scan",
    "cwe_checker Scan",
    "docker-bench-security Scan",
    "ffuf Scan",
    "httpx Scan",
    "kube-bench Scan",
    "n0s1 Scanner",
    "njsscan Scan",
    "pip-audit Scan",
    "pnpm Audit Scan",
    "rkhunter Scan",
];
/** Scan types whose parser can pull from an API instead of a file (requires_file=False). */
const API_SCAN_TYPES = (/* unused pure expression or super */ null && ([
    "BlackDuck API",
    "Bugcrowd API Import",
    "Cobalt.io API Import",
    "Edgescan Scan",
    "SonarQube API Import",
    "Vulners",
]));

;// CONCATENATED MODULE: ./src/config/templates.ts
// Naming templates: `{placeholder}` → value. Product type, product, engagement and test title are
// templates so one step can follow the practitioners' naming model (one product per service, an
// engagement per lane or one long-running CI/CD engagement, one test per scanner track).
/** Every placeholder a template may use; any other `{name}` is an input error. */
const PLACEHOLDERS = ['owner', 'repo', 'branch', 'pr', 'workflow', 'job', 'artifact', 'tool', 'scan_type', 'lane', 'file', 'report', 'environment'];
/** What each placeholder is filled with, for --help. */
const PLACEHOLDER_MEANINGS = {
    owner: 'the owner or group of the repository (GitHub owner, GitLab namespace)',
    repo: 'the repository (project) name',
    branch: 'the branch the reports describe',
    pr: 'the pull (merge) request number, empty elsewhere',
    workflow: 'the workflow or pipeline name (GitLab CI_PIPELINE_NAME, Jenkins job)',
    job: 'the job name',
    artifact: 'the artifact the report came from, empty for a file on disk',
    tool: 'the tool that wrote the report, e.g. gitleaks',
    scan_type: "DefectDojo's scan type, e.g. Gitleaks Scan",
    lane: 'sast, sca, secrets, dast, container, iac, cloud, sbom or other',
    file: "the report's file name without its extension",
    report: 'the report as it is named in the log: artifact/path, or its path',
    environment: 'the --environment value'
};
const PLACEHOLDER_PATTERN = /\{([^{}]*)\}/g;
/** Problems with a template's placeholders, as sentences about `subject` ("Input `product`"). */
function checkTemplate(subject, template) {
    const problems = [];
    for (const [, name] of template.matchAll(PLACEHOLDER_PATTERN)) {
        if (!PLACEHOLDERS.includes(name)) {
            problems.push(`${subject} uses the unknown placeholder {${name}}: use one of ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}.`);
        }
    }
    // `ci-{branch` would be sent as it is: a brace that opens or closes nothing is a typo.
    if (/[{}]/.test(template.replace(PLACEHOLDER_PATTERN, '')))
        problems.push(`${subject} ("${template}") has a brace that opens or closes no placeholder: write placeholders as {name}.`);
    return problems;
}
/** Fills a template; runs of spaces left by empty values are folded. */
function fillTemplate(template, values) {
    return template
        .replace(PLACEHOLDER_PATTERN, (whole, name) => (name in values ? values[name] : whole))
        .replace(/\s{2,}/g, ' ')
        .replace(/\(\s*\)/g, '')
        .trim();
}

;// CONCATENATED MODULE: ./src/config/rules.ts
// The `scan-types` input: per-file rules, one per line, that set a report's scan type and, for a
// monorepo, where it lands:
//
//   <glob> = <Exact Scan Type | *> [; product=<template>] [; product-type=<template>] [; engagement=<template>] [; test-title=<template>]
//
// `*` keeps recognition by content. The glob is matched against the file's path inside its artifact,
// or relative to the workspace. The first matching line wins. Everything is validated before any upload.




const KEYS = { product: 'product', 'product-type': 'productType', engagement: 'engagement', 'test-title': 'testTitle' };
/** Parses the `scan-types` lines; problems are sentences naming the input and the line. */
function parseReportRules(lines, problems) {
    const rules = [];
    lines.forEach((line, index) => {
        const where = `${(0,config_inputs/* inputSubject */.By)('scan-types')} line ${index + 1} ("${line}")`;
        const equals = line.indexOf('=');
        if (equals <= 0) {
            problems.push(`${where} is not \`<glob> = <Scan Type>\`, e.g. \`reports/custom/*.json = Generic Findings Import\`.`);
            return;
        }
        const pattern = line.slice(0, equals).trim();
        const [typePart, ...settings] = line.slice(equals + 1).split(';').map((part) => part.trim());
        const rule = { pattern, matches: picomatch_default()(pattern, { dot: true }), scanType: null, productType: null, product: null, engagement: null, testTitle: null };
        if (typePart && typePart !== '*') {
            if (SCAN_TYPES.includes(typePart))
                rule.scanType = typePart;
            else {
                const suggestion = suggestScanType(typePart);
                problems.push(`${where} names the scan type "${typePart}", which DefectDojo does not accept${suggestion ? `: did you mean "${suggestion}"?` : '.'} Scan types are exact, case-sensitive strings.`);
            }
        }
        else if (!typePart) {
            problems.push(`${where} has no scan type after "=": name one, or \`*\` to keep recognition by content.`);
        }
        for (const setting of settings.filter((s) => s !== '')) {
            const [key, ...rest] = setting.split('=');
            const name = key.trim();
            const value = rest.join('=').trim();
            if (!(name in KEYS) || !value) {
                problems.push(`${where}: "${setting}" is not one of product=…, product-type=…, engagement=…, test-title=….`);
                continue;
            }
            problems.push(...checkTemplate(`${(0,config_inputs/* inputSubject */.By)('scan-types')} line ${index + 1} (${name})`, value));
            rule[KEYS[name]] = value;
        }
        rules.push(rule);
    });
    return rules;
}
/** The rule for a file: the first line whose glob matches its path, applied whole (scan type and routing), or null. */
function ruleFor(rules, displayPath) {
    return rules.find((rule) => rule.matches(displayPath)) ?? null;
}
/** The accepted scan type a user most likely meant: `Trivy` → `Trivy Scan`, `zap scan` → `ZAP Scan`. */
function suggestScanType(input) {
    const wanted = normalise(input);
    if (!wanted)
        return null;
    const exactFolded = SCAN_TYPES.find((t) => normalise(t) === wanted);
    if (exactFolded)
        return exactFolded;
    const prefixed = SCAN_TYPES.filter((t) => normalise(t).startsWith(wanted)).sort((a, b) => a.length - b.length);
    if (prefixed.length > 0)
        return prefixed[0];
    let best = null;
    for (const type of SCAN_TYPES) {
        const distance = editDistance(wanted, normalise(type));
        if (!best || distance < best.distance)
            best = { type, distance };
    }
    return best && best.distance <= Math.max(2, Math.floor(wanted.length / 4)) ? best.type : null;
}
function normalise(text) {
    return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}
function editDistance(a, b) {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let previous = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const current = row[j];
            row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
            previous = current;
        }
    }
    return row[b.length];
}

;// CONCATENATED MODULE: ./src/config/config.ts
// Every input, parsed and validated in one place into one typed Config. A pure function of the raw
// input strings, so both shells and the tests feed it alike. All problems are collected and reported
// together, each naming the input, the value and what is accepted, before anything is sent anywhere.




/** Reads typed values from the raw strings, collecting problems instead of throwing. */
class Reader {
    problems = [];
    raw;
    constructor(raw) {
        this.raw = raw;
    }
    /** The trimmed value, or the table's default when empty or missing. */
    text(name) {
        const value = this.raw[name]?.trim();
        return value === undefined || value === '' ? config_inputs/* INPUTS */.mc[name].default : value;
    }
    /** Lines or list items, trimmed, blanks and `#` comments dropped. */
    items(name) {
        const value = this.raw[name] ?? config_inputs/* INPUTS */.mc[name].default;
        return (0,config_inputs/* inputSpec */.mm)(name).kind === 'list' ? splitList(value) : splitLines(value);
    }
    flag(name) {
        return this.boolean(name, this.text(name)) ?? false;
    }
    /** true / false, or null when not set. */
    tristate(name) {
        const value = this.text(name);
        return value === '' ? null : this.boolean(name, value);
    }
    choice(name) {
        const value = this.text(name);
        const choices = ((0,config_inputs/* inputSpec */.mm)(name).choices ?? []);
        if (choices.includes(value))
            return value;
        this.problems.push(`${(0,config_inputs/* inputSubject */.By)(name)} is "${value}": use one of ${choices.join(', ')}.`);
        return choices[0];
    }
    /** A choice that may be left empty (DefectDojo's default). */
    optionalChoice(name) {
        return this.text(name) === '' ? null : this.choice(name);
    }
    number(name) {
        const spec = (0,config_inputs/* inputSpec */.mm)(name);
        const value = this.text(name);
        const number = Number(value);
        const integer = spec.kind === 'integer';
        const { min, max } = spec.range ?? { min: -Infinity, max: Infinity };
        if (value === '' || !Number.isFinite(number) || number < min || number > max || (integer && !Number.isInteger(number))) {
            this.problems.push(`${(0,config_inputs/* inputSubject */.By)(name)} is "${value}": use ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}.`);
            return min;
        }
        return number;
    }
    optionalNumber(name) {
        return this.text(name) === '' ? null : this.number(name);
    }
    /** `YYYY-MM-DD`, the only date format DefectDojo accepts (docs/defectdojo-api.md §0). */
    date(name, rule) {
        const value = this.text(name);
        if (value === '')
            return null;
        const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : null;
        if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
            this.problems.push(`${(0,config_inputs/* inputSubject */.By)(name)} is "${value}": use a date as YYYY-MM-DD.`);
            return null;
        }
        // The server refuses a scan_date after its own date; a day of slack covers time zones.
        if (rule.notInFuture && date.getTime() > Date.now() + 86_400_000)
            this.problems.push(`${(0,config_inputs/* inputSubject */.By)(name)} is "${value}", which is in the future: DefectDojo refuses it.`);
        return value;
    }
    /** The YAML 1.2 core-schema booleans, as @actions/core accepts them. */
    boolean(name, value) {
        if (['true', 'True', 'TRUE'].includes(value))
            return true;
        if (['false', 'False', 'FALSE'].includes(value))
            return false;
        this.problems.push(`${(0,config_inputs/* inputSubject */.By)(name)} is "${value}": use true or false.`);
        return null;
    }
}
/** `earlier`: problems found before the values were read (misspelled inputs), reported with the rest. */
function parseConfig(raw, earlier = []) {
    const read = new Reader(raw);
    const problems = read.problems;
    problems.push(...earlier);
    const dryRun = read.flag('dry-run');
    const url = read.text('defectdojo-url');
    const token = read.text('defectdojo-token');
    const allowInsecure = read.flag('allow-insecure-http');
    let defectdojoUrl = null;
    if (url)
        defectdojoUrl = parseUrl(url, allowInsecure, problems);
    else if (!dryRun)
        problems.push(`${(0,config_inputs/* inputSubject */.By)('defectdojo-url')} is required (the base URL of DefectDojo, e.g. https://defectdojo.example.com), unless ${(0,config_inputs/* inputSetting */.pw)('dry-run', 'true')}.`);
    if (!token && !dryRun)
        problems.push(`${(0,config_inputs/* inputSubject */.By)('defectdojo-token')} is required (a DefectDojo API v2 key, best from a secret), unless ${(0,config_inputs/* inputSetting */.pw)('dry-run', 'true')}.`);
    if (token && /\s/.test(token))
        problems.push(`${(0,config_inputs/* inputSubject */.By)('defectdojo-token')} contains white space: paste only the 40-character API v2 key, without "Token ".`);
    else if (token && invisible(token) !== null)
        problems.push(`${(0,config_inputs/* inputSubject */.By)('defectdojo-token')} contains ${invisible(token)}: paste only the 40-character API v2 key, as DefectDojo shows it.`);
    for (const name of ['product-type', 'product', 'engagement', 'test-title'])
        problems.push(...checkTemplate((0,config_inputs/* inputSubject */.By)(name), read.text(name)));
    const runId = read.text('run-id');
    const repository = read.text('repository');
    const githubToken = read.text('github-token');
    let otherRun = null;
    if (runId) {
        if (!/^\d+$/.test(runId))
            problems.push(`${(0,config_inputs/* inputSubject */.By)('run-id')} is "${runId}": use the numeric id of a workflow run (github.event.workflow_run.id).`);
        const [owner, repo, extra] = repository.split('/');
        if (repository && (!owner || !repo || extra !== undefined))
            problems.push(`${(0,config_inputs/* inputSubject */.By)('repository')} is "${repository}": use owner/name.`);
        if (!githubToken)
            problems.push(`${(0,config_inputs/* inputSubject */.By)('github-token')} is required with \`run-id\` (the default, github.token, works when the workflow grants \`actions: read\`).`);
        otherRun = { runId: Number(runId), repository: repository ? { owner: owner ?? '', repo: repo ?? '' } : null };
    }
    else if (repository) {
        problems.push(`${(0,config_inputs/* inputSubject */.By)('repository')} only applies together with \`run-id\`: give the run whose artifacts to download.`);
    }
    const clientCertificate = read.text('client-certificate') || null;
    const clientKey = read.text('client-key') || null;
    if (Boolean(clientCertificate) !== Boolean(clientKey))
        problems.push('Inputs `client-certificate` and `client-key` go together: give both PEM files for mutual TLS, or neither.');
    const mode = read.choice('mode');
    const options = importOptions(read);
    if (options.doNotReactivate !== null && mode === 'import') {
        problems.push(`${(0,config_inputs/* inputSubject */.By)('do-not-reactivate')} only applies to reimport: remove it, or use ${(0,config_inputs/* inputSetting */.pw)('mode', 'reimport')}.`);
    }
    if (options.closeOldFindingsProductScope && mode === 'reimport') {
        problems.push(`${(0,config_inputs/* inputSubject */.By)('close-old-findings-product-scope')} has no effect on reimport (DefectDojo ignores it there): remove it, or use ${(0,config_inputs/* inputSetting */.pw)('mode', 'import')}.`);
    }
    const config = {
        defectdojoUrl,
        defectdojoToken: token || null,
        paths: read.items('path'),
        // `artifacts` is the one input where an explicit empty value means something (download nothing).
        artifactPatterns: read.items('artifacts'),
        artifactsExplicit: raw.artifacts !== undefined,
        otherRun,
        githubToken: githubToken || null,
        prComment: read.choice('pr-comment'),
        keepDownloads: read.flag('keep-downloads'),
        includeTrackedFiles: read.flag('include-tracked-files'),
        dryRun,
        productTypeTemplate: read.text('product-type'),
        productTemplate: read.text('product'),
        engagementTemplate: read.text('engagement'),
        testTitleTemplate: read.text('test-title'),
        environment: read.text('environment'),
        ifNoReports: read.choice('if-no-reports'),
        concurrency: read.number('concurrency'),
        retries: read.number('retries'),
        requestTimeoutMs: Math.round(read.number('timeout-minutes') * 60_000),
        maxReportBytes: Math.floor(read.number('max-report-size-mb') * 1048576),
        caCertificates: read.text('ca-certificates') || null,
        clientCertificate,
        clientKey,
        extraHeaders: parseHeaders(raw['extra-headers'] ?? '', problems),
        mode,
        branchIsolation: read.flag('branch-isolation'),
        contextOverrides: { branch: read.text('branch') || null, commit: read.text('commit') || null, defaultBranch: read.text('default-branch') || null },
        ifNoBranch: read.choice('if-no-branch'),
        ifNoCredentials: read.choice('if-no-credentials'),
        version: read.text('version') || null,
        rules: parseReportRules(read.items('scan-types'), problems),
        options,
        failOnError: read.flag('fail-on-error'),
        failOnUnrecognized: read.flag('fail-on-unrecognized')
    };
    if (problems.length > 0)
        throw new ConfigError(problems);
    return config;
}
/** Whether the inputs ask for a dry run, even when other inputs are invalid (for the summary of a failed run). */
function wasDryRun(raw) {
    return new Reader(raw).flag('dry-run');
}
function importOptions(read) {
    const tags = read.items('tags');
    for (const tag of tags) {
        // docs/defectdojo-api.md §0: each tag may not contain spaces, commas or quotes (DefectDojo's tag validator).
        if (/[\s,'"]/.test(tag))
            read.problems.push(`${(0,config_inputs/* inputSubject */.By)('tags')} has "${tag}": tags may not contain spaces, commas or quotes.`);
    }
    return {
        service: read.text('service') || null,
        scanDate: read.date('scan-date', { notInFuture: true }),
        minimumSeverity: read.optionalChoice('minimum-severity'),
        active: read.tristate('active'),
        verified: read.tristate('verified'),
        closeOldFindings: read.tristate('close-old-findings'),
        closeOldFindingsProductScope: read.tristate('close-old-findings-product-scope'),
        doNotReactivate: read.tristate('do-not-reactivate'),
        tags,
        applyTagsToFindings: read.tristate('apply-tags-to-findings'),
        applyTagsToEndpoints: read.tristate('apply-tags-to-endpoints'),
        groupBy: read.optionalChoice('group-by'),
        createFindingGroupsForAllFindings: read.tristate('create-finding-groups-for-all-findings'),
        pushToJira: read.tristate('push-to-jira'),
        deduplicationOnEngagement: read.tristate('deduplication-on-engagement'),
        deduplicationExecutionMode: read.optionalChoice('deduplication-execution-mode'),
        engagementEndDate: read.date('engagement-end-date', { notInFuture: false }),
        lead: read.optionalNumber('lead'),
        apiScanConfiguration: read.optionalNumber('api-scan-configuration')
    };
}
/** Newline-separated values, trimmed, blanks and `#` comments dropped. */
function splitLines(value) {
    return value
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '' && !line.startsWith('#'));
}
/** Newline- or comma-separated values. */
function splitList(value) {
    return splitLines(value.replace(/,/g, '\n'));
}
/** Headers DefectDojo or HTTP itself owns: overriding them would break the upload or the auth. */
const RESERVED_HEADERS = new Set(['authorization', 'content-type', 'content-length', 'host', 'transfer-encoding', 'connection', 'x-request-id']);
/** `extra-headers` lines `Name: value`. */
function parseHeaders(value, problems) {
    const headers = {};
    splitLines(value).forEach((line, index) => {
        const colon = line.indexOf(':');
        const name = colon > 0 ? line.slice(0, colon).trim() : '';
        if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
            // The line may hold a secret: say which line, never what it holds.
            problems.push(`${(0,config_inputs/* inputSubject */.By)('extra-headers')} line ${index + 1} is not \`Name: value\`.`);
            return;
        }
        if (RESERVED_HEADERS.has(name.toLowerCase())) {
            problems.push(`${(0,config_inputs/* inputSubject */.By)('extra-headers')} may not set ${name}: the action sets it itself.`);
            return;
        }
        const headerValue = line.slice(colon + 1).trim();
        // Never the value itself: it is a secret.
        if (invisible(headerValue) !== null)
            problems.push(`${(0,config_inputs/* inputSubject */.By)('extra-headers')} line ${index + 1} (${name}) has ${invisible(headerValue)} in its value: HTTP cannot send it; paste the value again.`);
        headers[name] = headerValue;
    });
    return headers;
}
/** "a control or invisible character (U+200B at position 12)" for the first one in a value, or null. Never the value. */
function invisible(value) {
    const match = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/.exec(value);
    if (!match)
        return null;
    return `a control or invisible character (U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} at position ${match.index + 1})`;
}
const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;
function parseUrl(value, allowInsecure, problems) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        problems.push(`${(0,config_inputs/* inputSubject */.By)('defectdojo-url')} is "${value}", which is not a URL: give the base URL, e.g. https://defectdojo.example.com.`);
        return null;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        problems.push(`${(0,config_inputs/* inputSubject */.By)('defectdojo-url')} is "${value}": use an http:// or https:// URL.`);
        return null;
    }
    if (url.protocol === 'http:' && !allowInsecure && !LOOPBACK.test(url.hostname)) {
        problems.push(`${(0,config_inputs/* inputSubject */.By)('defectdojo-url')} is "${value}": plain http:// would send the API key unencrypted; use https://, or set ${(0,config_inputs/* inputSetting */.pw)('allow-insecure-http', 'true')} for a trusted network.`);
        return null;
    }
    if (url.username || url.password) {
        problems.push(`${(0,config_inputs/* inputSubject */.By)('defectdojo-url')} contains credentials: put the API key in ${(0,config_inputs/* theInput */.y8)('defectdojo-token')} instead.`);
        return null;
    }
    // Users paste the API root or a UI page; the client appends /api/v2/… itself.
    const path = url.pathname.replace(/\/+$/, '').replace(/\/api\/v2$/, '');
    return `${url.origin}${path}`;
}

;// CONCATENATED MODULE: ./src/config/files.ts
// The input files a run needs (PEM files for TLS), read and checked right after the inputs, so a
// missing or wrong file is a configuration error before anything else, in dry-run too.



/** Reads the PEM files named by the inputs; a missing or non-PEM file is a configuration error. */
async function readConfigFiles(config) {
    const problems = [];
    const read = async (input, path, marker) => {
        if (!path)
            return null;
        try {
            const text = await (0,promises_.readFile)(path, 'utf8');
            if (!marker.test(text))
                problems.push(`${(0,config_inputs/* inputSubject */.By)(input)} names ${path}, which holds no PEM block (-----BEGIN …-----).`);
            return text;
        }
        catch (error) {
            problems.push(`${(0,config_inputs/* inputSubject */.By)(input)} names ${path}, which cannot be read (${error.code ?? String(error)}).`);
            return null;
        }
    };
    // One after another, so the problems come in the order of the inputs.
    const ca = await read('ca-certificates', config.caCertificates, /-----BEGIN CERTIFICATE-----/);
    const cert = await read('client-certificate', config.clientCertificate, /-----BEGIN CERTIFICATE-----/);
    const key = await read('client-key', config.clientKey, /-----BEGIN [A-Z ]*PRIVATE KEY-----/);
    if (problems.length > 0)
        throw new ConfigError(problems);
    return { ca, cert, key };
}

;// CONCATENATED MODULE: ./src/context/overrides.ts
function withOverrides(context, overrides) {
    const sha = overrides.commit ?? context.sha;
    return {
        ...context,
        branch: overrides.branch ?? context.branch,
        defaultBranch: overrides.defaultBranch ?? context.defaultBranch,
        sha,
        scmUri: overrides.commit && context.scmUri && context.sha ? context.scmUri.replace(context.sha, sha) : context.scmUri
    };
}

;// CONCATENATED MODULE: ./src/context/run-label.ts
// What each CI system calls the page of one run, for links to it: GitHub's "workflow run" is a
// GitLab "pipeline" and a Jenkins "build".
const LABELS = {
    'GitHub Actions': 'workflow run',
    'GitLab CI': 'pipeline',
    Jenkins: 'build',
    'Azure Pipelines': 'pipeline run',
    'Bitbucket Pipelines': 'pipeline',
    CircleCI: 'workflow'
};
/** The link label for the run's page, by RunContext.source. */
function runLabel(source) {
    return LABELS[source] ?? 'CI run';
}

// EXTERNAL MODULE: ./src/model.ts
var model = __nccwpck_require__(182);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: ./src/plan/dedup.ts
// Deduplication by target test, not by bytes. Two clean reports of two scanners or two services are
// byte for byte the same (`[]`), and each must still reimport into its own test, or that test's fixed
// findings stay open forever. So a file is uploaded once per distinct test it plans to, and skipped
// only when it is the very same report reached twice, or when the same content would go to the same
// test again. Only files of equal size are hashed, so the usual run, where every report has its own
// size or its own test, reads nothing.





/** Streams a file through sha256. */
async function sha256File(path) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for await (const chunk of (0,external_node_fs_namespaceObject.createReadStream)(path))
        hash.update(chunk);
    return hash.digest('hex');
}
/**
 * The very same report reached twice: a file of a downloaded artifact that is also in the workspace
 * (actions/download-artifact put it there, as `<folder>/<artifact>/<path>` for several artifacts or
 * `<folder>/<path>` for one, and `path` found it). Same content, and the workspace path ends with the
 * artifact's name and path; with the artifact's path alone only when no other artifact file of that
 * path and content could be the one. The workspace file, found first, is kept.
 */
async function sameFiles(candidates) {
    const hashes = new Map();
    const hash = (index) => hashes.get(index) ?? hashes.set(index, sha256File(candidates[index].absolutePath)).get(index);
    const same = async (a, b) => candidates[a].size === candidates[b].size && (await hash(a)) === (await hash(b));
    const endsWith = (path, tail) => path === tail || path.endsWith(`/${tail}`);
    const workspace = candidates.flatMap((c, index) => (c.artifact === null ? [index] : []));
    const artifacts = candidates.flatMap((c, index) => (c.artifact !== null ? [index] : []));
    const copies = [];
    const used = new Set();
    for (const a of artifacts) {
        const { artifact, displayPath } = candidates[a];
        for (const w of workspace) {
            if (!used.has(w) && endsWith(candidates[w].displayPath, `${artifact}/${displayPath}`) && (await same(a, w))) {
                copies.push({ copy: a, kept: w, why: 'same-file' });
                used.add(w);
                break;
            }
        }
    }
    const copied = new Set(copies.map((c) => c.copy));
    for (const w of workspace) {
        if (used.has(w))
            continue;
        const matches = [];
        for (const a of artifacts)
            if (!copied.has(a) && endsWith(candidates[w].displayPath, candidates[a].displayPath) && (await same(a, w)))
                matches.push(a);
        if (matches.length === 1) {
            copies.push({ copy: matches[0], kept: w, why: 'same-file' });
            copied.add(matches[0]);
            used.add(w);
        }
    }
    return copies;
}
/** The DefectDojo test an upload lands in: reimport finds it by product, engagement, scan type and title (docs/defectdojo-api.md §b). */
function testKey(upload) {
    const t = upload.target;
    return JSON.stringify([t.product, t.engagement, upload.recognition.scanType, t.testTitle]);
}
/**
 * Uploads that would land in one test: the same content is sent once (the others are copies of the
 * first); different contents would take turns closing each other's findings on every run, which is a
 * collision, reported before anything is sent.
 */
async function oneUploadPerTest(planned) {
    const byTest = new Map();
    planned.forEach((upload, index) => byTest.set(testKey(upload), [...(byTest.get(testKey(upload)) ?? []), index]));
    const copies = [];
    const clashes = [];
    for (const group of byTest.values()) {
        if (group.length < 2)
            continue;
        const firstWithContent = new Map();
        for (const index of group) {
            const upload = planned[index];
            const digest = `${upload.candidate.size}:${await sha256File(upload.candidate.absolutePath)}`;
            const kept = firstWithContent.get(digest);
            if (kept === undefined)
                firstWithContent.set(digest, index);
            else
                copies.push({ copy: index, kept, why: 'same-test' });
        }
        if (firstWithContent.size > 1)
            clashes.push([...firstWithContent.values()]);
    }
    if (clashes.length === 0)
        return { copies, collision: null };
    const lines = clashes.map((group) => {
        const first = planned[group[0]];
        const t = first.target;
        return `- ${group.map((i) => (0,model/* reportLabel */.tr)(planned[i].candidate)).join(', ')} → product "${t.product}", engagement "${t.engagement}", ${first.recognition.scanType}, test "${t.testTitle}"`;
    });
    return {
        copies,
        collision: new CollisionError(`These reports would land in the same DefectDojo test and close each other's findings on every run:\n${lines.join('\n')}\n` +
            `Give each its own test: add {report}, {artifact} or {file} to ${(0,config_inputs/* theInput */.y8)('test-title')}, or route them apart with ${(0,config_inputs/* theInput */.y8)('engagement')}.`)
    };
}

;// CONCATENATED MODULE: ./src/plan/plan.ts
// Recognised reports → planned uploads: where each lands (product type, product, engagement, test
// title) and every multipart field sent with it. Nothing lands in another branch's engagement, and no
// name DefectDojo cannot store is sent: both are configuration errors before anything is sent.






/**
 * Plans every report. Throws ConfigError when the run's branch is unknown while isolation needs it, or
 * when a template gives a name DefectDojo cannot store.
 */
function planUploads(config, context, reports) {
    if (reports.length === 0)
        return [];
    const isolation = isolationOf(config, context);
    if (isolation.kind === 'unknown')
        throw new ConfigError([noBranchProblem(context)]);
    const problems = [];
    const uploads = reports.map(({ candidate, recognition }) => {
        const { target, templates } = targetFor(config, context, isolation.suffix, candidate, recognition);
        const fields = fieldsFor(config, context, recognition, target);
        problems.push(...targetProblems(target, templates, (0,model/* reportLabel */.tr)(candidate)), ...fieldProblems(fields, context));
        const endpoint = config.mode === 'import' ? 'import-scan' : 'reimport-scan';
        return { candidate, recognition, target, endpoint, fields, baseline: baselineFor(config, context, target, candidate, recognition) };
    });
    if (problems.length > 0)
        throw new ConfigError([...new Set(problems)]);
    return uploads;
}
function templateValues(config, context, candidate, recognition) {
    const name = (0,external_node_path_.basename)(candidate.displayPath);
    return {
        owner: context.owner,
        repo: context.repo,
        // A fork's branch is named with its owner, so it never reads as the base repository's branch.
        branch: context.fork && context.branch ? `${context.fork}:${context.branch}` : context.branch,
        pr: context.pr === null ? '' : String(context.pr),
        workflow: context.workflow,
        job: context.job,
        artifact: candidate.artifact ?? '',
        tool: recognition.tool,
        // The current name even when sent under a former one: the test's title survives the server's upgrade.
        scan_type: recognition.renamedFrom ?? recognition.scanType,
        lane: recognition.lane,
        file: name.slice(0, name.length - (0,external_node_path_.extname)(name).length) || name,
        report: (0,model/* reportLabel */.tr)(candidate),
        environment: config.environment
    };
}
function targetFor(config, context, suffix, candidate, recognition) {
    const values = templateValues(config, context, candidate, recognition);
    // The first `scan-types` line that matches applies whole: its scan type and its routing.
    const rule = ruleFor(config.rules, candidate.displayPath);
    const from = (input, own, template) => ({ input, template: own ?? template, rule: own === null ? null : rule.pattern });
    const templates = {
        productType: from('product-type', rule?.productType ?? null, config.productTypeTemplate),
        product: from('product', rule?.product ?? null, config.productTemplate),
        engagement: from('engagement', rule?.engagement ?? null, config.engagementTemplate),
        testTitle: from('test-title', rule?.testTitle ?? null, config.testTitleTemplate)
    };
    let engagement = fillTemplate(templates.engagement.template, values);
    if (suffix !== null && !templates.engagement.template.includes('{branch}'))
        engagement = `${engagement} (${suffix})`;
    const target = {
        productType: fillTemplate(templates.productType.template, values),
        product: fillTemplate(templates.product.template, values),
        engagement,
        testTitle: fillTemplate(templates.testTitle.template, values)
    };
    return { target, templates };
}
/** The longest names DefectDojo's database stores (docs/defectdojo-api.md §j); longer ones fail there as an HTTP 500. */
const NAME_LIMITS = { productType: 255, product: 255, engagement: 300, testTitle: 255 };
/**
 * Names DefectDojo needs and can store: an empty test title reimports into the newest test of the scan
 * type, whatever its title, and an over-long one fails in the database after the context was created.
 */
function targetProblems(target, templates, report) {
    const problems = [];
    for (const field of ['productType', 'product', 'engagement', 'testTitle']) {
        const { input, template, rule } = templates[field];
        const where = rule ? `${(0,config_inputs/* inputSubject */.By)('scan-types')} line "${rule}" (${input}=${template})` : `${(0,config_inputs/* inputSubject */.By)(input)} ("${template}")`;
        if (target[field] === '')
            problems.push(`${where} gives an empty name for ${report}: DefectDojo needs one; use a template whose placeholders are known for this run, or a fixed name.`);
        else if (target[field].length > NAME_LIMITS[field]) {
            problems.push(`${where} gives a name of ${target[field].length} characters for ${report} ("${clip(target[field])}"); DefectDojo stores at most ${NAME_LIMITS[field]}: shorten the template.`);
        }
    }
    return problems;
}
/** Context fields DefectDojo stores in short columns (docs/defectdojo-api.md §j), and the input that sets each. */
const FIELD_LIMITS = [
    ['branch_tag', 150, 'branch', 'the branch'],
    ['commit_hash', 150, 'commit', 'the commit'],
    ['build_id', 150, null, 'the build id'],
    ['version', 100, 'version', 'the version'],
    ['source_code_management_uri', 600, 'commit', 'the source link']
];
function fieldProblems(fields, context) {
    const problems = [];
    for (const [field, limit, input, what] of FIELD_LIMITS) {
        const value = fields[field];
        if (typeof value !== 'string' || value.length <= limit)
            continue;
        const fix = input ? `set a shorter one with ${(0,config_inputs/* theInput */.y8)(input)}` : `it comes from ${context.source}`;
        problems.push(`${what[0].toUpperCase()}${what.slice(1)} "${clip(value)}" (sent as ${field}) is ${value.length} characters; DefectDojo stores at most ${limit}: ${fix}.`);
    }
    return problems;
}
function clip(text) {
    return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
/**
 * Where the same report lands on the default branch: the templates filled in as for a push to it (no
 * pull request, no fork, the default branch's name). A run on the default branch, or one that shares its
 * test (isolation off and no branch in the names), is its own baseline.
 */
function baselineFor(config, context, target, candidate, recognition) {
    if (isolationOf({ branchIsolation: true, ifNoBranch: 'isolate' }, context).kind === 'none')
        return { kind: 'self' };
    const onDefault = { ...context, branch: context.defaultBranch ?? '', pr: null, pullRequest: false, fork: null, tag: null };
    const { target: main, templates } = targetFor(config, onDefault, null, candidate, recognition);
    if (context.defaultBranch === null && Object.values(templates).some((t) => t.template.includes('{branch}'))) {
        return { kind: 'unknown', why: `the default branch's name is not known and the names use {branch}: set ${(0,config_inputs/* theInput */.y8)('default-branch')}` };
    }
    return JSON.stringify(main) === JSON.stringify(target) ? { kind: 'self' } : { kind: 'test', target: main };
}
/**
 * Branch isolation, by where the code comes from: a pull request (or a run triggered by one), a fork
 * and any branch but the default one upload into an engagement of their own, "<engagement> (<suffix>)",
 * so their reimports never close or reactivate the default branch's findings. A fork's suffix names its
 * owner (`octo:main`), so it never collides with a branch of the same name in the base repository. When
 * the environment does not name the default branch, main and master count as default. A tag build
 * without a branch uploads into the default engagement; any other run without a branch is `unknown`.
 */
function isolationOf(config, context) {
    if (!config.branchIsolation)
        return { kind: 'none', suffix: null };
    const origin = context.fork ? `${context.fork}:` : '';
    if (context.branch === '') {
        if (context.tag && !context.pullRequest && !context.fork)
            return { kind: 'none', suffix: null };
        return config.ifNoBranch === 'isolate' ? { kind: 'isolated', suffix: `${origin}no branch` } : { kind: 'unknown' };
    }
    if (context.pullRequest || context.fork)
        return { kind: 'isolated', suffix: `${origin}${context.branch}` };
    const isDefault = context.defaultBranch ? context.branch === context.defaultBranch : context.branch === 'main' || context.branch === 'master';
    return isDefault ? { kind: 'none', suffix: null } : { kind: 'isolated', suffix: context.branch };
}
function noBranchProblem(context) {
    return (`No branch is known for this run (${context.source} did not say which: a detached HEAD, or a CI whose variables this tool does not read), and with branch isolation ` +
        `its reports must not land in the default branch's engagement: name the branch with ${(0,config_inputs/* theInput */.y8)('branch')}, or set ${(0,config_inputs/* inputSetting */.pw)('if-no-branch', 'isolate')} (uploads into "<engagement> (no branch)"), ` +
        `or ${(0,config_inputs/* inputSetting */.pw)('branch-isolation', 'false')} to use one engagement for every branch.`);
}
function fieldsFor(config, context, recognition, target) {
    const fields = {
        scan_type: recognition.scanType,
        product_type_name: target.productType,
        product_name: target.product,
        engagement_name: target.engagement,
        test_title: target.testTitle,
        // Never false: an explicit false turns a missing context into an unhelpful 404 (docs/defectdojo-api.md §b).
        auto_create_context: 'true',
        environment: config.environment,
        // Sent on every upload, even empty: a reimport that omits them clears the stored values (docs/defectdojo-api.md §a).
        branch_tag: context.branch,
        commit_hash: context.sha,
        build_id: context.buildId,
        version: config.version ?? context.tag ?? ''
    };
    if (context.scmUri)
        fields.source_code_management_uri = context.scmUri;
    const o = config.options;
    const optional = [
        ['service', o.service],
        // Only when given: forcing it overrides the scanner's own dates and DefectDojo's SLA clocks.
        ['scan_date', o.scanDate],
        ['minimum_severity', o.minimumSeverity],
        ['active', o.active],
        ['verified', o.verified],
        ['close_old_findings', o.closeOldFindings],
        ['close_old_findings_product_scope', o.closeOldFindingsProductScope],
        ['do_not_reactivate', o.doNotReactivate],
        ['apply_tags_to_findings', o.applyTagsToFindings],
        ['apply_tags_to_endpoints', o.applyTagsToEndpoints],
        ['group_by', o.groupBy],
        ['create_finding_groups_for_all_findings', o.createFindingGroupsForAllFindings],
        ['push_to_jira', o.pushToJira],
        ['deduplication_on_engagement', o.deduplicationOnEngagement],
        ['deduplication_execution_mode', o.deduplicationExecutionMode],
        ['engagement_end_date', o.engagementEndDate],
        ['lead', o.lead],
        ['api_scan_configuration', o.apiScanConfiguration]
    ];
    for (const [name, value] of optional)
        if (value !== null)
            fields[name] = String(value);
    // Repeated fields, one tag each (docs/defectdojo-api.md §0).
    if (o.tags.length > 0)
        fields.tags = [...o.tags];
    return fields;
}

;// CONCATENATED MODULE: ./src/plan/server-types.ts


/** The scan types the run's endpoint accepts, or null when the schema did not say (the built-in table then holds). */
function acceptedTypes(server, endpoint) {
    const types = server?.scanTypes[endpoint] ?? server?.scanTypes[endpoint === 'import-scan' ? 'reimport-scan' : 'import-scan'];
    return types && types.length > 0 ? new Set(types) : null;
}
/** "DefectDojo 2.20.0", or "This DefectDojo" when its schema gives no version. */
function serverName(server) {
    return server?.version ? `DefectDojo ${server.version}` : 'this DefectDojo (its schema gives no version)';
}
function fitToServer(config, server, reports) {
    const accepted = acceptedTypes(server, config.mode === 'import' ? 'import-scan' : 'reimport-scan');
    if (!accepted)
        return { accepted: [...reports], refused: [], renamed: [] };
    const dojo = serverName(server);
    const fitted = { accepted: [], refused: [], renamed: [] };
    for (const report of reports) {
        const { recognition } = report;
        const type = recognition.scanType;
        // A server that still accepts the former name predates the migration: its parser of that name is the one for this format.
        if (recognition.decidedBy !== 'override' && recognition.formerly && accepted.has(recognition.formerly)) {
            const why = `sent as "${recognition.formerly}", the name ${dojo} has for "${type}" (a DefectDojo migration renames it, with its tests, on upgrade)`;
            const renamed = { ...report, recognition: { ...recognition, scanType: recognition.formerly, renamedFrom: type, evidence: [...recognition.evidence, why] } };
            fitted.accepted.push(renamed);
            fitted.renamed.push({ report: renamed, why });
            continue;
        }
        if (accepted.has(type)) {
            fitted.accepted.push(report);
            continue;
        }
        const missing = `${dojo} does not accept the scan type "${type}" (not in its schema: added in a later release, or switched off on that server)`;
        const rule = recognition.decidedBy === 'override' ? ruleFor(config.rules, report.candidate.displayPath) : null;
        const reason = rule
            ? `not sent: the ${(0,config_inputs/* inputName */.yu)('scan-types')} line for "${rule.pattern}" names "${type}", but ${missing}: name a scan type that server accepts, or upgrade DefectDojo.`
            : `not sent: ${missing}: upgrade DefectDojo to import this report.`;
        fitted.refused.push({ report, reason });
    }
    return fitted;
}

;// CONCATENATED MODULE: ./src/plan/volatile.ts
// Names that change every run. An artifact called `trivy-report-${{ github.sha }}` gives every run a
// new test title, so a new test: reimport never closes a fixed finding and the product fills with
// tests. Such names are warned about (log and summary) with the fix; they are not errors, since a
// user may want one test per run (`mode: import` does that on purpose).


/** What in a name changes from run to run, e.g. "this run's commit SHA (0a1b2c3)", or null. */
function volatilePart(name, context, now) {
    const sha = context.sha.toLowerCase();
    if (/^[0-9a-f]{7,40}$/.test(sha)) {
        for (const [hex] of name.toLowerCase().matchAll(/[0-9a-f]{7,40}/g))
            if (sha.startsWith(hex))
                return `this run's commit SHA (${hex})`;
    }
    const token = (value) => new RegExp(`(^|\\D)${value}(\\D|$)`).test(name);
    // Short numbers appear in names by chance ("v2", "report-12"); a run id is long, a run number from 3 digits on.
    if (context.runId.length >= 5 && token(context.runId))
        return `this run's id (${context.runId})`;
    if (context.runNumber.length >= 3 && token(context.runNumber))
        return `this run's number (${context.runNumber})`;
    const day = now.toISOString().slice(0, 10);
    for (const form of [day, day.replace(/-/g, ''), day.replace(/-/g, '_')])
        if (token(form))
            return `today's date (${form})`;
    return null;
}
const FIELDS = [
    ['testTitle', 'test title', 'test-title'],
    ['engagement', 'engagement', 'engagement'],
    ['product', 'product', 'product']
];
/** One warning per planned name that changes every run, naming the report, the part and the fix. */
function volatileNames(planned, context, now = new Date()) {
    if (planned.length === 0)
        return [];
    const warnings = [];
    for (const upload of planned) {
        for (const [field, label, input] of FIELDS) {
            const part = volatilePart(upload.target[field], context, now);
            if (!part)
                continue;
            const where = upload.candidate.artifact ? `name the artifact \`${upload.candidate.artifact}\` without it (e.g. \`${stable(upload.candidate.artifact, part)}\`)` : 'name the file without it';
            warnings.push(`The ${label} "${upload.target[field]}" of ${(0,model/* reportLabel */.tr)(upload.candidate)} contains ${part}: every run makes a new DefectDojo ${field === 'testTitle' ? 'test' : label}, so reimport never closes its fixed findings. ` +
                `To keep one ${field === 'testTitle' ? 'test' : label}, ${where}, or set ${(0,config_inputs/* theInput */.y8)(input)} to a name without it.`);
            break;
        }
    }
    return warnings;
}
/** The artifact name with the changing part taken out: `trivy-report-0a1b2c3` → `trivy-report`. */
function stable(name, part) {
    const value = /\(([^)]+)\)$/.exec(part)?.[1] ?? '';
    const cut = name.replace(new RegExp(`[-_.]?${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[0-9a-f]*`, 'i'), '');
    return cut || name;
}

;// CONCATENATED MODULE: ./src/pool.ts
// Bounded concurrency, the one worker pool of the project: recognition, artifact downloads and the
// upload scheduler all run through it.
/** Maps with at most `limit` calls in flight, keeping order. Calls start in input order. */
async function mapLimit(items, limit, fn) {
    const out = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const index = next++;
            out[index] = await fn(items[index], index);
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    return out;
}
/** A gate for work that arrives over time: at most `limit` calls run at once, the others wait in turn. */
function limiter(limit) {
    let running = 0;
    const waiting = [];
    return async (fn) => {
        if (running >= Math.max(1, limit))
            await new Promise((resolve) => waiting.push(resolve));
        running++;
        try {
            return await fn();
        }
        finally {
            running--;
            waiting.shift()?.();
        }
    };
}

// EXTERNAL MODULE: ./src/recognition/report-like.ts
var report_like = __nccwpck_require__(6925);
;// CONCATENATED MODULE: ./src/report/results.ts
// Result rows, built once from what each stage said about a file, and what is computed from them:
// the totals and the results file (the machine-readable contract). The outputs (outputs.ts) and the
// summary (summary.ts) are the other two renderings of the same Result[].


/** The one Result of a file. */
function fileResult(stages) {
    const { candidate, recognition } = stages;
    const report = recognition.kind === 'report' ? recognition : null;
    const planned = stages.planned ?? null;
    const outcome = stages.outcome ?? null;
    const base = {
        ...baseResult(candidate),
        scanType: report?.scanType ?? null,
        format: report?.format ?? null,
        tool: report?.tool ?? null,
        lane: report?.lane ?? null,
        reason: recognition.kind === 'skipped' ? recognition.reason : null,
        uploadName: report?.uploadName ?? null,
        product: planned?.target.product ?? null,
        productType: planned?.target.productType ?? null,
        engagement: planned?.target.engagement ?? null,
        testTitle: planned?.target.testTitle ?? null,
        duplicates: stages.copies ?? [],
        decidedBy: report?.decidedBy ?? null,
        evidence: recognition.evidence,
        fields: planned?.fields ?? null,
        humanReadable: recognition.kind === 'skipped' && recognition.humanReadable,
        reportLike: recognition.kind === 'skipped' && recognition.reportLike,
        unsafe: recognition.kind === 'skipped' && recognition.unsafe === true,
        contentReadsAs: report?.rule?.contradicts ? report.rule.readsAs : null
    };
    if (!report)
        return base;
    if (stages.copyOf) {
        const { label, why } = stages.copyOf;
        const reason = why === 'same-file'
            ? `same content as ${label}, which was used instead: the same report reached twice (a downloaded artifact's file also found under \`path\`), uploaded once`
            : `same content as ${label}, which goes to the same DefectDojo test: uploaded once`;
        return { ...base, reason, duplicateOf: label };
    }
    if (stages.notAttempted)
        return { ...base, status: 'failed', reason: stages.notAttempted };
    if (stages.dryRun && planned)
        return { ...base, status: 'planned' };
    if (!outcome)
        return { ...base, status: 'failed', reason: 'not attempted.' };
    if (outcome.status === 'failed')
        return { ...base, status: 'failed', reason: outcome.reason, attempts: outcome.attempts, ...outcome.emptyTest };
    const { answer, links } = outcome;
    return {
        ...base,
        status: 'uploaded',
        testId: answer.testId,
        testUrl: links.test,
        engagementId: answer.engagementId,
        engagementUrl: links.engagement,
        productId: answer.productId,
        productUrl: links.product,
        counts: answer.counts,
        evidence: [...recognition.evidence, ...outcome.evidence],
        attempts: outcome.attempts,
        newFindings: outcome.newFindings ?? [],
        novelty: outcome.novelty ?? null,
        ...(outcome.fixedFindings ? { fixedFindings: outcome.fixedFindings } : {})
    };
}
/** A skipped Result with every field present (null where not known), for one candidate. */
function baseResult(candidate) {
    return {
        file: candidate.displayPath,
        artifact: candidate.artifact,
        status: 'skipped',
        scanType: null,
        format: null,
        tool: null,
        lane: null,
        reason: null,
        uploadName: null,
        product: null,
        productType: null,
        engagement: null,
        testTitle: null,
        testId: null,
        testUrl: null,
        engagementId: null,
        engagementUrl: null,
        productId: null,
        productUrl: null,
        counts: null,
        duplicates: [],
        duplicateOf: null,
        decidedBy: null,
        evidence: [],
        fields: null,
        humanReadable: false,
        reportLike: false,
        unsafe: false,
        contentReadsAs: null,
        attempts: 0,
        newFindings: [],
        novelty: null
    };
}
/** A Result for an artifact that could not be used at all (download failed, digest mismatch, expired). */
function artifactFailureResult(failure) {
    return { ...baseResult({ absolutePath: '', displayPath: '', artifact: failure.artifact, size: 0 }), status: 'failed', reason: failure.reason };
}
/** A Result for a file that was reached but cannot be used (a name that is not UTF-8, a link out of its folder…). */
function unusableResult(file) {
    const candidate = { absolutePath: '', displayPath: file.displayPath, artifact: file.artifact, size: 0 };
    return { ...baseResult(candidate), reason: file.reason, reportLike: (0,report_like/* looksLikeReport */.Q)(candidate, null) };
}
/** How a result is named in logs and tables: `artifact/path`, or the artifact alone. */
function resultLabel(result, separator = '/') {
    return (0,model/* reportLabel */.tr)({ artifact: result.artifact, displayPath: result.file }, separator);
}
/** Each product and engagement of the results once, in the order they first appear, with the first links known. */
function runTargets(results) {
    const targets = new Map();
    for (const r of results) {
        if (r.product === null || r.engagement === null)
            continue;
        const key = JSON.stringify([r.product, r.engagement]);
        const known = targets.get(key);
        targets.set(key, {
            productType: known?.productType ?? r.productType,
            product: r.product,
            engagement: r.engagement,
            productUrl: known?.productUrl ?? r.productUrl,
            engagementUrl: known?.engagementUrl ?? r.engagementUrl
        });
    }
    return [...targets.values()];
}
function computeTotals(results) {
    const totals = {
        uploaded: 0,
        planned: 0,
        skipped: 0,
        failed: 0,
        created: 0,
        closed: 0,
        reactivated: 0,
        untouched: 0,
        unknownCounts: 0,
        createdBySeverity: model/* NO_FINDINGS */.BU,
        activeBySeverity: model/* NO_FINDINGS */.BU,
        newBySeverity: model/* NO_FINDINGS */.BU,
        newUnknown: 0,
        onMain: 0,
        triagedOnMain: 0
    };
    for (const r of results) {
        totals[r.status]++;
        if (r.status !== 'uploaded')
            continue;
        for (const delta of model/* DELTAS */.CH)
            totals[delta] += (0,model/* deltaTotal */.ZW)(r, delta) ?? 0;
        if (!r.counts?.created || r.novelty?.kind !== 'known')
            totals.unknownCounts++;
        if (r.novelty?.kind === 'known') {
            totals.newBySeverity = (0,model/* addCounts */.c5)(totals.newBySeverity, r.novelty.new);
            totals.onMain += r.novelty.onMain;
            totals.triagedOnMain += r.novelty.triagedOnMain;
        }
        else
            totals.newUnknown++;
        if (r.counts?.created)
            totals.createdBySeverity = (0,model/* addCounts */.c5)(totals.createdBySeverity, r.counts.created);
        if (r.counts?.activeAfter)
            totals.activeBySeverity = (0,model/* addCounts */.c5)(totals.activeBySeverity, r.counts.activeAfter);
    }
    return totals;
}
/** A result as the results file writes it: with the four delta totals flat beside `counts`. */
function documentRow(r) {
    const { counts, ...rest } = r;
    const row = { ...rest };
    // Kept in the order the file has always had: the flat totals right before `counts`.
    const ordered = {};
    for (const [key, value] of Object.entries(row)) {
        if (key === 'duplicates') {
            for (const delta of model/* DELTAS */.CH)
                ordered[delta] = (0,model/* deltaTotal */.ZW)(r, delta);
            ordered.counts = counts;
        }
        ordered[key] = value;
    }
    return ordered;
}
/** The results file's JSON: a versioned envelope around every Result. */
function resultsDocument(results, meta) {
    const totals = computeTotals(results);
    // defectdojoVersion: the release the server's schema names (null when it was not read).
    return JSON.stringify({ version: 1, dryRun: meta.dryRun, defectdojoUrl: meta.defectdojoUrl, defectdojoVersion: meta.defectdojoVersion ?? null, totals, results: results.map(documentRow) }, null, 2) + '\n';
}

;// CONCATENATED MODULE: ./src/report/outputs.ts
// Result[] → the step outputs a gate step reads: the totals, the severities of what
// was created and of what is active after the reimports, and `results`, a compact JSON of every report
// kept under GitHub's output size limit (the full data stays in the results file). Pure.


/** Byte budget of the `results` output: GitHub's limit for one output is 1 MB; this keeps a margin. */
const RESULTS_OUTPUT_LIMIT_BYTES = 950_000;
const REASON_MAX = 500;
function compact(r) {
    const reason = r.reason !== null && r.reason.length > REASON_MAX ? `${r.reason.slice(0, REASON_MAX - 1)}…` : r.reason;
    return {
        file: r.file,
        artifact: r.artifact,
        status: r.status,
        scanType: r.scanType,
        reason,
        testId: r.testId,
        testUrl: r.testUrl,
        created: (0,model/* deltaTotal */.ZW)(r, 'created'),
        new: r.novelty?.kind === 'known' ? r.novelty.new.total : null,
        closed: (0,model/* deltaTotal */.ZW)(r, 'closed'),
        reactivated: (0,model/* deltaTotal */.ZW)(r, 'reactivated'),
        untouched: (0,model/* deltaTotal */.ZW)(r, 'untouched')
    };
}
/** Which rows stay longest when the output must be cut: failures, then reports, then skipped files. */
function priority(r) {
    if (r.status === 'failed')
        return 0;
    if (r.status === 'uploaded' || r.status === 'planned')
        return 1;
    return r.humanReadable ? 3 : 2;
}
function bytes(text) {
    return Buffer.byteLength(text, 'utf8');
}
/**
 * The `results` output: compact JSON of every report, under `limitBytes`. When it does not fit, the
 * least useful rows (files for people, then other skipped files, then reports, failures last; later
 * rows first) are dropped and the document says so (`truncated: true`, `omitted`); the rows kept stay
 * in their original order.
 */
function compactResultsJson(results, limitBytes = RESULTS_OUTPUT_LIMIT_BYTES) {
    const rows = results.map(compact);
    const full = { truncated: false, total: rows.length, omitted: 0, results: rows };
    const text = JSON.stringify(full);
    if (bytes(text) <= limitBytes)
        return text;
    // Keep the k most important rows for the largest k that fits; sizes add up exactly (rows + commas).
    const order = results.map((r, index) => ({ index, priority: priority(r) })).sort((a, b) => a.priority - b.priority || a.index - b.index);
    const sizes = order.map(({ index }) => bytes(JSON.stringify(rows[index])));
    const envelope = (kept) => bytes(JSON.stringify({ truncated: true, total: rows.length, omitted: rows.length - kept, results: [] }));
    let kept = 0;
    let size = envelope(0);
    while (kept < order.length) {
        const next = size - envelope(kept) + envelope(kept + 1) + sizes[kept] + (kept > 0 ? 1 : 0);
        if (next > limitBytes)
            break;
        size = next;
        kept++;
    }
    const keep = new Set(order.slice(0, kept).map(({ index }) => index));
    const document = { truncated: true, total: rows.length, omitted: rows.length - kept, results: rows.filter((_, index) => keep.has(index)) };
    return JSON.stringify(document);
}
/** Every output the action sets, with its description: action.yml and the README are written from this. */
const OUTPUTS = {
    new: "New findings over all reports: findings the default branch does not have (README \"What counts as new\"). Reports whose new findings are not known add nothing and count in counts-unknown.",
    'new-critical': 'New critical findings, over all reports.',
    'new-high': 'New high findings.',
    'new-medium': 'New medium findings.',
    'new-low': 'New low findings.',
    'new-info': 'New info findings.',
    created: "Findings DefectDojo created, over all reports: its raw count, which includes findings the default branch already has (gate on new-* instead).",
    closed: 'Findings closed, over all reports.',
    reactivated: 'Findings reactivated, over all reports.',
    untouched: 'Findings matched and left as they were, over all reports.',
    uploaded: 'Number of reports uploaded.',
    skipped: 'Number of files skipped (not a report, or not recognised).',
    failed: 'Number of reports not uploaded: refused, failed, or not attempted because DefectDojo could not be used.',
    defectdojo: 'Whether DefectDojo could be used: `available` (the token check passed), `unavailable` (unreachable, DNS, TLS, a timeout, an HTML page or login instead of the API), `rejected` (the API refused the token), `unused` (nothing was sent: dry run, no credentials, nothing to upload, or the run stopped first). With fail-on-error false a gate reads it to fail open or closed.',
    'counts-unknown': "Uploaded reports whose new findings are not known (DefectDojo's answer had no counts, an earlier attempt may have imported the report, or the lookup of the default branch's findings failed): when not 0, new-* and created-* are incomplete, so a gate should not pass on them. Reports not uploaded at all (`failed`, e.g. every report when `defectdojo` is not `available`) are not counted here: a gate must check `failed` too.",
    'created-critical': "Critical findings DefectDojo created, over all reports (its raw count; see new-critical).",
    'created-high': "High findings DefectDojo created (raw count).",
    'created-medium': "Medium findings DefectDojo created (raw count).",
    'created-low': "Low findings DefectDojo created (raw count).",
    'created-info': "Info findings DefectDojo created (raw count).",
    'active-critical': "Critical findings active after the reimports, over all uploaded reports' tests.",
    'active-high': 'High findings active after the reimports.',
    'active-medium': 'Medium findings active after the reimports.',
    'active-low': 'Low findings active after the reimports.',
    'active-info': 'Info findings active after the reimports.',
    results: "Compact JSON of the per-report results (kept under GitHub's output limit; the full data is in results-file).",
    'results-file': 'Path of a JSON file with one entry per file looked at (status, scan type, test link, counts).',
    'defectdojo-version': "The DefectDojo release the reports went to, from its API schema (e.g. 3.2.0); empty when it was not read (dry run, or a server that hides its schema)."
};
/**
 * Every step output, all strings: the totals (created, closed, reactivated, untouched, uploaded, skipped,
 * failed), `created-<severity>` and `active-<severity>` (active after the reimports, summed over the
 * uploaded reports) for critical, high, medium, low and info, `results` (compactResultsJson) and
 * `results-file`, and `defectdojo-version`. Counts DefectDojo did not give add nothing to the sums; the `results` rows keep them
 * as null.
 */
function gateOutputs(results, resultsFile, defectdojo = 'unused', defectdojoVersion = null) {
    const t = computeTotals(results);
    const outputs = {
        created: String(t.created),
        closed: String(t.closed),
        reactivated: String(t.reactivated),
        untouched: String(t.untouched),
        uploaded: String(t.uploaded),
        skipped: String(t.skipped),
        failed: String(t.failed),
        defectdojo,
        'counts-unknown': String(t.unknownCounts),
        new: String(t.newBySeverity.total)
    };
    for (const s of model/* SEVERITIES */.oC)
        outputs[`new-${s}`] = String(t.newBySeverity[s]);
    for (const s of model/* SEVERITIES */.oC)
        outputs[`created-${s}`] = String(t.createdBySeverity[s]);
    for (const s of model/* SEVERITIES */.oC)
        outputs[`active-${s}`] = String(t.activeBySeverity[s]);
    outputs.results = compactResultsJson(results);
    outputs['results-file'] = resultsFile;
    outputs['defectdojo-version'] = defectdojoVersion ?? '';
    return outputs;
}

;// CONCATENATED MODULE: ./src/report/summary.ts
// Result[] → the job summary's Markdown. Pure, so it is snapshot-tested. The summary is raw Markdown
// with HTML allowed: every string from a file name, an artifact name or a server answer is escaped,
// and links are only made from http(s) URLs. GitHub rejects a step summary over 1 MiB, so the page is
// fitted to SUMMARY_LIMIT_BYTES by dropping detail in a fixed order; the headline is never dropped.
//
// The page answers "what got worse?" first: the headline, where the reports went (branch, commit,
// engagement), then the reports that brought new findings (ones the default branch does not have,
// engine/novelty.ts) with their titles, then every other report, then why some failed or were skipped.



/**
 * The byte budget of one rendered summary. GitHub rejects a step summary over 1 MiB (1,048,576 bytes);
 * this keeps a margin below both that and a decimal megabyte.
 */
const SUMMARY_LIMIT_BYTES = 950_000;
// ---------------------------------------------------------------------------------------------------
// Escaping
/** Bidirectional controls would let a name display differently from what it is: shown as code points. */
const BIDI = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/** Control characters and line breaks → spaces; bidi controls → visible code points. */
function normalize(text) {
    return text
        .replace(/\r\n?|\n|[\u2028\u2029]/g, ' ')
        .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, ' ')
        .replace(BIDI, (c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}
/** Entity and backslash escapes for text already normalized to a single line. */
function escapeLine(text) {
    const escaped = text
        // Backslash escapes first: the entities below contain `#`, which must stay unescaped.
        .replace(/([\\`*_[\]#~!])/g, '\\$1')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/\|/g, '&#124;')
        // GitHub turns bare URLs, www. names and e-mail addresses into links; a name must not become one.
        .replace(/:\/\//g, '&#58;//')
        .replace(/(www)\./gi, '$1&#46;')
        .replace(/@/g, '&#64;');
    // A list marker, ordered-list number, setext underline or thematic break only matters at a line's start.
    return escaped.replace(/^(\s*)([-+=])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
}
/**
 * Escapes text for a Markdown table cell, list item or paragraph that allows inline HTML: no HTML, no
 * Markdown syntax, no table cell break, no autolink, no line break survives.
 */
function escapeMarkdown(text) {
    return escapeLine(normalize(text));
}
/**
 * Escapes a sentence (a reason, an error message) like escapeMarkdown, but keeps `single backtick`
 * spans as code: their content is literal in Markdown, so it cannot inject anything. Spans with a `|`
 * (a table cell break) or other backticks nearby are escaped like the rest.
 */
function escapeProse(text) {
    const line = normalize(text);
    const out = [];
    let last = 0;
    for (const match of line.matchAll(/(?<!`)`([^`|]{1,200})`(?!`)/g)) {
        out.push(escapeLine(line.slice(last, match.index)), match[0]);
        last = match.index + match[0].length;
    }
    out.push(escapeLine(line.slice(last)));
    // Only the first segment sits at the start of the line; escapeLine on later ones may have added a
    // backslash before a leading `-` or digit mid-line, which renders the same.
    return out.join('');
}
/** Shortens to at most `max` characters: the middle for names (keeps the file name), the end for sentences. */
function summary_clip(text, max, where) {
    if (text.length <= max)
        return text;
    const chars = Array.from(text);
    if (chars.length <= max)
        return text;
    if (where === 'end')
        return chars.slice(0, max - 1).join('') + '…';
    const head = Math.ceil((max - 1) / 2);
    return chars.slice(0, head).join('') + '…' + chars.slice(chars.length - (max - 1 - head)).join('');
}
const NAME_MAX = 200;
const SENTENCE_MAX = 400;
const VALUE_MAX = 300;
const FATAL_MAX_LINES = 40;
const FATAL_MAX_CHARS = 8_000;
const WARNINGS_SHOWN = 10;
/** Reports whose new findings are unknown, listed with why. */
const UNKNOWN_SHOWN = 20;
const TITLE_MAX = 200;
const TARGETS_SHOWN = 5;
const NO_REPORT_SHOWN = 20;
/** An http(s) URL made safe for a Markdown link destination, or null when it is not one. */
function safeUrl(url) {
    if (!url)
        return null;
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return null;
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
        return null;
    // href is percent-encoded except for these, which end a destination, a table cell or start an entity.
    return parsed.href.replace(/[()|[\]<> `"']/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')).replace(/&/g, '&amp;');
}
/** A link whose text is escaped and whose URL is only used when it is http(s); plain text otherwise. */
function summary_link(text, url) {
    const label = escapeMarkdown(text);
    const href = safeUrl(url);
    return href ? `[${label}](${href})` : label;
}
// ---------------------------------------------------------------------------------------------------
// Numbers and names
/** 12,345: a plain thousands separator (toLocaleString would load ICU data on first use, ~17 ms of cold start). */
function fmt(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
function plural(n, one, many = `${one}s`) {
    return `${fmt(n)} ${n === 1 ? one : many}`;
}
/** A count in a table cell: a dash for zero so the numbers that matter stand out, `?` when DefectDojo did not say (explained under the table). */
function cell(value) {
    return value === null ? '?' : value === 0 ? '–' : fmt(value);
}
/** Each status as a word with a plain symbol, so it reads without colour and in a screen reader. Skipped files are not table rows (their section says why each was skipped); the mark is there for completeness. */
const STATUS_MARK = {
    uploaded: '✓ uploaded',
    planned: '○ planned',
    failed: '**✗ failed**',
    skipped: '– skipped'
};
function isWholeArtifact(r) {
    return !r.file && r.artifact !== null;
}
/** How a report is named here: `artifact / file` (spaced for reading), or the artifact when the whole artifact failed. */
function reportName(r) {
    return summary_clip((0,model/* reportLabel */.tr)({ artifact: r.artifact, displayPath: r.file }, ' / '), NAME_MAX, 'middle');
}
function summary_name(r) {
    return escapeMarkdown(reportName(r));
}
/** A report whose reimport changed nothing: zero created, closed and reactivated (all three known). */
function isUnchanged(r) {
    return (0,model/* deltaTotal */.ZW)(r, 'created') === 0 && (0,model/* deltaTotal */.ZW)(r, 'closed') === 0 && (0,model/* deltaTotal */.ZW)(r, 'reactivated') === 0;
}
/** An uploaded report that brought new findings (the default branch does not have them): what the page leads with. */
function broughtWorse(r) {
    return r.status === 'uploaded' && r.novelty?.kind === 'known' && r.novelty.new.total > 0;
}
/** New findings by severity, zero when not known (such a report is never in the lead). */
function newOf(r) {
    return r.novelty?.kind === 'known' ? r.novelty.new : model/* NO_FINDINGS */.BU;
}
/** A skipped file listed with its reason: a copy of a report, or a file that looks like one (warned about). */
function isListedSkip(r) {
    return r.status === 'skipped' && (r.duplicateOf !== null || (r.reportLike && !r.humanReadable));
}
function buildPage(results, meta) {
    const uploaded = results.filter((r) => r.status === 'uploaded');
    const failed = results.filter((r) => r.status === 'failed');
    // sort is stable: reports with the same counts keep the order they were found in.
    const worse = uploaded.filter(broughtWorse).sort((a, b) => model/* SEVERITIES */.oC.reduce((order, s) => order || newOf(b)[s] - newOf(a)[s], 0));
    const others = results.filter((r) => (r.status === 'uploaded' || r.status === 'planned') && !broughtWorse(r));
    const noReport = [...groupBy(results, (r) => r.artifact)].filter(([, rows]) => rows.every((r) => r.status === 'skipped' && !isListedSkip(r))).map(([artifact, rows]) => ({ artifact, files: rows.length }));
    const inNoReport = new Set(noReport.map((a) => a.artifact));
    const counted = results.filter((r) => r.status === 'skipped' && !isListedSkip(r) && !(r.artifact !== null && inNoReport.has(r.artifact)));
    return {
        results,
        meta,
        totals: computeTotals(results),
        targets: meta.targets ?? runTargets(results),
        uploaded,
        worse,
        rest: [...failed, ...byTarget(others)],
        failed,
        skipped: results.filter(isListedSkip),
        noReport,
        forPeople: counted.filter((r) => r.humanReadable).length,
        otherFiles: counted.filter((r) => !r.humanReadable).length
    };
}
/** Rows grouped by product and engagement, in the order each group first appears. */
function byTarget(rows) {
    return [...groupBy(rows, (r) => JSON.stringify([r.product, r.engagement])).values()].flat();
}
function groupBy(rows, key) {
    const groups = new Map();
    for (const r of rows) {
        const k = key(r);
        if (k === null)
            continue;
        const group = groups.get(k);
        if (group)
            group.push(r);
        else
            groups.set(k, [r]);
    }
    return groups;
}
// ---------------------------------------------------------------------------------------------------
// Sections
function title() {
    return ['## DefectDojo reimport', ''];
}
/** Blockquote lines of a message that may span several lines, each escaped, clipped to a sane size. */
function quoted(message) {
    let lines = summary_clip(message, FATAL_MAX_CHARS, 'end')
        .split(/\r\n?|\n/)
        .map((l) => l.trim())
        .filter((l) => l !== '');
    const more = lines.length - FATAL_MAX_LINES;
    if (more > 0)
        lines = [...lines.slice(0, FATAL_MAX_LINES), `… ${plural(more, 'more line')} in the ${(0,config_inputs/* logName */.Is)()}.`];
    // A hard line break (trailing backslash) keeps the lines apart inside one blockquote paragraph.
    return lines.map((l, i) => `> ${escapeProse(l)}${i < lines.length - 1 ? '\\' : ''}`);
}
function banners(page) {
    const { meta, totals: t } = page;
    const out = [];
    const reports = t.uploaded + t.planned + t.failed;
    if (meta.fatal) {
        const what = meta.dryRun
            ? ': nothing was sent to DefectDojo'
            : t.uploaded === 0
                ? ': nothing was uploaded to DefectDojo'
                : ` (${plural(t.uploaded, 'report was', 'reports were')} uploaded)`;
        // Only a DefectDojo-wide failure under `fail-on-error: false` stops the run and passes the step.
        if (meta.failedStep === false)
            out.push('> [!WARNING]', `> **DefectDojo could not be used${what}; the ${(0,config_inputs/* stepName */.u)()} passes anyway (${(0,config_inputs/* inputName */.yu)('fail-on-error')} is false).**`, '>', ...quoted(meta.fatal), '');
        else
            out.push('> [!CAUTION]', `> **The ${(0,config_inputs/* stepName */.u)()} failed${what}.**`, '>', ...quoted(meta.fatal), '');
    }
    else if (t.failed > 0) {
        const failing = meta.failedStep ?? true;
        const verb = meta.dryRun ? 'failed' : 'failed to upload';
        const uploadedNote = !meta.dryRun && t.uploaded > 0 ? ` The other ${plural(t.uploaded, 'report is', 'reports are')} in DefectDojo.` : '';
        if (failing) {
            out.push('> [!CAUTION]', `> **This ${(0,config_inputs/* stepName */.u)()} failed because ${fmt(t.failed)} of ${plural(reports, 'report')} ${verb}.**${uploadedNote} Why each failed is under *Failed* below.`, '');
        }
        else {
            out.push('> [!WARNING]', `> **${fmt(t.failed)} of ${plural(reports, 'report')} ${verb}**; the ${(0,config_inputs/* stepName */.u)()} passes anyway (${(0,config_inputs/* inputName */.yu)('fail-on-error')} is off).${uploadedNote} Why each failed is under *Failed* below.`, '');
        }
    }
    if (meta.noCredentials) {
        out.push('> [!NOTE]', '> **Nothing was uploaded: this run has no DefectDojo credentials.**', '>', ...quoted(meta.noCredentials), '');
    }
    else if (meta.dryRun) {
        out.push('> [!NOTE]', '> **Dry run**: nothing was sent to DefectDojo. Below is the plan: where each report would go and every field that would be sent with it.', '');
    }
    const warnings = meta.volatileNames ?? [];
    if (warnings.length > 0) {
        const shown = warnings.slice(0, WARNINGS_SHOWN);
        const more = warnings.length - shown.length;
        out.push('> [!WARNING]', `> **${plural(warnings.length, 'name changes', 'names change')} on every run**, so ${warnings.length === 1 ? 'its test is' : 'their tests are'} new each time and fixed findings are never closed:`, '>');
        for (const warning of shown)
            out.push(`> - ${escapeProse(summary_clip(warning, SENTENCE_MAX * 2, 'end'))}`);
        if (more > 0)
            out.push(`> - … and ${plural(more, 'more')} (in the ${(0,config_inputs/* logName */.Is)()}).`);
        out.push('');
    }
    for (const note of meta.sourceNotes ?? [])
        out.push(escapeProse(summary_clip(note, SENTENCE_MAX * 2, 'end')), '');
    return out;
}
/** The one line a reader gets in two seconds. */
function headline(page) {
    const { meta, totals: t } = page;
    const parts = [meta.dryRun ? `**${fmt(t.planned)}** ${t.planned === 1 ? 'report' : 'reports'} planned` : `**${fmt(t.uploaded)}** uploaded`];
    parts.push(`${fmt(t.skipped)} skipped`);
    const whole = page.failed.filter(isWholeArtifact).length;
    parts.push(t.failed > 0 ? `**${fmt(t.failed)} failed**${whole > 0 ? ` (${plural(whole, 'whole artifact')})` : ''}` : '0 failed');
    let line = parts.join(' · ');
    if (!meta.dryRun) {
        if (page.results.length === 0)
            line += meta.fatal ? '' : ` — no files were found: check ${(0,config_inputs/* sourceInputs */.ZU)()}`;
        else if (t.uploaded === 0)
            line += ' — nothing was uploaded';
        else
            line += ` — ${newHeadline(page)} — ${findings(page)}`;
    }
    else if (page.results.length === 0 && !meta.fatal) {
        line += ` — no files were found: check ${(0,config_inputs/* sourceInputs */.ZU)()}`;
    }
    return [line, ''];
}
/**
 * The totals of the reports DefectDojo gave all four counts for. Reports without them are named as
 * such, never added as 0: "findings in 3 of 5 reports (DefectDojo did not return counts for 2)".
 */
function findings(page) {
    const complete = page.uploaded.filter((r) => model/* DELTAS */.CH.every((d) => (0,model/* deltaTotal */.ZW)(r, d) !== null));
    if (complete.length === 0)
        return "findings: **unknown**: DefectDojo's answers had no counts (its import history may be off)";
    const sum = (d) => complete.reduce((total, r) => total + ((0,model/* deltaTotal */.ZW)(r, d) ?? 0), 0);
    const bySeverity = model/* SEVERITIES */.oC.map((s) => [s, complete.reduce((total, r) => total + (r.counts?.created?.[s] ?? 0), 0)])
        .filter(([, n]) => n > 0)
        .map(([s, n]) => `${fmt(n)} ${s}`);
    const created = `${fmt(sum('created'))} created${sum('created') > 0 && bySeverity.length > 0 ? ` (${bySeverity.join(', ')})` : ''}`;
    const rest = ['closed', 'reactivated', 'untouched'].map((d) => `${fmt(sum(d))} ${d}`);
    const missing = page.uploaded.length - complete.length;
    const scope = missing > 0 ? ` in ${fmt(complete.length)} of ${plural(page.uploaded.length, 'report')} (DefectDojo did not return counts for ${missing === 1 && complete.length === 1 ? 'the other' : fmt(missing)})` : '';
    return `DefectDojo's counts${scope}: ${[created, ...rest].join(' · ')}`;
}
/**
 * What is new leads: "**1 new** (1 high) · 27 already on the default branch · 1 known to DefectDojo",
 * over the reports whose split is known; the others are named as unknown, never added as 0.
 */
function newHeadline(page) {
    const t = page.totals;
    const known = page.uploaded.length - t.newUnknown;
    if (known === 0)
        return '**new findings unknown** (see below)';
    const bySeverity = model/* SEVERITIES */.oC.filter((s) => t.newBySeverity[s] > 0).map((s) => `${fmt(t.newBySeverity[s])} ${s}`);
    const parts = [`**${fmt(t.newBySeverity.total)} new**${bySeverity.length > 0 ? ` (${bySeverity.join(', ')})` : ''}`];
    if (t.onMain > 0)
        parts.push(`${fmt(t.onMain)} already on the default branch`);
    if (t.triagedOnMain > 0)
        parts.push(`${fmt(t.triagedOnMain)} known to DefectDojo`);
    if (t.newUnknown > 0)
        parts.push(`**unknown for ${plural(t.newUnknown, 'report')}**`);
    return parts.join(' · ');
}
/** A Git commit shown short, as code when it is a hash (which cannot carry markup). */
function shortCommit(commit, url) {
    const text = /^[0-9a-f]{7,64}$/i.test(commit) ? `\`${commit.slice(0, 7)}\`` : escapeMarkdown(summary_clip(commit, 40, 'end'));
    const href = safeUrl(url);
    return href ? `[${text}](${href})` : text;
}
/** "engagement **CI main** of product **acme/web**", each linked to its DefectDojo page. */
function engagementOf(t, words) {
    const engagement = `**${summary_link(summary_clip(t.engagement, NAME_MAX, 'middle'), t.engagementUrl)}**`;
    const product = `**${summary_link(summary_clip(t.product, NAME_MAX, 'middle'), t.productUrl)}**`;
    return words ? `engagement ${engagement} of product ${product}` : `${engagement} of ${product}`;
}
/** Branch, short commit and where the reports went, once for the whole page. */
function where(page) {
    const { meta, targets } = page;
    const parts = [];
    if (meta.branch)
        parts.push(`Branch **${escapeMarkdown(summary_clip(meta.branch, NAME_MAX, 'middle'))}**`);
    if (meta.tag)
        parts.push(`Tag **${escapeMarkdown(summary_clip(meta.tag, NAME_MAX, 'middle'))}**`);
    if (meta.commit)
        parts.push(`commit ${shortCommit(meta.commit, meta.commitUrl)}`);
    if (targets.length === 1) {
        const t = targets[0];
        parts.push(`${engagementOf(t, true)}${t.productType ? ` (product type ${escapeMarkdown(summary_clip(t.productType, NAME_MAX, 'middle'))})` : ''}`);
    }
    else if (targets.length > 1) {
        const shown = targets.slice(0, TARGETS_SHOWN).map((t) => engagementOf(t, false));
        const more = targets.length - TARGETS_SHOWN;
        parts.push(`${fmt(targets.length)} engagements: ${shown.join(', ')}${more > 0 ? ` and ${fmt(more)} more` : ''}`);
    }
    if (parts.length === 0)
        return [];
    const line = parts.join(' · ');
    return [line[0].toUpperCase() + line.slice(1), ''];
}
/** DefectDojo, build and run, small, under the headline. */
function context(meta) {
    const parts = [];
    const dojo = safeUrl(meta.defectdojoUrl);
    // Escaped with its name: on its own, "2.20.0" would be escaped as a list number.
    const name = escapeMarkdown(meta.defectdojoVersion ? `DefectDojo ${summary_clip(meta.defectdojoVersion, VALUE_MAX, 'end')}` : 'DefectDojo');
    if (dojo && meta.defectdojoUrl)
        parts.push(`${name} ${summary_link(new URL(meta.defectdojoUrl).host, meta.defectdojoUrl)}`);
    if (meta.buildId)
        parts.push(`build ${escapeMarkdown(summary_clip(meta.buildId, VALUE_MAX, 'end'))}`);
    if (safeUrl(meta.runUrl))
        parts.push(summary_link(meta.runLabel ?? 'workflow run', meta.runUrl));
    return parts.length > 0 ? [`<sub>${parts.join(' · ')}</sub>`, ''] : [];
}
function tableHead(columns, numeric) {
    return [`| ${columns.join(' | ')} |`, `| ${columns.map((_, i) => (i >= columns.length - numeric ? '---:' : '---')).join(' | ')} |`];
}
function duplicatesNote(r) {
    return r.duplicates.length > 0 ? ` <sub>(+${plural(r.duplicates.length, 'identical copy', 'identical copies')}, uploaded once)</sub>` : '';
}
/** The report, linked to its DefectDojo test: the test's title is left out, it mostly repeats the path. */
function reportCell(r) {
    if (isWholeArtifact(r))
        return `${summary_name(r)} <sub>(whole artifact)</sub>`;
    return `${summary_link(reportName(r), r.testUrl)}${duplicatesNote(r)}`;
}
/** The columns every report table starts with; the engagement only when the run has several. */
function leadCells(page, r) {
    const target = r.product !== null && r.engagement !== null ? `${escapeMarkdown(summary_clip(r.engagement, NAME_MAX, 'middle'))} of ${escapeMarkdown(summary_clip(r.product, NAME_MAX, 'middle'))}` : '';
    // A `scan-types` rule that contradicts the content is marked where the scan type is read.
    const contradicted = r.contentReadsAs ? ` <sub>⚠ by a \`scan-types\` rule; the content reads as ${escapeMarkdown(summary_clip(r.contentReadsAs, NAME_MAX, 'end'))}</sub>` : '';
    return [STATUS_MARK[r.status], reportCell(r), `${escapeMarkdown(r.scanType ?? '')}${contradicted}`, ...(page.targets.length > 1 ? [target] : [])];
}
function leadColumns(page) {
    return ['Status', 'Report', 'Scan type', ...(page.targets.length > 1 ? ['Engagement'] : [])];
}
/** A report's new findings by severity, linked, then what is not new as counts with a link. */
function newFindingLines(r) {
    if (r.novelty?.kind !== 'known')
        return [];
    const novelty = r.novelty;
    const out = [`New in **${summary_name(r)}**:`, ''];
    for (const f of r.newFindings)
        out.push(`- ${escapeMarkdown(summary_clip(f.severity, 20, 'end'))}: ${summary_link(summary_clip(f.title, TITLE_MAX, 'end'), f.url)}${f.reintroduced ? ' <sub>(reintroduced: fixed on the default branch, back here)</sub>' : ''}`);
    const more = novelty.new.total - r.newFindings.length;
    const test = safeUrl(r.testUrl);
    if (more > 0)
        out.push(`- … and ${fmt(more)} more${test ? ` in [its test](${test})` : ''}.`);
    const baseline = safeUrl(novelty.baselineUrl);
    const known = [];
    if (novelty.onMain > 0)
        known.push(`${fmt(novelty.onMain)} already on the default branch${baseline ? ` ([its test](${baseline}))` : ''}`);
    if (novelty.triagedOnMain > 0)
        known.push(`${fmt(novelty.triagedOnMain)} known to DefectDojo (triaged on the default branch: false positive, risk accepted or out of scope)`);
    if (novelty.fixed)
        known.push(`${fmt(novelty.fixed)} of the default branch's no longer found here`);
    if (novelty.against === 'no-baseline')
        known.push('no baseline on the default branch yet: every finding counts as new');
    if (known.length > 0)
        out.push('', `Not new: ${known.join(' · ')}.`);
    out.push('');
    return out;
}
/** Reports whose new findings could not be told, each with why: a gate must not read them as 0. */
function unknownLines(page) {
    const unknown = page.uploaded.filter((r) => r.novelty?.kind !== 'known');
    if (unknown.length === 0)
        return [];
    const out = [`**New findings unknown for ${plural(unknown.length, 'report')}** (counted in \`counts-unknown\`, never as 0):`, ''];
    for (const r of unknown.slice(0, UNKNOWN_SHOWN))
        out.push(`- ${summary_link(reportName(r), r.testUrl)}: ${escapeProse(summary_clip(r.novelty?.kind === 'unknown' ? r.novelty.why : 'not looked up', SENTENCE_MAX, 'end'))}`);
    if (unknown.length > UNKNOWN_SHOWN)
        out.push(`- … and ${fmt(unknown.length - UNKNOWN_SHOWN)} more (in the results file).`);
    out.push('');
    return out;
}
/** The page's lead: which reports brought new findings, by severity, and the findings themselves. */
function worseSection(page, listed) {
    if (page.uploaded.length === 0)
        return [];
    if (page.worse.length === 0) {
        const known = page.uploaded.length - page.totals.newUnknown;
        if (known === 0)
            return unknownLines(page);
        const scope = known < page.uploaded.length ? ` in the ${fmt(known)} of ${plural(page.uploaded.length, 'report')} whose new findings are known` : '';
        const t = page.totals;
        const not = [t.onMain > 0 ? `${fmt(t.onMain)} already on the default branch` : '', t.triagedOnMain > 0 ? `${fmt(t.triagedOnMain)} known to DefectDojo` : ''].filter(Boolean);
        return [`**No new findings**${scope}${not.length > 0 ? ` (${not.join(', ')})` : ''}.`, '', ...unknownLines(page)];
    }
    const out = ['### New findings', '', "Findings the default branch does not have, by severity; each report links to its DefectDojo test.", ''];
    out.push(...tableHead([...leadColumns(page), 'Critical', 'High', 'Medium', 'Low', 'Info'], 5));
    for (const r of listed) {
        const fresh = newOf(r);
        out.push(`| ${[...leadCells(page, r), ...model/* SEVERITIES */.oC.map((s) => cell(fresh[s]))].join(' | ')} |`);
    }
    out.push('');
    const more = page.worse.length - listed.length;
    if (more > 0)
        out.push(`**${plural(more, 'more report')} with new findings** — see the results file.`, '');
    for (const r of listed)
        out.push(...newFindingLines(r));
    out.push(...unknownLines(page));
    return out;
}
/** Every other report of a real run: failed ones first, then the uploaded ones. */
function reportsTable(page, listed, unchanged, more) {
    if (page.rest.length === 0)
        return [];
    const out = [page.worse.length > 0 ? '### Other reports' : '### Reports', ''];
    if (listed.length > 0) {
        // New first (0 here, or unknown), so DefectDojo's Created beside it never reads as new.
        out.push(...tableHead([...leadColumns(page), 'New', 'Created', 'Closed', 'Reactivated', 'Untouched'], 5));
        for (const r of listed) {
            const fresh = r.status !== 'uploaded' ? '' : r.novelty?.kind === 'known' ? cell(r.novelty.new.total) : '?';
            const counts = r.status === 'uploaded' ? model/* DELTAS */.CH.map((d) => cell((0,model/* deltaTotal */.ZW)(r, d))) : model/* DELTAS */.CH.map(() => '');
            out.push(`| ${[...leadCells(page, r), fresh, ...counts].join(' | ')} |`);
        }
        out.push('');
    }
    if (unchanged.length > 0) {
        const untouched = unchanged.reduce((sum, r) => sum + ((0,model/* deltaTotal */.ZW)(r, 'untouched') ?? 0), 0);
        out.push(`${plural(unchanged.length, 'report')} with nothing created, closed or reactivated (${plural(untouched, 'finding')} untouched) ${unchanged.length === 1 ? 'is' : 'are'} counted here, not listed, to keep the summary under GitHub's size limit — see the results file.`, '');
    }
    if (more > 0)
        out.push(`**${plural(more, 'more report')}** — see the results file.`, '');
    if (listed.some((r) => r.status === 'uploaded' && model/* DELTAS */.CH.some((d) => (0,model/* deltaTotal */.ZW)(r, d) === null)))
        out.push('`?`: DefectDojo did not return this count (its import history may be off).', '');
    if (listed.some((r) => r.status === 'uploaded' && r.novelty?.kind !== 'known'))
        out.push('`?` under New: what is new could not be told for that report (why is above).', '');
    return out;
}
/** The dry run's plan: where each report would go and every field that would be sent. */
function planTables(page, rows, more) {
    if (page.rest.length === 0)
        return [];
    const shownAsColumns = new Set(['scan_type', 'test_title', 'product_type_name', 'product_name', 'engagement_name']);
    const all = page.rest.filter((r) => r.fields !== null).map((r) => fieldEntries(r));
    // Fields with the same value for every planned report are listed once, below the table.
    const shared = new Map();
    const first = all[0] ?? new Map();
    for (const [key, value] of first)
        if (!shownAsColumns.has(key) && all.every((f) => f.get(key) === value))
            shared.set(key, value);
    const out = ['### Plan', ''];
    if (rows.length > 0) {
        out.push(...tableHead([...leadColumns(page), 'Test title', 'Other fields'], 0));
        for (const r of rows) {
            const fields = fieldEntries(r);
            const testTitle = fields.get('test_title') ?? r.testTitle ?? '';
            const other = [...fields].filter(([key]) => !shownAsColumns.has(key) && !shared.has(key)).map(([key, value]) => `<code>${escapeMarkdown(key)}</code>: ${fieldValue(value)}`);
            out.push(`| ${[...leadCells(page, r), escapeMarkdown(testTitle), r.fields === null ? '' : other.join('<br>') || '—'].join(' | ')} |`);
        }
        out.push('');
    }
    if (more > 0)
        out.push(`**${plural(more, 'more report')}** — see the results file.`, '');
    if (shared.size > 0) {
        out.push(all.length === 1 ? 'Also sent:' : 'Sent with every report:', '', '| Field | Value |', '| --- | --- |');
        for (const [key, value] of shared)
            out.push(`| <code>${escapeMarkdown(key)}</code> | ${fieldValue(value)} |`);
        out.push('');
    }
    out.push('The product type, product and engagement named above, the scan type and the test title are sent as `product_type_name`, `product_name`, `engagement_name`, `scan_type` and `test_title`, and the report itself as `file`.', '');
    return out;
}
/** A report's multipart fields as display strings; anything that looks like a credential is hidden. */
function fieldEntries(r) {
    const out = new Map();
    for (const [key, value] of Object.entries(r.fields ?? {})) {
        const text = typeof value === 'string' ? value : value.join(', ');
        out.set(key, /token|secret|password|authori[sz]ation|api[-_]?key/i.test(key) ? '(hidden)' : text);
    }
    return out;
}
function fieldValue(value) {
    return value === '' ? '*(empty)*' : escapeMarkdown(summary_clip(value, VALUE_MAX, 'end'));
}
const BREAKDOWNS = [
    ['created', 'Created'],
    ['closed', 'Closed'],
    ['reactivated', 'Reactivated'],
    ['activeAfter', 'Active after']
];
function severityCells(counts) {
    return [...model/* SEVERITIES */.oC, 'total'].map((s) => (counts === null ? '?' : cell(counts[s]))).join(' | ');
}
/** Severity breakdown of created, closed, reactivated and active-after: totals, and per report when it fits. */
function severityDetails(page, listed, perReport) {
    if (page.uploaded.length === 0)
        return [];
    const out = ['<details>', '<summary>Findings by severity</summary>', ''];
    out.push('| All reports | Critical | High | Medium | Low | Info | Total |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const [key, label] of BREAKDOWNS) {
        const known = page.uploaded.filter((r) => r.counts?.[key]);
        const sum = known.reduce((total, r) => (0,model/* addCounts */.c5)(total, r.counts[key]), model/* NO_FINDINGS */.BU);
        const unknown = page.uploaded.length - known.length;
        const note = unknown > 0 && known.length > 0 ? ` (${fmt(unknown)} unknown)` : '';
        out.push(`| ${label}${note} | ${severityCells(known.length === 0 ? null : sum)} |`);
    }
    out.push('');
    if (page.uploaded.length > 1) {
        if (perReport) {
            if (listed.length > 0) {
                out.push('Per report (changes that are zero are left out; `?`: DefectDojo did not say):', '');
                out.push('| Report | Findings | Critical | High | Medium | Low | Info | Total |', '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
                for (const r of listed) {
                    let firstRow = true;
                    for (const [key, label] of BREAKDOWNS) {
                        const counts = r.counts?.[key] ?? null;
                        if (key !== 'activeAfter' && counts !== null && counts.total === 0)
                            continue;
                        out.push(`| ${firstRow ? summary_name(r) : ''} | ${label.toLowerCase()} | ${severityCells(counts)} |`);
                        firstRow = false;
                    }
                }
                out.push('');
            }
        }
        else {
            out.push("The breakdown per report is left out to keep the summary under GitHub's size limit — see the results file.", '');
        }
    }
    out.push('</details>', '');
    return out;
}
function failedSection(page, kept) {
    const { failed } = page;
    if (failed.length === 0)
        return [];
    const dry = page.meta.dryRun;
    const out = [`### Failed: ${fmt(failed.length)}`, '', '<details open>'];
    out.push(`<summary>${plural(failed.length, 'report')} ${dry ? 'could not be planned' : 'did not reach DefectDojo'}</summary>`, '');
    for (const r of failed.slice(0, kept)) {
        const reason = escapeProse(summary_clip(r.reason ?? 'failed for a reason that was not recorded.', SENTENCE_MAX, 'end'));
        if (isWholeArtifact(r)) {
            out.push(`- **Artifact ${summary_name(r)}** (the whole artifact, none of its files was used): ${reason}`);
            continue;
        }
        const where = [r.scanType, r.product && r.engagement ? `${r.product} / ${r.engagement}` : null].filter((x) => !!x);
        const details = [where.length > 0 ? escapeMarkdown(summary_clip(where.join(' → '), NAME_MAX * 2, 'middle')) : null, r.attempts > 1 ? `${fmt(r.attempts)} attempts` : null].filter((x) => !!x);
        // A failed report with a test: the empty test DefectDojo left behind when it refused the report.
        const left = safeUrl(r.testUrl) ? ` ${summary_link(`Empty test ${r.testId ?? ''} left in DefectDojo`, r.testUrl)}.` : '';
        out.push(`- **${summary_name(r)}**${details.length > 0 ? ` (${details.join(', ')})` : ''}: ${reason}${left}`);
    }
    const more = failed.length - kept;
    if (more > 0)
        out.push(`- **${plural(more, 'more failed report')}** — see the results file.`);
    out.push('', '</details>', '');
    return out;
}
/**
 * Files that look like reports are listed with their reasons, open, since the log warns about them.
 * Everything else is expected and stays out of the way: an artifact with no report is one line, other
 * files are counted.
 */
function skippedSection(page, kept) {
    const { skipped, noReport, forPeople, otherFiles } = page;
    if (page.totals.skipped === 0)
        return [];
    const notReports = forPeople + otherFiles;
    const parts = [
        skipped.length > 0 ? `${plural(skipped.length, 'file')} with a reason` : null,
        noReport.length > 0 ? `${plural(noReport.length, 'artifact')} with no report` : null,
        notReports > 0 ? `${plural(notReports, 'file')} that ${notReports === 1 ? 'is not a report' : 'are not reports'}` : null
    ].filter((x) => !!x);
    const open = skipped.some((r) => r.duplicateOf === null) ? '<details open>' : '<details>';
    const out = [`### Skipped: ${fmt(page.totals.skipped)}`, '', open, `<summary>${parts.join(', ')}</summary>`, ''];
    for (const r of skipped.slice(0, kept))
        out.push(`- ${summary_name(r)}: ${escapeProse(summary_clip(r.reason ?? 'skipped.', SENTENCE_MAX, 'end'))}`);
    const more = skipped.length - kept;
    if (more > 0)
        out.push(`- **${plural(more, 'more skipped file')}** — see the results file.`);
    for (const a of noReport.slice(0, NO_REPORT_SHOWN))
        out.push(`- ${escapeMarkdown(summary_clip(a.artifact, NAME_MAX, 'middle'))}: ${plural(a.files, 'file')}, none a report.`);
    const hidden = noReport.slice(NO_REPORT_SHOWN);
    if (hidden.length > 0)
        out.push(`- … and ${plural(hidden.length, 'more artifact')} with no report (${plural(hidden.reduce((n, a) => n + a.files, 0), 'file')}).`);
    if (forPeople > 0)
        out.push(forPeople === 1 ? '- 1 file is not a report (an HTML report, notes, a log…): it is for people to read.' : `- ${fmt(forPeople)} files are not reports (HTML reports, notes, logs…): they are for people to read.`);
    if (otherFiles > 0)
        out.push(otherFiles === 1 ? '- 1 file is not a report (build output or data).' : `- ${fmt(otherFiles)} files are not reports (build output, data).`);
    out.push('', '</details>', '');
    return out;
}
// ---------------------------------------------------------------------------------------------------
// Rendering within the budget
function render(page, shape) {
    const listable = shape.collapseUnchanged ? page.rest.filter((r) => !isUnchanged(r)) : page.rest;
    const unchanged = shape.collapseUnchanged ? page.rest.filter(isUnchanged) : [];
    const failedKept = Math.min(page.failed.length, shape.keep);
    const rowsKept = Math.min(page.worse.length + listable.length, shape.keep - failedKept);
    const skippedKept = Math.min(page.skipped.length, shape.keep - failedKept - rowsKept);
    const worse = page.worse.slice(0, rowsKept);
    const rest = listable.slice(0, rowsKept - worse.length);
    const whole = worse.length === page.worse.length && rest.length === listable.length;
    const lines = [
        ...title(),
        ...banners(page),
        ...headline(page),
        ...where(page),
        ...context(page.meta),
        ...(page.meta.dryRun
            ? planTables(page, rest, listable.length - rest.length)
            : [
                ...worseSection(page, worse),
                ...reportsTable(page, rest, unchanged, listable.length - rest.length),
                ...severityDetails(page, [...worse, ...rest.filter((r) => r.status === 'uploaded')], shape.severityPerReport && whole)
            ]),
        ...failedSection(page, failedKept),
        ...skippedSection(page, skippedKept)
    ];
    return lines.join('\n');
}
/** The last resort: headline, banners and section counts only; bounded whatever the input. */
function renderMinimal(page) {
    const counts = [];
    if (page.failed.length > 0)
        counts.push(`### Failed: ${fmt(page.failed.length)}`, '');
    if (page.totals.skipped > 0)
        counts.push(`### Skipped: ${fmt(page.totals.skipped)}`, '');
    return [
        ...title(),
        ...banners(page),
        ...headline(page),
        ...where(page),
        ...context(page.meta),
        "The details did not fit GitHub's size limit for a job summary — every report is in the results file.",
        '',
        ...counts
    ].join('\n');
}
function summary_bytes(text) {
    return Buffer.byteLength(text, 'utf8');
}
/**
 * Renders the job summary. Stays under `limitBytes` (SUMMARY_LIMIT_BYTES) whatever the input, giving up
 * detail in this order: reports that changed nothing are counted in one line instead of listed, the
 * severity breakdown per report goes, then listed items are trimmed with a visible "N more" note
 * (skipped files first, then the other report rows, then those with new Critical or High findings,
 * failed reports last). The headline, the banners and each section's count always stay.
 */
function renderSummary(results, meta, options = {}) {
    const limit = options.limitBytes ?? SUMMARY_LIMIT_BYTES;
    const page = buildPage(results, meta);
    const shapes = [
        { collapseUnchanged: false, severityPerReport: true, keep: Infinity },
        { collapseUnchanged: true, severityPerReport: true, keep: Infinity },
        { collapseUnchanged: true, severityPerReport: false, keep: Infinity }
    ];
    for (const shape of shapes) {
        const markdown = render(page, shape);
        if (summary_bytes(markdown) <= limit)
            return markdown;
    }
    // Largest number of listed items that fits (binary search: the page grows with what is kept).
    const trimmed = (keep) => render(page, { collapseUnchanged: true, severityPerReport: false, keep });
    let low = 0;
    let high = page.failed.length + page.worse.length + page.rest.length + page.skipped.length;
    if (summary_bytes(trimmed(0)) > limit)
        return renderMinimal(page);
    while (low < high) {
        const mid = Math.ceil((low + high) / 2);
        if (summary_bytes(trimmed(mid)) <= limit)
            low = mid;
        else
            high = mid - 1;
    }
    return trimmed(low);
}

// EXTERNAL MODULE: ./src/recognition/forced.ts
var forced = __nccwpck_require__(8014);
;// CONCATENATED MODULE: ./src/sources/patterns.ts
// Include / exclude pattern lists, as the `path` and `artifacts` inputs take them: a line starting
// with `!` excludes what the others include.

function splitPatterns(lines) {
    const includes = lines.filter((line) => !line.startsWith('!'));
    const excludes = lines.filter((line) => line.startsWith('!')).map((line) => line.slice(1));
    return { includes, excludes, excluded: anyOf(excludes) };
}
/** A matcher for any of the globs (dot files included); nothing matches an empty list. */
function anyOf(globs) {
    return globs.length > 0 ? picomatch_default()([...globs], { dot: true }) : () => false;
}

;// CONCATENATED MODULE: external "node:stream/promises"
const external_node_stream_promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __nccwpck_require__(7075);
// EXTERNAL MODULE: ./node_modules/yauzl/index.js
var yauzl = __nccwpck_require__(663);
;// CONCATENATED MODULE: ./src/sources/unzip.ts
// An artifact's zip, unpacked with limits: no entry larger than a report may be (`max-report-size-mb`),
// no more than a sane total and number of files, nothing written outside its folder. A 3 MiB zip can
// otherwise unpack to gigabytes. yauzl reads the central directory (declared sizes, names checked
// against absolute paths and `..`), and every byte written is counted again, so a zip that lies about
// its sizes is caught too.






/** Why an archive was not unpacked: the artifact is then failed as a whole, with this reason. */
class UnzipError extends Error {
}
const MB = 1048576;
function mb(bytes) {
    return `${(bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0)} MB`;
}
/** The next entry of a lazily read archive, or null at its end. */
function nextEntry(zip, failure) {
    return new Promise((resolve, reject) => {
        const earlier = failure();
        if (earlier)
            return reject(earlier);
        const settle = (done) => {
            zip.off('entry', onEntry).off('end', onEnd).off('error', onError);
            done();
        };
        const onEntry = (entry) => settle(() => resolve(entry));
        const onEnd = () => settle(() => resolve(null));
        const onError = (error) => settle(() => reject(error));
        zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
        zip.readEntry();
    });
}
/** Unpacks `zipPath` into `directory`, or throws UnzipError saying which limit or rule was broken. */
async function unzipBounded(zipPath, directory, limits) {
    let zip;
    try {
        zip = await new Promise((resolve, reject) => yauzl.open(zipPath, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: true }, (error, file) => (error ? reject(error) : resolve(file))));
    }
    catch (error) {
        throw new UnzipError(`it is not a readable zip archive (${error.message})`);
    }
    // An error between entries would otherwise be an unhandled 'error' event; the next read reports it.
    let failure = null;
    zip.on('error', (error) => (failure ??= error));
    try {
        if (zip.entryCount > limits.maxEntries)
            throw new UnzipError(`it holds ${zip.entryCount} entries, more than the ${limits.maxEntries} one artifact may have`);
        let total = 0;
        for (;;) {
            let entry;
            try {
                entry = await nextEntry(zip, () => failure);
            }
            catch (error) {
                // yauzl refuses names with `..` or an absolute path before anything is written.
                throw new UnzipError(`one of its entries is not safe to unpack (${error.message})`);
            }
            if (entry === null)
                return;
            if (entry.fileName.endsWith('/')) {
                await (0,promises_.mkdir)((0,external_node_path_.join)(directory, entry.fileName), { recursive: true });
                continue;
            }
            if (entry.uncompressedSize > limits.maxEntryBytes)
                throw new UnzipError(`its entry ${entry.fileName} is ${mb(entry.uncompressedSize)} unpacked, over \`max-report-size-mb\` (${mb(limits.maxEntryBytes)})`);
            if (total + entry.uncompressedSize > limits.maxTotalBytes)
                throw new UnzipError(`it unpacks to more than ${mb(limits.maxTotalBytes)} (ten times \`max-report-size-mb\`)`);
            const target = (0,external_node_path_.join)(directory, entry.fileName);
            await (0,promises_.mkdir)((0,external_node_path_.dirname)(target), { recursive: true });
            const stream = await new Promise((resolve, reject) => zip.openReadStream(entry, (error, s) => (error ? reject(error) : resolve(s))));
            let written = 0;
            const count = new external_node_stream_.Transform({
                transform(chunk, _encoding, done) {
                    written += chunk.length;
                    if (written > entry.uncompressedSize || total + written > limits.maxTotalBytes)
                        done(new UnzipError(`its entry ${entry.fileName} unpacks to more than it declares`));
                    else
                        done(null, chunk);
                }
            });
            try {
                await (0,external_node_stream_promises_namespaceObject.pipeline)(stream, count, (0,external_node_fs_namespaceObject.createWriteStream)(target));
            }
            catch (error) {
                throw error instanceof UnzipError ? error : new UnzipError(`its entry ${entry.fileName} could not be unpacked (${error.message})`);
            }
            total += written;
        }
    }
    finally {
        zip.close();
    }
}

;// CONCATENATED MODULE: ./src/sources/walk.ts
// Walks a folder for candidate files, and gives every entry it cannot use a reason instead of dropping
// it: a name that is not UTF-8, a symbolic link that leads out of the folder or nowhere, a device or
// pipe. Symbolic links that stay inside `boundary` are followed (a linked folder is walked once).



function toPosix(path) {
    return path.split(external_node_path_.sep).join('/');
}
/** A name as bytes shown safely: valid UTF-8 as text, other bytes as \xNN. */
function shownName(bytes) {
    let out = '';
    for (const byte of bytes)
        out += byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : `\\x${byte.toString(16).padStart(2, '0')}`;
    return out;
}
function inside(path, folder) {
    const rel = (0,external_node_path_.relative)(folder, path);
    return !(0,external_node_path_.isAbsolute)(rel) && rel.split(external_node_path_.sep)[0] !== '..';
}
async function walkFolder(root, options) {
    const files = [];
    const unusable = [];
    const boundary = await (0,promises_.realpath)(options.boundary).catch(() => options.boundary);
    const skip = new Set(options.skipFolders ?? []);
    const visited = new Set();
    const shown = (path) => toPosix((0,external_node_path_.relative)(options.base, path));
    const visit = async (dir) => {
        const real = await (0,promises_.realpath)(dir).catch(() => dir);
        if (visited.has(real))
            return;
        visited.add(real);
        const entries = await (0,promises_.readdir)(dir, { withFileTypes: true, encoding: 'buffer' });
        entries.sort((a, b) => Buffer.compare(a.name, b.name));
        for (const entry of entries) {
            const name = entry.name.toString('utf8');
            if (!Buffer.from(name, 'utf8').equals(entry.name)) {
                unusable.push({ displayPath: toPosix((0,external_node_path_.relative)(options.base, (0,external_node_path_.join)(dir, shownName(entry.name)))), reason: `its name is not valid UTF-8, so it cannot be named to DefectDojo or matched by ${(0,config_inputs/* inputName */.yu)('path')} and ${(0,config_inputs/* inputName */.yu)('scan-types')}: rename it` });
                continue;
            }
            const path = (0,external_node_path_.join)(dir, name);
            if (entry.isDirectory()) {
                if (!skip.has(name))
                    await visit(path);
                continue;
            }
            if (entry.isFile()) {
                const info = await (0,promises_.stat)(path).catch(() => null);
                if (info)
                    files.push({ absolutePath: path, displayPath: shown(path), size: info.size });
                else
                    unusable.push({ displayPath: shown(path), reason: 'it could not be read (it went away while the folder was walked)' });
                continue;
            }
            if (entry.isSymbolicLink()) {
                const target = await (0,promises_.realpath)(path).catch(() => null);
                if (target === null) {
                    unusable.push({ displayPath: shown(path), reason: 'a symbolic link to nothing (its target does not exist)' });
                    continue;
                }
                if (!inside(target, boundary)) {
                    unusable.push({ displayPath: shown(path), reason: `a symbolic link to ${target}, outside ${boundary}: not followed` });
                    continue;
                }
                const info = await (0,promises_.stat)(path).catch(() => null);
                if (info?.isDirectory()) {
                    if (!skip.has(name))
                        await visit(path);
                }
                else if (info?.isFile())
                    files.push({ absolutePath: path, displayPath: shown(path), size: info.size });
                else
                    unusable.push({ displayPath: shown(path), reason: 'a symbolic link to something that is not a file' });
                continue;
            }
            const kind = (await (0,promises_.lstat)(path).catch(() => null))?.isFIFO() ? 'a named pipe' : 'a device or socket';
            unusable.push({ displayPath: shown(path), reason: `${kind}, not a file` });
        }
    };
    await visit(root);
    return { files, unusable };
}

;// CONCATENATED MODULE: ./src/sources/artifacts.ts
// Workflow artifacts → Candidates. Lists the run's artifacts through an ArtifactService (the Actions
// shell implements it with @actions/artifact; this module never imports @actions/*), keeps those whose
// names match the `artifacts` patterns, downloads each into a folder of its own (two artifacts often
// hold a `results.json` each: never merge), unpacks it within limits (unzip.ts) and walks every file inside.






/** Name filter from `artifacts` patterns: includes (default none) minus `!` excludes. */
function artifactFilter(patterns) {
    const { includes, excluded } = splitPatterns(patterns);
    const included = anyOf(includes);
    return (name) => included(name) && !excluded(name);
}
/** Most files one artifact may unpack to (an archive of more is failed whole). */
const MAX_FILES = 10_000;
/**
 * Lists, downloads and unpacks the matching artifacts, each into a folder of its own. `maxFileBytes`
 * (`max-report-size-mb`) bounds every unpacked file, ten times it the whole artifact.
 */
async function collectArtifacts(service, patterns, directory, maxFileBytes, concurrency = 4) {
    const result = { candidates: [], failures: [], unusable: [], unmatched: [], listError: null };
    if (patterns.length === 0)
        return result;
    let listed;
    try {
        listed = await service.list();
    }
    catch (error) {
        result.listError = service.explain(error, 'list');
        return result;
    }
    const keep = artifactFilter(patterns);
    const chosen = listed.filter((a) => keep(a.name)).sort((a, b) => a.name.localeCompare(b.name));
    result.unmatched = listed.filter((a) => !keep(a.name)).map((a) => a.name);
    const limits = { maxEntryBytes: maxFileBytes, maxTotalBytes: 10 * maxFileBytes, maxEntries: MAX_FILES };
    const perArtifact = await mapLimit(chosen, concurrency, async (artifact, index) => {
        // Folder names from the index, not the artifact name: names may hold characters a file system refuses.
        const target = (0,external_node_path_.join)(directory, `${String(index + 1).padStart(3, '0')}-${artifact.id}`);
        const fail = (reason) => {
            result.failures.push({ artifact: artifact.name, reason });
            return [];
        };
        if (artifact.expired)
            return fail('the artifact has expired (past its retention period): re-run the job that uploaded it');
        const download = `${target}.download`;
        try {
            await (0,promises_.mkdir)(download, { recursive: true });
            await (0,promises_.mkdir)(target, { recursive: true });
            const { digestMismatch } = await service.download(artifact, download);
            if (digestMismatch)
                return fail(`the downloaded artifact does not match its digest ${artifact.digest ?? ''}: it was corrupted in transit or storage, so none of its files were used`);
            // The service leaves the artifact as it is stored: a zip (unpacked here, within limits) or one unarchived file.
            for (const name of await (0,promises_.readdir)(download)) {
                const file = (0,external_node_path_.join)(download, name);
                if (await isZip(file))
                    await unzipBounded(file, target, limits);
                else
                    await (0,promises_.rename)(file, (0,external_node_path_.join)(target, name));
            }
        }
        catch (error) {
            if (error instanceof UnzipError)
                return fail(`${error.message}, so none of its files were used`);
            return fail(service.explain(error, 'download', artifact.name));
        }
        finally {
            await (0,promises_.rm)(download, { recursive: true, force: true });
        }
        const { files, unusable } = await walkFolder(target, { base: target, boundary: target });
        for (const file of unusable)
            result.unusable.push({ artifact: artifact.name, ...file });
        return files.sort((a, b) => a.displayPath.localeCompare(b.displayPath)).map((f) => ({ ...f, artifact: artifact.name }));
    });
    result.candidates = perArtifact.flat();
    return result;
}
/** A zip archive starts with a local file header (or, when empty, the end of central directory). */
async function isZip(path) {
    const handle = await (0,promises_.open)(path, 'r');
    try {
        const head = Buffer.alloc(4);
        const { bytesRead } = await handle.read(head, 0, 4, 0);
        return bytesRead === 4 && (head.equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) || head.equals(Buffer.from([0x50, 0x4b, 0x05, 0x06])));
    }
    finally {
        await handle.close();
    }
}

;// CONCATENATED MODULE: ./src/sources/tracked.ts
// Files checked into the repository are not this run's reports: sample reports under tests/, the
// fixtures of a scanner's own test suite. When `path` reaches a file by walking a folder or a glob,
// a file git tracks and that is unchanged from HEAD is left out, with one line saying how many.
// Never left out: a file `path` names explicitly, a tracked file the run changed (a regenerated
// `.secrets.baseline`, a SARIF a bot commits), anything from artifacts (they never pass here). Where
// git is missing or refuses the folder (a container job's "dubious ownership"), nothing is left out
// and one line says why. `include-tracked-files` turns it off.






const tracked_run = (0,external_node_util_.promisify)(external_node_child_process_namespaceObject.execFile);
/** Large monorepos list many files; the listing is held once. */
const MAX_BUFFER = 512 * 1024 * 1024;
async function tracked_git(args, cwd) {
    try {
        const { stdout } = await tracked_run('git', [...args], { cwd, maxBuffer: MAX_BUFFER, encoding: 'utf8' });
        return { ok: true, stdout };
    }
    catch (error) {
        const e = error;
        return { ok: false, missing: e.code === 'ENOENT', stderr: String(e.stderr ?? e.message ?? '') };
    }
}
/** The files git tracks under the workspace's repository that are unchanged from HEAD (paths relative to its top). */
async function checkedInFiles(workspace) {
    const top = await tracked_git(['rev-parse', '--show-toplevel'], workspace);
    if (!top.ok) {
        if (top.missing)
            return { kind: 'unavailable', why: 'git is not installed' };
        if (/dubious ownership/i.test(top.stderr))
            return { kind: 'unavailable', why: 'git refuses the checkout ("dubious ownership": it belongs to another user, as in a container job)' };
        if (/not a git repository/i.test(top.stderr))
            return { kind: 'none' };
        return { kind: 'unavailable', why: `git failed: ${top.stderr.trim().split('\n')[0] ?? ''}` };
    }
    const root = await (0,promises_.realpath)(top.stdout.trim()).catch(() => top.stdout.trim());
    const [listed, changed] = await Promise.all([tracked_git(['ls-files', '-z'], root), tracked_git(['diff', '--name-only', '--no-renames', '-z', 'HEAD', '--'], root)]);
    if (!listed.ok)
        return { kind: 'unavailable', why: `git ls-files failed: ${listed.stderr.trim().split('\n')[0] ?? ''}` };
    // No HEAD yet (a repository without commits): nothing is unchanged from it.
    if (!changed.ok)
        return { kind: 'repository', top: root, unchanged: new Set() };
    const modified = new Set(changed.stdout.split('\0'));
    return { kind: 'repository', top: root, unchanged: new Set(listed.stdout.split('\0').filter((f) => f !== '' && !modified.has(f))) };
}
/** The workspace files without those checked in and unchanged (but those `path` names explicitly), and the one line to log. */
async function withoutCheckedIn(files, workspace, ask = checkedInFiles) {
    const walked = files.candidates.filter((c) => !files.named.has(c.absolutePath));
    if (walked.length === 0)
        return { files, note: null, leftOut: 0 };
    const checkedIn = await ask(workspace);
    if (checkedIn.kind === 'none')
        return { files, note: null, leftOut: 0 };
    if (checkedIn.kind === 'unavailable')
        return { files, note: `Could not tell which files are checked into the repository (${checkedIn.why}): every file found is looked at.`, leftOut: 0 };
    const skipped = new Set();
    for (const candidate of walked) {
        const real = await (0,promises_.realpath)(candidate.absolutePath).catch(() => candidate.absolutePath);
        const rel = (0,external_node_path_.relative)(checkedIn.top, real);
        if (rel.startsWith('..') || (0,external_node_path_.isAbsolute)(rel))
            continue;
        if (checkedIn.unchanged.has(toPosix(rel)))
            skipped.add(candidate.absolutePath);
    }
    if (skipped.size === 0)
        return { files, note: null, leftOut: 0 };
    const n = skipped.size;
    const note = `${n === 1 ? '1 file is' : `${n} files are`} checked into the repository and unchanged, not produced by this run: not looked at (name such a file in ${(0,config_inputs/* inputName */.yu)('path')} explicitly, or use ${(0,config_inputs/* inputSetting */.pw)('include-tracked-files', 'true')}, to upload it).`;
    return { files: { ...files, candidates: files.candidates.filter((c) => !skipped.has(c.absolutePath)) }, note, leftOut: n };
}

;// CONCATENATED MODULE: ./src/sources/workspace.ts
// `path` → Candidates: each line a file, a folder (walked recursively) or a glob, relative to the
// workspace; `!pattern` excludes. Files are listed, never read here. Every file a line reaches ends
// as a candidate or as an unusable file with its reason: nothing is dropped without a word.






/** Folders that never hold reports but can hold many thousands of files: not walked. */
const NEVER_REPORTS = ['.git', 'node_modules'];
async function findWorkspaceFiles(lines, workspace) {
    const { includes, excluded } = splitPatterns(lines.map(toPosix));
    const found = new Map();
    const reachedBy = new Map();
    const unusable = new Map();
    const unmatched = [];
    const named = new Set();
    const add = (absolutePath, displayPath, size, line) => {
        if (!found.has(absolutePath))
            found.set(absolutePath, { absolutePath, displayPath, artifact: null, size });
        reachedBy.set(absolutePath, [...(reachedBy.get(absolutePath) ?? []), line]);
    };
    const walk = async (folder, line, keep) => {
        const { files, unusable: bad } = await walkFolder(folder, { base: workspace, boundary: workspace, skipFolders: NEVER_REPORTS });
        let reached = 0;
        files.sort((a, b) => (a.absolutePath < b.absolutePath ? -1 : a.absolutePath > b.absolutePath ? 1 : 0));
        for (const file of files.filter((f) => keep(f.displayPath))) {
            add(file.absolutePath, file.displayPath, file.size, line);
            reached++;
        }
        for (const file of bad.filter((f) => keep(f.displayPath))) {
            unusable.set(file.displayPath, file);
            reached++;
        }
        return reached;
    };
    for (const line of includes) {
        const absolute = (0,external_node_path_.resolve)(workspace, line);
        const glob = picomatch_default().scan(line);
        if (!glob.isGlob) {
            // A file named explicitly may be anywhere, also behind a symbolic link.
            const info = await (0,promises_.stat)(absolute).catch(() => null);
            if (info?.isFile()) {
                const rel = toPosix((0,external_node_path_.relative)(workspace, absolute));
                add(absolute, rel.startsWith('../') || (0,external_node_path_.isAbsolute)(rel) ? line : rel, info.size, line);
                named.add(absolute);
            }
            else if (info?.isDirectory()) {
                if ((await walk(absolute, line, () => true)) === 0)
                    unmatched.push(`${(0,config_inputs/* inputName */.yu)('path')} line "${line}" matches no file.`);
            }
            else {
                unmatched.push(`${(0,config_inputs/* inputName */.yu)('path')} line "${line}" matches no file or folder under ${workspace}.`);
            }
            continue;
        }
        // A glob: walk from its fixed prefix, keep what the glob matches (relative to the workspace).
        const matches = picomatch_default()(toPosix((0,external_node_path_.relative)(workspace, absolute)) || line, { dot: true });
        const base = (0,external_node_path_.resolve)(workspace, glob.base || '.');
        const exists = await (0,promises_.stat)(base).then((s) => s.isDirectory()).catch(() => false);
        if (!exists || (await walk(base, line, matches)) === 0)
            unmatched.push(`${(0,config_inputs/* inputName */.yu)('path')} line "${line}" matches no file.`);
    }
    // Excludes apply to the path as shown (relative to the workspace), whichever line found the file.
    const candidates = [...found.values()].filter((c) => !excluded(c.displayPath));
    const notes = candidates.flatMap((c) => {
        const reached = reachedBy.get(c.absolutePath);
        return reached.length > 1 ? [`${c.displayPath} is reached by ${(0,config_inputs/* inputName */.yu)('path')} lines ${reached.map((l) => `"${l}"`).join(' and ')}: looked at once.`] : [];
    });
    return { candidates, unusable: [...unusable.values()].filter((u) => !excluded(u.displayPath)), unmatched, notes, named };
}

// EXTERNAL MODULE: ./src/defectdojo/errors.ts
var errors = __nccwpck_require__(6348);
;// CONCATENATED MODULE: ./src/engine/availability.ts
// Whether DefectDojo could be used at all this run, as the `defectdojo` output says it, and how a
// DefectDojo-wide failure (unreachable, not the API, token rejected) is told: once, in the log and the
// summary, never repeated per report. With `fail-on-error: false` such a failure does not fail the
// step (verdict.ts): the upload is evidence, the release decision is the gate's, which reads this.


/** Which outage a failed token check is. */
function outageOf(error) {
    return error instanceof errors/* DefectDojoError */.Ib && error.tokenRejected ? 'rejected' : 'unavailable';
}
const WHAT = {
    unavailable: 'DefectDojo could not be reached as an API',
    rejected: 'DefectDojo rejected the token'
};
/** A report's reason when the token check stopped the run: short, the error itself is said once above. */
function notAttemptedReason(outage) {
    return `${WHAT[outage]} at the token check, before any upload (the error is said once for the whole run).`;
}
/** The one warning of a DefectDojo-wide failure when the step passes anyway. */
function outageWarning(outage, reports, message) {
    return `${message} ${reports === 1 ? 'The one report was not' : `None of the ${reports} reports was`} uploaded (the output \`defectdojo\` is "${outage}", \`failed\` is ${reports}); the step passes because ${(0,config_inputs/* inputName */.yu)('fail-on-error')} is false.`;
}

;// CONCATENATED MODULE: ./src/engine/secrets.ts
// Secrets never reach anything the run writes. The runner masks them in its log, but not in the
// results file, the outputs or the summary, and a command line has no runner at all; an error body
// that echoes request headers would otherwise carry the token into all of them.

/** Short values would be found everywhere: only values this long are secrets worth hiding. */
const SHORTEST = 4;
/** The secret values among the raw inputs: the tokens and every `extra-headers` value. */
function secretsOf(raw) {
    const headers = splitLines(raw['extra-headers'] ?? '').map((line) => line.slice(line.indexOf(':') + 1).trim());
    const values = [raw['defectdojo-token'], raw['github-token'], ...headers].map((v) => v?.trim() ?? '').filter((v) => v.length >= SHORTEST);
    // Longest first, so a secret that contains another is hidden whole.
    return [...new Set(values)].sort((a, b) => b.length - a.length);
}
/** Replaces every secret with `***`, and the `user:password@` of any URL with `***@`. */
function redactor(secrets) {
    return (text) => {
        let out = text;
        for (const secret of secrets)
            out = out.split(secret).join('***');
        return out.replace(/([a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi, '$1***@');
    };
}

;// CONCATENATED MODULE: ./src/defectdojo/retry.ts
// Which failures are safe to try again, and when. undici never retries a POST, and a consumed
// multipart body cannot be replayed, so retries happen here, each attempt rebuilding its body from
// disk. Reimport is idempotent (an identical report comes back "untouched", docs/defectdojo-api.md §e), so even an
// ambiguous failure may be retried; import creates a new test per call, so there only a request that
// provably never reached the server is retried.

const DEFAULT_RETRY = {
    baseDelayMs: 2000,
    maxDelayMs: 60_000,
    maxRetryAfterMs: 300_000,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    random: Math.random
};
/** Whether this failure may be tried again under the policy. */
function isRetryable(error, endpoint) {
    if (!(error instanceof errors/* DefectDojoError */.Ib) || !error.retryable)
        return false;
    return endpoint === 'reimport-scan' || error.notSent;
}
/** Backoff before attempt `attempt + 1`: exponential with jitter, or what Retry-After asked for. */
function backoffMs(error, attempt, policy) {
    if (error.retryAfterSeconds !== null)
        return Math.min(error.retryAfterSeconds * 1000, policy.maxRetryAfterMs);
    const ceiling = Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
    // "Equal jitter": at least half the ceiling, so retries never pile up at once.
    return Math.round(ceiling / 2 + (policy.random() * ceiling) / 2);
}
/** Runs `attempt` until it succeeds, fails for good, or the retries are spent. */
async function withRetries(attempt, policy) {
    for (let n = 1;; n++) {
        try {
            return { value: await attempt(n), attempts: n };
        }
        catch (error) {
            if (n > policy.retries || !isRetryable(error, policy.endpoint)) {
                if (error instanceof errors/* DefectDojoError */.Ib && n > 1)
                    throw new errors/* DefectDojoError */.Ib(`${error.message} (after ${n} attempts)`, { status: error.status, notSent: error.notSent, tokenRejected: error.tokenRejected });
                throw error;
            }
            const delay = backoffMs(error, n, policy);
            policy.onRetry(error, n, delay);
            await policy.sleep(delay);
        }
    }
}

;// CONCATENATED MODULE: ./src/defectdojo/scheduler.ts
// Bounded concurrency without duplicate tests or engagements. DefectDojo's reimport looks a test up and
// creates it when missing, without a lock (docs/defectdojo-api.md §e caveat 2), and servers before 3.2.0
// did the same for engagements (§i). Distinct tests are guaranteed by the plan; here, a group (one
// product type / product / engagement) whose engagement does not exist yet first runs one upload alone,
// its smallest report (the server parses it fastest), which creates the context; the rest of that group
// start the moment it answers. A group whose engagement exists has nothing to race on: it fans out at once.

/** Runs `work` over items, at most `concurrency` at once, in the order that keeps the pool busy. */
async function runScheduled(items, schedule, concurrency, work) {
    const leaders = new Map();
    items.forEach((item, index) => {
        const group = schedule.groupOf(item);
        if (schedule.existing.has(group))
            return;
        const current = leaders.get(group);
        if (current === undefined || schedule.cost(item) < schedule.cost(items[current]))
            leaders.set(group, index);
    });
    const leaderDone = new Map();
    const openGate = new Map();
    for (const group of leaders.keys())
        leaderDone.set(group, new Promise((resolve) => openGate.set(group, resolve)));
    const isLeader = new Set(leaders.values());
    // Leaders first, so that every new group starts as early as the pool allows; then the groups that
    // exist, which need not wait; then the followers of new groups. A waiting follower never blocks a
    // leader, so the pool cannot deadlock.
    const rest = [...items.keys()].filter((index) => !isLeader.has(index));
    const order = [...isLeader, ...rest.filter((index) => schedule.existing.has(schedule.groupOf(items[index]))), ...rest.filter((index) => !schedule.existing.has(schedule.groupOf(items[index])))];
    const results = new Array(items.length);
    await mapLimit(order, concurrency, async (index) => {
        const item = items[index];
        const group = schedule.groupOf(item);
        if (!isLeader.has(index))
            await leaderDone.get(group);
        try {
            results[index] = await work(item);
        }
        finally {
            // The gate opens whether the leader succeeded or failed: a failure creates nothing to race on.
            if (isLeader.has(index))
                openGate.get(group)();
        }
    });
    return results;
}

;// CONCATENATED MODULE: ./src/report/text.ts
// Text from outside — file and artifact names, server answers — made harmless where it is printed. A
// runner reads every stdout line that starts with `::` as a workflow command, and .NET splits lines at
// \r as well as \n, so a zip entry named `x\n::error title=Spoofed::…` would otherwise become a real
// annotation; a terminal reads escape sequences. The summary has its own escaping (summary.ts).
/** Control characters (but \n) and Unicode line breaks as visible escapes: `\r`, `\x1b`, `\u2028`. */
function escapeControls(text, keepNewlines) {
    return text.replace(keepNewlines ? /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/g : /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
        if (c === '\n')
            return '\\n';
        if (c === '\r')
            return '\\r';
        if (c === '\t')
            return '\\t';
        const code = c.charCodeAt(0);
        return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
    });
}
/** A log message that may span lines: controls escaped, and no line can start (after blanks) with `::`. */
function logText(text) {
    return escapeControls(text, true)
        .split('\n')
        .map((line) => line.replace(/^(\s*):(?=:)/, '$1:\u200b'))
        .join('\n');
}
/** One line of a table or a single-line message: every control character escaped, new lines too. */
function lineText(text) {
    return logText(escapeControls(text, false));
}

;// CONCATENATED MODULE: ./src/report/novelty-text.ts
// One report's split (new / already on the default branch / known to DefectDojo) as plain text: the
// step log's line per report and the CLI console's column. Pure; the summary renders the same split in
// Markdown (summary.ts), the outputs and the results file as numbers.


const TITLES_IN_LINE = 3;
/** "2 new (1 critical, 1 high)", "0 new". */
function newCount(novelty) {
    const parts = model/* SEVERITIES */.oC.filter((s) => novelty.new[s] > 0).map((s) => `${novelty.new[s]} ${s}`);
    return `${novelty.new.total} new${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
}
/** What is not new, as counts: "27 already on the default branch, 1 known to DefectDojo (triaged there)". */
function notNew(novelty) {
    const out = [];
    if (novelty.onMain > 0)
        out.push(`${novelty.onMain} already on the default branch`);
    if (novelty.triagedOnMain > 0)
        out.push(`${novelty.triagedOnMain} known to DefectDojo (triaged on the default branch)`);
    if (novelty.fixed)
        out.push(`${novelty.fixed} fixed here`);
    if (novelty.against === 'no-baseline')
        out.push('no baseline on the default branch yet');
    return out;
}
/** The log line: what is new first, with the first titles, then the counts of what is not. */
function noveltyLine(novelty, newFindings) {
    if (novelty.kind === 'unknown')
        return lineText(`new findings unknown: ${novelty.why}`);
    const titles = newFindings.slice(0, TITLES_IN_LINE).map((f) => `${f.severity} "${f.title}"${f.reintroduced ? ' (reintroduced)' : ''}`);
    const more = novelty.new.total - titles.length;
    const listed = titles.length > 0 ? `: ${titles.join(', ')}${more > 0 ? ` and ${more} more` : ''}` : '';
    return lineText([`${newCount(novelty)}${listed}`, ...notNew(novelty)].join('; '));
}
/** The CLI console's column: "1 new (1 high); 27 on default branch", or "unknown". */
function noveltyCell(novelty) {
    if (novelty === null)
        return '';
    if (novelty.kind === 'unknown')
        return 'new: unknown';
    const rest = [novelty.onMain > 0 ? `${novelty.onMain} on default branch` : '', novelty.triagedOnMain > 0 ? `${novelty.triagedOnMain} triaged` : '', novelty.against === 'no-baseline' ? 'no baseline' : ''].filter(Boolean);
    return [newCount(novelty), ...rest].join('; ');
}
/** The log's closing line over every report: "New findings: 1 (1 high); 27 already on the default branch; unknown for 0 reports." */
function noveltyTotal(splits) {
    const known = splits.filter((n) => n.kind === 'known');
    const sum = (pick) => known.reduce((total, n) => total + pick(n), 0);
    const bySeverity = model/* SEVERITIES */.oC.map((s) => [s, sum((n) => n.new[s])]).filter(([, count]) => count > 0);
    const parts = [`New findings: ${sum((n) => n.new.total)}${bySeverity.length > 0 ? ` (${bySeverity.map(([s, count]) => `${count} ${s}`).join(', ')})` : ''}`];
    parts.push(`${sum((n) => n.onMain)} already on the default branch`, `${sum((n) => n.triagedOnMain)} known to DefectDojo (triaged there)`);
    const unknown = splits.length - known.length;
    if (unknown > 0)
        parts.push(`unknown for ${unknown} ${unknown === 1 ? 'report' : 'reports'} (counts-unknown)`);
    return `${parts.join('; ')}.`;
}

;// CONCATENATED MODULE: ./src/defectdojo/fingerprints.ts
// What DefectDojo matches findings on, per scan type: DEDUPLICATION_ALGORITHM_PER_PARSER of DefectDojo
// 3.2.0's settings (dojo/settings/settings.dist.py; docs/defectdojo-api.md "What counts as new"). A test
// of 3.2.0 says its own algorithm and hash fields (`deduplication_algorithm`, `hash_code_fields`), which
// also reflect a server's DD_DEDUPLICATION_ALGORITHM_PER_PARSER; older servers (2.49.0) do not, and this
// table stands in. A scan type not listed here is matched the legacy way (title and severity).
/** DefectDojo's deduplication algorithms (DEDUPE_ALGO_*). */
const ALGORITHMS = ['hash_code', 'unique_id_from_tool', 'unique_id_from_tool_or_hash_code', 'legacy'];
function isAlgorithm(value) {
    return typeof value === 'string' && ALGORITHMS.includes(value);
}
/** Scan type (or test type name) → algorithm, every entry of DefectDojo 3.2.0's table. */
const ALGORITHM_PER_PARSER = new Map([
    ["Composer Audit Scan", "hash_code"],
    ["pnpm Audit Scan", "hash_code"],
    ["Dotnet Vulnerable Packages Scan", "hash_code"],
    ["Mix Audit Scan", "hash_code"],
    ["Anchore Engine Scan", "hash_code"],
    ["AnchoreCTL Vuln Report", "hash_code"],
    ["AnchoreCTL Policies Report", "hash_code"],
    ["Anchore Enterprise Policy Check", "hash_code"],
    ["Anchore Grype", "hash_code"],
    ["Anchore Grype detailed", "unique_id_from_tool"],
    ["Aqua Scan", "hash_code"],
    ["AuditJS Scan", "unique_id_from_tool"],
    ["AWS Prowler Scan", "hash_code"],
    ["AWS Prowler V3", "unique_id_from_tool"],
    ["AWS Security Finding Format (ASFF) Scan", "unique_id_from_tool"],
    ["Bandit Scan", "hash_code"],
    ["Burp REST API", "unique_id_from_tool"],
    ["Burp Enterprise Scan", "hash_code"],
    ["Burp Suite DAST Scan", "hash_code"],
    ["Burp Scan", "hash_code"],
    ["CargoAudit Scan", "hash_code"],
    ["Checkmarx Scan detailed", "unique_id_from_tool"],
    ["Checkmarx Scan", "hash_code"],
    ["Checkmarx One Scan", "unique_id_from_tool"],
    ["Checkmarx OSA", "unique_id_from_tool_or_hash_code"],
    ["Codechecker Report native", "unique_id_from_tool"],
    ["Coverity API", "unique_id_from_tool"],
    ["Coverity Scan JSON Report", "hash_code"],
    ["Cobalt.io API", "unique_id_from_tool"],
    ["Crunch42 Scan", "unique_id_from_tool"],
    ["Dependency Track Finding Packaging Format (FPF) Export", "unique_id_from_tool_or_hash_code"],
    ["Horusec Scan", "hash_code"],
    ["Mobsfscan Scan", "hash_code"],
    ["SonarQube Scan detailed", "unique_id_from_tool"],
    ["SonarQube Scan", "hash_code"],
    ["SonarQube API Import", "hash_code"],
    ["Sonatype Application Scan", "hash_code"],
    ["Dependency Check Scan", "hash_code"],
    ["Dockle Scan", "hash_code"],
    ["Tenable Scan", "hash_code"],
    ["Nexpose Scan", "hash_code"],
    ["NPM Audit Scan", "hash_code"],
    ["NPM Audit v7+ Scan", "hash_code"],
    ["Yarn Audit Scan", "hash_code"],
    ["Mend Scan", "hash_code"],
    ["ZAP Scan", "hash_code"],
    ["Qualys Scan", "hash_code"],
    ["PHP Symfony Security Check", "hash_code"],
    ["Acunetix Scan", "hash_code"],
    ["Clair Scan", "hash_code"],
    ["Veracode Scan", "unique_id_from_tool_or_hash_code"],
    ["Veracode SourceClear Scan", "hash_code"],
    ["Symfony Security Check", "hash_code"],
    ["DSOP Scan", "hash_code"],
    ["Terrascan Scan", "hash_code"],
    ["Trivy Operator Scan", "hash_code"],
    ["Trivy Scan", "hash_code"],
    ["TFSec Scan", "hash_code"],
    ["HackerOne Cases", "unique_id_from_tool_or_hash_code"],
    ["Snyk Scan", "hash_code"],
    ["GitLab Dependency Scanning Report", "hash_code"],
    ["Garak Scan", "hash_code"],
    ["Promptfoo Scan", "hash_code"],
    ["GitLab SAST Report", "hash_code"],
    ["Govulncheck Scanner", "unique_id_from_tool"],
    ["Govulncheck Scanner V2", "unique_id_from_tool"],
    ["GitLab Container Scan", "hash_code"],
    ["GitLab Secret Detection Report", "hash_code"],
    ["Checkov Scan", "hash_code"],
    ["SpotBugs Scan", "hash_code"],
    ["JFrog Xray Unified Scan", "hash_code"],
    ["JFrog Xray On Demand Binary Scan", "hash_code"],
    ["JFrog Xray API Summary Artifact Scan", "unique_id_from_tool_or_hash_code"],
    ["Scout Suite Scan", "hash_code"],
    ["AWS Security Hub Scan", "unique_id_from_tool"],
    ["Meterian Scan", "hash_code"],
    ["Github SAST Scan", "unique_id_from_tool_or_hash_code"],
    ["Github Vulnerability Scan", "hash_code"],
    ["Github Secrets Detection Report", "hash_code"],
    ["Cloudsploit Scan", "hash_code"],
    ["SARIF", "unique_id_from_tool_or_hash_code"],
    ["Flawfinder Scan", "unique_id_from_tool_or_hash_code"],
    ["Cppcheck Scan", "unique_id_from_tool_or_hash_code"],
    ["DevSkim Scan", "unique_id_from_tool_or_hash_code"],
    ["Azure Security Center Recommendations Scan", "unique_id_from_tool"],
    ["Hadolint Dockerfile check", "hash_code"],
    ["Semgrep JSON Report", "unique_id_from_tool_or_hash_code"],
    ["Generic Findings Import", "hash_code"],
    ["Trufflehog Scan", "hash_code"],
    ["Trufflehog3 Scan", "hash_code"],
    ["Detect-secrets Scan", "hash_code"],
    ["Secretlint Scan", "hash_code"],
    ["njsscan Scan", "hash_code"],
    ["cwe_checker Scan", "hash_code"],
    ["Infer Scan", "hash_code"],
    ["APKLeaks Scan", "hash_code"],
    ["QARK Scan", "hash_code"],
    ["cfn-lint Scan", "unique_id_from_tool_or_hash_code"],
    ["cfn-nag Scan", "hash_code"],
    ["KubeLinter Scan", "hash_code"],
    ["Polaris Scan", "hash_code"],
    ["Conftest Scan", "hash_code"],
    ["Lynis Scan", "hash_code"],
    ["rkhunter Scan", "hash_code"],
    ["chkrootkit Scan", "hash_code"],
    ["AIDE Scan", "hash_code"],
    ["ffuf Scan", "hash_code"],
    ["WhatWeb Scan", "hash_code"],
    ["Dirsearch Scan", "hash_code"],
    ["Naabu Scan", "hash_code"],
    ["Gobuster Scan", "hash_code"],
    ["Masscan Scan", "hash_code"],
    ["Sqlmap Scan", "hash_code"],
    ["YARA Scan", "hash_code"],
    ["ClamAV Scan", "hash_code"],
    ["Firmwalker Scan", "hash_code"],
    ["Nettacker Scan", "hash_code"],
    ["httpx Scan", "hash_code"],
    ["Solar Appscreener Scan", "hash_code"],
    ["Gitleaks Scan", "hash_code"],
    ["pip-audit Scan", "hash_code"],
    ["Nancy Scan", "hash_code"],
    ["Edgescan Scan", "unique_id_from_tool"],
    ["Bugcrowd API Import", "unique_id_from_tool"],
    ["Rubocop Scan", "hash_code"],
    ["JFrog Xray Scan", "hash_code"],
    ["CycloneDX Scan", "hash_code"],
    ["SPDX Scan", "hash_code"],
    ["OpenVEX Scan", "hash_code"],
    ["CSAF Scan", "hash_code"],
    ["SSLyze Scan (JSON)", "hash_code"],
    ["Harbor Vulnerability Scan", "hash_code"],
    ["Rusty Hog Scan", "hash_code"],
    ["StackHawk HawkScan", "hash_code"],
    ["Hydra Scan", "hash_code"],
    ["DrHeader JSON Importer", "hash_code"],
    ["PWN SAST", "unique_id_from_tool"],
    ["Whispers", "hash_code"],
    ["Blackduck Hub Scan", "hash_code"],
    ["BlackDuck API", "unique_id_from_tool"],
    ["Blackduck Binary Analysis", "unique_id_from_tool"],
    ["docker-bench-security Scan", "unique_id_from_tool"],
    ["Vulners Scan", "hash_code"],
    ["Twistlock Image Scan", "hash_code"],
    ["NeuVector (REST)", "hash_code"],
    ["NeuVector (compliance)", "hash_code"],
    ["Wpscan", "hash_code"],
    ["Popeye Scan", "hash_code"],
    ["Nuclei Scan", "hash_code"],
    ["KubeHunter Scan", "hash_code"],
    ["kube-bench Scan", "hash_code"],
    ["Threagile risks report", "unique_id_from_tool_or_hash_code"],
    ["Humble Json Importer", "hash_code"],
    ["Wazuh Scan", "unique_id_from_tool"],
    ["MSDefender Parser", "hash_code"],
    ["HCLAppScan XML", "hash_code"],
    ["HCL AppScan on Cloud SAST XML", "unique_id_from_tool_or_hash_code"],
    ["KICS Scan", "hash_code"],
    ["MobSF Scan", "hash_code"],
    ["MobSF Scorecard Scan", "hash_code"],
    ["OSV Scan", "hash_code"],
    ["Nosey Parker Scan", "unique_id_from_tool_or_hash_code"],
    ["Bearer CLI", "hash_code"],
    ["Wiz Scan", "unique_id_from_tool_or_hash_code"],
    ["Deepfence Threatmapper Report", "hash_code"],
    ["Kubescape JSON Importer", "hash_code"],
    ["Kiuwan SCA Scan", "hash_code"],
    ["Rapplex Scan", "hash_code"],
    ["AppCheck Web Application Scanner", "hash_code"],
    ["AWS Inspector2 Scan", "unique_id_from_tool_or_hash_code"],
    ["Legitify Scan", "hash_code"],
    ["ThreatComposer Scan", "unique_id_from_tool_or_hash_code"],
    ["Invicti Scan", "hash_code"],
    ["Checkmarx CxFlow SAST", "hash_code"],
    ["KrakenD Audit Scan", "hash_code"],
    ["PTART Report", "unique_id_from_tool"],
    ["Red Hat Satellite", "hash_code"],
    ["Qualys Hacker Guardian Scan", "hash_code"],
    ["Cyberwatch scan (Galeax)", "hash_code"],
    ["OpenVAS Parser v2", "hash_code"],
    ["Snyk Issue API Scan", "hash_code"],
    ["OpenReports", "hash_code"],
    ["IriusRisk Threats Scan", "hash_code"],
    ["Orca Security Alerts", "hash_code"],
    ["Xygeni SAST Scan", "unique_id_from_tool"],
    ["Xygeni SCA Scan", "unique_id_from_tool"],
    ["Xygeni Secrets Scan", "unique_id_from_tool"],
    ["Qualys VMDR", "unique_id_from_tool_or_hash_code"],
    ["Alert Logic Scan", "unique_id_from_tool_or_hash_code"],
    ["PICUS Scan", "hash_code"],
    ["Snyk Code Scan", "hash_code"],
    ["Cycognito Scan", "hash_code"],
    ["n0s1 Scanner", "hash_code"],
]);
/**
 * The algorithm DefectDojo uses for a test, as `Test.deduplication_algorithm` decides it: the test type's
 * name first (a SARIF test's is the tool's, "… Scan (SARIF)"), then the scan type, else legacy.
 */
function algorithmFor(scanType, testTypeName = null) {
    return (testTypeName !== null ? ALGORITHM_PER_PARSER.get(testTypeName) : undefined) ?? ALGORITHM_PER_PARSER.get(scanType) ?? 'legacy';
}

;// CONCATENATED MODULE: ./src/engine/existing.ts

/** The group an upload belongs to: the product type, product and engagement it creates if missing. */
function groupOf(upload) {
    return JSON.stringify([upload.target.productType, upload.target.product, upload.target.engagement]);
}
/** Exactly this name, as the importer compares (`name_exact` is case-insensitive). */
const named = (rows, name) => rows.find((row) => row.name === name && Number.isInteger(row.id));
/** A signal that also fires after `ms`: for requests that are worth less than a long wait. */
function within(ms, signal) {
    return signal ? AbortSignal.any([signal, AbortSignal.timeout(ms)]) : AbortSignal.timeout(ms);
}
/** The groups whose engagement exists, and a line per group that could not be looked up. */
async function existingGroups(client, planned, options) {
    const { concurrency, timeoutMs, signal } = options;
    const list = async (path, query) => {
        const bounded = within(timeoutMs, signal);
        const answer = await client.list(path, query, true, bounded);
        // Aborted, but not by the run: the bound ran out.
        return answer.kind === 'unknown' && bounded.aborted && !signal?.aborted ? { kind: 'unknown', why: `no answer within ${timeoutMs / 1000} s` } : answer;
    };
    const groups = new Map();
    for (const upload of planned)
        if (!groups.has(groupOf(upload)))
            groups.set(groupOf(upload), upload);
    const notes = [];
    const found = await mapLimit([...groups], concurrency, async ([group, { target }]) => {
        const products = await list('/api/v2/products/', { name_exact: target.product, limit: 100 });
        if (products.kind === 'unknown') {
            notes.push(`Product "${target.product}" could not be looked up (${products.why}): its first upload runs alone.`);
            return null;
        }
        const product = products.kind === 'found' ? named(products.value, target.product) : undefined;
        // The product type must match too, or DefectDojo refuses the upload; that is the upload's to report.
        if (!product)
            return null;
        const engagements = await list('/api/v2/engagements/', { product: product.id, name: target.engagement, limit: 100 });
        if (engagements.kind === 'unknown')
            notes.push(`Engagement "${target.engagement}" could not be looked up (${engagements.why}): its first upload runs alone.`);
        return engagements.kind === 'found' && named(engagements.value, target.engagement) ? group : null;
    });
    return { existing: new Set(found.filter((group) => group !== null)), notes };
}

;// CONCATENATED MODULE: ./src/engine/novelty.ts

const novelty_text = (value) => (typeof value === 'string' && value !== '' ? value : null);
const novelty_int = (value) => (typeof value === 'number' && Number.isInteger(value) ? value : null);
/** A row of `GET /api/v2/findings/`, or null when it lacks what a decision needs (id, test, a known severity). */
function findingRow(row) {
    const id = novelty_int(row.id);
    const test = novelty_int(row.test);
    const severity = String(row.severity ?? '').toLowerCase();
    if (id === null || test === null || !model/* SEVERITIES */.oC.includes(severity))
        return null;
    return {
        id,
        test,
        title: typeof row.title === 'string' ? row.title : '',
        severity: severity,
        hashCode: novelty_text(row.hash_code),
        uniqueIdFromTool: novelty_text(row.unique_id_from_tool),
        active: row.active === true,
        duplicate: row.duplicate === true,
        duplicateOf: novelty_int(row.duplicate_finding),
        falsePositive: row.false_p === true,
        riskAccepted: row.risk_accepted === true,
        outOfScope: row.out_of_scope === true,
        mitigated: row.is_mitigated === true,
        file: novelty_text(row.file_path),
        line: novelty_int(row.line)
    };
}
/** Triaged: someone decided it is not to be fixed (false positive, risk accepted, out of scope). */
const isTriaged = (f) => f.falsePositive || f.riskAccepted || f.outOfScope;
/**
 * Open in its test: neither fixed nor triaged. Active, or inactive only because DefectDojo marked it a
 * duplicate (a branch's copy of a finding seen elsewhere in the product is still the branch's finding).
 */
const isOpen = (f) => !f.mitigated && !isTriaged(f) && (f.active || f.duplicate);
/**
 * The keys DefectDojo matches a finding on, or null when the finding lacks the field its algorithm needs.
 * `unique_id_from_tool_or_hash_code` matches on either, so it has both keys (a match on one suffices).
 */
function fingerprintKeys(f, algorithm) {
    const hash = f.hashCode === null ? [] : [`hash_code:${f.hashCode}`];
    const uid = f.uniqueIdFromTool === null ? [] : [`unique_id_from_tool:${f.uniqueIdFromTool}`];
    switch (algorithm) {
        case 'hash_code':
            return hash.length > 0 ? hash : null;
        case 'unique_id_from_tool':
            return uid.length > 0 ? uid : null;
        case 'unique_id_from_tool_or_hash_code':
            return uid.length + hash.length > 0 ? [...uid, ...hash] : null;
        case 'legacy':
            return [`legacy:${f.title}\u0000${f.severity}`];
    }
}
function describeRule(rule) {
    const fields = rule.algorithm !== 'unique_id_from_tool' && rule.algorithm !== 'legacy' && rule.hashCodeFields ? ` (${rule.hashCodeFields.join(', ')})` : '';
    return `${rule.algorithm}${fields}, ${rule.source === 'server' ? "from the test's settings" : "from DefectDojo's table for the scan type"}`;
}
const WORST_FIRST = (a, b) => model/* SEVERITIES */.oC.indexOf(a.severity.toLowerCase()) - model/* SEVERITIES */.oC.indexOf(b.severity.toLowerCase());
function unknown(why) {
    return { novelty: { kind: 'unknown', why }, newFindings: [] };
}
function tally(found, link) {
    const counts = { ...model/* NO_FINDINGS */.BU };
    for (const { finding } of found) {
        counts[finding.severity]++;
        counts.total++;
    }
    return { counts, listed: listing(found, link) };
}
/** Findings as the summary and the pull request comment list them: worst first, at most NEW_FINDINGS_LISTED. */
function listing(found, link) {
    return found
        .map(({ finding, reintroduced }) => ({
        title: finding.title,
        severity: severityLabel(finding.severity),
        url: link(finding.id),
        ...(reintroduced ? { reintroduced: true } : {}),
        ...(finding.file ? { file: finding.file } : {}),
        ...(finding.line ? { line: finding.line } : {})
    }))
        .sort(WORST_FIRST)
        .slice(0, model/* NEW_FINDINGS_LISTED */.YD);
}
const severityLabel = (s) => s[0].toUpperCase() + s.slice(1);
const RANK = { active: 3, triaged: 2, fixed: 1 };
/** What the default branch holds, by fingerprint key: active beats triaged beats fixed. A string says why it cannot be told. */
function heldBy(findings, rule) {
    const held = new Map();
    for (const f of findings) {
        const state = isTriaged(f) ? 'triaged' : f.mitigated ? 'fixed' : f.active || f.duplicate ? 'active' : null;
        if (state === null)
            continue;
        const keys = fingerprintKeys(f, rule.algorithm);
        if (keys === null)
            return `a finding of the default branch's test (${f.id}) has no ${rule.algorithm.replace(/_or_/g, ' or ')} to match on`;
        for (const key of keys) {
            const before = held.get(key);
            if (!before || RANK[state] > RANK[before])
                held.set(key, state);
        }
    }
    return held;
}
/**
 * An isolated run's report against the default branch's matching test (`main`; null when that test does
 * not exist: no baseline, so every open finding is new). `mine` are the findings of this run's test after
 * the reimport; only open ones count.
 */
function classifyIsolated(input) {
    const { rule, link } = input;
    const open = input.mine.filter(isOpen);
    const fingerprint = describeRule(rule);
    if (input.main === null) {
        const { counts, listed } = tally(open.map((finding) => ({ finding, reintroduced: false })), link);
        return { novelty: { kind: 'known', against: 'no-baseline', baselineUrl: null, new: counts, reintroduced: 0, onMain: 0, triagedOnMain: 0, fixed: null, fingerprint }, newFindings: listed };
    }
    const held = heldBy(input.main, rule);
    if (typeof held === 'string')
        return unknown(held);
    const fresh = [];
    let onMain = 0;
    let triagedOnMain = 0;
    const mineKeys = new Set();
    for (const f of open) {
        const keys = fingerprintKeys(f, rule.algorithm);
        if (keys === null)
            return unknown(`finding ${f.id} of this test has no ${rule.algorithm.replace(/_or_/g, ' or ')} to match on`);
        for (const key of keys)
            mineKeys.add(key);
        const states = keys.map((key) => held.get(key)).filter((s) => s !== undefined);
        if (states.includes('active'))
            onMain++;
        else if (states.includes('triaged'))
            triagedOnMain++;
        else
            fresh.push({ finding: f, reintroduced: states.includes('fixed') });
    }
    // Fixed here: active on the default branch, absent from this run (a moved line whose hash holds the line is new + fixed).
    const fixed = input.main.filter((f) => !f.mitigated && !isTriaged(f) && f.active && !(fingerprintKeys(f, rule.algorithm) ?? []).some((key) => mineKeys.has(key)));
    const { counts, listed } = tally(fresh, link);
    return {
        novelty: { kind: 'known', against: 'default-branch-test', baselineUrl: input.mainUrl, new: counts, reintroduced: fresh.filter((f) => f.reintroduced).length, onMain, triagedOnMain, fixed: fixed.length, fingerprint },
        newFindings: listed,
        fixedFindings: listing(fixed.map((finding) => ({ finding, reintroduced: false })), link)
    };
}
/**
 * A default-branch run's report: its import's actions (N created, R reactivated, from the test's import
 * history of this run), the test's findings after it, and the findings of the default branch's other
 * tests of the same scan type (where DefectDojo would find an original). A created or reactivated finding
 * is new unless one of those holds its fingerprint; matching here rather than reading DefectDojo's
 * duplicate flag keeps the answer right while DefectDojo still deduplicates in the background, and a
 * duplicate of another branch's copy stays new. Open findings the import left as they were are the
 * default branch's already.
 */
function classifyDefaultBranch(input) {
    const { rule } = input;
    const byId = new Map(input.mine.map((f) => [f.id, f]));
    const touched = new Map(input.actions.map((a) => [a.finding, a.action]));
    const held = heldBy(input.siblings, rule);
    if (typeof held === 'string')
        return unknown(held);
    const fresh = [];
    let onMain = 0;
    let triagedOnMain = 0;
    for (const [id, action] of touched) {
        const f = byId.get(id);
        if (!f)
            return unknown(`finding ${id}, which this import ${action === 'N' ? 'created' : 'reactivated'}, is not among the test's findings read back`);
        if (!isOpen(f))
            continue;
        const keys = fingerprintKeys(f, rule.algorithm);
        if (keys === null)
            return unknown(`finding ${f.id} of this test has no ${rule.algorithm.replace(/_or_/g, ' or ')} to match on`);
        const states = keys.map((key) => held.get(key)).filter((state) => state !== undefined);
        if (states.includes('active'))
            onMain++;
        else if (states.includes('triaged'))
            triagedOnMain++;
        else
            fresh.push({ finding: f, reintroduced: action === 'R' || states.includes('fixed') });
    }
    onMain += input.mine.filter((f) => isOpen(f) && !touched.has(f.id)).length;
    const { counts, listed } = tally(fresh, input.link);
    return {
        novelty: { kind: 'known', against: 'default-branch-run', baselineUrl: input.testUrl, new: counts, reintroduced: fresh.filter((f) => f.reintroduced).length, onMain, triagedOnMain, fixed: null, fingerprint: describeRule(rule) },
        newFindings: listed
    };
}

;// CONCATENATED MODULE: ./src/engine/baseline.ts




/** Findings read per request: DefectDojo has no page-size cap; this keeps each answer far below the client's size limit. */
const FINDINGS_PAGE = 500;
/** Most findings read from one test: the lookup bound's size (README "What counts as new"). */
const FINDINGS_MAX = 10_000;
/** Each request of the lookup waits at most this long (like the lookups before the uploads). */
const LOOKUP_REQUEST_MS = 10_000;
const baseline_int = (value) => (typeof value === 'number' && Number.isInteger(value) ? value : null);
class Failure extends Error {
}
/** The reads of one run, with what several reports share (the default branch's product and engagements) read once. */
class BaselineReader {
    cache = new Map();
    client;
    signal;
    constructor(client, signal) {
        this.client = client;
        this.signal = signal;
    }
    once(key, read) {
        if (!this.cache.has(key))
            this.cache.set(key, read());
        return this.cache.get(key);
    }
    /** One bounded list request; `unknown` (failed, forbidden, too slow) throws a Failure naming why. */
    async list(path, query) {
        const bounded = within(LOOKUP_REQUEST_MS, this.signal);
        const answer = await this.client.list(path, query, true, bounded);
        if (answer.kind === 'found')
            return answer.value;
        if (answer.kind === 'absent')
            return [];
        throw new Failure(bounded.aborted && !this.signal?.aborted ? `${path} gave no answer within ${LOOKUP_REQUEST_MS / 1000} s` : answer.why);
    }
    /** Every finding of a test, page by page, each row checked to be that test's; more than FINDINGS_MAX fails. */
    async findings(testId) {
        const rows = [];
        for (let offset = 0;; offset += FINDINGS_PAGE) {
            const page = await this.list('/api/v2/findings/', { test: testId, o: 'id', limit: FINDINGS_PAGE, offset });
            for (const raw of page) {
                // An older server that ignores `test` lists every finding: rows of other tests are not this test's.
                const row = findingRow(raw);
                if (row === null && baseline_int(raw.test) === testId)
                    throw new Failure(`finding ${String(raw.id)} of test ${testId} has no severity DefectDojo uses`);
                if (row !== null && row.test === testId)
                    rows.push(row);
            }
            if (page.length < FINDINGS_PAGE)
                return rows;
            if (offset + FINDINGS_PAGE >= FINDINGS_MAX)
                throw new Failure(`test ${testId} has more than ${FINDINGS_MAX.toLocaleString('en-US')} findings, more than the lookup reads`);
        }
    }
    /** The test's matching rule: its own settings (3.2.0), else DefectDojo's table for the scan type (2.49.0). */
    async rule(testId, scanType) {
        const test = await this.client.getTest(testId, within(LOOKUP_REQUEST_MS, this.signal)).catch(() => null);
        const fields = Array.isArray(test?.hash_code_fields) ? test.hash_code_fields.filter((f) => typeof f === 'string') : null;
        if (test && isAlgorithm(test.deduplication_algorithm))
            return { algorithm: test.deduplication_algorithm, source: 'server', hashCodeFields: fields };
        const testType = typeof test?.test_type_name === 'string' ? test.test_type_name : null;
        return { algorithm: algorithmFor(scanType, testType), source: 'table', hashCodeFields: fields };
    }
    /**
     * The default branch's matching test: product by exact name, its newest engagement of that name, then
     * the newest test of that title and scan type (docs/defectdojo-api.md §i, §k). Null when it does not
     * exist; a product the token cannot be shown to lack is a Failure (§i: not found is not proof).
     */
    async mainTest(target, scanType, uploadedProduct) {
        const productId = await this.once(`product\u0000${target.product}`, async () => {
            const rows = await this.list('/api/v2/products/', { name_exact: target.product, limit: 100 });
            const product = newest(rows, (row) => row.name === target.product);
            if (product !== null)
                return product;
            // The product this run just uploaded into is visible; another one may only be hidden from the token.
            if (target.product !== uploadedProduct && !this.client.seesEverything)
                throw new Failure(`no product named exactly "${target.product}" is visible to the token, which may only mean it may not see it`);
            return null;
        });
        if (productId === null)
            return null;
        const engagementId = await this.once(`engagement\u0000${productId}\u0000${target.engagement}`, async () => newest(await this.list('/api/v2/engagements/', { product: productId, name: target.engagement, limit: 100 }), (row) => row.name === target.engagement && baseline_int(row.product) === productId));
        if (engagementId === null)
            return null;
        const tests = await this.list('/api/v2/tests/', { engagement: engagementId, title: target.testTitle, scan_type: scanType, limit: 100 });
        return newest(tests, (row) => row.title === target.testTitle && row.scan_type === scanType && baseline_int(row.engagement) === engagementId);
    }
    /**
     * What this run's import of a test created (N) and reactivated (R): the newest row of the test's import
     * history with this run's build id (docs/defectdojo-api.md §k), or null when there is none.
     */
    async actions(testId, buildId) {
        const rows = (await this.list('/api/v2/test_imports/', { test: testId, build_id: buildId, o: '-id', limit: 100 })).filter((row) => baseline_int(row.test) === testId && row.build_id === buildId && baseline_int(row.id) !== null);
        const newest = rows.sort((a, b) => baseline_int(b.id) - baseline_int(a.id))[0];
        if (!newest)
            return null;
        const actions = [];
        for (const entry of Array.isArray(newest.test_import_finding_action_set) ? newest.test_import_finding_action_set : []) {
            const finding = baseline_int(entry.finding);
            if (finding !== null && (entry.action === 'N' || entry.action === 'R'))
                actions.push({ finding, action: entry.action });
        }
        return actions;
    }
    /** The tests of an engagement (id and scan type), checked row by row. */
    engagementTests(engagementId) {
        return this.once(`tests\u0000${engagementId}`, async () => {
            const rows = await this.list('/api/v2/tests/', { engagement: engagementId, limit: 1000 });
            return rows.filter((row) => baseline_int(row.engagement) === engagementId && baseline_int(row.id) !== null).map((row) => ({ id: baseline_int(row.id), scanType: String(row.scan_type) }));
        });
    }
    /** The findings of the default branch's other tests of this scan type: where DefectDojo would find an original. */
    async siblings(testId, scanType, defaultEngagements) {
        const tests = [];
        for (const engagement of defaultEngagements)
            for (const test of await this.engagementTests(engagement))
                if (test.scanType === scanType && test.id !== testId)
                    tests.push(test.id);
        const rows = [];
        for (const test of tests)
            rows.push(...(await this.findings(test)));
        return rows;
    }
}
/** The id of the newest row that matches (DefectDojo takes the newest of several with one name), or null. */
function newest(rows, matches) {
    const ids = rows.filter(matches).map((row) => baseline_int(row.id)).filter((id) => id !== null);
    return ids.length > 0 ? Math.max(...ids) : null;
}
/**
 * Classifies one uploaded report. `defaultEngagements` are the engagements this run uploaded into on the
 * default branch (whose other tests of the same scan type count as the default branch's).
 */
async function classify(reader, { upload, outcome }, options) {
    const { answer } = outcome;
    const baseline = upload.baseline;
    if (answer.testId === null)
        return unknownSplit("DefectDojo's answer did not say which test the report went to");
    if (baseline.kind === 'unknown')
        return unknownSplit(baseline.why);
    const testId = answer.testId;
    const link = (id) => `${options.baseUrl}/finding/${id}`;
    try {
        if (baseline.kind === 'self') {
            const created = answer.counts.created?.total ?? answer.counts.totals?.created ?? null;
            const reactivated = answer.counts.reactivated?.total ?? answer.counts.totals?.reactivated ?? null;
            const active = answer.counts.activeAfter?.total ?? null;
            // Nothing created or reactivated: nothing can be new, and no read is needed at all.
            if (created === 0 && reactivated === 0 && active !== null) {
                return { novelty: { kind: 'known', against: 'default-branch-run', baselineUrl: outcome.links.test, new: { critical: 0, high: 0, medium: 0, low: 0, info: 0, total: 0 }, reintroduced: 0, onMain: active, triagedOnMain: 0, fixed: null, fingerprint: 'not needed: the import created and reactivated nothing' }, newFindings: [] };
            }
            const rule = await reader.rule(testId, upload.recognition.scanType);
            const actions = await reader.actions(testId, options.buildId);
            if (actions === null)
                return unknownSplit(`this run's import (build ${options.buildId || 'unknown'}) is not in the test's import history, which says what it created`);
            // The newest row of this build must be this import: the same counts as DefectDojo's answer, where it gave them.
            const count = (action) => actions.filter((a) => a.action === action).length;
            if ((created !== null && created !== count('N')) || (reactivated !== null && reactivated !== count('R'))) {
                return unknownSplit(`the newest import of build ${options.buildId || '(none)'} in the test's history is not this one (it created ${count('N')} and reactivated ${count('R')}; DefectDojo answered ${created ?? '?'} and ${reactivated ?? '?'})`);
            }
            const [mine, siblings] = await Promise.all([reader.findings(testId), reader.siblings(testId, upload.recognition.scanType, options.defaultEngagements)]);
            return classifyDefaultBranch({ rule, actions, mine, siblings, testUrl: outcome.links.test, link });
        }
        const rule = await reader.rule(testId, upload.recognition.scanType);
        const [mine, mainTest] = await Promise.all([reader.findings(testId), reader.mainTest(baseline.target, upload.recognition.scanType, upload.target.product)]);
        const main = mainTest === null ? null : await reader.findings(mainTest);
        return classifyIsolated({ rule, mine, main, mainUrl: mainTest === null ? null : `${options.baseUrl}/test/${mainTest}`, link });
    }
    catch (error) {
        if (error instanceof Failure)
            return unknownSplit(error.message);
        throw error;
    }
}
function unknownSplit(why) {
    return { novelty: { kind: 'unknown', why }, newFindings: [] };
}
/**
 * Classifies the uploads as they end: a report of an isolated run is read while the others still upload
 * (its baseline is the default branch's test, which this run does not change), at most `concurrency`
 * at once; a default-branch report waits for the end, since the default branch's engagements are those
 * of every upload of the run.
 */
class NoveltyQueue {
    reader;
    early = new Map();
    gate;
    client;
    options;
    constructor(client, options) {
        this.client = client;
        this.options = options;
        this.reader = new BaselineReader(client, options.signal);
        this.gate = limiter(options.concurrency);
    }
    classify(upload, outcome, defaultEngagements) {
        return this.gate(() => classify(this.reader, { upload, outcome }, { buildId: this.options.buildId, defaultEngagements, baseUrl: this.client.baseUrl })).catch((error) => unknownSplit(`the lookup failed: ${error instanceof Error ? error.message : String(error)}`));
    }
    /** One upload ended: an isolated report starts its reads now. */
    uploaded(upload, outcome) {
        if (outcome.status === 'uploaded' && upload.baseline.kind !== 'self' && !this.options.signal?.aborted)
            this.early.set(upload, this.classify(upload, outcome, []));
    }
    /** Every uploaded outcome with its split and its new findings; the others as they were. */
    async all(planned, outcomes) {
        const defaultEngagements = [
            ...new Set(outcomes.flatMap((o, n) => (o.status === 'uploaded' && planned[n].baseline.kind === 'self' && o.answer.engagementId !== null ? [o.answer.engagementId] : [])))
        ];
        return Promise.all(outcomes.map(async (outcome, n) => {
            if (outcome.status !== 'uploaded')
                return outcome;
            const upload = planned[n];
            const { novelty, newFindings, fixedFindings } = await (this.early.get(upload) ?? this.classify(upload, outcome, defaultEngagements));
            return { ...outcome, novelty, newFindings: newFindings, ...(fixedFindings ? { fixedFindings } : {}) };
        }));
    }
}

;// CONCATENATED MODULE: ./src/engine/landed.ts

const landed_int = (value) => (typeof value === 'number' && Number.isInteger(value) ? value : null);
/** The row with the highest id among those whose `field` equals `value` exactly (DefectDojo takes the newest). */
function landed_newest(rows, field, value) {
    return rows.filter((row) => row[field] === value && landed_int(row.id) !== null).sort((a, b) => landed_int(b.id) - landed_int(a.id))[0] ?? null;
}
function unwrap(lookup) {
    return lookup.kind === 'found' ? lookup.value : lookup.kind === 'absent' ? { kind: 'absent' } : { kind: 'unknown', why: lookup.why };
}
const isLanding = (value) => typeof value === 'object' && value !== null && 'kind' in value && !Array.isArray(value);
/**
 * Where the upload would be: its product, engagement and test by exact name, title and scan type
 * (for import-scan, only this run's test). `absent` only where the token would see it.
 */
async function locateTest(client, upload, buildId, signal) {
    const t = upload.target;
    // name_exact is case-insensitive: compare exactly here, as the importer does.
    const products = await client.list('/api/v2/products/', { name_exact: t.product, limit: 100 }, true, signal);
    if (products.kind === 'unknown')
        return products;
    const product = products.kind === 'found' ? landed_newest(products.value, 'name', t.product) : null;
    if (!product) {
        // Absent, if the token would see it: it sees everything, or it sees the product type the upload would put it in.
        if (client.seesEverything)
            return { kind: 'absent' };
        const types = await client.list('/api/v2/product_types/', { name: t.productType, limit: 100 }, false, signal);
        if (types.kind === 'found' && landed_newest(types.value, 'name', t.productType))
            return { kind: 'absent' };
        return { kind: 'unknown', why: `no product named exactly "${t.product}" is visible to the token, which may only mean it may not see it` };
    }
    // The product is visible, so its engagements and tests are too: an empty list now proves absence.
    const engagements = unwrap(await client.list('/api/v2/engagements/', { product: landed_int(product.id), name: t.engagement, limit: 100 }, true, signal));
    if (isLanding(engagements))
        return engagements;
    const engagement = landed_newest(engagements, 'name', t.engagement);
    if (!engagement)
        return { kind: 'absent' };
    const query = { engagement: landed_int(engagement.id), title: t.testTitle, scan_type: upload.recognition.scanType, limit: 100 };
    // import-scan makes a new test every run: only this run's can be it.
    if (upload.endpoint === 'import-scan')
        query.build_id = buildId;
    const tests = unwrap(await client.list('/api/v2/tests/', query, true, signal));
    if (isLanding(tests))
        return tests;
    const test = landed_newest(tests, 'title', t.testTitle);
    if (!test)
        return { kind: 'absent' };
    return { kind: 'found', testId: landed_int(test.id), engagementId: landed_int(engagement.id), productId: landed_int(product.id) };
}
/** One look: where the upload would be, and whether this run's import of it is recorded there. */
async function findLanding(client, upload, buildId, since, signal) {
    if (!buildId)
        return { kind: 'unknown', why: 'this run has no build id to find its import by' };
    const found = await locateTest(client, upload, buildId, signal);
    if (found.kind !== 'found')
        return found;
    const { testId } = found;
    const history = unwrap(await client.list('/api/v2/test_imports/', { test: testId, build_id: buildId, o: '-id', limit: 100 }, true, signal));
    if (isLanding(history))
        return history;
    const rows = history.filter((row) => row.build_id === buildId && Date.parse(String(row.created)) >= since).sort((a, b) => (landed_int(a.id) ?? 0) - (landed_int(b.id) ?? 0));
    if (rows.length === 0)
        return { kind: 'absent' };
    return { kind: 'landed', testId, engagementId: found.engagementId, productId: found.productId, counts: await countsFromHistory(client, testId, rows, signal), imports: rows.length };
}
/**
 * Waits, within `waitMs`, for this run's import to show up: an import still running is not visible yet.
 * `unknown` ends the wait at once (it will not change); `absent` until the end means it did not land.
 */
async function waitForLanding(client, upload, options) {
    const deadline = Date.now() + options.waitMs;
    for (let pause = 1000;; pause = Math.min(pause * 2, 10_000)) {
        const landing = await findLanding(client, upload, options.buildId, options.since, options.signal);
        if (landing.kind !== 'absent' || Date.now() + pause > deadline || options.signal?.aborted)
            return landing;
        await options.sleep(pause);
    }
}
const ACTIONS = { N: 'created', C: 'closed', R: 'reactivated', U: 'untouched' };
/**
 * What the recorded imports did, from their finding actions: created, closed and reactivated summed over
 * every import of this run, untouched as the last one left them. Severities of the created findings are
 * read back (they are the test's newest); the other severities are not known from the history.
 */
async function countsFromHistory(client, testId, rows, signal) {
    const created = new Set();
    const totals = { created: 0, closed: 0, reactivated: 0, untouched: 0 };
    rows.forEach((row, index) => {
        const actions = Array.isArray(row.test_import_finding_action_set) ? row.test_import_finding_action_set : [];
        for (const entry of actions) {
            const action = ACTIONS[String(entry.action)];
            if (!action || (action === 'untouched' && index !== rows.length - 1))
                continue;
            totals[action]++;
            if (action === 'created' && landed_int(entry.finding) !== null)
                created.add(landed_int(entry.finding));
        }
    });
    return { created: await severitiesOf(client, testId, created, signal), closed: null, reactivated: null, untouched: null, activeAfter: null, totals };
}
/** The severities of the created findings, or null when they cannot be read back exactly. */
async function severitiesOf(client, testId, ids, signal) {
    if (ids.size === 0)
        return model/* NO_FINDINGS */.BU;
    if (ids.size > 500)
        return null;
    const lookup = await client.list('/api/v2/findings/', { test: testId, o: '-id', limit: ids.size }, true, signal);
    if (lookup.kind !== 'found')
        return null;
    const counts = { critical: 0, high: 0, medium: 0, low: 0, info: 0, total: 0 };
    let seen = 0;
    for (const finding of lookup.value) {
        if (!ids.has(landed_int(finding.id) ?? -1))
            continue;
        const severity = String(finding.severity).toLowerCase();
        if (!model/* SEVERITIES */.oC.includes(severity))
            return null;
        counts[severity]++;
        counts.total++;
        seen++;
    }
    return seen === ids.size ? counts : null;
}

;// CONCATENATED MODULE: ./src/engine/refusal.ts



/** Whether the error is DefectDojo's own refusal of this upload (not a gateway, a timeout or the network). */
function isRefusal(error) {
    return (error.status === 400 || error.status === 500) && !error.ambiguous;
}
/** The reason of a refused upload, with the rule that forced its type, and the empty test left behind, if any. */
async function explainRefusal(client, upload, message, options) {
    const rule = upload.recognition.rule;
    const forced = rule ? `The \`scan-types\` rule \`${rule.text}\` forced the scan type (the content reads as ${rule.readsAs ?? 'no format this action recognises'}): ` : '';
    const left = await emptyTestLeft(client, upload, options);
    const leftNote = left
        ? ` DefectDojo left an empty test behind (test ${left.testId}: no findings, no import); the action deletes nothing, so delete it in DefectDojo if it is not wanted.`
        : '';
    return { reason: `${forced}${message}${leftNote}`, left };
}
/** The upload's test, when it exists and no import was ever recorded in it: what a failed first import leaves. */
async function emptyTestLeft(client, upload, options) {
    const signal = within(options.timeoutMs, options.signal);
    const found = await locateTest(client, upload, options.buildId, signal).catch(() => null);
    if (found?.kind !== 'found')
        return null;
    const history = await client.list('/api/v2/test_imports/', { test: found.testId, limit: 1 }, true, signal).catch(() => null);
    return history?.kind === 'absent' ? { testId: found.testId, engagementId: found.engagementId, productId: found.productId } : null;
}

;// CONCATENATED MODULE: ./src/engine/upload.ts
// The uploads stage: the client built from the config, the token check (sent while the files are still
// being recognised), then every planned report sent at most `concurrency` at once, with retries and a
// heartbeat in the log. Each planned upload ends as exactly one UploadOutcome, whatever fails: uploaded
// exactly once, or failed with a reason. After an ambiguous failure (a gateway's 502/504, a timeout, a
// reset once the body was sent, an answer that was not DefectDojo's) the upload is looked up before it
// is sent again (landed.ts), and the counts come from the imports that did the work, never from a
// repeat that found nothing to do.
















const CONNECT_TIMEOUT_MS = 30_000;
const HEARTBEAT_MS = 30_000;
/** Longest wait for an import that may still be running behind a gateway that gave up (capped by `timeout-minutes`). */
const LANDING_WAIT_MS = 120_000;
/** A second look after an answer that most likely never reached DefectDojo. */
const SHORT_LOOK_MS = 3_000;
/** Server and runner clocks differ; history rows this much older than the first attempt still count as this run's. */
const CLOCK_SLACK_MS = 2_000;
/** Lookups before the uploads and the read-back of new findings only save time or add titles: bounded. */
const OPTIONAL_REQUEST_MS = 10_000;
/** Opens the client and sends the token check without waiting for it. */
async function connect(config, tls, signal) {
    // undici is half the bundle, and a dry-run needs none of it.
    const { DefectDojoClient } = await Promise.all(/* import() */[__nccwpck_require__.e(752), __nccwpck_require__.e(475)]).then(__nccwpck_require__.bind(__nccwpck_require__, 4475));
    const client = new DefectDojoClient({
        baseUrl: config.defectdojoUrl,
        token: config.defectdojoToken,
        extraHeaders: config.extraHeaders,
        network: { ...tls, requestTimeoutMs: config.requestTimeoutMs, connectTimeoutMs: CONNECT_TIMEOUT_MS }
    });
    const unused = new AbortController();
    const early = signal ? AbortSignal.any([signal, unused.signal]) : unused.signal;
    const firstCheck = client.preflight(early);
    firstCheck.catch(() => undefined);
    // Optional like the lookups: a server that hides its schema or answers slowly costs at most the bound.
    const bounded = within(OPTIONAL_REQUEST_MS, early);
    const server = client.serverInfo(bounded).then((found) => (found.kind === 'unknown' && bounded.aborted && !early.aborted ? { kind: 'unknown', why: `no answer within ${OPTIONAL_REQUEST_MS / 1000} s` } : found));
    return {
        client,
        firstCheck,
        server,
        close: async () => {
            unused.abort();
            await client.close();
        }
    };
}
/**
 * Uploads every planned report. Nothing is uploaded unless the token check passes: a wrong URL or
 * token fails once, clearly (`stopped`), instead of once per report.
 */
async function uploadAll(connection, config, planned, log, options) {
    const { client } = connection;
    const sleep = options.sleep ?? abortableSleep(options.signal);
    try {
        await withRetries((n) => (n === 1 ? connection.firstCheck : client.preflight(options.signal)), {
            ...DEFAULT_RETRY,
            sleep,
            retries: config.retries,
            endpoint: 'reimport-scan',
            onRetry: (e, n, ms) => log.info(`Token check: ${e.message} Retrying in ${Math.round(ms / 1000)} s (attempt ${n + 1}).`)
        });
    }
    catch (error) {
        return { stopped: error instanceof Error ? error.message : String(error), outage: outageOf(error) };
    }
    // Engagements that exist need no first upload alone (existing.ts); the token passed first.
    const { existing, notes } = await existingGroups(client, planned, { concurrency: config.concurrency, timeoutMs: OPTIONAL_REQUEST_MS, signal: options.signal });
    for (const note of notes)
        log.debug(note);
    // What is new, against the default branch (baseline.ts): an isolated report is read as soon as it is uploaded.
    const novelty = new NoveltyQueue(client, { buildId: options.buildId, concurrency: config.concurrency, signal: options.signal });
    const outcomes = await runScheduled(planned, { groupOf: groupOf, existing, cost: (upload) => upload.candidate.size }, config.concurrency, async (upload) => {
        const outcome = options.signal?.aborted ? notStarted() : await uploadOne(client, config, upload, log, { ...options, sleep });
        novelty.uploaded(upload, outcome);
        return outcome;
    });
    if (options.signal?.aborted)
        return { outcomes };
    const classified = await novelty.all(planned, outcomes);
    classified.forEach((outcome, n) => {
        if (outcome.status === 'uploaded' && outcome.novelty)
            log.info(`${(0,model/* reportLabel */.tr)(planned[n].candidate)}: ${noveltyLine(outcome.novelty, outcome.newFindings ?? [])}`);
    });
    log.info(noveltyTotal(classified.flatMap((o) => (o.status === 'uploaded' && o.novelty ? [o.novelty] : []))));
    return { outcomes: classified };
}
function notStarted() {
    return { status: 'failed', reason: 'not started: the run was cancelled before this report was sent.', attempts: 0 };
}
async function uploadOne(client, config, upload, log, options) {
    const name = (0,model/* reportLabel */.tr)(upload.candidate);
    if (upload.candidate.size > config.maxReportBytes) {
        const reason = `not sent: the report is ${(0,errors/* formatSize */.Xq)(upload.candidate.size)}, over ${(0,config_inputs/* inputName */.yu)('max-report-size-mb')} (${(0,errors/* formatSize */.Xq)(config.maxReportBytes)}, DefectDojo's default DD_SCAN_FILE_MAX_SIZE); raise both to upload it.`;
        log.info(`${name}: FAILED: ${reason}`);
        return { status: 'failed', reason, attempts: 0 };
    }
    const progress = { bytesSent: 0, sentAt: null };
    const started = Date.now();
    // History rows written after this (on the server's clock) are this run's imports of this report.
    const since = started + client.clockOffsetMs - CLOCK_SLACK_MS;
    const policy = { ...DEFAULT_RETRY, sleep: options.sleep, retries: config.retries, endpoint: upload.endpoint, onRetry: () => undefined };
    // A heartbeat tells a slow reimport from a hang in the live log.
    let lookingSince = null;
    const heartbeat = setInterval(() => log.info(`${name}: ${describeProgress(progress, upload.candidate.size, started, Date.now(), lookingSince)}`), HEARTBEAT_MS);
    let attempts = 0;
    let ambiguousBefore = false;
    // A UTF-16 JSON report is sent as UTF-8 (recognition decided so): a converted copy, removed afterwards.
    const converted = upload.recognition.transcodeFrom ? await toUtf8(upload.candidate.absolutePath, upload.recognition.transcodeFrom) : null;
    const filePath = converted?.path ?? upload.candidate.absolutePath;
    try {
        for (;;) {
            attempts++;
            let answer;
            try {
                answer = await client.upload({ endpoint: upload.endpoint, fields: upload.fields, filePath, uploadName: upload.recognition.uploadName }, progress, options.signal);
            }
            catch (error) {
                if (!(error instanceof errors/* DefectDojoError */.Ib))
                    throw error;
                if (options.signal?.aborted)
                    return failed(name, log, `in flight when the run was cancelled: DefectDojo may or may not have imported it (look at the test, or run again). ${error.message}`, attempts);
                // Safe to send again without looking: nothing reached DefectDojo, or (reimport) it refused before importing.
                let retry = error.retryable && (error.notSent || (upload.endpoint === 'reimport-scan' && !error.ambiguous));
                if (error.ambiguous) {
                    ambiguousBefore = true;
                    log.info(`${name}: attempt ${attempts}: ${error.message} Looking up whether DefectDojo imported it before sending it again.`);
                    lookingSince = Date.now();
                    const landing = await waitForLanding(client, upload, { buildId: options.buildId, since, waitMs: landingWaitMs(error, config), sleep: options.sleep, signal: options.signal });
                    lookingSince = null;
                    if (landing.kind === 'landed') {
                        log.info(`${name}: DefectDojo did import it (test ${landing.testId}): not sent again; counts from that import.`);
                        return uploaded(client, upload, log, name, { testId: landing.testId, engagementId: landing.engagementId, productId: landing.productId, productTypeId: null, counts: landing.counts }, attempts, [
                            `attempt ${attempts} answered: ${error.message}; the import was found in the test's history (${landing.imports} of this run)`
                        ]);
                    }
                    if (landing.kind === 'unknown') {
                        return failed(name, log, `${error.message} Whether DefectDojo imported it cannot be told (${landing.why}), so it was not sent again: a second import could create a second test.`, attempts);
                    }
                    // Provably not imported (the run's history has no such import): safe to send again.
                    retry = true;
                }
                if (!retry || attempts > config.retries) {
                    const message = attempts > 1 ? `${error.message} (after ${attempts} attempts)` : error.message;
                    if (!isRefusal(error))
                        return failed(name, log, message, attempts);
                    const { reason, left } = await explainRefusal(client, upload, message, { buildId: options.buildId, timeoutMs: OPTIONAL_REQUEST_MS, signal: options.signal });
                    const base = client.baseUrl;
                    const emptyTest = left && { ...left, testUrl: uiPage(base, 'test', left.testId), engagementUrl: uiPage(base, 'engagement', left.engagementId), productUrl: uiPage(base, 'product', left.productId) };
                    return { ...failed(name, log, reason, attempts), ...(emptyTest ? { emptyTest } : {}) };
                }
                const delay = backoffMs(error, attempts, policy);
                log.info(`${name}: attempt ${attempts} failed: ${error.message} Retrying in ${(delay / 1000).toFixed(1)} s.`);
                await options.sleep(delay);
                if (options.signal?.aborted)
                    return failed(name, log, 'not sent again: the run was cancelled during a retry wait.', attempts);
                continue;
            }
            if (!ambiguousBefore)
                return uploaded(client, upload, log, name, answer, attempts, []);
            // An earlier attempt may have landed after all: the counts of this answer could be a repeat's zeros.
            const again = await findLanding(client, upload, options.buildId, since, options.signal);
            const counts = again.kind === 'landed' ? again.counts : { created: null, closed: null, reactivated: null, untouched: null, activeAfter: null };
            const note = again.kind === 'landed' ? `counts from the ${again.imports} import(s) of this run in the test's history` : `counts unknown: an earlier attempt may have imported it first (${again.kind === 'unknown' ? again.why : 'its history was not found'})`;
            return uploaded(client, upload, log, name, { ...answer, counts }, attempts, [note]);
        }
    }
    catch (error) {
        return failed(name, log, `Unexpected error: ${error instanceof Error ? error.message : String(error)}`, attempts);
    }
    finally {
        clearInterval(heartbeat);
        await converted?.remove();
    }
}
/** A UTF-8 copy of a UTF-16 file, decoded as it streams (without its byte order mark). */
async function toUtf8(path, encoding) {
    const folder = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_namespaceObject.tmpdir)(), 'defectdojo-utf8-'));
    const target = (0,external_node_path_.join)(folder, 'report.json');
    const decoder = new TextDecoder(encoding);
    await (0,external_node_stream_promises_namespaceObject.pipeline)((0,external_node_fs_namespaceObject.createReadStream)(path), async function* (chunks) {
        for await (const chunk of chunks)
            yield Buffer.from(decoder.decode(chunk, { stream: true }), 'utf8');
        yield Buffer.from(decoder.decode(), 'utf8');
    }, (0,external_node_fs_namespaceObject.createWriteStream)(target));
    return { path: target, remove: () => (0,promises_.rm)(folder, { recursive: true, force: true }) };
}
/**
 * How long to wait for an import that may still be running: after a gateway timeout, our own timeout or
 * a dropped connection DefectDojo may be minutes into the import; after a 502/503 or a page that is not
 * DefectDojo's, the request most likely never reached it, and a short second look suffices.
 */
function landingWaitMs(error, config) {
    const stillRunning = error.status === null || error.status === 504;
    return stillRunning ? Math.min(LANDING_WAIT_MS, config.requestTimeoutMs) : SHORT_LOOK_MS;
}
function failed(name, log, reason, attempts) {
    log.info(`${name}: FAILED: ${reason}`);
    return { status: 'failed', reason, attempts };
}
async function uploaded(client, upload, log, name, answer, attempts, evidence) {
    const base = client.baseUrl;
    const notes = [...evidence];
    if (answer.counts.created === null && answer.counts.totals === undefined && answer.testId !== null && notes.length === 0) {
        // No statistics (history tracking off, or a future background import): the test itself still says something.
        const test = await client.getTest(answer.testId).catch(() => null);
        if (test)
            notes.push(`test ${answer.testId}: ${String(test.title ?? test.scan_type ?? '')}`);
    }
    const total = (d) => answer.counts[d]?.total ?? answer.counts.totals?.[d] ?? '?';
    // UI paths of docs/defectdojo-api.md §f; /product/<id> redirects to /asset/<id> where the relabel is on.
    const testUrl = answer.testId === null ? null : uiPage(base, 'test', answer.testId);
    log.info(`${name}: uploaded as ${upload.recognition.scanType} → ${testUrl ?? 'test ?'} (created ${total('created')}, closed ${total('closed')}, reactivated ${total('reactivated')}, untouched ${total('untouched')})`);
    return {
        status: 'uploaded',
        answer,
        attempts,
        links: {
            test: testUrl,
            engagement: answer.engagementId === null ? null : uiPage(base, 'engagement', answer.engagementId),
            product: answer.productId === null ? null : uiPage(base, 'product', answer.productId)
        },
        evidence: notes
    };
}
/** A UI page (docs/defectdojo-api.md §f; /product/<id> redirects to /asset/<id> where the relabel is on). */
function uiPage(base, kind, id) {
    return `${base}/${kind}/${id}`;
}
/** A sleep that ends early when the run is cancelled. */
function abortableSleep(signal) {
    return (ms) => new Promise((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        }
        signal?.addEventListener('abort', done, { once: true });
    });
}
/** "sent 12.0 MB of 40.0 MB" while uploading, then "waiting 95 s for DefectDojo's answer". */
function describeProgress(progress, total, startedAt, now = Date.now(), lookingSince = null) {
    // After an ambiguous failure the wait is for the import to show up in DefectDojo, not for an answer.
    if (lookingSince !== null)
        return `looking whether DefectDojo imported it (${Math.round((now - lookingSince) / 1000)} s so far): an import still running shows up when it ends; nothing is sent again until then`;
    if (progress.sentAt === null)
        return `sent ${(0,errors/* formatSize */.Xq)(Math.min(progress.bytesSent, total))} of ${(0,errors/* formatSize */.Xq)(total)} (${Math.round((now - startedAt) / 1000)} s)`;
    return `report sent; waiting ${Math.round((now - progress.sentAt) / 1000)} s for DefectDojo's answer (it parses the report before it answers)`;
}

;// CONCATENATED MODULE: ./src/engine/verdict.ts


/**
 * The failure policy. The step fails when a report was lost or DefectDojo could not be used (token
 * check: unreachable, not the API, token rejected) unless `fail-on-error: false`, when the run stopped
 * early for a reason of its own (invalid input, collision, artifact listing, cancel), and per
 * `if-no-reports` and `fail-on-unrecognized`. Files for people and build output never count against it.
 */
function decideOutcome(config, results, fatal, candidates) {
    const verdict = { failure: null, warnings: [], notices: [] };
    // A DefectDojo-wide failure is one more way for reports not to be uploaded: fail-on-error decides.
    const outage = fatal?.kind === 'connection' && config && !config.failOnError ? (fatal.outage ?? 'unavailable') : null;
    if ((fatal && !outage) || !config)
        return { ...verdict, failure: fatal?.message ?? 'The run stopped before it started.' };
    const reports = results.filter((r) => r.status !== 'skipped');
    // Build output and documentation are counted, not warned about; a file that looks like a report is.
    const unrecognised = results.filter((r) => r.status === 'skipped' && !r.humanReadable && r.reportLike && r.duplicateOf === null);
    const failed = results.filter((r) => r.status === 'failed');
    if (reports.length === 0) {
        const message = candidates === 0
            ? `No report files were found: check ${(0,config_inputs/* sourceInputs */.ZU)()}.`
            : `None of the ${candidates} files found is a report this action can upload (the summary says why each was skipped).`;
        if (config.ifNoReports === 'error')
            verdict.failure = message;
        else if (config.ifNoReports === 'warn')
            verdict.warnings.push(message);
        else
            verdict.notices.push(message);
    }
    if (unrecognised.length > 0) {
        // Unsafe content (empty, broken, a failed run) is refused whatever a rule says: no rule is suggested for it.
        const unsafe = unrecognised.filter((r) => r.unsafe).length;
        const unknown = unrecognised.length - unsafe;
        const message = [
            unknown > 0 ? `${unknown} file${unknown === 1 ? ' was' : 's were'} not recognised as a report and not uploaded (the summary says why, and what to do for each).` : null,
            unsafe > 0 ? `${unsafe} file${unsafe === 1 ? ' was' : 's were'} refused as unsafe to upload (empty, broken, or a scanner's failed run: uploading one would close every finding of its test; the summary says why).` : null
        ].filter((m) => m !== null).join(' ');
        if (config.failOnUnrecognized)
            verdict.failure ??= message;
        else
            verdict.warnings.push(message);
    }
    if (outage && fatal)
        verdict.warnings.push(outageWarning(outage, failed.length, fatal.message));
    else if (failed.length > 0) {
        const message = `${failed.length} of ${reports.length} reports failed to upload to DefectDojo (the summary says why).`;
        if (config.failOnError)
            verdict.failure = message;
        else
            verdict.warnings.push(`${message} The ${(0,config_inputs/* stepName */.u)()} passes because ${(0,config_inputs/* inputName */.yu)('fail-on-error')} is false.`);
    }
    return verdict;
}

;// CONCATENATED MODULE: ./src/engine/run.ts
// THE run, for both shells: inputs → sources → recognition → dedup → plan → uploads → verdict →
// report. Plain data in (the raw input strings and the run's context), one RunReport out; the shell
// only decides where that report is written. Every file looked at ends as exactly one Result.


























const RECOGNITION_CONCURRENCY = 8;
async function runEngine(request, shellHost) {
    const { raw } = request;
    // Secrets are hidden in every line logged and everything written, whatever echoed them.
    const redact = redactor(secretsOf(raw));
    const host = { ...shellHost, log: { info: (m) => shellHost.log.info(redact(m)), warning: (m) => shellHost.log.warning(redact(m)), debug: (m) => shellHost.log.debug(redact(m)) } };
    // Where GitHub gives a run no secrets, an empty token is expected, not a mistake: plan, send nothing, pass.
    // The URL is no secret (a configuration variable, so links survive masking): it may be there or not.
    const withheld = request.context.secretsWithheld !== null && !raw['defectdojo-token']?.trim() && raw['if-no-credentials']?.trim() !== 'error';
    let config;
    let tls;
    try {
        for (const warning of request.strayInputs?.warnings ?? [])
            host.log.warning(warning);
        config = parseConfig(withheld ? { ...raw, 'dry-run': 'true' } : raw, request.strayInputs?.errors);
        for (const value of Object.values(config.extraHeaders))
            if (value)
                host.mask(value);
        // The certificate files are inputs too: checked now, dry-run or not.
        tls = await readConfigFiles(config);
    }
    catch (error) {
        if (!(error instanceof ConfigError))
            throw error;
        return report(request, host, redact, { config: null, dryRun: wasDryRun(raw), results: [], fatal: { kind: 'configuration', message: error.message }, candidates: 0 });
    }
    const context = withOverrides(request.context, config.contextOverrides);
    const noCredentials = withheld ? `No DefectDojo credentials: ${request.context.secretsWithheld}, and ${(0,config_inputs/* inputName */.yu)('defectdojo-token')} is empty. Nothing was sent; the plan shows what a run with secrets would upload (set ${(0,config_inputs/* inputSetting */.pw)('if-no-credentials', 'error')} to fail instead).` : null;
    if (noCredentials)
        host.log.info(noCredentials);
    const found = await findWorkspaceFiles(config.paths, context.workspace);
    // Reports checked into the repository are not this run's (tracked.ts).
    const { files: workspace, note: checkedIn, leftOut } = config.includeTrackedFiles ? { files: found, note: null, leftOut: 0 } : await withoutCheckedIn(found, context.workspace);
    for (const line of workspace.unmatched)
        host.log.warning(line);
    for (const line of workspace.notes)
        host.log.info(line);
    if (checkedIn)
        host.log.info(checkedIn);
    const artifacts = await gatherArtifacts(config, context, request.scratch, host, request.signal);
    try {
        const candidates = [...workspace.candidates, ...artifacts.files.candidates];
        const own = new Set(request.ownFiles ?? []);
        const stages = await host.group('Recognising and uploading reports', () => processFiles(config, tls, context, candidates, own, host, request.signal));
        // Files that were reached but cannot be used are listed with their reason, never dropped.
        const unusable = [...workspace.unusable.map((u) => ({ ...u, artifact: null })), ...artifacts.files.unusable].map(unusableResult);
        const results = [...artifacts.files.failures.map(artifactFailureResult), ...stages.results, ...unusable];
        const fatal = stages.fatal ?? (artifacts.files.listError ? { kind: 'artifacts', message: artifacts.files.listError } : null);
        return report(request, host, redact, { config, dryRun: config.dryRun, results, fatal, candidates: candidates.length, volatileNames: stages.volatileNames, noCredentials, server: stages.server, defectdojo: stages.defectdojo, sourceNotes: checkedIn && leftOut > 0 ? [checkedIn] : [] });
    }
    finally {
        if (artifacts.folder && config.keepDownloads)
            host.log.info(`Downloaded artifacts kept in ${artifacts.folder} (keep-downloads: true).`);
        else if (artifacts.folder)
            await (0,promises_.rm)(artifacts.folder, { recursive: true, force: true });
    }
}
/** Downloads the matching artifacts into a temporary folder of `scratch` (null when nothing was downloaded). */
async function gatherArtifacts(config, context, scratch, host, signal) {
    const none = { files: { candidates: [], failures: [], unusable: [], unmatched: [], listError: null }, folder: null };
    if (config.artifactPatterns.length === 0 || signal?.aborted)
        return none;
    const service = await host.artifacts(config, context);
    if (!service)
        return none;
    await (0,promises_.mkdir)(scratch, { recursive: true });
    const folder = await (0,promises_.mkdtemp)((0,external_node_path_.join)(scratch, 'defectdojo-artifacts-'));
    const files = await host.group('Downloading artifacts', async () => {
        // The artifact library cannot be interrupted: on cancel the run goes on without what is still downloading.
        const cancelled = new Promise((resolve) => signal?.addEventListener('abort', () => resolve({ ...none.files, listError: 'the run was cancelled while the artifacts were downloading' }), { once: true }));
        const found = await Promise.race([collectArtifacts(service, config.artifactPatterns, folder, config.maxReportBytes), cancelled]);
        host.log.info(`${found.candidates.length} files in ${new Set(found.candidates.map((c) => c.artifact)).size} artifacts; ${found.failures.length} failed; not matched by \`artifacts\`: ${found.unmatched.join(', ') || 'none'}`);
        return found;
    });
    return { files, folder };
}
/** Recognise, deduplicate, plan and upload: one Result per candidate, and what stopped the run, if anything. */
async function processFiles(config, tls, context, candidates, own, host, signal) {
    // The client loads and its token check travels while the files are recognised: a round trip saved.
    const connecting = !config.dryRun && candidates.length > 0 ? connect(config, tls, signal) : null;
    connecting?.catch(() => undefined); // awaited by the uploads, if there are any
    try {
        return await recognizeAndUpload(config, context, candidates, own, host, connecting, signal);
    }
    finally {
        await connecting?.then((connection) => connection.close(), () => undefined);
    }
}
async function recognizeAndUpload(config, context, candidates, own, host, connecting, signal) {
    const recognitions = await recognizeAll(config, candidates, own);
    candidates.forEach((candidate, index) => {
        const recognition = recognitions[index];
        // Each file is named in the debug log; one that looks like a report but is not uploaded, in the log itself.
        if (recognition.kind === 'skipped' && recognition.reportLike)
            host.log.info(`${(0,model/* reportLabel */.tr)(candidate)}: not uploaded: ${recognition.reason}`);
        // A `scan-types` rule that contradicts what the content reads as is carried out, and said out loud.
        if (recognition.kind === 'report' && recognition.rule?.contradicts && recognition.rule.readsAs) {
            host.log.warning((0,forced/* contradictionWarning */.GF)((0,model/* reportLabel */.tr)(candidate), recognition.rule.text, recognition.scanType, recognition.rule.readsAs));
        }
        host.log.debug(`${(0,model/* reportLabel */.tr)(candidate)}: ${recognition.kind === 'report' ? recognition.scanType : 'skipped'} (${recognition.evidence.join('; ') || (recognition.kind === 'skipped' ? recognition.reason : '')})`);
    });
    const stages = candidates.map((candidate, index) => ({ candidate, recognition: recognitions[index] }));
    const warnings = [];
    let server = null;
    const finish = (fatal, defectdojo = 'unused') => ({ results: stages.map(fileResult), fatal, volatileNames: warnings, server, defectdojo });
    const markCopies = (copies, indexOf) => {
        for (const { copy, kept, why } of copies) {
            const [c, k] = [indexOf(copy), indexOf(kept)];
            stages[c] = { ...stages[c], copyOf: { label: (0,model/* reportLabel */.tr)(stages[k].candidate), why } };
            stages[k] = { ...stages[k], copies: [...(stages[k].copies ?? []), (0,model/* reportLabel */.tr)(stages[c].candidate)] };
        }
    };
    const notAttempted = (indexes, reason) => {
        for (const index of indexes)
            stages[index] = { ...stages[index], notAttempted: `not attempted: ${reason}` };
    };
    // The very same report reached twice (an artifact also found under `path`) is uploaded once.
    const reports = stages.flatMap((stage, index) => (stage.recognition.kind === 'report' ? [{ index, candidate: stage.candidate, recognition: stage.recognition }] : []));
    const sameFile = await sameFiles(reports.map((r) => r.candidate));
    markCopies(sameFile, (n) => reports[n].index);
    const distinct = reports.filter((_, n) => !sameFile.some((c) => c.copy === n));
    // Only the scan types this server accepts are planned (its schema, read beside the token check).
    server = connecting ? await serverInfo(connecting, host) : null;
    const fit = fitToServer(config, server, distinct);
    for (const { report: refused, reason } of fit.refused)
        stages[refused.index] = { ...stages[refused.index], notAttempted: reason };
    for (const { report: renamed, why } of fit.renamed)
        host.log.info(`${(0,model/* reportLabel */.tr)(renamed.candidate)}: ${why}`);
    const unique = fit.accepted;
    for (const { index, recognition } of unique)
        stages[index] = { ...stages[index], recognition };
    let planned;
    try {
        planned = planUploads(config, context, unique);
    }
    catch (error) {
        if (!(error instanceof ConfigError))
            throw error;
        notAttempted(unique.map((r) => r.index), 'the inputs give no valid DefectDojo target for this run (see the error).');
        return finish({ kind: 'configuration', message: error.message });
    }
    // Then one upload per DefectDojo test: the same content twice into one test is sent once.
    const { copies: sameTest, collision } = await oneUploadPerTest(planned);
    if (collision) {
        notAttempted(unique.map((r) => r.index), 'the plan has reports that would share one DefectDojo test (see the error).');
        return finish({ kind: 'collision', message: collision.message });
    }
    markCopies(sameTest, (n) => unique[n].index);
    const sending = planned.flatMap((upload, n) => (sameTest.some((c) => c.copy === n) ? [] : [{ upload, index: unique[n].index }]));
    for (const { upload, index } of sending)
        stages[index] = { ...stages[index], planned: upload, dryRun: config.dryRun };
    for (const warning of volatileNames(sending.map((s) => s.upload), context)) {
        host.log.warning(warning);
        warnings.push(warning);
    }
    if (config.dryRun || sending.length === 0 || !connecting)
        return finish(null);
    if (signal?.aborted) {
        notAttempted(sending.map((s) => s.index), 'the run was cancelled before any upload.');
        return finish({ kind: 'cancelled', message: 'The run was cancelled before any upload: nothing was sent to DefectDojo.' });
    }
    const uploads = await uploadAll(await connecting, config, sending.map((s) => s.upload), host.log, { buildId: context.buildId, signal });
    if (uploads.stopped !== undefined) {
        if (signal?.aborted) {
            notAttempted(sending.map((s) => s.index), 'the run was cancelled during the token check.');
            return finish({ kind: 'cancelled', message: uploads.stopped });
        }
        // One DefectDojo-wide failure: said once (the fatal message), each report only points to it.
        notAttempted(sending.map((s) => s.index), notAttemptedReason(uploads.outage));
        return finish({ kind: 'connection', message: uploads.stopped, outage: uploads.outage }, uploads.outage);
    }
    uploads.outcomes.forEach((outcome, n) => (stages[sending[n].index] = { ...stages[sending[n].index], outcome }));
    if (signal?.aborted)
        return finish({ kind: 'cancelled', message: cancelledMessage(uploads.outcomes) }, 'available');
    return finish(null, 'available');
}
/**
 * The server's version and scan types, or null — and then one line saying the built-in table is used:
 * a server that hides its schema (or a page in front of it) never fails the run.
 */
async function serverInfo(connecting, host) {
    const connection = await connecting.catch(() => null);
    const found = connection ? await connection.server : null;
    if (found?.kind === 'found') {
        const types = found.value.scanTypes['reimport-scan'] ?? found.value.scanTypes['import-scan'];
        host.log.info(`DefectDojo ${found.value.version ?? '(version not given)'}: ${types ? `its schema lists ${types.length} scan types` : 'its schema lists no scan types, so the built-in table is used'}.`);
        return found.value;
    }
    // A DefectDojo that cannot be used at all is said once, by the token check: not here again.
    const usable = connection ? await connection.firstCheck.then(() => true, () => false) : false;
    if (found?.kind === 'unknown' && usable)
        host.log.info(`DefectDojo's schema (/api/v2/oa3/schema/) could not be read (${found.why}): its version is unknown, and scan types are checked against the built-in table (DefectDojo 3.2.0's).`);
    return null;
}
/** What a cancelled run got done: uploaded, in flight (outcome unknown), not started. */
function cancelledMessage(outcomes) {
    const uploaded = outcomes.filter((o) => o.status === 'uploaded').length;
    const inFlight = outcomes.filter((o) => o.status === 'failed' && o.reason.startsWith('in flight')).length;
    const notStarted = outcomes.filter((o) => o.status === 'failed' && o.reason.startsWith('not started')).length;
    return `The run was cancelled: ${uploaded} of ${outcomes.length} reports were uploaded, ${inFlight} were in flight (whether DefectDojo imported them is unknown), ${notStarted} had not started.`;
}
async function recognizeAll(config, candidates, own) {
    if (candidates.length === 0)
        return [];
    // The format table and its parsers load only when there is something to recognise.
    const { recognize } = await Promise.all(/* import() */[__nccwpck_require__.e(334), __nccwpck_require__.e(80)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2080));
    return mapLimit(candidates, RECOGNITION_CONCURRENCY, async (candidate) => {
        if (own.has(candidate.absolutePath))
            return { kind: 'skipped', reason: 'written by this tool (its results, summary or dotenv file), never a report', humanReadable: true, reportLike: false, evidence: [] };
        // The first `scan-types` line that matches decides: a scan type overrides recognition, `*` keeps it.
        const rule = ruleFor(config.rules, candidate.displayPath);
        const overrides = rule?.scanType ? [{ pattern: rule.pattern, matches: () => true, scanType: rule.scanType }] : [];
        return recognize(candidate, overrides).catch((error) => ({ kind: 'skipped', reason: `could not be read: ${error instanceof Error ? error.message : String(error)}`, humanReadable: false, reportLike: true, evidence: [] }));
    });
}
/** The verdict and the three renderings of the results, every string redacted; verdict warnings and notices go to the log. */
function report(request, host, redact, ending) {
    const run = {
        ...ending,
        results: ending.results.map((r) => ({ ...r, reason: r.reason === null ? null : redact(r.reason), evidence: r.evidence.map(redact) })),
        fatal: ending.fatal ? { ...ending.fatal, message: redact(ending.fatal.message) } : null,
        volatileNames: ending.volatileNames?.map(redact),
        noCredentials: ending.noCredentials ? redact(ending.noCredentials) : null
    };
    const { config, results, fatal } = run;
    const verdict = decideOutcome(config, results, fatal, run.candidates);
    const defectdojoVersion = run.server?.version ?? null;
    const meta = { dryRun: run.dryRun, defectdojoUrl: config?.defectdojoUrl ?? null, defectdojoVersion };
    // The branch and commit the reports were sent with: the `branch` and `commit` inputs win.
    const context = config ? withOverrides(request.context, config.contextOverrides) : request.context;
    const summary = renderSummary(results, {
        ...meta,
        fatal: fatal?.message ?? null,
        runUrl: request.context.runUrl,
        runLabel: runLabel(request.context.source),
        buildId: request.context.buildId || undefined,
        failedStep: verdict.failure !== null,
        volatileNames: run.volatileNames ?? [],
        noCredentials: run.noCredentials ?? null,
        sourceNotes: run.sourceNotes ?? [],
        branch: context.branch,
        tag: context.tag,
        commit: context.sha,
        commitUrl: context.scmUri,
        targets: runTargets(results)
    });
    for (const warning of verdict.warnings)
        host.log.warning(warning);
    for (const notice of verdict.notices)
        host.log.info(notice);
    return { config, results, fatal, verdict, outputs: gateOutputs(results, request.resultsFile, run.defectdojo ?? 'unused', defectdojoVersion), summary, resultsJson: resultsDocument(results, meta) };
}

;// CONCATENATED MODULE: ./src/report/console.ts
// Result[] → the few lines a person reads in a console or a collapsed job log: the run's totals
// (uploaded, skipped, failed; new, then DefectDojo's created, closed and reactivated by severity), the new
// critical and high findings (not on the default branch, engine/novelty.ts) with their links, and on a dry
// run where each report would go. Both shells print these
// after the last log group; the command line also after its table.


/** At most this many new critical/high findings are listed; the summary has the rest. */
const FINDINGS_SHOWN = 20;
const console_plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
/** One delta summed over the uploaded reports: by severity where every report said, else the total only. */
function deltaLine(results, delta) {
    let total = 0;
    let bySeverity = model/* NO_FINDINGS */.BU;
    for (const r of results) {
        if (r.status !== 'uploaded')
            continue;
        const counts = r.counts?.[delta] ?? null;
        total += counts?.total ?? r.counts?.totals?.[delta] ?? 0;
        if (counts === null)
            bySeverity = null;
        else if (bySeverity)
            bySeverity = (0,model/* addCounts */.c5)(bySeverity, counts);
    }
    const parts = bySeverity ? model/* SEVERITIES */.oC.filter((s) => bySeverity[s] > 0).map((s) => `${bySeverity[s]} ${s}`) : [];
    return `${delta} ${total}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
}
/** "Totals: 4 uploaded, 2 skipped, 0 failed · new 1 (1 high) · created 7 (1 critical, 2 high, 4 medium) · closed 2 (2 low) · reactivated 0". */
function totalsLine(results, meta) {
    const t = computeTotals(results);
    if (meta.dryRun)
        return `Dry run: nothing was sent to DefectDojo. ${console_plural(t.planned, 'report')} planned, ${t.skipped} skipped${t.failed > 0 ? `, ${t.failed} failed` : ''}.`;
    const unknown = t.uploaded - results.filter((r) => r.status === 'uploaded' && r.counts?.created && r.counts.closed && r.counts.reactivated).length;
    const counts = t.uploaded > 0 ? ` · ${['created', 'closed', 'reactivated'].map((d) => deltaLine(results, d)).join(' · ')}${unknown > 0 ? ` (by severity unknown for ${console_plural(unknown, 'report')})` : ''}` : '';
    const fresh = model/* SEVERITIES */.oC.filter((s) => t.newBySeverity[s] > 0).map((s) => `${t.newBySeverity[s]} ${s}`);
    // What is new leads; a report whose split is unknown is said, never counted as 0.
    const novel = t.uploaded > 0 ? ` · new ${t.newBySeverity.total}${fresh.length > 0 ? ` (${fresh.join(', ')})` : ''}${t.newUnknown > 0 ? ` (unknown for ${console_plural(t.newUnknown, 'report')})` : ''}` : '';
    return `Totals: ${t.uploaded} uploaded, ${t.skipped} skipped, ${t.failed} failed${novel}${counts}`;
}
/** The new critical and high findings the run read back, the worst first, each with its report. */
function severeFindings(results) {
    const rank = (f) => (f.severity.toLowerCase() === 'critical' ? 0 : 1);
    return results
        .flatMap((r) => r.newFindings.filter((f) => /^(critical|high)$/i.test(f.severity)).map((f) => ({ ...f, report: resultLabel(r) })))
        .sort((a, b) => rank(a) - rank(b));
}
/** Where each planned report would go, on a dry run: product type, product, engagement, test title. */
function plannedTargets(results) {
    return results
        .filter((r) => r.status === 'planned')
        .map((r) => `  ${resultLabel(r)} (${r.scanType ?? '?'}) → product type "${r.productType ?? ''}", product "${r.product ?? ''}", engagement "${r.engagement ?? ''}", test "${r.testTitle ?? ''}"`);
}
/** The lines after the last log group (and after the command line's table); plain text, not yet escaped. */
function consoleLines(results, meta) {
    const lines = [totalsLine(results, meta)];
    if (meta.dryRun) {
        const planned = plannedTargets(results);
        if (planned.length > 0)
            lines.push('Would upload:', ...planned);
        return lines;
    }
    const { critical, high } = computeTotals(results).newBySeverity;
    const severe = severeFindings(results);
    if (critical + high > 0 || severe.length > 0) {
        const shown = severe.slice(0, FINDINGS_SHOWN);
        const counted = [critical > 0 ? `${critical} critical` : '', high > 0 ? `${high} high` : ''].filter(Boolean).join(', ');
        lines.push(`New critical and high findings${counted ? ` (${counted})` : ''}:`);
        for (const f of shown)
            lines.push(`  ${f.severity}: ${f.title} — ${f.url ?? 'no link'} (${f.report})`);
        const rest = Math.max(critical + high, severe.length) - shown.length;
        if (rest > 0)
            lines.push(`  … ${shown.length > 0 ? `and ${rest} more` : `${rest}, titles not read back`}: see the summary and DefectDojo.`);
    }
    return lines;
}

;// CONCATENATED MODULE: ./src/report/table.ts
// Result[] → the command line's renderings: a plain table for the job log and GitLab's dotenv report.




/** A plain table for the job log. */
function textTable(results) {
    const rows = results.map((r) => [
        r.status,
        resultLabel(r),
        r.scanType ?? '',
        r.status === 'uploaded' ? noveltyCell(r.novelty) : '',
        r.status === 'uploaded' ? model/* DELTAS */.CH.map((d) => (0,model/* deltaTotal */.ZW)(r, d) ?? '?').join('/') : '',
        r.status === 'uploaded' ? (r.testUrl ?? '') : (r.reason ?? '')
    ].map(lineText));
    // What is new leads; DefectDojo's own counts of the reimport follow.
    const header = ['STATUS', 'REPORT', 'SCAN TYPE', 'NEW', 'CREATED/CLOSED/REACT/SAME', 'TEST OR REASON'];
    const widths = header.map((h, i) => Math.min(60, Math.max(h.length, ...rows.map((row) => row[i].length))));
    const line = (cells) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ');
    return [line(header), ...rows.map(line)].join('\n') + '\n';
}
/** GitLab's dotenv report format: one KEY=value per line, no quoting, single-line values; `results` is left out (too large). */
function dotenv(outputs) {
    return (Object.entries(outputs)
        .filter(([name]) => name !== 'results')
        .map(([name, value]) => `DEFECTDOJO_${name.toUpperCase().replace(/-/g, '_')}=${lineText(value)}`)
        .join('\n') + '\n');
}

;// CONCATENATED MODULE: ./src/shells/signals.ts
// A cancelled job: the runner (or GitLab, Jenkins) sends SIGINT or SIGTERM and waits a few seconds
// before it kills the process. The first signal aborts the run, so the engine stops starting uploads,
// ends those in flight and reports what is known; a second one exits at once.
function cancelOnSignals(log) {
    const controller = new AbortController();
    const onSignal = (name) => {
        if (controller.signal.aborted)
            process.exit(130);
        log(`Received ${name}: the run is cancelled; writing what is known (uploaded, in flight, not started).`);
        controller.abort();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    return {
        signal: controller.signal,
        dispose: () => {
            process.off('SIGINT', onSignal);
            process.off('SIGTERM', onSignal);
        }
    };
}

;// CONCATENATED MODULE: ./src/config/nearest.ts
// How close two names are, for "did you mean": an unknown command-line option, a misspelled input.
/** Edit distance (insertions, deletions, substitutions and swaps of two neighbours), stopping early past `limit`. */
function nearest_editDistance(a, b, limit = Infinity) {
    if (Math.abs(a.length - b.length) > limit)
        return limit + 1;
    let beforePrevious = [];
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        let best = i;
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
            // Two letters swapped count as one edit (`tgas` → `tags`).
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                current[j] = Math.min(current[j], beforePrevious[j - 2] + 1);
            best = Math.min(best, current[j]);
        }
        if (best > limit)
            return limit + 1;
        beforePrevious = previous;
        previous = current;
    }
    return previous[b.length];
}
/** A name as people vary it: case, and `_`, `-`, spaces or nothing between words all alike. */
function looseName(name) {
    return name.toLowerCase().replace(/[-_\s]+/g, '-');
}
/**
 * The known name `given` most likely means: the same name in another case or separator, else the only
 * one within `maxDistance` edits (the nearest, when several are), else null.
 */
function nearestName(given, known, maxDistance = 2) {
    const loose = looseName(given);
    const same = known.find((k) => looseName(k) === loose);
    if (same)
        return same;
    let best = null;
    for (const name of known) {
        const distance = nearest_editDistance(loose, looseName(name), maxDistance);
        if (distance <= maxDistance && (best === null || distance < best.distance))
            best = { name, distance };
    }
    return best?.name ?? null;
}

;// CONCATENATED MODULE: ./src/shells/cli-options.ts
// The command line's options: the action's inputs as long options, from the one input table
// (src/config/inputs.ts), plus the few options of the command line alone; and its --help.




/** Options of the command line alone: where its outputs go and what overrides the git context. */
const CLI_OPTIONS = {
    'defectdojo-token-file': { default: '', description: 'File holding the DefectDojo API v2 key (else the DEFECTDOJO_TOKEN environment variable). Never pass the key itself on the command line.' },
    'results-file': { default: 'defectdojo-results.json', description: 'Where to write the results file (one entry per file looked at).' },
    'summary-file': { default: '', description: 'Where to write the summary as Markdown (e.g. for GitLab artifacts:paths).' },
    'dotenv-file': { default: '', description: 'Where to write DEFECTDOJO_CREATED=… and the other outputs for GitLab artifacts:reports:dotenv.' },
    verbose: { default: 'false', description: 'Log how each file was recognised.' }
};
/** The inputs the command line takes, each with its option name. */
function cliInputs() {
    return config_inputs/* INPUT_NAMES */.Qh.filter((input) => (0,config_inputs/* inputSpec */.mm)(input).cli?.option !== false).map((input) => ({ input, option: (0,config_inputs/* inputSpec */.mm)(input).cli?.name ?? input }));
}
function isFlag(input) {
    return (0,config_inputs/* inputSpec */.mm)(input).kind === 'flag';
}
function takesLines(input) {
    const kind = (0,config_inputs/* inputSpec */.mm)(input).kind;
    return kind === 'lines' || kind === 'list';
}
function optionTable() {
    const options = { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean' } };
    for (const { input, option } of cliInputs())
        options[option] = isFlag(input) ? { type: 'boolean' } : { type: 'string', multiple: takesLines(input) };
    for (const [name, spec] of Object.entries(CLI_OPTIONS))
        options[name] = spec.default === 'false' ? { type: 'boolean' } : { type: 'string' };
    return options;
}
function helpText() {
    const lines = [
        'Usage: defectdojo-reimport [options]',
        '',
        'Recognise every scanner report under --path by its content and reimport it into DefectDojo with the',
        'exact scan type, branch, commit and pipeline. DEFECTDOJO_URL and DEFECTDOJO_TOKEN come from the',
        'environment (--defectdojo-url overrides the URL; the token only from the environment or --defectdojo-token-file).',
        '',
        'Exit codes: 0 every report uploaded (or skipped), 1 a report failed to upload (with --fail-on-error, the default)',
        '            or the run stopped (DefectDojo unreachable, token rejected), 2 bad usage or configuration.',
        '',
        'Options (repeat those marked * to give several lines):'
    ];
    const entries = [];
    for (const { input, option } of cliInputs()) {
        const spec = (0,config_inputs/* inputSpec */.mm)(input);
        const label = isFlag(input) ? (spec.default === 'true' ? `--[no-]${option}` : `--${option}`) : `--${option} <value>${takesLines(input) ? ' *' : ''}`;
        const def = spec.cli?.default ?? spec.default;
        entries.push([label, cliDescription(input), def === '' ? '' : `default: ${def}`]);
    }
    for (const [name, spec] of Object.entries(CLI_OPTIONS)) {
        entries.push([spec.default === 'false' ? `--${name}` : `--${name} <value>`, spec.description, spec.default === '' || spec.default === 'false' ? '' : `default: ${spec.default}`]);
    }
    entries.push(['-h, --help', 'Show this help.', ''], ['--version', 'Show the version.', '']);
    for (const [label, description, def] of entries)
        lines.push(`  ${label}`, `      ${description}${def ? ` (${def})` : ''}`);
    lines.push('', 'Placeholders (in --product-type, --product, --engagement and --test-title):');
    for (const name of PLACEHOLDERS)
        lines.push(`  {${name}}`.padEnd(16) + PLACEHOLDER_MEANINGS[name]);
    return lines.join('\n') + '\n';
}
/** Input names with a hyphen, as descriptions mention them (longest first: `close-old-findings-product-scope` before `close-old-findings`). */
const MENTIONED = config_inputs/* INPUT_NAMES */.Qh.filter((name) => name.includes('-')).sort((a, b) => b.length - a.length);
/**
 * An input's description as the command line says it: its own wording where the action's speaks of a
 * step, and every input it mentions named as the option to type (`--allow-insecure-http`).
 */
function cliDescription(input) {
    const spec = (0,config_inputs/* inputSpec */.mm)(input);
    let text = spec.cli?.description ?? spec.description;
    for (const name of MENTIONED) {
        const cli = (0,config_inputs/* inputSpec */.mm)(name).cli;
        const said = cli?.option === false ? (cli.env ?? name) : `--${cli?.name ?? name}`;
        text = text.replace(new RegExp(`(?<![\\w-])${name}(?![\\w=-])`, 'g'), said);
    }
    return text;
}
class UsageError extends Error {
}
const TOKEN_ADVICE = 'a key on the command line lands in shell history and process lists. Set DEFECTDOJO_TOKEN, or use --defectdojo-token-file.';
/** What an unknown option most likely meant, as a sentence, or null. */
function suggestion(given) {
    const name = given.replace(/^-+/, '').replace(/=.*$/, '');
    const bare = name.startsWith('no-') ? name.slice(3) : name;
    // The API key has no option of its own, on purpose.
    if (/token|api-?key/i.test(bare) && !/file/i.test(bare))
        return `the DefectDojo API key comes from DEFECTDOJO_TOKEN or --defectdojo-token-file (${TOKEN_ADVICE.split('. ')[0]})`;
    const inputs = config_inputs/* INPUT_NAMES */.Qh.filter((input) => (0,config_inputs/* inputSpec */.mm)(input).cli?.option === false);
    const actionOnly = inputs.find((input) => looseName(input) === looseName(bare));
    if (actionOnly)
        return `\`${actionOnly}\` is an input of the GitHub Action only; the command line reads the files under --path`;
    const options = Object.keys(optionTable());
    const near = nearestName(bare, options) ?? bySuffix(bare, options);
    return near ? `did you mean --${name.startsWith('no-') && isNegatable(near) ? 'no-' : ''}${near}?` : null;
}
/** The one option whose last words are `given` (`url` → `defectdojo-url`), or that `given` begins (`dry` → `dry-run`); else the nearest by a few edits. */
function bySuffix(given, options) {
    const loose = looseName(given);
    const ending = options.filter((o) => o.endsWith(`-${loose}`));
    if (ending.length === 1)
        return ending[0];
    const starting = options.filter((o) => o.startsWith(loose));
    if (starting.length === 1)
        return starting[0];
    const close = options.filter((o) => nearest_editDistance(loose, o, 3) <= 3);
    return close.length === 1 ? close[0] : null;
}
function isNegatable(option) {
    return optionTable()[option]?.type === 'boolean';
}
function parseCliArgs(argv) {
    let parsed;
    try {
        parsed = (0,external_node_util_.parseArgs)({ args: [...argv], options: optionTable(), allowPositionals: false, strict: true, allowNegative: true });
    }
    catch (error) {
        const message = error.message;
        if (/defectdojo-token'/.test(message) || argv.some((a) => a === '--defectdojo-token' || a.startsWith('--defectdojo-token='))) {
            throw new UsageError(`--defectdojo-token is not accepted: ${TOKEN_ADVICE}`);
        }
        const unknown = error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /Unknown option '([^']+)'/.exec(message)?.[1] : undefined;
        const hint = unknown ? suggestion(unknown) : null;
        throw new UsageError(`${message.split('\n')[0]}${hint ? `: ${hint}` : ''} (see --help)`);
    }
    const values = parsed.values;
    const raw = {};
    for (const { input, option } of cliInputs()) {
        const value = values[option];
        if (value !== undefined)
            raw[input] = Array.isArray(value) ? value.join('\n') : String(value);
    }
    const cli = Object.fromEntries(Object.entries(CLI_OPTIONS).map(([name, spec]) => [name, values[name] === undefined ? spec.default : String(values[name])]));
    return { raw, cli, help: values.help === true, version: values.version === true };
}

;// CONCATENATED MODULE: ./src/shells/cli.ts
// The command-line shell: GitLab CI, Jenkins, a laptop. Arguments (cli-options.ts) and the environment
// in, the engine's report out as files (results, summary Markdown, a GitLab dotenv report), a plain
// table on stdout and an exit code.













/** Exit codes, stated in --help and the README. */
const EXIT = { ok: 0, failed: 1, usage: 2 };
/** The run's context: the CI system's variables (GitLab, Jenkins, Azure, Bitbucket, CircleCI), then git in the working folder (the `branch`, `commit` and `default-branch` inputs correct it in the engine). */
async function cliContext(env, cwd) {
    return deriveCliContext(env, await readGitFacts(cwd), cwd);
}
async function runCli(argv, env, cwd, io, version = '') {
    (0,config_inputs/* useDialect */.ah)('cli');
    let args;
    try {
        args = parseCliArgs(argv);
    }
    catch (error) {
        io.stderr(`defectdojo-reimport: ${error.message}\n`);
        return EXIT.usage;
    }
    if (args.help) {
        io.stdout(helpText());
        return EXIT.ok;
    }
    if (args.version) {
        io.stdout(`${version}\n`);
        return EXIT.ok;
    }
    const raw = { ...args.raw, artifacts: '' };
    for (const input of config_inputs/* INPUT_NAMES */.Qh) {
        const spec = (0,config_inputs/* inputSpec */.mm)(input).cli;
        if (raw[input] === undefined && spec?.default !== undefined)
            raw[input] = spec.default;
        if (raw[input] === undefined && spec?.env && spec.option !== false)
            raw[input] = env[spec.env];
    }
    try {
        raw['defectdojo-token'] = args.cli['defectdojo-token-file'] ? (await (0,promises_.readFile)((0,external_node_path_.resolve)(cwd, args.cli['defectdojo-token-file']), 'utf8')).trim() : env.DEFECTDOJO_TOKEN;
    }
    catch (error) {
        io.stderr(`defectdojo-reimport: --defectdojo-token-file ${args.cli['defectdojo-token-file']} cannot be read (${error.code ?? String(error)}).\n`);
        return EXIT.usage;
    }
    const verbose = args.cli.verbose === 'true';
    const host = {
        // Names and server answers may hold control characters: a terminal or CI log must never act on them.
        log: {
            info: (m) => io.stderr(`${lineText(m)}\n`),
            warning: (m) => io.stderr(`warning: ${lineText(m)}\n`),
            debug: (m) => {
                if (verbose)
                    io.stderr(`${lineText(m)}\n`);
            }
        },
        group: (_title, work) => work(),
        // Nothing to mask in: a console has no runner behind it; the engine never prints secrets itself.
        mask: () => undefined,
        artifacts: async () => null
    };
    const context = await cliContext(env, cwd);
    const resultsFile = (0,external_node_path_.resolve)(cwd, args.cli['results-file']);
    const summaryFile = args.cli['summary-file'] ? (0,external_node_path_.resolve)(cwd, args.cli['summary-file']) : null;
    const dotenvFile = args.cli['dotenv-file'] ? (0,external_node_path_.resolve)(cwd, args.cli['dotenv-file']) : null;
    // Left from the last run in a kept workspace (Jenkins), they must not be read as reports.
    const ownFiles = [resultsFile, summaryFile, dotenvFile].filter((f) => f !== null);
    const cancel = cancelOnSignals((m) => io.stderr(`${m}\n`));
    const report = await runEngine({ raw, context, resultsFile, scratch: (0,external_node_os_namespaceObject.tmpdir)(), ownFiles, signal: cancel.signal }, host).finally(() => cancel.dispose());
    await (0,promises_.writeFile)(resultsFile, report.resultsJson);
    if (summaryFile)
        await (0,promises_.writeFile)(summaryFile, report.summary);
    if (dotenvFile)
        await (0,promises_.writeFile)(dotenvFile, dotenv(report.outputs));
    io.stdout(textTable(report.results));
    if (report.config)
        io.stdout(consoleLines(report.results, { dryRun: report.config.dryRun }).map(lineText).join('\n') + '\n');
    if (report.verdict.failure) {
        io.stderr(`error: ${logText(report.verdict.failure)}\n`);
        return isUserError(report.fatal) ? EXIT.usage : EXIT.failed;
    }
    return EXIT.ok;
}


/***/ }),

/***/ 311:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ VERSION)
/* harmony export */ });
/** The package version (a unit test keeps it equal to package.json's). */
const VERSION = '1.0.0';


/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 99:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:sqlite");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 7830:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/web");

/***/ }),

/***/ 7997:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 3106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		id: moduleId,
/******/ 		loaded: false,
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Flag the module as loaded
/******/ 	module.loaded = true;
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/node module decorator */
/******/ (() => {
/******/ 	__nccwpck_require__.nmd = (module) => {
/******/ 		module.paths = [];
/******/ 		if (!module.children) module.children = [];
/******/ 		return module;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(5581);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
