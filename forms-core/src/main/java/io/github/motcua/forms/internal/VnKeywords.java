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
        List<String> base = new ArrayList<>();
        for (int i = 0; i < at.getNameCount(); i++) {
            base.add(at.getName(i));
        }
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
                    int[] ys = VnIdentifiers.birthYearAndSex(node.asString());
                    if (birthRef != null) {
                        LocalDate birth = date(lookup(root, at, birthRef));
                        if (birth != null && birth.getYear() != ys[0]) {
                            ec.addError(error().instanceLocation(at).instanceNode(node)
                                    .evaluationPath(ec.getEvaluationPath()).message("birthYear")
                                    .details(Map.of("check", "birthYear", "other", birthRef,
                                            "year", Integer.toString(birth.getYear())))
                                    .build());
                        }
                    }
                    if (sexRef != null) {
                        JsonNode sexNode = lookup(root, at, sexRef);
                        Boolean female = sexNode != null && sexNode.isString() ? female(sexNode.asString()) : null;
                        if (female != null && female != (ys[1] == 1)) {
                            ec.addError(error().instanceLocation(at).instanceNode(node)
                                    .evaluationPath(ec.getEvaluationPath()).message("sex")
                                    .details(Map.of("check", "sex", "other", sexRef)).build());
                        }
                    }
                }
            };
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
        @Override
        public String getValue() {
            return DATE_BEFORE;
        }

        @Override
        public KeywordValidator newValidator(SchemaLocation location, JsonNode schemaNode, Schema parent, SchemaContext ctx) {
            // each rule's field and inclusiveness read once here, by the rule's index, not from the keyword's tree at
            // every validation: a form's own tree objects that a check of one of thousands of forms would read cold
            List<JsonNode> rules = new ArrayList<>();
            if (schemaNode.isArray()) {
                schemaNode.forEach(rules::add);
            } else {
                rules.add(schemaNode);
            }
            String[] fields = new String[rules.size()];
            boolean[] inclusives = new boolean[rules.size()];
            for (int i = 0; i < fields.length; i++) {
                fields[i] = rules.get(i).path("field").asString(null);
                inclusives[i] = rules.get(i).path("inclusive").asBoolean(false);
            }
            return new BaseKeywordValidator(this, schemaNode, location, parent, ctx) {
                @Override
                public void validate(ExecutionContext ec, JsonNode node, JsonNode root, NodePath at) {
                    LocalDate mine = date(node);
                    if (mine == null) {
                        return;
                    }
                    for (int i = 0; i < fields.length; i++) {
                        String field = fields[i];
                        if (field == null) {
                            continue;
                        }
                        LocalDate other = date(lookup(root, at, field));
                        boolean inclusive = inclusives[i];
                        if (other != null && (inclusive ? mine.isAfter(other) : !mine.isBefore(other))) {
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
