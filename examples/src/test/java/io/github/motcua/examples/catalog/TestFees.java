package io.github.motcua.examples.catalog;

import io.github.motcua.fees.FeeTable;
import io.github.motcua.rules.Engine;
import java.util.Optional;
import java.util.function.Function;

/** The fee tables the engine serves, for tests. */
final class TestFees {
    private TestFees() {
    }

    static Function<String, Optional<FeeTable>> of(Engine engine) {
        return engine::feeTable;
    }
}
