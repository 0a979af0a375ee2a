/**
 * The fact vocabulary analysts write rules against; the entry point is
 * {@link io.github.motcua.rules.vocabulary.Actions}, the global {@code decision} of every rule
 * file, with the facts {@link io.github.motcua.rules.vocabulary.Dossier},
 * {@link io.github.motcua.rules.vocabulary.Applicant}, {@link io.github.motcua.rules.vocabulary.Unit}
 * and {@link io.github.motcua.rules.vocabulary.Form}. See docs/rule-authoring.md.
 */
package io.github.motcua.rules.vocabulary;
