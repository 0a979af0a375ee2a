package io.github.motcua.fees;

import java.util.Locale;

/**
 * Reads an entry's XML as it streams by, with bounded memory: counts the cells ({@code c} elements) and notices a
 * cell reference ({@code r="…"}) with more than three column letters or past {@code XFD}, a {@code <!DOCTYPE} or
 * {@code <!ENTITY}, the shared-texts part's items, and a worksheet's shared-text cells.
 *
 * <p>Names are read as the XML namespaces recommendation reads them: {@code <x:si>} is a shared-text item when the
 * prefix {@code x} is bound ({@code xmlns:x="…"} on the element or an ancestor, the nearest declaration winning)
 * to the SpreadsheetML namespace, transitional or strict; an unprefixed name takes the default namespace
 * ({@code xmlns="…"}), and one in no namespace at all is read as SpreadsheetML, as the reader reads it. An
 * {@code si}, or a {@code t} inside an {@code si}, of any other namespace is noted ({@link #foreignSharedText}):
 * the reader (fastexcel) matches local names only and would read it as a shared text. Cells, values and the
 * {@code r} and {@code t} attributes are matched by local name whatever their namespace — exactly what the reader
 * reads, so the limits count everything it would build. Comments, CDATA sections and processing instructions are
 * skipped as a parser skips them; an entry in UTF-16 (by its byte-order mark, or {@code <} as its first character)
 * is read as UTF-16, as a parser reads it.
 *
 * <p>Bounds: names and namespace names are kept up to {@link #MAX_NAME} characters (a longer prefix binds nothing
 * known, so its {@code si} counts as foreign: refused, never accepted), at most {@link #MAX_BINDINGS} namespace
 * declarations are kept in scope (past that every prefix reads as foreign, likewise), indices and cell positions
 * are clamped, and a worksheet's shared-text cells are recorded only when their index rises.
 *
 * <p>The XML tokenizer of {@link XlsxArchive}'s check, which makes one per entry as it inflates it and reads the
 * counts afterwards. Not thread-safe.
 */
final class CellCounter {
    /** Longest prefix, local name or namespace name kept. */
    static final int MAX_NAME = 128;
    /** Most namespace declarations in scope at once (a real part declares fewer than twenty, on its root). */
    static final int MAX_BINDINGS = 64;
    static final String SPREADSHEETML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    static final String SPREADSHEETML_STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main";
    // namespaces of a name: SpreadsheetML, none at all, anything else (or unknown: read as anything else)
    private static final byte NS_MAIN = 0;
    private static final byte NS_NONE = 1;
    private static final byte NS_OTHER = 2;
    // the element kinds the check reads
    private static final int E_OTHER = 0;
    private static final int E_C = 1;
    private static final int E_SI = 2;
    private static final int E_T = 3;
    private static final int E_V = 4;
    private static final int E_F = 5;
    // the attribute kinds
    private static final int A_OTHER = 0;
    private static final int A_XMLNS = 1;
    private static final int A_XMLNS_PREFIX = 2;
    private static final int A_R = 3;
    private static final int A_T = 4;
    private static final int A_FORMULA_TYPE = 5;
    // tokenizer states
    private static final int TEXT = 0;
    private static final int LT = 1;
    private static final int NAME = 2;
    private static final int TAG = 3;
    private static final int ATTR = 4;
    private static final int ATTR_EQ = 5;
    private static final int VALUE_START = 6;
    private static final int VALUE = 7;
    private static final int END_TAG = 8;
    private static final int BANG = 9;
    private static final int COMMENT = 10;
    private static final int CDATA = 11;
    private static final int PI = 12;
    private static final int DECL = 13;

    int cells;
    /** Formulas that name a shared formula without giving its text ({@code <f t="shared" si="0"/>}). */
    long sharedFormulaUses;
    /** The longest text of a shared formula's first cell (markup inside it counted too). */
    long longestSharedFormula;
    /** Array formulas ({@code <f t="array" ref="…">}). */
    long arrayFormulas;
    boolean wideReference;
    boolean declaration;
    /** Shared-text items ({@code si} in SpreadsheetML) met (counted in every entry, read for the shared-texts part). */
    int sharedItems;
    /** An {@code si}, or a {@code t} inside an {@code si}, in another namespace: the reader would take it for a shared text. */
    boolean foreignSharedText;
    /**
     * The entry's shared-text cells (every entry's: which entries are worksheets is known once the workbook is read)
     * whose index is higher than every earlier one's, in order: the first cell whose
     * index names no shared text is always one of them, whatever the number of shared texts turns out to be.
     */
    int[] sharedIndex = new int[8];
    /** Their column (high 32 bits) and row (low 32 bits), 0 when the cell has no reference. */
    long[] sharedAt = new long[8];
    int sharedCount;
    private int highest = -1;

