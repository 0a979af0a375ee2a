package io.github.motcua.fees;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A fee table file lists at most {@link FeeTables#MAX_PROBLEMS} problems, then one {@code FEES_MORE_PROBLEMS} whose value
 * counts the rest: a hostile header of a million unknown columns, or a stray quote in every cell, made a rendered problem
 * a cell and ran out of memory (session 21). The counts are checked against the same table made small enough to list all.
 */
class FeeTableProblemCapTest {
    /** A header of {@code n} unknown columns and nothing else: n unknown columns plus the required ones missing. */
    static String unknownHeader(int n) {
        return "x,".repeat(n - 1) + "x\n";
    }

    @Test
    void fewProblems_allListed_noCount() {
        FeeTableResult r = FeeTablesTest.csv("f.csv", unknownHeader(100));
        assertNull(r.table());
        assertTrue(r.problems().stream().noneMatch(p -> p.code().equals("FEES_MORE_PROBLEMS")), r.problems().toString());
    }

    @Test
    void headerOfManyUnknownColumns_firstProblemsListed_theRestCounted() {
        int missing = FeeTablesTest.csv("f.csv", unknownHeader(100)).problems().size() - 100; // the required columns
        int n = 50_000;
        List<FeeTableProblem> ps = FeeTablesTest.csv("f.csv", unknownHeader(n)).problems();
        assertEquals(FeeTables.MAX_PROBLEMS + 1, ps.size());
        for (int i = 0; i < FeeTables.MAX_PROBLEMS; i++) {
            assertEquals("FEES_UNKNOWN_COLUMN", ps.get(i).code(), "the first found, in the order found: " + i);
            assertEquals(i + 1, ps.get(i).columnNumber());
        }
        FeeTableProblem more = ps.get(FeeTables.MAX_PROBLEMS);
        assertEquals("FEES_MORE_PROBLEMS", more.code());
        assertEquals(Long.toString(n + missing - FeeTables.MAX_PROBLEMS), more.value(), "every problem not listed, counted");
        assertEquals(1, more.row());
        assertEquals("Còn " + (n + missing - FeeTables.MAX_PROBLEMS) + " vấn đề khác của tệp này, từ vị trí này trở đi, không"
                + " được liệt kê: mỗi tệp biểu phí chỉ liệt kê 10000 vấn đề đầu tiên", more.messageVi());
        assertTrue(more.messageEn().startsWith((n + missing - FeeTables.MAX_PROBLEMS) + " more problems of this file"),
                more.messageEn());
    }

    @Test
    void strayQuoteInEveryCell_csvProblemsCapped_andCounted() {
        // a valid header, then rows whose every cell has a character after its closing quote (CSV_AFTER_QUOTE)
        String head = "type,item,kind,nameVi,tariff,rate,basis\n";
        String row = "\"a\"b,\"a\"b,\"a\"b,\"a\"b,\"a\"b,\"a\"b,\"a\"b\n";
        int small = FeeTablesTest.csv("f.csv", head + row).problems().size();
        int rows = 3_000; // 21,000 stray quotes
        List<FeeTableProblem> ps = FeeTablesTest.csv("f.csv", head + row.repeat(rows)).problems();
        assertEquals(FeeTables.MAX_PROBLEMS + 1, ps.size(), ps.subList(0, 3).toString());
        assertEquals("CSV_AFTER_QUOTE", ps.get(0).code());
        FeeTableProblem more = ps.get(ps.size() - 1);
        assertEquals("FEES_MORE_PROBLEMS", more.code());
        assertEquals(Long.toString((long) small * rows - FeeTables.MAX_PROBLEMS), more.value(),
                "a row alone has " + small + " problems; every one of the others counted");
    }
}
