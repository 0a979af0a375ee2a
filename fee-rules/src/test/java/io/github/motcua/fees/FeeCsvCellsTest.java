package io.github.motcua.fees;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A CSV fee table of more than {@link CsvRecords#MAX_CELLS} cells (200,000, as an XLSX one) is refused with one
 * {@code FEES_CSV_TOO_MANY_CELLS} before the kernel's reading keeps a string a cell (issue 15 session 23): session 21's
 * hostile 5 MB header of 2.6 million unknown columns kept 2.6 million strings whatever the problem count. Since session
 * 24 the kernel's CSV reading counts them itself ({@code PackReader.csv(file, text, max)}, pack-core's
 * {@code CsvParserTest}): one grammar, no counting pass of fee-rules' own.
 */
class FeeCsvCellsTest {
    /**
     * A text whose every cell is a kernel quoting problem, past the kernel's 10,000 problems and past the cell limit:
     * still the one refusal (the kernel lists its cut after its capped problems).
     */
    @Test
    void quotingProblemsPastTheirCap_andCellsPastTheLimit_oneRefusal() {
        String text = "\"a\"b,".repeat(CsvRecords.MAX_CELLS) + "\"a\"b\n";
        FeeTableResult refused = FeeTablesTest.csv("f.csv", text);
        assertNull(refused.table());
        assertEquals(List.of("FEES_CSV_TOO_MANY_CELLS"), refused.problems().stream().map(FeeTableProblem::code).toList());
        assertEquals(1, refused.problems().get(0).row());
    }

    @Test
    void aTableAtTheLimit_isRead_oneCellMore_isRefusedAtItsLine() {
        String header = "type,item,kind,nameVi,nameEn,tariff,rate,fromUnit,unitRate,cap,basis\n"; // 11 cells
        int rows = (CsvRecords.MAX_CELLS - 11) / 11; // 18,180 rows of 11: 199,991 cells
        String row = "RATE,x,LE_PHI,a,b,FLAT,1,,,,LHT-2014-D11\n";
        String atLimit = header + row.repeat(rows) + "a,b,c,d,e,f,g,h,i\n"; // 200,000
        FeeTableResult read = FeeTablesTest.csv("f.csv", atLimit);
        assertTrue(read.problems().stream().noneMatch(p -> p.code().equals("FEES_CSV_TOO_MANY_CELLS")));
        assertTrue(read.problems().stream().anyMatch(p -> p.code().equals("FEES_TOO_MANY_ROWS")), "read, and refused for its rows");

        FeeTableResult refused = FeeTablesTest.csv("f.csv", atLimit + "z\n");
        assertNull(refused.table());
        assertEquals(1, refused.problems().size(), refused.problems().toString());
        FeeTableProblem p = refused.problems().get(0);
        assertEquals("FEES_CSV_TOO_MANY_CELLS", p.code());
        assertEquals(rows + 3, p.row(), "the line of cell 200,001");
        assertEquals("Tệp CSV có hơn 200000 ô, quá nhiều cho một bảng phí (mỗi dòng vài chục ô, nhiều nhất 10000 dòng): tệp"
                + " không được đọc tiếp. Kiểm tra dòng tiêu đề và các dấu phẩy thừa", p.messageVi());
        assertTrue(p.messageEn().startsWith("The CSV file has more than 200000 cells"), p.messageEn());
    }

    /**
     * Session 21's hostile header, 2,600,000 unknown columns (5.2 MB, within the fee table's 5 MB limit): one problem, and
     * the parse allocates the decoded text and at most the limit's 200,000 cells, not a string a cell (under 64 MB; about
     * 230 MB before session 23).
     */
    @Test
    void hostileHeader_oneProblem_noStringACell() {
        byte[] bytes = ("x,".repeat(2_599_999) + "x\n").getBytes(StandardCharsets.UTF_8);
        assertTrue(bytes.length <= FeeTables.MAX_FILE_BYTES, "within the file limit: " + bytes.length);
        long[] allocated = {-1};
        List<FeeTableProblem> ps = allocatedBy(() -> FeeTables.parseCsv("f.csv", new ByteArrayInputStream(bytes),
                FeeTablesTest.BASES, GiaLaiFees.catalog()).problems(), allocated);
        assertEquals(List.of("FEES_CSV_TOO_MANY_CELLS"), ps.stream().map(FeeTableProblem::code).toList());
        assertEquals(1, ps.get(0).row());
        org.junit.jupiter.api.Assumptions.assumeTrue(allocated[0] >= 0, "this JVM does not count a thread's allocation");
        System.out.println("FeeCsvCellsTest: the hostile header's parse allocated " + allocated[0] + " bytes");
        assertTrue(allocated[0] < 64L * 1024 * 1024, "allocated " + allocated[0] + " bytes");
    }

    private static <T> T allocatedBy(java.util.function.Supplier<T> run, long[] allocated) {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        if (!(mx instanceof com.sun.management.ThreadMXBean sun) || !sun.isThreadAllocatedMemorySupported()
                || !sun.isThreadAllocatedMemoryEnabled()) {
            return run.get();
        }
        long id = Thread.currentThread().getId();
        long before = sun.getThreadAllocatedBytes(id);
        T t = run.get();
        allocated[0] = sun.getThreadAllocatedBytes(id) - before;
        return t;
    }
}
