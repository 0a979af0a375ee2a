package io.github.motcua.rules.internal;

import io.github.motcua.calendar.DeadlineSettings;
import io.github.motcua.law.LegalBasis;
import io.github.motcua.rules.PackProblem;
import io.github.motcua.rules.Procedure;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Where a pack's cut-off hour (giờ tiếp nhận) applies: pack.yaml {@code cutOffs}, each rule naming the
 * procedures it covers (by code, field or level, less the {@code except} codes) and the legal basis
 * that sets the hour. A procedure's own {@code deadline.cutOff} wins over every rule; a procedure no
 * rule names and that names no cut-off itself has none (docs/pack-format.md "Cut-off"). The first rule
 * that matches a procedure applies. A code the pack does not have, or a rule that covers no procedure,
 * is allowed: a pack copied in part (a test's, a benchmark's, an import into a copy of pack.yaml) keeps
 * loading; the code is a warning (`UNKNOWN_PROCEDURE`) naming the closest codes, so a typo is not
 * silent. Immutable once read.
 */
final class CutOffRules {
    /** No rules: only procedures that name their own cut-off have one. */
    static final CutOffRules NONE = new CutOffRules(List.of());

    /**
     * One rule.
     *
     * @param index      its position in {@code cutOffs}
     * @param at         the hour ({@code at}, else pack.yaml {@code defaults.cutOff}, else 15:00)
     * @param basis      the legal basis of the hour
     * @param procedures procedure codes it names (empty: any)
     * @param field      the procedure field's Vietnamese name it names, or null (any)
     * @param level      the level it names, or null (any)
     * @param except     procedure codes it leaves out
     */
    record Rule(int index, LocalTime at, LegalBasis basis, Set<String> procedures, String field, Procedure.Level level,
            Set<String> except) {
        boolean matches(String code, String fieldVi, Procedure.Level procedureLevel) {
            return !except.contains(code) && (procedures.isEmpty() || procedures.contains(code))
                    && (field == null || field.equals(fieldVi)) && (level == null || level == procedureLevel);
        }

        boolean matches(Procedure p) {
            return matches(p.code(), p.field() == null ? null : p.field().vi(), p.level());
        }
    }

    private final List<Rule> rules;

    private CutOffRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    List<Rule> rules() {
        return rules;
    }

    /**
     * Reads {@code cutOffs} of pack.yaml (already valid against its schema); an unknown basis id or a bad
     * hour is a problem at its line, and its rule is left out.
     */
    static CutOffRules read(YamlDoc pack, Map<String, LegalBasis> bases, List<PackProblem> problems) {
        if (pack == null || pack.root().get("cutOffs") == null) {
            return NONE;
        }
        LocalTime defaultAt = DeadlineSettings.DEFAULT_CUT_OFF;
        JsonNode defaults = pack.root().get("defaults");
        if (defaults != null && defaults.get("cutOff") != null) {
            try {
                defaultAt = LocalTime.parse(defaults.get("cutOff").asString());
            } catch (DateTimeParseException e) {
                // the calendar section reports it at its line
            }
        }
        List<Rule> rules = new ArrayList<>();
        int i = 0;
        for (JsonNode r : pack.root().get("cutOffs")) {
            String ptr = "/cutOffs/" + i;
            String id = r.get("basis").asString();
            LegalBasis b = bases.get(id);
            if (b == null) {
                String near = String.join(", ", FormFields.closest(id, bases.keySet()));
                problems.add(pack.msg(ptr + "/basis", "UNKNOWN_BASIS", "load.procedure.unknownBasis", "id", id, "closest", near));
            }
            LocalTime at = defaultAt;
            if (r.get("at") != null) {
                try {
                    at = LocalTime.parse(r.get("at").asString());
                } catch (DateTimeParseException e) {
                    problems.add(pack.msg(ptr + "/at", "BAD_VALUE", "load.cutOff.badHour", "at", r.get("at").asString()));
                    b = null;
                }
            }
            Procedure.Level level = r.get("level") == null ? null : Procedure.Level.valueOf(r.get("level").asString());
            if (b != null) {
                rules.add(new Rule(i, at, b, codes(r.get("procedures")), r.get("field") == null ? null
                        : r.get("field").asString(), level, codes(r.get("except"))));
            }
            i++;
        }
        return new CutOffRules(rules);
    }

    /**
     * A warning {@code UNKNOWN_PROCEDURE} at each code of {@code cutOffs[].procedures} and
     * {@code cutOffs[].except} that is neither a procedure of the pack nor one's alias, naming the
     * closest codes (aliases searched too): the pack still loads.
     */
    static void unknownProcedures(YamlDoc pack, java.util.Collection<Procedure> procedures, List<PackProblem> warnings) {
        JsonNode rules = pack == null ? null : pack.root().get("cutOffs");
        if (rules == null || !rules.isArray()) {
            return;
        }
        Set<String> known = new java.util.HashSet<>();
        for (Procedure p : procedures) {
            known.add(p.code());
            p.aliases().forEach(a -> known.add(a.code()));
        }
        for (int i = 0; i < rules.size(); i++) {
            for (String list : List.of("procedures", "except")) {
                JsonNode codes = rules.get(i).get(list);
                for (int j = 0; codes != null && j < codes.size(); j++) {
                    String code = codes.get(j).asString();
                    if (!known.contains(code)) {
                        warnings.add(unknownProcedure(pack, "/cutOffs/" + i + "/" + list + "/" + j, code, procedures));
                    }
                }
            }
        }
    }

    /**
     * The warning {@code UNKNOWN_PROCEDURE} at the pointer of {@code doc}: a reference to a procedure the
     * pack does not have, with the closest codes (procedures' own codes and aliases), or "none".
     */
    static PackProblem unknownProcedure(YamlDoc doc, String pointer, String code, java.util.Collection<Procedure> procedures) {
        int[] at = doc.position(pointer);
        return unknownProcedure(doc.file(), at[0], at[1], code, procedures);
    }

    /** As {@link #unknownProcedure(YamlDoc, String, String, java.util.Collection)}, at a position already known. */
    static PackProblem unknownProcedure(String file, int line, int column, String code, java.util.Collection<Procedure> procedures) {
        List<String> near = DossierProblems.closestProcedures(code, procedures).stream().map(Procedure::code).toList();
        return Msg.problem(file, line, column, "UNKNOWN_PROCEDURE", "load.procedure.unknownReference", "code", code,
                "closest", near.isEmpty() ? "-" : String.join(", ", near));
    }

    private static Set<String> codes(JsonNode list) {
        Set<String> out = new LinkedHashSet<>();
        if (list != null) {
            for (JsonNode c : list) {
                out.add(c.asString());
            }
        }
        return Set.copyOf(out);
    }

    /**
     * The deadline of a procedure that names no cut-off of its own: with the first matching rule's hour
     * and basis, or without a cut-off.
     */
    Procedure.BaseDeadline apply(String code, String fieldVi, Procedure.Level level, Procedure.BaseDeadline d) {
        for (Rule r : rules) {
            if (r.matches(code, fieldVi, level)) {
                return d.withCutOff(r.at(), r.basis());
            }
        }
        return d.withCutOff(null, null);
    }

}
