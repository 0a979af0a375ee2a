package io.github.motcua.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import org.drools.drl.ast.descr.PackageDescr;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link DecisionPaths#sessionReason} says "with a session" exactly when {@link DataEvaluator} refuses the rules. */
class DecisionPathsTest {
    private static PackageDescr parsed(String drl) throws Exception {
        org.drools.drl.parser.DrlParser parser = new org.drools.drl.parser.DrlParser(org.kie.internal.builder.conf.LanguageLevelOption.DRL6);
        PackageDescr pd = parser.parse(false, DataRulesTest.ALL_FACTS + drl);
        assertFalse(parser.hasErrors(), () -> "unparsable: " + parser.getErrors());
        return pd;
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "salience 10", "no-loop true", "no-loop false", "lock-on-active false", "lock-on-active true",
        "agenda-group \"g\"", "activation-group \"g\"", "salience -3\n no-loop true"})
    void sessionReason_agreesWithTheEvaluator(String attributes) throws Exception {
        String drl = "rule \"a\" " + attributes + "\nwhen Form() then decision.note(\"x\"); end\n"
                + "rule \"b\" when Dossier() then decision.note(\"y\"); end\n";
        DataRules.Translated t = DataRules.translate("motcua.pT", List.of(parsed(drl)));
        assertNotNull(t, drl);
        String reason = DecisionPaths.sessionReason(t);
        assertEquals(DataEvaluator.of(t) == null, reason != null, attributes + " -> " + reason);
    }
}