    // the byte stream's encoding: -1 not known yet, 0 one byte a character (UTF-8 and the like), 1 UTF-16BE, 2 UTF-16LE
    private int encoding = -1;
    private int firstByte = -1;
    private int pendingByte = -1;
    /** The entry's first characters, where its XML declaration (and the encoding it names) stands. */
    private final StringBuilder head = new StringBuilder();
    private static final int HEAD = 256;
    /** A NUL character (never in XML: the entry is in an encoding the check does not read), or a first byte no XML starts with. */
    private boolean foreignBytes;

    private int state;
    private final QualifiedName element = new QualifiedName();
    private final QualifiedName attribute = new QualifiedName();
    private int elementKind;
    private int attributeKind;
    private boolean selfClosing;
    private char quote;
    private int marks; // '-' or ']' in a row, or whether the last character was '?'
    // the namespace declarations in scope: the depth of the element declaring each, its prefix ("" for the default)
    private final int[] bindingDepth = new int[MAX_BINDINGS];
    private final String[] bindingPrefix = new String[MAX_BINDINGS];
    private final byte[] bindingNamespace = new byte[MAX_BINDINGS];
    private int bindings;
    private boolean bindingsOverflow;
    /** Longest character reference read ({@code &#x0000041;} and the predefined entities fit). */
    private static final int MAX_REFERENCE = 12;
    private final char[] referenceBuffer = new char[MAX_REFERENCE];
    private int referenceLength; // 0 outside a reference, else 1 + the characters read after '&'
    private final char[] uri = new char[MAX_NAME];
    // the formula being read: its type (1 shared, 2 array, 0 other), whether it gives a range, and while a shared
    // formula's text is read, its depth and the characters so far
    private final char[] typeText = new char[6];
    private int formulaType;
    private boolean formulaHasRange;
    private int formulaDepth;
    private long formulaLength;
    private int uriLength;
    private boolean uriLong;
    private int depth;
    private int sharedItemDepth; // depth of the open si, 0 when none is open
    // the cell being read
    private int letters;
    private boolean referenceDone;
    private int column;
    private int row;
    private int typeLength;
    private boolean typeIsS;
    private boolean shared;
    private boolean awaitValue;
    private boolean inValue;
    // the shared-text cell's value being read, as the reader's Integer.parseInt reads it: its characters so far, a
    // leading sign, the digits and their number (clamped), whether it is still a whole number, the v element's
    // depth, and the cell it belongs to (a cell element nested in the value moves column and row, not the value)
    private int valueDepth;
    private int valueChars;
    private boolean valueNegative;
    private long index;
    private int digits;
    private boolean valueValid;
    private int valueColumn;
    private int valueRow;
    // a UTF-8 sequence in the value's text: the bytes still to come and the code point so far
    private int utf8Need;
    private int utf8Code;
    /** Characters of {@code CDATA[} still to pass after {@code <![}: the section's text starts after them. */
    private int cdataSkip;

    void feed(byte[] buf, int off, int len) {
        for (int i = off; i < off + len; i++) {
            int b = buf[i] & 0xFF;
            if (encoding == 0) {
                accept((char) b);
            } else if (encoding < 0) {
                if (firstByte < 0) {
                    firstByte = b;
                    continue;
                }
                // a parser's own guess (XML 1.0 appendix F): a byte-order mark, or '<' as one 16-bit unit
                int first = firstByte;
                if (first == 0xFE && b == 0xFF || first == 0 && b == '<') {
                    encoding = 1;
                } else if (first == 0xFF && b == 0xFE || first == '<' && b == 0) {
                    encoding = 2;
                } else {
                    encoding = 0;
                    // XML in UTF-8 starts with '<', white space or the byte-order mark; anything else (UCS-4, EBCDIC's
                    // '<' 0x4C) is an encoding a parser may read and this check would not
                    foreignBytes |= first != '<' && first != 0xEF && first != ' ' && first != '\t' && first != '\n'
                            && first != '\r';
                    accept((char) first);
                    accept((char) b);
                    continue;
                }
                if (first == 0 || first == '<') {
                    accept('<');
                }
            } else if (pendingByte < 0) {
                pendingByte = b;
            } else {
                accept((char) (encoding == 1 ? pendingByte << 8 | b : b << 8 | pendingByte));
                pendingByte = -1;
            }
        }
    }

