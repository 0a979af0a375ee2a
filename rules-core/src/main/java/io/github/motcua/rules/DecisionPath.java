package io.github.motcua.rules;

import java.util.Objects;

/**
 * How the engine decides a procedure's rules (cách quyết định quy tắc của thủ tục): as data, read by a library
 * class without a Drools session and without compiling anything from the pack, or compiled by the Java compiler into
 * an executable-model KieBase (docs/rule-authoring.md §2, "what is data and what is compiled"). A compiled procedure
 * names the first construct that sent it to the compiler, so an analyst can rewrite that rule as data.
 * {@code Engine.decisionPath(code)} answers it; {@code motcua-cli check} prints a summary, and each procedure with
 * {@code --verbose}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind   which path
 * @param reason for {@link Kind#COMPILED} and {@link Kind#DATA_IN_SESSION}, the first thing found that keeps the
 *               procedure off the data path, naming the rule (e.g. {@code rule [Over 18]: constraint `age() > 18 &&
 *               text("a").length() > 3`: identifier}); empty for {@link Kind#DATA}
 */
public record DecisionPath(Kind kind, String reason) {
    public DecisionPath {
        Objects.requireNonNull(kind, "kind");
        reason = reason == null ? "" : reason;
    }

    /** The paths. */
    public enum Kind {
        /**
         * Rules as data (quy tắc dạng dữ liệu): built without the Java compiler and decided by the library's evaluator,
         * without a Drools session.
         */
        DATA,
        /**
         * Rules as data, built without the Java compiler, but decided with a Drools session because a rule's attribute
         * is the agenda's business ({@code agenda-group}, {@code activation-group}, {@code lock-on-active true}), or
         * because {@code -Dmotcua.rules.droolsSessions=true} is set.
         */
        DATA_IN_SESSION,
        /**
         * Compiled (biên dịch): a rule lies outside the data subset, so the procedure's rules go through the Java
         * compiler and the bytecode verifier and are decided with a Drools session.
         */
        COMPILED,
        /** No rule (chưa có quy tắc): nothing to decide, e.g. a procedure imported from the national database, not assessed yet. */
        NO_RULES
    }
}
