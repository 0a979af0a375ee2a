package io.github.motcua.forms.internal;

import com.networknt.schema.format.Format;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.JsonNodeType;
import tools.jackson.databind.node.StringNode;

/**
 * A form's <b>fast path</b>: the pack schema compiled, next to networknt's compile, into a few flat objects of our own
 * that answer one question about a document — <i>does networknt (as {@link ValidationEngine} configures it) find no
 * error?</i> — with {@link #VALID}, {@link #INVALID} or {@link #UNKNOWN}. {@link ValidationEngine#validate} returns no
 * violation at once on {@link #VALID}; on anything else networknt validates exactly as before, and its errors are what
 * the citizen reads. networknt stays the validator of record: this class never words a violation.
 *
 * <p><b>Soundness</b> (the whole point): {@link #VALID} ⇒ networknt finds no error. It rests on three rules.
 * <ol>
 * <li><b>Only what is implemented exactly is compiled.</b> A schema object is compiled only when every keyword in it is
 * in the list below, with a value of the shape networknt compiles the same way; anything else — another keyword
 * ({@code pattern}, {@code if}, {@code not}, {@code unevaluatedProperties}, {@code patternProperties} …), a format
 * that is not ours or {@code date}, a type array, a non-finite bound, a {@code $ref} that is not a plain pointer into
 * a pack schema — compiles to an <i>unknown</i> node, and evaluating one stops the whole check with {@link #UNKNOWN}.
 * Each implemented keyword repeats networknt 3.0.9's own test with the same Jackson calls on the same nodes:
 * {@code type} (2020-12: an integral-valued {@code 1.0} is an integer), {@code const} (a string, boolean or null) and
 * {@code enum} (of strings) by Jackson's {@code equals} as networknt 3.0.9's {@code JsonNodeValue.same} applies it to
 * them (numeric and container constants it compares its own way, deeply and by value: not compiled), {@code minLength}/{@code maxLength} in code
 * points, {@code minimum}/{@code maximum}/{@code exclusiveMinimum}/{@code exclusiveMaximum} by networknt's two paths
 * (a {@code long} one for an integer bound under {@code "type": "integer"}, a {@code BigDecimal} one otherwise),
 * {@code format} with the very {@link Format} objects networknt's dialect holds ({@link IsoDateFormat}, ours),
 * {@code x-vn-personal-id-matches} and {@code x-vn-date-before} through the functions their networknt validators call
 * ({@link VnKeywords}), {@code properties}, {@code required}, {@code additionalProperties}, {@code items},
 * {@code minItems}/{@code maxItems}, {@code allOf}, {@code anyOf}, {@code oneOf}, {@code $ref} and boolean schemas.
 * Annotation keywords ({@code title}, {@code x-title-en}, {@code description}, {@code default}, {@code $id},
 * {@code $defs} …) assert nothing in networknt while annotations are not collected, and are skipped here.</li>
 * <li><b>Everything networknt would evaluate is evaluated, and anything unsure stops the check.</b> The check applies
 * each schema to each value networknt applies it to (every {@code oneOf}/{@code anyOf} branch, where networknt may
 * stop earlier), so each of networknt's keyword results equals this one's. A value whose handling networknt could
 * throw on or treat otherwise (a non-finite number, a binary or POJO node, a bound comparison that throws) stops the
 * check with {@link #UNKNOWN}: networknt then runs as it always did.</li>
 * <li><b>networknt's limits cannot be reached.</b> networknt counts one step per schema applied and one per keyword
 * applied, and fails the form at {@link ValidationEngine#MAX_EVALUATION_STEPS}; this check charges each schema applied
 * 1 + 2 × its number of keywords, never less than networknt's own count, and stops with {@link #UNKNOWN} past
 * {@link #MAX_STEPS} (a tenth of networknt's limit). Nesting is bounded the same way ({@link #MAX_DEPTH} against
 * {@link ValidationEngine#MAX_EVALUATION_DEPTH}); a stack overflow here is {@link #UNKNOWN}. The only budget networknt
 * shares across a document, {@link BoundedRegex}'s, is spent only by {@code pattern}, which is never compiled.</li>
 * </ol>
 * {@code CompactFormTest} holds it: a differential property over every Gia Lai form and a distinct generated catalogue
 * with documents mutated around each schema, and each keyword's edge cases, against networknt.
 *
 * <p>What it reads of its own form is a few objects per schema applied: the node, its property-name pool (one string for
 * all names: a data key is matched by its cached hash and a region compare), the child nodes — where networknt reads a
 * {@code Schema}, its validator list and each validator, its maps and their entries and each name string. Immutable
 * after compile; thread-safe (each check keeps its state in its own {@code Run}).
 */
final class CompactForm {
    static final int VALID = 0;
    static final int INVALID = 1;
    static final int UNKNOWN = 2;