    /** The encoding an XML declaration names ({@code encoding="…"}), or null when the entry has none. */
    private static final java.util.regex.Pattern DECLARED_ENCODING = java.util.regex.Pattern.compile(
            "\\bencoding\\s*=\\s*[\"']([^\"']*)[\"']");

    /**
     * Whether the entry, read as XML, is in an encoding this check does not read as a parser would: a NUL character
     * or a first byte no UTF-8 XML starts with (UCS-4, EBCDIC), or an XML declaration naming an encoding other than
     * the one the bytes were read in — UTF-8 for bytes, UTF-16 for 16-bit units — or too long to be read here. The
     * package format allows UTF-8 and UTF-16 only (ECMA-376 Part 2, §8.1.4); a parser switches to another one named
     * in the declaration, after it.
     */
    boolean foreignEncoding() {
        if (foreignBytes) {
            return true;
        }
        String h = head.toString();
        if (h.startsWith("\u00EF\u00BB\u00BF")) {
            h = h.substring(3); // UTF-8's byte-order mark, read as three bytes
        }
        if (!h.startsWith("<?xml") || h.length() > 5 && !isSpace(h.charAt(5))) {
            return false; // no declaration (<?xml-stylesheet is another instruction): UTF-8, or UTF-16 by its first bytes
        }
        int end = h.indexOf("?>");
        if (end < 0) {
            return true;
        }
        java.util.regex.Matcher m = DECLARED_ENCODING.matcher(h.substring(0, end));
        if (!m.find()) {
            return false;
        }
        String declared = m.group(1).toUpperCase(Locale.ROOT);
        return encoding > 0 ? !(declared.equals("UTF-16") || declared.equals("UTF-16BE") || declared.equals("UTF-16LE"))
                : !(declared.equals("UTF-8") || declared.equals("UTF8"));
    }

    private static boolean isSpace(char ch) {
        return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
    }

