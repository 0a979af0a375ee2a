package io.github.motcua.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A caught failure's words must not depend on the JIT: HotSpot throws the JVM's own exceptions from hot compiled code
 * without a message, so every text that quoted one explained the same input one way on a cold JVM and another on a
 * warm one.
 */
class FailuresTest {

    /** What a cold JVM throws for {@code b.booleanValue()} on a null {@code b} (JDK 14+ helpful message). */
    static final NullPointerException COLD_NPE = new NullPointerException(
            "Cannot invoke \"java.lang.Boolean.booleanValue()\" because the return value of \"x\" is null");
    /** What a warm JVM throws for the same code: the preallocated instance, no message. */
    static final NullPointerException WARM_NPE = new NullPointerException();

    @Nested
    class TheJvmsOwnFailures {
        @Test
        void nullPointer_withAndWithoutTheHelpfulMessage_giveTheSameWords() {
            assertEquals(Failures.describe(WARM_NPE), Failures.describe(COLD_NPE));
            assertEquals(Failures.detail(WARM_NPE), Failures.detail(COLD_NPE));
            assertEquals("NullPointerException", Failures.describe(COLD_NPE));
            assertEquals("NullPointerException", Failures.detail(COLD_NPE));
        }

        @Test
        void eachFastThrowKind_isNamedByClassAlone() {
            assertEquals("ArithmeticException", Failures.detail(new ArithmeticException("/ by zero")));
            assertEquals("ArrayIndexOutOfBoundsException", Failures.detail(new ArrayIndexOutOfBoundsException(3)));
            assertEquals("ArrayStoreException", Failures.detail(new ArrayStoreException("java.lang.Integer")));
            assertEquals("ClassCastException", Failures.describe(new ClassCastException(
                    "class java.lang.String cannot be cast to class java.lang.Integer")));
        }

        @Test
        void jdkWordedIndexAndVmFailures_areNamedByClassAlone() {
            assertEquals("StringIndexOutOfBoundsException", Failures.detail(new StringIndexOutOfBoundsException("index 5, length 3")));
            assertEquals("IndexOutOfBoundsException", Failures.detail(new IndexOutOfBoundsException("Index 5 out of bounds for length 2")));
            assertEquals("NegativeArraySizeException", Failures.detail(new NegativeArraySizeException("-1")));
            assertEquals("OutOfMemoryError", Failures.describe(new OutOfMemoryError("Java heap space")));
            assertEquals("StackOverflowError", Failures.describe(new StackOverflowError()));
            assertTrue(Failures.jvmWorded(WARM_NPE));
        }
    }

    /**
     * Session 16: an argument check's {@code NullPointerException} ({@code Objects.requireNonNull(x, "name")}) is made by
     * {@code new} with its caller's words, never preallocated: it keeps them, so a problem or a decision's cause says
     * which argument was null. A null dereference in the same method is still named by class alone.
     */
    @Nested
    class ArgumentChecks {
        private void needs(Object dossier) {
            java.util.Objects.requireNonNull(dossier, "dossier");
        }

        private int dereferences(String text) {
            return text.length();
        }

        @Test
        void requireNonNull_keepsTheArgumentsName() {
            NullPointerException e = org.junit.jupiter.api.Assertions.assertThrows(NullPointerException.class, () -> needs(null));
            assertEquals("NullPointerException: dossier", Failures.describe(e));
            assertEquals("NullPointerException: dossier", Failures.detail(e));
            assertFalse(Failures.jvmWorded(e));
            // the supplier form and requireNonNullElse (the JDK's own argument name) too
            NullPointerException supplied = org.junit.jupiter.api.Assertions.assertThrows(NullPointerException.class,
                    () -> java.util.Objects.requireNonNull(null, () -> "packDir"));
            assertEquals("NullPointerException: packDir", Failures.describe(supplied));
            NullPointerException orElse = org.junit.jupiter.api.Assertions.assertThrows(NullPointerException.class,
                    () -> java.util.Objects.requireNonNullElse(null, null));
            assertEquals("NullPointerException: defaultObj", Failures.describe(orElse));
        }

        @Test
        void nullDereference_orAnNpeMadeElsewhere_stillByClassAlone() {
            NullPointerException e = org.junit.jupiter.api.Assertions.assertThrows(NullPointerException.class, () -> dereferences(null));
            assertEquals("NullPointerException", Failures.describe(e)); // the JDK's helpful message is not quoted
            assertEquals("NullPointerException", Failures.describe(COLD_NPE)); // made outside requireNonNull
            NullPointerException bare = org.junit.jupiter.api.Assertions.assertThrows(NullPointerException.class,
                    () -> java.util.Objects.requireNonNull(null));
            assertEquals("NullPointerException", Failures.describe(bare)); // a check without words
            assertTrue(Failures.jvmWorded(e));
        }
    }

    @Nested
    class OtherFailures {
        @Test
        void keepTheirMessage() {
            assertEquals("IllegalStateException: hết hạn mức", Failures.describe(new IllegalStateException("hết hạn mức")));
            assertEquals("hết hạn mức", Failures.detail(new IllegalStateException("hết hạn mức")));
            assertEquals("disk full", Failures.detail(new IOException("disk full")));
            assertFalse(Failures.jvmWorded(new IllegalArgumentException("x")));
        }

        @Test
        void withoutAMessage_areNamedByClass_neverTheWordNull() {
            assertEquals("IllegalArgumentException", Failures.describe(new IllegalArgumentException()));
            assertEquals("IOException", Failures.detail(new IOException()));
            assertEquals("IllegalStateException", Failures.detail(new IllegalStateException("  ")));
        }
    }
}
