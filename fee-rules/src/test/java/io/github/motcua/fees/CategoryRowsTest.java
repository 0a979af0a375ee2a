package io.github.motcua.fees;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.motcua.dossier.Channel;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A row's categories are read from its item's flat array (session 22: one array per item instead of one list per
 * row; the rows' ends in an {@code int[]}, session 23 — session 22 packed them 8 bits a row into a {@code long} for an
 * item of at most 8 rows and 255 categories): which rate a category selects, which exemption or reduction applies, and
 * the reason it gives (the first of the row's categories the applicant has, in the row's order) are the same for a
 * small item, one past 8 rows and one past 255 categories (where session 22's two forms met).
 */
class CategoryRowsTest {
    private static final String HEAD =
            "type,item,kind,nameVi,nameEn,tariff,rate,channel,categories,percent,stacks,validFrom,validTo,basis,note\n";
    private static final String ROWS = String.join("\n",
            "RATE,le-phi,LE_PHI,Lệ phí thử,Test fee,FLAT,100000,,,,,2017-01-01,,T-BASE,",
            "RATE,le-phi,LE_PHI,Lệ phí thử (học sinh),Test fee (student),FLAT,60000,,STUDENT,,,2017-01-01,,T-BASE,",
            "EXEMPT,le-phi,,,,,,,DISABLED|POOR_HOUSEHOLD|CHILD,,,2017-01-01,,T-BASE,",
            "REDUCE,le-phi,,,,,,,MERITORIOUS|MARTYR_RELATIVE,50,,2017-01-01,,T-BASE,",
            "REDUCE,le-phi,,,,,,,STUDENT,20,true,2017-01-01,,T-BASE,",
            "REDUCE,le-phi,,,,,,ONLINE,,10,,2017-01-01,,T-BASE,Nộp trực tuyến") + "\n";
    private static final LocalDate DAY = LocalDate.of(2026, 5, 4);

    /** The same item with {@code extra} more adjustment rows that never apply (out of force since 2018). */
    private static FeeTable table(int extra) {
        StringBuilder t = new StringBuilder(HEAD).append(ROWS);
        for (int i = 0; i < extra; i++) {
            t.append("REDUCE,le-phi,,,,,,,ELDERLY|STUDENT|POOR_HOUSEHOLD,").append(5 + i)
                    .append(",,2017-01-01,2018-01-01,T-BASE,\n");
        }
        return FeeTablesTest.table(t.toString());
    }

    private static FeeLine line(FeeTable t, Channel c, String... cats) {
        return t.assess(FeeRequest.of("X", DAY).withChannel(c).withCategories(cats)).line("le-phi").orElseThrow();
    }

    @Test
    void categoriesSelectTheSameRatesAndAdjustments_smallOrLargeItem() {
        FeeTable small = table(0); // 6 rows, 6 categories
        FeeTable wide = table(4); // 10 rows (past session 22's 8-row packing)
        FeeTable many = table(90); // 96 rows, 276 categories (past its 255)
        for (FeeTable t : List.of(small, wide, many)) {
            assertEquals(100_000, line(t, Channel.DESK).amount().dong());
            // the category's own rate (60,000), then 20 % off for a student, stacking
            assertEquals(48_000, line(t, Channel.DESK, "STUDENT").amount().dong());
            // exempt: the reason is the row's first category the applicant has, in the row's order
            FeeLine poor = line(t, Channel.DESK, "CHILD", "POOR_HOUSEHOLD", "STUDENT");
            assertEquals(0, poor.amount().dong());
            assertEquals(GiaLaiFees.catalog().find("POOR_HOUSEHOLD").orElseThrow().nameVi(),
                    poor.adjustments().get(0).reasonVi());
            FeeLine merit = line(t, Channel.DESK, "MARTYR_RELATIVE");
            assertEquals(50_000, merit.amount().dong());
            assertEquals(GiaLaiFees.catalog().find("MARTYR_RELATIVE").orElseThrow().nameVi(),
                    merit.adjustments().get(0).reasonVi());
            // a row without categories still applies by its channel, with its note as the reason
            FeeLine online = line(t, Channel.ONLINE);
            assertEquals(90_000, online.amount().dong());
            assertEquals("Nộp trực tuyến", online.adjustments().get(0).reasonVi());
        }
        for (String[] cats : List.of(new String[0], new String[] {"STUDENT"}, new String[] {"ELDERLY", "STUDENT"},
                new String[] {"CHILD"}, new String[] {"MERITORIOUS", "STUDENT"}, new String[] {"DISABLED", "MARTYR_RELATIVE"})) {
            for (Channel c : Channel.values()) {
                FeeAssessment a = small.assess(FeeRequest.of("X", DAY).withChannel(c).withCategories(cats));
                assertEquals(a, wide.assess(FeeRequest.of("X", DAY).withChannel(c).withCategories(cats)), String.join("|", cats));
                assertEquals(a, many.assess(FeeRequest.of("X", DAY).withChannel(c).withCategories(cats)), String.join("|", cats));
            }
        }
    }
}