    private void accept(char ch) {
        if (formulaDepth > 0) {
            formulaLength++;
        }
        if (head.length() < HEAD) {
            head.append(ch);
        }
        if (ch == 0) {
            foreignBytes = true;
        }
        switch (state) {
            case TEXT -> {
                if (ch == '<') {
                    if (referenceLength > 0 || utf8Need > 0) {
                        valueValid = false; // an unfinished reference or character: a parser refuses it
                        referenceLength = 0;
                        utf8Need = 0;
                    }
                    state = LT; // the value goes on after markup: the reader joins the text up to </v>
                } else if (inValue) {
                    valueText(ch, true);
                }
            }
            case LT -> {
                if (ch == '/') {
                    state = END_TAG;
                } else if (ch == '!') {
                    state = BANG;
                } else if (ch == '?') {
                    state = PI;
                    marks = 0;
                } else if (ch == '<') {
                    state = LT;
                } else if (isSpace(ch) || ch == '>') {
                    state = TEXT; // not markup a parser accepts: it refuses the part itself
                } else {
                    element.reset();
                    element.add(ch);
                    selfClosing = false;
                    state = NAME;
                }
            }
            case NAME -> {
                if (isSpace(ch) || ch == '/' || ch == '>') {
                    startElement();
                    state = TAG;
                    tag(ch);
                } else if (ch == '<') {
                    state = LT;
                } else {
                    element.add(ch);
                }
            }
            case TAG -> tag(ch);
            case ATTR -> {
                if (ch == '=') {
                    state = VALUE_START;
                } else if (isSpace(ch)) {
                    state = ATTR_EQ;
                } else if (ch == '>' || ch == '/' || ch == '<') {
                    state = TAG;
                    tag(ch);
                } else {
                    attribute.add(ch);
                }
            }
            case ATTR_EQ -> {
                if (ch == '=') {
                    state = VALUE_START;
                } else if (!isSpace(ch)) {
                    state = TAG;
                    tag(ch);
                }
            }
            case VALUE_START -> {
                if (ch == '"' || ch == '\'') {
                    quote = ch;
                    startValue();
                    state = VALUE;
                } else if (!isSpace(ch)) {
                    state = TAG;
                    tag(ch);
                }
            }
            case VALUE -> {
                if (ch == quote) {
                    if (referenceLength > 0) {
                        valueChar((char) 0xFFFF); // an unfinished reference: a parser refuses it
                        referenceLength = 0;
                    }
                    endAttribute();
                    state = TAG;
                } else {
                    int c = reference(ch);
                    if (c >= 0) {
                        valueChar((char) c);
                    }
                }
            }
            case END_TAG -> {
                if (ch == '>') {
                    endElement();
                    state = TEXT;
                }
            }
            case BANG -> {
                if (ch == '-') {
                    state = COMMENT;
                    marks = 0;
                } else if (ch == '[') {
                    state = CDATA;
                    marks = 0;
                    cdataSkip = "CDATA[".length();
                } else {
                    if (ch == 'D' || ch == 'E' || ch == 'd' || ch == 'e') {
                        declaration = true; // <!DOCTYPE, <!ENTITY (comments <!-- and <![CDATA[ are fine)
                    }
                    state = ch == '>' ? TEXT : DECL;
                }
            }
            case COMMENT -> {
                if (ch == '>' && marks >= 2) {
                    state = TEXT;
                } else {
                    marks = ch == '-' ? marks + 1 : 0;
                }
            }
            case CDATA -> {
                // a CDATA section's text is text (the reader appends it to the value), taken as it stands
                if (cdataSkip > 0) {
                    cdataSkip--;
                } else if (ch == '>' && marks >= 2) {
                    if (inValue && (marks > 2 || utf8Need > 0)) {
                        valueValid = false; // "]]]>" leaves a ']' in the text
                        utf8Need = 0;
                    }
                    state = TEXT;
                } else if (ch == ']') {
                    marks++;
                } else {
                    if (inValue) {
                        if (marks > 0) {
                            valueValid = false; // a ']' that did not end the section is text, and no digit
                        }
                        valueText(ch, false);
                    }
                    marks = 0;
                }
            }
            case PI -> {
                if (ch == '>' && marks == 1) {
                    state = TEXT;
                } else {
                    marks = ch == '?' ? 1 : 0;
                }
            }
            case DECL -> {
                if (ch == '>') {
                    state = TEXT;
                }
            }
            default -> state = TEXT;
        }
    }

    /** Inside a start tag, between attributes. */
    private void tag(char ch) {
        if (ch == '>') {
            endStartTag();
            state = TEXT;
        } else if (ch == '/') {
            selfClosing = true;
        } else if (ch == '<') {
            state = LT; // a parser refuses the part itself
        } else if (!isSpace(ch) && ch != '"' && ch != '\'' && ch != '=') {
            selfClosing = false;
            attribute.reset();
            attribute.add(ch);
            state = ATTR;
        }
    }

    /** The element's name is read: a cell is counted here, whatever its namespace (the reader's view). */
    private void startElement() {
        elementKind = element.localIs("c") ? E_C : element.localIs("si") ? E_SI : element.localIs("t") ? E_T
                : element.localIs("v") ? E_V : element.localIs("f") ? E_F : E_OTHER;
        if (elementKind == E_C) {
            cells++;
            column = 0;
            row = 0;
            shared = false;
            awaitValue = false;
        } else if (elementKind == E_F) {
            formulaType = 0;
            formulaHasRange = false;
        }
    }

