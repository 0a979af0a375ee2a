package io.github.motcua.fees;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Nested
    class Arithmetic {
        @Test
        void plus_pastLongMax_throwsOverflowNamingOperands() {
            MoneyOverflowException e = assertThrows(MoneyOverflowException.class,
                    () -> Money.of(Long.MAX_VALUE).plus(Money.of(1)));
            assertTrue(e.getMessage().contains("[" + Long.MAX_VALUE + " + 1]"), e.getMessage());
        }

        @Test
        void times_overflow_throws() {
            assertThrows(MoneyOverflowException.class, () -> Money.of(200_000).times(Long.MAX_VALUE / 1000));
        }

        @Test
        void minus_belowZero_throws() {
            assertThrows(MoneyOverflowException.class, () -> Money.of(5).minus(Money.of(6)));
            assertEquals(Money.ZERO, Money.of(6).minus(Money.of(6)));
        }

        @Test
        void constructor_negative_throws() {
            assertThrows(MoneyOverflowException.class, () -> new Money(-1));
        }
    }

    @Nested
    class Percent {
        @Test
        void percent_halfDong_roundsUp() {
            assertEquals(3_501, Money.of(7_001).percent(50).dong()); // 3,500.5
            assertEquals(3_500, Money.of(7_000).percent(50).dong());
            assertEquals(1, Money.of(1).percent(50).dong()); // 0.5
            assertEquals(0, Money.of(1).percent(49).dong()); // 0.49
        }

        @Test
        void percent_ofLongMax_isExactWithoutOverflow() {
            // 9,223,372,036,854,775,807 × 50% = 4,611,686,018,427,387,903.5 → ...904
            assertEquals(4_611_686_018_427_387_904L, Money.of(Long.MAX_VALUE).percent(50).dong());
            assertEquals(Long.MAX_VALUE, Money.of(Long.MAX_VALUE).percent(100).dong());
        }

        @Test
        void percent_outOfRange_throwsNamingValue() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Money.of(1).percent(101));
            assertTrue(e.getMessage().contains("[101]"));
        }
    }

    @Test
    void formatVi_groupsWithDots_independentOfDefaultLocale() {
        assertEquals("200.000 đ", Money.of(200_000).formatVi());
        assertEquals("1.234.567 đ", Money.of(1_234_567).formatVi());
        assertEquals("0 đ", Money.ZERO.formatVi());
        assertEquals("VND 7,000", Money.of(7_000).formatEn());
    }
}
