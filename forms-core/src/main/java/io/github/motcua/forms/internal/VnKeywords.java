package io.github.motcua.forms.internal;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaContext;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.format.Format;
import com.networknt.schema.keyword.BaseKeywordValidator;
import com.networknt.schema.keyword.FormatValidator;
import com.networknt.schema.keyword.Keyword;
import com.networknt.schema.keyword.KeywordValidator;
import com.networknt.schema.path.NodePath;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/** Our formats and keywords, plugged into networknt's 2020-12 dialect. */
final class VnKeywords {
    private VnKeywords() {
    }

    static final String PERSONAL_ID_MATCHES = "x-vn-personal-id-matches";
    static final String DATE_BEFORE = "x-vn-date-before";
    static final String ACCEPTS_PERSONAL_ID = "x-vn-tax-code-accepts-personal-id";
    /** Our keywords that carry text or hints for people and renderers, not assertions. */
    static final List<String> ANNOTATIONS = List.of("x-title-en", "x-description-en", "x-message", "x-message-en",
            "x-widget", ACCEPTS_PERSONAL_ID);

    record SimpleFormat(String name, Predicate<String> test) implements Format {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean matches(ExecutionContext executionContext, String value) {
            return test.test(value);
        }
    }

    static final class TaxCodeFormat implements Format {
        @Override
        public String getName() {
            return "vn-tax-code";
        }

        @Override
        public boolean matches(ExecutionContext ctx, SchemaContext sctx, JsonNode node, JsonNode root,
                NodePath at, boolean assertionsEnabled, FormatValidator validator) {
            if (!node.isString()) {
                return true;
            }
            boolean personal = validator.getParentSchema() != null
                    && validator.getParentSchema().getSchemaNode().path(ACCEPTS_PERSONAL_ID).asBoolean(false);
            return VnIdentifiers.isTaxCode(node.asString(), personal);
        }
    }

    static List<Format> formats(Predicate<String> unitCodes) {
        return List.of(
                new SimpleFormat("vn-personal-id", VnIdentifiers::isPersonalId),
                new SimpleFormat("vn-mobile", VnIdentifiers::isMobile),
                new SimpleFormat("vn-unit-code", unitCodes),
                new TaxCodeFormat(),
                new IsoDateFormat());
    }

    /** Resolves a reference to another field: a sibling name, a relative JSON pointer "N/a/b", a root dot path "a.b", or "/abs". */
    static JsonNode lookup(JsonNode root, NodePath at, String ref) {
        return lookup(root, tokens(at), ref);
    }

    /** The tokens of an instance location, as {@link #lookup(JsonNode, List, String)} takes them (an index as its digits). */
    static List<String> tokens(NodePath at) {
        List<String> base = new ArrayList<>(at.getNameCount());
        for (int i = 0; i < at.getNameCount(); i++) {
            base.add(at.getName(i));
        }
        return base;
    }

    /**
     * The value a field reference names, seen from the field at {@code base} (its path tokens from the root, an array
     * index as its decimal digits), or null. One definition for networknt's validators and {@link CompactForm}.
     */
    static JsonNode lookup(JsonNode root, List<String> base, String ref) {
        List<String> path = resolvePath(base, ref);
        if (path == null) {
            return null;
        }
        JsonNode n = root;
        for (String t : path) {
            if (n == null) {
                return null;
            }
            n = n.isArray() && SchemaStore.isIndex(t) ? n.get(Integer.parseInt(t)) : n.get(t);
        }
        return n;
    }

    /** The absolute path tokens a field reference names, seen from the field at {@code base}; null if it climbs too far. */
    static List<String> resolvePath(List<String> base, String ref) {
        List<String> path;
        if (ref.startsWith("/")) {
            path = Pointers.tokens(ref);
        } else if (ref.indexOf('.') > 0 && !Character.isDigit(ref.charAt(0))) {
            // a dot path from the form root, as rules read fields: "treEm.ngaySinh"
            path = new ArrayList<>(List.of(ref.split("\\.")));
        } else {
            int slash = ref.indexOf('/');
            String head = slash < 0 ? ref : ref.substring(0, slash);
            if (SchemaStore.isIndex(head)) {
                int up = Integer.parseInt(head);
                if (up > base.size()) {
                    return null;
                }
                path = new ArrayList<>(base.subList(0, base.size() - up));
                if (slash >= 0) {
                    path.addAll(Pointers.tokens(ref.substring(slash)));
                }
            } else {
                path = base.isEmpty() ? new ArrayList<>() : new ArrayList<>(base.subList(0, base.size() - 1));
                path.add(ref);
            }
        }
        return path;
    }

