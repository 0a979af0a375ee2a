package io.github.motcua.examples.pack;

import io.github.motcua.rules.testing.PackTests;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Every analyst case of the Gia Lai pack (examples/packs/gia-lai/procedures/*&#47;cases/*.yaml) as a
 * dynamic test: eligibility, reasons, components, notes, the deadline's due instant, the fee total
 * and lines, and whether the form is valid. A pack that does not load gives one failing test listing
 * its problems.
 */
class GiaLaiCasesTest {
    static final Path PACK = Path.of("packs", "gia-lai");

    @TestFactory
    Stream<DynamicNode> giaLaiCases() {
        return PackTests.forPack(PACK);
    }
}
