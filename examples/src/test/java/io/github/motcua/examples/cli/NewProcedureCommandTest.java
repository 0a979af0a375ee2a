package io.github.motcua.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code new-procedure}: a skeleton that check reports plainly until filled, and passes once filled. */
class NewProcedureCommandTest {
    @TempDir
    Path dir;

    @Test
    void newProcedure_createsEveryFile() {
        Path pack = Cli.copyOfGiaLai(dir);
        Cli.Run r = Cli.run("new-procedure", pack.toString(), "GL.TEST.01");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        Path p = pack.resolve("procedures/GL.TEST.01");
        for (String f : new String[] {"procedure.yaml", "form.schema.json", "rules.drl", "fees.csv", "cases/co-ban.yaml"}) {
            assertTrue(Files.isRegularFile(p.resolve(f)), f);
            assertTrue(r.out().contains("procedures/GL.TEST.01/" + f), r.out());
        }
    }

    @Nested
    class Check {
        @Test
        void check_unfilledSkeleton_reportsTheTodosAsProblemsNotACrash() throws IOException {
            Path pack = Cli.copyOfSmallPack(dir);
            assertEquals(ExitCodes.OK, Cli.run("new-procedure", pack.toString(), "GL.TEST.01").code());
            Cli.Run r = Cli.run("check", pack.toString());
            assertEquals(ExitCodes.PACK_PROBLEMS, r.code(), r.out() + r.err());
            assertFalse(r.err().contains("lỗi nội bộ"), r.err());
            List<String> yaml = Files.readAllLines(pack.resolve("procedures/GL.TEST.01/procedure.yaml"), StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("procedures/GL\\.TEST\\.01/procedure\\.yaml:(\\d+):\\d+: \\[").matcher(r.out());
            int problems = 0;
            while (m.find()) {
                problems++;
                String line = yaml.get(Integer.parseInt(m.group(1)) - 1);
                assertTrue(line.contains("TODO"), "each problem points at a TODO line: " + line);
            }
            assertTrue(problems >= 1, r.out());
        }

        @Test
        void check_filledSkeleton_passes() throws IOException {
            Path pack = Cli.copyOfSmallPack(dir);
            assertEquals(ExitCodes.OK, Cli.run("new-procedure", pack.toString(), "GL.TEST.01").code());
            Path y = pack.resolve("procedures/GL.TEST.01/procedure.yaml");
            String filled = Files.readString(y, StandardCharsets.UTF_8)
                    .replace("level: TODO", "level: COMMUNE")
                    .replace("amount: TODO", "amount: 3")
                    .replace("TODO-CAN-CU", "LHT-2014-D16");
            Files.writeString(y, filled, StandardCharsets.UTF_8);
            Cli.Run r = Cli.run("check", pack.toString());
            assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
        }
    }

    @Test
    void newProcedure_existingFolder_refusedAndUntouched() throws IOException {
        Path pack = Cli.copyOfGiaLai(dir);
        Path y = pack.resolve("procedures/2.000815/procedure.yaml");
        String before = Files.readString(y, StandardCharsets.UTF_8);
        Cli.Run r = Cli.run("new-procedure", pack.toString(), "2.000815");
        assertEquals(ExitCodes.BAD_ARGUMENT, r.code());
        assertTrue(r.err().contains("2.000815"), r.err());
        assertEquals(before, Files.readString(y, StandardCharsets.UTF_8));
    }

    @Test
    void newProcedure_codeWithPathCharacters_refusedAndNothingWritten() {
        Path pack = Cli.copyOfGiaLai(dir);
        for (String bad : new String[] {"../evil", "a/b", "a\\b", "..", ".hidden", "", "c:x", "a b"}) {
            Cli.Run r = Cli.run("new-procedure", pack.toString(), bad);
            assertEquals(ExitCodes.BAD_ARGUMENT, r.code(), bad);
            assertTrue(r.err().contains("[" + bad + "]"), r.err());
        }
        assertFalse(Files.exists(dir.resolve("evil")));
        assertFalse(Files.exists(pack.resolve("procedures/a")));
    }

    @Test
    void newProcedure_notAPack_exitsFive() {
        assertEquals(ExitCodes.BAD_ARGUMENT, Cli.run("new-procedure", dir.toString(), "GL.TEST.01").code());
    }
}
