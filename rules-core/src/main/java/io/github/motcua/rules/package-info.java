/**
 * Rule packs and the decision engine (bộ quy tắc và bộ máy quyết định); the entry point is
 * {@link io.github.motcua.rules.Motcua#engine()}, which builds a thread-safe
 * {@link io.github.motcua.rules.Engine} that loads a pack and returns a
 * {@link io.github.motcua.rules.Decision} for each {@link io.github.motcua.rules.Dossier}.
 *
 * <p>A decision is whole: the form report (forms-core), eligibility and components (the rules), the
 * deadline (the calendar) and the fees (fee-rules), each with its legal basis in the trace; see
 * docs/integration.md. {@link io.github.motcua.rules.DecisionDocuments} maps a decision to the
 * printable documents of the one-stop desk.
 */
package io.github.motcua.rules;
