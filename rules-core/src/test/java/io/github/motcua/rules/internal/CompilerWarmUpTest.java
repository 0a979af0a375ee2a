package io.github.motcua.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/** The compiler warm-up compiles the library's own rules the way a pack's procedure is compiled. */
class CompilerWarmUpTest {
    @Test
    void run_compilesTheLibrarysThreeRules_withoutAProblem() {
        List<io.github.motcua.rules.PackProblem> problems = new java.util.ArrayList<>();
        KieBase kb = CompilerWarmUp.run(problems);
        assertEquals(List.of(), problems);
        assertNotNull(kb, "the warm-up rules compiled, passed the verifier and assembled");
        TreeSet<String> names = new TreeSet<>();
        for (KiePackage p : kb.getKiePackages()) {
            for (Rule r : p.getRules()) {
                names.add(p.getName() + ": " + r.getName());
            }
        }
        assertEquals(new TreeSet<>(List.of("motcua.pWARM_UP: Có giấy tờ thì nộp giấy tờ", "motcua.pWARM_UP: Diện tích lớn",
                "motcua.pWARM_UP: Người yêu cầu chưa đủ tuổi")), names);
    }

    @Test
    void wanted_offByTheProperty_orWithOneProcessor() {
        assertTrue(CompilerWarmUp.wanted(null, 2));
        assertTrue(CompilerWarmUp.wanted("true", 16));
        assertFalse(CompilerWarmUp.wanted("false", 16));
        assertFalse(CompilerWarmUp.wanted(" FALSE ", 2));
        assertFalse(CompilerWarmUp.wanted(null, 1));
    }

    @Test
    void procedureFolders_countsEachFolderOnce_andStopsAtEnough() {
        java.util.SortedSet<String> paths = new java.util.TreeSet<>(List.of("pack.yaml", "procedures/x.yaml",
                "procedures/A/procedure.yaml", "procedures/A/rules.drl", "procedures/A.b/procedure.yaml",
                "procedures/A/cases/a.yaml", "procedures/B/cases/c.yaml", "procedures//odd", "legal-bases/a.yaml"));
        assertEquals(3, CompilerWarmUp.procedureFolders(paths, 10));
        assertEquals(2, CompilerWarmUp.procedureFolders(paths, 2));
    }
}
