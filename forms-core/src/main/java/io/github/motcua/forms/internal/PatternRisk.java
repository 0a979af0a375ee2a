package io.github.motcua.forms.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Finds, in a pack schema's {@code pattern}, a repeated group on which the JDK's backtracking matcher (which validates
 * forms) takes time exponential, or polynomial of a high degree, in the length of the text: refused when the pack
 * loads, so that no citizen's text ever meets it.
 *
 * <p>Since JDK 9 the matcher remembers, for a group repeated greedily without an upper bound ({@code *}, {@code +},
 * <code>{n,}</code>), where a repetition already failed, so the textbook shapes {@code (a+)+}, {@code (\w+\s?)*} and
 * {@code (a|a)*} run in polynomial time on it (they stay refused by browsers' and other engines' validators of the
 * same schema, which is the analyst's concern, not this check's). What it does not remember, and refuses here:
 * <ul>
 * <li><b>a counted repetition</b> (<code>{n}</code>, <code>{n,m}</code> with an upper bound above
 * {@value #COUNT_BOUND}) of a group that repeats something inside without a <em>separator</em> — a mandatory,
 * boundedly repeated item whose characters the inner repetition cannot take — or whose alternatives can start with
 * the same character: <code>(a+){1,30}</code>, <code>(.*a){12}</code>, <code>(a|ab){2,20}</code>;</li>
 * <li><b>a repeated group inside a repeated group</b> without a separator between the outer repetitions:
 * {@code ((a+)+)+}, {@code ((a|a)+)+};</li>
 * <li><b>back-references</b>, which turn the memory off: a pattern with one refuses every group repeated over an
 * inner repetition without a separator, {@code (a+)+\1}.</li>
 * </ul>
 * {@code (\.[a-z]+)*} and <code>(\d{3}\.){1,4}</code> load. Characters are compared over the Basic Multilingual
 * Plane, case-insensitively when the pattern has an inline {@code (?i)}; a back-reference counts as any character.
 * The check errs on the side of refusing and does not find every slow pattern (polynomial shapes such as
 * {@code \d*\d*\d*x} pass): the matcher's work budget ({@link BoundedRegex}) bounds those at validation.
 * Stateless; thread-safe.
 */
final class PatternRisk {
    /** The largest upper bound of a counted repetition that is never refused (its nesting is at most cubic). */
    static final int COUNT_BOUND = 3;
    private static final int UNBOUNDED = -1;

    /** What was found: the repeated group at risk, where it starts in the pattern, and which shape it has. */
    record Risk(String group, int at, boolean nested) {
    }

    private final String regex;
    private final int flags;
    private int pos;
    private boolean backReferences;

    private PatternRisk(String regex) {
        this.regex = regex;
        this.flags = regex.contains("(?i") ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
    }

    /**
     * The first repeated group of {@code javaRegex} (a pattern in the JDK's syntax, as {@link BoundedRegex} compiles it)
     * at risk, or null when none is or the pattern does not compile (networknt reports that as it compiles the schema).
     */
    static Risk find(String javaRegex) {
        try {
            Pattern.compile(javaRegex);
        } catch (PatternSyntaxException | StackOverflowError e) {
            return null;
        }
        PatternRisk p = new PatternRisk(javaRegex);
        List<List<Item>> top;
        try {
            top = p.alternatives(0);
        } catch (RuntimeException | StackOverflowError e) {
            return null; // a syntax this reader does not follow: the work budget still bounds the pattern
        }
        return p.riskIn(top);
    }

    // --- the pattern as a tree --------------------------------------------------------------------------------------

    /** A character-consuming atom (its text, compilable alone), or null text for a zero-width one; or a group. */
    private record Node(String atom, boolean zeroWidth, boolean anyChar, List<List<Item>> alternatives, boolean atomic,
            boolean lookaround) {
    }

    private record Item(Node node, int min, int max, boolean possessive, int start, int end) {
        /** Repeated without an upper bound, or counted up to more than {@value #COUNT_BOUND}. */
        boolean repeats() {
            return max == UNBOUNDED || max > COUNT_BOUND;
        }
    }

    private List<List<Item>> alternatives(int depth) {
        if (depth > 200) {
            throw new IllegalStateException("nested too deep");
        }
        List<List<Item>> alts = new ArrayList<>();
        List<Item> seq = new ArrayList<>();
        while (pos < regex.length()) {
            char c = regex.charAt(pos);
            if (c == ')') {
                break;
            }
            if (c == '|') {
                pos++;
                alts.add(seq);
                seq = new ArrayList<>();
                continue;
            }
            int start = pos;
            Node node = node(depth);
            if (node == null) {
                continue; // an inline flag group such as (?i)
            }
            quantified(seq, node, start);
        }
        alts.add(seq);
        return alts;
    }

    private void quantified(List<Item> seq, Node node, int start) {
        int min = 1;
        int max = 1;
        boolean possessive = false;
        if (pos < regex.length()) {
            char q = regex.charAt(pos);
            if (q == '*' || q == '+' || q == '?') {
                min = q == '+' ? 1 : 0;
                max = q == '?' ? 1 : UNBOUNDED;
                pos++;
            } else if (q == '{' && regex.indexOf('}', pos) > pos) {
                String[] bounds = regex.substring(pos + 1, regex.indexOf('}', pos)).split(",", -1);
                min = Integer.parseInt(bounds[0].strip());
                max = bounds.length == 1 ? min : bounds[1].isBlank() ? UNBOUNDED : Integer.parseInt(bounds[1].strip());
                pos = regex.indexOf('}', pos) + 1;
            } else {
                seq.add(new Item(node, 1, 1, false, start, pos));
                return;
            }
            if (pos < regex.length() && (regex.charAt(pos) == '+' || regex.charAt(pos) == '?')) {
                possessive = regex.charAt(pos) == '+';
                pos++;
            }
        }
        seq.add(new Item(node, min, max, possessive, start, pos));
    }

    private Node node(int depth) {
        char c = regex.charAt(pos);
        switch (c) {
            case '(' -> {
                pos++;
                boolean atomic = false;
                boolean lookaround = false;
                if (regex.startsWith("?", pos)) {
                    if (regex.startsWith("?:", pos)) {
                        pos += 2;
                    } else if (regex.startsWith("?>", pos)) {
                        atomic = true;
                        pos += 2;
                    } else if (regex.startsWith("?=", pos) || regex.startsWith("?!", pos)) {
                        lookaround = true;
                        pos += 2;
                    } else if (regex.startsWith("?<=", pos) || regex.startsWith("?<!", pos)) {
                        lookaround = true;
                        pos += 3;
                    } else if (regex.startsWith("?<", pos)) {
                        pos = regex.indexOf('>', pos) + 1; // a named group
                    } else {
                        // inline flags: (?i) applies from here, (?i:...) is a group
                        int end = pos + 1;
                        while (end < regex.length() && regex.charAt(end) != ')' && regex.charAt(end) != ':') {
                            end++;
                        }
                        boolean group = end < regex.length() && regex.charAt(end) == ':';
                        pos = end + 1;
                        if (!group) {
                            return null;
                        }
                    }
                }
                List<List<Item>> alts = alternatives(depth + 1);
                pos++; // ')'
                return new Node(null, lookaround, false, alts, atomic, lookaround);
            }
            case '[' -> {
                int start = pos;
                pos = classEnd(pos);
                return atom(regex.substring(start, pos));
            }
            case '\\' -> {
                return escape();
            }
            case '^', '$' -> {
                pos++;
                return new Node(null, true, false, null, false, false);
            }
            default -> {
                int cp = regex.codePointAt(pos);
                pos += Character.charCount(cp);
                return atom(c == '.' ? "." : Pattern.quote(new String(Character.toChars(cp))));
            }
        }
    }

    private Node atom(String text) {
        return new Node(text, false, false, null, false, false);
    }

    private Node escape() {
        int start = pos;
        char e = pos + 1 < regex.length() ? regex.charAt(pos + 1) : '\\';
        pos += 2;
        switch (e) {
            case 'b', 'B', 'A', 'z', 'Z', 'G' -> {
                return new Node(null, true, false, null, false, false);
            }
            case 'p', 'P', 'x', 'N' -> {
                if (pos < regex.length() && regex.charAt(pos) == '{') {
                    pos = regex.indexOf('}', pos) + 1;
                } else if (e == 'x') {
                    pos += 2;
                } else {
                    pos += 1;
                }
            }
            case 'u' -> pos += 4;
            case 'c' -> pos += 1;
            case '0' -> {
                while (pos < regex.length() && pos - start < 5 && regex.charAt(pos) >= '0' && regex.charAt(pos) <= '7') {
                    pos++;
                }
            }
            case 'k' -> {
                pos = regex.indexOf('>', pos) + 1;
                backReferences = true;
                return new Node(null, false, true, null, false, false); // a back-reference: any text
            }
            case 'Q' -> {
                int end = regex.indexOf("\\E", pos);
                end = end < 0 ? regex.length() : end;
                String quoted = regex.substring(pos, end);
                pos = end < regex.length() ? end + 2 : end;
                // a quoted run is literals in a row; only its first character matters where it separates or starts
                return quoted.isEmpty() ? new Node(null, true, false, null, false, false)
                        : atom(Pattern.quote(quoted.substring(0, Character.charCount(quoted.codePointAt(0)))));
            }
            case 'R', 'X' -> {
                return new Node(null, false, true, null, false, false);
            }
            default -> {
                if (e >= '1' && e <= '9') {
                    while (pos < regex.length() && Character.isDigit(regex.charAt(pos))) {
                        pos++;
                    }
                    backReferences = true;
                    return new Node(null, false, true, null, false, false);
                }
            }
        }
        return atom(regex.substring(start, pos));
    }

    /** The index just past the character class starting at {@code at} (nested classes, escapes, a leading ']'). */
    private int classEnd(int at) {
        int i = at + 1;
        if (i < regex.length() && regex.charAt(i) == '^') {
            i++;
        }
        if (i < regex.length() && regex.charAt(i) == ']') {
            i++;
        }
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '[') {
                i = classEnd(i);
            } else if (c == ']') {
                return i + 1;
            } else {
                i++;
            }
        }
        return i;
    }

    // --- the analysis ---------------------------------------------------------------------------------------------

    private Risk riskIn(List<List<Item>> alts) {
        for (List<Item> seq : alts) {
            for (Item item : seq) {
                Node n = item.node();
                if (n.alternatives() == null) {
                    continue;
                }
                Risk inner = riskIn(n.alternatives());
                if (inner != null) {
                    return inner;
                }
                if (item.repeats() && !item.possessive() && !n.atomic() && !n.lookaround()) {
                    Risk r = riskOfRepeated(item);
                    if (r != null) {
                        return r;
                    }
                }
            }
        }
        return null;
    }

    private Risk riskOfRepeated(Item group) {
        List<List<Item>> alts = group.node().alternatives();
        String text = regex.substring(group.start(), group.end());
        boolean counted = group.max() != UNBOUNDED;
        for (List<Item> alt : alts) {
            List<Item> inner = new ArrayList<>();
            // the JDK remembers failures of an unbounded greedy loop over plain repetitions, not over counted loops,
            // repeated groups inside it, or any loop once the pattern has a back-reference
            repeatedInside(alt, inner, counted || backReferences);
            if (!inner.isEmpty() && !separated(alt, inner)) {
                return new Risk(text, group.start(), true);
            }
        }
        if (counted && alts.size() > 1) {
            List<BitSet> firsts = new ArrayList<>();
            for (List<Item> alt : alts) {
                BitSet f = first(alt);
                for (BitSet other : firsts) {
                    if (f.intersects(other)) {
                        return new Risk(text, group.start(), false);
                    }
                }
                firsts.add(f);
            }
        }
        return null;
    }

    /**
     * Items of {@code seq} (at any depth) that repeat and are backtracked into: every such item when {@code all}, else
     * only repeated groups and what repeats inside them.
     */
    private static void repeatedInside(List<Item> seq, List<Item> out, boolean all) {
        for (Item item : seq) {
            Node n = item.node();
            if (n.atomic() || item.possessive()) {
                continue;
            }
            boolean group = n.alternatives() != null;
            if (item.repeats() && !n.zeroWidth() && (all || group)) {
                out.add(item);
            }
            if (group) {
                for (List<Item> alt : n.alternatives()) {
                    repeatedInside(alt, out, all || item.repeats());
                }
            }
        }
    }

    /** Whether {@code alt} has a mandatory, boundedly repeated item whose characters no item of {@code inner} takes. */
    private boolean separated(List<Item> alt, List<Item> inner) {
        for (Item sep : alt) {
            if (sep.min() < 1 || sep.repeats() || sep.node().zeroWidth()) {
                continue;
            }
            List<Item> repeatedInSep = new ArrayList<>();
            repeatedInside(List.of(new Item(sep.node(), 1, 1, false, sep.start(), sep.end())), repeatedInSep, true);
            if (!repeatedInSep.isEmpty()) {
                continue;
            }
            BitSet s = chars(sep.node());
            boolean disjoint = !s.isEmpty();
            for (Item x : inner) {
                if (chars(x.node()).intersects(s)) {
                    disjoint = false;
                    break;
                }
            }
            if (disjoint) {
                return true;
            }
        }
        return false;
    }

    /** The characters {@code seq} can start with (up to and including its first mandatory item). */
    private BitSet first(List<Item> seq) {
        BitSet out = new BitSet(0x10000);
        for (Item item : seq) {
            Node n = item.node();
            if (n.zeroWidth()) {
                continue;
            }
            if (n.alternatives() != null) {
                for (List<Item> alt : n.alternatives()) {
                    out.or(first(alt));
                }
            } else {
                out.or(chars(n));
            }
            if (item.min() >= 1) {
                break;
            }
        }
        return out;
    }

    /** Every character (of the Basic Multilingual Plane) {@code n} can consume. */
    private BitSet chars(Node n) {
        BitSet out = new BitSet(0x10000);
        if (n.zeroWidth()) {
            return out;
        }
        if (n.anyChar()) {
            out.set(0, 0x10000);
            return out;
        }
        if (n.alternatives() != null) {
            for (List<Item> alt : n.alternatives()) {
                for (Item i : alt) {
                    out.or(chars(i.node()));
                }
            }
            return out;
        }
        Pattern p;
        try {
            p = Pattern.compile(n.atom(), flags | Pattern.DOTALL);
        } catch (PatternSyntaxException e) {
            out.set(0, 0x10000); // not understood alone: any character, so it never separates
            return out;
        }
        java.util.regex.Matcher m = p.matcher("");
        char[] one = new char[1];
        java.nio.CharBuffer buffer = java.nio.CharBuffer.wrap(one);
        for (int c = 0; c < 0x10000; c++) {
            one[0] = (char) c;
            if (m.reset(buffer).matches()) {
                out.set(c);
            }
        }
        return out;
    }
}
