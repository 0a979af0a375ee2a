package io.github.motcua.rules.testing;

import io.github.motcua.rules.Engine;
import io.github.motcua.rules.LoadResult;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.PackProblem;
import io.github.motcua.rules.cases.CaseResult;
import io.github.motcua.rules.cases.CaseRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * Turns a pack's analyst cases into JUnit 5 dynamic tests, one per case, named by its sentence:
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> cases() {
 *     return PackTests.forPack(Path.of("packs/gia-lai"));
 * }
 * }</pre>
 * A pack that does not load gives one failing test listing every problem as {@code file:line:col}.
 * A failing case prints expected versus actual and the rules that fired. Needs
 * {@code junit-jupiter-api} on the test classpath (artifact {@code rules-testing}, which brings it).
 *
 * <p>Thread-safe (stateless).
 */
public final class PackTests {
    private PackTests() {
    }

    /** Loads the pack folder with a default engine and returns its cases as tests. */
    public static Stream<DynamicNode> forPack(Path packDir) {
        Engine engine = Motcua.engine().build();
        return forLoad(engine, engine.load(packDir));
    }

    /** Loads a classpath pack with a default engine and returns its cases as tests. */
    public static Stream<DynamicNode> forClasspathPack(ClassLoader cl, String resourceRoot) {
        Engine engine = Motcua.engine().build();
        return forLoad(engine, engine.load(cl, resourceRoot));
    }

    /** The cases of an engine whose pack is already loaded, grouped by file. */
    public static Stream<DynamicNode> forEngine(Engine engine) {
        List<DynamicNode> files = new ArrayList<>();
        engine.cases().stream().collect(Collectors.groupingBy(c -> c.file(), java.util.LinkedHashMap::new,
                Collectors.toList())).forEach((file, cases) -> files.add(DynamicContainer.dynamicContainer(file,
                        cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
                            CaseResult r = CaseRunner.run(engine, c);
                            if (!r.passed()) {
                                Assertions.fail(r.report());
                            }
                        })))));
        if (files.isEmpty()) {
            files.add(DynamicTest.dynamicTest("pack has cases", () -> Assertions.fail(
                    "the pack has no cases/*.yaml: a pack without cases tests nothing")));
        }
        return files.stream();
    }

    /** JUnit closes a @TestFactory's stream when its tests are done: the engine we built goes with it. */
    private static Stream<DynamicNode> forLoad(Engine engine, LoadResult load) {
        if (!load.ok()) {
            return Stream.<DynamicNode>of(DynamicTest.dynamicTest("pack loads", () -> Assertions.fail(
                    load.problems().stream().map(PackProblem::toString).collect(Collectors.joining("\n")))))
                    .onClose(engine::close);
        }
        return forEngine(engine).onClose(engine::close);
    }
}