    /** Steps one check may charge: a tenth of {@link ValidationEngine#MAX_EVALUATION_STEPS}. */
    static final long MAX_STEPS = ValidationEngine.MAX_EVALUATION_STEPS / 10;
    /** Nested schema applications one check may reach: under a quarter of {@link ValidationEngine#MAX_EVALUATION_DEPTH}. */
    static final int MAX_DEPTH = 1_000;

    /** Keywords that assert nothing in networknt while annotations are not collected (ours and 2020-12's). */
    static final Set<String> ANNOTATIONS;

    static {
        Set<String> a = new HashSet<>(SharedAnnotations.STANDARD);
        a.addAll(VnKeywords.ANNOTATIONS);
        a.addAll(List.of("$id", "$schema", "$defs", "definitions"));
        ANNOTATIONS = Set.copyOf(a);
    }

    private final Node root;
    /** No unknown node is reachable: every document gets an answer but for the values never decided. */
    private final boolean complete;
    /** A {@code pattern} is reachable: the check then spends {@link BoundedRegex}'s document budget as networknt does. */
    private final boolean patterns;

    private CompactForm(Node root) {
        this.root = root;
        boolean[] found = {false, false}; // {unknown, pattern}
        walk(root, java.util.Collections.newSetFromMap(new IdentityHashMap<>()), found);
        this.complete = !found[0];
        this.patterns = found[1];
    }

    /**
     * Whether every schema the form can apply compiled (no unknown node reachable). {@link ValidationEngine} takes
     * the fast path only for such forms: on another, the check could stop as {@link #UNKNOWN} on many documents, and
     * its work would only add to networknt's.
     */
    boolean complete() {
        return complete;
    }

    private static void walk(Node n, Set<Node> seen, boolean[] found) {
        if (n == null || !seen.add(n)) {
            return;
        }
        found[0] |= n.unknown;
        found[1] |= n.pattern != null;
        for (Node[] group : new Node[][] {n.props, n.oneOf, n.anyOf, n.allOf, {n.additionalNode, n.ref, n.items}}) {
            if (group != null) {
                for (Node c : group) {
                    walk(c, seen, found);
                }
            }
        }
    }

    /** {@link #VALID}, {@link #INVALID} (networknt finds an error) or {@link #UNKNOWN}. */
    int check(JsonNode data) {
        return check(new Run(data, null));
    }

    private int check(Run run) {
        if (!patterns) {
            return run(run);
        }
        // the patterns' reads counted against one document budget, as networknt's are: every value this check matched
        // within it, networknt (matching the same values, in another order) matches within it too; a match that could
        // not finish here is not known
        int[] result = new int[1];
        boolean exhausted = BoundedRegex.withDocumentBudget(() -> result[0] = run(run));
        return exhausted ? UNKNOWN : result[0];
    }

    /**
     * As {@link #valid}, and for a valid document the names of its top-level properties by the index of the root
     * schema's property of that name ({@link #layout()}; null where the document does not have it): the document's own
     * key objects, which the check has just read. Null when the document is not known valid. A decision's rules then
     * read a top-level field through the document's key instead of their own path string (docs/performance.md,
     * "Session 24"). An empty array when the root schema names no properties.
     */
    String[] validKeys(JsonNode data) {
        Run run = new Run(data, root);
        if (check(run) != VALID) {
            return null;
        }
        return run.topKeys != null ? run.topKeys : NO_KEYS;
    }

    private static final String[] NO_KEYS = new String[0];

    /** What {@link #validKeys}' indices refer to: the root schema's properties (compared by identity by the rules). */
    Node layout() {
        return root;
    }

    private int run(Run run) {
        JsonNode data = run.rootData;
        try {
            return run.eval(root, data) ? VALID : INVALID;
        } catch (Stop s) {
            return s == Stop.INVALID ? INVALID : UNKNOWN;
        } catch (StackOverflowError e) {
            return UNKNOWN; // networknt, deeper still, decides (and reports its own limit)
        }
    }

    /** Whether networknt would find no error in {@code data} (false: it must run). */
    boolean valid(JsonNode data) {
        return check(data) == VALID;
    }

    /** A check's end before its result: the data is invalid outside any choice, or something is not known. */
    static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Stop INVALID = new Stop();
        static final Stop UNKNOWN = new Stop();

