package io.github.motcua.rules.internal;

import io.github.motcua.kernel.ProblemSink;
import io.github.motcua.rules.PackProblem;
import io.github.motcua.rules.spi.PackSection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

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
 *
 * <p>The loader also hands it the load's threads (since session 23): the section may cut its work into pieces run there,
 * provided it runs itself every piece no load thread has started and waits only for pieces already running (a load
 * thread never waits for queued work), and its result is the one it gives on one thread.
 */
interface WithLoadForms {
    /**
     * {@link PackSection#load(Map, PackSection.Context)} with the load's forms.
     *
     * @param threads the load's threads, or null: everything on the calling thread
     */
    PackSection.Result load(Map<String, byte[]> files, PackSection.Context context, FormFields.Library forms,
            ProblemSink<PackProblem> problems, Executor threads);

    /**
     * {@link PackSection#reload(Map, PackSection.Context, Object, Set)} with the load's forms.
     *
     * @param threads the load's threads, or null: everything on the calling thread
     */
    PackSection.Result reload(Map<String, byte[]> files, PackSection.Context context, Object previousValue, Set<String> unchanged,
            FormFields.Library forms, ProblemSink<PackProblem> problems, Executor threads);
}
