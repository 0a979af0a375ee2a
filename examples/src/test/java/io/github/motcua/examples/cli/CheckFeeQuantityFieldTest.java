package io.github.motcua.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} on Gia Lai with a misspelt {@code unitPath} in the certified-copy fee table (2.000815, the tiered
 * page tariff of Thông tư 226/2016/TT-BTC Art. 4): before, the pack loaded and every copy was charged as one page;
 * now the analyst is shown the cell, the form and the field to write.
 */
class CheckFeeQuantityFieldTest {
    @TempDir
    Path dir;

    @Test
    void check_unitPathTheFormLacks_isAPackProblemAtItsCell() throws IOException {
        Path p = Cli.copyOfGiaLai(dir);
        Path fees = p.resolve("procedures/2.000815/fees.csv");
        String text = Files.readString(fees, StandardCharsets.UTF_8);
        String misspelt = text.replace(",soTrang,soBan,", ",soTrangg,soBan,");
        assertTrue(!misspelt.equals(text), "the test's edit must apply to " + fees);
        Files.writeString(fees, misspelt, StandardCharsets.UTF_8);
        Cli.Run vi = Cli.run("check", p.toString());
        assertEquals(ExitCodes.PACK_PROBLEMS, vi.code(), vi.out() + vi.err());
        assertTrue(vi.out().contains("procedures/2.000815/fees.csv:3:11: [FEES_UNKNOWN_FORM_FIELD] Tờ khai"
                + " [procedures/2.000815/form.schema.json] không có trường [soTrangg] mà cột unitPath của khoản phí [ban-sao]"
                + " đọc làm số lượng"), vi.out());
        assertTrue(vi.out().contains("gần nhất: soTrang (cột unitPath, giá trị [soTrangg])"), vi.out());
        Cli.Run en = Cli.run("check", p.toString(), "--lang", "en");
        assertEquals(ExitCodes.PACK_PROBLEMS, en.code());
        assertTrue(en.out().contains("procedures/2.000815/fees.csv:3:11: [FEES_UNKNOWN_FORM_FIELD] The form"
                + " [procedures/2.000815/form.schema.json] has no field [soTrangg]"), en.out());
    }
}
