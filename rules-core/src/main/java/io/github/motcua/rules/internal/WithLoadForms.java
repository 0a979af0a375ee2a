package io.github.motcua.rules.internal;

import io.github.motcua.kernel.ProblemSink;
import io.github.motcua.rules.PackProblem;
import io.github.motcua.rules.spi.PackSection;
import java.util.Map;
import java.util.Set;

/**
 * A built-in section that reads procedures' form fields: the loader ({@code PackLoader.load}) hands it the load's
 * {@link FormFields.Library} — the pack's shared forms, parsed once, and the procedure forms' fields the folder reads
 * build ({@link FormFields.Library#form}) — so a form is not read twice in one load. Called through
 * {@link PackSection#load(Map, PackSection.Context)} or {@link PackSection#reload} (a caller outside the loader), the
 * section builds a library of its own from the context's files, as before; either way its result is the same.
 *
 * <p>Through the loader its problems go to the sink it is handed, bounded as they are made, and the result carries none:
 * the loader folds the sink into the load's ({@link ProblemSink#addAll}), so the count of the problems it did not keep
 * is never rendered in between.
 */
interface WithLoadForms {
    /** {@link PackSection#load(Map, PackSection.Context)} with the load's forms. */
    PackSection.Result load(Map<String, byte[]> files, PackSection.Context context, FormFields.Library forms,
            ProblemSink<PackProblem> problems);

    /** {@link PackSection#reload(Map, PackSection.Context, Object, Set)} with the load's forms. */
    PackSection.Result reload(Map<String, byte[]> files, PackSection.Context context, Object previousValue, Set<String> unchanged,
            FormFields.Library forms, ProblemSink<PackProblem> problems);
}
