export const id = 80;
export const ids = [80];
export const modules = {

/***/ 2080:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  recognize: () => (/* binding */ recognize)
});

// UNUSED EXPORTS: SHORT_HEAD_BYTES, recognizeHead, uploadName

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/config/inputs.ts
var inputs = __webpack_require__(4389);
// EXTERNAL MODULE: ./src/recognition/forced.ts
var forced = __webpack_require__(8014);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./node_modules/jsonc-parser/lib/umd/main.js
var main = __webpack_require__(9547);
// EXTERNAL MODULE: ./node_modules/saxes/saxes.js
var saxes = __webpack_require__(9800);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./src/recognition/zip.ts
// What recognition can learn about a zip archive (also .xlsx, .fpr) from a bounded read: the member
// names, the start of a few members' contents, and for an Excel workbook its sheet names and the
// header row of its active sheet. A zip lists its members in the central directory at the END of
// the file, so a zip is read as two windows: the head (HEAD_BYTES) and the tail (ZIP_TAIL_BYTES).
// A member is looked into only when its compressed data starts inside one of the two windows; at
// most MEMBER_INPUT_BYTES of it are inflated. Nothing else of the file is read.

/** The tail read of a zip: enough for the central directory of about a thousand members. */
const ZIP_TAIL_BYTES = 64 * 1024;
/** Compressed bytes of one member that are inflated at most (its start is all a rule needs). */
const MEMBER_INPUT_BYTES = 32 * 1024;
/** Inflated bytes of one member kept at most. */
const MEMBER_OUTPUT_BYTES = 256 * 1024;
/** Members looked into at most. */
const MAX_MEMBER_HEADS = 6;
const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
function isZip(bytes) {
    return bytes.length >= 30 && bytes.readUInt32LE(0) === LOCAL;
}
/** `sniffMember` is the head reader for a member's (partial) content. */
function readZip(head, tail, complete, sniffMember) {
    const windows = tail ? [head, tail] : [head];
    const central = centralDirectory(windows);
    const entries = central ?? localEntries(head.bytes);
    const members = {};
    const look = (entry) => {
        if (!entry || entry.name in members || Object.keys(members).length >= MAX_MEMBER_HEADS)
            return entry ? members[entry.name] : undefined;
        const content = memberContent(entry, windows);
        if (!content)
            return undefined;
        members[entry.name] = sniffMember(content.bytes, content.complete);
        return members[entry.name];
    };
    const byName = new Map(entries.map((e) => [e.name, e]));
    let workbook;
    if (byName.has('xl/workbook.xml'))
        workbook = readWorkbook(byName, look);
    else {
        // Other archives: the first few files, for rules that look at what the archive holds.
        for (const entry of entries.filter((e) => !e.name.endsWith('/')).slice(0, 3))
            look(entry);
    }
    const view = { entries: entries.map((e) => e.name), listed: central !== null || complete, members };
    if (workbook)
        view.workbook = workbook;
    return view;
}
/** Sheet names, then the active sheet's first row resolved through the shared strings. */
function readWorkbook(byName, look) {
    const book = look(byName.get('xl/workbook.xml'));
    if (!book || book.syntax !== 'xml')
        return undefined;
    const sheetElements = children(book.root, 'sheets').flatMap((s) => children(s, 'sheet'));
    const sheets = sheetElements.map((s) => s.attributes['name'] ?? '');
    const view = children(book.root, 'bookViews').flatMap((v) => children(v, 'workbookView'))[0];
    const active = Number(view?.attributes['activeTab'] ?? 0) || 0;
    const activeSheet = sheetElements[active];
    let path = `xl/worksheets/sheet${active + 1}.xml`;
    const relationId = activeSheet && Object.entries(activeSheet.attributes).find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1];
    const rels = look(byName.get('xl/_rels/workbook.xml.rels'));
    if (relationId && rels?.syntax === 'xml') {
        const target = children(rels.root, 'Relationship').find((r) => r.attributes['Id'] === relationId)?.attributes['Target'];
        if (target)
            path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    }
    const sheet = look(byName.get(path));
    const strings = byName.has('xl/sharedStrings.xml') ? look(byName.get('xl/sharedStrings.xml')) : undefined;
    return { sheets, header: sheet?.syntax === 'xml' ? headerRow(sheet.root, strings?.syntax === 'xml' ? strings.root : null) : null };
}
/** Row 1 of a worksheet: shared-string cells looked up, inline and plain cells as written. */
function headerRow(worksheet, sharedStrings) {
    const row = children(worksheet, 'sheetData').flatMap((d) => children(d, 'row'))[0];
    if (!row)
        return null;
    const header = [];
    for (const cell of children(row, 'c')) {
        const type = cell.attributes['t'];
        if (type === 'inlineStr')
            header.push(children(cell, 'is').map(stringItem).join(''));
        else if (type === 's') {
            const index = Number(children(cell, 'v')[0]?.text);
            const item = sharedStrings ? children(sharedStrings, 'si')[index] : undefined;
            // An index beyond the strings read: the header is not known.
            if (!item)
                return null;
            header.push(stringItem(item));
        }
        else
            header.push(children(cell, 'v')[0]?.text ?? '');
    }
    return header;
}
/** The text of a shared or inline string: <t>, or the <t> of each rich-text run <r>. */
function stringItem(item) {
    const plain = children(item, 't')[0];
    if (plain)
        return plain.text;
    return children(item, 'r').map((r) => children(r, 't')[0]?.text ?? '').join('');
}
function children(element, name) {
    return element.children.filter((c) => c.name === name || c.name.endsWith(`:${name}`));
}
/** The central directory, when its end record and all of it lie in the windows; null otherwise. */
function centralDirectory(windows) {
    const last = windows[windows.length - 1];
    // The end record is the last 22 bytes plus a comment of up to 64 KiB.
    const bytes = last.bytes;
    let end = -1;
    for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
        if (bytes.readUInt32LE(at) === END) {
            end = at;
            break;
        }
    }
    if (end < 0)
        return null;
    const count = bytes.readUInt16LE(end + 10);
    const size = bytes.readUInt32LE(end + 12);
    const offset = bytes.readUInt32LE(end + 16);
    // Zip64 archives (offsets 0xffffffff) are not read: fall back to the local headers.
    if (offset === 0xffffffff || size === 0xffffffff)
        return null;
    const directory = slice(windows, offset, size);
    if (!directory)
        return null;
    const entries = [];
    let at = 0;
    for (let i = 0; i < count && at + 46 <= directory.length; i++) {
        if (directory.readUInt32LE(at) !== CENTRAL)
            return null;
        const nameLength = directory.readUInt16LE(at + 28);
        const extraLength = directory.readUInt16LE(at + 30);
        const commentLength = directory.readUInt16LE(at + 32);
        entries.push({
            name: directory.subarray(at + 46, at + 46 + nameLength).toString('utf8'),
            method: directory.readUInt16LE(at + 10),
            compressedSize: directory.readUInt32LE(at + 20),
            size: directory.readUInt32LE(at + 24),
            localOffset: directory.readUInt32LE(at + 42)
        });
        at += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
}
/**
 * Members from the local file headers found in the head (when the central directory is out of
 * reach). Entries written with a data descriptor carry no size, so headers are found by their
 * signature rather than by skipping data.
 */
function localEntries(bytes) {
    const entries = [];
    const seen = new Set();
    const signature = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
    let at = bytes.indexOf(signature);
    while (at >= 0 && entries.length < 200 && at + 30 <= bytes.length) {
        const nameLength = bytes.readUInt16LE(at + 26);
        const name = bytes.subarray(at + 30, at + 30 + nameLength).toString('utf8');
        if (nameLength > 0 && nameLength < 512 && at + 30 + nameLength <= bytes.length && !/[\u0000-\u001f]/.test(name) && !seen.has(name)) {
            seen.add(name);
            const flags = bytes.readUInt16LE(at + 6);
            // Bit 3: sizes follow the data (data descriptor); the compressed size is unknown here.
            const unknownSize = (flags & 0x08) !== 0;
            entries.push({ name, method: bytes.readUInt16LE(at + 8), compressedSize: unknownSize ? -1 : bytes.readUInt32LE(at + 18), size: unknownSize ? -1 : bytes.readUInt32LE(at + 22), localOffset: at });
        }
        at = bytes.indexOf(signature, at + 4);
    }
    return entries;
}
/** The start of a member's uncompressed content, when its data starts inside a window. */
function memberContent(entry, windows) {
    if (entry.name.endsWith('/'))
        return null;
    const header = slice(windows, entry.localOffset, 30);
    if (!header || header.readUInt32LE(0) !== LOCAL)
        return null;
    const start = entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    const window = windows.find((w) => start >= w.offset && start < w.offset + w.bytes.length);
    if (!window)
        return null;
    const known = entry.compressedSize >= 0;
    const available = window.offset + window.bytes.length - start;
    const wanted = Math.min(known ? entry.compressedSize : available, MEMBER_INPUT_BYTES, available);
    const data = window.bytes.subarray(start - window.offset, start - window.offset + wanted);
    const whole = known && wanted === entry.compressedSize;
    if (entry.method === 0)
        return { bytes: data.subarray(0, MEMBER_OUTPUT_BYTES), complete: whole && data.length <= MEMBER_OUTPUT_BYTES };
    if (entry.method !== 8)
        return null;
    try {
        // Z_SYNC_FLUSH: a cut stream inflates to what its bytes hold instead of failing.
        const bytes = (0,external_node_zlib_.inflateRawSync)(data, { finishFlush: external_node_zlib_.constants.Z_SYNC_FLUSH, maxOutputLength: MEMBER_OUTPUT_BYTES });
        return { bytes, complete: whole && (entry.size < 0 || bytes.length === entry.size) };
    }
    catch {
        // More than MEMBER_OUTPUT_BYTES from this input, or not a deflate stream: try a smaller start.
        try {
            const bytes = (0,external_node_zlib_.inflateRawSync)(data.subarray(0, 4096), { finishFlush: external_node_zlib_.constants.Z_SYNC_FLUSH, maxOutputLength: MEMBER_OUTPUT_BYTES });
            return { bytes, complete: false };
        }
        catch {
            return null;
        }
    }
}
/** `length` bytes of the file from `offset`, when one window holds them all. */
function slice(windows, offset, length) {
    for (const w of windows) {
        if (offset >= w.offset && offset + length <= w.offset + w.bytes.length)
            return w.bytes.subarray(offset - w.offset, offset - w.offset + length);
    }
    return null;
}

;// CONCATENATED MODULE: ./src/recognition/sniff.ts
// Reads a bounded head of a file and turns it into a partial document that recognition rules can
// inspect: a JSON value (containers cut off at the end of the head are kept with what was read), a
// tree of XML elements, CSV header cells or text lines. Nothing past HEAD_BYTES is read, so a 1 GiB
// report costs the same as a 1 KiB one.




/** How much of a file recognition reads at most. Every format decides within its first elements. */
const HEAD_BYTES = 256 * 1024;
/** Reads at most `limit` bytes from the start of a file; reports how many were read. */
async function readHead(path, limit = HEAD_BYTES) {
    const handle = await (0,promises_.open)(path, 'r');
    try {
        const buffer = Buffer.alloc(limit + 1);
        let read = 0;
        // One extra byte tells "exactly limit bytes long" from "longer than limit".
        while (read < buffer.length) {
            const { bytesRead } = await handle.read(buffer, read, buffer.length - read, read);
            if (bytesRead === 0)
                break;
            read += bytesRead;
        }
        const complete = read <= limit;
        return { bytes: buffer.subarray(0, Math.min(read, limit)), complete };
    }
    finally {
        await handle.close();
    }
}
/** Reads at most `limit` bytes from the end of a file (a zip's central directory lives there). */
async function readTail(path, limit = ZIP_TAIL_BYTES) {
    const handle = await (0,promises_.open)(path, 'r');
    try {
        const { size } = await handle.stat();
        const offset = Math.max(0, size - limit);
        const bytes = Buffer.alloc(size - offset);
        let read = 0;
        while (read < bytes.length) {
            const { bytesRead } = await handle.read(bytes, read, bytes.length - read, offset + read);
            if (bytesRead === 0)
                break;
            read += bytesRead;
        }
        return { offset, bytes: bytes.subarray(0, read) };
    }
    finally {
        await handle.close();
    }
}
/**
 * Sniffs a file's head into a partial document. A zip that is longer than the head is read at its
 * end too (ZIP_TAIL_BYTES): recognition never reads more than HEAD_BYTES + ZIP_TAIL_BYTES of a file.
 */
async function sniffFile(path, limit = HEAD_BYTES) {
    const { bytes, complete } = await readHead(path, limit);
    const tail = !complete && isZip(bytes) ? await readTail(path) : undefined;
    return sniff(bytes, complete, tail);
}
/**
 * Pure: the partial document of a head. `complete` says whether the head is the whole file; `tail`
 * is the end of a zip that is longer than its head.
 */
function sniff(bytes, complete, tail) {
    if (bytes.length === 0)
        return { syntax: 'empty', complete: true };
    if (isZip(bytes)) {
        const view = readZip({ offset: 0, bytes }, tail ?? null, complete, sniff);
        return { syntax: 'zip', ...view, complete };
    }
    const utf16 = utf16Of(bytes);
    if (utf16)
        return { ...sniffText(new TextDecoder(utf16, { fatal: false }).decode(bytes), complete), encoding: utf16 };
    if (looksBinary(bytes))
        return { syntax: 'binary', complete };
    // A non-fatal decoder: a head cut inside a multi-byte character must not throw.
    return sniffText(new TextDecoder('utf-8', { fatal: false }).decode(bytes), complete);
}
/**
 * UTF-16 by its byte order mark, or by the zero bytes ASCII text has in UTF-16 (every other byte, at
 * the start of the file).
 */