    private void startValue() {
        if (!attribute.hasPrefix() && attribute.localIs("xmlns")) {
            attributeKind = A_XMLNS;
        } else if (attribute.hasPrefix() && attribute.prefixIs("xmlns")) {
            attributeKind = A_XMLNS_PREFIX;
        } else if (elementKind == E_C && attribute.localIs("r")) {
            attributeKind = A_R;
            letters = 0;
            column = 0;
            row = 0;
            referenceDone = false;
        } else if (elementKind == E_C && !attribute.hasPrefix() && attribute.localIs("t")) {
            // the reader asks for the attribute t of no namespace (StAX getAttributeValue(null, "t")): a prefixed
            // x:t is another attribute to it, whatever its value
            attributeKind = A_T;
            typeLength = 0;
            typeIsS = false;
        } else if (elementKind == E_F && !attribute.hasPrefix() && attribute.localIs("t")) {
            attributeKind = A_FORMULA_TYPE;
            typeLength = 0;
        } else {
            if (elementKind == E_F && !attribute.hasPrefix() && attribute.localIs("ref")) {
                formulaHasRange = true; // as the reader asks: present, whatever its value
            }
            attributeKind = A_OTHER;
        }
        uriLength = 0;
        uriLong = false;
        referenceLength = 0;
    }

    /**
     * A character of an attribute value or a cell's text as a parser reads it: a character reference ({@code &#65;},
     * {@code &#x41;}) or a predefined entity ({@code &amp;}) is replaced by its character — so {@code r="&#65;…"}
     * names the column the reader sees — or -1 while one is being read. A reference longer than
     * {@link #MAX_REFERENCE} characters, or one naming no character, reads as U+FFFF, which is no letter or digit.
     */
    private int reference(char ch) {
        if (referenceLength == 0) {
            if (ch != '&') {
                return ch;
            }
            referenceLength = 1;
            return -1;
        }
        if (ch != ';') {
            if (referenceLength < MAX_REFERENCE) {
                referenceBuffer[referenceLength - 1] = ch;
            }
            referenceLength++;
            return -1;
        }
        int n = referenceLength - 1;
        referenceLength = 0;
        if (n >= MAX_REFERENCE) {
            return 0xFFFF;
        }
        String name = new String(referenceBuffer, 0, n);
        switch (name) {
            case "amp" -> {
                return '&';
            }
            case "lt" -> {
                return '<';
            }
            case "gt" -> {
                return '>';
            }
            case "quot" -> {
                return '"';
            }
            case "apos" -> {
                return '\'';
            }
            default -> {
            }
        }
        try {
            int code = name.startsWith("#x") ? Integer.parseInt(name.substring(2), 16)
                    : name.startsWith("#") ? Integer.parseInt(name.substring(1)) : -1;
            return code >= 0 && code < 0xFFFF ? code : 0xFFFF;
        } catch (NumberFormatException e) {
            return 0xFFFF;
        }
    }

    private void valueChar(char ch) {
        switch (attributeKind) {
            case A_XMLNS, A_XMLNS_PREFIX -> {
                if (uriLength < uri.length) {
                    uri[uriLength++] = ch;
                } else {
                    uriLong = true;
                }
            }
            case A_R -> {
                if (referenceDone) {
                    return;
                }
                if ((ch >= 'A' && ch <= 'Z' || ch >= 'a' && ch <= 'z') && row == 0) {
                    letters++;
                    column = Math.min(16_385, column * 26 + (Character.toUpperCase(ch) - 'A' + 1));
                    if (letters > 3 || column > 16_384) {
                        wideReference = true;
                    }
                } else if (ch >= '0' && ch <= '9' && letters > 0) {
                    row = (int) Math.min(Integer.MAX_VALUE, row * 10L + (ch - '0'));
                } else {
                    referenceDone = true;
                }
            }
            case A_T -> {
                typeLength++;
                typeIsS = typeLength == 1 && ch == 's';
            }
            case A_FORMULA_TYPE -> {
                if (typeLength < typeText.length) {
                    typeText[typeLength] = ch;
                }
                typeLength++;
            }
            default -> {
            }
        }
    }

    private void endAttribute() {
        switch (attributeKind) {
            case A_XMLNS, A_XMLNS_PREFIX -> {
                if (attributeKind == A_XMLNS_PREFIX && attribute.localTooLong) {
                    return; // binds a prefix too long to be kept: its elements read as foreign anyway
                }
                if (bindings == MAX_BINDINGS) {
                    bindingsOverflow = true;
                    return;
                }
                byte ns = uriLength == 0 ? NS_NONE
                        : !uriLong && (uriIs(SPREADSHEETML) || uriIs(SPREADSHEETML_STRICT)) ? NS_MAIN : NS_OTHER;
                bindingDepth[bindings] = depth + 1;
                bindingPrefix[bindings] = attributeKind == A_XMLNS ? "" : attribute.local();
                bindingNamespace[bindings] = ns;
                bindings++;
            }
            case A_T -> shared = typeLength == 1 && typeIsS;
            case A_FORMULA_TYPE -> formulaType = typeIs("shared") ? 1 : typeIs("array") ? 2 : 0;
            default -> {
            }
        }
    }

