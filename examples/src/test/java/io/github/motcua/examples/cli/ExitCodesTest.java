package io.github.motcua.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** One table of exit codes: every constant has a meaning, and every command's help prints its lines of it. */
class ExitCodesTest {
    @Test
    void table_everyExitCodeConstantHasOneMeaning() throws IllegalAccessException {
        Set<Integer> inTable = ExitCodes.TABLE.stream().map(ExitCodes.Meaning::code).collect(Collectors.toSet());
        int constants = 0;
        for (Field f : ExitCodes.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
                assertTrue(inTable.contains(f.getInt(null)), f.getName());
                constants++;
            }
        }
        assertEquals(constants, ExitCodes.TABLE.size());
    }

    @Test
    void help_everyCommand_printsItsCodesFromTheTable() {
        for (List<String> c : HelpTest.COMMANDS) {
            String[] args = new String[c.size() + 1];
            for (int i = 0; i < c.size(); i++) {
                args[i] = c.get(i);
            }
            args[c.size()] = "--help";
            Cli.Run r = Cli.run(args);
            assertTrue(r.out().contains("Mã thoát / Exit codes"), c + r.out());
            // help wraps long lines at 80 columns: compare with runs of white space made one
            String help = r.out().replaceAll("\\s+", " ");
            for (String line : ExitCodes.footer(c.get(c.size() - 1))) {
                assertTrue(help.contains(line.trim().replaceAll("\\s+", " ")), c + ": " + line + "\n" + r.out());
            }
        }
    }

    @Test
    void help_decide_saysCode3MeansNotDecided_andOmitsCodesItCannotEndWith() {
        Cli.Run r = Cli.run("decide", "--help");
        assertTrue(r.out().contains("  3   hồ sơ chưa được quyết định"), r.out());
        assertTrue(!r.out().contains("  1   có ca kiểm thử không đạt"), r.out());
    }
}