function utf16Of(bytes) {
    if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
        return 'utf-16le';
    if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
        return 'utf-16be';
    const probe = bytes.subarray(0, 64 - (Math.min(64, bytes.length) % 2));
    if (probe.length < 8)
        return null;
    let oddZeros = 0;
    let evenZeros = 0;
    for (let i = 0; i < probe.length; i++) {
        if (probe[i] !== 0)
            continue;
        if (i % 2 === 1)
            oddZeros++;
        else
            evenZeros++;
    }
    const half = probe.length / 2;
    if (oddZeros === half && evenZeros === 0)
        return 'utf-16le';
    if (evenZeros === half && oddZeros === 0)
        return 'utf-16be';
    return null;
}
function sniffText(decoded, complete) {
    let text = decoded;
    if (text.charCodeAt(0) === 0xfeff)
        text = text.slice(1);
    const start = text.search(/\S/);
    if (start < 0)
        return { syntax: 'empty', complete: true };
    const first = text[start];
    if (first === '{' || first === '[')
        return sniffJson(text.slice(start), complete);
    // `null` is a JSON document too: what Gitleaks 7 and old Trivy print when they find nothing.
    if (complete && text.trim() === 'null')
        return { syntax: 'json', value: null, complete };
    if (first === '<')
        return sniffMarkup(text.slice(start), complete);
    return sniffDelimitedOrText(text, complete);
}
function looksBinary(bytes) {
    const probe = bytes.subarray(0, 8192);
    return probe.includes(0);
}
function sniffJson(text, complete) {
    const jsonl = sniffJsonLines(text, complete);
    if (jsonl)
        return jsonl;
    const errors = [];
    const value = (0,main.parse)(text, errors, { disallowComments: true, allowTrailingComma: false });
    // In a cut-off head every error sits at the cut; an error before it means the file is broken.
    const end = text.trimEnd().length;
    const broken = errors.find((e) => complete || e.offset + e.length < end);
    if (broken) {
        // Several JSON documents one after the other (`govulncheck -json` prints a stream of
        // pretty-printed objects): a stream, like JSON Lines.
        if ((0,main.printParseErrorCode)(broken.error) === 'EndOfFileExpected') {
            const stream = sniffJsonStream(text, complete);
            if (stream)
                return stream;
        }
        // A log whose lines start with a bracketed time stamp (`[12:00:01] Checking …`) is text.
        if (text[0] === '[' && /^\[[^\]["{}]*\]\s*[A-Za-z]/.test(text))
            return sniffDelimitedOrText(text, complete);
        return {
            syntax: 'malformed',
            expected: 'JSON',
            detail: `${(0,main.printParseErrorCode)(broken.error)} at byte ${broken.offset}`,
            complete
        };
    }
    return { syntax: 'json', value, complete };
}
/** JSON Lines: one complete object per line, at least two lines (a one-line file is plain JSON). */
function sniffJsonLines(text, complete) {
    const newline = text.indexOf('\n');
    if (newline < 0)
        return null;
    const rest = text.slice(newline + 1).trimStart();
    if (!rest.startsWith('{'))
        return null;
    const rawLines = text.split('\n');
    // The last line of a cut-off head is partial: leave it out.
    if (!complete)
        rawLines.pop();
    const lines = [];
    for (const raw of rawLines) {
        if (raw.trim() === '')
            continue;
        const errors = [];
        const value = (0,main.parse)(raw, errors, { disallowComments: true });
        if (errors.length > 0 || typeof value !== 'object' || value === null)
            return null;
        lines.push(value);
    }
    // In a cut-off head, one complete line and the start of the next (cut, left out above) is JSON Lines too.
    return lines.length >= 2 || (!complete && lines.length === 1) ? { syntax: 'jsonl', lines, complete } : null;
}
/** Top-level JSON values one after the other, at least two; the last one may be cut off in a head. */
function sniffJsonStream(text, complete) {
    const lines = [];
    let start = 0;
    let depth = 0;
    let inString = false;
    for (let i = 0; i < text.length && lines.length < 10000; i++) {
        const c = text[i];
        if (inString) {
            if (c === '\\')
                i++;
            else if (c === '"')
                inString = false;
            continue;
        }
        if (c === '"')
            inString = true;
        else if (c === '{' || c === '[') {
            if (depth === 0)
                start = i;
            depth++;
        }
        else if (c === '}' || c === ']') {
            depth--;
            if (depth < 0)
                return null;
            if (depth === 0) {
                const errors = [];
                const value = (0,main.parse)(text.slice(start, i + 1), errors, { disallowComments: true });
                if (errors.length > 0 || typeof value !== 'object' || value === null)
                    return null;
                lines.push(value);
            }
        }
        else if (depth === 0 && !/\s/.test(c))
            return null;
    }
    // Whatever is left open at the end is a value cut by the head: fine unless the file is complete.
    if (depth !== 0 && complete)
        return null;
    // In a cut-off head, one complete value followed by the start of another is a stream too.
    return lines.length >= 2 || (!complete && lines.length === 1 && depth > 0) ? { syntax: 'jsonl', lines, complete } : null;
}
const MAX_DEPTH = 8;
const MAX_CHILDREN = 64;
const MAX_TEXT = 512;
function htmlTitle(text) {
    const match = /<title[^>]*>([^<]{0,300})<\/title>/i.exec(text.slice(0, 65536));
    return match ? match[1].replace(/\s+/g, ' ').trim() : '';
}
function sniffMarkup(text, complete) {
    if (/^<!doctype\s+html|^<html[\s>]/i.test(text))
        return { syntax: 'html', title: htmlTitle(text), complete };
    const parser = new saxes/* SaxesParser */.wT({ xmlns: false, position: false });
    const root = { name: '#document', attributes: {}, children: [], text: '' };
    const stack = [root];
    let error = null;
    parser.on('opentag', (tag) => {
        const element = { name: tag.name, attributes: { ...tag.attributes }, children: [], text: '' };
        const parent = stack[stack.length - 1];
        // Keep the tree small: deep or wide parts of a huge report add nothing to recognition.
        if (stack.length <= MAX_DEPTH && parent.children.length < MAX_CHILDREN)
            parent.children.push(element);
        stack.push(element);
    });
    parser.on('text', (t) => {
        const current = stack[stack.length - 1];
        // xml:space="preserve" keeps the spaces (an Excel rich-text run "Attack " of "Attack Vector").
        const piece = current.attributes['xml:space'] === 'preserve' ? t : t.trim();
        if (current.text.length < MAX_TEXT)
            current.text = (current.text + piece).slice(0, MAX_TEXT);
    });
    parser.on('cdata', (t) => {
        const current = stack[stack.length - 1];
        if (current.text.length < MAX_TEXT)
            current.text = (current.text + t.trim()).slice(0, MAX_TEXT);
    });
    parser.on('closetag', () => {
        stack.pop();
    });
    parser.on('error', (e) => {
        error ??= e;
    });
    try {
        parser.write(text);
        if (complete)
            parser.close();
    }
    catch (e) {
        error ??= e;
    }
    const top = root.children[0];
    // Without close() saxes reports nothing for a document that simply stops: a cut-off head fails
    // only where the markup itself is broken.
    if (error || !top) {
        if (/<html[\s>]/i.test(text.slice(0, 2048)))
            return { syntax: 'html', title: htmlTitle(text), complete };
        if (!top && !complete && !error)
            return { syntax: 'text', lines: [], complete };
        return { syntax: 'malformed', expected: 'XML', detail: shortXmlError(error), complete };
    }
    if (top.name.toLowerCase() === 'html')
        return { syntax: 'html', title: htmlTitle(text), complete };
    return { syntax: 'xml', root: top, complete };
}
function shortXmlError(error) {
    if (!error)
        return 'no root element';
    return error.message.split('\n')[0].slice(0, 160);
}
function sniffDelimitedOrText(text, complete) {
    const rawLines = text.split(/\r?\n/);
    if (!complete)
        rawLines.pop();
    const lines = rawLines.slice(0, 200);
    const firstLine = lines.find((l) => l.trim() !== '') ?? '';
    for (const delimiter of [',', ';', '\t']) {
        const header = splitCsvLine(firstLine, delimiter);
        // Exports leave some header cells empty (`Plugin Output,,State`, a trailing comma).
        if (header.filter((cell) => cell.length > 0).length >= 3 && header.every((cell) => cell.length < 120)) {
            const overfull = overfullRecord(text, delimiter, header.length, complete);
            const records = dataRecords(text, delimiter, complete);
            return overfull ? { syntax: 'csv', header, delimiter, lines, complete, records, overfull } : { syntax: 'csv', header, delimiter, lines, complete, records };
        }
    }
    return { syntax: 'text', lines, complete };
}
/**
 * A data record with more (non-empty) fields than the header has columns: the CSV is broken and
 * parsers reject it ("Number of fields in row does not match number of headers"). Reads records
 * quote-aware (a quoted cell may span lines) among the first 50 of the head.
 */
function overfullRecord(text, delimiter, columns, complete) {
    const records = csvRecords(text, delimiter, 50);
    // The last record of a cut-off head is partial; of a complete file, it counts.
    const checked = complete ? records : records.filter((r) => r.ended);
    for (const [index, { cells }] of checked.entries()) {
        let used = cells.length;
        while (used > 0 && cells[used - 1].trim() === '')
            used--;
        if (index > 0 && used > columns)
            return `record ${index + 1} has ${used} fields, the header ${columns}`;
    }
    return null;
}
/** The data records after the header row (blank lines and a record cut by the head left out). */
function dataRecords(text, delimiter, complete) {
    const records = csvRecords(text.replace(/^(\s*\r?\n)+/, ''), delimiter, 51);
    return records
        .slice(1)
        .filter((r) => (complete || r.ended) && r.cells.some((c) => c.trim() !== ''))
        .map((r) => r.cells.map((c) => c.trim()));
}
/**
 * The first `limit` CSV records of a text, quote-aware (a quoted cell may hold the delimiter, doubled
 * quotes and line breaks). `ended` is false for a last record that the text cuts off.
 */
function csvRecords(text, delimiter, limit) {
    const records = [];
    let cells = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < text.length && records.length < limit; i++) {
        const c = text[i];
        if (quoted) {
            if (c === '"' && text[i + 1] === '"') {
                cell += '"';
                i++;
            }
            else if (c === '"')
                quoted = false;
            else
                cell += c;
        }
        else if (c === '"')
            quoted = true;
        else if (c === delimiter) {
            cells.push(cell);
            cell = '';
        }
        else if (c === '\n') {
            records.push({ cells: [...cells, cell], ended: true });
            cells = [];
            cell = '';
        }
        else if (c !== '\r')
            cell += c;
    }
    if (records.length < limit && (cell !== '' || cells.length > 0))
        records.push({ cells: [...cells, cell], ended: false });
    return records;
}
/** Splits one CSV line, honouring double quotes; cells are trimmed. */
function splitCsvLine(line, delimiter) {
    return (csvRecords(line, delimiter, 1)[0]?.cells ?? ['']).map((cell) => cell.trim());
}

;// CONCATENATED MODULE: ./src/recognition/matchers.ts

const ok = (...evidence) => evidence;
/**
 * Evidence that fits many formats at once (an empty `[]` is what Gitleaks, Hadolint, ShellCheck and
 * others print on a clean run): a row matched only on such evidence needs a name to confirm it.
 */
const WEAK_EVIDENCE = 'empty document';
/**
 * Evidence that the part of a file that tells its format lies beyond the bounded read (an Excel
 * sheet's header row deep inside a big workbook): weak too, a name must confirm the row.
 */
const UNREAD_EVIDENCE = 'not readable within the bounded read';
/** Whether a row matched only on weak evidence (see WEAK_EVIDENCE, UNREAD_EVIDENCE). */
function isWeak(evidence) {
    return evidence.includes(WEAK_EVIDENCE) || evidence.includes(UNREAD_EVIDENCE);
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function collect(conditions, x, complete = true) {
    const evidence = [];
    for (const condition of conditions) {
        const found = condition(x, complete);
        if (!found)
            return null;
        evidence.push(...found);
    }
    return evidence;
}
// ---- JSON ----------------------------------------------------------------------------------
/**
 * The file is one JSON document satisfying every condition. A document that is empty as a whole
 * (`[]`, `{}`, `null`) is what many tools print on a clean run: a match on it is weak evidence.
 */
function json(...conditions) {
    return (head) => {
        if (head.syntax !== 'json')
            return null;
        const evidence = collect(conditions, head.value, head.complete);
        if (!evidence)
            return null;
        const value = head.value;
        const empty = value === null || (Array.isArray(value) ? value.length === 0 : typeof value === 'object' && Object.keys(value).length === 0);
        return empty ? [...evidence, WEAK_EVIDENCE] : evidence;
    };
}
/** The file is JSON Lines whose first object satisfies every condition. */
function jsonLines(...conditions) {
    return (head) => (head.syntax === 'jsonl' ? collect(conditions, head.lines[0]) : null);
}
/** The file is JSON Lines (or a stream of JSON documents) and one of the lines read satisfies every condition. */
function anyLine(...conditions) {
    return (head) => {
        if (head.syntax !== 'jsonl')
            return null;
        for (const line of head.lines) {
            const evidence = collect(conditions, line);
            if (evidence)
                return ['a line with', ...evidence];
        }
        return null;
    };
}
/** The file is JSON Lines and no line read satisfies the conditions (e.g. no `{"type": "error"}`). */
function noLine(...conditions) {
    return (head) => {
        if (head.syntax !== 'jsonl')
            return null;
        return head.lines.some((line) => collect(conditions, line)) ? null : ['no such line'];
    };
}
/** An object having every key. */
function has(...keys) {
    return (value) => (isRecord(value) && keys.every((k) => k in value) ? ok(`keys ${keys.join(', ')}`) : null);
}
/**
 * Keys the tool writes after a list that can be long (Semgrep's `errors` after `results`): present,
 * or, in a head that ended before the document did, none of them read yet while the list before them
 * is non-empty (a long list is what a cut head ran out in). The rule's other conditions, on the
 * list's items, carry the evidence a cut head cannot.
 */
function hasAfter(list, ...keys) {
    return (value, complete = true) => {
        if (!isRecord(value))
            return null;
        if (keys.every((k) => k in value))
            return ok(`keys ${keys.join(', ')}`);
        const items = value[list];
        const long = Array.isArray(items) ? items.length > 0 : isRecord(items) && Object.keys(items).length > 0;
        return !complete && long && keys.every((k) => !(k in value)) ? ok(`keys ${keys.join(', ')} after ${list}, beyond the bytes read`) : null;
    };
}
/** An object whose keys all belong to the documented set (for small, generic-looking items). */
function onlyKeys(...keys) {
    const allowed = new Set(keys);
    return (value) => (isRecord(value) && Object.keys(value).every((k) => allowed.has(k)) ? ok('no other keys') : null);
}
/** An object having none of the keys: tells a format from its near-twin. */
function lacks(...keys) {
    return (value) => (isRecord(value) && keys.every((k) => !(k in value)) ? ok(`no ${keys.join(', ')}`) : null);
}
/** Any value (used after a path whose presence is all that matters). */
const present = (value) => (value === undefined ? null : ok());
/** A string or number equal to one of the values, or matching a pattern. */
function is(expected) {
    return (value) => {
        if (expected instanceof RegExp) {
            return typeof value === 'string' && expected.test(value) ? ok(`"${value.slice(0, 60)}"`) : null;
        }
        return value === expected ? ok(JSON.stringify(expected)) : null;
    };
}
/** The value at a dotted path (`runs.0.tool.driver.name`) satisfies every condition. */
function at(path, ...conditions) {
    const steps = path.split('.');
    return (value, complete) => {
        let current = value;
        for (const step of steps) {
            if (Array.isArray(current))
                current = current[Number(step)];
            else if (isRecord(current))
                current = current[step];
            else
                return null;
        }
        if (current === undefined)
            return null;
        const evidence = collect(conditions, current, complete);
        return evidence ? [`${path}${evidence.length ? ' ' + evidence.join(' ') : ''}`] : null;
    };
}
/** An array whose first element satisfies the conditions. With `allowEmpty`, `[]` matches too. */
function arrayOf(options, ...conditions) {
    return (value, complete) => {
        if (!Array.isArray(value))
            return null;
        if (value.length === 0)
            return options.allowEmpty ? ok('empty array') : null;
        const evidence = collect(conditions, value[0], complete);
        return evidence ? ['array of', ...evidence] : null;
    };
}
/** An object. */
const object = (value) => (isRecord(value) ? ok() : null);
/** An empty array or object. */
const empty = (value) => (Array.isArray(value) && value.length === 0) || (isRecord(value) && Object.keys(value).length === 0) ? ok('empty') : null;
/** A string, a number, an array, null: type tests for a value found by `at`. */
const string = (value) => (typeof value === 'string' ? ok() : null);
const number = (value) => (typeof value === 'number' ? ok() : null);
const array = (value) => (Array.isArray(value) ? ok() : null);
const isNull = (value) => (value === null ? ok('null') : null);
/** Equal to one of the values (a closed set of documented values, e.g. `scan.type`). */
function oneOf(...values) {
    return (value) => (values.includes(value) ? ok(JSON.stringify(value)) : null);
}
/** The condition does not hold. */
function not(condition) {
    return (value, complete) => (condition(value, complete) ? null : ok());
}
/** How many array elements or map values `every` and `valuesOf` look at: the head is bounded, so is this. */
const SAMPLE = 20;
/**
 * The elements `every` and `everyValue` judge: the first SAMPLE, less the last one read when the head
 * was cut, since that one may be cut too (its later keys unread). A lone element is judged anyway.
 */
function sample(elements, complete = true) {
    const whole = !complete && elements.length > 1 && elements.length <= SAMPLE ? elements.slice(0, -1) : elements;
    return whole.slice(0, SAMPLE);
}
/** An array whose first elements (up to 20) all satisfy the conditions; `[]` only with `allowEmpty`. */
function every(options, ...conditions) {
    return (value, complete) => {
        if (!Array.isArray(value))
            return null;
        if (value.length === 0)
            return options.allowEmpty ? ok('empty array') : null;
        let first = null;
        for (const element of sample(value, complete)) {
            const evidence = collect(conditions, element, complete);
            if (!evidence)
                return null;
            first ??= evidence;
        }
        return ['every element', ...first];
    };
}
/**
 * An object used as a map (keys are names, ids, paths): its first value satisfies the conditions.
 * With `allowEmpty`, `{}` matches too (weak: needs a name or other keys to decide).
 */
function valuesOf(options, ...conditions) {
    return (value, complete) => {
        if (!isRecord(value))
            return null;
        const values = Object.values(value);
        if (values.length === 0)
            return options.allowEmpty ? ok('empty object') : null;
        const evidence = collect(conditions, values[0], complete);
        return evidence ? ['map of', ...evidence] : null;
    };
}
/** An object used as a map whose values (the first 20) all satisfy the conditions; `{}` only with `allowEmpty`. */
function everyValue(options, ...conditions) {
    return (value, complete) => {
        if (!isRecord(value))
            return null;
        const values = Object.values(value);
        if (values.length === 0)
            return options.allowEmpty ? ok('empty object') : null;
        let first = null;
        for (const element of sample(values, complete)) {
            const evidence = collect(conditions, element, complete);
            if (!evidence)
                return null;
            first ??= evidence;
        }
        return ['every value', ...first];
    };
}
/** An array or map with at least one of its first 20 elements (values) satisfying the conditions. */
function some(...conditions) {
    return (value, complete) => {
        const elements = Array.isArray(value) ? value : isRecord(value) ? Object.values(value) : null;
        if (!elements)
            return null;
        for (const element of elements.slice(0, SAMPLE)) {
            const evidence = collect(conditions, element, complete);
            if (evidence)
                return ['one element', ...evidence];
        }
        return null;
    };
}
/** A non-empty object whose keys (the first 20) all match the pattern, e.g. `vendor/package` names. */
function keysMatching(pattern) {
    return (value) => {
        if (!isRecord(value))
            return null;
        const keys = Object.keys(value).slice(0, SAMPLE);
        return keys.length > 0 && keys.every((k) => pattern.test(k)) ? ok(`keys like ${pattern}`) : null;
    };
}
/** An object having at least one key matching the pattern. */
function hasKeyMatching(pattern) {
    return (value) => (isRecord(value) && Object.keys(value).some((k) => pattern.test(k)) ? ok(`a key like ${pattern}`) : null);
}
/** Every condition holds on the same value (JSON, XML or whole-file matchers). */
function allOf(...conditions) {
    return (value, complete) => collect(conditions, value, complete);
}
/** One of several conditions (JSON or XML). */
function anyOf(...conditions) {
    return (value, complete) => {
        for (const condition of conditions) {
            const found = condition(value, complete);
            if (found)
                return found;
        }
        return null;
    };
}
/** The head is the whole file: what a rule did not see is not there. */
const whole = (head) => (head.complete ? ['the whole file read'] : null);
// ---- XML -----------------------------------------------------------------------------------
/** The root element has this name (case-sensitive, namespace prefix ignored) and every condition holds. */
function xml(rootName, ...conditions) {
    return (head) => {
        if (head.syntax !== 'xml')
            return null;
        const name = localName(head.root.name);
        const matches = typeof rootName === 'string' ? name === rootName : rootName.test(name);
        if (!matches)
            return null;
        const evidence = collect(conditions, head.root);
        return evidence ? [`root <${name}>`, ...evidence] : null;
    };
}
function localName(name) {
    const colon = name.indexOf(':');
    return colon < 0 ? name : name.slice(colon + 1);
}
/** A child element of this name (found among the first children read) satisfying the conditions. */
function child(name, ...conditions) {
    return (element) => {
        for (const c of element.children) {
            if (localName(c.name) !== name)
                continue;
            const evidence = collect(conditions, c);
            if (evidence)
                return [`<${name}>`, ...evidence];
        }
        return null;
    };
}
/** An attribute present, optionally matching a pattern. */
function attr(name, pattern) {
    return (element) => {
        const value = element.attributes[name];
        if (value === undefined)
            return null;
        if (pattern && !pattern.test(value))
            return null;
        return ok(`@${name}`);
    };
}
/** Element text matching a pattern. */
function matchers_text(pattern) {
    return (element) => (pattern.test(element.text) ? ok(`text ${pattern}`) : null);
}
/** No child element of this name among the first children read. */
function noChild(name) {
    return (element) => (element.children.some((c) => localName(c.name) === name) ? null : ok(`no <${name}>`));
}
// ---- CSV and plain text ----------------------------------------------------------------------
/** A CSV whose header row contains every column (compared case-insensitively, trimmed). */
function csv(...columns) {
    return (head) => {
        if (head.syntax !== 'csv')
            return null;
        const header = new Set(head.header.map((h) => h.toLowerCase()));
        return columns.every((c) => header.has(c.toLowerCase())) ? [`CSV columns ${columns.join(', ')}`] : null;
    };
}
/**
 * A CSV whose data records (those read) all have, in this column, a value matching the pattern:
 * for parsers that use a cell as it is (a severity word). A header without records matches.
 */
function csvValues(column, pattern) {
    return (head) => {
        if (head.syntax !== 'csv')
            return null;
        const index = head.header.findIndex((h) => h.toLowerCase() === column.toLowerCase());
        if (index < 0)
            return null;
        return head.records.every((r) => pattern.test(r[index] ?? '')) ? [`CSV ${column} values ${pattern}`] : null;
    };
}
/** A CSV whose header row is exactly these columns, in this order (for short, generic headers). */
function csvExactly(...columns) {
    return (head) => {
        if (head.syntax !== 'csv')
            return null;
        const header = head.header.map((h) => h.toLowerCase());
        return header.length === columns.length && columns.every((c, i) => header[i] === c.toLowerCase()) ? [`CSV columns exactly ${columns.join(', ')}`] : null;
    };
}
/** A CSV with a few lines of preamble: one of the first `lines` rows holds every column. */
function csvWithin(lines, ...columns) {
    return (head) => {
        if (head.syntax !== 'csv' && head.syntax !== 'text')
            return null;
        const wanted = columns.map((c) => c.toLowerCase());
        for (const line of head.lines.slice(0, lines)) {
            for (const delimiter of [',', ';', '\t']) {
                const cells = new Set(splitCsvLine(line, delimiter).map((c) => c.toLowerCase()));
                if (wanted.every((c) => cells.has(c)))
                    return [`CSV header row with ${columns.join(', ')}`];
            }
        }
        return null;
    };
}
/** Plain text whose first lines (20 unless told) match the pattern. */
function textLines(pattern, within = 20) {
    return (head) => {
        if (head.syntax !== 'text' && head.syntax !== 'csv')
            return null;
        const firstLines = head.lines.slice(0, within).join('\n');
        return pattern.test(firstLines) ? [`text ${pattern}`] : null;
    };
}
/** Plain text where every non-empty line among the first ones read matches the pattern (a line-based format). */
function everyLine(pattern) {
    return (head) => {
        if (head.syntax !== 'text' && head.syntax !== 'csv')
            return null;
        const lines = head.lines.filter((l) => l.trim() !== '').slice(0, 50);
        return lines.length > 0 && lines.every((l) => pattern.test(l)) ? [`every line ${pattern}`] : null;
    };
}
// ---- HTML ------------------------------------------------------------------------------------
/** An HTML page whose <title> matches: for the few HTML reports a parser imports. */
function matchers_htmlTitle(pattern) {
    return (head) => (head.syntax === 'html' && pattern.test(head.title) ? [`HTML title ${pattern}`] : null);
}
// ---- zip archives ----------------------------------------------------------------------------
/** A zip archive having, for each pattern, an entry whose path matches it. */
function zip(...entries) {
    return (head) => {
        if (head.syntax !== 'zip')
            return null;
        return entries.every((p) => head.entries.some((e) => p.test(e))) ? [`zip entries ${entries.join(', ')}`] : null;
    };
}
/** A zip archive without any entry matching the pattern (known only when all its entries were listed). */
function zipLacks(entry) {
    return (head) => (head.syntax === 'zip' && head.listed && !head.entries.some((e) => entry.test(e)) ? [`no zip entry ${entry}`] : null);
}
/** A zip archive whose files (directories aside) all match the pattern; at least one file. */
function zipOnly(entry) {
    return (head) => {
        if (head.syntax !== 'zip' || !head.listed)
            return null;
        const files = head.entries.filter((e) => !e.endsWith('/'));
        return files.length > 0 && files.every((e) => entry.test(e)) ? [`every zip entry ${entry}`] : null;
    };
}
/** A zip archive with a member whose name matches and whose content (its start, as read) satisfies the matcher. */
function zipMember(entry, matcher) {
    return (head) => {
        if (head.syntax !== 'zip')
            return null;
        for (const [name, content] of Object.entries(head.members)) {
            if (!entry.test(name))
                continue;
            const evidence = matcher(content);
            if (evidence)
                return [`zip member ${name}:`, ...evidence];
        }
        return null;
    };
}
// ---- Excel workbooks (.xlsx) -------------------------------------------------------------------
/** An Excel workbook having every named sheet. */
function xlsxSheets(...names) {
    return (head) => (head.syntax === 'zip' && head.workbook && names.every((n) => head.workbook.sheets.includes(n)) ? [`workbook sheets ${names.join(', ')}`] : null);
}
/** An Excel workbook having none of the named sheets (known only when its sheet list was read). */
function xlsxLacksSheets(...names) {
    return (head) => (head.syntax === 'zip' && head.workbook && !names.some((n) => head.workbook.sheets.includes(n)) ? [`no workbook sheet ${names.join(', ')}`] : null);
}
/** An Excel workbook whose active sheet's header row (row 1) has every column. */
function xlsxHeader(...columns) {
    return (head) => {
        const header = head.syntax === 'zip' ? head.workbook?.header : null;
        return header && columns.every((c) => header.includes(c)) ? [`sheet header ${columns.join(', ')}`] : null;
    };
}
/** An Excel workbook (it has xl/workbook.xml) whose active sheet's header row lies beyond the bytes read. */
const xlsxHeaderUnread = (head) => head.syntax === 'zip' && head.entries.includes('xl/workbook.xml') && !head.workbook?.header ? ['an Excel workbook', UNREAD_EVIDENCE] : null;
/** An Excel workbook whose sheet list (xl/workbook.xml) lies beyond the bytes read. */
const xlsxSheetsUnread = (head) => head.syntax === 'zip' && head.entries.includes('xl/workbook.xml') && !head.workbook ? ['an Excel workbook', UNREAD_EVIDENCE] : null;

;// CONCATENATED MODULE: ./src/recognition/formats/shared.ts

const JSON_EXT = ['.json'];
const XML_EXT = ['.xml'];
const CSV_EXT = ['.csv'];
const TXT_EXT = ['.txt'];
const lane = (name, rows) => rows.map((row) => ({ ...row, lane: name }));
/** One finding object, or JSON Lines of them (tools that print one JSON object per finding). */
const objectOrLines = (...conditions) => anyOf(jsonLines(...conditions), json(...conditions));
/** An array of findings, JSON Lines of them, or a single one. */
const findings = (...conditions) => anyOf(json(arrayOf({ allowEmpty: true }, ...conditions)), jsonLines(...conditions), json(...conditions));
/** GitLab security report schema (also written by other tools for GitLab): `scan.type` names the kind. */
const gitlab = (type) => json(has('version', 'vulnerabilities'), anyOf(at('scan.type', is(type)), 
// Without scan (old reports, or cut off by the head): the vulnerabilities' category (≤ v14) or
// the location object the schema defines for each report type (v15 dropped category).
allOf(lacks('scan'), at('vulnerabilities', arrayOf({ allowEmpty: false }, anyOf(at('category', is(type)), allOf(lacks('category'), at('location', GITLAB_LOCATION[type] ?? never))))))));
const never = () => null;
const GITLAB_LOCATION = {
    sast: allOf(has('file', 'start_line'), lacks('commit', 'image', 'hostname')),
    secret_detection: has('file', 'commit'),
    dependency_scanning: allOf(has('file', 'dependency'), lacks('image', 'start_line')),
    container_scanning: has('image', 'operating_system'),
    dast: has('hostname', 'method')
};

;// CONCATENATED MODULE: ./src/recognition/formats/cloud.ts
// The cloud lane of the format table: cloud posture (Prowler, ScoutSuite, Security Hub…) and host audits.


/** Keys of an ASFF finding (AWS Security Finding Format), written by Security Hub, Prowler, GuardDuty… */
const asffFinding = has('SchemaVersion', 'Id', 'ProductArn', 'GeneratorId');
const CLOUD = lane('cloud', [
    {
        id: 'prowler-ocsf-json',
        scanType: 'Prowler Scan',
        format: 'Prowler OCSF JSON',
        tool: 'prowler',
        // `prowler … --output-formats json-ocsf` writes *.ocsf.json: a list of OCSF Detection Findings
        // (finding_info, status_code, metadata.product). `Prowler Scan` reads it under any .json name; `AWS
        // Prowler V3` reads Prowler 4 OCSF too, but only under a .ocsf.json name.
        extensions: JSON_EXT,
        match: json(arrayOf({ allowEmpty: false }, has('finding_info', 'status_code', 'metadata', 'class_uid'))),
        alsoReadBy: [{ scanType: 'AWS Prowler V3', extensions: ['.ocsf.json'] }]
    },
    {
        id: 'prowler-csv',
        scanType: 'Prowler Scan',
        format: 'Prowler CSV (v4+)',
        tool: 'prowler',
        extensions: CSV_EXT,
        // Semicolon-separated, upper-case columns.
        match: csv('AUTH_METHOD', 'TIMESTAMP', 'FINDING_UID', 'PROVIDER', 'CHECK_ID', 'STATUS', 'SEVERITY')
    },
    {
        id: 'prowler-v3-json',
        scanType: 'AWS Prowler V3',
        format: 'Prowler 3 JSON',
        tool: 'prowler',
        // The parser reads v3 JSON under a .json name and OCSF under .ocsf.json: never send v3 as .ocsf.json.
        extensions: JSON_EXT,
        avoidExtensions: ['.ocsf.json'],
        match: json(arrayOf({ allowEmpty: false }, has('AssessmentStartTime', 'FindingUniqueId', 'Provider', 'CheckID', 'Status')))
    },
    {
        id: 'prowler-v2-csv',
        scanType: 'AWS Prowler Scan',
        format: 'Prowler 2 CSV',
        tool: 'prowler',
        extensions: CSV_EXT,
        match: csv('PROFILE', 'ACCOUNT_NUM', 'REGION', 'TITLE_ID', 'CHECK_RESULT', 'TITLE_TEXT')
    },
    {
        id: 'prowler-v2-json',
        scanType: 'AWS Prowler Scan',
        format: 'Prowler 2 JSON lines',
        tool: 'prowler',
        extensions: JSON_EXT,
        match: objectOrLines(has('Profile', 'Account Number', 'Control', 'Status', 'Control ID'))
    },
    {
        id: 'asff-json',
        scanType: 'AWS Security Finding Format (ASFF) Scan',
        format: 'ASFF findings list',
        tool: 'asff',
        extensions: JSON_EXT,
        // A bare list of ASFF findings (prowler -M json-asff, GuardDuty exports, …).
        match: json(arrayOf({ allowEmpty: false }, asffFinding))
    },
    {
        id: 'aws-security-hub-json',
        scanType: 'AWS Security Hub Scan',
        format: 'Security Hub get-findings JSON',
        tool: 'securityhub',
        extensions: JSON_EXT,
        // `aws securityhub get-findings`: {Findings: [ASFF…]} (or findings).
        match: json(anyOf(at('Findings', arrayOf({ allowEmpty: true }, asffFinding)), at('findings', arrayOf({ allowEmpty: false }, asffFinding))))
    },
    {
        id: 'aws-inspector2-json',
        scanType: 'AWS Inspector2 Scan',
        format: 'Inspector2 list-findings JSON',
        tool: 'inspector2',
        extensions: JSON_EXT,
        // `aws inspector2 list-findings` with nothing found prints {"findings": []}: only a name can say then.
        match: json(has('findings'), anyOf(at('findings', arrayOf({ allowEmpty: false }, has('findingArn', 'awsAccountId', 'type', 'severity'))), allOf(onlyKeys('findings', 'nextToken'), at('findings', empty)))),
        nameHint: /inspector/i
    },
    {
        id: 'azure-security-center-csv',
        scanType: 'Azure Security Center Recommendations Scan',
        format: 'Microsoft Defender for Cloud recommendations CSV',
        tool: 'defender-for-cloud',
        extensions: CSV_EXT,
        match: csv('subscriptionId', 'resourceGroup', 'resourceType', 'recommendationId', 'recommendationName', 'severity', 'state')
    },
    {
        id: 'cloudsploit-json',
        scanType: 'Cloudsploit Scan',
        format: 'CloudSploit JSON',
        tool: 'cloudsploit',
        extensions: JSON_EXT,
        match: json(arrayOf({ allowEmpty: true }, has('plugin', 'category', 'title', 'resource', 'region', 'status'))),
        nameHint: /cloudsploit/i
    },
    {
        id: 'cloudflare-insights-json',
        scanType: 'Cloudflare Insights',
        format: 'Cloudflare Security Insights JSON',
        tool: 'cloudflare',
        extensions: JSON_EXT,
        match: json(arrayOf({ allowEmpty: false }, has('issue_class', 'issue_type', 'severity', 'subject', 'dismissed')))
    },
    {
        id: 'cloudflare-insights-csv',
        scanType: 'Cloudflare Insights',
        format: 'Cloudflare Security Insights CSV',
        tool: 'cloudflare',
        extensions: CSV_EXT,
        match: csv('severity', 'issue_class', 'subject', 'issue_type', 'status', 'insight')
    },
    {
        id: 'scout-suite-js',
        scanType: 'Scout Suite Scan',
        format: 'Scout Suite results (scoutsuite_results.js)',
        tool: 'scoutsuite',
        extensions: ['.js'],
        match: textLines(/^scoutsuite_results\s*=/, 3)
    },
    {
        id: 'ms-defender-json',
        scanType: 'MSDefender Parser',
        format: 'Microsoft Defender for Endpoint vulnerabilities (API)',
        tool: 'ms-defender',
        extensions: JSON_EXT,
        match: json(has('@odata.context', 'value'), at('value', arrayOf({ allowEmpty: true }, has('cveId', 'machineId'))))
    },
    {
        id: 'ms-defender-zip',
        scanType: 'MSDefender Parser',
        format: 'Microsoft Defender for Endpoint export zip',
        tool: 'ms-defender',
        extensions: ['.zip'],
        match: zip(/^vulnerabilities\//)
    },
    {
        id: 'orca-json',
        scanType: 'Orca Security Alerts',
        format: 'Orca Security alerts JSON',
        tool: 'orca',
        extensions: JSON_EXT,
        match: json(arrayOf({ allowEmpty: true }, has('OrcaScore', 'Title', 'Category', 'CloudAccount', 'Inventory'))),
        nameHint: /orca/i
    },
    {
        id: 'orca-csv',
        scanType: 'Orca Security Alerts',
        format: 'Orca Security alerts CSV',
        tool: 'orca',
        extensions: CSV_EXT,
        match: csv('OrcaScore', 'Title', 'Category', 'Inventory.Name', 'CloudAccount.Name', 'Status')
    },
    {
        id: 'wiz-csv',
        scanType: 'Wiz Scan',
        format: 'Wiz issues / vulnerabilities CSV',
        tool: 'wiz',
        extensions: CSV_EXT,
        match: anyOf(csv('Created At', 'Title', 'Severity', 'Status', 'Description', 'Resource Type', 'Resource external ID', 'Subscription ID'), csv('ID', 'WizURL', 'Name', 'CVSSSeverity', 'HasExploit', 'FindingStatus', 'VendorSeverity'))
    },
    {
        id: 'zora-csv',
        scanType: 'Zora Parser',
        format: 'Zora (Undistro) misconfigurations CSV',
        tool: 'zora',
        extensions: CSV_EXT,
        match: anyOf(csv('source', 'checkID', 'title', 'severity', 'status', 'remediation'), csv('source', 'image', 'id', 'title', 'severity', 'status', 'fixVersion'))
    },
    {
        id: 'cyberwatch-json',
        scanType: 'Cyberwatch scan (Galeax)',
        format: 'Cyberwatch JSON',
        tool: 'cyberwatch',
        extensions: JSON_EXT,
        match: json(anyOf(has('cves', 'security_issues'), allOf(hasAfter('cves', 'security_issues'), at('cves', arrayOf({ allowEmpty: false }, has('cve_code', 'cve_score', 'cve_level'))))))
    },
    {
        id: 'cycognito-json',
        scanType: 'Cycognito Scan',
        format: 'CyCognito issues JSON',
        tool: 'cycognito',
        extensions: JSON_EXT,
        match: json(arrayOf({ allowEmpty: true }, has('affected_asset', 'base_severity_score', 'potential_threat', 'confidence'))),
        nameHint: /cycognito/i
    },
    {
        id: 'wazuh-json',
        scanType: 'Wazuh',
        format: 'Wazuh vulnerabilities (API)',
        tool: 'wazuh',
        extensions: JSON_EXT,
        match: anyOf(
        // Wazuh ≤ 4.7 API: {data: {affected_items: [{cve, name, version, severity}], total_affected_items}}.
        json(has('data'), at('data', has('affected_items'), hasAfter('affected_items', 'total_affected_items')), at('data.affected_items', arrayOf({ allowEmpty: true }, has('cve', 'severity')))), 
        // Wazuh ≥ 4.8 indexer search: hits.hits[]._source with agent, package and vulnerability.
        json(has('hits', '_shards'), at('hits.hits', arrayOf({ allowEmpty: false }, at('_source', has('agent', 'package', 'vulnerability'))))))
    },
    {
        id: 'pingcastle-xml',
        scanType: 'PingCastle',
        format: 'PingCastle health check XML',
        tool: 'pingcastle',
        extensions: XML_EXT,
        match: xml('HealthcheckData', anyOf(child('EngineVersion'), child('DomainFQDN')))
    },
    {
        id: 'openscap-xml',
        scanType: 'Openscap Vulnerability Scan',
        format: 'OpenSCAP XCCDF results',
        tool: 'openscap',
        extensions: XML_EXT,
        match: xml('Benchmark', anyOf(attr('xmlns', /checklists\.nist\.gov\/xccdf/), attr('xmlns:cdf', /checklists\.nist\.gov\/xccdf/)))
    },
    {
        id: 'chef-inspec-log',
        scanType: 'Chef Inspect Log',
        format: 'Chef InSpec JSON lines log',
        tool: 'inspec',
        extensions: ['.log'],
        match: objectOrLines(has('profile', 'control_tags', 'impact', 'results', 'title', 'status'))
    },
    {
        id: 'lynis-report',
        scanType: 'Lynis Scan',
        format: 'Lynis report (lynis-report.dat)',
        tool: 'lynis',
        // `.dat` is not an accepted upload extension (docs/defectdojo-api.md §0).
        extensions: TXT_EXT,
        match: textLines(/^# Lynis Report\s*$[\s\S]*^report_version_major=/m)
    },
    {
        id: 'aide-text',
        scanType: 'AIDE Scan',
        format: 'AIDE check output',
        tool: 'aide',
        extensions: TXT_EXT,
        match: textLines(/^(Start timestamp: .*\(AIDE [\d.]+\)|AIDE(, version [\d.]+)? found (NO )?differences between database and filesystem)/m)
    },
    {
        id: 'chkrootkit-text',
        scanType: 'chkrootkit Scan',
        format: 'chkrootkit output',
        tool: 'chkrootkit',
        extensions: TXT_EXT,
        // Full output ("Checking `x'... result") or -q output (only the warnings of its chk* helpers).
        match: textLines(/^(ROOTDIR is `[^']*'|Checking `[^']+'\.\.\.|(WARNING: )?chk(dirs|proc|lastlog|wtmp|utmp): )/m, 200)
    },
    {
        id: 'rkhunter-log',
        scanType: 'rkhunter Scan',
        format: 'rkhunter log',
        tool: 'rkhunter',
        extensions: ['.log'],
        match: textLines(/^\[\d\d:\d\d:\d\d\] Running Rootkit Hunter version /m, 5)
    },
    {
        id: 'clamav-text',
        scanType: 'ClamAV Scan',
        format: 'clamscan output',
        tool: 'clamav',
        extensions: TXT_EXT,
        // "path: Signature FOUND" / "path: OK" lines and the ----------- SCAN SUMMARY ----------- block.
        // (`file: OK` lines alone are also what `sha256sum -c` prints: a FOUND line or the summary is required.)
        match: anyOf(textLines(/^-{5,} SCAN SUMMARY -{5,}\s*$/m, 200), allOf(everyLine(/^\S.*: (.+ FOUND|OK|Empty file|Symbolic link)$/), textLines(/^\S.*: .+ FOUND$/m, 200)))
    },
    {
        id: 'firmwalker-text',
        scanType: 'Firmwalker Scan',
        format: 'firmwalker output',
        tool: 'firmwalker',
        extensions: TXT_EXT,
        match: textLines(/^\*\*\*Firmware Directory\*\*\*\s*$/m, 3)
    },
    {
        id: 'yara-text',
        scanType: 'YARA Scan',
        format: 'yara output',
        tool: 'yara',
        extensions: TXT_EXT,
        // "RuleName [meta] path" hit lines, optionally followed by "0xOFFSET:$string: data" lines (-s).
        match: allOf(textLines(/^[A-Za-z_]\w* (\[[^\]]*\] )?\S*\/\S*/, 1), everyLine(/^([A-Za-z_]\w* (\[.*\] )?\S*\/.*|0x[0-9a-f]+:\$\w*: .*)$/)),
        nameHint: /yara/i
    },
    {
        id: 'alertlogic-csv',
        scanType: 'Alert Logic Scan',
        format: 'Alert Logic vulnerabilities CSV',
        tool: 'alertlogic',
        extensions: CSV_EXT,
        match: csv('Vulnerability', 'CVSS Score', 'Severity', 'Deployment Name', 'Asset Name', 'Vulnerability ID')
    },
    {
        id: 'contrast-csv',
        scanType: 'Contrast Scan',
        format: 'Contrast vulnerabilities CSV',
        tool: 'contrast',
        extensions: CSV_EXT,
        match: csv('Vulnerability Name', 'Vulnerability ID', 'Category', 'Rule Name', 'Severity', 'Status', 'Application Name')
    },
    {
        id: 'iriusrisk-csv',
        scanType: 'IriusRisk Threats Scan',
        format: 'IriusRisk threats CSV',
        tool: 'iriusrisk',
        extensions: CSV_EXT,
        match: csv('Component', 'Use case', 'Source', 'Threat', 'Risk Response', 'Inherent Risk', 'Current Risk')
    },
    {
        id: 'picus-csv',
        scanType: 'PICUS Scan',
        format: 'Picus simulation results CSV',
        tool: 'picus',
        extensions: CSV_EXT,
        match: csv('simulationRunId', 'threatId', 'threatName', 'threatSeverity', 'threatPreventionResult')
    },
    {
        id: 'intsights-json',
        scanType: 'IntSights Report',
        format: 'IntSights alerts JSON',
        tool: 'intsights',
        extensions: JSON_EXT,
        match: json(has('Alerts'), at('Alerts', arrayOf({ allowEmpty: true }, has('_id', 'Details', 'FoundDate'))))
    },
    {
        id: 'intsights-csv',
        scanType: 'IntSights Report',
        format: 'IntSights alerts CSV',
        tool: 'intsights',
        extensions: CSV_EXT,
        match: csv('Alert ID', 'Title', 'Description', 'Severity', 'Type', 'Source Date (UTC)', 'Alert Link')
    },
    {
        id: 'ptart-json',
        scanType: 'PTART Report',
        format: 'PTART report JSON',
        tool: 'ptart',
        extensions: JSON_EXT,
        match: json(has('name', 'assessments', 'cvss_type'), anyOf(has('executive_summary'), has('pentesters'), has('retests')))
    },
    {
        id: 'promptfoo-json',
        scanType: 'Promptfoo Scan',
        format: 'promptfoo eval JSON',
        tool: 'promptfoo',
        extensions: JSON_EXT,
        match: json(has('evalId', 'results'), hasAfter('results', 'config'), at('results', has('results'), hasAfter('results', 'stats')))
    },
    {
        id: 'garak-jsonl',
        scanType: 'Garak Scan',
        format: 'garak report JSON lines',
        tool: 'garak',
        extensions: ['.jsonl'],
        // garak's report.jsonl: {entry_type: …} lines (start_run setup, attempt, eval…) or attempt hits.
        match: anyOf(anyLine(has('entry_type', 'run_id')), objectOrLines(has('probe', 'detector', 'generator', 'run_id', 'attempt_id')))
    }
]);

;// CONCATENATED MODULE: ./src/recognition/formats/container.ts
// The container lane of the format table: image and cluster scanners (Trivy, Grype, Anchore, Clair…).


/** The sheets DefectDojo's DSOP parser opens, by name. */
const DSOP_SHEETS = ['OpenSCAP - DISA Compliance', 'OpenSCAP - OVAL Results', 'Twistlock Vulnerability Results', 'Anchore CVE Results', 'Anchore Compliance Results'];
const CONTAINER = lane('container', [
    {
        id: 'trivy-json',
        scanType: 'Trivy Scan',
        format: 'Trivy JSON',
        tool: 'trivy',
        extensions: JSON_EXT,
        // `trivy … --format json` (schema 2): SchemaVersion and ArtifactName; a clean scan has no Results.
        match: json(has('SchemaVersion', 'ArtifactName'), at('SchemaVersion', is(2))),
        nameHint: /trivy/i
    },
    {
        id: 'trivy-k8s-json',
        scanType: 'Trivy Scan',
        format: 'Trivy Kubernetes JSON',
        tool: 'trivy',
        extensions: JSON_EXT,
        // `trivy k8s --format json`: ClusterName with Resources[] (or Vulnerabilities/Misconfigurations by kind).
        match: json(has('ClusterName'), anyOf(has('Resources'), has('Vulnerabilities'), has('Misconfigurations')))
    },
    {
        id: 'trivy-legacy-json',
        scanType: 'Trivy Scan',
        format: 'Trivy JSON (legacy list)',
        tool: 'trivy',
        extensions: JSON_EXT,
        // Trivy < 0.20: a list of {Target, Type, Vulnerabilities}; a clean scan printed null.
        match: json(anyOf(arrayOf({ allowEmpty: false }, has('Target', 'Vulnerabilities')), isNull)),
        nameHint: /trivy/i
    },
    {
        id: 'trivy-operator-json',
        scanType: 'Trivy Operator Scan',
        format: 'Trivy Operator report (CRD)',
        tool: 'trivy-operator',
        extensions: JSON_EXT,
        // Kubernetes objects of the aquasecurity.github.io group (VulnerabilityReport, ConfigAuditReport,
        // ExposedSecretReport, ClusterComplianceReport…), one, a list, or a map keyed by CRD name.
        match: json(anyOf(at('apiVersion', is(/^aquasecurity\.github\.io\//)), arrayOf({ allowEmpty: false }, at('apiVersion', is(/^aquasecurity\.github\.io\//))), at('items', arrayOf({ allowEmpty: false }, at('apiVersion', is(/^aquasecurity\.github\.io\//)))), keysMatching(/\.aquasecurity\.github\.io$/)))
    },
    {
        id: 'anchore-grype-json',
        scanType: 'Anchore Grype',
        format: 'Grype JSON',
        tool: 'grype',
        extensions: JSON_EXT,
        // `grype -o json`: matches[] of {vulnerability, matchDetails, artifact}, source, distro, descriptor {name: grype}.
        match: json(has('matches'), anyOf(at('descriptor.name', is('grype')), allOf(lacks('descriptor'), at('matches', arrayOf({ allowEmpty: false }, has('vulnerability', 'matchDetails', 'artifact'))))))
    },
    {
        id: 'xeol-json',
        scanType: 'Xeol Parser',
        format: 'Xeol JSON',
        tool: 'xeol',
        extensions: JSON_EXT,
        // Grype's sibling for end-of-life: same envelope, descriptor {name: xeol}, matches[] of {Cycle, Package}.
        match: json(has('matches'), anyOf(at('descriptor.name', is('xeol')), at('matches', arrayOf({ allowEmpty: false }, has('Cycle', 'Package')))))
    },
    {
        id: 'anchore-engine-json',
        scanType: 'Anchore Engine Scan',
        format: 'Anchore Engine vulnerabilities JSON',
        tool: 'anchore',
        extensions: JSON_EXT,
        match: anyOf(json(has('vulnerabilities'), hasAfter('vulnerabilities', 'vulnerability_type'), anyOf(has('imageDigest'), has('image_digest'))), json(has('metadata', 'securityEvaluation')))
    },
    {
        id: 'anchore-enterprise-policy',
        scanType: 'Anchore Enterprise Policy Check',
        format: 'Anchore policy evaluation JSON',
        tool: 'anchore',
        extensions: JSON_EXT,
        // [{"sha256:<digest>": {"<tag>": [{detail: {policy, result: {result…}}, policyId, status}]}}].
        match: json(arrayOf({ allowEmpty: false }, keysMatching(/^sha256:[0-9a-f]{64}$/), valuesOf({ allowEmpty: false }, valuesOf({ allowEmpty: false }, arrayOf({ allowEmpty: false }, has('detail', 'policyId', 'status'), at('detail.result', has('result')))))))
    },
    {
        id: 'anchorectl-policies-json',
        scanType: 'AnchoreCTL Policies Report',
        format: 'anchorectl policy evaluation JSON',
        tool: 'anchorectl',
        extensions: JSON_EXT,
        match: anyOf(json(arrayOf({ allowEmpty: true }, has('detail', 'digest', 'finalAction', 'policyId', 'status', 'tag'))), json(has('evaluatedTag', 'policyId', 'imageDigest', 'evaluations'))),
        nameHint: /polic/i
    },
    {
        id: 'anchorectl-vulns-json',
        scanType: 'AnchoreCTL Vuln Report',
        format: 'anchorectl image vulnerabilities JSON',
        tool: 'anchorectl',
        extensions: JSON_EXT,
        match: json(arrayOf({ allowEmpty: true }, has('feed', 'feedGroup', 'packageName', 'packageVersion', 'severity', 'vuln'))),
        nameHint: /anchore.*vuln|vuln.*anchore|anchorectl/i
    },
    {
        id: 'aqua-json',
        scanType: 'Aqua Scan',
        format: 'Aqua scanner / API JSON',
        tool: 'aqua',
        extensions: JSON_EXT,
        match: anyOf(
        // scannercli: {image, digest, os, resources[], vulnerability_summary, image_assurance_results}.
        json(has('image', 'resources'), hasAfter('resources', 'vulnerability_summary')), 
        // Aqua DevOps (CI): [{image_name, results: {…scannercli…}}].
        json(arrayOf({ allowEmpty: false }, has('image_name', 'results'), at('results', has('resources')))), 
        // API v1: {image_name, registry, cves[], cves_counts}.
        json(has('image_name', 'cves', 'cves_counts')), 
        // API v2 risk vulnerabilities: {count, page, pagesize, result[], query}.
        json(has('count', 'page', 'pagesize', 'result'), at('result', arrayOf({ allowEmpty: true }, has('name', 'aqua_severity')))))
    },
    {
        id: 'clair-json',
        scanType: 'Clair Scan',
        format: 'Clair / clair-scanner JSON',
        tool: 'clair',
        extensions: JSON_EXT,
        match: json(has('image', 'unapproved', 'vulnerabilities'))
    },
    {
        id: 'clair-klar-json',
        scanType: 'Clair Scan',
        format: 'Klar (Clair) JSON',
        tool: 'clair',
        extensions: JSON_EXT,
        // 0197_parser_merge: the Clair Klar parser became this format's part of the Clair one.
        formerly: 'Clair Klar Scan',
        match: json(has('LayerCount', 'Vulnerabilities'))
    },
    {
        id: 'dockle-json',
        scanType: 'Dockle Scan',
        format: 'Dockle JSON',
        tool: 'dockle',
        extensions: JSON_EXT,
        match: json(has('summary', 'details'), at('summary', has('fatal', 'warn', 'info', 'pass')))
    },
    {
        id: 'dockerbench-json',
        scanType: 'docker-bench-security Scan',
        format: 'docker-bench-security JSON',
        tool: 'docker-bench',
        extensions: JSON_EXT,
        match: json(has('dockerbenchsecurity', 'tests'), hasAfter('tests', 'checks', 'score'))
    },
    {
        id: 'hadolint-json',
        scanType: 'Hadolint Dockerfile check',
        format: 'Hadolint JSON',
        tool: 'hadolint',
        extensions: JSON_EXT,
        // `hadolint -f json`: [{line, code, message, column, file, level}]; a clean run prints []. Its
        // codes are strings (DL3008, and SC2086 for the ShellCheck rules it runs), which the parser
        // joins into the title; ShellCheck's own JSON has numbers there and endLine/endColumn/fix.
        match: json(arrayOf({ allowEmpty: true }, has('line', 'code', 'message', 'column', 'file', 'level'), at('code', string), lacks('endLine', 'endColumn', 'fix'))),
        nameHint: /hadolint|dockerfile/i
    },
    {
        id: 'harbor-json',
        scanType: 'Harbor Vulnerability Scan',
        format: 'Harbor vulnerability report',
        tool: 'harbor',
        extensions: JSON_EXT,
        match: anyOf(
        // Keyed by the report MIME type, or the report itself.
        json(keysMatching(/^application\/vnd\.(scanner\.adapter|security)\.vuln/)), json(has('generated_at', 'scanner', 'severity', 'vulnerabilities'), at('scanner', has('name', 'vendor', 'version'))))
    },
    {
        id: 'jfrog-xray-json',
        scanType: 'JFrog Xray Scan',
        format: 'JFrog Xray violations JSON',
        tool: 'jfrog-xray',
        extensions: JSON_EXT,
        match: json(has('total_count', 'data'), at('data', arrayOf({ allowEmpty: true }, has('component', 'issue_type', 'provider'))))
    },
    {
        id: 'jfrog-xray-unified-json',
        scanType: 'JFrog Xray Unified Scan',
        format: 'JFrog Xray vulnerabilities report',
        tool: 'jfrog-xray',
        extensions: JSON_EXT,
        match: json(has('total_rows', 'rows'), at('rows', arrayOf({ allowEmpty: true }, has('vulnerable_component', 'impacted_artifact', 'issue_id'))))
    },
    {
        id: 'jfrog-xray-summary-artifact-json',
        scanType: 'JFrog Xray API Summary Artifact Scan',
        format: 'JFrog Xray summary/artifact (API)',
        tool: 'jfrog-xray',
        extensions: JSON_EXT,
        match: json(has('artifacts'), at('artifacts', arrayOf({ allowEmpty: true }, has('general', 'issues'))))
    },
    {
        id: 'jfrog-xray-on-demand-json',
        scanType: 'JFrog Xray On Demand Binary Scan',
        format: 'jf scan JSON',
        tool: 'jfrog-xray',
        extensions: JSON_EXT,
        match: json(arrayOf({ allowEmpty: false }, has('scan_id', 'component_id', 'package_type', 'status')))
    },
    {
        id: 'neuvector-json',
        scanType: 'NeuVector (REST)',
        format: 'NeuVector scan report (REST)',
        tool: 'neuvector',
        extensions: JSON_EXT,
        match: json(has('report'), lacks('apiVersion', 'kind', 'metadata'), at('report', has('vulnerabilities')), at('report', anyOf(has('modules'), has('checks'), has('registry'), has('repository'), 
        // A long vulnerability list cut before modules, checks …: the vulnerabilities' own shape.
        allOf(hasAfter('vulnerabilities', 'modules'), at('vulnerabilities', arrayOf({ allowEmpty: false }, has('name', 'severity', 'package_name', 'package_version')))))))
    },
    {
        id: 'neuvector-compliance-json',
        scanType: 'NeuVector (compliance)',
        format: 'NeuVector compliance report',
        tool: 'neuvector',
        extensions: JSON_EXT,
        match: json(has('items'), anyOf(has('kubernetes_cis_version'), has('docker_cis_version')))
    },
    {
        id: 'twistlock-json',
        scanType: 'Twistlock Image Scan',
        format: 'twistcli / Prisma Cloud JSON',
        tool: 'twistlock',
        extensions: JSON_EXT,
        // `twistcli images scan --output-file`: {results: [{id, distro|name, vulnerabilities, compliances, …}]}.
        match: json(has('results'), at('results', arrayOf({ allowEmpty: false }, has('id'), anyOf(has('vulnerabilities'), has('compliances')), anyOf(has('distro'), has('vulnerabilityDistribution')))))
    },
    {
        id: 'twistlock-csv',
        scanType: 'Twistlock Image Scan',
        format: 'Prisma Cloud (Twistlock) CSV',
        tool: 'twistlock',
        extensions: CSV_EXT,
        match: csv('Registry', 'Repository', 'Tag', 'Id', 'Distro', 'CVE ID', 'Compliance ID', 'Severity', 'Packages')
    },
    {
        id: 'gitlab-container-scanning',
        scanType: 'GitLab Container Scan',
        format: 'GitLab container scanning report',
        tool: 'gitlab-container-scanning',
        extensions: JSON_EXT,
        match: gitlab('container_scanning')
    },
    {
        id: 'gcloud-artifact-scan-json',
        scanType: 'Google Cloud Artifact Vulnerability Scan',
        format: 'gcloud artifacts docker images describe --show-package-vulnerability',
        tool: 'gcloud',
        extensions: JSON_EXT,
        match: json(has('image_summary', 'package_vulnerability_summary'))
    },
    {
        id: 'sysdig-cli-json',
        scanType: 'Sysdig CLI Report',
        format: 'sysdig-cli-scanner JSON',
        tool: 'sysdig',
        extensions: JSON_EXT,
        match: json(has('info', 'scanner', 'result'), at('result', has('metadata', 'packages')))
    },
    {
        id: 'sysdig-cli-csv',
        scanType: 'Sysdig CLI Report',
        format: 'sysdig-cli-scanner CSV',
        tool: 'sysdig',
        extensions: CSV_EXT,
        match: csv('CVE ID', 'CVE Severity', 'Package Name', 'Package Version', 'Package Path', 'Fix Version')
    },
    {
        id: 'sysdig-reports-json',
        scanType: 'Sysdig Vulnerability Report',
        format: 'Sysdig vulnerability report JSON',
        tool: 'sysdig',
        extensions: JSON_EXT,
        match: anyOf(json(has('data'), at('data', arrayOf({ allowEmpty: false }, has('vulnName', 'vulnSeverity', 'packageName')))), 
        // Report definitions with their data: {name, schedule, zones, panels: [{type, filters, data}]}.
        json(has('schedule', 'zones', 'panels'), at('panels', arrayOf({ allowEmpty: false }, has('type', 'filters', 'data')))))
    },
    {
        id: 'sysdig-reports-csv',
        scanType: 'Sysdig Vulnerability Report',
        format: 'Sysdig vulnerability report CSV',
        tool: 'sysdig',
        extensions: CSV_EXT,
        match: anyOf(csv('Vulnerability ID', 'Severity', 'Package name', 'Package version', 'Package type', 'Package path', 'Image'), csv('Vulnerability Name', 'Vulnerability Severity', 'Package Name', 'Package Version', 'Package Type', 'Image Name'))
    },
    {
        id: 'wizcli-img-json',
        scanType: 'Wizcli Img Scan',
        format: 'wizcli docker scan JSON',
        tool: 'wizcli',
        extensions: JSON_EXT,
        // wizcli's JSON names its scan origin: a container image, a directory, or IaC files.
        match: json(has('scanOriginResource', 'result', 'policies'), at('scanOriginResource.__typename', is('CICDScanOriginContainerImage')))
    },
    // Excel workbooks: two parsers read .xlsx. DSOP's opens five named sheets (and fails without any of
    // them); Deepfence's reads the active sheet by its header row.
    {
        id: 'dsop-xlsx',
        scanType: 'DSOP Scan',
        format: 'DSOP Excel',
        tool: 'dsop',
        extensions: ['.xlsx'],
        match: xlsxSheets(...DSOP_SHEETS),
        nameHint: /dsop/i
    },
    {
        id: 'deepfence-xlsx',
        scanType: 'Deepfence Threatmapper Report',
        format: 'Deepfence ThreatMapper Excel',
        tool: 'threatmapper',
        extensions: ['.xlsx'],
        // The header columns by which the parser tells a malware, secret, vulnerability or compliance
        // report (the old and the new export); any other sheet it reads as no findings.
        match: allOf(xlsxLacksSheets(DSOP_SHEETS[0]), anyOf(xlsxHeader('Rule Name', 'Class'), xlsxHeader('Rule Name', 'Node Type'), xlsxHeader('Filename', 'Content'), xlsxHeader('cve_id', 'cve_attack_vector'), xlsxHeader('CVE ID', 'Attack Vector'), xlsxHeader('compliance_check_type', 'test_number'), xlsxHeader('Compliance Standard', 'Control ID'))),
        nameHint: /deepfence|threat.?mapper/i
    },
    {
        id: 'deepfence-xlsx-unread',
        scanType: 'Deepfence Threatmapper Report',
        format: 'Excel workbook',
        tool: 'threatmapper',
        extensions: ['.xlsx'],
        // A workbook whose sheet list or header row lies beyond the bounded read: only a name can say.
        match: anyOf(xlsxSheetsUnread, allOf(xlsxHeaderUnread, xlsxLacksSheets(DSOP_SHEETS[0]))),
        nameHint: /deepfence|threat.?mapper/i
    },
    {
        id: 'dsop-xlsx-unread',
        scanType: 'DSOP Scan',
        format: 'Excel workbook',
        tool: 'dsop',
        extensions: ['.xlsx'],
        match: xlsxSheetsUnread,
        nameHint: /dsop/i
    }
]);

;// CONCATENATED MODULE: ./src/recognition/formats/dast.ts
// The DAST lane of the format table: web, API and network scanners (ZAP, Burp, Nuclei, Nmap…).


/** The header of a Qualys PCI scan CSV (HackerGuardian's too), with the columns both parsers read. */
const QUALYS_PCI_COLUMNS = ['IP', 'HOSTNAME', 'LAST SCAN', 'QID', 'VULN TITLE', 'IS_PCI', 'CVSS_BASE', 'SEVERITY', 'Q_SEVERITY', 'THREAT', 'IMPACT', 'SOLUTION'];
/** The fields of a RiskRecon finding that DefectDojo's parser joins into title and description. */
const RISK_RECON_FIELDS = ['vendor', 'finding', 'domain_name', 'ip_address', 'finding_id', 'finding_context', 'finding_data_value', 'hosting_provider', 'host_name', 'security_domain', 'security_criteria', 'asset_value', 'country_name', 'priority', 'first_seen'];
/** The export envelope of Acunetix 360, Invicti and Netsparker. */
const A360_ENVELOPE = [has('Generated', 'Target', 'Vulnerabilities'), at('Target', has('ScanId', 'Url'))];
/** A vulnerability as DefectDojo's Invicti/Netsparker parser reads it: Classification must be an object. */
const INVICTI_ITEM = allOf(has('Name', 'Severity', 'Url', 'HttpRequest', 'HttpResponse'), at('Classification', object));
/** A vulnerability as its Acunetix parser reads it: these keys are read without a default. */
const ACUNETIX360_ITEM = has('Name', 'Severity', 'Url', 'Classification', 'RemedialProcedure', 'RemedyReferences', 'Impact', 'State', 'HttpRequest', 'HttpResponse');
/** A drHEADer rule result: {rule, message, severity} and only the documented optional keys. */
const DRHEADER_ITEM = allOf(has('rule', 'severity', 'message'), onlyKeys('rule', 'severity', 'message', 'value', 'expected', 'delimiter', 'anomaly', 'anomalies', 'avoid'));
const DAST = lane('dast', [
    {
        id: 'zap-xml',
        scanType: 'ZAP Scan',
        format: 'ZAP XML',
        tool: 'zap',
        // The ZAP parser raises unless the uploaded name ends with lower-case `.xml` (docs/defectdojo-api.md §0).
        extensions: ['.xml'],
        // A clean scan has a report element without <site> children.
        match: xml('OWASPZAPReport', attr('version')),
        nameHint: /zap/i
    },
    {
        id: 'acunetix-xml',
        scanType: 'Acunetix Scan',
        format: 'Acunetix XML export',
        tool: 'acunetix',
        extensions: XML_EXT,
        match: xml('ScanGroup', child('Scan', anyOf(child('StartURL'), child('ReportItems'))))
    },
    // Acunetix 360, Invicti and Netsparker export one JSON format (Generated, Target, Vulnerabilities)
    // read by two DefectDojo parsers: Acunetix's, and the one Invicti and Netsparker share. What each
    // parser needs tells them apart; where both read a report alike the Invicti row is chosen (twinOf).
    {
        id: 'acunetix-json',
        scanType: 'Acunetix Scan',
        format: 'Acunetix 360 JSON',
        tool: 'acunetix',
        extensions: JSON_EXT,
        // 0208_merge_acunetix: the Acunetix360 parser became this format's part of the Acunetix one.
        formerly: 'Acunetix360 Scan',
        // The Acunetix parser reads Generated as a date (the "(UTC-06:00)" suffix Netsparker writes is not
        // one) and every key below without a default; it accepts Classification: null, which Acunetix
        // 360 writes for some issues and the Invicti parser crashes on.
        match: json(...A360_ENVELOPE, at('Generated', string, not(is(/\(UTC[+-]/))), at('Vulnerabilities', every({ allowEmpty: true }, ACUNETIX360_ITEM))),
        nameHint: /acunetix/i,
        twinOf: 'invicti-json'
    },
    {
        id: 'invicti-json',
        scanType: 'Invicti Scan',
        format: 'Invicti (Netsparker) JSON',
        tool: 'invicti',
        extensions: JSON_EXT,
        // The Invicti/Netsparker parser needs a Classification object on every vulnerability.
        match: json(...A360_ENVELOPE, at('Vulnerabilities', every({ allowEmpty: true }, INVICTI_ITEM))),
        nameHint: /invicti/i
    },
    {
        id: 'netsparker-json',
        scanType: 'Netsparker Scan',
        format: 'Netsparker JSON',
        tool: 'netsparker',
        extensions: JSON_EXT,
        // Netsparker is Invicti's former name; DefectDojo's Invicti parser is Netsparker's.
        match: json(...A360_ENVELOPE, at('Vulnerabilities', every({ allowEmpty: true }, INVICTI_ITEM))),
        nameHint: /netsparker/i,
        twinOf: 'invicti-json'
    },
    {
        id: 'appspider-xml',
        scanType: 'AppSpider Scan',
        format: 'AppSpider VulnSummary XML',
        tool: 'appspider',
        extensions: XML_EXT,
        match: xml('VulnSummary', anyOf(child('VulnList'), child('ScanName')))
    },
    {
        id: 'appcheck-json',
        scanType: 'AppCheck Web Application Scanner',
        format: 'AppCheck JSON',
        tool: 'appcheck',
        extensions: JSON_EXT,
        match: json(has('items'), hasAfter('items', 'hosts'), at('items', arrayOf({ allowEmpty: true }, has('cvss_base_score', 'first_detected_at', 'meta')))),
        nameHint: /appcheck/i
    },
    {
        id: 'arachni-json',
        scanType: 'Arachni Scan',
        format: 'Arachni JSON (AFR report)',
        tool: 'arachni',
        extensions: JSON_EXT,
        match: json(has('version', 'seed', 'options'), anyOf(has('sitemap'), has('issues')), at('options', has('url')))
    },
    {
        id: 'burp-xml',
        scanType: 'Burp Scan',
        format: 'Burp Suite issues XML',
        tool: 'burp',
        extensions: XML_EXT,
        match: xml('issues', attr('burpVersion'))
    },
    {
        id: 'burp-rest-api-json',
        scanType: 'Burp REST API',
        format: 'Burp REST API scan status',
        tool: 'burp',
        extensions: JSON_EXT,
        match: json(anyOf(has('task_id', 'scan_status', 'issue_events'), 
        // Burp writes task_id and scan_status after the issue events, beyond the head of a long report.
        allOf(has('scan_metrics', 'issue_events'), hasAfter('issue_events', 'task_id', 'scan_status'), at('issue_events', arrayOf({ allowEmpty: false }, has('id', 'type', 'issue'))))))
    },
    {
        id: 'burp-graphql-json',
        scanType: 'Burp GraphQL API',
        format: 'Burp Enterprise GraphQL issues',
        tool: 'burp',
        extensions: JSON_EXT,
        // {Issues: [{issue_type, description_html, remediation_html, severity, path, origin, evidence}]} (no gosec Stats).
        // Every issue needs issue_type.name (the parser rejects a report with a nameless issue).
        match: json(has('Issues'), lacks('Stats'), at('Issues', arrayOf({ allowEmpty: true }, has('issue_type', 'severity', 'path', 'origin'), at('issue_type.name', string))))
    },
    {
        id: 'burp-dastardly-xml',
        scanType: 'Burp Dastardly Scan',
        format: 'Dastardly JUnit XML',
        tool: 'dastardly',
        extensions: XML_EXT,
        // Dastardly writes JUnit XML whose suites are named "Dastardly scan results…".
        match: xml(/^testsuites?$/, attr('name', /Dastardly/))
    },
    {
        id: 'burp-suite-dast-html',
        scanType: 'Burp Suite DAST Scan',
        format: 'Burp Suite DAST (Enterprise) HTML report',
        tool: 'burp',
        extensions: ['.html'],
        match: matchers_htmlTitle(/^Scan Remediation Report #\d+$/)
    },
    {
        id: 'crashtest-json',
        scanType: 'Crashtest Security JSON File',
        format: 'Crashtest Security JSON',
        tool: 'crashtest',
        extensions: JSON_EXT,
        match: json(anyOf(has('findings', 'descriptions'), at('data', has('findings', 'descriptions'))), anyOf(at('findings', object), at('data.findings', object)))
    },
    {
        id: 'drheader-json',
        scanType: 'DrHeader JSON Importer',
        format: 'drHEADer JSON',
        tool: 'drheader',
        extensions: JSON_EXT,
        match: json(anyOf(arrayOf({ allowEmpty: false }, DRHEADER_ITEM), arrayOf({ allowEmpty: false }, has('url', 'report'), at('report', arrayOf({ allowEmpty: true }, DRHEADER_ITEM)))))
    },
    {
        id: 'dirsearch-json',
        scanType: 'Dirsearch Scan',
        format: 'dirsearch JSON',
        tool: 'dirsearch',
        extensions: JSON_EXT,
        match: json(has('info', 'results'), at('info', has('args')), at('results', arrayOf({ allowEmpty: true }, has('url', 'status'))))
    },
    {
        id: 'ffuf-json',
        scanType: 'ffuf Scan',
        format: 'ffuf JSON',
        tool: 'ffuf',
        extensions: JSON_EXT,
        match: json(has('commandline', 'time', 'results'), hasAfter('results', 'config'))
    },
    {
        id: 'gobuster-text',
        scanType: 'Gobuster Scan',
        format: 'gobuster dir output',
        tool: 'gobuster',
        extensions: TXT_EXT,
        // One "path (Status: NNN) [Size: N]" line per hit.
        match: anyOf(everyLine(/^\S.*\s\(Status: \d{3}\)( \[Size: \d+\])?( \[--> .*\])?\s*$/))
    },
    {
        id: 'gitlab-dast',
        scanType: 'GitLab DAST Report',
        format: 'GitLab DAST report',
        tool: 'gitlab-dast',
        extensions: JSON_EXT,
        // The schema's DAST vulnerabilities carry location {hostname, method, path}: that tells a report
        // without version and scan (written by older tools) too.
        match: anyOf(gitlab('dast'), json(has('vulnerabilities'), lacks('version'), at('vulnerabilities', arrayOf({ allowEmpty: false }, has('id', 'location'), at('location', has('hostname', 'method')))))),
        nameHint: /dast/i
    },
    {
        id: 'gitlab-api-fuzzing',
        scanType: 'GitLab API Fuzzing Report Scan',
        format: 'GitLab API fuzzing report',
        tool: 'gitlab-api-fuzzing',
        extensions: JSON_EXT,
        // API fuzzing and coverage fuzzing share the schema; a report without vulnerabilities[] is rejected.
        match: allOf(anyOf(gitlab('api_fuzzing'), gitlab('coverage_fuzzing')), json(has('vulnerabilities')))
    },
    {
        id: 'httpx-json',
        scanType: 'httpx Scan',
        format: 'httpx JSON lines',
        tool: 'httpx',
        extensions: JSON_EXT,
        match: objectOrLines(has('url', 'input', 'scheme', 'host', 'status_code', 'timestamp'), lacks('template-id', 'templateID'))
    },
    {
        id: 'humble-json',
        scanType: 'Humble Json Importer',
        format: 'humble JSON',
        tool: 'humble',
        extensions: JSON_EXT,
        match: json(hasKeyMatching(/^\[0\. Info\]$/), hasKeyMatching(/^\[1\. Missing HTTP Security Headers\]$/))
    },
    {
        id: 'hydra-json',
        scanType: 'Hydra Scan',
        format: 'THC Hydra JSON',
        tool: 'hydra',
        extensions: JSON_EXT,
        match: json(has('generator', 'quantityfound', 'results'), hasAfter('results', 'success'), at('generator', has('software', 'version')))
    },
    {
        id: 'immuniweb-xml',
        scanType: 'Immuniweb Scan',
        format: 'ImmuniWeb XML',
        tool: 'immuniweb',
        extensions: XML_EXT,
        match: xml('Vulnerabilities', anyOf(child('Vulnerability', child('CWE-ID')), noChild('Vulnerability'))),
        nameHint: /immuniweb/i
    },
    {
        id: 'immuniweb-json',
        scanType: 'Immuniweb Scan',
        format: 'ImmuniWeb Discovery JSON',
        tool: 'immuniweb',
        extensions: JSON_EXT,
        match: json(has('domains', 'webapps', 'mobileapps', 'cloud', 'network'))
    },
    {
        id: 'krakend-audit-json',
        scanType: 'KrakenD Audit Scan',
        format: 'krakend audit JSON',
        tool: 'krakend',
        extensions: JSON_EXT,
        match: json(has('recommendations'), hasAfter('recommendations', 'stats'), at('recommendations', arrayOf({ allowEmpty: true }, has('rule', 'severity', 'message'))))
    },
    {
        id: 'masscan-json',
        scanType: 'Masscan Scan',
        format: 'masscan JSON',
        tool: 'masscan',
        extensions: JSON_EXT,
        match: json(arrayOf({ allowEmpty: false }, has('ip', 'timestamp', 'ports'), at('ports', arrayOf({ allowEmpty: true }, has('port', 'proto', 'status')))))
    },
    {
        id: 'microfocus-webinspect-xml',
        scanType: 'Microfocus Webinspect Scan',
        format: 'WebInspect sessions XML',
        tool: 'webinspect',
        extensions: XML_EXT,
        match: xml('Sessions', child('Session', anyOf(child('URL'), child('Issues'))))
    },
    {
        id: 'mozilla-observatory-json',
        scanType: 'Mozilla Observatory Scan',
        format: 'Mozilla Observatory JSON',
        tool: 'observatory',
        extensions: JSON_EXT,
        match: anyOf(json(has('scan', 'tests'), at('scan', has('grade', 'score'))), json(valuesOf({ allowEmpty: false }, has('expectation', 'name', 'pass', 'result', 'score_modifier'))))
    },
    {
        id: 'naabu-json',
        scanType: 'Naabu Scan',
        format: 'naabu JSON lines',
        tool: 'naabu',
        extensions: JSON_EXT,
        match: objectOrLines(has('ip', 'port', 'timestamp'), lacks('ports', 'url'), anyOf(has('protocol'), has('host')))
    },
    {
        id: 'nettacker-json',
        scanType: 'Nettacker Scan',
        format: 'OWASP Nettacker JSON',
        tool: 'nettacker',
        extensions: JSON_EXT,
        match: json(arrayOf({ allowEmpty: false }, has('scan_id', 'target', 'module_name', 'event', 'json_event')))
    },
    {
        id: 'nexpose-xml',
        scanType: 'Nexpose Scan',
        format: 'Nexpose XML 2.0',
        tool: 'nexpose',
        extensions: XML_EXT,
        match: xml('NexposeReport', anyOf(child('scans'), child('nodes')))
    },
    {
        id: 'nikto-xml',
        scanType: 'Nikto Scan',
        format: 'Nikto XML',
        tool: 'nikto',
        // The parser branches on the name: .xml is read as XML, .json as JSON.
        extensions: XML_EXT,
        match: xml('niktoscan')
    },
    {
        id: 'nikto-json',
        scanType: 'Nikto Scan',
        format: 'Nikto JSON',
        tool: 'nikto',
        extensions: JSON_EXT,
        match: json(anyOf(has('host', 'ip', 'port', 'banner', 'vulnerabilities'), arrayOf({ allowEmpty: false }, has('host', 'ip', 'port', 'banner', 'vulnerabilities'))))
    },
    {
        id: 'nmap-xml',
        scanType: 'Nmap Scan',
        format: 'Nmap XML',
        tool: 'nmap',
        extensions: XML_EXT,
        match: xml('nmaprun', attr('scanner'))
    },
    {
        id: 'nuclei-json',
        scanType: 'Nuclei Scan',
        format: 'Nuclei JSON / JSON lines',
        tool: 'nuclei',
        extensions: JSON_EXT,
        // Nuclei results: {template-id|templateID, info: {name, severity}, type, host, matched-at|matched}.
        match: findings(anyOf(has('template-id'), has('templateID')), has('info', 'type'), anyOf(has('matched-at'), has('matched'), has('host'))),
        nameHint: /nuclei/i
    },
    {
        id: 'openvas-xml',
        scanType: 'OpenVAS Parser',
        format: 'OpenVAS / Greenbone XML report',
        tool: 'openvas',
        extensions: XML_EXT,
        // 0197_parser_merge: OpenVAS XML and OpenVAS CSV became one parser.
        formerly: 'OpenVAS XML',
        match: xml('report', attr('format_id'), child('report'))
    },
    {
        id: 'openvas-csv',
        scanType: 'OpenVAS Parser',
        format: 'OpenVAS / Greenbone CSV results',
        tool: 'openvas',
        extensions: CSV_EXT,
        formerly: 'OpenVAS CSV',
        match: csv('IP', 'Hostname', 'Port', 'Port Protocol', 'CVSS', 'Severity', 'NVT Name', 'NVT OID')
    },
    {
        id: 'outpost24-xml',
        scanType: 'Outpost24 Scan',
        format: 'Outpost24 XML',
        tool: 'outpost24',
        extensions: XML_EXT,
        match: xml('main', child('reportinfo'), child('hostlist'))
    },
    {
        id: 'qualys-xml',
        scanType: 'Qualys Scan',
        format: 'Qualys asset data report XML',
        tool: 'qualys',
        extensions: XML_EXT,
        match: xml('ASSET_DATA_REPORT', child('HEADER'))
    },
    {
        id: 'qualys-csv',
        scanType: 'Qualys Scan',
        format: 'Qualys scan results CSV',
        tool: 'qualys',
        extensions: CSV_EXT,
        match: csv('IP', 'DNS', 'NetBIOS', 'QID', 'Title', 'Vuln Status', 'Severity')
    },
    // Qualys PCI and HackerGuardian PCI exports share one header. The Qualys parser uses SEVERITY as the
    // finding's severity, so it reads only full words (HackerGuardian writes "M"); the HackerGuardian
    // parser maps Q_SEVERITY 1-5. Where both read a report, the Qualys row is chosen (twinOf).
    {
        id: 'qualys-pci-csv',
        scanType: 'Qualys Scan',
        format: 'Qualys PCI scan CSV',
        tool: 'qualys',
        extensions: CSV_EXT,
        match: allOf(csv(...QUALYS_PCI_COLUMNS), csvValues('SEVERITY', /^(Critical|High|Medium|Low|Info|info.*|none)$/i)),
        nameHint: /qualys/i
    },
    {
        id: 'qualys-hacker-guardian-csv',
        scanType: 'Qualys Hacker Guardian Scan',
        format: 'HackerGuardian PCI scan CSV',
        tool: 'hackerguardian',
        extensions: CSV_EXT,
        // The parser looks Q_SEVERITY up in 1-5 and reads LAST SCAN as a date.
        match: allOf(csv(...QUALYS_PCI_COLUMNS), csvValues('Q_SEVERITY', /^[1-5]$/), csvValues('LAST SCAN', /\d/)),
        nameHint: /hacker.?guardian/i,
        twinOf: 'qualys-pci-csv'
    },
    {
        id: 'qualys-infrascan-xml',
        scanType: 'Qualys Infrastructure Scan (WebGUI XML)',
        format: 'Qualys scan XML (WebGUI)',
        tool: 'qualys',
        extensions: XML_EXT,
        match: xml('SCAN', attr('value'), child('HEADER'))
    },
    {
        id: 'qualys-webapp-xml',
        scanType: 'Qualys Webapp Scan',
        format: 'Qualys WAS scan report XML',
        tool: 'qualys-was',
        extensions: XML_EXT,
        match: xml('WAS_SCAN_REPORT', child('HEADER'))
    },
    {
        id: 'qualys-vmdr-csv',
        scanType: 'Qualys VMDR',
        format: 'Qualys VMDR CSV',
        tool: 'qualys-vmdr',
        extensions: CSV_EXT,
        // VMDR exports start with a few report-identification rows before the header row.
        match: anyOf(csvWithin(12, 'QID', 'Title', 'Severity', 'Asset Id', 'Asset Name', 'Asset IPV4'), csvWithin(12, 'QID', 'Title', 'Severity', 'Asset ID', 'Asset Name', 'Asset IPV4'))
    },
    {
        id: 'rapplex-json',
        scanType: 'Rapplex Scan',
        format: 'Rapplex JSON',
        tool: 'rapplex',
        extensions: JSON_EXT,
        match: json(has('ScanId', 'Target', 'ScanPolicy', 'Severities'))
    },
    {
        id: 'skf-csv',
        scanType: 'SKF Scan',
        format: 'OWASP SKF checklist CSV',
        tool: 'skf',
        extensions: CSV_EXT,
        match: csvExactly('title', 'description', 'mitigation')
    },
    {
        id: 'sqlmap-csv',
        scanType: 'Sqlmap Scan',
        format: 'sqlmap results CSV',
        tool: 'sqlmap',
        extensions: CSV_EXT,
        match: csv('Target URL', 'Place', 'Parameter', 'Technique(s)', 'Note(s)')
    },
    {
        id: 'sqlmap-log',
        scanType: 'Sqlmap Scan',
        format: 'sqlmap log',
        tool: 'sqlmap',
        extensions: ['.log'],
        match: textLines(/^sqlmap (identified|resumed) the following injection point\(s\)/m, 50)
    },
    {
        id: 'ssh-audit-json',
        scanType: 'SSH Audit Importer',
        format: 'ssh-audit JSON',
        tool: 'ssh-audit',
        extensions: JSON_EXT,
        match: json(has('banner', 'kex', 'key', 'enc', 'mac', 'target'))
    },
    {
        id: 'ssllabs-json',
        scanType: 'SSL Labs Scan',
        format: 'SSL Labs API JSON',
        tool: 'ssllabs',
        extensions: JSON_EXT,
        match: json(arrayOf({ allowEmpty: true }, has('host', 'port', 'protocol', 'endpoints', 'engineVersion', 'criteriaVersion'))),
        nameHint: /ssl.?labs/i
    },
    {
        id: 'sslscan-xml',
        scanType: 'Sslscan',
        format: 'sslscan XML',
        tool: 'sslscan',
        extensions: XML_EXT,
        match: xml('document', child('ssltest'))
    },
    {
        id: 'sslyze-xml',
        scanType: 'Sslyze Scan',
        format: 'SSLyze XML',
        tool: 'sslyze',
        extensions: XML_EXT,
        match: xml('document', attr('SSLyzeVersion'), child('results'))
    },
    {
        id: 'sslyze-json',
        scanType: 'SSLyze Scan (JSON)',
        format: 'SSLyze JSON',
        tool: 'sslyze',
        extensions: JSON_EXT,
        match: json(has('server_scan_results'), anyOf(has('sslyze_version'), at('server_scan_results', arrayOf({ allowEmpty: false }, anyOf(has('connectivity_status', 'network_configuration'), has('server_location', 'scan_result'), has('server_info', 'scan_commands_results'))))))
    },
    {
        id: 'stackhawk-json',
        scanType: 'StackHawk HawkScan',
        format: 'HawkScan webhook JSON',
        tool: 'stackhawk',
        extensions: JSON_EXT,
        match: json(has('service', 'scanCompleted'), at('scanCompleted', has('scan')), at('scanCompleted.scan', has('hawkscanVersion')))
    },
    {
        id: 'testssl-csv',
        scanType: 'Testssl Scan',
        format: 'testssl.sh CSV',
        tool: 'testssl',
        extensions: CSV_EXT,
        match: csv('id', 'fqdn/ip', 'port', 'severity', 'finding', 'cve', 'cwe')
    },
    {
        id: 'tenable-xml',
        scanType: 'Tenable Scan',
        format: 'Nessus XML (.nessus)',
        tool: 'nessus',
        // 0187_nessus_to_tenable. Not on the CSV row: it also matches Tenable exports the Nessus parser may not have read.
        formerly: 'Nessus Scan',
        // The parser reads XML for .xml/.nessus names.
        extensions: ['.nessus', '.xml'],
        match: xml('NessusClientData_v2')
    },
    {
        id: 'tenable-csv',
        scanType: 'Tenable Scan',
        format: 'Nessus / Tenable CSV',
        tool: 'nessus',
        extensions: CSV_EXT,
        match: anyOf(csv('Plugin ID', 'CVE', 'Risk', 'Host', 'Protocol', 'Port', 'Name'), csv('Plugin', 'Plugin Name', 'Family', 'Severity', 'IP Address', 'Protocol', 'Port'), csv('asset.display_ipv4_address', 'definition.id', 'definition.name'))
    },
    {
        id: 'trustwave-csv',
        scanType: 'Trustwave Scan (CSV)',
        format: 'Trustwave CSV',
        tool: 'trustwave',
        extensions: CSV_EXT,
        match: csv('Status', 'IP', 'Target Name', 'Domain', 'Vulnerability Name', 'Remediation', 'Severity', 'Evidence')
    },
    {
        id: 'trustwave-fusion-api',
        scanType: 'Trustwave Fusion API Scan',
        format: 'Trustwave Fusion findings (API)',
        tool: 'trustwave',
        extensions: JSON_EXT,
        match: json(has('items'), onlyKeys('items', 'lastPageNumber', 'pageNumber', 'pageSize', 'sorting', 'totalCount'), at('items', arrayOf({ allowEmpty: true }, has('customerId', 'assetId', 'kb', 'location'))))
    },
    {
        id: 'wapiti-xml',
        scanType: 'Wapiti Scan',
        format: 'Wapiti XML',
        tool: 'wapiti',
        extensions: XML_EXT,
        match: xml('report', child('report_infos'), child('vulnerabilities'))
    },
    {
        id: 'wfuzz-json',
        scanType: 'WFuzz JSON report',
        format: 'wfuzz JSON',
        tool: 'wfuzz',
        extensions: JSON_EXT,
        match: json(arrayOf({ allowEmpty: true }, has('chars', 'payload', 'lines', 'words', 'url', 'method'))),
        nameHint: /wfuzz/i
    },
    {
        id: 'whatweb-json',
        scanType: 'WhatWeb Scan',
        format: 'WhatWeb JSON',
        tool: 'whatweb',
        extensions: JSON_EXT,
        match: json(arrayOf({ allowEmpty: true }, has('target', 'http_status', 'plugins'))),
        nameHint: /whatweb/i
    },
    {
        id: 'whitehat-sentinel-json',
        scanType: 'WhiteHat Sentinel',
        format: 'WhiteHat Sentinel vulnerabilities (API)',
        tool: 'whitehat',
        extensions: JSON_EXT,
        // {collection: [...]}: the parser rejects an empty collection, so only a non-empty one is a report.
        match: json(has('collection'), at('collection', arrayOf({ allowEmpty: false }, has('class', 'site_name', 'severity'))))
    },
    {
        id: 'wpscan-json',
        scanType: 'Wpscan',
        format: 'WPScan JSON',
        tool: 'wpscan',
        extensions: JSON_EXT,
        match: json(has('banner', 'target_url'), lacks('scan_aborted'), anyOf(has('interesting_findings'), has('version'), has('plugins')))
    },
    {
        id: 'bugcrowd-csv',
        scanType: 'BugCrowd Scan',
        format: 'Bugcrowd submissions CSV',
        tool: 'bugcrowd',
        extensions: CSV_EXT,
        match: csv('reference_number', 'bounty_code', 'title', 'priority', 'vrt_lineage', 'bug_url')
    },
    {
        id: 'bugcrowd-api-json',
        scanType: 'Bugcrowd API Import',
        format: 'Bugcrowd submissions (API)',
        tool: 'bugcrowd',
        extensions: JSON_EXT,
        match: json(arrayOf({ allowEmpty: false }, has('id', 'type', 'attributes', 'relationships'), at('type', is('submission'))))
    },
    {
        id: 'cobalt-csv',
        scanType: 'Cobalt.io Scan',
        format: 'Cobalt.io findings CSV',
        tool: 'cobalt',
        extensions: CSV_EXT,
        match: csv('Token', 'Tag', 'Title', 'Type', 'CreatedAt', 'BrowserUrl', 'StepsToReproduce')
    },
    {
        id: 'cobalt-api-json',
        scanType: 'Cobalt.io API Import',
        format: 'Cobalt.io findings (API)',
        tool: 'cobalt',
        extensions: JSON_EXT,
        match: json(has('data'), onlyKeys('data', 'pagination'), at('data', arrayOf({ allowEmpty: true }, has('resource', 'links'), at('resource', has('id', 'severity', 'type_category')))))
    },
    {
        id: 'edgescan-api-json',
        scanType: 'Edgescan Scan',
        format: 'Edgescan vulnerabilities (API)',
        tool: 'edgescan',
        extensions: JSON_EXT,
        match: json(arrayOf({ allowEmpty: false }, has('id', 'asset_id', 'name', 'location', 'pci_compliance_status', 'severity')))
    },
    {
        id: 'hackerone-json',
        scanType: 'HackerOne Cases',
        format: 'HackerOne reports',
        tool: 'hackerone',
        extensions: JSON_EXT,
        match: anyOf(
        // API: {data: [{type: "report", attributes, relationships}], links}.
        json(has('data'), hasAfter('data', 'links'), at('data', arrayOf({ allowEmpty: true }, has('attributes', 'relationships'), at('type', is('report'))))), 
        // Bug bounty export: {findings: [{id, title, severity_rating, state, substate, weakness, reported_at}]}.
        json(has('findings'), at('findings', arrayOf({ allowEmpty: false }, has('severity_rating', 'substate', 'weakness', 'reported_at')))))
    },
    {
        id: 'hackerone-csv',
        scanType: 'HackerOne Cases',
        format: 'HackerOne bug bounty CSV',
        tool: 'hackerone',
        extensions: CSV_EXT,
        match: csv('id', 'title', 'severity_rating', 'state', 'substate', 'weakness', 'reported_at')
    },
    {
        id: 'risk-recon-findings-json',
        scanType: 'Risk Recon API Importer',
        format: 'RiskRecon findings JSON',
        tool: 'riskrecon',
        extensions: JSON_EXT,
        // {test: true, findings: [RiskRecon API findings]}: with `test` set the parser reads the findings
        // instead of calling the API, and joins every field below into the finding (none may be missing).
        match: json(has('test', 'findings'), at('test', is(true)), at('findings', every({ allowEmpty: true }, has(...RISK_RECON_FIELDS))))
    },
    {
        id: 'vulners-api-json',
        scanType: 'Vulners',
        format: 'Vulners audit (API)',
        tool: 'vulners',
        extensions: JSON_EXT,
        match: json(has('result', 'data'), at('data', anyOf(has('report', 'vulns'), allOf(hasAfter('report', 'vulns'), at('report', arrayOf({ allowEmpty: false }, has('vulnID', 'severity', 'agentip')))))))
    }
]);

;// CONCATENATED MODULE: ./src/recognition/formats/failed-runs.ts

const positive = (value) => (typeof value === 'number' && value > 0 ? ['a positive count'] : null);
const zero = (value) => (value === 0 ? ['zero'] : null);
const nonEmptyArray = (value) => (Array.isArray(value) && value.length > 0 ? ['a non-empty list'] : null);
const nonEmptyObject = (value) => (value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0 ? ['a non-empty object'] : null);
/** `semgrep --json` that found nothing because it scanned nothing: level-error errors, no results, no scanned path. */
const SEMGREP_FAILED = allOf(has('results', 'errors'), at('results', empty), at('errors', some(at('level', is('error')))), anyOf(lacks('paths'), at('paths', lacks('scanned')), at('paths.scanned', empty)));
/** `bandit -f json` whose every file failed to parse: errors, no results, no line of code counted. */
const BANDIT_FAILED = allOf(has('results', 'errors', 'metrics'), at('results', empty), at('errors', nonEmptyArray), at('metrics._totals.loc', zero));
/** `gosec -fmt=json` that could not build the packages: Golang errors, no issues, no line scanned. */
const GOSEC_FAILED = allOf(has('Issues', 'Stats'), at('Issues', empty), at('Golang errors', nonEmptyObject), at('Stats.lines', zero));
/** Checkov's bare summary when it could parse no file: parsing errors and no resource. */
const CHECKOV_FAILED = allOf(has('passed', 'failed', 'checkov_version'), anyOf(at('parsing_errors', positive), at('parsingerrors', positive)), anyOf(at('resource_count', zero), at('resourcecount', zero)));
/** `snyk test --json` when the test could not run: {ok: false, error, path}. */
const SNYK_FAILED = allOf(has('ok', 'error'), at('ok', is(false)), lacks('vulnerabilities'));
/** The scanner's own words for the reason: the first error message in the head, shortened. */
function firstMessage(head, pick) {
    if (head.syntax !== 'json' || !head.value || typeof head.value !== 'object')
        return null;
    const found = pick(head.value);
    if (typeof found !== 'string' || found.trim() === '')
        return null;
    const text = found.replace(/\s+/g, ' ').trim();
    return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

;// CONCATENATED MODULE: ./src/recognition/formats/iac.ts
// The IaC lane of the format table: infrastructure-as-code and Kubernetes configuration checks.



const IAC = lane('iac', [
    {
        id: 'checkov-json',
        scanType: 'Checkov Scan',
        format: 'Checkov JSON',
        tool: 'checkov',
        extensions: JSON_EXT,
        // `checkov -o json`: one {check_type, results: {passed_checks, failed_checks}, summary} per framework
        // (a single object, or a list when several frameworks ran); a run with nothing to scan prints the
        // bare summary {passed, failed, skipped, parsingerrors, resourcecount, checkov_version}.
        match: json(anyOf(allOf(has('check_type', 'results'), at('results', anyOf(has('failed_checks'), has('passed_checks')))), arrayOf({ allowEmpty: false }, has('check_type', 'results'), at('results', anyOf(has('failed_checks'), has('passed_checks')))), allOf(has('passed', 'failed', 'skipped', 'checkov_version'), not(CHECKOV_FAILED))))
    },
    {
        id: 'kics-json',
        scanType: 'KICS Scan',
        format: 'KICS JSON',
        tool: 'kics',
        extensions: JSON_EXT,
        // The parser needs "queries" (scan-types.tsv notes: missing → 500).
        match: json(has('queries', 'files_scanned', 'queries_total'))
    },
    {
        id: 'tfsec-json',
        scanType: 'TFSec Scan',
        format: 'tfsec JSON',
        tool: 'tfsec',
        extensions: JSON_EXT,
        match: json(has('results'), onlyKeys('results'), at('results', anyOf(isNull, arrayOf({ allowEmpty: true }, has('rule_id', 'location', 'severity'))))),
        nameHint: /tfsec/i
    },
    {
        id: 'terrascan-json',
        scanType: 'Terrascan Scan',
        format: 'Terrascan JSON',
        tool: 'terrascan',
        extensions: JSON_EXT,
        match: json(has('results'), at('results', has('violations'), hasAfter('violations', 'scan_summary')))
    },
    {
        id: 'cfn-lint-json',
        scanType: 'cfn-lint Scan',
        format: 'cfn-lint JSON',
        tool: 'cfn-lint',
        extensions: JSON_EXT,
        match: json(arrayOf({ allowEmpty: true }, has('Filename', 'Level', 'Location', 'Message', 'Rule'))),
        nameHint: /cfn.?lint/i
    },
    {
        id: 'cfn-nag-json',
        scanType: 'cfn-nag Scan',
        format: 'cfn_nag JSON',
        tool: 'cfn-nag',
        extensions: JSON_EXT,
        match: json(arrayOf({ allowEmpty: false }, has('filename', 'file_results'), at('file_results', has('violations'))))
    },
    {
        id: 'conftest-json',
        scanType: 'Conftest Scan',
        format: 'conftest JSON',
        tool: 'conftest',
        extensions: JSON_EXT,
        match: json(arrayOf({ allowEmpty: false }, has('filename', 'namespace', 'successes')))
    },
    {
        id: 'kube-bench-json',
        scanType: 'kube-bench Scan',
        format: 'kube-bench JSON',
        tool: 'kube-bench',
        extensions: JSON_EXT,
        match: json(anyOf(has('Controls', 'Totals'), arrayOf({ allowEmpty: false }, has('id', 'version', 'text', 'node_type', 'tests'))))
    },
    {
        id: 'kubeaudit-json',
        scanType: 'Kubeaudit Scan',
        format: 'kubeaudit JSON lines',
        tool: 'kubeaudit',
        extensions: JSON_EXT,
        match: objectOrLines(has('AuditResultName', 'ResourceKind', 'level', 'msg'))
    },
    {
        id: 'kubehunter-json',
        scanType: 'KubeHunter Scan',
        format: 'kube-hunter JSON',
        tool: 'kube-hunter',
        extensions: JSON_EXT,
        match: json(has('nodes', 'services', 'vulnerabilities'))
    },
    {
        id: 'kubelinter-json',
        scanType: 'KubeLinter Scan',
        format: 'kube-linter JSON',
        tool: 'kube-linter',
        extensions: JSON_EXT,
        match: json(has('Checks', 'Reports'), hasAfter('Reports', 'Summary'))
    },
    {
        id: 'kubescape-json',
        scanType: 'Kubescape JSON Importer',
        format: 'Kubescape JSON',
        tool: 'kubescape',
        extensions: JSON_EXT,
        match: json(has('generationTime', 'customerGUID', 'reportGUID'), anyOf(has('resources'), has('results'), has('summaryDetails')))
    },
    {
        id: 'polaris-json',
        scanType: 'Polaris Scan',
        format: 'Polaris audit JSON',
        tool: 'polaris',
        extensions: JSON_EXT,
        match: json(has('PolarisOutputVersion', 'Results'))
    },
    {
        id: 'popeye-json',
        scanType: 'Popeye Scan',
        format: 'Popeye JSON',
        tool: 'popeye',
        extensions: JSON_EXT,
        match: json(has('popeye'), at('popeye', has('score', 'grade')), at('popeye', anyOf(has('sanitizers'), has('sections'))))
    },
    {
        id: 'openreports-json',
        scanType: 'OpenReports',
        format: 'OpenReports (PolicyReport) JSON',
        tool: 'openreports',
        extensions: JSON_EXT,
        match: json(anyOf(at('apiVersion', is(/^(openreports\.io|wgpolicyk8s\.io)\//)), at('items', arrayOf({ allowEmpty: false }, at('apiVersion', is(/^(openreports\.io|wgpolicyk8s\.io)\//))))))
    },
    {
        id: 'wizcli-iac-json',
        scanType: 'Wizcli IaC Scan',
        format: 'wizcli iac scan JSON',
        tool: 'wizcli',
        extensions: JSON_EXT,
        match: json(has('scanOriginResource', 'result', 'policies'), at('scanOriginResource.__typename', is('CICDScanOriginIAC')))
    },
    {
        id: 'wizcli-dir-json',
        scanType: 'Wizcli Dir Scan',
        format: 'wizcli dir scan JSON',
        tool: 'wizcli',
        extensions: JSON_EXT,
        match: json(has('scanOriginResource', 'result', 'policies'), at('scanOriginResource.__typename', is('CICDScanOriginDirectory')))
    },
    {
        id: 'legitify-json',
        scanType: 'Legitify Scan',
        format: 'Legitify JSON',
        tool: 'legitify',
        extensions: JSON_EXT,
        match: json(has('type', 'content'), at('content', valuesOf({ allowEmpty: true }, has('policyInfo', 'violations'))))
    }
]);

;// CONCATENATED MODULE: ./src/recognition/formats/other.ts
// Not reports: tool error outputs and formats DefectDojo cannot import. Matched first in spirit:
// every importable row below excludes these shapes, so a file matches one or the other.



/** The finding fields the generic JSON parser accepts (required: title, severity, description). */
const GENERIC_FINDING_FIELDS = [
    'title', 'severity', 'description', 'date', 'cwe', 'cve', 'epss_score', 'epss_percentile', 'cvssv3', 'cvssv3_score', 'cvssv4',
    'cvssv4_score', 'mitigation', 'impact', 'steps_to_reproduce', 'severity_justification', 'references', 'active', 'verified',
    'false_p', 'out_of_scope', 'risk_accepted', 'under_review', 'is_mitigated', 'thread_id', 'mitigated', 'numerical_severity',
    'param', 'payload', 'line', 'file_path', 'component_name', 'component_version', 'static_finding', 'dynamic_finding',
    'scanner_confidence', 'unique_id_from_tool', 'vuln_id_from_tool', 'sast_source_object', 'sast_sink_object',
    'sast_source_line', 'sast_source_file_path', 'nb_occurences', 'publish_date', 'service', 'planned_remediation_date',
    'planned_remediation_version', 'effort_for_fixing', 'tags', 'kev_date', 'known_exploited', 'ransomware_used',
    'fix_available', 'fix_version', 'endpoints', 'files', 'vulnerability_ids', 'cwes'
];
/** File types DefectDojo accepts as a finding's attachment (its FILE_UPLOAD_TYPES default). */
const ATTACHMENT_NAME = /\.(txt|pdf|json|xml|csv|yml|png|jpeg|sarif|xlsx|doc|html|js|nessus|zip|fpr)$/;
/** Findings whose `files` attachments (those read) are titled with a file type DefectDojo accepts. */
const ATTACHMENTS_NAMED = (value) => {
    if (!Array.isArray(value))
        return null;
    const titles = value.slice(0, 20).flatMap((f) => (f && typeof f === 'object' && Array.isArray(f.files) ? (f.files) : []).map((file) => file?.title));
    return titles.every((t) => typeof t === 'string' && ATTACHMENT_NAME.test(t)) ? ['attachments named with an accepted type'] : null;
};
/** "Semgrep failed: <its message>: not a clean report, uploading it would close every finding of the test". */
function failedRun(tool, message) {
    return message === null ? null : `${tool} failed: "${message}". Not a clean report: uploading it would close every finding of its test`;
}
const OTHER = lane('other', [
    {
        id: 'semgrep-failed-run',
        scanType: null,
        unsafe: true,
        format: 'Semgrep failed run',
        tool: 'semgrep',
        extensions: JSON_EXT,
        match: json(SEMGREP_FAILED),
        reason: 'Semgrep scanned nothing (errors, no results, no scanned path): not a clean report; uploading it would close every Semgrep finding of the test',
        reasonFrom: (head) => failedRun('Semgrep', firstMessage(head, (v) => v.errors?.find((e) => e && typeof e === 'object')?.message))
    },
    {
        id: 'bandit-failed-run',
        scanType: null,
        unsafe: true,
        format: 'Bandit failed run',
        tool: 'bandit',
        extensions: JSON_EXT,
        match: json(BANDIT_FAILED),
        reason: 'Bandit could not parse any file (errors, no results, no line of code): not a clean report; uploading it would close every Bandit finding of the test',
        reasonFrom: (head) => failedRun('Bandit', firstMessage(head, (v) => v.errors?.[0]?.reason))
    },
    {
        id: 'gosec-failed-run',
        scanType: null,
        unsafe: true,
        format: 'gosec failed run',
        tool: 'gosec',
        extensions: JSON_EXT,
        match: json(GOSEC_FAILED),
        reason: 'gosec could not build the packages (Golang errors, no issues, no line scanned): not a clean report',
        reasonFrom: (head) => failedRun('gosec', firstMessage(head, (v) => Object.values(v['Golang errors'] ?? {})[0]?.[0]?.error))
    },
    {
        id: 'checkov-failed-run',
        scanType: null,
        unsafe: true,
        format: 'Checkov failed run',
        tool: 'checkov',
        extensions: JSON_EXT,
        match: json(CHECKOV_FAILED),
        reason: 'Checkov could not parse any file (parsing errors, no resource): not a clean report; uploading it would close every Checkov finding of the test'
    },
    {
        id: 'snyk-failed-run',
        scanType: null,
        unsafe: true,
        format: 'Snyk error output',
        tool: 'snyk',
        extensions: JSON_EXT,
        match: json(SNYK_FAILED),
        reason: '`snyk test` could not run ({"ok": false, "error": …}): not a report',
        reasonFrom: (head) => failedRun('`snyk test`', firstMessage(head, (v) => v.error))
    },
    {
        id: 'npm-audit-error',
        scanType: null,
        unsafe: true,
        format: 'npm audit error output',
        tool: 'npm',
        extensions: JSON_EXT,
        // `npm audit --json` prints {"error": {"code", "summary", "detail"}} when the audit endpoint fails.
        match: json(has('error'), lacks('vulnerabilities', 'advisories'), at('error', has('code', 'summary'))),
        reason: '`npm audit` failed and printed its error (not a report); uploading it would close every finding of the test'
    },
    {
        id: 'yarn-audit-error',
        scanType: null,
        unsafe: true,
        format: 'yarn audit error output',
        tool: 'yarn',
        extensions: JSON_EXT,
        // `yarn audit --json` streams {"type", "data"} lines; a failed run has a {"type": "error"} line.
        match: allOf(anyLine(at('type', is('error')), has('data')), noLine(at('type', oneOf('auditAdvisory', 'auditSummary')))),
        reason: '`yarn audit` failed (a {"type": "error"} line and no audit result): not a report'
    },
    {
        id: 'wpscan-aborted',
        scanType: null,
        unsafe: true,
        format: 'WPScan aborted scan',
        tool: 'wpscan',
        extensions: JSON_EXT,
        // `wpscan -f json` prints banner + scan_aborted (and no findings) when the scan could not run.
        match: json(has('banner', 'scan_aborted'), lacks('interesting_findings', 'version')),
        reason: 'WPScan aborted the scan (`scan_aborted`): not a report; uploading it would close every finding of the test'
    },
    {
        id: 'zap-json',
        scanType: null,
        format: 'ZAP JSON',
        tool: 'zap',
        extensions: JSON_EXT,
        // ZAP's traditional JSON report: @programName/@version/@generated and site[]. GitLab's DAST report
        // embeds the same keys with scan and remediations before a long site[] (its vulnerabilities come after).
        match: json(has('@version', '@generated', 'site'), lacks('vulnerabilities', 'scan', 'remediations')),
        // Naming a scan type for it would only make a failed upload: say how to get the report that imports.
        reason: "DefectDojo's `ZAP Scan` reads ZAP's XML report, not this JSON one (no scan type imports it): have ZAP write the XML report too, e.g. `zap-baseline.py -x report.xml` (the same `-x` for zap-full-scan.py and zap-api-scan.py), or with the ZAP GitHub actions add `-x report_xml.xml` to `cmd_options`; then upload that file"
    },
    {
        id: 'dependency-check-json',
        scanType: null,
        format: 'OWASP Dependency-Check JSON',
        tool: 'dependency-check',
        extensions: JSON_EXT,
        // dependency-check-report.json: reportSchema, scanInfo, projectInfo, dependencies.
        match: json(has('reportSchema', 'scanInfo', 'dependencies')),
        reason: '`Dependency Check Scan` reads the XML report only (a JSON report fails with a server error): run Dependency-Check with --format XML'
    },
    {
        id: 'eslint-json-with-metadata',
        scanType: null,
        format: 'ESLint json-with-metadata',
        tool: 'eslint',
        extensions: JSON_EXT,
        // `eslint -f json-with-metadata`: {results: [...json format...], metadata: {rulesMeta}}.
        match: json(has('results', 'metadata'), at('metadata', has('rulesMeta'))),
        reason: '`ESLint Scan` reads the `json` formatter output (an array of files), not `json-with-metadata`: use `eslint -f json`'
    },
    {
        id: 'cppcheck-xml',
        scanType: null,
        format: 'Cppcheck XML',
        tool: 'cppcheck',
        extensions: XML_EXT,
        // `cppcheck --xml`: <results version="2"><cppcheck version/><errors>…
        match: xml('results', child('cppcheck', attr('version')), child('errors')),
        reason: "DefectDojo's `Cppcheck Scan` reads SARIF now: run cppcheck with --output-format=sarif (uploaded as `SARIF`)"
    },
    {
        id: 'junit-xml',
        scanType: null,
        format: 'JUnit XML',
        tool: 'junit',
        extensions: XML_EXT,
        // Test results from linters and test runners (<testsuites>/<testsuite> of <testcase>). Dastardly
        // writes JUnit XML too; its row (dast) is told apart by the report name it always writes.
        match: xml(/^testsuites?$/, not(attr('name', /Dastardly/)), anyOf(child('testsuite'), child('testcase'), attr('tests'))),
        reason: 'JUnit XML (test results from a linter or test runner) is not an importable security report'
    },
    {
        id: 'checkstyle-xml',
        scanType: null,
        format: 'Checkstyle XML',
        tool: 'checkstyle',
        extensions: XML_EXT,
        // <checkstyle version=…><file name=…><error …/>: the lint format of checkstyle, ESLint, ktlint, …
        match: xml('checkstyle', anyOf(child('file'), attr('version'))),
        reason: 'Checkstyle XML (a linter report) is not an importable security report'
    },
    {
        id: 'spdx3-json',
        scanType: null,
        format: 'SPDX 3 JSON-LD',
        tool: 'spdx',
        extensions: JSON_EXT,
        match: json(has('@context', '@graph'), anyOf(at('@context', is(/spdx\.org\/rdf\/3/)), at('spdxVersion', is(/^SPDX-3/)))),
        reason: '`SPDX Scan` reads SPDX 2.2/2.3 (JSON or tag-value); SPDX 3 JSON-LD is not supported yet'
    },
    {
        id: 'risk-recon-api-config',
        scanType: null,
        format: 'Risk Recon API configuration',
        tool: 'riskrecon',
        extensions: JSON_EXT,
        // {api_key, url_endpoint, companies | filters}: what the Risk Recon importer calls the API with.
        match: json(has('api_key'), anyOf(has('url_endpoint'), has('companies'), has('filters')), lacks('test', 'findings')),
        reason: 'a Risk Recon API configuration (an API key and endpoint), not a report: the importer would call the RiskRecon API with it'
    },
    {
        id: 'shellcheck-json',
        scanType: null,
        format: 'ShellCheck JSON',
        tool: 'shellcheck',
        extensions: JSON_EXT,
        // `shellcheck -f json`: [{file, line, endLine, column, endColumn, level, code: 2086, message, fix}]
        // (`-f json1` wraps the list in {comments}). Hadolint's JSON looks alike but has string codes.
        match: anyOf(json(arrayOf({ allowEmpty: false }, has('file', 'line', 'endLine', 'column', 'endColumn', 'level', 'code', 'message'), at('code', number))), json(has('comments'), onlyKeys('comments'), at('comments', arrayOf({ allowEmpty: false }, has('file', 'line', 'endLine', 'column', 'endColumn', 'level', 'code', 'message'), at('code', number))))),
        reason: 'not a DefectDojo format: DefectDojo has no ShellCheck parser (`Hadolint Dockerfile check` reads Hadolint\'s JSON only, whose codes are strings)'
    },
    {
        id: 'fortify-fvdl',
        scanType: null,
        format: 'Fortify FVDL',
        tool: 'fortify',
        extensions: ['.fvdl'],
        // A bare FVDL (the audit.fvdl inside an .fpr): the Fortify parser refuses any name but .xml and
        // .fpr, and as .xml it reads only ReportGenerator XML.
        match: xml('FVDL', anyOf(child('Build'), child('Vulnerabilities'), child('UUID'))),
        reason: "`Fortify Scan` reads the .fpr archive (which holds audit.fvdl) or a ReportGenerator XML report, not a bare FVDL: upload the .fpr"
    },
    {
        id: 'deepfence-csv',
        scanType: null,
        format: 'Deepfence ThreatMapper CSV',
        tool: 'threatmapper',
        extensions: CSV_EXT,
        // The CSV twins of ThreatMapper's Excel exports: the parser opens the upload as a workbook.
        match: anyOf(csv('@timestamp', 'cve_id', 'cve_severity', 'cve_caused_by_package', 'cve_container_image'), csv('@timestamp', 'compliance_check_type', 'node_name', 'status', 'test_category', 'test_number'), csv('Rule Name', 'Class', 'File Name', 'Summary', 'Severity', 'Node Name', 'NodeType'), csv('Filename', 'Content', 'Name', 'Rule', 'Severity', 'Node Name', 'Signature')),
        reason: '`Deepfence Threatmapper Report` reads the Excel (.xlsx) export only: export the report from ThreatMapper as XLSX'
    },
    {
        id: 'generic-json',
        scanType: 'Generic Findings Import',
        format: 'DefectDojo generic findings JSON',
        tool: 'generic',
        extensions: JSON_EXT,
        // DefectDojo's own format: {findings: [{title, severity, description, …}]} with optional name, type,
        // version… The parser accepts a closed set of finding fields (and rejects any other), so does this rule.
        match: json(has('findings'), onlyKeys('findings', 'name', 'type', 'version', 'description', 'title', 'static_tool', 'dynamic_tool', 'soc', 'date'), at('findings', every({ allowEmpty: true }, has('title', 'severity', 'description'), onlyKeys(...GENERIC_FINDING_FIELDS))), 
        // DefectDojo saves each attachment under its title and refuses a title without an accepted type.
        at('findings', ATTACHMENTS_NAMED)),
        nameHint: /generic|defect.?dojo/i
    },
    {
        id: 'generic-json-unnamed-attachment',
        scanType: null,
        format: 'DefectDojo generic findings JSON',
        tool: 'generic',
        extensions: JSON_EXT,
        match: json(has('findings'), at('findings', every({ allowEmpty: false }, has('title', 'severity', 'description'))), at('findings', not(ATTACHMENTS_NAMED))),
        reason: 'a finding attaches a file whose title has no file type DefectDojo accepts (e.g. `.png`, `.txt`): DefectDojo refuses the whole import; name the attachment with its type'
    },
    {
        id: 'generic-csv',
        scanType: 'Generic Findings Import',
        format: 'DefectDojo generic findings CSV',
        tool: 'generic',
        extensions: CSV_EXT,
        match: anyOf(csv('Date', 'Title', 'CweId', 'Severity', 'Description', 'Mitigation', 'Impact', 'References'), csv('Title', 'Description', 'Severity', 'Date', 'Url', 'Vulnerability Id'))
    }
]);

;// CONCATENATED MODULE: ./src/recognition/formats/sast.ts
// The SAST lane of the format table: source-code analysers, SARIF first.



const SARIF_VERSION = /^2\.1\./;
/** AppScan XML issues of a static scan: items naming a source file. */
const APPSCAN_STATIC_ISSUES = child('issue-group', child('item', anyOf(child('source-file'), attr('filename'))));
/** An AppScan XML export without issues: an empty issue group, or none in the whole file. */
const APPSCAN_CLEAN = anyOf(xml('xml-report', child('issue-group', attr('total', /^0$/), noChild('item'))), allOf(whole, xml('xml-report', noChild('issue-group'))));
/** The xmlExportVersion of IBM's AppScan Standard (≤ 2.4x); HCL's AppScan Standard writes 2.7 and on. */
const IBM_APPSCAN_EXPORT = /^(1\.\d+|2\.[0-4]\d*)$/;
/** `runs[0].tool.driver.name` of a SARIF head as a short tool name ("CodeQL" → "codeql"). */
function sarifDriver(head) {
    if (head.syntax !== 'json')
        return null;
    const runs = head.value.runs;
    const name = Array.isArray(runs) ? runs[0]?.tool?.driver?.name : undefined;
    if (typeof name !== 'string')
        return null;
    const tool = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);
    return tool || null;
}
const SAST = lane('sast', [
    {
        id: 'sarif',
        scanType: 'SARIF',
        format: 'SARIF 2.1',
        tool: 'sarif',
        toolFrom: sarifDriver,
        // Every SARIF producer goes to the generic `SARIF` parser, which names the test after the tool
        // (docs/defectdojo-api.md §h). Tools with a SARIF scan type of their own are listed here: an override chooses them.
        extensions: ['.sarif', '.json'],
        // `version` may follow a long `runs` (DefectDojo's own samples write it last): in a cut head, the
        // schema URI or the first run's tool stands in for it.
        match: json(has('runs'), hasAfter('runs', 'version'), at('runs', array), anyOf(at('version', is(SARIF_VERSION)), allOf(lacks('version'), anyOf(at('$schema', is(/sarif-2\.1|sarif-schema-2\.1/i)), at('runs.0.tool.driver.name', string))))),
        alsoReadBy: [
            { scanType: 'Cppcheck Scan', extensions: ['.sarif'] },
            { scanType: 'DevSkim Scan', extensions: ['.sarif'] },
            { scanType: 'Flawfinder Scan', extensions: ['.sarif'] },
            { scanType: 'Mayhem SARIF Report', extensions: ['.sarif'] },
            { scanType: 'Snyk Code Scan', extensions: ['.json'] },
            { scanType: 'Snyk Scan', extensions: ['.json'] }
        ]
    },
    {
        id: 'semgrep-json',
        scanType: 'Semgrep JSON Report',
        format: 'Semgrep JSON',
        tool: 'semgrep',
        extensions: JSON_EXT,
        // `semgrep --json`: results[] of {check_id, path, start, end, extra} next to errors[].
        match: json(has('results'), hasAfter('results', 'errors'), lacks('generated_at', 'metrics', 'runs'), not(SEMGREP_FAILED), at('results', arrayOf({ allowEmpty: true }, has('check_id', 'path', 'extra')))),
        nameHint: /semgrep/i
    },
    {
        id: 'semgrep-supply-chain-json',
        scanType: 'Semgrep JSON Report',
        format: 'Semgrep Supply Chain findings (API)',
        tool: 'semgrep',
        extensions: JSON_EXT,
        // Semgrep AppSec Platform supply-chain export: vulns[] of {advisory, exposureType, …}, paged by cursor.
        match: json(has('vulns', 'hasMore'), at('vulns', arrayOf({ allowEmpty: true }, has('advisory', 'exposureType')))),
        nameHint: /semgrep/i
    },
    {
        id: 'semgrep-pro-json',
        scanType: 'Semgrep Pro JSON Report',
        format: 'Semgrep AppSec Platform findings (API)',
        tool: 'semgrep',
        extensions: JSON_EXT,
        // /deployments/{slug}/findings: findings[] of {rule_name, rule_message, location, repository, triage_state}.
        match: json(has('findings'), onlyKeys('findings', 'cursor', 'hasMore'), at('findings', arrayOf({ allowEmpty: true }, has('rule_name', 'location', 'repository')))),
        nameHint: /semgrep/i
    },
    {
        id: 'bandit-json',
        scanType: 'Bandit Scan',
        format: 'Bandit JSON',
        tool: 'bandit',
        extensions: JSON_EXT,
        // `bandit -f json`: errors, generated_at, metrics, results[] of {test_id, issue_severity, …}.
        // The parser needs top-level "results" (scan-types.tsv notes: missing → 500).
        match: json(has('results', 'generated_at', 'metrics'), not(BANDIT_FAILED), at('results', arrayOf({ allowEmpty: true }, has('test_id', 'issue_severity')))),
        nameHint: /bandit/i
    },
    {
        id: 'brakeman-json',
        scanType: 'Brakeman Scan',
        format: 'Brakeman JSON',
        tool: 'brakeman',
        extensions: JSON_EXT,
        match: json(has('scan_info', 'warnings'), at('scan_info', has('brakeman_version')))
    },
    {
        id: 'checkmarx-xml',
        scanType: 'Checkmarx Scan',
        format: 'Checkmarx SAST XML',
        tool: 'checkmarx',
        extensions: XML_EXT,
        // CxSAST XML report: <CxXMLResults ScanId ProjectName …><Query><Result>…
        match: xml('CxXMLResults', attr('ScanId'), attr('ProjectName'))
    },
    {
        id: 'checkmarx-json',
        scanType: 'Checkmarx Scan',
        format: 'Checkmarx SAST JSON report',
        tool: 'checkmarx',
        extensions: JSON_EXT,
        match: json(has('reportId', 'reportHeader', 'scanSummary', 'scanResults'))
    },
    {
        id: 'checkmarx-cxflow-json',
        scanType: 'Checkmarx CxFlow SAST',
        format: 'Checkmarx CxFlow JSON',
        tool: 'checkmarx',
        extensions: JSON_EXT,
        // CxFlow's JSON bug tracker output: xissues[] and unFilteredIssues[] with the scan's project.
        match: json(has('xissues', 'project', 'scanType'), hasAfter('xissues', 'unFilteredIssues'))
    },
    {
        id: 'checkmarx-one-api',
        scanType: 'Checkmarx One Scan',
        format: 'Checkmarx One results (API)',
        tool: 'checkmarx-one',
        extensions: JSON_EXT,
        // /api/results: results[] of {type, similarityId, state, data, …} with totalCount.
        match: json(has('results'), hasAfter('results', 'totalCount'), at('results', arrayOf({ allowEmpty: true }, has('type', 'similarityId', 'data'))))
    },
    {
        id: 'checkmarx-one-report',
        scanType: 'Checkmarx One Scan',
        format: 'Checkmarx One scan report JSON',
        tool: 'checkmarx-one',
        extensions: JSON_EXT,
        match: json(has('reportCreationDate', 'reportType', 'reportHeader'), anyOf(has('scanResults'), has('vulnerabilityDetails'), has('scanInformation')))
    },
    {
        id: 'codechecker-json',
        scanType: 'Codechecker Report native',
        format: 'CodeChecker JSON',
        tool: 'codechecker',
        extensions: JSON_EXT,
        // `CodeChecker parse -e json`: {version, reports[] of {checker_name, analyzer_name, report_hash, …}}.
        match: json(has('version', 'reports'), at('reports', arrayOf({ allowEmpty: true }, has('checker_name', 'analyzer_name', 'report_hash'))))
    },
    {
        id: 'coverity-scan-json',
        scanType: 'Coverity Scan JSON Report',
        format: 'Coverity JSON (v10)',
        tool: 'coverity',
        extensions: JSON_EXT,
        // cov-format-errors --json-output-v10: {type: "Coverity issues", formatVersion, issues[]}.
        match: json(has('type', 'formatVersion', 'issues'), at('type', is('Coverity issues')))
    },
    {
        id: 'coverity-api-json',
        scanType: 'Coverity API',
        format: 'Coverity Connect view contents (API)',
        tool: 'coverity',
        extensions: JSON_EXT,
        match: json(has('viewContentsV1'), at('viewContentsV1', has('columns', 'rows')))
    },
    {
        id: 'cwe-checker-json',
        scanType: 'cwe_checker Scan',
        format: 'cwe_checker JSON',
        tool: 'cwe_checker',
        extensions: JSON_EXT,
        // `cwe_checker --json`: an array of CWE warnings {name, version, addresses, tids, symbols, other, description}.
        match: json(arrayOf({ allowEmpty: true }, has('name', 'version', 'addresses', 'tids', 'symbols', 'description'))),
        nameHint: /cwe.?checker/i
    },
    {
        id: 'dawnscanner-json',
        scanType: 'DawnScanner Scan',
        format: 'Dawnscanner JSON',
        tool: 'dawnscanner',
        extensions: JSON_EXT,
        match: json(has('dawn_version', 'vulnerabilities', 'target'))
    },
    {
        id: 'eslint-json',
        scanType: 'ESLint Scan',
        format: 'ESLint JSON',
        tool: 'eslint',
        extensions: JSON_EXT,
        // `eslint -f json`: an array of {filePath, messages[], errorCount, warningCount, …}.
        match: json(arrayOf({ allowEmpty: true }, has('filePath', 'messages', 'errorCount', 'warningCount'))),
        nameHint: /eslint/i
    },
    {
        id: 'fortify-xml',
        scanType: 'Fortify Scan',
        format: 'Fortify report XML',
        tool: 'fortify',
        extensions: XML_EXT,
        // ReportGenerator XML: <ReportDefinition type=…><ReportSection>…
        match: xml('ReportDefinition', attr('type'), anyOf(child('ReportSection'), child('TemplateName')))
    },
    {
        id: 'fortify-fpr',
        scanType: 'Fortify Scan',
        format: 'Fortify FPR',
        tool: 'fortify',
        extensions: ['.fpr'],
        // An .fpr is a zip holding audit.fvdl.
        match: zip(/^audit\.fvdl$/)
    },
    {
        id: 'webinspect-scan-xml',
        scanType: 'Fortify Scan',
        format: 'WebInspect scan XML (Fortify)',
        tool: 'fortify',
        extensions: XML_EXT,
        // <Scan><Name/><PolicyName/>…<Issues><Issue><CheckTypeID/>…, read by the Fortify parser.
        match: xml('Scan', child('PolicyName'), child('Issues'))
    },
    {
        id: 'gitlab-sast',
        scanType: 'GitLab SAST Report',
        format: 'GitLab SAST report',
        tool: 'gitlab-sast',
        extensions: JSON_EXT,
        // GitLab security report schema with scan.type "sast" (older reports: vulnerabilities[].category).
        // Checkmarx One exports this schema too; its parser reads it as well.
        match: gitlab('sast'),
        alsoReadBy: [{ scanType: 'Checkmarx One Scan' }]
    },
    {
        id: 'github-code-scanning',
        scanType: 'Github SAST Scan',
        format: 'GitHub code scanning alerts (API)',
        tool: 'github',
        extensions: JSON_EXT,
        // GET /repos/{owner}/{repo}/code-scanning/alerts: [{number, rule, tool, most_recent_instance, …}].
        match: json(arrayOf({ allowEmpty: true }, has('number', 'rule', 'tool', 'most_recent_instance'))),
        nameHint: /code.?scanning|github.?sast|codeql/i,
        // DefectDojo's tests feed this list to the Github Vulnerability parser too.
        alsoReadBy: [{ scanType: 'Github Vulnerability Scan' }]
    },
    {
        id: 'gosec-json',
        scanType: 'Gosec Scanner',
        format: 'gosec JSON',
        tool: 'gosec',
        extensions: JSON_EXT,
        // `gosec -fmt=json`: {Issues: [{rule_id, details, file, line, …}], Stats, GosecVersion}.
        match: json(has('Issues'), hasAfter('Issues', 'Stats'), not(GOSEC_FAILED), at('Issues', arrayOf({ allowEmpty: true }, has('rule_id', 'details', 'file'))))
    },
    // AppScan XML (<xml-report>) comes from AppScan on Cloud (AsocXmlExportVersion) or AppScan Standard
    // (xmlExportVersion) and is read by three parsers: HCL's ASoC SAST parser (static issues: a source
    // file and line), HCL's AppScan parser (dynamic issues) and the IBM one (IBM's own export).
    {
        id: 'hcl-asoc-sast-xml',
        scanType: 'HCL AppScan on Cloud SAST XML',
        format: 'HCL AppScan on Cloud SAST XML',
        tool: 'appscan',
        extensions: XML_EXT,
        // Static issues; or an AppScan on Cloud export of a scan that is not dynamic and found nothing
        // (the HCL AppScan parser reads that as no findings too).
        match: anyOf(xml('xml-report', attr('AsocXmlExportVersion'), APPSCAN_STATIC_ISSUES), allOf(xml('xml-report', attr('AsocXmlExportVersion'), not(attr('xmlExportVersion')), not(attr('technology', /^DAST$/))), APPSCAN_CLEAN)),
        alsoReadBy: [{ scanType: 'HCLAppScan XML' }]
    },
    {
        id: 'hcl-appscan-xml',
        scanType: 'HCLAppScan XML',
        format: 'HCL AppScan XML',
        tool: 'appscan',
        extensions: XML_EXT,
        // Dynamic issues (a URL, no source file) from AppScan on Cloud, or any export of a DAST scan;
        // and AppScan Standard's export from HCL (an xmlExportVersion after IBM's 2.4x: 2.7 on).
        match: anyOf(xml('xml-report', attr('AsocXmlExportVersion'), child('issue-group', child('item', child('url'))), not(APPSCAN_STATIC_ISSUES)), xml('xml-report', attr('AsocXmlExportVersion'), attr('technology', /^DAST$/), not(APPSCAN_STATIC_ISSUES)), xml('xml-report', attr('xmlExportVersion'), not(attr('xmlExportVersion', IBM_APPSCAN_EXPORT)), not(APPSCAN_STATIC_ISSUES)))
    },
    {
        id: 'ibm-appscan-dast-xml',
        scanType: 'IBM AppScan DAST',
        format: 'IBM AppScan Standard XML',
        tool: 'appscan',
        extensions: XML_EXT,
        // IBM Security AppScan Standard (9.x) writes xmlExportVersion 2.42 and earlier; the IBM parser
        // needs what that export holds (advisory texts, a fix recommendation on every issue type).
        match: xml('xml-report', attr('xmlExportVersion', IBM_APPSCAN_EXPORT), not(attr('AsocXmlExportVersion')), child('scan-information'))
    },
    {
        id: 'horusec-json',
        scanType: 'Horusec Scan',
        format: 'Horusec JSON',
        tool: 'horusec',
        extensions: JSON_EXT,
        match: json(has('analysisVulnerabilities', 'repositoryName', 'status'))
    },
    {
        id: 'huskyci-json',
        scanType: 'HuskyCI Report',
        format: 'huskyCI JSON',
        tool: 'huskyci',
        extensions: JSON_EXT,
        match: json(has('containers', 'repositoryURL'), hasAfter('containers', 'huskyciresults'))
    },
    {
        id: 'infer-json',
        scanType: 'Infer Scan',
        format: 'Infer report.json',
        tool: 'infer',
        extensions: JSON_EXT,
        match: json(arrayOf({ allowEmpty: true }, has('bug_type', 'qualifier', 'severity', 'file', 'procedure'))),
        nameHint: /infer/i
    },
    {
        id: 'kiuwan-csv',
        scanType: 'Kiuwan Scan',
        format: 'Kiuwan defects CSV',
        tool: 'kiuwan',
        extensions: CSV_EXT,
        match: csv('Rule code', 'Rule', 'Priority', 'Software characteristic', 'Language', 'File', 'Line number')
    },
    {
        id: 'mobsf-json',
        scanType: 'MobSF Scan',
        format: 'MobSF static analysis JSON',
        tool: 'mobsf',
        extensions: JSON_EXT,
        // MobSF REST API /report_json: app identity (file_name, app_name, app_type, hashes) and analyses.
        // MobSF Scorecard reads the `appsec` part of the same report.
        match: json(has('file_name', 'app_name', 'app_type', 'md5', 'sha256'), anyOf(has('code_analysis'), has('binary_analysis'), has('permissions'))),
        nameHint: /mobsf/i,
        alsoReadBy: [{ scanType: 'MobSF Scorecard Scan' }]
    },
    {
        id: 'mobsfscan-json',
        scanType: 'Mobsfscan Scan',
        format: 'mobsfscan JSON',
        tool: 'mobsfscan',
        extensions: JSON_EXT,
        match: json(has('mobsfscan_version', 'results'))
    },
    {
        id: 'njsscan-json',
        scanType: 'njsscan Scan',
        format: 'njsscan JSON',
        tool: 'njsscan',
        extensions: JSON_EXT,
        match: json(has('njsscan_version', 'nodejs'), hasAfter('nodejs', 'templates'))
    },
    {
        id: 'php-security-audit-v2-json',
        scanType: 'PHP Security Audit v2',
        format: 'PHP_CodeSniffer (phpcs-security-audit) JSON',
        tool: 'phpcs',
        extensions: JSON_EXT,
        // `phpcs --report=json`: {totals: {errors, warnings, fixable}, files: {path: {errors, warnings, messages}}}.
        match: json(has('totals', 'files'), at('totals', has('errors', 'warnings', 'fixable')))
    },
    {
        id: 'pmd-csv',
        scanType: 'PMD Scan',
        format: 'PMD CSV',
        tool: 'pmd',
        extensions: CSV_EXT,
        match: csv('Problem', 'Package', 'File', 'Priority', 'Line', 'Description', 'Rule set', 'Rule')
    },
    {
        id: 'progpilot-json',
        scanType: 'Progpilot Scan',
        format: 'Progpilot JSON',
        tool: 'progpilot',
        extensions: JSON_EXT,
        match: json(arrayOf({ allowEmpty: true }, has('source_name', 'sink_name', 'vuln_name', 'vuln_cwe'))),
        nameHint: /progpilot/i
    },
    {
        id: 'pwn-sast-json',
        scanType: 'PWN SAST',
        format: 'PWN SAST JSON',
        tool: 'pwn',
        extensions: JSON_EXT,
        match: json(has('report_name', 'data'), at('data', arrayOf({ allowEmpty: true }, has('security_references', 'line_no_and_contents'))))
    },
    {
        id: 'qark-json',
        scanType: 'QARK Scan',
        format: 'QARK JSON',
        tool: 'qark',
        extensions: JSON_EXT,
        // QARK's JSON report; the MobSF parser reads this list format too.
        match: json(arrayOf({ allowEmpty: true }, has('category', 'severity', 'name', 'line_number', 'file_object', 'apk_exploit_dict'))),
        nameHint: /qark/i,
        alsoReadBy: [{ scanType: 'MobSF Scan' }]
    },
    {
        id: 'rubocop-json',
        scanType: 'Rubocop Scan',
        format: 'RuboCop JSON',
        tool: 'rubocop',
        extensions: JSON_EXT,
        match: json(has('metadata', 'files'), hasAfter('files', 'summary'), at('metadata', has('rubocop_version')))
    },
    {
        id: 'solar-appscreener-csv',
        scanType: 'Solar Appscreener Scan',
        format: 'Solar appScreener CSV',
        tool: 'appscreener',
        extensions: CSV_EXT,
        match: csv('Vulnerability', 'Language', 'Description', 'Recommendations', 'File', 'Line', 'Severity Level', 'Status', 'Trace')
    },
    {
        id: 'sonarqube-issues-json',
        scanType: 'SonarQube Scan',
        format: 'SonarQube issues search (API)',
        tool: 'sonarqube',
        extensions: ['.json'],
        // /api/issues/search: {total, paging, issues[], components[]}; /api/hotspots/search: {paging, hotspots[]}.
        match: json(anyOf(allOf(has('issues', 'paging'), hasAfter('issues', 'components')), has('hotspots', 'paging')))
    },
    {
        id: 'sonarqube-report-json',
        scanType: 'SonarQube Scan',
        format: 'sonar-report JSON',
        tool: 'sonarqube',
        extensions: ['.json'],
        // sonar-report's JSON: project facts, rules{} and issues[].
        match: json(has('projectName', 'sonarComponent', 'rules', 'issues'))
    },
    {
        id: 'sonarqube-issues-zip',
        scanType: 'SonarQube Scan',
        format: 'SonarQube issues search pages (zip)',
        tool: 'sonarqube',
        extensions: ['.zip'],
        // A zip of /api/issues/search responses, one page per .json file: the parser reads every .json member.
        match: allOf(zipOnly(/\.json$/i), zipMember(/\.json$/i, json(has('issues', 'components', 'paging'))))
    },
    {
        id: 'sonarqube-html',
        scanType: 'SonarQube Scan',
        format: 'sonar-report HTML',
        tool: 'sonarqube',
        // The parser reads HTML under any name not ending .json/.zip.
        extensions: ['.html'],
        // sonar-report's HTML always carries this title; other HTML pages are skipped as pages for people.
        match: matchers_htmlTitle(/^SonarQube Vulnerability Report$/)
    },
    {
        id: 'spotbugs-xml',
        scanType: 'SpotBugs Scan',
        format: 'SpotBugs XML',
        tool: 'spotbugs',
        extensions: XML_EXT,
        match: xml('BugCollection', child('Project'), attr('version'))
    },
    {
        id: 'threagile-json',
        scanType: 'Threagile risks report',
        format: 'Threagile risks.json',
        tool: 'threagile',
        extensions: JSON_EXT,
        match: json(arrayOf({ allowEmpty: true }, has('category', 'risk_status', 'severity', 'exploitation_likelihood', 'synthetic_id'))),
        nameHint: /threagile|risks/i
    },
    {
        id: 'threat-composer-json',
        scanType: 'ThreatComposer Scan',
        format: 'Threat Composer JSON',
        tool: 'threat-composer',
        extensions: JSON_EXT,
        // A workspace export without threats[] is rejected by the parser: not matched.
        match: json(has('schema', 'applicationInfo', 'threats'))
    },
    {
        id: 'vcg-xml',
        scanType: 'VCG Scan',
        format: 'VisualCodeGrepper XML',
        tool: 'vcg',
        extensions: XML_EXT,
        match: xml('CodeIssueCollection')
    },
    {
        id: 'veracode-xml',
        scanType: 'Veracode Scan',
        format: 'Veracode detailed report XML',
        tool: 'veracode',
        extensions: XML_EXT,
        match: xml('detailedreport', attr('report_format_version'))
    },
    {
        id: 'veracode-findings-json',
        scanType: 'Veracode Scan',
        format: 'Veracode findings (API)',
        tool: 'veracode',
        extensions: JSON_EXT,
        // Findings REST API: findings[] (or _embedded.findings[]) of {issue_id, scan_type, finding_details}.
        match: json(anyOf(at('findings', arrayOf({ allowEmpty: false }, has('scan_type', 'finding_details', 'finding_status'))), at('_embedded.findings', arrayOf({ allowEmpty: true }, has('scan_type', 'finding_details', 'finding_status')))))
    },
    {
        id: 'xanitizer-xml',
        scanType: 'Xanitizer Scan',
        format: 'Xanitizer findings XML',
        tool: 'xanitizer',
        extensions: XML_EXT,
        match: xml('XanitizerFindingsList')
    },
    {
        id: 'xygeni-sast-json',
        scanType: 'Xygeni SAST Scan',
        format: 'Xygeni SAST JSON',
        tool: 'xygeni',
        extensions: JSON_EXT,
        match: json(has('metadata', 'vulnerabilities'), at('metadata', has('scanType')), at('metadata.scanType', is('sast')))
    },
    {
        id: 'bearer-json',
        scanType: 'Bearer CLI',
        format: 'Bearer JSON',
        tool: 'bearer',
        extensions: JSON_EXT,
        // `bearer scan --format json`: findings grouped by severity (critical/high/medium/low/warning).
        match: json(keysMatching(/^(critical|high|medium|low|warning)$/), valuesOf({ allowEmpty: false }, arrayOf({ allowEmpty: false }, has('cwe_ids', 'id', 'fingerprint', 'line_number'))))
    },
    {
        id: 'crunch42-json',
        scanType: 'Crunch42 Scan',
        format: '42Crunch audit JSON',
        tool: '42crunch',
        extensions: JSON_EXT,
        match: json(has('report', 'taskId'), at('report', has('assessmentVersion', 'openapiState')))
    }
]);

;// CONCATENATED MODULE: ./src/recognition/formats/sbom.ts
// The SBOM lane of the format table: software bills of materials and advisories (CycloneDX, SPDX, CSAF…).


const SBOM = lane('sbom', [
    {
        id: 'cyclonedx-json',
        scanType: 'CycloneDX Scan',
        format: 'CycloneDX JSON',
        tool: 'cyclonedx',
        // The parser reads JSON only when the name ends with .json, otherwise XML (scan-types.tsv).
        extensions: JSON_EXT,
        match: json(has('bomFormat', 'specVersion'), at('bomFormat', is('CycloneDX')))
    },
    {
        id: 'cyclonedx-xml',
        scanType: 'CycloneDX Scan',
        format: 'CycloneDX XML',
        tool: 'cyclonedx',
        extensions: XML_EXT,
        match: xml('bom', attr('xmlns', /cyclonedx\.org\/schema\/bom/))
    },
    {
        id: 'spdx-json',
        scanType: 'SPDX Scan',
        format: 'SPDX 2 JSON',
        tool: 'spdx',
        extensions: JSON_EXT,
        match: json(has('spdxVersion', 'SPDXID'), at('spdxVersion', is(/^SPDX-2\./)))
    },
    {
        id: 'spdx-tag-value',
        scanType: 'SPDX Scan',
        format: 'SPDX 2 tag-value',
        tool: 'spdx',
        // `.spdx` is not an accepted upload extension; any name not ending .json is read as tag-value.
        extensions: TXT_EXT,
        avoidExtensions: ['.json'],
        match: textLines(/^SPDXVersion: SPDX-2\.\d+\s*$[\s\S]*^SPDXID: /m)
    },
    {
        id: 'csaf-json',
        scanType: 'CSAF Scan',
        format: 'CSAF 2.0 advisory',
        tool: 'csaf',
        extensions: JSON_EXT,
        match: json(has('document'), at('document', has('csaf_version', 'category', 'tracking')), at('document.csaf_version', is(/^2\./)))
    },
    {
        id: 'openvex-json',
        scanType: 'OpenVEX Scan',
        format: 'OpenVEX document',
        tool: 'openvex',
        extensions: JSON_EXT,
        match: json(has('@context', 'statements'), at('@context', is(/openvex\.dev\/ns/)))
    }
]);

;// CONCATENATED MODULE: ./src/recognition/formats/sca.ts
// The SCA lane of the format table: dependency audits (npm, pip, Snyk, Dependency-Check…).


/** A `snyk test --json` project: its keys, or (cut by the head) Snyk's vulnerability items. */
const SNYK_PROJECT = anyOf(has('vulnerabilities', 'ok', 'dependencyCount', 'packageManager'), at('vulnerabilities', arrayOf({ allowEmpty: false }, has('id', 'from', 'upgradePath', 'isUpgradable', 'packageName'))));
/** A npm 7+ vulnerability's `via`: package names, or advisories of which the parser reads the first's cwe and cvss. */
const NPM7_VIA = at('via', anyOf(arrayOf({ allowEmpty: true }, string), arrayOf({ allowEmpty: false }, has('title', 'url', 'source', 'cwe', 'cvss'))));
/** Exactly two lists (Checkmarx OSA's [vulnerabilities, libraries]). */
const PAIR_OF_LISTS = (value) => (Array.isArray(value) && value.length === 2 && value.every(Array.isArray) ? ['a pair of lists'] : null);
const SCA = lane('sca', [
    {
        id: 'npm-audit-v6',
        scanType: 'NPM Audit Scan',
        format: 'npm audit JSON (npm 6)',
        tool: 'npm',
        extensions: JSON_EXT,
        // npm ≤ 6: actions[], advisories{id: {id, title, module_name, findings…}}, muted, metadata. npm ≥ 7
        // prints auditReportVersion instead.
        match: json(has('actions'), lacks('auditReportVersion'), anyOf(allOf(has('advisories'), hasAfter('advisories', 'metadata'), at('advisories', valuesOf({ allowEmpty: true }, has('id', 'title', 'module_name', 'findings')))), 
        // `actions` can be long too: with advisories beyond the head, the actions' own shape is the evidence.
        allOf(hasAfter('actions', 'advisories', 'metadata'), at('actions', arrayOf({ allowEmpty: false }, has('action', 'module', 'resolves')))))),
        // audit-ci prints this same format for yarn projects, and the Yarn parser reads it.
        alsoReadBy: [{ scanType: 'Yarn Audit Scan' }]
    },
    {
        id: 'npm-audit-v7',
        scanType: 'NPM Audit v7+ Scan',
        format: 'npm audit JSON (npm 7+)',
        tool: 'npm',
        extensions: JSON_EXT,
        // npm ≥ 7: auditReportVersion 2, vulnerabilities{name: {name, severity, via, effects, range, nodes}}, metadata.
        // The parser reads the first `via` advisory's cwe and cvss (later npm 7 releases write them).
        match: json(has('auditReportVersion', 'vulnerabilities'), hasAfter('vulnerabilities', 'metadata'), at('vulnerabilities', everyValue({ allowEmpty: true }, has('name', 'severity', 'via', 'range', 'nodes', 'fixAvailable'), NPM7_VIA)))
    },
    {
        id: 'npm-audit-v7-early',
        scanType: null,
        format: 'npm audit JSON (early npm 7)',
        tool: 'npm',
        extensions: JSON_EXT,
        // Early npm 7 releases wrote `via` advisories without cwe and cvss.
        match: json(has('auditReportVersion', 'vulnerabilities'), at('vulnerabilities', some(at('via', arrayOf({ allowEmpty: false }, object, not(has('cwe', 'cvss'))))))),
        reason: 'an early npm 7 audit report (its advisories carry no cwe and cvss): `NPM Audit v7+ Scan` needs them and `NPM Audit Scan` reads npm 6 only; run `npm audit --json` with a current npm'
    },
    {
        id: 'pnpm-audit',
        scanType: 'pnpm Audit Scan',
        format: 'pnpm audit JSON',
        tool: 'pnpm',
        extensions: JSON_EXT,
        // `pnpm audit --json`: advisories{id: {module_name, findings, github_advisory_id, …}} and metadata, no actions.
        match: json(has('advisories'), hasAfter('advisories', 'metadata'), lacks('actions', 'auditReportVersion'), at('advisories', valuesOf({ allowEmpty: true }, has('module_name', 'findings', 'severity')))),
        nameHint: /pnpm/i
    },
    {
        id: 'yarn-audit-jsonl',
        scanType: 'Yarn Audit Scan',
        format: 'yarn audit JSON lines (yarn 1)',
        tool: 'yarn',
        extensions: JSON_EXT,
        // `yarn audit --json`: {"type": "auditAdvisory" | "auditSummary", "data": …} lines, no error line.
        match: allOf(anyLine(at('type', oneOf('auditAdvisory', 'auditSummary')), has('data')), noLine(at('type', is('error'))))
    },
    {
        id: 'yarn-berry-audit',
        scanType: 'Yarn Audit Scan',
        format: 'yarn npm audit JSON (yarn 2+)',
        tool: 'yarn',
        extensions: JSON_EXT,
        // `yarn npm audit --json`: one {value, children: {ID, Issue, Severity, "Vulnerable Versions"}} per line.
        match: objectOrLines(has('value', 'children'), at('children', has('Issue', 'Severity', 'Vulnerable Versions')))
    },
    {
        id: 'nsp-json',
        scanType: 'Node Security Platform Scan',
        format: 'nsp check JSON',
        tool: 'nsp',
        extensions: JSON_EXT,
        match: json(arrayOf({ allowEmpty: true }, has('module', 'version', 'vulnerable_versions', 'patched_versions', 'advisory', 'cvss_score'))),
        nameHint: /nsp/i
    },
    {
        id: 'auditjs-json',
        scanType: 'AuditJS Scan',
        format: 'AuditJS JSON',
        tool: 'auditjs',
        extensions: JSON_EXT,
        // `auditjs ossi --json`: [{coordinates, description, reference, vulnerabilities[]}] (OSS Index).
        match: json(arrayOf({ allowEmpty: true }, has('coordinates', 'reference', 'vulnerabilities'))),
        nameHint: /auditjs/i
    },
    {
        id: 'retirejs-json',
        scanType: 'Retire.js Scan',
        format: 'Retire.js JSON',
        tool: 'retire',
        extensions: JSON_EXT,
        match: json(has('version', 'data'), hasAfter('data', 'messages', 'errors'), at('data', arrayOf({ allowEmpty: true }, has('file', 'results'))))
    },
    {
        id: 'retirejs-jsonsimple',
        scanType: 'Retire.js Scan',
        format: 'Retire.js JSON (jsonsimple)',
        tool: 'retire',
        extensions: JSON_EXT,
        // `retire --outputformat jsonsimple`: the bare list of {file, results: [{component, version,
        // vulnerabilities: [{severity, info, identifiers}]}]} that the json format wraps in `data`.
        match: json(arrayOf({ allowEmpty: true }, has('file', 'results'), at('results', every({ allowEmpty: true }, has('component', 'version'), anyOf(lacks('vulnerabilities'), at('vulnerabilities', every({ allowEmpty: true }, has('severity', 'info')))))))),
        nameHint: /retire/i
    },
    {
        id: 'composer-audit-json',
        scanType: 'Composer Audit Scan',
        format: 'composer audit JSON',
        tool: 'composer',
        extensions: JSON_EXT,
        match: json(lacks('metadata'), anyOf(has('advisories', 'abandoned'), 
        // A long advisories map cut before `abandoned`: composer's package → [advisory] shape, not npm's or pnpm's id → advisory.
        allOf(hasAfter('advisories', 'abandoned'), at('advisories', valuesOf({ allowEmpty: false }, arrayOf({ allowEmpty: false }, has('advisoryId', 'packageName')))))))
    },
    {
        id: 'php-symfony-security-check',
        scanType: 'PHP Symfony Security Check',
        format: 'Symfony security:check JSON',
        tool: 'symfony',
        extensions: JSON_EXT,
        // {"vendor/package": {version, advisories[]}}; a clean run prints {} (not recognisable).
        match: json(keysMatching(/^[\w.-]+\/[\w.-]+$/), valuesOf({ allowEmpty: false }, has('version', 'advisories')))
    },
    {
        id: 'bundler-audit-json',
        scanType: 'Bundler-Audit Scan',
        format: 'bundler-audit JSON',
        tool: 'bundler-audit',
        extensions: JSON_EXT,
        match: json(has('version', 'created_at', 'results'), at('results', arrayOf({ allowEmpty: true }, has('type', 'gem', 'advisory'))))
    },
    {
        id: 'bundler-audit-text',
        scanType: 'Bundler-Audit Scan',
        format: 'bundler-audit text',
        tool: 'bundler-audit',
        extensions: TXT_EXT,
        // `bundle-audit check` text: blocks of "Name: … / Version: … / Advisory: …|CVE: … / Criticality: …".
        match: textLines(/^Name: \S+\r?\nVersion: \S+\r?\n((Advisory|CVE|GHSA|OSVDB): .+\r?\n)+Criticality: /m)
    },
    {
        id: 'cargo-audit-json',
        scanType: 'CargoAudit Scan',
        format: 'cargo audit JSON',
        tool: 'cargo-audit',
        extensions: JSON_EXT,
        match: json(has('database', 'lockfile', 'vulnerabilities'), at('vulnerabilities', has('found', 'list')))
    },
    {
        id: 'mix-audit-json',
        scanType: 'Mix Audit Scan',
        format: 'mix_audit JSON',
        tool: 'mix-audit',
        extensions: JSON_EXT,
        match: json(has('pass', 'vulnerabilities'), at('vulnerabilities', arrayOf({ allowEmpty: true }, has('dependency', 'advisory'))))
    },
    {
        id: 'pip-audit-json',
        scanType: 'pip-audit Scan',
        format: 'pip-audit JSON',
        tool: 'pip-audit',
        extensions: JSON_EXT,
        // `pip-audit -f json`: {dependencies: [{name, version, vulns}], fixes} (older: the bare list).
        match: anyOf(json(has('dependencies'), onlyKeys('dependencies', 'fixes'), at('dependencies', arrayOf({ allowEmpty: true }, has('name', 'version', 'vulns')))), json(arrayOf({ allowEmpty: true }, has('name', 'version', 'vulns')))),
        nameHint: /pip.?audit/i
    },
    {
        id: 'dotnet-vulnerable-json',
        scanType: 'Dotnet Vulnerable Packages Scan',
        format: 'dotnet list package --vulnerable --format json',
        tool: 'dotnet',
        extensions: JSON_EXT,
        match: json(has('version', 'parameters', 'sources', 'projects'), at('projects', arrayOf({ allowEmpty: true }, has('path'))))
    },
    {
        id: 'govulncheck-json',
        scanType: 'Govulncheck Scanner',
        format: 'govulncheck -json',
        tool: 'govulncheck',
        extensions: JSON_EXT,
        // The stream of messages ({config}, {progress}, {osv}, {finding}), pretty-printed or as a list,
        // or the vulncheck result of releases before 0.1: {Calls, Imports, Requires, Vulns, Modules},
        // whose call graph may fill the head before Vulns (the parser follows CallSink and RequireSink).
        match: anyOf(anyLine(at('config', has('scanner_name')), at('config.scanner_name', is('govulncheck'))), json(arrayOf({ allowEmpty: false }, at('config.scanner_name', is('govulncheck')))), json(at('config.scanner_name', is('govulncheck'))), json(has('Calls', 'Imports', 'Requires'), at('Calls', has('Functions')), anyOf(lacks('Vulns'), at('Vulns', anyOf(isNull, every({ allowEmpty: true }, has('OSV', 'CallSink', 'RequireSink')))))), json(has('Calls'), at('Calls.Functions', valuesOf({ allowEmpty: false }, has('ID', 'Name', 'PkgPath', 'CallSites'))))),
        // V2 reads the stream only (the vulncheck result as no findings): V1 reads both.
        alsoReadBy: [{ scanType: 'Govulncheck Scanner V2' }]
    },
    {
        id: 'govulncheck-0.1-json',
        scanType: null,
        format: 'govulncheck -json (0.1, 0.2)',
        tool: 'govulncheck',
        extensions: JSON_EXT,
        // govulncheck 0.1 and 0.2 printed {Vulns: [{OSV, Modules: [{Path, FoundVersion, Packages}]}]}.
        match: json(has('Vulns'), lacks('Calls', 'Requires'), at('Vulns', arrayOf({ allowEmpty: false }, has('OSV', 'Modules')))),
        reason: 'govulncheck 0.1/0.2 output: `Govulncheck Scanner` reads the JSON of govulncheck 1.x and of releases before 0.1 (this one makes it fail) and `Govulncheck Scanner V2` reads it as no findings; run a current govulncheck with -json'
    },
    {
        id: 'nancy-json',
        scanType: 'Nancy Scan',
        format: 'nancy sleuth JSON',
        tool: 'nancy',
        extensions: JSON_EXT,
        match: json(anyOf(has('audited', 'vulnerable', 'num_audited', 'num_vulnerable'), 
        // `audited` lists every dependency and comes first: the counts may lie beyond the head.
        allOf(hasAfter('audited', 'vulnerable', 'num_audited', 'num_vulnerable'), at('audited', arrayOf({ allowEmpty: false }, has('Coordinates', 'Reference', 'Vulnerabilities'))))))
    },
    {
        id: 'osv-scanner-json',
        scanType: 'OSV Scan',
        format: 'osv-scanner JSON',
        tool: 'osv-scanner',
        extensions: JSON_EXT,
        match: json(has('results'), onlyKeys('results', 'experimental_config'), at('results', arrayOf({ allowEmpty: true }, has('source', 'packages')))),
        nameHint: /osv/i
    },
    {
        id: 'ossindex-devaudit-json',
        scanType: 'OssIndex Devaudit SCA Scan Importer',
        format: 'DevAudit JSON',
        tool: 'devaudit',
        extensions: JSON_EXT,
        match: json(has('Packages Audited', 'Vulnerabilities Found', 'Packages'))
    },
    {
        id: 'dependency-check-xml',
        scanType: 'Dependency Check Scan',
        format: 'OWASP Dependency-Check XML',
        tool: 'dependency-check',
        extensions: XML_EXT,
        match: xml('analysis', attr('xmlns', /dependency-?check/i), anyOf(child('scanInfo'), child('dependencies')))
    },
    {
        id: 'dependency-track-fpf',
        scanType: 'Dependency Track Finding Packaging Format (FPF) Export',
        format: 'Dependency-Track FPF',
        tool: 'dependency-track',
        extensions: ['.json'],
        // Finding Packaging Format: {version, meta: {application: "Dependency-Track"}, project, findings[]}.
        match: json(has('meta'), hasAfter('findings', 'version', 'project'), at('meta.application', is('Dependency-Track')))
    },
    {
        id: 'gitlab-dependency-scanning',
        scanType: 'GitLab Dependency Scanning Report',
        format: 'GitLab dependency scanning report',
        tool: 'gitlab-dependency-scanning',
        extensions: JSON_EXT,
        match: anyOf(gitlab('dependency_scanning'), json(has('version', 'vulnerabilities', 'dependency_files'), lacks('scan')))
    },
    {
        id: 'github-dependabot-graphql',
        scanType: 'Github Vulnerability Scan',
        format: 'GitHub vulnerability alerts (GraphQL)',
        tool: 'github',
        extensions: JSON_EXT,
        // GraphQL {data: {repository: {vulnerabilityAlerts}}} or {data: {search: {nodes}}}.
        match: json(has('data'), anyOf(at('data.repository.vulnerabilityAlerts', object), at('data.search.nodes', array), at('data.repository.search.nodes', array)))
    },
    {
        id: 'mend-json',
        scanType: 'Mend Scan',
        format: 'Mend (WhiteSource) JSON',
        tool: 'mend',
        extensions: JSON_EXT,
        match: anyOf(
        // Unified agent / API report: vulnerabilities[] of {name, type, severity, library, project}.
        json(has('vulnerabilities'), lacks('version', 'bomFormat', 'pass'), at('vulnerabilities', arrayOf({ allowEmpty: false }, has('name', 'severity', 'library')))), 
        // CLI report: projectVitals, libraries[] with vulnerabilities.
        json(has('projectVitals', 'libraries')), 
        // Platform API 3.0: {supportToken, response: [{component, vulnerability, …}], additionalData}.
        json(has('supportToken', 'response', 'additionalData')))
    },
    {
        id: 'meterian-json',
        scanType: 'Meterian Scan',
        format: 'Meterian JSON',
        tool: 'meterian',
        extensions: JSON_EXT,
        match: json(has('url', 'timestamp', 'scores', 'reports'), at('reports', has('security')))
    },
    {
        id: 'snyk-json',
        scanType: 'Snyk Scan',
        format: 'snyk test --json',
        tool: 'snyk',
        extensions: JSON_EXT,
        // One project {vulnerabilities, ok, dependencyCount, org, packageManager, …} or an array of them (--all-projects).
        // A big project's vulnerabilities[] fills the head before the other keys: its items tell then.
        match: json(anyOf(SNYK_PROJECT, arrayOf({ allowEmpty: false }, SNYK_PROJECT)))
    },
    {
        id: 'snyk-issue-api',
        scanType: 'Snyk Issue API Scan',
        format: 'Snyk REST issues (API)',
        tool: 'snyk',
        extensions: JSON_EXT,
        // JSON:API document {jsonapi, data: [{type: "issue", attributes}]}.
        match: json(has('jsonapi', 'data'), at('data', arrayOf({ allowEmpty: true }, has('attributes'), at('type', is('issue')))))
    },
    {
        id: 'sonatype-json',
        scanType: 'Sonatype Application Scan',
        format: 'Sonatype Lifecycle report JSON',
        tool: 'sonatype',
        extensions: JSON_EXT,
        match: json(has('components'), hasAfter('components', 'matchSummary'), at('components', arrayOf({ allowEmpty: true }, has('hash', 'componentIdentifier'))))
    },
    {
        id: 'veracode-sca-json',
        scanType: 'Veracode SourceClear Scan',
        format: 'Veracode SCA issues (API)',
        tool: 'veracode-sca',
        extensions: JSON_EXT,
        match: json(at('_embedded.issues', arrayOf({ allowEmpty: true }, has('issue_type', 'severity', 'library'))))
    },
    {
        id: 'veracode-sca-csv',
        scanType: 'Veracode SourceClear Scan',
        format: 'Veracode SCA CSV',
        tool: 'veracode-sca',
        extensions: CSV_EXT,
        match: csv('Issue ID', 'Issue type', 'Library', 'Version in use', 'Package manager')
    },
    {
        id: 'kiuwan-sca-json',
        scanType: 'Kiuwan SCA Scan',
        format: 'Kiuwan Insights JSON',
        tool: 'kiuwan',
        extensions: JSON_EXT,
        match: json(arrayOf({ allowEmpty: true }, has('cve', 'cwe', 'securityRisk', 'components'))),
        nameHint: /kiuwan/i
    },
    {
        id: 'scantist-json',
        scanType: 'Scantist Scan',
        format: 'Scantist JSON',
        tool: 'scantist',
        extensions: JSON_EXT,
        match: json(arrayOf({ allowEmpty: true }, has('Public ID', 'Library', 'Library Version', 'Issue Type'))),
        nameHint: /scantist/i
    },
    {
        id: 'checkmarx-osa-json',
        scanType: 'Checkmarx OSA',
        format: 'Checkmarx OSA (CxOSA) JSON',
        tool: 'checkmarx-osa',
        extensions: JSON_EXT,
        // [[vulnerabilities…], [libraries…]]: a pair of lists, the first of {cveName, severity, state, …}.
        match: json(PAIR_OF_LISTS, arrayOf({ allowEmpty: false }, arrayOf({ allowEmpty: true }, has('cveName', 'severity', 'state', 'libraryId')))),
        nameHint: /osa|checkmarx/i
    },
    {
        id: 'blackduck-csv',
        scanType: 'Blackduck Hub Scan',
        format: 'Black Duck security CSV',
        tool: 'blackduck',
        extensions: CSV_EXT,
        match: anyOf(csv('Project name', 'Version', 'Vulnerability id', 'Description', 'Base score', 'Remediation status'), csv('Component name', 'Component version name', 'Vulnerability id', 'Description', 'Base score'))
    },
    {
        id: 'blackduck-zip',
        scanType: 'Blackduck Hub Scan',
        format: 'Black Duck report zip',
        tool: 'blackduck',
        extensions: ['.zip'],
        // Project version report: security.csv with files.csv/source.csv (component locations).
        match: allOf(zip(/(^|\/)security(_[\d_-]+)?\.csv$/, /(^|\/)(files|source)(_[\d_-]+)?\.csv$/))
    },
    {
        id: 'blackduck-component-risk-zip',
        scanType: 'Blackduck Component Risk',
        format: 'Black Duck component risk zip',
        tool: 'blackduck',
        extensions: ['.zip'],
        match: allOf(zip(/(^|\/)components(_[\d_-]+)?\.csv$/, /(^|\/)security(_[\d_-]+)?\.csv$/), zipLacks(/(^|\/)(files|source)(_[\d_-]+)?\.csv$/))
    },
    {
        id: 'blackduck-binary-analysis-csv',
        scanType: 'Blackduck Binary Analysis',
        format: 'Black Duck Binary Analysis CSV',
        tool: 'blackduck',
        extensions: CSV_EXT,
        match: csv('Component', 'Version', 'Latest version', 'CVE', 'Matching type', 'Object', 'Object full path')
    },
    {
        id: 'blackduck-api-json',
        scanType: 'BlackDuck API',
        format: 'Black Duck vulnerable BOM components (API)',
        tool: 'blackduck',
        extensions: JSON_EXT,
        match: json(arrayOf({ allowEmpty: false }, has('componentName', 'componentVersionName', 'vulnerabilityWithRemediation')))
    },
    {
        id: 'ort-evaluated-model',
        scanType: 'ORT evaluated model Importer',
        format: 'OSS Review Toolkit evaluated model',
        tool: 'ort',
        extensions: JSON_EXT,
        match: json(has('scan_results', 'packages', 'rule_violations', 'repository_configuration'))
    },
    {
        id: 'xygeni-sca-json',
        scanType: 'Xygeni SCA Scan',
        format: 'Xygeni SCA JSON',
        tool: 'xygeni',
        extensions: JSON_EXT,
        match: json(has('dependencies'), anyOf(at('metadata.scanType', oneOf('deps', 'sca')), has('projectName', 'directory', 'includes', 'excludes')))
    },
    {
        id: 'redhat-satellite-json',
        scanType: 'Red Hat Satellite',
        format: 'Red Hat Satellite errata (API)',
        tool: 'satellite',
        extensions: JSON_EXT,
        match: json(has('total', 'subtotal', 'per_page', 'results'), at('results', arrayOf({ allowEmpty: true }, has('errata_id', 'cves'))))
    },
    {
        id: 'reversinglabs-spectra-assure',
        scanType: 'ReversingLabs Spectra Assure',
        format: 'Spectra Assure rl-json report',
        tool: 'spectra-assure',
        extensions: JSON_EXT,
        // report.rl.json keys are sorted: catalogue, duration, report {info, metadata}, schema, timestamp,
        // version. A big report fills the head inside `report`, so its first keys have to tell.
        match: json(has('catalogue', 'duration', 'report'), at('catalogue', number), at('report', has('info')), at('report.info', anyOf(has('file'), has('detections'), has('statistics'))))
    }
]);

;// CONCATENATED MODULE: ./src/recognition/formats/secrets.ts
// The secrets lane of the format table: secret scanners (Gitleaks, TruffleHog, detect-secrets…).


const SECRETS = lane('secrets', [
    {
        id: 'gitleaks-json',
        scanType: 'Gitleaks Scan',
        format: 'Gitleaks JSON',
        tool: 'gitleaks',
        extensions: JSON_EXT,
        // v8 findings carry RuleID/StartLine and Secret or Match; v7 findings line/offender/rule/commit.
        // A clean run prints [] (v8) or null (v7): shared with several other tools, so the name decides then.
        match: json(anyOf(arrayOf({ allowEmpty: true }, has('RuleID', 'StartLine'), anyOf(has('Secret'), has('Match'))), arrayOf({ allowEmpty: false }, has('offender', 'rule', 'commit', 'file')), isNull)),
        nameHint: /gitleaks/i
    },
    {
        id: 'trufflehog-v2',
        scanType: 'Trufflehog Scan',
        format: 'truffleHog 2 JSON lines',
        tool: 'trufflehog',
        extensions: JSON_EXT,
        // `trufflehog --json` (v2): one {branch, commit, commitHash, diff, path, reason, stringsFound} per line.
        match: objectOrLines(has('branch', 'commitHash', 'diff', 'path', 'reason', 'stringsFound'))
    },
    {
        id: 'trufflehog-v3',
        scanType: 'Trufflehog Scan',
        format: 'TruffleHog 3 JSON lines',
        tool: 'trufflehog',
        extensions: JSON_EXT,
        // `trufflehog … --json` (v3): one {SourceMetadata, SourceType, DetectorType, DetectorName, Verified, Raw} per line.
        match: objectOrLines(has('SourceMetadata', 'DetectorName', 'DetectorType', 'Verified', 'Raw'))
    },
    {
        id: 'trufflehog3-json',
        scanType: 'Trufflehog3 Scan',
        format: 'trufflehog3 JSON',
        tool: 'trufflehog3',
        extensions: JSON_EXT,
        // trufflehog3 writes one JSON array: {rule: {id, message, severity}, path, line, secret, context} items,
        // or (legacy) truffleHog-2-like items {path, branch, commitHash, reason, stringsFound} in an array.
        match: json(anyOf(arrayOf({ allowEmpty: true }, has('rule', 'path', 'secret', 'context'), at('rule', has('id', 'severity'))), arrayOf({ allowEmpty: false }, has('path', 'branch', 'commitHash', 'reason', 'stringsFound'), lacks('old_file_id')))),
        nameHint: /trufflehog3/i
    },
    {
        id: 'detect-secrets-json',
        scanType: 'Detect-secrets Scan',
        format: 'detect-secrets baseline',
        tool: 'detect-secrets',
        extensions: JSON_EXT,
        match: json(has('version', 'plugins_used', 'results'), at('results', object))
    },
    {
        id: 'ggshield-json',
        scanType: 'Ggshield Scan',
        format: 'ggshield JSON',
        tool: 'ggshield',
        extensions: JSON_EXT,
        match: json(anyOf(allOf(has('id', 'type', 'total_incidents', 'total_occurrences'), anyOf(has('scans'), has('entities_with_incidents'))), 
        // The totals follow the scans list: in a long report's head, the scans' own shape.
        allOf(has('id', 'type', 'scans'), hasAfter('scans', 'total_incidents', 'total_occurrences'), at('scans', arrayOf({ allowEmpty: false }, has('id', 'type', 'entities_with_incidents', 'total_incidents'))))))
    },
    {
        id: 'github-secret-scanning',
        scanType: 'Github Secrets Detection Report Scan',
        format: 'GitHub secret scanning alerts (API)',
        tool: 'github',
        extensions: JSON_EXT,
        match: json(arrayOf({ allowEmpty: true }, has('number', 'secret_type', 'state', 'locations_url'))),
        nameHint: /secret.?scanning|secrets?.?detection/i
    },
    {
        id: 'gitlab-secret-detection',
        scanType: 'GitLab Secret Detection Report',
        format: 'GitLab secret detection report',
        tool: 'gitlab-secret-detection',
        extensions: JSON_EXT,
        match: gitlab('secret_detection')
    },
    {
        id: 'noseyparker-jsonl',
        scanType: 'Nosey Parker Scan',
        format: 'Nosey Parker JSON lines',
        tool: 'noseyparker',
        // The parser branches on the name: JSON lines are read from a .jsonl upload.
        extensions: ['.jsonl'],
        // `noseyparker report --format jsonl`: {finding_id|type, rule_name, matches[] …} per line.
        match: objectOrLines(has('rule_name', 'matches', 'num_matches'), anyOf(has('finding_id'), has('match_content')))
    },
    {
        id: 'choctaw-hog-json',
        scanType: 'Choctaw Hog Scan',
        format: 'Rusty Hog (choctaw_hog, git) JSON',
        tool: 'rusty-hog',
        extensions: JSON_EXT,
        match: json(arrayOf({ allowEmpty: false }, has('stringsFound', 'reason', 'commitHash', 'old_file_id', 'new_file_id')))
    },
    {
        id: 'duroc-hog-json',
        scanType: 'Duroc Hog Scan',
        format: 'Rusty Hog (duroc_hog, files) JSON',
        tool: 'rusty-hog',
        extensions: JSON_EXT,
        match: json(arrayOf({ allowEmpty: false }, has('stringsFound', 'reason', 'path', 'linenum'), lacks('commitHash')))
    },
    {
        id: 'essex-hog-json',
        scanType: 'Essex Hog Scan',
        format: 'Rusty Hog (essex_hog, Confluence) JSON',
        tool: 'rusty-hog',
        extensions: JSON_EXT,
        match: json(arrayOf({ allowEmpty: false }, has('stringsFound', 'reason', 'page_id', 'url')))
    },
    {
        id: 'gottingen-hog-json',
        scanType: 'Gottingen Hog Scan',
        format: 'Rusty Hog (gottingen_hog, Jira) JSON',
        tool: 'rusty-hog',
        extensions: JSON_EXT,
        match: json(arrayOf({ allowEmpty: false }, has('stringsFound', 'reason', 'issue_id', 'url')))
    },
    {
        id: 'rusty-hog-empty',
        scanType: 'Rusty Hog Scan',
        format: 'Rusty Hog JSON (no findings)',
        tool: 'rusty-hog',
        extensions: JSON_EXT,
        // A clean Rusty Hog run prints []: only a name can say so.
        match: json(array, empty),
        nameHint: /hog/i
    },
    {
        id: 'talisman-json',
        scanType: 'Talisman Scan',
        format: 'Talisman JSON report',
        tool: 'talisman',
        extensions: JSON_EXT,
        match: json(has('summary', 'results'), at('results', arrayOf({ allowEmpty: true }, has('filename', 'failure_list'))))
    },
    {
        id: 'whispers-json',
        scanType: 'Whispers Scan',
        format: 'Whispers JSON',
        tool: 'whispers',
        extensions: JSON_EXT,
        match: json(arrayOf({ allowEmpty: true }, has('key', 'value', 'file', 'line', 'rule_id', 'severity'))),
        nameHint: /whispers/i
    },
    {
        id: 'secretlint-json',
        scanType: 'Secretlint Scan',
        format: 'secretlint JSON',
        tool: 'secretlint',
        extensions: JSON_EXT,
        // `secretlint --format json`: [{filePath, messages[], sourceContent, …}] (no ESLint counters).
        match: json(arrayOf({ allowEmpty: true }, has('filePath', 'messages', 'sourceContent'), lacks('errorCount'))),
        nameHint: /secretlint/i
    },
    {
        id: 'n0s1-json',
        scanType: 'n0s1 Scanner',
        format: 'n0s1 JSON',
        tool: 'n0s1',
        extensions: JSON_EXT,
        match: json(has('tool', 'scan_date', 'regex_config', 'findings'))
    },
    {
        id: 'credscan-csv',
        scanType: 'CredScan Scan',
        format: 'CredScan CSV',
        tool: 'credscan',
        extensions: CSV_EXT,
        match: csv('TimeofDiscovery', 'Source', 'Searcher', 'Description', 'Line', 'IsSuppressed', 'HashKey')
    },
    {
        id: 'xygeni-secrets-json',
        scanType: 'Xygeni Secrets Scan',
        format: 'Xygeni secrets JSON',
        tool: 'xygeni',
        extensions: JSON_EXT,
        match: json(has('metadata', 'secrets'), at('metadata', has('scanType')))
    },
    {
        id: 'apkleaks-json',
        scanType: 'APKLeaks Scan',
        format: 'APKLeaks JSON',
        tool: 'apkleaks',
        extensions: JSON_EXT,
        match: json(has('package', 'results'), at('results', arrayOf({ allowEmpty: true }, has('name', 'matches'))))
    }
]);

;// CONCATENATED MODULE: ./src/recognition/formats/index.ts
// THE scanner table: one row per report format. Each row says which exact DefectDojo scan_type the
// format is imported as (strings from src/scan-types.ts, checked by a unit test against
// SCAN_TYPES), which lane it belongs to, how to recognise it by content, and what the uploaded file
// name must end with (docs/defectdojo-api.md §0: the server checks the extension and several parsers branch on it).
//
// A row with `scanType: null` is a format we know DefectDojo cannot import, or a tool's error output:
// recognising it lets us skip it with a precise reason instead of a vague "unknown".
//
// How to read a rule: `json(has('a', 'b'), at('c.d', is('x')))` is "a JSON document whose top level
// has keys a and b and whose c.d is "x"". Rules follow each format's documented structure (required
// top-level keys, root elements, CSV header columns), several facts per rule, never values that only
// happen to be in a sample. Rows that can match the same file are told apart by `lacks`/`not`; where
// two formats cannot be told apart by content, each row gets a `nameHint` and the file name decides
// (LEFT-TO-OVERRIDES.md lists those).









/** Every row, in matching order: the not-a-report rows first, then one lane after another. */
const FORMATS = [...OTHER, ...SAST, ...SCA, ...SBOM, ...SECRETS, ...DAST, ...CONTAINER, ...IAC, ...CLOUD];

// EXTERNAL MODULE: ./src/recognition/report-like.ts
var report_like = __webpack_require__(6925);
;// CONCATENATED MODULE: ./src/recognition/recognize.ts
// Candidate → Recognition. Content decides; a file, folder or artifact name only breaks a tie between rows
// that all match; where nothing decides, the file is skipped with a reason naming the override to
// use. A wrong mapping is worse than none: with reimport's close_old_findings=true a report parsed as
// the wrong type closes every finding of its test (docs/defectdojo-api.md §d).







/** Extensions of files people read, not tools: skipped quietly (counted, not warned about). */
const HUMAN_EXTENSIONS = new Set(['.html', '.htm', '.md', '.markdown', '.txt', '.log', '.pdf', '.png', '.jpg', '.jpeg', '.gif', '.svg', '.webp', '.css', '.js']);
async function recognize(candidate, overrides = [], formats = FORMATS) {
    // An empty file is never a report, whatever an override says: uploading it would close everything.
    if (candidate.size === 0)
        return unsafe('the file is empty (0 bytes): an empty upload would close every finding of its test', [], (0,report_like/* looksLikeReport */.Q)(candidate, null));
    const override = overrides.find((o) => o.matches(candidate.displayPath));
    if (override) {
        // The rule names the type; the content still decides whether the file is safe to upload at all.
        const head = await sniffFile(candidate.absolutePath).catch(() => null);
        const judged = head ? (0,forced/* judgeRule */.q1)(head, override.scanType, formats, () => recognizeHead(head, candidate, formats)) : null;
        if (judged?.refusal) {
            const rule = (0,forced/* ruleText */.Y3)(override.pattern, override.scanType);
            return unsafe(`${judged.refusal}; not uploaded although the \`scan-types\` rule \`${rule}\` names it: uploading it would close every finding of its test`, [`scan-types: ${rule}`]);
        }
        return recognizeOverride(candidate, override, formats, head, judged);
    }
    // Most formats decide within their first few KiB: a short head first, the full bounded head only
    // when the short one leaves the file undecided. (On DefectDojo's samples the short head alone maps
    // none wrongly but decides 2 % fewer; the second read restores those.)
    const short = await sniffFile(candidate.absolutePath, SHORT_HEAD_BYTES);
    const first = recognizeHead(short, candidate, formats);
    if (first.kind === 'report' || short.complete || !RETRY_SYNTAXES.has(short.syntax))
        return first;
    return recognizeHead(await sniffFile(candidate.absolutePath, HEAD_BYTES), candidate, formats);
}
const UTF16 = 'the file is UTF-16 encoded (what Windows PowerShell 5 writes with `>` or Out-File)';
/** The first, cheaper read; HEAD_BYTES stays the bound. */
const SHORT_HEAD_BYTES = 64 * 1024;
const RETRY_SYNTAXES = new Set(['json', 'jsonl', 'xml', 'csv', 'text', 'html', 'zip']);
/** Pure: decides from a sniffed head and the names. */
function recognizeHead(head, candidate, formats = FORMATS) {
    const extension = (0,external_node_path_.extname)(candidate.displayPath).toLowerCase();
    const human = HUMAN_EXTENSIONS.has(extension);
    switch (head.syntax) {
        case 'empty':
            return unsafe('the file holds only white space: not a report', [], (0,report_like/* looksLikeReport */.Q)(candidate, null));
        case 'binary':
            return skipped(human ? `a binary ${extension} file for people, not a report` : 'a binary file, not a report', human, [], (0,report_like/* looksLikeReport */.Q)(candidate, null));
        case 'malformed':
            return unsafe(`looks like ${head.expected} but is not valid ${head.expected} (${head.detail}): truncated or broken, so it is not uploaded`);
        default:
            break;
    }
    const matches = [];
    for (const rule of formats) {
        const evidence = rule.match(head);
        if (evidence)
            matches.push({ rule, evidence });
    }
    if (matches.length === 0) {
        if (head.syntax === 'html')
            return skipped('an HTML page for people, not an importable report', true);
        if (human)
            return skipped(`a ${extension} file for people, not a recognised report`, true);
        if (head.encoding)
            return skipped(`${UTF16} and not a report format this action recognises once decoded (${describe(head)}); if it is one, write it as UTF-8 and name its scan type in ${(0,inputs/* theInput */.y8)('scan-types')}`, false);
        return skipped(`not a report format this action recognises (${describe(head)}); if it is one, name its scan type in ${(0,inputs/* theInput */.y8)('scan-types')}`, false, [], (0,report_like/* looksLikeReport */.Q)(candidate, head));
    }
    // Content decides when exactly one row matches on real structure, or when every row that matches
    // is a twin of one of them (their parsers read the file alike: that row's scan type is uploaded).
    // Otherwise — several rows, or one row matched only on weak evidence such as `[]` — a file or
    // artifact name must confirm the choice.
    const weak = matches.length === 1 && isWeak(matches[0].evidence);
    let chosen = matches[0];
    let decidedBy = 'content';
    if (matches.length > 1 || weak) {
        const hinted = nameHinted(matches, candidate);
        const twin = hinted.length === 1 ? undefined : preferredTwin(matches);
        if (twin)
            chosen = twin;
        else if (hinted.length !== 1) {
            const types = [...new Set(matches.map((m) => m.rule.scanType ?? m.rule.format))];
            const options = types.length > 4 ? `${types.slice(0, 4).join(', ')} and ${types.length - 4} more` : types.join(', ');
            const unread = matches.every((m) => m.evidence.includes(UNREAD_EVIDENCE));
            const allWeak = matches.every((m) => isWeak(m.evidence));
            const what = unread
                ? `the part of the file that tells its format (${describe(head)}) lies beyond the bounded read (${options})`
                : allWeak
                    ? `the content (${describe(head)}) is what several tools print on a clean run (${options})`
                    : `the content fits several formats (${options})`;
            return skipped(`${what} and the file, folder and artifact names do not say which tool wrote it: set it with ${(0,inputs/* theInput */.y8)('scan-types')}, e.g. \`${candidate.displayPath} = ${matches[0].rule.scanType ?? ''}\``, false);
        }
        else {
            chosen = hinted[0];
            decidedBy = 'content+name';
        }
    }
    const { rule, evidence } = chosen;
    // A CSV recognised by its header whose records have more fields than the header is broken: the
    // parser rejects it ("Number of fields in row does not match number of headers").
    if (head.syntax === 'csv' && head.overfull && evidence.some((e) => e.startsWith('CSV columns'))) {
        return unsafe(`${rule.format} by its header, but not valid CSV (${head.overfull}): broken, so it is not uploaded`, [`${rule.id}: ${evidence.join('; ')}`]);
    }
    if (rule.scanType === null && rule.unsafe)
        return unsafe(`${rule.format}: ${rule.reasonFrom?.(head) ?? rule.reason ?? 'not a report'}`, [`${rule.id}: ${evidence.join('; ')}`]);
    if (rule.scanType === null)
        return skipped(`${rule.format}: ${rule.reasonFrom?.(head) ?? rule.reason ?? 'DefectDojo cannot import this format'}`, false, [`${rule.id}: ${evidence.join('; ')}`]);
    // JSON carries no encoding of its own, so a UTF-16 JSON report is sent converted to UTF-8, which every
    // parser reads; XML and CSV name or assume theirs, and a converted copy could lie about it.
    if (head.encoding && head.syntax !== 'json' && head.syntax !== 'jsonl') {
        return skipped(`${rule.format}, but ${UTF16}: DefectDojo's parsers may not read it; write it as UTF-8 (PowerShell: \`Out-File -Encoding utf8\`, or PowerShell 7), or convert it with \`iconv -f UTF-16 -t UTF-8\``, false, [`${rule.id}: ${evidence.join('; ')}`]);
    }
    return {
        kind: 'report',
        scanType: rule.scanType,
        format: rule.format,
        tool: rule.toolFrom?.(head) ?? rule.tool,
        lane: rule.lane,
        uploadName: uploadName((0,external_node_path_.basename)(candidate.displayPath), rule.extensions, rule.avoidExtensions),
        decidedBy,
        evidence: [`${rule.id}: ${evidence.join('; ')}`, ...(head.encoding ? [`${head.encoding.toUpperCase()} file, sent converted to UTF-8`] : [])],
        ...(head.encoding ? { transcodeFrom: head.encoding } : {}),
        ...(rule.formerly ? { formerly: rule.formerly } : {})
    };
}
/**
 * The matches a name confirms. The file's own name and its artifact's name come first; only when
 * neither names a tool does the file's immediate parent folder count, the way a download of several
 * artifacts into one folder (`reports/gitleaks/results.json`) names them. So an artifact's own name
 * wins over a folder inside it, and a name never adds a match the content did not make.
 */
function nameHinted(matches, candidate) {
    const hintedBy = (names) => matches.filter((m) => m.rule.nameHint && names.some((n) => n !== '' && m.rule.nameHint.test(n)));
    const own = hintedBy([(0,external_node_path_.basename)(candidate.displayPath), candidate.artifact ?? '']);
    if (own.length > 0)
        return own;
    const parent = (0,external_node_path_.basename)((0,external_node_path_.dirname)(candidate.displayPath));
    return parent === '.' || parent === '' ? [] : hintedBy([parent]);
}
/**
 * The row every other match is a twin of (`twinOf`), when there is one and no match is weak: its
 * parser reads the file as the others' do, so it is chosen by its documented preference.
 */
function preferredTwin(matches) {
    if (matches.length < 2 || matches.some((m) => isWeak(m.evidence)))
        return undefined;
    return matches.find((p) => !p.rule.twinOf && matches.every((m) => m === p || m.rule.twinOf === p.rule.id));
}
/**
 * An override names the scan type; the table still says how to name the upload. When several rows
 * serve that scan type (or it reads a format another row recognises, `alsoReadBy`), the content picks
 * the row whose naming rules apply (`AWS Prowler V3` needs `.ocsf.json` for OCSF, `.json` for v3).
 */
async function recognizeOverride(candidate, override, formats, sniffed, judged) {
    const rows = formats.filter((f) => f.scanType === override.scanType);
    const readers = formats.filter((f) => f.alsoReadBy?.some((a) => a.scanType === override.scanType));
    let rule = rows[0];
    let extensions = rule?.extensions ?? [];
    let avoid = rule?.avoidExtensions ?? [];
    if (rows.length + readers.length > 1 || (rows.length === 0 && readers.length > 0)) {
        const head = sniffed;
        const own = head ? rows.find((r) => r.match(head)) : undefined;
        const other = head && !own ? readers.find((r) => r.match(head)) : undefined;
        if (own) {
            rule = own;
            extensions = own.extensions;
            avoid = own.avoidExtensions ?? [];
        }
        else if (other) {
            extensions = other.alsoReadBy.find((a) => a.scanType === override.scanType).extensions ?? other.extensions;
            avoid = [];
        }
    }
    return {
        kind: 'report',
        scanType: override.scanType,
        format: rule?.format ?? override.scanType,
        tool: rule?.tool ?? toolFromScanType(override.scanType),
        lane: rule?.lane ?? 'other',
        uploadName: uploadName((0,external_node_path_.basename)(candidate.displayPath), extensions, avoid),
        decidedBy: 'override',
        evidence: [`scan-types: ${override.pattern} = ${override.scanType}`, ...(judged?.readsAs && judged.readsAs !== override.scanType ? [`content reads as ${judged.readsAs}`] : [])],
        rule: { text: (0,forced/* ruleText */.Y3)(override.pattern, override.scanType), readsAs: judged?.readsAs ?? null, contradicts: judged?.contradicts ?? false }
    };
}
/**
 * The multipart file name: the real name when it already ends with an accepted extension (compared
 * case-sensitively: the ZAP parser wants lower-case `.xml`), else the name with its extension
 * replaced by the one the parser needs (`gitleaks-report` → `gitleaks-report.json`). A name ending
 * with an avoided suffix (a Prowler 3 report named `x.ocsf.json`) loses that suffix first.
 */
function uploadName(fileName, extensions, avoid = []) {
    if (extensions.length === 0)
        return fileName;
    const avoided = avoid.find((a) => fileName.toLowerCase().endsWith(a.toLowerCase()));
    if (avoided)
        return fileName.slice(0, -avoided.length) + extensions[0];
    if (extensions.some((e) => fileName.endsWith(e)))
        return fileName;
    const current = (0,external_node_path_.extname)(fileName);
    // Keep a dotted stem like `results.v2` only when the suffix is not a real file extension.
    const stem = current && /^\.[A-Za-z]{1,5}$/.test(current) ? fileName.slice(0, -current.length) : fileName;
    return stem + extensions[0];
}
function toolFromScanType(scanType) {
    return scanType.replace(/\b(scan|report|json|xml|csv|sarif)\b/gi, '').trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'report';
}
/** A file refused as unsafe to upload (empty, broken, a failed run): no `scan-types` rule uploads it. */
function unsafe(reason, evidence = [], reportLike = true) {
    return { kind: 'skipped', reason, humanReadable: false, reportLike, evidence, unsafe: true };
}
/** A skipped file; `reportLike` (warned about) unless it is for people or said otherwise. */
function skipped(reason, humanReadable, evidence = [], reportLike = !humanReadable) {
    return { kind: 'skipped', reason, humanReadable, reportLike: reportLike && !humanReadable, evidence };
}
/** A few words on what the head looked like, for the "not recognised" reason. */
function describe(head) {
    switch (head.syntax) {
        case 'json': {
            const value = head.value;
            if (Array.isArray(value))
                return value.length === 0 ? 'an empty JSON array' : 'a JSON array';
            if (value && typeof value === 'object')
                return `a JSON object with keys ${Object.keys(value).slice(0, 5).join(', ')}`;
            return 'a JSON value';
        }
        case 'jsonl':
            return 'JSON Lines';
        case 'xml':
            return `XML with root <${head.root.name}>`;
        case 'csv':
            return `CSV with columns ${head.header.slice(0, 5).join(', ')}`;
        case 'zip':
            return head.entries.length > 0 ? `a zip archive holding ${head.entries.slice(0, 4).join(', ')}` : 'a zip archive';
        default:
            return 'plain text';
    }
}


/***/ })

};