    private boolean typeIs(String s) {
        return same(typeText, typeLength, s);
    }

    /** The reader's formula work in this worksheet, as {@link XlsxArchive#MAX_FORMULA_WORK} counts it. */
    long formulaWork() {
        long shared = sharedFormulaUses * longestSharedFormula;
        long array = arrayFormulas * cells;
        return Math.max(shared < 0 ? Long.MAX_VALUE : shared, array < 0 ? Long.MAX_VALUE : array);
    }

    private boolean uriIs(String s) {
        return same(uri, uriLength, s);
    }

    /** The namespace of the element just read, by the declarations in scope. */
    private byte namespace() {
        if (bindingsOverflow || element.prefixTooLong) {
            return NS_OTHER;
        }
        for (int k = bindings - 1; k >= 0; k--) {
            if (element.hasPrefix() ? element.prefixIs(bindingPrefix[k]) && !bindingPrefix[k].isEmpty()
                    : bindingPrefix[k].isEmpty()) {
                return bindingNamespace[k];
            }
        }
        return element.hasPrefix() ? NS_OTHER : NS_NONE; // an unbound prefix (or xml:) is no SpreadsheetML
    }

    private void endStartTag() {
        int at = depth + 1;
        switch (elementKind) {
            case E_SI -> {
                if (namespace() == NS_OTHER) {
                    foreignSharedText = true;
                } else {
                    sharedItems++;
                }
                if (!selfClosing && sharedItemDepth == 0) {
                    sharedItemDepth = at;
                }
            }
            case E_T -> {
                if (sharedItemDepth > 0 && namespace() == NS_OTHER) {
                    foreignSharedText = true;
                }
            }
            case E_C -> awaitValue = shared && !selfClosing;
            case E_F -> {
                // what the reader does with it: keeps a shared formula's text (with a range) or rewrites it for
                // this cell (without), keeps an array formula (with a range) that every cell is then looked up in
                if (formulaType == 1 && !formulaHasRange) {
                    sharedFormulaUses++;
                } else if (formulaType == 1 && !selfClosing && formulaDepth == 0) {
                    formulaDepth = at;
                    formulaLength = 0;
                } else if (formulaType == 2 && formulaHasRange) {
                    arrayFormulas++;
                }
            }
            case E_V -> {
                // the reader takes the cell's first v (at any depth) and no other: its text up to the matching </v>
                if (awaitValue && !inValue && !selfClosing) {
                    inValue = true;
                    valueDepth = at;
                    valueColumn = column;
                    valueRow = row;
                    referenceLength = 0;
                    utf8Need = 0;
                    valueChars = 0;
                    valueNegative = false;
                    index = 0;
                    digits = 0;
                    valueValid = true;
                }
                if (!inValue) {
                    awaitValue = false;
                }
            }
            default -> {
            }
        }
        if (selfClosing) {
            popBindings(at);
        } else {
            depth = at;
        }
    }

    private void endElement() {
        if (inValue && depth == valueDepth) {
            endValue();
        }
        if (depth == formulaDepth) {
            longestSharedFormula = Math.max(longestSharedFormula, formulaLength);
            formulaDepth = 0;
        }
        popBindings(depth);
        if (depth == sharedItemDepth) {
            sharedItemDepth = 0;
        }
        depth = Math.max(0, depth - 1);
    }

    private void popBindings(int at) {
        while (bindings > 0 && bindingDepth[bindings - 1] >= at) {
            bindings--;
        }
    }

