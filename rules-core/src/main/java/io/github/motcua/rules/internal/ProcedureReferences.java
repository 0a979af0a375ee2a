package io.github.motcua.rules.internal;

import io.github.motcua.rules.PackProblem;
import io.github.motcua.rules.Procedure;
import java.util.Collection;
import java.util.List;

/**
 * A section's loaded value that names procedures by code (digitisation.yaml's entries): once the
 * procedure folders are read, the loader asks it for the warnings about codes the pack does not have,
 * each naming the closest codes of the loaded procedures and their aliases — so no section parses
 * procedure.yaml files again to search them. Sections load beside the procedure folders (in parallel),
 * hence after, not during, the section's own load. Implementations are immutable.
 */
interface ProcedureReferences {
    /** The {@code UNKNOWN_PROCEDURE} warnings, each at its file, line and column. */
    List<PackProblem> unknownProcedures(Collection<Procedure> loaded);
}
