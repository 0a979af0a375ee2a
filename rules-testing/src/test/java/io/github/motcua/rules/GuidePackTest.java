package io.github.motcua.rules;

import io.github.motcua.rules.testing.PackTests;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** The examples of docs/rule-authoring.md live in packs/guide; their cases run here so the guide cannot drift. */
class GuidePackTest {
    @TestFactory
    Stream<DynamicNode> cases() {
        return PackTests.forPack(TestPacks.source("guide"));
    }
}