        private Stop() {
            super(null, null, false, false);
        }
    }

    /** One compiled schema object (or boolean schema). Fields are written only while compiling. */
    static final class Node {
        static final int T_OBJECT = 1;
        static final int T_ARRAY = 2;
        static final int T_STRING = 3;
        static final int T_NUMBER = 4;
        static final int T_INTEGER = 5;
        static final int T_BOOLEAN = 6;
        static final int T_NULL = 7;

        boolean unknown;
        /** A boolean schema: 1 true, 2 false; 0 an object schema. */
        int bool;
        /** Steps charged when applied: 1 + 2 × its keywords. */
        int weight;
        int type;
        // properties: names pooled in one string, matched by hash then region
        String names;
        /**
         * Per property {@code i}: its name's hash at {@code 2i}, the end of its name in {@link #names} at {@code 2i + 1}
         * (one array, not two: a check of a distinct form reads one object fewer per object schema; Session 21).
         */
        int[] nameIndex;
        Node[] props;
        /** Each required name's index in {@link #props}, or -1 (then {@link #requiredNames} holds it). */
        int[] requiredIdx;
        String[] requiredNames;
        /** 0 allowed, 1 refused, 2 a schema. */
        int additional;
        Node additionalNode;
        boolean objectKeywords;
        // values
        /** 0 no const; 1 a string ({@link #constString}); 2 a boolean ({@link #constBoolean}); 3 null. */
        int constKind;
        String constString;
        boolean constBoolean;
        /** An enum of strings only. */
        Set<String> enumSet;
        boolean lengths;
        int minLength = Integer.MIN_VALUE;
        int maxLength = Integer.MAX_VALUE;
        Bound[] bounds;
        Format format;
        com.networknt.schema.regex.RegularExpression pattern;
        boolean taxCode;
        boolean taxPersonal;
        // applicators
        Node[] oneOf;
        Node[] anyOf;
        Node[] allOf;
        Node ref;
        /** oneOf/anyOf whose every branch is a string constant and annotations: the constants pooled. */
        String choice;
        /** Per branch {@code i}: its constant's hash at {@code 2i}, its end in {@link #choice} at {@code 2i + 1}. */
        int[] choiceIndex;
        int choiceWeight;
        // arrays
        Node items;
        boolean itemCounts;
        int minItems = Integer.MIN_VALUE;
        int maxItems = Integer.MAX_VALUE;
        // ours
        boolean personalId;
        String birthRef;
        String sexRef;
        String[] dateFields;
        /**
         * Whether date rule {@code i} is inclusive: bit {@code i} for the first 64 rules, beyond them
         * {@link #dateInclusiveMore} (null for 64 rules or fewer) — a check reads no array of its own for them (Session 21).
         */
        long dateInclusiveBits;
        boolean[] dateInclusiveMore;

        boolean dateInclusive(int i) {
            return i < Long.SIZE ? (dateInclusiveBits >>> i & 1) != 0 : dateInclusiveMore[i];
        }

        int indexOf(String key) {
            int h = key.hashCode();
            int[] index = nameIndex;
            for (int j = 0; j < index.length; j += 2) {
                if (index[j] == h) {
                    int start = j == 0 ? 0 : index[j - 1];
                    int len = index[j + 1] - start;
                    if (key.length() == len && key.regionMatches(0, names, start, len)) {
                        return j >> 1;
                    }
                }
            }
            return -1;
        }
    }

    /** A number bound, as networknt's Minimum/Maximum/ExclusiveMinimum/ExclusiveMaximum validators compile it. */
    record Bound(boolean upper, boolean excludeEqual, boolean integerPath, long limit, BigInteger bigLimit,
            BigDecimal decimalLimit) {
        /** networknt's crossesThreshold, for a finite number node. */
        boolean crosses(JsonNode node) {
            int compare;
            if (integerPath) {
                if (node.isBigInteger()) {
                    compare = node.bigIntegerValue().compareTo(bigLimit);
                } else {
                    long val = node.asLong();
                    compare = Long.compare(val, limit);
                }
            } else {
                compare = new BigDecimal(node.asString()).compareTo(decimalLimit);
            }
            return (upper ? compare > 0 : compare < 0) || (excludeEqual && compare == 0);
        }
    }

    /** Compiles forms; one per {@link ValidationEngine}, used under its lock. */
    static final class Compiler {
        private final SchemaStore store;
        private final Map<String, Format> formats = new HashMap<>();
        /** Targets of references into other documents (the shared schemas), compiled once for every form. */
        private final Map<String, Node> shared = new HashMap<>();

        Compiler(SchemaStore store, List<Format> ours) {
            this.store = store;
            for (Format f : ours) {
                // only our own format classes: their answer is the function called here
                if (f instanceof VnKeywords.SimpleFormat || f instanceof IsoDateFormat || f instanceof VnKeywords.TaxCodeFormat) {
                    formats.put(f.getName(), f);
                }
            }
        }

        CompactForm compile(String id) {
            Map<String, Node> local = new HashMap<>();
            try {
                return new CompactForm(target(id, id, "", local));
            } catch (StackOverflowError e) {
                // deeper than this thread's stack: no fast path for this form (networknt checks every document); the
                // shared targets this compile left half-filled are forgotten, so no later form reuses one
                shared.clear();
                Node unknown = new Node();
                unknown.unknown = true;
                return new CompactForm(unknown);
            }
        }

        private Node target(String form, String doc, String pointer, Map<String, Node> local) {
            String key = doc + '#' + pointer;
            Map<String, Node> memo = doc.equals(form) ? local : shared;
            Node n = memo.get(key);
            if (n != null) {
                return n;
            }
            n = new Node();
            memo.put(key, n); // before compiling: a reference back to it (recursion) finds it
            JsonNode schema = store.at(doc, pointer);
            if (schema == null) {
                n.unknown = true;
                return n;
            }
            fill(n, schema, form, doc, local);
            return n;
        }

        private Node schema(JsonNode s, String form, String doc, Map<String, Node> local) {
            Node n = new Node();
            fill(n, s, form, doc, local);
            return n;
        }

        private void fill(Node n, JsonNode s, String form, String doc, Map<String, Node> local) {
            if (s.isBoolean()) {
                n.bool = s.booleanValue() ? 1 : 2;
                n.weight = 3;
                return;
            }
            if (!s.isObject()) {
                n.unknown = true;
                return;
            }
            n.weight = 1 + 2 * s.size();
            try {
                for (Map.Entry<String, JsonNode> e : s.properties()) {
                    if (!keyword(n, s, e.getKey(), e.getValue(), form, doc, local)) {
                        n.unknown = true;
                        return;
                    }
                }
                JsonNode required = s.get("required");
                if (required != null) {
                    // each required name by its index among the properties (a bit when checked), else by name
                    n.requiredIdx = new int[required.size()];
                    n.requiredNames = new String[required.size()];
                    for (int r = 0; r < n.requiredIdx.length; r++) {
                        String name = required.get(r).asString();
                        n.requiredIdx[r] = n.props == null ? -1 : n.indexOf(name);
                        n.requiredNames[r] = n.requiredIdx[r] < 0 ? name : null;
                    }
                }
            } catch (RuntimeException e) {
                n.unknown = true; // a value Jackson would not convert as networknt expects: never guess
            }
        }

        /** Compiles one keyword into {@code n}; false when it is not implemented exactly. */
        private boolean keyword(Node n, JsonNode s, String k, JsonNode v, String form, String doc, Map<String, Node> local) {
            if (ANNOTATIONS.contains(k)) {
                return true;
            }
            switch (k) {
                case "type" -> {
                    n.type = switch (v.isString() ? v.asString() : "") {
                        case "object" -> Node.T_OBJECT;
                        case "array" -> Node.T_ARRAY;
                        case "string" -> Node.T_STRING;
                        case "number" -> Node.T_NUMBER;
                        case "integer" -> Node.T_INTEGER;
                        case "boolean" -> Node.T_BOOLEAN;
                        case "null" -> Node.T_NULL;
                        default -> 0;
                    };
                    return n.type != 0;
                }
                case "properties" -> {
                    if (!v.isObject()) {
                        return false;
                    }
                    int size = v.size();
                    StringBuilder pool = new StringBuilder();
                    n.nameIndex = new int[2 * size];
                    n.props = new Node[size];
                    int i = 0;
                    for (Map.Entry<String, JsonNode> p : v.properties()) {
                        pool.append(p.getKey());
                        n.nameIndex[2 * i] = p.getKey().hashCode();
                        n.nameIndex[2 * i + 1] = pool.length();
                        n.props[i] = schema(p.getValue(), form, doc, local);
                        i++;
                    }
                    n.names = pool.toString();
                    n.objectKeywords = true;
                    return true;
                }
                case "required" -> {
                    if (!v.isArray()) {
                        return false;
                    }
                    for (JsonNode r : v) {
                        if (!r.isString()) {
                            return false;
                        }
                    }
                    n.objectKeywords = true;
                    return true; // resolved against properties once every keyword is read (below)
                }
                case "additionalProperties" -> {
                    if (s.has("patternProperties")) {
                        return false;
                    }
                    if (v.isBoolean()) {
                        n.additional = v.booleanValue() ? 0 : 1;
                    } else if (v.isObject()) {
                        n.additional = 2;
                        n.additionalNode = schema(v, form, doc, local);
                    } else {
                        return false;
                    }
                    n.objectKeywords = true;
                    return true;
                }
                case "const" -> {
                    // networknt compares with the constant node's own equals for a string, boolean or null (3.0.9's
                    // JsonNodeValue.same: the same node type, then Jackson's equals); numbers and containers it
                    // compares its own way (by value, deeply): not compiled
                    if (!jacksonEquals(v)) {
                        return false;
                    }
                    if (v instanceof StringNode sn) {
                        n.constKind = 1;
                        n.constString = sn.stringValue();
                    } else if (v instanceof BooleanNode) {
                        n.constKind = 2;
                        n.constBoolean = v.booleanValue();
                    } else if (v instanceof NullNode) {
                        n.constKind = 3;
                    } else {
                        return false;
                    }
                    return true;
                }
                case "enum" -> {
                    if (!v.isArray()) {
                        return false;
                    }
                    Set<String> set = new HashSet<>();
                    for (JsonNode e : v) {
                        if (!(e instanceof StringNode sn) || !jacksonEquals(e)) {
                            return false; // strings only: other values networknt compares its own way
                        }
                        set.add(sn.stringValue());
                    }
                    n.enumSet = set;
                    return true;
                }
                case "minLength", "maxLength" -> {
                    int limit = count(v);
                    if (limit < 0) {
                        return false;
                    }
                    if ("minLength".equals(k)) {
                        n.minLength = limit;
                    } else {
                        n.maxLength = limit;
                    }
                    n.lengths = true;
                    return true;
                }
                case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum" -> {
                    if (!v.isNumber() || nonFinite(v)) {
                        return false;
                    }
                    boolean exclusive = k.startsWith("exclusive");
                    boolean upper = k.endsWith("aximum");
                    boolean excludeEqual = exclusive;
                    if (!exclusive) {
                        JsonNode ex = s.get(upper ? "exclusiveMaximum" : "exclusiveMinimum");
                        if (ex != null && !ex.isNumber()) {
                            return false; // a draft-4 boolean: networknt would not compile the form
                        }
                    }
                    JsonNode type = s.get("type");
                    boolean integerPath = (v.isLong() || v.isInt()) && type != null && type.isString()
                            && "integer".equals(type.stringValue());
                    String text = v.asString();
                    Bound b = new Bound(upper, excludeEqual, integerPath, integerPath ? v.asLong() : 0,
                            integerPath ? new BigInteger(text) : null, new BigDecimal(text));
                    Bound[] old = n.bounds == null ? new Bound[0] : n.bounds;
                    n.bounds = java.util.Arrays.copyOf(old, old.length + 1);
                    n.bounds[old.length] = b;
                    return true;
                }
                case "format" -> {
                    Format f = v.isString() ? formats.get(v.asString()) : null;
                    if (f == null) {
                        return false;
                    }
                    n.format = f;
                    if (f instanceof VnKeywords.TaxCodeFormat) {
                        n.taxCode = true;
                        n.taxPersonal = s.path(VnKeywords.ACCEPTS_PERSONAL_ID).asBoolean(false);
                    }
                    return true;
                }
                case "pattern" -> {
                    if (!v.isString()) {
                        return false;
                    }
                    // the factory networknt's registry compiles every pattern with: the same JDK pattern and budgets
                    n.pattern = BoundedRegex.INSTANCE.getRegularExpression(v.asString());
                    return true;
                }
                case "oneOf", "anyOf", "allOf" -> {
                    if (!v.isArray() || v.isEmpty()) {
                        return false;
                    }
                    Node[] branches = new Node[v.size()];
                    for (int i = 0; i < branches.length; i++) {
                        branches[i] = schema(v.get(i), form, doc, local);
                    }
                    if ("oneOf".equals(k)) {
                        n.oneOf = branches;
                    } else if ("anyOf".equals(k)) {
                        n.anyOf = branches;
                    } else {
                        n.allOf = branches;
                    }
                    if (!"allOf".equals(k) && (s.has("oneOf") ^ s.has("anyOf"))) {
                        pooledChoice(n, branches);
                    }
                    return true;
                }
                case "$ref" -> {
                    Node target = reference(v, form, local);
                    n.ref = target;
                    return target != null;
                }
                case "items" -> {
                    if (s.has("prefixItems") || !(v.isObject() || v.isBoolean())) {
                        return false;
                    }
                    n.items = schema(v, form, doc, local);
                    return true;
                }
                case "minItems", "maxItems" -> {
                    int limit = count(v);
                    if (limit < 0) {
                        return false;
                    }
                    if ("minItems".equals(k)) {
                        n.minItems = limit;
                    } else {
                        n.maxItems = limit;
                    }
                    n.itemCounts = true;
                    return true;
                }
                case VnKeywords.PERSONAL_ID_MATCHES -> {
                    // exactly what the keyword's networknt validator reads when it compiles
                    n.personalId = true;
                    n.birthRef = v.path("birthDate").asString(null);
                    n.sexRef = v.path("sex").asString(null);
                    return true;
                }
                case VnKeywords.DATE_BEFORE -> {
                    n.dateFields = VnKeywords.DateBefore.fields(v);
                    boolean[] inclusive = VnKeywords.DateBefore.inclusives(v);
                    for (int i = 0; i < inclusive.length && i < Long.SIZE; i++) {
                        n.dateInclusiveBits |= inclusive[i] ? 1L << i : 0;
                    }
                    n.dateInclusiveMore = inclusive.length > Long.SIZE ? inclusive : null;
                    return true;
                }
                default -> {
                    return false;
                }
            }
        }

        /**
         * A count limit ({@code minLength} …) that networknt reads as the same int whatever its version (3.0.9's
         * {@code CountLimit}, the older {@code intValue}): an integral value from 0 to {@code Integer.MAX_VALUE}
         * ({@code 2.0} included); -1 for anything else (not compiled).
         */
        private static int count(JsonNode v) {
            if (!v.isNumber() || nonFinite(v) || !v.canConvertToExactIntegral()) {
                return -1;
            }
            BigDecimal d = v.decimalValue();
            return d.signum() < 0 || d.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0 ? -1 : d.intValueExact();
        }

        /** A oneOf/anyOf of string constants: pooled, so that a choice reads one string, not one node per option. */
        private static void pooledChoice(Node n, Node[] branches) {
            StringBuilder pool = new StringBuilder();
            int[] index = new int[2 * branches.length];
            int weight = 0;
            for (int i = 0; i < branches.length; i++) {
                Node b = branches[i];
                if (b.unknown || b.bool != 0 || b.constKind != 1 || b.type != 0 || b.objectKeywords || b.enumSet != null
                        || b.lengths || b.bounds != null || b.format != null || b.pattern != null || b.oneOf != null || b.anyOf != null
                        || b.allOf != null || b.ref != null || b.items != null || b.itemCounts
                        || b.personalId || b.dateFields != null) {
                    return;
                }
                pool.append(b.constString);
                index[2 * i] = b.constString.hashCode();
                index[2 * i + 1] = pool.length();
                weight += b.weight;
            }
            n.choice = pool.toString();
            n.choiceIndex = index;
            n.choiceWeight = weight;
        }

        /** A reference as the store wrote it ({@code id#/pointer}, a pack schema's absolute id), or null (unknown). */
        private Node reference(JsonNode v, String form, Map<String, Node> local) {
            if (!v.isString()) {
                return null;
            }
            String ref = v.asString();
            int hash = ref.indexOf('#');
            String doc = hash < 0 ? ref : ref.substring(0, hash);
            String pointer = hash < 0 ? "" : ref.substring(hash + 1);
            if (!store.ids().contains(doc) || !absolute(doc) || !plain(pointer)) {
                return null;
            }
            return target(form, doc, pointer, local);
        }

        /** An IRI with a scheme and no dot segment: networknt resolves it to itself. */
        private static boolean absolute(String iri) {
            int colon = iri.indexOf(':');
            if (colon <= 0 || iri.contains("/./") || iri.contains("/../") || iri.endsWith("/.") || iri.endsWith("/..")) {
                return false;
            }
            for (int i = 0; i < colon; i++) {
                char c = iri.charAt(i);
                if (!(c >= 'a' && c <= 'z') && !(i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'))) {
                    return false;
                }
            }
            for (int i = 0; i < iri.length(); i++) {
                char c = iri.charAt(i);
                if (c <= ' ' || c >= 0x7f || c == '%' || c == '\\') {
                    return false;
                }
            }
            return true;
        }

        /** A JSON Pointer with nothing to unescape or decode: empty, or "/" segments of [A-Za-z0-9_$.-]. */
        private static boolean plain(String pointer) {
            if (pointer.isEmpty()) {
                return true;
            }
            if (pointer.charAt(0) != '/' || pointer.endsWith("/") || pointer.contains("//")) {
                return false;
            }
            for (int i = 0; i < pointer.length(); i++) {
                char c = pointer.charAt(i);
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$'
                        || c == '.' || c == '-' || c == '/')) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Whether the node compares as Jackson's own class does: its equals is declared by StringNode, BooleanNode or NullNode. */
    static boolean jacksonEquals(JsonNode v) {
        return JACKSON_EQUALS.get(v.getClass());
    }

    /** By node class, once: whether its equals is Jackson's own (a look-up by reflection costs a microsecond). */
    private static final ClassValue<Boolean> JACKSON_EQUALS = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            try {
                Class<?> declaring = type.getMethod("equals", Object.class).getDeclaringClass();
                return declaring == StringNode.class || declaring == BooleanNode.class || declaring == NullNode.class;
            } catch (NoSuchMethodException e) {
                return false;
            }
        }
    };

    /** Whether networknt treats a number node as NaN or infinite. */
    static boolean nonFinite(JsonNode n) {
        return n.isFloatingPointNumber() && !n.isBigDecimal() && !n.isBigInteger() && !Double.isFinite(n.doubleValue());
    }

    /** One check's state. */
    private static final class Run {
        private final JsonNode rootData;
        /** The node whose properties {@link #topKeys} records (the root schema), or null: nothing recorded. */
        private final Node record;
        /** The root document's keys by the root schema's property index, once its properties were checked. */
        String[] topKeys;
        private long steps;
        private int depth;
        /** How many oneOf/anyOf are being tried around the current value: a failure there is a branch's answer. */
        private int choice;
        private String[] path;
        private int pathLength;

        Run(JsonNode rootData, Node record) {
            this.rootData = rootData;
            this.record = record;
            this.path = new String[16];
        }

        private boolean fail() {
            if (choice == 0) {
                throw Stop.INVALID;
            }
            return false;
        }

        /** The instance path, kept for the keywords that read another field from where they are. */
        private void push(String token) {
            if (pathLength == path.length) {
                path = java.util.Arrays.copyOf(path, pathLength * 2);
            }
            path[pathLength++] = token;
        }

        private void pop() {
            pathLength--;
        }

        private List<String> base() {
            return java.util.Arrays.asList(java.util.Arrays.copyOf(path, pathLength));
        }

        boolean eval(Node n, JsonNode v) {
            if (n.unknown) {
                throw Stop.UNKNOWN;
            }
            steps += n.weight;
            if (steps > MAX_STEPS || depth >= MAX_DEPTH) {
                throw Stop.UNKNOWN;
            }
            depth++;
            try {
                return apply(n, v);
            } finally {
                depth--;
            }
        }

        private boolean apply(Node n, JsonNode v) {
            if (n.bool != 0) {
                return n.bool == 1 || fail();
            }
            JsonNodeType t = v.getNodeType();
            if (t == JsonNodeType.BINARY || t == JsonNodeType.POJO || t == JsonNodeType.MISSING
                    || (t == JsonNodeType.NUMBER && nonFinite(v))) {
                throw Stop.UNKNOWN; // networknt's type, format and number handling differ for these: it decides
            }
            boolean ok = true;
            if (n.type != 0 && !type(n.type, v, t)) {
                ok = fail();
            }
            if (n.constKind != 0 && !constant(n, v)) {
                ok = fail();
            }
            if (n.enumSet != null && !enumerated(n.enumSet, v)) {
                ok = fail();
            }
            if (t == JsonNodeType.STRING) {
                if (n.lengths) {
                    String s = v.asString();
                    int length = s.codePointCount(0, s.length());
                    if (length < n.minLength || length > n.maxLength) {
                        ok = fail();
                    }
                }
                if (n.format != null && !format(n, v.asString())) {
                    ok = fail();
                }
                if (n.pattern != null && !n.pattern.matches(v.asString())) {
                    ok = fail();
                }
            }
            if (n.bounds != null && t == JsonNodeType.NUMBER) {
                for (Bound b : n.bounds) {
                    boolean crosses;
                    try {
                        crosses = b.crosses(v);
                    } catch (RuntimeException e) {
                        throw Stop.UNKNOWN; // networknt would throw too: its failure, not ours
                    }
                    if (crosses) {
                        ok = fail();
                    }
                }
            }
            if (n.objectKeywords && t == JsonNodeType.OBJECT && !object(n, v)) {
                ok = fail();
            }
            if (t == JsonNodeType.ARRAY && !array(n, v)) {
                ok = fail();
            }
            if (n.personalId && t == JsonNodeType.STRING && VnIdentifiers.isPersonalId(v.asString())
                    && VnKeywords.PersonalIdMatches.mismatches(v, rootData, base(), n.birthRef, n.sexRef) != 0) {
                ok = fail();
            }
            if (n.dateFields != null && !dates(n, v)) {
                ok = fail();
            }
            if (n.ref != null && !eval(n.ref, v)) {
                ok = fail();
            }
            if (n.allOf != null) {
                for (Node b : n.allOf) {
                    if (!eval(b, v)) {
                        ok = fail();
                    }
                }
            }
            if (n.oneOf != null && count(n, n.oneOf, v) != 1) {
                ok = fail();
            }
            if (n.anyOf != null && count(n, n.anyOf, v) == 0) {
                ok = fail();
            }
            return ok;
        }

        /** How many branches hold for {@code v}, every branch tried (networknt may stop sooner; it counts alike). */
        private int count(Node n, Node[] branches, JsonNode v) {
            if (n.choice != null && v instanceof StringNode sn) {
                // every branch a string constant: StringNode.equals is text equality, each branch one step group
                steps += n.choiceWeight;
                if (steps > MAX_STEPS) {
                    throw Stop.UNKNOWN;
                }
                String s = sn.stringValue();
                int h = s.hashCode();
                int found = 0;
                int[] index = n.choiceIndex;
                for (int j = 0; j < index.length; j += 2) {
                    if (index[j] == h) {
                        int start = j == 0 ? 0 : index[j - 1];
                        int len = index[j + 1] - start;
                        if (s.length() == len && s.regionMatches(0, n.choice, start, len)) {
                            found++;
                        }
                    }
                }
                return found;
            }
            choice++;
            int valid = 0;
            try {
                for (Node b : branches) {
                    if (eval(b, v)) {
                        valid++;
                    }
                }
            } finally {
                choice--;
            }
            return valid;
        }

        private static boolean type(int type, JsonNode v, JsonNodeType t) {
            return switch (t) {
                case OBJECT -> type == Node.T_OBJECT;
                case ARRAY -> type == Node.T_ARRAY;
                case STRING -> type == Node.T_STRING;
                case BOOLEAN -> type == Node.T_BOOLEAN;
                case NULL -> type == Node.T_NULL;
                case NUMBER -> v.isIntegralNumber() ? type == Node.T_INTEGER || type == Node.T_NUMBER
                        : type == Node.T_NUMBER || (type == Node.T_INTEGER && v.canConvertToExactIntegral());
                default -> throw Stop.UNKNOWN;
            };
        }

        /**
         * networknt's ConstValidator for a string, boolean or null constant: the constant node's equals (Jackson's:
         * a node of the same class with the same value), which 3.0.9 calls once both node types agree.
         */
        private static boolean constant(Node n, JsonNode v) {
            return switch (n.constKind) {
                case 1 -> v instanceof StringNode sn && n.constString.equals(sn.stringValue());
                case 2 -> v instanceof BooleanNode && v.booleanValue() == n.constBoolean;
                default -> v instanceof NullNode;
            };
        }

        /**
         * networknt's EnumValidator over strings: a set lookup whose equality is the data node's own equals once the
         * node types agree. A string node of Jackson's classes is equal to a string of the same text; a node of
         * another type is equal to none; a string node of another class is not known.
         */
        private static boolean enumerated(Set<String> set, JsonNode v) {
            if (v instanceof StringNode sn && (v.getClass() == PlainJson.PlainString.class || v.getClass() == StringNode.class)) {
                return set.contains(sn.stringValue());
            }
            if (v.getNodeType() != JsonNodeType.STRING) {
                return false;
            }
            throw Stop.UNKNOWN;
        }

        private static boolean format(Node n, String s) {
            if (n.taxCode) {
                return VnIdentifiers.isTaxCode(s, n.taxPersonal);
            }
            return n.format.matches(null, s);
        }

        private boolean object(Node n, JsonNode v) {
            boolean ok = true;
            int count = n.props == null ? 0 : n.props.length;
            long present = 0;
            boolean[] many = count > 64 ? new boolean[count] : null;
            String[] keys = n == record && v == rootData ? (topKeys = new String[count]) : null;
            for (Map.Entry<String, JsonNode> e : v.properties()) {
                String key = e.getKey();
                int i = count == 0 ? -1 : n.indexOf(key);
                if (i >= 0) {
                    if (keys != null) {
                        keys[i] = key;
                    }
                    if (many != null) {
                        many[i] = true;
                    } else {
                        present |= 1L << i;
                    }
                    push(key);
                    try {
                        if (!eval(n.props[i], e.getValue())) {
                            ok = fail();
                        }
                    } finally {
                        pop();
                    }
                } else if (n.additional == 1) {
                    ok = fail();
                } else if (n.additional == 2) {
                    push(key);
                    try {
                        if (!eval(n.additionalNode, e.getValue())) {
                            ok = fail();
                        }
                    } finally {
                        pop();
                    }
                }
            }
            if (n.requiredIdx != null) {
                for (int r = 0; r < n.requiredIdx.length; r++) {
                    int i = n.requiredIdx[r];
                    boolean has = i >= 0 ? (many != null ? many[i] : (present & (1L << i)) != 0)
                            : v.get(n.requiredNames[r]) != null;
                    if (!has) {
                        ok = fail();
                    }
                }
            }
            return ok;
        }

        private boolean array(Node n, JsonNode v) {
            boolean ok = true;
            int size = v.size();
            if (n.itemCounts && (size > n.maxItems || size < n.minItems)) {
                ok = fail();
            }
            if (n.items != null) {
                for (int i = 0; i < size; i++) {
                    push(Integer.toString(i));
                    try {
                        if (!eval(n.items, v.get(i))) {
                            ok = fail();
                        }
                    } finally {
                        pop();
                    }
                }
            }
            return ok;
        }

        private boolean dates(Node n, JsonNode v) {
            LocalDate mine = VnKeywords.date(v);
            if (mine == null) {
                return true;
            }
            List<String> base = null;
            boolean ok = true;
            for (int i = 0; i < n.dateFields.length; i++) {
                if (n.dateFields[i] == null) {
                    continue;
                }
                base = base == null ? base() : base;
                if (VnKeywords.DateBefore.fails(mine, rootData, base, n.dateFields[i], n.dateInclusive(i))) {
                    ok = fail();
                }
            }
            return ok;
        }
    }
}
