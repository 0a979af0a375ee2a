package io.github.motcua.rules.internal;

import io.github.motcua.rules.internal.DataConditions.Action;
import io.github.motcua.rules.internal.DataConditions.Call;
import io.github.motcua.rules.internal.DataConditions.Fact;
import io.github.motcua.rules.internal.DataConditions.Node;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.drools.model.Rule;

/**
 * A procedure's rules as data in a prebuilt pack (format 6, entry kind {@code 'D'}; docs/prebuilt.md): a compact,
 * versioned encoding of {@link DataRules.Translated}, read back with the same checks the translator makes, so that
 * what an artifact can hold is exactly what {@link DataRules#translate} can produce. The artifact is hostile input:
 * every count, ordinal, length and literal is bounded and checked as it is read; a constraint is stored as its text
 * as written and read back by the translator's own parser ({@link DataRules#constraint}: its grammar, types, limits
 * and the comparison each shape compiles to), so no tree is ever taken from the bytes; anything malformed throws
 * {@link IllegalArgumentException} — the caller refuses the whole artifact. Nothing read here is code: reads and
 * actions are closed enums, the rest literals.
 *
 * <pre>
 * u8 version (2), str package
 * u16 rules, per rule: str name, str file,
 *   u8 attributes, per attribute: u8 kind (0 salience: s32; 1 no-loop, 2 lock-on-active: u8 0/1;
 *                                          3 agenda-group, 4 activation-group: str)
 *   u8 annotations, per annotation: str name, u8 has value, [str value]
 *   u8 patterns, per pattern: u8 kind (0 pattern, 1 not, 2 exists), u8 fact, u8 constraints, per constraint: str text
 *   u16 calls, per call: u8 action, per parameter: str (S) or u32 (L, I; at most Integer.MAX_VALUE)
 * str: u32 length (at most 65,536 bytes) + UTF-8
 * </pre>
 *
 * Version 1 (prebuilt format 5, session 10) stored each constraint as a tree and printed it in one canonical way,
 * where Drools quotes a constraint as written: it is refused (the prebuilt format moved to 6 with it).
 */
