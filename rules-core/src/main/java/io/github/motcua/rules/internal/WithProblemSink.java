package io.github.motcua.rules.internal;

import io.github.motcua.kernel.ProblemSink;
import io.github.motcua.rules.PackProblem;
import io.github.motcua.rules.spi.PackSection;
import java.util.Map;

/**
 * A built-in section whose problems the loader ({@code PackLoader.load}) takes in a {@link ProblemSink}, bounded as they
 * are made: the loader folds the sink into the load's ({@link ProblemSink#addAll}), so the count of the problems it did
 * not keep is never rendered in between (a rendered {@code PROBLEMS_MORE} is only words: a later list could not count
 * it). Called through {@link PackSection#load(Map, PackSection.Context)} (a caller outside the loader), the section
 * renders its own sink's list, as the result of any section does. Its {@link PackSection#reload} is its load (the
 * interface's default): the loader calls this load in its place.
 */
interface WithProblemSink {
    /**
     * {@link PackSection#load(Map, PackSection.Context)} with its problems added to {@code problems}; the result carries
     * none of its own.
     */
    PackSection.Result load(Map<String, byte[]> files, PackSection.Context context, ProblemSink<PackProblem> problems);
}
