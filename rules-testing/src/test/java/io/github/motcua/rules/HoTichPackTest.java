package io.github.motcua.rules;

import io.github.motcua.rules.testing.PackTests;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** The analysts' cases of the civil-status test pack (khai sinh, kết hôn) run as tests. */
class HoTichPackTest {
    @TestFactory
    Stream<DynamicNode> cases() {
        return PackTests.forPack(TestPacks.source("ho-tich"));
    }
}