final class DataRulesFormat {
    static final int VERSION = 2;
    private static final int MAX_STRING_BYTES = 65_536;
    private static final Pattern PACKAGE = Pattern.compile("motcua\\.p[A-Za-z0-9_]{1,200}");
    private static final Pattern ANNOTATION = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$.]{0,200}");
    private static final Rule.Attribute<?>[] ATTRIBUTES = {Rule.Attribute.SALIENCE, Rule.Attribute.NO_LOOP,
        Rule.Attribute.LOCK_ON_ACTIVE, Rule.Attribute.AGENDA_GROUP, Rule.Attribute.ACTIVATION_GROUP};

    private DataRulesFormat() {
    }

    // ---- writing ----

    static byte[] encode(DataRules.Translated t) {
        try {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(raw);
            out.writeByte(VERSION);
            str(out, t.packageName());
            out.writeShort(t.rules().size());
            for (DataRules.DataRule r : t.rules()) {
                str(out, r.name());
                str(out, r.file());
                out.writeByte(r.attributes().size());
                for (DataRules.Attribute a : r.attributes()) {
                    int kind = java.util.Arrays.asList(ATTRIBUTES).indexOf(a.name());
                    out.writeByte(kind);
                    switch (kind) {
                        case 0 -> out.writeInt((Integer) a.value());
                        case 1, 2 -> out.writeByte((Boolean) a.value() ? 1 : 0);
                        default -> str(out, (String) a.value());
                    }
                }
                out.writeByte(r.metadata().size());
                for (DataRules.Meta m : r.metadata()) {
                    str(out, m.name());
                    out.writeByte(m.value() == null ? 0 : 1);
                    if (m.value() != null) {
                        str(out, m.value());
                    }
                }
                out.writeByte(r.lhs().size());
                for (DataRules.Pattern p : r.lhs()) {
                    out.writeByte(p.kind().ordinal());
                    out.writeByte(p.fact().ordinal());
                    out.writeByte(p.constraints().size());
                    for (String text : p.texts()) {
                        str(out, text);
                    }
                }
                out.writeShort(r.rhs().size());
                for (Call c : r.rhs()) {
                    out.writeByte(c.action().ordinal());
                    for (int i = 0; i < c.args().size(); i++) {
                        Object v = c.args().get(i);
                        if (v instanceof String s) {
                            str(out, s);
                        } else {
                            out.writeInt(((Number) v).intValue());
                        }
                    }
                }
            }
            out.flush();
            return raw.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void str(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    // ---- reading ----

    /** A data entry that declares more rules than a procedure may hold ({@link ProcedureCompiler#MAX_RULES}). */
    static final class TooManyRules extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        final int count;

        TooManyRules(int count) {
            super("too many rules: " + count, null);
            this.count = count;
        }
    }

    /**
     * The rules an artifact's data entry holds, checked as {@link DataRules#translate} would have made them.
     *
     * @throws IllegalArgumentException naming what is malformed
     */
    static DataRules.Translated decode(byte[] data) {
        ByteBuffer in = ByteBuffer.wrap(data);
        try {
            int version = u8(in);
            if (version != VERSION) {
                throw bad("version " + version);
            }
            String pkg = str(in);
            if (!PACKAGE.matcher(pkg).matches()) {
                throw bad("package");
            }
            int rules = u16(in);
            if (rules == 0) {
                throw bad("no rule");
            }
            if (rules > ProcedureCompiler.MAX_RULES) {
                throw new TooManyRules(rules); // before any of them is decoded: the build never writes so many
            }
            List<DataRules.DataRule> out = new ArrayList<>(Math.min(rules, 1024));
            Set<String> names = new HashSet<>();
            for (int i = 0; i < rules; i++) {
                DataRules.DataRule r = rule(in);
                if (!names.add(r.name())) {
                    throw bad("duplicate rule");
                }
                out.add(r);
            }
            if (in.hasRemaining()) {
                throw bad("trailing bytes");
            }
            return new DataRules.Translated(pkg, out);
        } catch (BufferUnderflowException e) {
            throw bad("truncated");
        }
    }

    private static DataRules.DataRule rule(ByteBuffer in) {
        String name = str(in);
        String file = str(in);
        if (name.isEmpty() || file.length() > 1024) {
            throw bad("rule name or file");
        }
        List<DataRules.Attribute> attributes = new ArrayList<>();
        long kinds = 0; // the attribute kinds seen (ATTRIBUTES has fewer than 64)
        for (int n = u8(in), i = 0; i < n; i++) {
            int kind = u8(in);
            if (kind >= ATTRIBUTES.length || (kinds & (1L << kind)) != 0) {
                throw bad("attribute");
            }
            kinds |= 1L << kind;
            Object value = switch (kind) {
                case 0 -> {
                    int s = in.getInt();
                    if (Math.abs((long) s) > 999_999_999L) {
                        throw bad("salience");
                    }
                    yield s;
                }
                case 1, 2 -> {
                    int b = u8(in);
                    if (b > 1) {
                        throw bad("flag");
                    }
                    yield b == 1;
                }
                default -> {
                    String g = str(in);
                    if (g.indexOf('\\') >= 0 || g.length() > DataRules.MAX_LITERAL) {
                        throw bad("group");
                    }
                    yield g;
                }
            };
            attributes.add(new DataRules.Attribute(ATTRIBUTES[kind], value));
        }
        List<DataRules.Meta> metadata = new ArrayList<>();
        Set<String> metaNames = null; // a rule's few annotations are compared in a list; made past 16 of them
        for (int n = u8(in), i = 0; i < n; i++) {
            String m = str(in);
            if (metaNames == null && metadata.size() >= 16) {
                metaNames = new HashSet<>();
                for (DataRules.Meta seen : metadata) {
                    metaNames.add(seen.name());
                }
            }
            if (!ANNOTATION.matcher(m).matches() || m.equals("Propagation") || !newAnnotation(m, metadata, metaNames)) {
                throw bad("annotation");
            }
            int has = u8(in);
            if (has > 1) {
                throw bad("annotation");
            }
            String v = has == 1 ? str(in) : null;
            if (v != null && v.length() > DataRules.MAX_LITERAL) {
                throw bad("annotation value");
            }
            metadata.add(new DataRules.Meta(m, v));
        }
        int patterns = u8(in);
        if (patterns == 0) {
            throw bad("no condition");
        }
        List<DataRules.Pattern> lhs = new ArrayList<>();
        for (int i = 0; i < patterns; i++) {
            int kind = u8(in);
            int fact = u8(in);
            if (kind >= KINDS.length || fact >= FACTS.length) {
                throw bad("pattern");
            }
            Fact f = FACTS[fact];
            List<Node> constraints = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            for (int n = u8(in), k = 0; k < n; k++) {
                String text = str(in);
                // parsed as the translator parses a rule text: only what it would have made of one is taken
                Node c = DataRules.constraintOrRefused(f, text); // why not, in the refusal: "constraint: size", …
                constraints.add(c);
                texts.add(text);
            }
            lhs.add(new DataRules.Pattern(KINDS[kind], f, constraints, texts));
        }
        int calls = u16(in);
        if (calls == 0 || calls > DataRules.MAX_CALLS) {
            throw bad("calls");
        }
        List<Call> rhs = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            int a = u8(in);
            if (a >= ACTIONS.length) {
                throw bad("action");
            }
            Action action = ACTIONS[a];
            List<Object> args = new ArrayList<>(action.params.length());
            for (int pi = 0; pi < action.params.length(); pi++) {
                char p = action.params.charAt(pi);
                if (p == 'S') {
                    String s = str(in);
                    if (s.length() > DataRules.MAX_LITERAL) {
                        throw bad("argument length");
                    }
                    args.add(s);
                } else {
                    int v = in.getInt();
                    if (v < 0) {
                        throw bad("number argument");
                    }
                    args.add(p == 'L' ? (Object) (long) v : (Object) v);
                }
            }
            rhs.add(new Call(action, args));
        }
        return new DataRules.DataRule(name, file, attributes, metadata, lhs, rhs);
    }

    /** The enums' values, made once (each {@code values()} call copies its array: six a rule). */
    private static final DataRules.Kind[] KINDS = DataRules.Kind.values();
    private static final Fact[] FACTS = Fact.values();
    private static final Action[] ACTIONS = Action.values();

    /** Whether {@code m} names none of the annotations read before it (and is now in {@code names} if given). */
    private static boolean newAnnotation(String m, List<DataRules.Meta> metadata, Set<String> names) {
        if (names != null) {
            return names.add(m);
        }
        for (DataRules.Meta seen : metadata) {
            if (seen.name().equals(m)) {
                return false;
            }
        }
        return true;
    }

    private static int u8(ByteBuffer in) {
        return Byte.toUnsignedInt(in.get());
    }

    private static int u16(ByteBuffer in) {
        return Short.toUnsignedInt(in.getShort());
    }

    private static String str(ByteBuffer in) {
        int n = in.getInt();
        if (n < 0 || n > MAX_STRING_BYTES || n > in.remaining()) {
            throw bad("string length");
        }
        // read in place: the strings of a 2,000-procedure artifact's entries are read on the load threads while the
        // calling thread reads the rest, and an ASCII one (most: fields, operators, literals) is its bytes as they are
        byte[] a = in.array();
        int from = in.arrayOffset() + in.position();
        in.position(in.position() + n);
        for (int i = from; i < from + n; i++) {
            if (a[i] < 0) {
                return utf8(a, from, n);
            }
        }
        return new String(a, from, n, StandardCharsets.ISO_8859_1); // ASCII: what the strict decoder gives
    }

    /**
     * Strict UTF-8 (malformed input refused). The JDK's decoding into a string replaces each malformed sequence with
     * U+FFFD and makes no intermediate buffer; a string without U+FFFD therefore had none, and is the strict decoder's
     * answer. Only a string holding U+FFFD (a malformed sequence, or one written in the text) is decoded again by this
     * thread's strict decoder, which refuses the former and gives the latter.
     */
    private static String utf8(byte[] a, int from, int n) {
        String s = new String(a, from, n, StandardCharsets.UTF_8);
        if (s.indexOf('\uFFFD') < 0) {
            return s;
        }
        java.nio.charset.CharsetDecoder d = DECODER.get().reset();
        try {
            return d.decode(ByteBuffer.wrap(a, from, n)).toString();
        } catch (CharacterCodingException e) {
            throw bad("not UTF-8");
        }
    }

    private static final ThreadLocal<java.nio.charset.CharsetDecoder> DECODER = ThreadLocal.withInitial(() ->
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));

    private static IllegalArgumentException bad(String what) {
        return new IllegalArgumentException(what);
    }
}