    static LocalDate date(JsonNode n) {
        if (n == null || !n.isString()) {
            return null;
        }
        try {
            return LocalDate.parse(n.asString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static final class PersonalIdMatches implements Keyword {
        @Override
        public String getValue() {
            return PERSONAL_ID_MATCHES;
        }

        @Override
        public KeywordValidator newValidator(SchemaLocation location, JsonNode schemaNode, Schema parent, SchemaContext ctx) {
            // read once here, not from the keyword's tree at every validation (the tree never changes once loaded)
            String birthRef = schemaNode.path("birthDate").asString(null);
            String sexRef = schemaNode.path("sex").asString(null);
            return new BaseKeywordValidator(this, schemaNode, location, parent, ctx) {
                @Override
                public void validate(ExecutionContext ec, JsonNode node, JsonNode root, NodePath at) {
                    if (!node.isString() || !VnIdentifiers.isPersonalId(node.asString())) {
                        return;
                    }
                    List<String> base = tokens(at);
                    int failed = mismatches(node, root, base, birthRef, sexRef);
                    if (failed == 0) {
                        return;
                    }
                    if ((failed & BIRTH_YEAR) != 0) {
                        LocalDate birth = date(lookup(root, base, birthRef));
                        ec.addError(error().instanceLocation(at).instanceNode(node)
                                .evaluationPath(ec.getEvaluationPath()).message("birthYear")
                                .details(Map.of("check", "birthYear", "other", birthRef,
                                        "year", Integer.toString(birth.getYear())))
                                .build());
                    }
                    if ((failed & SEX) != 0) {
                        ec.addError(error().instanceLocation(at).instanceNode(node)
                                .evaluationPath(ec.getEvaluationPath()).message("sex")
                                .details(Map.of("check", "sex", "other", sexRef)).build());
                    }
                }
            };
        }

        static final int BIRTH_YEAR = 1;
        static final int SEX = 2;

        /**
         * Which of the two checks a personal number {@code node} fails against the fields it names ({@link #BIRTH_YEAR},
         * {@link #SEX} bits; 0 when it is not a valid personal number or agrees): the one definition networknt's validator
         * and {@link CompactForm} apply.
         */
        static int mismatches(JsonNode node, JsonNode root, List<String> base, String birthRef, String sexRef) {
            if (!node.isString() || !VnIdentifiers.isPersonalId(node.asString())) {
                return 0;
            }
            int[] ys = VnIdentifiers.birthYearAndSex(node.asString());
            int failed = 0;
            if (birthRef != null) {
                LocalDate birth = date(lookup(root, base, birthRef));
                if (birth != null && birth.getYear() != ys[0]) {
                    failed |= BIRTH_YEAR;
                }
            }
            if (sexRef != null) {
                JsonNode sexNode = lookup(root, base, sexRef);
                Boolean female = sexNode != null && sexNode.isString() ? female(sexNode.asString()) : null;
                if (female != null && female != (ys[1] == 1)) {
                    failed |= SEX;
                }
            }
            return failed;
        }

        static Boolean female(String s) {
            String v = InputTree.nfc(s).trim().toUpperCase(Locale.ROOT);
            return switch (v) {
                case "FEMALE", "NU", "NỮ", "F" -> Boolean.TRUE;
                case "MALE", "NAM", "M" -> Boolean.FALSE;
                default -> null;
            };
        }
    }

    static final class DateBefore implements Keyword {
        /**
         * Whether a date {@code mine} fails one rule: the date at {@code field} (seen from {@code base}) is a date and
         * {@code mine} is not before it (not after it, when {@code inclusive}). The one definition networknt's validator
         * and {@link CompactForm} apply.
         */
        static boolean fails(LocalDate mine, JsonNode root, List<String> base, String field, boolean inclusive) {
            LocalDate other = date(lookup(root, base, field));
            return other != null && (inclusive ? mine.isAfter(other) : !mine.isBefore(other));
        }

        /** Each rule's field (null: the rule names none and is skipped) and inclusiveness, by the rule's index. */
        static String[] fields(JsonNode schemaNode) {
            List<JsonNode> rules = rules(schemaNode);
            String[] fields = new String[rules.size()];
            for (int i = 0; i < fields.length; i++) {
                fields[i] = rules.get(i).path("field").asString(null);
            }
            return fields;
        }

        static boolean[] inclusives(JsonNode schemaNode) {
            List<JsonNode> rules = rules(schemaNode);
            boolean[] inclusives = new boolean[rules.size()];
            for (int i = 0; i < inclusives.length; i++) {
                inclusives[i] = rules.get(i).path("inclusive").asBoolean(false);
            }
            return inclusives;
        }

        private static List<JsonNode> rules(JsonNode schemaNode) {
            List<JsonNode> rules = new ArrayList<>();
            if (schemaNode.isArray()) {
                schemaNode.forEach(rules::add);
            } else {
                rules.add(schemaNode);
            }
            return rules;
        }

        @Override
        public String getValue() {
            return DATE_BEFORE;
        }

        @Override
        public KeywordValidator newValidator(SchemaLocation location, JsonNode schemaNode, Schema parent, SchemaContext ctx) {
            // each rule's field and inclusiveness read once here, by the rule's index, not from the keyword's tree at
            // every validation: a form's own tree objects that a check of one of thousands of forms would read cold
            String[] fields = fields(schemaNode);
            boolean[] inclusives = inclusives(schemaNode);
            return new BaseKeywordValidator(this, schemaNode, location, parent, ctx) {
                @Override
                public void validate(ExecutionContext ec, JsonNode node, JsonNode root, NodePath at) {
                    LocalDate mine = date(node);
                    if (mine == null) {
                        return;
                    }
                    List<String> base = null;
                    for (int i = 0; i < fields.length; i++) {
                        String field = fields[i];
                        if (field == null) {
                            continue;
                        }
                        base = base == null ? tokens(at) : base;
                        boolean inclusive = inclusives[i];
                        if (fails(mine, root, base, field, inclusive)) {
                            ec.addError(error().instanceLocation(at).instanceNode(node)
                                    .evaluationPath(ec.getEvaluationPath()).message("dateBefore")
                                    .details(Map.of("check", "dateBefore", "other", field, "index", Integer.toString(i),
                                            "inclusive", Boolean.toString(inclusive)))
                                    .build());
                        }
                    }
                }
            };
        }
    }
}
