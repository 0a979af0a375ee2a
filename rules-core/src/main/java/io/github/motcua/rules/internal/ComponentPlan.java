package io.github.motcua.rules.internal;

import io.github.motcua.law.LegalBasis;
import io.github.motcua.rules.DossierComponent;
import io.github.motcua.rules.Procedure;
import io.github.motcua.rules.RequiredComponent;
import io.github.motcua.rules.RequiredComponent.ComponentStatus;
import java.util.List;

/**
 * What a decision needs of a procedure's component catalogue (thành phần hồ sơ), worked out once when the procedure is
 * prepared, as one flat array of {@code 4 n} elements for {@code n} components, in catalogue order:
 * <ul>
 *   <li>{@code [0, n)}: each component's id (the catalogue's own object, which a data rule's argument is:
 *   {@link DataEvaluator#bind});</li>
 *   <li>{@code [n, 2n)}: its status when no rule acts on it, the {@link RequiredComponent} REQUIRED or OPTIONAL from
 *   procedure.yaml that every decision gives (immutable: the same object in every decision), or null (not listed);</li>
 *   <li>{@code [2n, 3n)}: the database whose held data waives it (its source), or null;</li>
 *   <li>{@code [3n, 4n)}: the {@link DossierComponent} itself, read only for a component a rule acts on.</li>
 * </ul>
 * A decision over 2,000 procedures reads each procedure's data from cold memory: with this it reads one array instead
 * of every component, its basis and database, the procedure's component and legal-basis lists
 * (docs/performance.md, "Session 20"). Only what does not depend on the dossier is here.
 */
final class ComponentPlan {
    private ComponentPlan() {
    }

    /** The plan of {@code p}'s components (the layout above). */
    static Object[] of(Procedure p) {
        List<DossierComponent> components = p.components();
        int n = components.size();
        Object[] plan = new Object[4 * n];
        LegalBasis procedureBasis = p.legalBases().isEmpty() ? null : p.legalBases().get(0);
        for (int i = 0; i < n; i++) {
            DossierComponent c = components.get(i);
            plan[i] = c.id();
            LegalBasis b = c.basis() != null ? c.basis() : procedureBasis;
            if (c.presence() == DossierComponent.Presence.REQUIRED) {
                plan[n + i] = Evaluator.rc(c, ComponentStatus.REQUIRED, null, null, "procedure.yaml", b);
            } else if (c.presence() == DossierComponent.Presence.OPTIONAL) {
                plan[n + i] = Evaluator.rc(c, ComponentStatus.OPTIONAL, null, null, "procedure.yaml", b);
            }
            plan[2 * n + i] = c.waivableBy() == null ? null : c.waivableBy().source();
            plan[3 * n + i] = c;
        }
        return plan;
    }
}