    /**
     * A character of a shared-text cell's value: {@code ch} as it came from the entry, with character references
     * replaced when {@code references} (text outside a CDATA section). In a part read a byte at a time, the bytes of
     * a UTF-8 sequence are put together first: a digit of another script is a digit to the reader.
     */
    private void valueText(char ch, boolean references) {
        if (encoding == 0 && ch >= 0x80 && referenceLength == 0) {
            if (ch >= 0xC0 && ch <= 0xF7) {
                if (utf8Need > 0) {
                    valueCode(0xFFFF); // a sequence cut short: a parser refuses it
                }
                utf8Need = ch >= 0xF0 ? 3 : ch >= 0xE0 ? 2 : 1;
                utf8Code = ch & (0x3F >> utf8Need);
            } else if (ch < 0xC0 && utf8Need > 0) {
                utf8Code = utf8Code << 6 | (ch & 0x3F);
                if (--utf8Need == 0) {
                    valueCode(utf8Code);
                }
            } else {
                utf8Need = 0;
                valueCode(0xFFFF);
            }
            return;
        }
        if (utf8Need > 0) {
            utf8Need = 0;
            valueCode(0xFFFF);
        }
        int c = references ? reference(ch) : ch;
        if (c >= 0) {
            valueCode(c);
        }
    }

    /**
     * One character of the value, read as {@link Integer#parseInt(String)} reads the reader's text: a sign first, then
     * digits of any script ({@link Character#digit(char, int)}; a character beyond U+FFFF is two UTF-16 units, no
     * digit); anything else makes it no whole number, which the reader refuses itself.
     */
    private void valueCode(int c) {
        int d = c <= 0xFFFF ? Character.digit((char) c, 10) : -1;
        if (valueChars == 0 && (c == '+' || c == '-')) {
            valueNegative = c == '-';
        } else if (d >= 0) {
            index = Math.min(Integer.MAX_VALUE, index * 10 + d);
            digits++;
        } else {
            valueValid = false;
        }
        valueChars++;
    }

    /**
     * A shared-text cell's value ends with its {@code </v>}: the text the reader joined — character data, CDATA
     * sections and the text of any element inside, comments and processing instructions left out — is recorded
     * when it is an index the reader would look up. A negative one the reader refuses itself (no item has it).
     */
    private void endValue() {
        if (utf8Need > 0 || referenceLength > 0) {
            valueValid = false;
        }
        if (valueValid && digits > 0 && !(valueNegative && index != 0) && index > highest) {
            record((int) index);
        }
        inValue = false;
        awaitValue = false;
        valueDepth = 0;
        utf8Need = 0;
        referenceLength = 0;
    }

    private void record(int at) {
        if (sharedCount == sharedIndex.length) {
            sharedIndex = java.util.Arrays.copyOf(sharedIndex, sharedCount * 2);
            sharedAt = java.util.Arrays.copyOf(sharedAt, sharedCount * 2);
        }
        sharedIndex[sharedCount] = at;
        sharedAt[sharedCount] = ((long) Math.min(valueColumn, 16_384) << 32) | (valueRow & 0xFFFFFFFFL);
        sharedCount++;
        highest = at;
    }

    /** A prefix and a local name as they stream by, each kept up to {@link CellCounter#MAX_NAME} characters. */
    private static final class QualifiedName {
        private final char[] prefix = new char[CellCounter.MAX_NAME];
        private final char[] local = new char[CellCounter.MAX_NAME];
        private int prefixLength;
        private int localLength;
        private boolean colon;
        boolean prefixTooLong;
        boolean localTooLong;

        void reset() {
            prefixLength = 0;
            localLength = 0;
            colon = false;
            prefixTooLong = false;
            localTooLong = false;
        }

        void add(char ch) {
            if (ch == ':' && !colon) {
                colon = true;
                System.arraycopy(local, 0, prefix, 0, localLength);
                prefixLength = localLength;
                prefixTooLong = localTooLong;
                localLength = 0;
                localTooLong = false;
            } else if (localLength < local.length) {
                local[localLength++] = ch;
            } else {
                localTooLong = true;
            }
        }

        boolean hasPrefix() {
            return colon;
        }

        boolean localIs(String s) {
            return !localTooLong && same(local, localLength, s);
        }

        boolean prefixIs(String s) {
            return colon && !prefixTooLong && same(prefix, prefixLength, s);
        }

        String local() {
            return new String(local, 0, localLength);
        }
    }

    /** Whether the first {@code length} characters of {@code chars} are {@code s} (the tokenizer's names, types, URIs). */
    private static boolean same(char[] chars, int length, String s) {
        if (length != s.length()) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            if (chars[k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
