package io.github.motcua.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code new-pack}: a pack that passes check as created, in which {@code new-procedure} works. */
class NewPackCommandTest {
    @TempDir
    Path dir;

    @Test
    void newPack_passesCheckAsCreated_andItsHintsNameTheRealCommand() {
        Path pack = dir.resolve("Tỉnh Thử");
        Cli.Run made = Cli.run("new-pack", pack.toString());
        assertEquals(ExitCodes.OK, made.code(), made.err());
        assertTrue(made.out().contains("java -jar ") && made.out().contains(" check " + pack), made.out());
        assertFalse(made.out().contains("motcua check"), made.out());
        Cli.Run r = Cli.run("check", pack.toString());
        assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("tinh-thu 0.1.0"), r.out());
    }

    @Test
    void newProcedure_inANewPack_reportsOnlyItsTodos_andPassesOnceFilled() throws IOException {
        Path pack = dir.resolve("p");
        assertEquals(ExitCodes.OK, Cli.run("new-pack", pack.toString()).code());
        Cli.Run made = Cli.run("new-procedure", pack.toString(), "1.000001");
        assertEquals(ExitCodes.OK, made.code(), made.err());
        assertTrue(made.out().contains("java -jar ") && !made.out().contains("motcua check"), made.out());
        Cli.Run todo = Cli.run("check", pack.toString());
        assertEquals(ExitCodes.PACK_PROBLEMS, todo.code(), todo.out() + todo.err());
        // the form's reference to the shared definitions resolves: only the TODO lines of procedure.yaml are reported
        assertFalse(todo.out().contains("form.schema.json"), todo.out());
        assertFalse(todo.out().contains("urn:motcua:forms:common"), todo.out());
        Path y = pack.resolve("procedures/1.000001/procedure.yaml");
        Files.writeString(y, Files.readString(y, StandardCharsets.UTF_8)
                .replace("level: TODO", "level: COMMUNE")
                .replace("amount: TODO", "amount: 3")
                .replace("TODO-CAN-CU", "ND118-2025"), StandardCharsets.UTF_8);
        Cli.Run r = Cli.run("check", pack.toString());
        assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
    }

    @Test
    void newProcedure_inAPackWithoutSharedForms_writesAFormThatCompiles() throws IOException {
        Path pack = dir.resolve("p");
        assertEquals(ExitCodes.OK, Cli.run("new-pack", pack.toString()).code());
        Files.delete(pack.resolve("forms/common.schema.json"));
        assertEquals(ExitCodes.OK, Cli.run("new-procedure", pack.toString(), "1.000001").code());
        Cli.Run todo = Cli.run("check", pack.toString());
        assertFalse(todo.out().contains("form.schema.json"), todo.out());
    }

    @Test
    void newPack_intoAFolderWithFiles_isRefusedAndWritesNothing() throws IOException {
        Path pack = dir.resolve("p");
        Files.createDirectories(pack);
        Files.writeString(pack.resolve("notes.txt"), "x");
        Cli.Run r = Cli.run("new-pack", pack.toString());
        assertEquals(ExitCodes.BAD_ARGUMENT, r.code());
        assertFalse(Files.exists(pack.resolve("pack.yaml")));
    }
}
